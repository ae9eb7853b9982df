//! The argument rules of integrations spec §3.1.

use super::super::args::{Slot, parse, wire_text};
use super::*;

const GET_RECORDS: [Slot; 4] = [
    Slot::Required("module"),
    Slot::Number("page"),
    Slot::Number("per_page"),
    Slot::Options,
];

#[test]
fn trailing_optional_arguments_may_be_left_out() {
    let a = parse("zoho.crm.getRecords", &GET_RECORDS, &[t("Leads")]).unwrap();
    assert_eq!(a.number(1), None);
    assert!(a.options(3).is_empty());
    assert_eq!(a.connection(), None);
}

#[test]
fn null_skips_an_argument_in_the_middle() {
    let args = [t("Leads"), Value::Null, n(50), m(r#"{"fields":"Email"}"#)];
    let a = parse("zoho.crm.getRecords", &GET_RECORDS, &args).unwrap();
    assert_eq!(a.number(1), None);
    assert_eq!(a.number(2), Some(50));
    assert_eq!(a.options(3)[0].0, "fields");
}

#[test]
fn empty_maps_and_blank_text_mean_no_options() {
    for none in [empty_map(), m(r#"{"":""}"#), t(" "), Value::Null] {
        let args = [t("Leads"), n(1), n(10), none];
        let a = parse("zoho.crm.getRecords", &GET_RECORDS, &args).unwrap();
        assert!(a.options(3).is_empty());
        assert_eq!(a.connection(), None);
    }
}

#[test]
fn an_argument_after_the_last_slot_is_the_connection() {
    let args = [t("Leads"), n(1), n(10), empty_map(), t("crm_link")];
    let a = parse("zoho.crm.getRecords", &GET_RECORDS, &args).unwrap();
    assert_eq!(a.connection(), Some("crm_link"));
}

#[test]
fn trailing_text_in_an_options_slot_is_the_connection() {
    let slots = [
        Slot::Required("module"),
        Slot::Required("id"),
        Slot::Options,
    ];
    let a = parse(
        "zoho.crm.getRecordById",
        &slots,
        &[t("Leads"), n(5), t("desk_crm")],
    )
    .unwrap();
    assert_eq!(a.connection(), Some("desk_crm"));
    assert_eq!(a.id(1, "id").unwrap(), "5");
}

#[test]
fn trailing_text_in_a_page_slot_is_the_connection() {
    let a = parse(
        "zoho.crm.getRecords",
        &GET_RECORDS,
        &[t("Leads"), t("crm_link")],
    )
    .unwrap();
    assert_eq!(a.connection(), Some("crm_link"));
    assert_eq!(a.number(1), None);
}

#[test]
fn numeric_text_in_a_page_slot_is_a_page() {
    let a = parse("zoho.crm.getRecords", &GET_RECORDS, &[t("Leads"), t("2")]).unwrap();
    assert_eq!(a.number(1), Some(2));
    assert_eq!(a.connection(), None);
}

#[test]
fn a_connection_key_in_the_options_names_the_link_and_is_not_sent() {
    let args = [
        t("Leads"),
        n(1),
        n(10),
        m(r#"{"connection":"crm_link","fields":"Email"}"#),
    ];
    let a = parse("zoho.crm.getRecords", &GET_RECORDS, &args).unwrap();
    assert_eq!(a.connection(), Some("crm_link"));
    let keys: Vec<String> = a.options(3).into_iter().map(|(k, _)| k).collect();
    assert_eq!(keys, ["fields"]);
}

#[test]
fn an_explicit_connection_wins_over_the_options_key() {
    let args = [
        t("Leads"),
        n(1),
        n(10),
        m(r#"{"connection":"other"}"#),
        t("mine"),
    ];
    let a = parse("zoho.crm.getRecords", &GET_RECORDS, &args).unwrap();
    assert_eq!(a.connection(), Some("mine"));
}

#[test]
fn books_search_text_with_equals_is_a_search_and_without_is_the_link() {
    let slots = [
        Slot::Required("module"),
        Slot::Required("org"),
        Slot::Search,
    ];
    let a = parse(
        "zoho.books.getRecords",
        &slots,
        &[t("Items"), n(1), t("sku=W-1")],
    )
    .unwrap();
    assert_eq!(a.connection(), None);
    assert_eq!(a.value(2).as_text(), Some("sku=W-1"));
    let a = parse(
        "zoho.books.getRecords",
        &slots,
        &[t("Items"), n(1), t("zbooks")],
    )
    .unwrap();
    assert_eq!(a.connection(), Some("zbooks"));
    assert!(a.value(2).is_null());
}

#[test]
fn missing_required_arguments_are_named() {
    let slots = [
        Slot::Required("module"),
        Slot::Required("record id"),
        Slot::Options,
    ];
    let e = parse("zoho.crm.getRecordById", &slots, &[t("Leads")]).unwrap_err();
    assert_eq!(
        e.message,
        "Invalid arguments for zoho.crm.getRecordById: it needs 2 (module, record id), 1 given"
    );
    assert!(!e.unavailable);
}

#[test]
fn too_many_arguments_are_an_error() {
    let slots = [Slot::Required("module")];
    let e = parse("zoho.x.y", &slots, &[t("a"), t("b"), t("c")]).unwrap_err();
    assert!(
        e.message.contains("at most 2 arguments, 3 were given"),
        "{}",
        e.message
    );
}

#[test]
fn a_connection_that_is_not_text_is_an_error() {
    let slots = [Slot::Required("module")];
    let e = parse("zoho.x.y", &slots, &[t("a"), n(3)]).unwrap_err();
    assert!(
        e.message
            .contains("connection must be a TEXT link name, not"),
        "{}",
        e.message
    );
}

#[test]
fn options_that_are_not_a_map_are_an_error() {
    let args = [t("Leads"), n(1), n(10), n(4)];
    let e = parse("zoho.crm.getRecords", &GET_RECORDS, &args).unwrap_err();
    assert!(
        e.message.contains("optional values must be a map"),
        "{}",
        e.message
    );
}

#[test]
fn ids_are_decimal_text() {
    let slots = [Slot::Required("id")];
    let a = parse("zoho.x.y", &slots, &[n(4000000012345)]).unwrap();
    assert_eq!(a.id(0, "id").unwrap(), "4000000012345");
    let a = parse("zoho.x.y", &slots, &[t("4000000012345")]).unwrap();
    assert_eq!(a.id(0, "id").unwrap(), "4000000012345");
    let a = parse("zoho.x.y", &slots, &[Value::Null]).unwrap();
    assert!(
        a.id(0, "id")
            .unwrap_err()
            .message
            .ends_with("the id is null")
    );
}

#[test]
fn wire_text_follows_the_conversion_table() {
    assert_eq!(wire_text(&n(4000000012345)), "4000000012345");
    assert_eq!(wire_text(&Value::Bool(true)), "true");
    assert_eq!(wire_text(&Value::Null), "");
    assert_eq!(wire_text(&m(r#"{"a":[1,"x"]}"#)), r#"{"a":[1,"x"]}"#);
}
