//! `zoho.books.*`: paths, organization id, JSONString bodies and whole
//! responses (spec §3.4).

use super::*;
use crate::http::{Method, RequestBody};
use serde_json::json;

#[test]
fn get_records_by_id_in_any_case_returns_the_whole_response() {
    let answer = json!({"code":0,"message":"success","contact":{"contact_id":"c1"}});
    for name in ["zoho.books.getRecordsByID", "zoho.books.getRecordsById"] {
        let mut env = FakeEnv::answering([answer.clone()]);
        let args = [t("contacts"), n(537000), t("c1"), t("zbooks")];
        let value = run(name, &args, &mut env);
        assert_eq!(json(&value), answer);
        assert_eq!(
            env.url(),
            "https://www.zohoapis.com/books/v3/contacts/c1?organization_id=537000"
        );
        assert_eq!(env.only().service, TaskService::Books);
        assert_eq!(env.only().connection.as_deref(), Some("zbooks"));
    }
}

#[test]
fn get_records_with_a_map_search() {
    let answer = json!({"code":0,"message":"success","items":[],"page_context":{}});
    let mut env = FakeEnv::answering([answer.clone()]);
    let args = [t("Items"), t("537000"), m(r#"{"name":"Widget","page":2}"#)];
    let value = run("zoho.books.getRecords", &args, &mut env);
    assert_eq!(json(&value), answer);
    assert_eq!(
        env.url(),
        "https://www.zohoapis.com/books/v3/items?organization_id=537000&name=Widget&page=2"
    );
}

#[test]
fn a_text_search_is_split_decoded_and_encoded_once() {
    let mut env = FakeEnv::answering([json!({"code":0})]);
    let search = "contact_name=Ann+Lee%26Co&total_greater_than=20000&note=50%";
    run(
        "zoho.books.getRecords",
        &[t("Contacts"), n(1), t(search)],
        &mut env,
    );
    assert_eq!(
        env.url(),
        "https://www.zohoapis.com/books/v3/contacts?organization_id=1&contact_name=Ann+Lee%26Co&total_greater_than=20000&note=50%25"
    );
}

#[test]
fn an_unencoded_text_search_is_taken_literally() {
    let mut env = FakeEnv::answering([json!({"code":0})]);
    run(
        "zoho.books.getRecords",
        &[t("Items"), n(1), t("sku=W-1")],
        &mut env,
    );
    assert_eq!(
        env.url(),
        "https://www.zohoapis.com/books/v3/items?organization_id=1&sku=W-1"
    );
}

fn json_string(env: &FakeEnv) -> serde_json::Value {
    match &env.only().request.body {
        RequestBody::Form(pairs) => {
            assert_eq!(pairs.len(), 1);
            assert_eq!(pairs[0].0, "JSONString");
            serde_json::from_str(&pairs[0].1).unwrap()
        }
        other => panic!("not a form: {other:?}"),
    }
}

#[test]
fn create_record_posts_a_json_string_form_field() {
    let answer =
        json!({"code":0,"message":"The contact has been added.","contact":{"contact_id":"9"}});
    let mut env = FakeEnv::answering([answer.clone()]);
    let args = [
        t("Contacts"),
        t("537000"),
        m(r#"{"contact_name":"Shawn","contact_persons":[]}"#),
    ];
    let value = run("zoho.books.createRecord", &args, &mut env);
    assert_eq!(json(&value), answer);
    assert_eq!(env.only().request.method, Method::Post);
    assert_eq!(
        env.url(),
        "https://www.zohoapis.com/books/v3/contacts?organization_id=537000"
    );
    assert_eq!(
        json_string(&env),
        json!({"contact_name":"Shawn","contact_persons":[]})
    );
}

#[test]
fn update_record_puts_to_the_record() {
    let mut env = FakeEnv::answering([json!({"code":0})]);
    let args = [
        t("SalesOrders"),
        n(5),
        n(12),
        m(r#"{"reference_number":"R1"}"#),
    ];
    run("zoho.books.updateRecord", &args, &mut env);
    assert_eq!(env.only().request.method, Method::Put);
    assert_eq!(
        env.url(),
        "https://www.zohoapis.com/books/v3/salesorders/12?organization_id=5"
    );
    assert_eq!(json_string(&env), json!({"reference_number":"R1"}));
}

#[test]
fn a_books_error_is_returned_as_data() {
    let error = json!({"code":6041,"message":"This user is not associated with the CompanyID/CompanyName:537XX."});
    let mut env = FakeEnv::default();
    env.answer(400, &error);
    let value = run(
        "zoho.books.getRecords",
        &[t("Contacts"), t("537XX")],
        &mut env,
    );
    assert_eq!(json(&value), error);
}

#[test]
fn get_organizations_and_templates() {
    let mut env = FakeEnv::answering([json!({"code":0,"organizations":[]}), json!({"code":0})]);
    run("zoho.books.getOrganizations", &[t("zbooks")], &mut env);
    run("zoho.books.getTemplates", &[t("Invoices"), n(5)], &mut env);
    assert_eq!(
        env.sent[0].request.url.as_str(),
        "https://www.zohoapis.com/books/v3/organizations"
    );
    assert_eq!(env.sent[0].connection.as_deref(), Some("zbooks"));
    assert_eq!(
        env.sent[1].request.url.as_str(),
        "https://www.zohoapis.com/books/v3/invoices/templates?organization_id=5"
    );
}

#[test]
fn an_empty_answer_is_an_empty_map() {
    let mut env = FakeEnv::default();
    env.answer_empty(204);
    let value = run("zoho.books.getRecords", &[t("Contacts"), n(1)], &mut env);
    assert!(value.map_ref().is_some());
    assert_eq!(json(&value), json!({}));
}

#[test]
fn the_record_must_be_a_map() {
    let mut env = FakeEnv::default();
    let e = run_err(
        "zoho.books.createRecord",
        &[t("Contacts"), n(1), t("x=y")],
        &mut env,
    );
    assert!(
        e.message.contains("the record must be a map, not"),
        "{}",
        e.message
    );
}
