use super::*;

/// Kinds as an editor infers them.
fn inferred() -> Vocabulary {
    Vocabulary {
        variables: vec![
            ("name".to_string(), Some(Kind::Text)),
            ("items".to_string(), Some(Kind::List)),
            ("count".to_string(), Some(Kind::Number)),
            ("later".to_string(), None),
        ],
        functions: vec!["standalone.notify".to_string()],
        ..Vocabulary::default()
    }
}

/// Kinds of the values of a session, `bag` holding a COLLECTION.
fn live() -> Vocabulary {
    let mut vocabulary = inferred();
    vocabulary
        .variables
        .push(("bag".to_string(), Some(Kind::List)));
    vocabulary.collections = vec!["bag".to_string()];
    vocabulary.live_values = true;
    vocabulary
}

fn names(before: &str) -> (usize, Vec<String>) {
    let found = complete(before, &inferred());
    (found.start, found.names())
}

fn live_names(before: &str) -> Vec<String> {
    complete(before, &live()).names()
}

#[test]
fn methods_of_a_text_literal() {
    let (start, words) = names("\"abc\".toUp");
    assert_eq!(start, 6);
    assert_eq!(words, ["toUpperCase"]);
}

#[test]
fn a_literal_gets_only_the_methods_of_its_type() {
    let (_, words) = names("[1, 2].s");
    assert!(words.contains(&"size".to_string()), "{words:?}");
    assert!(
        !words.iter().any(|w| w.eq_ignore_ascii_case("subString")),
        "{words:?}"
    );
}

#[test]
fn methods_valid_for_an_inferred_type_come_first() {
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
        ..Vocabulary::default()
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
fn only_the_methods_of_a_live_value_are_offered() {
    let words = live_names("items.s");
    assert!(words.contains(&"size".to_string()), "{words:?}");
    assert!(words.contains(&"sort".to_string()), "{words:?}");
    assert!(
        !words.iter().any(|w| w.eq_ignore_ascii_case("subString")),
        "no text methods for a list: {words:?}"
    );
    assert_eq!(live_names("name.toUpp"), ["toUpperCase"]);
}

#[test]
fn collection_functions_only_for_a_collection() {
    assert!(!live_names("items.ins").contains(&"insert".to_string()));
    assert!(live_names("bag.ins").contains(&"insert".to_string()));
    let receiver = receiver("bag", &live()).expect("a known variable");
    assert!(receiver.collection && receiver.certain);
}

#[test]
fn built_ins_that_always_fail_are_not_offered() {
    // builtins §11: toXML and extract are out of scope, always an error.
    assert!(live_names("name.toX").is_empty());
    assert!(names("f().toX").1.is_empty());
    assert!(live_names("name.ext").is_empty());
    assert!(!names("toX").1.iter().any(|w| w.starts_with("toX")));
}

#[test]
fn a_call_chain_has_an_unknown_type() {
    assert_eq!(receiver("name.trim()", &live()), None);
    assert!(live_names("a.b.toUp").contains(&"toUpperCase".to_string()));
}

#[test]
fn unknown_receivers_still_get_every_method() {
    assert!(names("f().toUp").1.contains(&"toUpperCase".to_string()));
    assert!(names("later.toUp").1.contains(&"toUpperCase".to_string()));
}

#[test]
fn methods_that_need_an_argument() {
    assert!(takes_arguments("get"));
    assert!(takes_arguments("subString"));
    assert!(!takes_arguments("toUpperCase"));
    assert!(!takes_arguments("toString"));
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
    let found = complete("i", &inferred());
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
    let found = complete("name.toUpp", &inferred());
    assert_eq!(found.candidates[0].kind, CandidateKind::Method);
    let found = complete("zoho.crm.get", &inferred());
    assert!(
        found
            .candidates
            .iter()
            .all(|c| c.kind == CandidateKind::Zoho)
    );
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
fn zoho_names_from_the_caller_are_offered_once() {
    let vocabulary = Vocabulary {
        zoho_names: vec![
            "zoho.crm.getRecords".to_string(),
            "zoho.crm.upsert".to_string(),
        ],
        ..Vocabulary::default()
    };
    let words = complete("zoho.crm.", &vocabulary).names();
    assert!(words.contains(&"zoho.crm.upsert".to_string()), "{words:?}");
    let count = words.iter().filter(|w| *w == "zoho.crm.getRecords").count();
    assert_eq!(count, 1, "{words:?}");
    let mut in_order = words.clone();
    in_order.sort_by_key(|w| w.to_ascii_lowercase());
    assert_eq!(words, in_order);
}

#[test]
fn nothing_for_an_empty_word() {
    assert!(names("x = ").1.is_empty());
}
