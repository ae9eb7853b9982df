//! Books v3 routes through the simulator layer, on both hosts.

mod common;

use common::*;
use deluge_connect::{Method, RequestBody, TaskService};
use serde_json::json;

const ORG: &str = "organization_id=10234695";

#[test]
fn both_hosts_reach_the_same_handler() {
    let sim = sim();
    for base in [
        BOOKS,
        "https://books.zoho.com/api/v3",
        "https://books.zoho.eu/api/v3",
    ] {
        let (status, body) = get(&sim, &format!("{base}/contacts/460000000026049?{ORG}"));
        assert_eq!(status, 200, "{base}");
        assert_eq!(body["code"], 0);
        assert_eq!(body["message"], "success");
        assert_eq!(body["contact"]["contact_name"], "Bowman and Co");
    }
}

#[test]
fn organization_id_is_required_and_checked() {
    let sim = sim();
    let (status, body) = get(&sim, &format!("{BOOKS}/contacts"));
    assert_eq!(status, 400);
    assert_eq!(body["code"], 6041);
    let (_, body) = get(&sim, &format!("{BOOKS}/contacts?organization_id=537"));
    assert_eq!(body["code"], 6041);
    assert!(body["message"].as_str().unwrap().contains("537"));
    let (status, body) = get(&sim, &format!("{BOOKS}/organizations"));
    assert_eq!(status, 200);
    assert_eq!(
        body["organizations"],
        json!([{"organization_id": "10234695", "name": "Zillum"}])
    );
}

#[test]
fn list_keeps_the_key_when_empty_and_has_a_page_context() {
    let sim = sim();
    let (status, body) = get(&sim, &format!("{BOOKS}/invoices?{ORG}"));
    assert_eq!(status, 200);
    assert_eq!(body["invoices"], json!([]));
    assert_eq!(body["page_context"]["page"], 1);
    assert_eq!(body["page_context"]["has_more_page"], false);
    // A module the seed does not list is still a module.
    let (_, body) = get(&sim, &format!("{BOOKS}/salesorders?{ORG}"));
    assert_eq!(body["salesorders"], json!([]));
}

#[test]
fn filters_search_text_and_email() {
    let sim = sim();
    let (_, body) = get(&sim, &format!("{BOOKS}/items?{ORG}&sku=w-1"));
    assert_eq!(body["items"][0]["item_id"], "460000000030001");
    let (_, body) = get(&sim, &format!("{BOOKS}/items?{ORG}&name_contains=idg"));
    assert_eq!(body["items"].as_array().unwrap().len(), 1);
    let (_, body) = get(&sim, &format!("{BOOKS}/items?{ORG}&name_startswith=Gad"));
    assert_eq!(body["items"], json!([]));
    let (_, body) = get(&sim, &format!("{BOOKS}/contacts?{ORG}&search_text=bowman"));
    assert_eq!(body["contacts"].as_array().unwrap().len(), 1);
    let (_, body) = get(
        &sim,
        &format!("{BOOKS}/contacts?{ORG}&email=BOWMAN@example.test"),
    );
    assert_eq!(body["contacts"][0]["contact_id"], "460000000026049");
    let (_, body) = get(&sim, &format!("{BOOKS}/items?{ORG}&rate_greater_than=5"));
    assert_eq!(body["items"].as_array().unwrap().len(), 1);
    let (status, body) = get(&sim, &format!("{BOOKS}/contacts?{ORG}&filter_by=bad"));
    assert_eq!((status, body["code"].clone()), (400, json!(2)));
    let (_, body) = get(
        &sim,
        &format!("{BOOKS}/contacts?{ORG}&filter_by=Status.Active"),
    );
    assert_eq!(body["contacts"].as_array().unwrap().len(), 1);
}

#[test]
fn paging_of_lists() {
    let sim = sim();
    for i in 0..3 {
        post(
            &sim,
            &format!("{BOOKS}/items?{ORG}"),
            json!({"name": format!("Part {i}"), "rate": i}),
        );
    }
    let (_, body) = get(&sim, &format!("{BOOKS}/items?{ORG}&page=2&per_page=2"));
    assert_eq!(body["items"].as_array().unwrap().len(), 2);
    assert_eq!(body["page_context"]["has_more_page"], false);
    let (_, body) = get(&sim, &format!("{BOOKS}/items?{ORG}&page=1&per_page=2"));
    assert_eq!(body["page_context"]["has_more_page"], true);
}

#[test]
fn create_contact_with_contact_persons_from_a_json_string_form() {
    let sim = sim();
    let mut request = task(Method::Post, &format!("{BOOKS}/contacts?{ORG}"));
    let record = json!({
        "contact_name": "Ann Smith",
        "contact_type": "customer",
        "contact_persons": [{"first_name": "Ann", "last_name": "Smith", "email": "ann@example.test", "is_primary_contact": true}]
    });
    request.body = RequestBody::Form(vec![("JSONString".into(), record.to_string())]);
    let response = send(&sim, &request);
    assert_eq!(response.status, 201);
    let body = body(&response);
    assert_eq!(body["code"], 0);
    assert_eq!(body["message"], "The contact has been added.");
    let contact = &body["contact"];
    assert_eq!(contact["contact_id"], "4000000000100");
    assert_eq!(contact["status"], "active");
    assert_eq!(contact["created_time"], "2024-05-01T10:00:00+0530");
    let person_id = contact["contact_persons"][0]["contact_person_id"].clone();
    assert!(person_id.is_string());
    assert_eq!(contact["primary_contact_id"], person_id);
    // Found again by the primary person's address.
    let (_, found) = get(
        &sim,
        &format!("{BOOKS}/contacts?{ORG}&email=ann@example.test"),
    );
    assert_eq!(found["contacts"][0]["contact_name"], "Ann Smith");
}

#[test]
fn json_string_in_the_query_and_json_bodies_of_any_type() {
    let sim = sim();
    let record = json!({"name": "Gadget"}).to_string();
    let query: String = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("JSONString", &record)
        .finish();
    let request = task(Method::Post, &format!("{BOOKS}/items?{ORG}&{query}"));
    assert_eq!(send(&sim, &request).status, 201);
    let mut request = task(Method::Post, &format!("{BOOKS}/items?{ORG}"));
    request.body = RequestBody::Bytes {
        data: json!({"name": "Doohickey"}).to_string().into_bytes(),
        content_type: String::new(),
    };
    assert_eq!(send(&sim, &request).status, 201);
    let items = sim
        .records(TaskService::Books, "items", Some("10234695"))
        .unwrap();
    assert_eq!(items.len(), 3);
}

#[test]
fn transactions_get_a_number_series_a_draft_status_and_the_customer_name() {
    let sim = sim();
    let url = format!("{BOOKS}/invoices?{ORG}");
    let (status, body) = post(
        &sim,
        &url,
        json!({"customer_id": "460000000026049", "line_items": []}),
    );
    assert_eq!(status, 201);
    assert_eq!(body["invoice"]["invoice_number"], "INV-000001");
    assert_eq!(body["invoice"]["status"], "draft");
    assert_eq!(body["invoice"]["customer_name"], "Bowman and Co");
    let (_, body) = post(&sim, &url, json!({"customer_id": "460000000026049"}));
    assert_eq!(body["invoice"]["invoice_number"], "INV-000002");
    let (_, body) = post(
        &sim,
        &format!("{BOOKS}/estimates?{ORG}"),
        json!({"customer_id": "1"}),
    );
    assert_eq!(body["estimate"]["estimate_number"], "EST-000001");
    let (_, body) = post(
        &sim,
        &format!("{BOOKS}/salesorders?{ORG}"),
        json!({"customer_id": "1"}),
    );
    assert_eq!(body["salesorder"]["salesorder_number"], "SO-000001");
    assert!(body["salesorder"]["salesorder_id"].is_string());
}

#[test]
fn mandatory_fields_and_duplicates() {
    let sim = sim();
    let before = sim.dump();
    let (status, body) = post(
        &sim,
        &format!("{BOOKS}/contacts?{ORG}"),
        json!({"contact_type": "customer"}),
    );
    assert_eq!(status, 400);
    assert_eq!(body["code"], 11);
    let (_, body) = post(
        &sim,
        &format!("{BOOKS}/contacts?{ORG}"),
        json!({"contact_name": "bowman AND co"}),
    );
    assert_eq!(body["code"], 3062);
    let (_, body) = post(
        &sim,
        &format!("{BOOKS}/items?{ORG}"),
        json!({"name": "Widget"}),
    );
    assert_eq!(
        body,
        json!({"code": 1001, "message": "Item \"Widget\" already exists."})
    );
    let response = send(&sim, &task(Method::Post, &format!("{BOOKS}/items?{ORG}")));
    assert_eq!(body_code(&response), 11);
    assert_eq!(sim.dump(), before);
}

fn body_code(response: &deluge_connect::HttpResponse) -> i64 {
    body(response)["code"].as_i64().unwrap()
}

#[test]
fn update_merges_and_delete_removes() {
    let sim = sim();
    let url = format!("{BOOKS}/contacts/460000000026049?{ORG}");
    let (status, body) = put(
        &sim,
        &url,
        json!({"contact_name": "Bowman Ltd", "contact_persons": [{"email": "p@example.test"}]}),
    );
    assert_eq!(status, 200);
    assert_eq!(body["message"], "Contact information has been saved.");
    assert_eq!(body["contact"]["contact_name"], "Bowman Ltd");
    assert_eq!(body["contact"]["email"], "bowman@example.test");
    assert!(body["contact"]["contact_persons"][0]["contact_person_id"].is_string());
    let (status, body) = delete(&sim, &url);
    assert_eq!(status, 200);
    assert_eq!(body["code"], 0);
    let (status, body) = get(&sim, &url);
    assert_eq!(status, 404);
    assert_eq!(body["code"], 1002);
    assert_eq!(put(&sim, &url, json!({"contact_name": "x"})).0, 404);
}

#[test]
fn unmodelled_books_paths_answer_code_5_with_a_hint() {
    let sim = sim();
    for path in ["invoices/1/status/sent", "bankaccounts", "settings/taxes"] {
        let response = send(&sim, &task(Method::Post, &format!("{BOOKS}/{path}?{ORG}")));
        assert_eq!(response.status, 404, "{path}");
        assert_eq!(
            body(&response),
            json!({"code": 5, "message": "Invalid URL Passed"})
        );
        assert!(response.header(deluge_sandbox::HINT_HEADER).is_some());
    }
}
