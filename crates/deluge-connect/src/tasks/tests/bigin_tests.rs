//! `zoho.bigin.*`: requests and whole-response values (spec §3.2).

use super::*;
use crate::http::Method;
use serde_json::json;

#[test]
fn get_record_by_id_returns_the_whole_response() {
    let answer = json!({"data":[{"id":"4000000000001","Last_Name":"Smith"}]});
    let mut env = FakeEnv::answering([answer.clone()]);
    let args = [t("Contacts"), n(4000000000001), empty_map(), t("bigincrm")];
    let value = run("zoho.bigin.getRecordById", &args, &mut env);
    assert_eq!(json(&value), answer);
    let sent = env.only();
    assert_eq!(sent.request.method, Method::Get);
    assert_eq!(
        sent.request.url.as_str(),
        "https://www.zohoapis.com/bigin/v2/Contacts/4000000000001"
    );
    assert_eq!(sent.connection.as_deref(), Some("bigincrm"));
    assert_eq!(sent.request.connection.as_deref(), Some("bigincrm"));
    assert_eq!(sent.service, TaskService::Bigin);
    assert_eq!(sent.task, "zoho.bigin.getRecordById");
    assert_eq!(
        sent.request.origin,
        crate::http::CallOrigin::Task("zoho.bigin.getRecordById".into())
    );
}

#[test]
fn get_record_by_id_unwraps_when_the_file_asks() {
    let mut env = FakeEnv::answering([json!({"data":[{"id":"1","Last_Name":"Smith"}]})]);
    env.settings.bigin_unwrap_single_record = true;
    let value = run(
        "zoho.bigin.getRecordById",
        &[t("Contacts"), t("1")],
        &mut env,
    );
    assert_eq!(json(&value), json!({"id":"1","Last_Name":"Smith"}));
}

#[test]
fn options_become_query_parameters() {
    let mut env = FakeEnv::answering([json!({"data":[]})]);
    let args = [t("Contacts"), t("1"), m(r#"{"fields":"Last_Name,Email"}"#)];
    run("zoho.bigin.getRecordById", &args, &mut env);
    assert_eq!(
        env.url(),
        "https://www.zohoapis.com/bigin/v2/Contacts/1?fields=Last_Name%2CEmail"
    );
}

#[test]
fn create_record_posts_data_and_trigger() {
    let answer = json!({"data":[{"code":"SUCCESS","details":{"id":"7"},"message":"record added","status":"success"}]});
    let mut env = FakeEnv::answering([answer.clone()]);
    let args = [
        t("Contacts"),
        m(r#"{"Last_Name":"Smith"}"#),
        m(r#"{"trigger":["workflow"],"lar_id":"9"}"#),
    ];
    let value = run("zoho.bigin.createRecord", &args, &mut env);
    assert_eq!(json(&value), answer);
    assert_eq!(env.only().request.method, Method::Post);
    assert_eq!(
        env.url(),
        "https://www.zohoapis.com/bigin/v2/Contacts?lar_id=9"
    );
    assert_eq!(
        env.json_body(),
        json!({"data":[{"Last_Name":"Smith"}],"trigger":["workflow"]})
    );
}

#[test]
fn update_record_puts_to_the_record() {
    let mut env = FakeEnv::answering([json!({"data":[{"code":"SUCCESS"}]})]);
    let args = [
        t("Pipelines"),
        n(55),
        m(r#"{"Stage":"Won"}"#),
        empty_map(),
        t("b"),
    ];
    run("zoho.bigin.updateRecord", &args, &mut env);
    assert_eq!(env.only().request.method, Method::Put);
    assert_eq!(env.url(), "https://www.zohoapis.com/bigin/v2/Pipelines/55");
    assert_eq!(env.json_body(), json!({"data":[{"Stage":"Won"}]}));
    assert_eq!(env.only().connection.as_deref(), Some("b"));
}

#[test]
fn get_records_pages_default_to_one_and_two_hundred() {
    let mut env = FakeEnv::answering([json!({"data":[],"info":{}})]);
    run("zoho.bigin.getRecords", &[t("Contacts")], &mut env);
    assert_eq!(
        env.url(),
        "https://www.zohoapis.com/bigin/v2/Contacts?page=1&per_page=200"
    );
}

#[test]
fn search_records_encodes_the_criteria() {
    let mut env = FakeEnv::default();
    env.answer_empty(204);
    let criteria = "((Last_Name:equals:Smith)and(Email:starts_with:ann))";
    let value = run(
        "zoho.bigin.searchRecords",
        &[t("Contacts"), t(criteria), n(2)],
        &mut env,
    );
    assert_eq!(
        env.url(),
        "https://www.zohoapis.com/bigin/v2/Contacts/search?criteria=%28%28Last_Name%3Aequals%3ASmith%29and%28Email%3Astarts_with%3Aann%29%29&page=2"
    );
    // No match (204) is an empty map for Bigin (spec §7).
    assert_eq!(json(&value), json!({}));
    assert!(value.map_ref().is_some());
}

#[test]
fn get_related_records_goes_under_the_parent() {
    let mut env = FakeEnv::answering([json!({"data":[{"id":"3"}]})]);
    let args = [t("Notes"), t("Contacts"), t("12")];
    run("zoho.bigin.getRelatedRecords", &args, &mut env);
    assert_eq!(
        env.url(),
        "https://www.zohoapis.com/bigin/v2/Contacts/12/Notes"
    );
}

#[test]
fn delete_record_sends_delete() {
    let mut env = FakeEnv::answering([json!({"data":[{"message":"record deleted"}]})]);
    run(
        "zoho.bigin.deleteRecord",
        &[t("Contacts"), t("12"), t("b")],
        &mut env,
    );
    assert_eq!(env.only().request.method, Method::Delete);
    assert_eq!(env.url(), "https://www.zohoapis.com/bigin/v2/Contacts/12");
    assert_eq!(env.only().connection.as_deref(), Some("b"));
}

#[test]
fn path_segments_are_escaped() {
    let mut env = FakeEnv::answering([json!({})]);
    run(
        "zoho.bigin.getRecordById",
        &[t("Contacts"), t("1/../x")],
        &mut env,
    );
    assert_eq!(
        env.url(),
        "https://www.zohoapis.com/bigin/v2/Contacts/1%2F..%2Fx"
    );
}

#[test]
fn a_connection_key_in_the_options_is_the_link_and_not_a_parameter() {
    let mut env = FakeEnv::answering([json!({"data":[]})]);
    let args = [
        t("Contacts"),
        t("1"),
        m(r#"{"connection":"bigincrm","fields":"Email"}"#),
    ];
    run("zoho.bigin.getRecordById", &args, &mut env);
    assert_eq!(
        env.url(),
        "https://www.zohoapis.com/bigin/v2/Contacts/1?fields=Email"
    );
    assert_eq!(env.only().connection.as_deref(), Some("bigincrm"));
}

#[test]
fn an_api_domain_with_a_path_keeps_it() {
    let endpoint = crate::tasks::endpoint::Endpoint::new(Method::Get, &["bigin", "v2", "Contacts"])
        .param("page", "1");
    let domain = url::Url::parse("http://127.0.0.1:8080/zoho/").unwrap();
    assert_eq!(
        endpoint.url(&domain).as_str(),
        "http://127.0.0.1:8080/zoho/bigin/v2/Contacts?page=1"
    );
}
