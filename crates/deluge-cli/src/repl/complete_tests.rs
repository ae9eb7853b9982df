use super::*;

fn vocabulary() -> Vocabulary {
    Vocabulary {
        variables: vec![
            ("name".to_string(), Kind::Text),
            ("items".to_string(), Kind::List),
            ("count".to_string(), Kind::Number),
            ("bag".to_string(), Kind::List),
        ],
        collections: vec!["bag".to_string()],
        functions: vec!["standalone.notify".to_string()],
    }
}

fn complete(before: &str) -> (usize, Vec<String>) {
    candidates(before, &vocabulary())
}

#[test]
fn methods_of_a_text_literal() {
    let (start, words) = complete("\"abc\".toUp");
    assert_eq!(start, 6);
    assert_eq!(words, ["toUpperCase"]);
}

#[test]
fn only_the_methods_of_a_known_type_are_offered() {
    let (_, words) = complete("items.s");
    assert!(words.contains(&"size".to_string()), "{words:?}");
    assert!(words.contains(&"sort".to_string()), "{words:?}");
    assert!(
        !words.iter().any(|w| w.eq_ignore_ascii_case("subString")),
        "no text methods for a list: {words:?}"
    );
    let (_, words) = complete("name.toUpp");
    assert_eq!(words, ["toUpperCase"]);
    // COLLECTION functions only for a collection.
    assert!(!complete("items.ins").1.contains(&"insert".to_string()));
    assert!(complete("bag.ins").1.contains(&"insert".to_string()));
}

#[test]
fn methods_that_always_fail_are_not_offered() {
    assert!(complete("name.toX").1.is_empty());
    assert!(complete("f().toX").1.is_empty());
    assert!(complete("name.ext").1.is_empty());
}

#[test]
fn methods_with_arguments_get_the_cursor_inside() {
    assert!(takes_arguments("get"));
    assert!(takes_arguments("subString"));
    assert!(!takes_arguments("toUpperCase"));
    assert!(!takes_arguments("toString"));
    assert!(is_method_position("name.toUpp", 5));
    assert!(!is_method_position("zoho.crm.get", 0));
    assert!(!is_method_position("na", 0));
}

#[test]
fn keywords_variables_and_functions() {
    assert_eq!(complete("na").1, ["name"]);
    assert!(complete("x = co").1.contains(&"count".to_string()));
    assert!(complete("re").1.contains(&"return".to_string()));
    assert!(complete("if (ifn").1.contains(&"ifnull".to_string()));
    assert!(
        complete("stand")
            .1
            .contains(&"standalone.notify".to_string())
    );
}

#[test]
fn zoho_names() {
    let (start, words) = complete("r = zoho.crm.getRec");
    assert_eq!(start, 4);
    assert!(
        words.contains(&"zoho.crm.getRecordById".to_string()),
        "{words:?}"
    );
    assert!(words.iter().all(|w| w.starts_with("zoho.crm.getRec")));
    assert!(
        complete("zoho.login")
            .1
            .contains(&"zoho.loginuser".to_string())
    );
}

#[test]
fn commands_at_the_start_of_a_line() {
    assert_eq!(
        complete(":re"),
        (0, vec![":requests".into(), ":reset".into()])
    );
    assert_eq!(complete(":q").1, [":quit"]);
}

#[test]
fn nothing_for_an_empty_word() {
    assert!(complete("x = ").1.is_empty());
}

#[test]
fn unknown_receivers_still_get_every_method() {
    assert!(complete("f().toUp").1.contains(&"toUpperCase".to_string()));
}
