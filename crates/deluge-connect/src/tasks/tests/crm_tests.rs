//! `zoho.crm.*` record tasks and users: requests and values (spec §3.3,
//! §3.6, §7).

use super::*;
use crate::http::Method;
use serde_json::json;

fn write_answer(id: &str) -> serde_json::Value {
    json!({"data":[{"code":"SUCCESS","details":{
        "Modified_Time":"2024-05-01T10:00:00+05:30","Modified_By":{"name":"A","id":"1"},
        "Created_Time":"2024-05-01T10:00:00+05:30","id":id,"Created_By":{"name":"A","id":"1"}},
        "message":"record added","status":"success"}]})
}

#[test]
fn get_record_by_id_returns_the_record_itself() {
    let mut env = FakeEnv::answering([json!({"data":[{"id":"42","Company":"Acme"}]})]);
    let value = run("zoho.crm.getRecordById", &[t("Leads"), n(42)], &mut env);
    assert_eq!(json(&value), json!({"id":"42","Company":"Acme"}));
    assert_eq!(env.url(), "https://www.zohoapis.com/crm/v2/Leads/42");
    assert_eq!(env.only().connection, None);
    assert_eq!(env.only().service, TaskService::Crm);
}

#[test]
fn task_and_service_names_are_case_insensitive() {
    let mut env = FakeEnv::answering([json!({"data":[{"id":"42"}]})]);
    let value = run("ZOHO.CRM.GETRECORDBYID", &[t("Leads"), t("42")], &mut env);
    assert_eq!(json(&value), json!({"id":"42"}));
    // The task keeps the name as written, for logs and fixtures.
    assert_eq!(env.only().task, "ZOHO.CRM.GETRECORDBYID");
}

#[test]
fn an_error_answer_is_returned_as_data() {
    let error = json!({"code":"INVALID_TOKEN","details":{},"message":"invalid oauth token","status":"error"});
    let mut env = FakeEnv::default();
    env.answer(401, &error);
    let value = run("zoho.crm.getRecordById", &[t("Leads"), t("42")], &mut env);
    assert_eq!(json(&value), error);
}

#[test]
fn get_records_returns_a_list_of_records() {
    let mut env = FakeEnv::answering([json!({"data":[{"id":"1"},{"id":"2"}],"info":{"count":2}})]);
    let value = run("zoho.crm.getRecords", &[t("Deals"), n(2), n(50)], &mut env);
    assert_eq!(json(&value), json!([{"id":"1"},{"id":"2"}]));
    assert!(value.list_ref().is_some());
    assert_eq!(
        env.url(),
        "https://www.zohoapis.com/crm/v2/Deals?page=2&per_page=50"
    );
}

#[test]
fn list_tasks_return_an_empty_list_for_no_content() {
    for (task, args) in [
        ("zoho.crm.getRecords", vec![t("Deals")]),
        (
            "zoho.crm.searchRecords",
            vec![t("Deals"), t("(Stage:equals:Won)")],
        ),
        (
            "zoho.crm.getRelatedRecords",
            vec![t("Notes"), t("Leads"), t("1")],
        ),
    ] {
        let mut env = FakeEnv::default();
        env.answer_empty(204);
        let value = run(task, &args, &mut env);
        let list = value.list_ref().expect("a LIST");
        assert!(list.items.is_empty());
        drop(list);
        // Scripts test that the text form of "nothing found" is "".
        assert_eq!(value.display(), "", "{task}");
    }
}

#[test]
fn list_tasks_return_the_error_map_of_a_failure() {
    let error = json!({"code":"INVALID_QUERY","details":{"reason":"x"},"message":"invalid query formed","status":"error"});
    let mut env = FakeEnv::default();
    env.answer(400, &error);
    let value = run(
        "zoho.crm.searchRecords",
        &[t("Leads"), t("(Last Name|=|x)")],
        &mut env,
    );
    assert_eq!(json(&value), error);
}

#[test]
fn search_records_sends_the_criteria_and_extra_keys() {
    let mut env = FakeEnv::answering([json!({"data":[{"id":"1"}]})]);
    let args = [
        t("Leads"),
        t("(Email:equals:a@b.com)"),
        n(1),
        n(10),
        m(r#"{"approved":"both"}"#),
    ];
    run("zoho.crm.searchRecords", &args, &mut env);
    assert_eq!(
        env.url(),
        "https://www.zohoapis.com/crm/v2/Leads/search?criteria=%28Email%3Aequals%3Aa%40b.com%29&approved=both&page=1&per_page=10"
    );
}

#[test]
fn search_by_email_needs_no_criteria() {
    let mut env = FakeEnv::answering([json!({"data":[]})]);
    let args = [
        t("Contacts"),
        t(""),
        Value::Null,
        Value::Null,
        m(r#"{"email":"a@b.com"}"#),
    ];
    run("zoho.crm.searchRecords", &args, &mut env);
    assert_eq!(
        env.url(),
        "https://www.zohoapis.com/crm/v2/Contacts/search?email=a%40b.com"
    );
}

#[test]
fn create_record_returns_the_details_of_the_new_record() {
    let mut env = FakeEnv::answering([write_answer("900")]);
    let args = [
        t("Leads"),
        m(r#"{"Last_Name":"Smith"}"#),
        m(r#"{"trigger":"[workflow,blueprint]"}"#),
    ];
    let value = run("zoho.crm.createRecord", &args, &mut env);
    assert_eq!(json(&value)["id"], json!("900"));
    assert!(json(&value).get("Modified_Time").is_some());
    assert_eq!(env.only().request.method, Method::Post);
    assert_eq!(env.url(), "https://www.zohoapis.com/crm/v2/Leads");
    assert_eq!(
        env.json_body(),
        json!({"data":[{"Last_Name":"Smith"}],"trigger":["workflow","blueprint"]})
    );
}

#[test]
fn create_record_failure_is_the_failing_item_without_an_id() {
    let item = json!({"code":"DUPLICATE_DATA","details":{"api_name":"Email","id":"4000000000001"},"message":"duplicate data","status":"error"});
    let mut env = FakeEnv::default();
    env.answer(400, &json!({"data":[item.clone()]}));
    let value = run(
        "zoho.crm.createRecord",
        &[t("Leads"), m(r#"{"Email":"a@b.com"}"#)],
        &mut env,
    );
    assert_eq!(json(&value), item);
}

#[test]
fn create_and_update_are_aliases() {
    let mut env = FakeEnv::answering([write_answer("1"), write_answer("1")]);
    let created = run(
        "zoho.crm.create",
        &[t("Leads"), m(r#"{"Last_Name":"A"}"#)],
        &mut env,
    );
    let updated = run(
        "zoho.crm.update",
        &[t("Leads"), t("1"), m(r#"{"Last_Name":"B"}"#)],
        &mut env,
    );
    assert_eq!(json(&created)["id"], json!("1"));
    assert_eq!(json(&updated)["id"], json!("1"));
    assert_eq!(env.sent[1].request.method, Method::Put);
    assert_eq!(
        env.sent[1].request.url.as_str(),
        "https://www.zohoapis.com/crm/v2/Leads/1"
    );
}

#[test]
fn update_record_sends_other_option_keys_in_the_body() {
    let mut env = FakeEnv::answering([write_answer("5")]);
    let args = [
        t("Deals"),
        n(5),
        m(r#"{"Stage":"Won"}"#),
        m(r#"{"trigger":[],"lar_id":"3"}"#),
        t("crm"),
    ];
    run("zoho.crm.updateRecord", &args, &mut env);
    assert_eq!(
        env.json_body(),
        json!({"data":[{"Stage":"Won"}],"trigger":[],"lar_id":"3"})
    );
    assert_eq!(env.only().connection.as_deref(), Some("crm"));
}

#[test]
fn get_related_records_returns_the_list() {
    let mut env = FakeEnv::answering([json!({"data":[{"id":"n1"}],"info":{}})]);
    let value = run(
        "zoho.crm.getRelatedRecords",
        &[t("Notes"), t("Leads"), n(7), n(1)],
        &mut env,
    );
    assert_eq!(json(&value), json!([{"id":"n1"}]));
    assert_eq!(
        env.url(),
        "https://www.zohoapis.com/crm/v2/Leads/7/Notes?page=1"
    );
}

#[test]
fn users_come_back_as_the_whole_users_response() {
    let users = json!({"users":[{"id":"u1","email":"a@b.com"}],"info":{"count":1}});
    let mut env = FakeEnv::answering([users.clone(), users.clone(), users.clone()]);
    let list = run(
        "zoho.crm.getRecords",
        &[t("users"), n(1), n(200), m(r#"{"type":"ActiveUsers"}"#)],
        &mut env,
    );
    let one = run("zoho.crm.getRecordById", &[t("Users"), t("u1")], &mut env);
    let found = run(
        "zoho.crm.searchRecords",
        &[t("users"), t("(email:equals:a@b.com)")],
        &mut env,
    );
    for value in [list, one, found] {
        assert_eq!(json(&value), users);
    }
    assert_eq!(
        env.sent[0].request.url.as_str(),
        "https://www.zohoapis.com/crm/v2/users?type=ActiveUsers&page=1&per_page=200"
    );
    assert_eq!(
        env.sent[1].request.url.as_str(),
        "https://www.zohoapis.com/crm/v2/Users/u1"
    );
}

#[test]
fn users_type_defaults_to_all_users() {
    let mut env = FakeEnv::answering([json!({"users":[]})]);
    run("zoho.crm.getRecords", &[t("users")], &mut env);
    assert_eq!(
        env.url(),
        "https://www.zohoapis.com/crm/v2/users?type=AllUsers"
    );
}

#[test]
fn a_non_json_answer_is_text() {
    let mut env = FakeEnv::default();
    env.answers.push_back(Ok(crate::http::HttpResponse {
        status: 500,
        headers: vec![("content-type".into(), "text/html".into())],
        body: b"<html>down</html>".to_vec(),
        final_url: url::Url::parse("https://www.zohoapis.com/").unwrap(),
    }));
    let value = run("zoho.crm.getRecordById", &[t("Leads"), t("1")], &mut env);
    assert_eq!(value.as_text(), Some("<html>down</html>"));
}

#[test]
fn a_failed_send_is_the_error() {
    let mut env = FakeEnv::default();
    env.answers
        .push_back(Err(HostError::new("invokeurl: socket timeout error")));
    let e = run_err("zoho.crm.getRecordById", &[t("Leads"), t("1")], &mut env);
    assert_eq!(e.message, "invokeurl: socket timeout error");
}

#[test]
fn an_unknown_task_of_a_known_service_names_it() {
    let mut env = FakeEnv::default();
    let e = run_err("zoho.crm.massUpdate", &[t("Leads")], &mut env);
    assert!(
        e.message
            .starts_with("zoho.crm.massUpdate is not a task of zoho.crm"),
        "{}",
        e.message
    );
    assert!(
        e.message.contains("getRecordById, getRecords"),
        "{}",
        e.message
    );
    assert!(e.unavailable);
    assert!(env.sent.is_empty());
}

#[test]
fn a_service_that_is_not_modelled_points_to_invokeurl() {
    let mut env = FakeEnv::default();
    let e = run_err("zoho.desk.getRecords", &[t("tickets")], &mut env);
    assert_eq!(
        e.message,
        "zoho.desk.getRecords: the zoho.desk tasks are not available locally; call the zoho.desk REST API with invokeurl instead and answer it with a fixture"
    );
    assert!(e.unavailable);
}

#[test]
fn names_that_are_not_tasks_are_not_claimed() {
    let mut env = FakeEnv::default();
    assert!(crate::tasks::call("zoho.crm", &[], &mut env).is_none());
    assert!(crate::tasks::call("other.crm.getRecords", &[], &mut env).is_none());
}

#[test]
fn every_listed_task_is_dispatched() {
    let names: Vec<String> = crate::tasks::task_names().collect();
    assert_eq!(names.len(), 7 + 15 + 6);
    for name in names {
        let mut env = FakeEnv::default();
        // With no arguments each task fails on its arguments or (taking
        // none) on the missing answer, never as an unknown task.
        let e = run_err(&name, &[], &mut env);
        assert!(!e.unavailable, "{name}: {}", e.message);
    }
}
