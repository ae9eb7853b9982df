//! The acceptance tests of integrations spec §8 that concern the
//! simulator, at the HTTP level (the requests the tasks send).

mod common;

use common::*;
use deluge_connect::{Method, RequestBody, TaskService};
use serde_json::{Value, json};

fn search(
    sim: &deluge_sandbox::Simulator,
    base: &str,
    module: &str,
    criteria: &str,
) -> (u16, Value) {
    let query: String = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("criteria", criteria)
        .finish();
    get(sim, &format!("{base}/{module}/search?{query}"))
}

fn ids(body: &Value) -> Vec<String> {
    body["data"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|r| r["id"].as_str().unwrap().to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// §8 test 14: the record shapes the tasks read.
#[test]
fn t14_reads_return_the_seeded_shapes() {
    let sim = sim();
    let (_, bigin) = get(&sim, &format!("{BIGIN}/Contacts/4000000000001"));
    assert_eq!(bigin["data"][0]["Email"], "ann@example.test");
    let (_, crm) = get(&sim, &format!("{CRM}/Leads/4000000000020"));
    assert_eq!(crm["data"][0]["id"], "4000000000020");
    let (_, list) = get(&sim, &format!("{CRM}/Leads?page=1&per_page=200"));
    assert!(list["data"].is_array());
    let (_, users) = get(
        &sim,
        &format!("{CRM}/users?page=1&per_page=200&type=ActiveUsers"),
    );
    assert!(users["users"].is_array());
    let (_, user) = get(&sim, &format!("{CRM}/users/1000000000001"));
    assert_eq!(user["users"][0]["email"], "test@example.test");
    let (_, found) = search(&sim, CRM, "users", "(email:equals:test@example.test)");
    assert_eq!(found["users"][0]["id"], "1000000000001");
    // Books by id, the module written `contacts` or `Contacts`.
    for module in ["Contacts", "contacts"] {
        let (_, books) = get(
            &sim,
            &format!("{BOOKS}/{module}/460000000026049?organization_id=10234695"),
        );
        assert_eq!(books["code"], 0);
        assert_eq!(books["message"], "success");
        assert_eq!(books["contact"]["contact_id"], "460000000026049");
    }
}

/// §8 test 15: the criteria forms real scripts send.
#[test]
fn t15_search_criteria_forms() {
    let sim = sim();
    for criteria in [
        "((Last_Name:equals:smith)and(Email:starts_with:ann))",
        "(Last_Name:equals:smith) and (Email:starts_with:ann)",
        "(Last_Name:equals:smith)and(Email:starts_with:ann)",
        "Last_Name:equals:smith",
        "(Last_Name:equals:smith) AND (Email:starts_with:ann)",
    ] {
        let (status, body) = search(&sim, CRM, "Leads", criteria);
        assert_eq!(
            (status, ids(&body)),
            (200, vec!["4000000000020".to_string()]),
            "{criteria}"
        );
    }
    let (_, body) = search(&sim, CRM, "Leads", r"(Last_Name:equals:Burns\, B)");
    assert_eq!(ids(&body), vec!["4000000000021"]);
    let (_, body) = search(&sim, CRM, "Leads", "(Industry:equals:Real Estate)");
    assert_eq!(ids(&body), vec!["4000000000020"]);
    let (_, body) = search(&sim, CRM, "Leads", "(Stage:equals:-Lost)");
    assert_eq!(ids(&body), vec!["4000000000020"]);
    let (_, body) = search(&sim, CRM, "Leads", "(Website:not_equal:null)");
    assert_eq!(ids(&body), vec!["4000000000021"]);
    let (_, body) = search(&sim, CRM, "Leads", "(Website:equals:null)");
    assert_eq!(ids(&body), vec!["4000000000020"]);
    let (_, body) = search(&sim, CRM, "Leads", "(Email_Opt_Out:equals:true)");
    assert_eq!(ids(&body), vec!["4000000000021"]);
    let (_, body) = search(&sim, CRM, "Leads", "(Tags:equals:east)");
    assert_eq!(ids(&body), vec!["4000000000020"]);
    let (_, body) = search(&sim, CRM, "Leads", "(id:equals:4000000000021)");
    assert_eq!(ids(&body), vec!["4000000000021"]);
    let (_, body) = search(&sim, CRM, "Leads", "(Annual_Revenue:greater_than:6000)");
    assert_eq!(ids(&body), vec!["4000000000021"]);
    let (_, body) = search(
        &sim,
        CRM,
        "Leads",
        "((Company:equals:Acme)or(Company:equals:Beta))",
    );
    assert_eq!(ids(&body).len(), 2);

    // A lookup compared with an id, after creating the Task with a bare id.
    let (_, created) = post(
        &sim,
        &format!("{CRM}/Tasks"),
        json!({"data": [{"Subject": "Follow up", "What_Id": "4000000000020"}]}),
    );
    let task_id = created["data"][0]["details"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let (_, body) = search(&sim, CRM, "Tasks", "(What_Id:equals:4000000000020)");
    assert_eq!(ids(&body), vec![task_id.clone()]);
    let (_, body) = search(&sim, CRM, "Tasks", "(What_Id.id:equals:4000000000020)");
    assert_eq!(ids(&body), vec![task_id]);

    // Malformed: the CRM v1 form.
    let (status, body) = search(&sim, CRM, "Leads", "(Last Name|=|x)");
    assert_eq!(status, 400);
    assert_eq!(body["code"], "INVALID_QUERY");
    assert_eq!(body["message"], "invalid query formed");
    assert_eq!(body["status"], "error");
    assert!(body["details"]["reason"].is_string());

    // No match: 204 (the CRM task makes it an empty LIST, Bigin's `{}`).
    let query = "criteria=(Last_Name:equals:nobody)";
    for base in [CRM, BIGIN] {
        let module = if base == CRM { "Leads" } else { "Contacts" };
        let response = send(
            &sim,
            &task(Method::Get, &format!("{base}/{module}/search?{query}")),
        );
        assert_eq!(response.status, 204);
        assert!(response.body.is_empty());
    }
}

/// §8 test 16: mandatory and unique fields; the store is unchanged.
#[test]
fn t16_create_failures_leave_the_store_unchanged() {
    let sim = sim();
    let before = sim.dump();
    let (status, body) = post(
        &sim,
        &format!("{CRM}/Leads"),
        json!({"data": [{"First_Name": "X"}]}),
    );
    assert_eq!(status, 400);
    assert_eq!(body["data"][0]["code"], "MANDATORY_NOT_FOUND");
    assert_eq!(sim.dump(), before);
    let (status, body) = post(
        &sim,
        &format!("{CRM}/Leads"),
        json!({"data": [{"Last_Name": "Again", "Email": "ANN@example.test"}]}),
    );
    assert_eq!(status, 400);
    let item = &body["data"][0];
    assert_eq!(
        *item,
        json!({"code": "DUPLICATE_DATA", "details": {"api_name": "Email", "id": "4000000000020"}, "message": "duplicate data", "status": "error"})
    );
    assert!(item.get("id").is_none());
    assert_eq!(sim.dump(), before);
    // An update to a taken value fails the same way.
    let (status, _) = put(
        &sim,
        &format!("{CRM}/Leads/4000000000021"),
        json!({"data": [{"Email": "ann@example.test"}]}),
    );
    assert_eq!(status, 400);
    assert_eq!(sim.dump(), before);
}

/// Each Zoho error case changes nothing, ids included.
#[test]
fn every_error_case_leaves_the_store_unchanged() {
    let sim = sim();
    let before = sim.dump();
    let failures: Vec<(Method, String, Value)> = vec![
        (
            Method::Post,
            format!("{CRM}/Nonsense"),
            json!({"data": [{"Last_Name": "x"}]}),
        ),
        (
            Method::Put,
            format!("{CRM}/Leads/4000000009999"),
            json!({"data": [{"Company": "x"}]}),
        ),
        (
            Method::Delete,
            format!("{CRM}/Leads/4000000009999"),
            Value::Null,
        ),
        (
            Method::Post,
            format!("{CRM}/Leads"),
            json!({"nodata": true}),
        ),
        (
            Method::Put,
            format!("{CRM}/Leads/4000000000020"),
            json!({"data": [{"Last_Name": ""}]}),
        ),
        (
            Method::Post,
            format!("{CRM}/functions/x/actions/execute"),
            json!({}),
        ),
        (
            Method::Post,
            format!("{BOOKS}/contacts"),
            json!({"contact_name": "No org"}),
        ),
        (
            Method::Post,
            format!("{BOOKS}/contacts?organization_id=1"),
            json!({"contact_name": "Bad org"}),
        ),
        (
            Method::Put,
            format!("{BOOKS}/contacts/1?organization_id=10234695"),
            json!({"contact_name": "x"}),
        ),
        (
            Method::Post,
            format!("{BOOKS}/items?organization_id=10234695"),
            json!({"rate": 1}),
        ),
    ];
    for (method, url, json_body) in failures {
        let mut request = task(method, &url);
        if !json_body.is_null() {
            request = with_json(request, &json_body);
        }
        let response = send(&sim, &request);
        assert!(
            response.status >= 400,
            "{method} {url}: {}",
            response.status
        );
        assert_eq!(sim.dump(), before, "{method} {url}");
    }
}

/// §8 test 19: a task with no connection acts as the seed user.
#[test]
fn t19_no_connection_creates_as_the_seed_user() {
    let sim = sim();
    let (status, body) = post(
        &sim,
        &format!("{CRM}/Leads"),
        json!({"data": [{"Last_Name": "Solo"}]}),
    );
    assert_eq!(status, 201);
    let id = &body["data"][0]["details"]["id"];
    assert!(id.is_string());
    assert_eq!(
        body["data"][0]["details"]["Created_By"]["id"],
        "1000000000001"
    );
}

/// §8 test 20: org variables through crm.set and crm.getorg.
#[test]
fn t20_org_variables_and_connectors() {
    let sim = sim();
    assert_eq!(sim.org_variable("invoice_counter").as_deref(), Some("17"));
    let request = with_json(
        task(Method::Post, "deluge-connector://crm/crm.set"),
        &json!({"apiname": "invoice_counter", "value": 18}),
    );
    let response = send(&sim, &request);
    let wrapper = body(&response);
    assert_eq!(wrapper["status_code"], "200");
    assert!(wrapper["response"].is_string());
    assert_eq!(sim.org_variable("invoice_counter").as_deref(), Some("18"));
    assert_eq!(sim.org_variable("undefined_name"), None);
    let getorg = send(
        &sim,
        &with_json(
            task(Method::Post, "deluge-connector://crm/crm.getorg"),
            &json!({}),
        ),
    );
    let response: Value =
        serde_json::from_str(body(&getorg)["response"].as_str().unwrap()).unwrap();
    assert!(response["org"].is_array());
}

/// §8 test 21: lookups written as bare ids, and related Notes.
#[test]
fn t21_lookups_and_related_notes() {
    let sim = sim();
    let (_, created) = post(
        &sim,
        &format!("{CRM}/Deals"),
        json!({"data": [{"Deal_Name": "D", "Stage": "Qualification", "Account_Name": "4000000000030"}]}),
    );
    let deal = created["data"][0]["details"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let (_, body) = get(&sim, &format!("{CRM}/Deals/{deal}"));
    assert_eq!(
        body["data"][0]["Account_Name"],
        json!({"name": "Acme", "id": "4000000000030"})
    );
    // A NUMBER id and a map with an id are lookups too.
    let (_, created) = post(
        &sim,
        &format!("{CRM}/Deals"),
        json!({"data": [{"Deal_Name": "E", "Stage": "S", "Account_Name": 4000000000030u64, "Contact_Name": {"id": "4000000000777"}}]}),
    );
    let deal = created["data"][0]["details"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let (_, body) = get(&sim, &format!("{CRM}/Deals/{deal}"));
    assert_eq!(body["data"][0]["Account_Name"]["id"], "4000000000030");
    assert_eq!(
        body["data"][0]["Contact_Name"],
        json!({"name": null, "id": "4000000000777"})
    );

    let (_, note) = post(
        &sim,
        &format!("{CRM}/Notes"),
        json!({"data": [{"Note_Title": "t", "Note_Content": "c", "Parent_Id": "4000000000020", "se_module": "Leads"}]}),
    );
    let note_id = note["data"][0]["details"]["id"].clone();
    let (_, related) = get(&sim, &format!("{CRM}/Leads/4000000000020/Notes"));
    assert_eq!(related["data"][0]["id"], note_id);
    assert_eq!(related["data"][0]["Parent_Id"]["name"], "Smith");
}

/// §8 test 23: bodies without a content type; an unsupported path; the
/// Books item searches and the duplicate.
#[test]
fn t23_plain_bodies_unsupported_paths_and_books_items() {
    let sim = sim();
    for (url, record) in [
        (
            format!("{CRM}/Leads"),
            json!({"data": [{"Last_Name": "Untyped"}]}),
        ),
        (
            format!("{BOOKS}/contacts?organization_id=10234695"),
            json!({"contact_name": "Untyped Co"}),
        ),
    ] {
        let mut request = task(Method::Post, &url);
        request.body = RequestBody::Bytes {
            data: record.to_string().into_bytes(),
            content_type: String::new(),
        };
        assert_eq!(send(&sim, &request).status, 201, "{url}");
    }
    let response = send(&sim, &task(Method::Get, &format!("{CRM}/settings/modules")));
    assert_eq!(response.status, 404);
    assert_eq!(body(&response)["code"], "INVALID_URL_PATTERN");
    assert!(response.header(deluge_sandbox::HINT_HEADER).is_some());

    let (_, by_sku) = get(
        &sim,
        &format!("{BOOKS}/items?organization_id=10234695&sku=W-1"),
    );
    let (_, by_name) = get(
        &sim,
        &format!("{BOOKS}/items?organization_id=10234695&name=Widget"),
    );
    assert_eq!(by_sku["items"][0]["item_id"], "460000000030001");
    assert_eq!(by_name["items"][0]["item_id"], "460000000030001");
    let (_, again) = post(
        &sim,
        &format!("{BOOKS}/items?organization_id=10234695"),
        json!({"name": "Widget", "rate": 10}),
    );
    assert_eq!(again["code"], 1001);
    assert_eq!(
        sim.records(TaskService::Books, "items", Some("10234695"))
            .unwrap()
            .len(),
        1
    );
}
