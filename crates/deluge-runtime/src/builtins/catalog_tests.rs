use super::*;

fn only(name: &str) -> Entry {
    let found = lookup(name);
    assert_eq!(found.len(), 1, "{name}: {found:?}");
    found[0]
}

#[test]
fn a_method_has_both_forms() {
    let sub = only("subString");
    assert_eq!(sub.section, "text");
    assert_eq!(
        sub.method_form().as_deref(),
        Some("s.subString(start [, end])")
    );
    assert_eq!(sub.function_form(), "subString(s, start [, end])");
    assert_eq!(sub.arity(), "1 to 2");
    assert!(sub.description().starts_with("characters from start"));
}

#[test]
fn aliases_find_the_same_entry() {
    assert_eq!(only("MID").name(), "subString");
}

#[test]
fn a_method_documented_in_function_form_gets_a_method_form() {
    let is_null = only("isNull");
    assert_eq!(is_null.method_form().as_deref(), Some("x.isNull()"));
    assert_eq!(is_null.function_form(), "isNull(x)");
}

#[test]
fn an_optional_first_argument_keeps_its_brackets() {
    let to_date = lookup("toDate");
    let text = to_date
        .iter()
        .find(|e| e.table == Some(Table::Text))
        .expect("text toDate");
    assert_eq!(text.function_form(), "toDate(s [, format])");
}

#[test]
fn a_global_function_has_one_form() {
    let map = only("Map");
    assert_eq!(map.table, None);
    assert_eq!(map.method_form(), None);
    assert_eq!(map.function_form(), "Map([m])");
}

#[test]
fn every_entry_is_in_a_section() {
    for entry in entries() {
        assert!(
            SECTIONS.iter().any(|(s, _)| *s == entry.section),
            "{}",
            entry.name()
        );
    }
}
