use super::*;

fn vocabulary() -> Vocabulary {
    Vocabulary {
        variables: vec![
            ("name".to_string(), Some(Kind::Text)),
            ("items".to_string(), Some(Kind::List)),
            ("count".to_string(), Some(Kind::Number)),
            ("later".to_string(), None),
        ],
        functions: vec!["standalone.notify".to_string()],
    }
}

fn names(before: &str) -> (usize, Vec<String>) {
    let found = complete(before, &vocabulary());
    (found.start, found.names())
}

#[test]
fn methods_of_a_text_literal() {
    let (start, words) = names("\"abc\".toUp");
    assert_eq!(start, 6);
    assert_eq!(words, ["toUpperCase"]);
}

#[test]
fn methods_valid_for_the_variable_type_come_first() {
    let (_, words) = names("items.s");
    let first_other = words
        .iter()
        .position(|w| w.eq_ignore_ascii_case("subString"))
        .expect("text methods are offered too");
    let size = words.iter().position(|w| w == "size").expect("size");
    assert!(size < first_other, "{words:?}");
}

#[test]
fn a_map_variable_offers_put_get_and_keys() {
    let vocabulary = Vocabulary {
        variables: vec![("m".to_string(), Some(Kind::Map))],
        functions: Vec::new(),
    };
    let found = complete("m.", &vocabulary);
    let words = found.names();
    let put = words.iter().position(|w| w == "put").expect("put");
    let keys = words.iter().position(|w| w == "keys").expect("keys");
    let get = words.iter().position(|w| w == "get").expect("get");
    let upper = words.iter().position(|w| w == "toUpperCase").expect("all");
    assert!(put.max(keys).max(get) < upper, "{words:?}");
    assert!(
        found
            .candidates
            .iter()
            .all(|c| c.kind == CandidateKind::Method)
    );
}

#[test]
fn keywords_variables_and_functions() {
    assert_eq!(names("na").1, ["name"]);
    assert!(names("x = co").1.contains(&"count".to_string()));
    assert!(names("re").1.contains(&"return".to_string()));
    assert!(names("if (ifn").1.contains(&"ifnull".to_string()));
    assert!(names("stand").1.contains(&"standalone.notify".to_string()));
}

#[test]
fn candidates_say_what_they_name() {
    let found = complete("i", &vocabulary());
    let kind_of = |name: &str| {
        found
            .candidates
            .iter()
            .find(|c| c.name == name)
            .map(|c| c.kind)
    };
    assert_eq!(kind_of("items"), Some(CandidateKind::Variable));
    assert_eq!(kind_of("if"), Some(CandidateKind::Keyword));
    assert_eq!(kind_of("isNull"), Some(CandidateKind::Builtin));
}

#[test]
fn zoho_names() {
    let (start, words) = names("r = zoho.crm.getRec");
    assert_eq!(start, 4);
    assert!(
        words.contains(&"zoho.crm.getRecordById".to_string()),
        "{words:?}"
    );
    assert!(words.iter().all(|w| w.starts_with("zoho.crm.getRec")));
    assert!(
        names("zoho.login")
            .1
            .contains(&"zoho.loginuser".to_string())
    );
    assert!(
        names("zoho.encryption.sha")
            .1
            .contains(&"zoho.encryption.sha256".to_string())
    );
}

#[test]
fn nothing_for_an_empty_word() {
    assert!(names("x = ").1.is_empty());
}

#[test]
fn unknown_receivers_still_get_every_method() {
    assert!(names("f().toUp").1.contains(&"toUpperCase".to_string()));
    assert!(names("later.toUp").1.contains(&"toUpperCase".to_string()));
}
