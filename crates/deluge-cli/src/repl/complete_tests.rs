use super::*;

fn vocabulary() -> Vocabulary {
    Vocabulary {
        variables: vec![
            ("name".to_string(), Kind::Text),
            ("items".to_string(), Kind::List),
            ("count".to_string(), Kind::Number),
        ],
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
fn methods_valid_for_the_variable_type_come_first() {
    let (_, words) = complete("items.s");
    let first_other = words
        .iter()
        .position(|w| w.eq_ignore_ascii_case("subString"))
        .expect("text methods are offered too");
    let size = words.iter().position(|w| w == "size").expect("size");
    assert!(size < first_other, "{words:?}");
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
