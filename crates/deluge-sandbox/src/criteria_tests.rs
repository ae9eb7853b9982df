use super::*;
use serde_json::json;

fn record(value: serde_json::Value) -> Record {
    value.as_object().unwrap().clone()
}

fn cond(field: &str, op: Op, value: &str) -> Criteria {
    Criteria::Condition(Condition {
        field: field.into(),
        op,
        values: vec![value.into()],
    })
}

#[test]
fn parses_nested_groups() {
    let parsed = parse("((A:equals:1)or((B:equals:2)and(C:starts_with:x)))").unwrap();
    let expected = Criteria::Or(
        Box::new(cond("A", Op::Equals, "1")),
        Box::new(Criteria::And(
            Box::new(cond("B", Op::Equals, "2")),
            Box::new(cond("C", Op::StartsWith, "x")),
        )),
    );
    assert_eq!(parsed, expected);
}

#[test]
fn values_keep_inner_spaces_colons_and_escapes() {
    assert_eq!(
        parse("(Industry:equals:Real Estate)").unwrap(),
        cond("Industry", Op::Equals, "Real Estate")
    );
    assert_eq!(
        parse("(Website:equals:https://a.test)").unwrap(),
        cond("Website", Op::Equals, "https://a.test")
    );
    assert_eq!(
        parse(r"(Name:equals:Burns\, B \(jr\))").unwrap(),
        cond("Name", Op::Equals, "Burns, B (jr)")
    );
    assert_eq!(
        parse("Last_Name:equals:smith").unwrap(),
        cond("Last_Name", Op::Equals, "smith")
    );
}

#[test]
fn list_operators_split_on_unescaped_commas() {
    let Criteria::Condition(c) = parse(r"(Stage:in:Won,Lost\,Late)").unwrap() else {
        panic!("a condition");
    };
    assert_eq!(c.values, vec!["Won", "Lost,Late"]);
}

#[test]
fn malformed_criteria_are_errors() {
    for text in [
        "",
        "(Last Name|=|x)",
        "((A:equals:1)",
        "(A:equals:1))",
        "(A:equals)",
        "(A:like:1)",
        "(A:equals:1) xor (B:equals:2)",
        "(A:between:1)",
        "(:equals:1)",
    ] {
        assert!(parse(text).is_err(), "{text:?} should be malformed");
    }
}

#[test]
fn matching_rules() {
    let r = record(json!({
        "id": "9",
        "Name": "Acme Inc",
        "Amount": 150.5,
        "Closing_Date": "2024-05-01",
        "Owner": {"name": "Sam", "id": "77"},
        "Tags": ["a", "b"],
        "Done": true,
        "Empty": ""
    }));
    let yes = |t: &str| assert!(parse(t).unwrap().matches(&r), "{t} should match");
    let no = |t: &str| assert!(!parse(t).unwrap().matches(&r), "{t} should not match");
    yes("(name:equals:acme inc)");
    no("(Name:equals:acme)");
    yes("(Name:ends_with:INC)");
    yes("(Amount:between:100,200)");
    yes("(Amount:greater_equal:150.5)");
    no("(Amount:less_than:150)");
    yes("(Closing_Date:greater_than:2024-04-30)");
    yes("(Owner:equals:77)");
    yes("(Owner:equals:sam)");
    yes("(Owner.name:equals:Sam)");
    yes("(Tags:in:x,b)");
    no("(Tags:not_in:a)");
    yes("(Done:equals:TRUE)");
    yes("(Empty:equals:null)");
    yes("(Missing:equals:null)");
    no("(Name:equals:null)");
    yes("(Name:not_equal:Other)");
    no("(Missing:starts_with:a)");
}
