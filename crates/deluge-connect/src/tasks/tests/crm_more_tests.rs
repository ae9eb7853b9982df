//! Org variables, connectors and the less common CRM tasks (spec §3.3).

use super::*;
use crate::http::{Method, MultipartPart, RequestBody};
use deluge_runtime::value::FileObj;
use serde_json::json;
use std::cell::RefCell;
use std::rc::Rc;

#[test]
fn get_org_variable_reads_the_store_without_a_request() {
    let mut env = FakeEnv::default();
    env.org_variables.insert("api_key".into(), "k-1".into());
    let value = run("zoho.crm.getOrgVariable", &[t("api_key")], &mut env);
    assert_eq!(value.as_text(), Some("k-1"));
    // A second TEXT argument is accepted and ignored.
    let value = run(
        "zoho.crm.getOrgVariable",
        &[t("api_key"), t("crm")],
        &mut env,
    );
    assert_eq!(value.as_text(), Some("k-1"));
    assert!(env.sent.is_empty());
}

#[test]
fn an_undefined_org_variable_is_empty_text_and_a_warning() {
    let mut env = FakeEnv::default();
    let value = run("zoho.crm.getOrgVariable", &[t("missing")], &mut env);
    assert_eq!(value.as_text(), Some(""));
    assert_eq!(env.warnings.len(), 1);
    assert!(env.warnings[0].contains("'missing'"), "{}", env.warnings[0]);
}

#[test]
fn invoke_connector_posts_a_logical_request_and_wraps_the_answer() {
    let mut env = FakeEnv::answering([json!({"org":[{"id":"1"}]})]);
    let value = run(
        "zoho.crm.invokeConnector",
        &[t("crm.getorg"), empty_map()],
        &mut env,
    );
    let sent = env.only();
    assert_eq!(sent.request.method, Method::Post);
    assert_eq!(
        sent.request.url.as_str(),
        "deluge-connector://crm/crm.getorg"
    );
    assert_eq!(env.json_body(), json!({}));
    assert_eq!(
        json(&value),
        json!({"status_code":"200","response":"{\"org\":[{\"id\":\"1\"}]}"})
    );
}

#[test]
fn crm_set_answered_by_a_layer_updates_the_store() {
    let mut env = FakeEnv::answering([
        json!({"invoice_counter":"18","message":"New value updated successfully."}),
    ]);
    let args = [
        t("crm.set"),
        m(r#"{"apiname":"invoice_counter","value":18}"#),
    ];
    let value = run("zoho.crm.invokeConnector", &args, &mut env);
    assert_eq!(
        env.json_body(),
        json!({"apiname":"invoice_counter","value":18})
    );
    assert_eq!(json(&value)["status_code"], json!("200"));
    assert_eq!(env.org_variables["invoice_counter"], "18");
}

#[test]
fn an_answer_already_in_the_task_form_is_kept() {
    // The simulator (and a fixture written as the task value) answers
    // with the wrapper itself.
    let wrapped = json!({"status_code":"200","response":"{\"org\":[]}"});
    let mut env = FakeEnv::answering([wrapped.clone()]);
    let value = run(
        "zoho.crm.invokeConnector",
        &[t("crm.getorg"), empty_map()],
        &mut env,
    );
    assert_eq!(json(&value), wrapped);
}

#[test]
fn a_failed_connector_answer_carries_its_status() {
    let mut env = FakeEnv::default();
    env.answer(400, &json!({"code":"INVALID_MODULE"}));
    let args = [t("crm.delete"), m(r#"{"module":"Nope","id":"1"}"#)];
    let value = run("zoho.crm.invokeConnector", &args, &mut env);
    assert_eq!(
        json(&value),
        json!({"status_code":"400","response":"{\"code\":\"INVALID_MODULE\"}"})
    );
    assert_eq!(env.json_body(), json!({"module":"Nope","id":"1"}));
}

#[test]
fn crm_set_with_no_answer_is_answered_locally() {
    let mut env = FakeEnv::default();
    let args = [
        t("crm.set"),
        m(r#"{"apiname":"invoice_counter","value":18}"#),
    ];
    let value = run("zoho.crm.invokeConnector", &args, &mut env);
    assert_eq!(env.org_variables["invoice_counter"], "18");
    let response = json(&value)["response"].as_str().unwrap().to_string();
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&response).unwrap(),
        json!({"invoice_counter":"18","message":"New value updated successfully."})
    );
    assert_eq!(json(&value)["status_code"], json!("200"));
}

#[test]
fn another_connector_with_no_answer_is_an_error() {
    let mut env = FakeEnv::default();
    let e = run_err(
        "zoho.crm.invokeConnector",
        &[t("acme.orders.list"), empty_map()],
        &mut env,
    );
    assert!(
        e.message
            .starts_with("invokeConnector 'acme.orders.list': no fixture or simulator answer"),
        "{}",
        e.message
    );
}

#[test]
fn crm_set_without_apiname_is_an_argument_error() {
    let mut env = FakeEnv::default();
    let e = run_err(
        "zoho.crm.invokeConnector",
        &[t("crm.set"), m(r#"{"value":1}"#)],
        &mut env,
    );
    assert!(e.message.contains("'apiname' and 'value'"), "{}", e.message);
}

fn file(name: &str, bytes: &[u8]) -> Value {
    Value::File(Rc::new(RefCell::new(FileObj {
        name: name.into(),
        param_name: None,
        content_type: "text/plain".into(),
        bytes: bytes.to_vec(),
    })))
}

#[test]
fn attach_file_uploads_a_multipart_file_part() {
    let item = json!({"code":"SUCCESS","details":{"id":"att1"},"message":"attachment uploaded successfully","status":"success"});
    let mut env = FakeEnv::answering([json!({"data":[item.clone()]})]);
    let value = run(
        "zoho.crm.attachFile",
        &[t("Leads"), n(9), file("a.txt", b"hi")],
        &mut env,
    );
    assert_eq!(json(&value), item);
    assert_eq!(
        env.url(),
        "https://www.zohoapis.com/crm/v2/Leads/9/Attachments"
    );
    assert_eq!(
        env.only().request.body,
        RequestBody::Multipart(vec![MultipartPart::File {
            name: "file".into(),
            file_name: "a.txt".into(),
            content_type: "text/plain".into(),
            data: b"hi".to_vec(),
        }])
    );
}

#[test]
fn attach_file_needs_a_file() {
    let mut env = FakeEnv::default();
    let e = run_err(
        "zoho.crm.attachFile",
        &[t("Leads"), n(9), t("a.txt")],
        &mut env,
    );
    assert!(
        e.message.contains("the file must be a FILE, not"),
        "{}",
        e.message
    );
}

#[test]
fn bulk_tasks_write_all_records_and_return_the_items() {
    let items =
        json!([{"code":"SUCCESS","status":"success"},{"code":"SUCCESS","status":"success"}]);
    let mut env =
        FakeEnv::answering([json!({"data":items.clone()}), json!({"data":items.clone()})]);
    let records = m(r#"[{"Last_Name":"A"},{"Last_Name":"B"}]"#);
    let created = run(
        "zoho.crm.bulkCreate",
        &[t("Leads"), records.clone()],
        &mut env,
    );
    let updated = run(
        "zoho.crm.bulkUpdate",
        &[t("Leads"), records, m(r#"{"trigger":["workflow"]}"#)],
        &mut env,
    );
    assert_eq!(json(&created), items);
    assert_eq!(json(&updated), items);
    assert_eq!(env.sent[0].request.method, Method::Post);
    assert_eq!(env.sent[1].request.method, Method::Put);
    assert_eq!(
        env.sent[1].request.url.as_str(),
        "https://www.zohoapis.com/crm/v2/Leads"
    );
}

#[test]
fn bulk_tasks_refuse_more_than_a_hundred_records() {
    let mut env = FakeEnv::default();
    let many = Value::new_list((0..101).map(|_| m(r#"{"Last_Name":"A"}"#)).collect());
    let e = run_err("zoho.crm.bulkCreate", &[t("Leads"), many], &mut env);
    assert!(e.message.contains("at most 100 records"), "{}", e.message);
    assert!(env.sent.is_empty());
}

#[test]
fn convert_lead_returns_the_converted_ids() {
    let ids = json!({"Contacts":"c1","Deals":null,"Accounts":"a1"});
    let mut env = FakeEnv::answering([json!({"data":[ids.clone()]})]);
    let value = run(
        "zoho.crm.convertLead",
        &[n(77), m(r#"{"overwrite":true}"#)],
        &mut env,
    );
    assert_eq!(json(&value), ids);
    assert_eq!(
        env.url(),
        "https://www.zohoapis.com/crm/v2/Leads/77/actions/convert"
    );
    assert_eq!(env.json_body(), json!({"data":[{"overwrite":true}]}));
}

#[test]
fn update_related_record_puts_under_the_parent() {
    let item = json!({"code":"SUCCESS","status":"success"});
    let mut env = FakeEnv::answering([json!({"data":[item.clone()]})]);
    let args = [
        t("Products"),
        t("p1"),
        t("Deals"),
        t("d1"),
        m(r#"{"list_price":10}"#),
        t("crm"),
    ];
    let value = run("zoho.crm.updateRelatedRecord", &args, &mut env);
    assert_eq!(json(&value), item);
    assert_eq!(
        env.url(),
        "https://www.zohoapis.com/crm/v2/Deals/d1/Products/p1"
    );
    assert_eq!(env.json_body(), json!({"data":[{"list_price":10}]}));
    assert_eq!(env.only().connection.as_deref(), Some("crm"));
}
