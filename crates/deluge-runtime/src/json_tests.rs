use super::*;

fn show(text: &str) -> String {
    match parse(text) {
        Ok(v) => crate::value::json_text(&v),
        Err(e) => format!("error: {}", e.message),
    }
}

#[test]
fn standard_json() {
    assert_eq!(
        show("{\"a\":1,\"b\":[true,null,2.5]}"),
        "{\"a\":1,\"b\":[true,null,2.5]}"
    );
    assert_eq!(show(" [1, \"a\"] "), "[1,\"a\"]");
    assert_eq!(show("\"x\\n\\u00e9\\ud83d\\ude00\""), "\"x\\né😀\"");
    assert_eq!(show("{}"), "{}");
    assert_eq!(show("[]"), "[]");
}

#[test]
fn numbers() {
    assert!(matches!(parse("42"), Ok(Value::Number(42))));
    assert!(matches!(parse("-7"), Ok(Value::Number(-7))));
    assert!(matches!(parse("2.5"), Ok(Value::Decimal(f)) if f == 2.5));
    assert!(matches!(parse("1e3"), Ok(Value::Decimal(f)) if f == 1000.0));
    assert!(matches!(
        parse("99999999999999999999"),
        Ok(Value::Decimal(_))
    ));
    // Not JSON numbers inside containers stay text.
    assert_eq!(show("{a: 01}"), "{\"a\":\"01\"}");
}

#[test]
fn lenient_forms() {
    assert_eq!(
        show("{company:Zoho, product:Creator}"),
        "{\"company\":\"Zoho\",\"product\":\"Creator\"}"
    );
    assert_eq!(
        show("{name:John Smith, age:30}"),
        "{\"name\":\"John Smith\",\"age\":30}"
    );
    assert_eq!(show("{'a':'b c'}"), "{\"a\":\"b c\"}");
    assert_eq!(show("[TRUE, False, NULL]"), "[true,false,null]");
    assert_eq!(show("{a:1\n,b:x y\n}"), "{\"a\":1,\"b\":\"x y\"}");
}

#[test]
fn duplicates_keep_first_position_last_value() {
    assert_eq!(show("{\"a\":1,\"b\":2,\"a\":3}"), "{\"a\":3,\"b\":2}");
}

#[test]
fn invalid_text() {
    for bad in [
        "not json",
        "",
        "{",
        "[1,2",
        "{\"a\":1} x",
        "[1,]",
        "{a}",
        "\"abc",
        "{\"a\" 1}",
    ] {
        assert_eq!(show(bad), "error: Invalid JSON text", "{bad:?}");
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let deep = "[".repeat(100_000);
    assert_eq!(show(&deep), "error: Invalid JSON text");
    let ok = format!("{}{}", "[".repeat(500), "]".repeat(500));
    assert!(parse(&ok).is_ok());
}

#[test]
fn arrays_have_json_origin() {
    let v = parse("[1,[2]]").expect("valid");
    assert!(v.list_ref().is_some_and(|l| l.json_origin));
    assert_eq!(v.display(), "[1,[2]]");
}

#[test]
fn serde_round_trip() {
    let v = parse("{\"a\":[1,2.5,\"x\",null,true],\"b\":{\"c\":-3}}").expect("valid");
    let j = to_json(&v);
    assert_eq!(
        j.to_string(),
        "{\"a\":[1,2.5,\"x\",null,true],\"b\":{\"c\":-3}}"
    );
    let back = from_serde(&j);
    assert_eq!(crate::value::json_text(&back), j.to_string());
    let big: serde_json::Value = serde_json::from_str("18446744073709551615").expect("valid");
    assert!(matches!(from_serde(&big), Value::Decimal(_)));
}
