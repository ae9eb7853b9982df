//! Bigin and CRM record routes through the simulator layer.

mod common;

use common::*;
use deluge_connect::{Method, MultipartPart, RequestBody, TaskService};
use serde_json::json;

#[test]
fn get_returns_the_record_in_data_and_projects_fields() {
    let sim = sim();
    let (status, body) = get(&sim, &format!("{CRM}/Leads/4000000000020"));
    assert_eq!(status, 200);
    assert_eq!(body["data"][0]["Last_Name"], "Smith");
    let (_, body) = get(&sim, &format!("{CRM}/leads/4000000000020?fields=Email"));
    assert_eq!(
        body["data"][0],
        json!({"id": "4000000000020", "Email": "ann@example.test"})
    );
}

#[test]
fn every_crm_version_and_bigin_reach_the_same_store() {
    let sim = sim();
    for version in ["v2", "v2.1", "v3", "v5", "v8"] {
        let url = format!("https://www.zohoapis.com/crm/{version}/Leads/4000000000020");
        assert_eq!(get(&sim, &url).0, 200, "{version}");
    }
    let (status, body) = get(&sim, &format!("{BIGIN}/Contacts/4000000000001"));
    assert_eq!(status, 200);
    assert_eq!(body["data"][0]["First_Name"], "Ann");
    // Bigin and CRM are separate stores.
    assert_eq!(get(&sim, &format!("{BIGIN}/Contacts/4000000000020")).0, 400);
}

#[test]
fn a_missing_id_is_invalid_data() {
    let (status, body) = get(&sim(), &format!("{CRM}/Leads/4000000009999"));
    assert_eq!(status, 400);
    assert_eq!(
        body,
        json!({"code": "INVALID_DATA", "details": {}, "message": "the id given seems to be invalid.", "status": "error"})
    );
}

#[test]
fn list_pages_and_sorts() {
    let sim = sim();
    let (status, body) = get(&sim, &format!("{CRM}/Leads?page=1&per_page=1"));
    assert_eq!(status, 200);
    assert_eq!(body["data"].as_array().unwrap().len(), 1);
    assert_eq!(
        body["info"],
        json!({"per_page": 1, "count": 1, "page": 1, "more_records": true})
    );
    let (_, body) = get(&sim, &format!("{CRM}/Leads?page=2&per_page=1"));
    assert_eq!(body["data"][0]["id"], "4000000000021");
    assert_eq!(body["info"]["more_records"], false);
    let (_, body) = get(
        &sim,
        &format!("{CRM}/Leads?sort_by=Annual_Revenue&sort_order=desc"),
    );
    assert_eq!(body["data"][0]["id"], "4000000000021");
    let (_, body) = get(&sim, &format!("{CRM}/Leads?fields=Last_Name"));
    assert_eq!(
        body["data"][1],
        json!({"id": "4000000000021", "Last_Name": "Burns, B"})
    );
}

#[test]
fn an_empty_module_lists_as_204_and_per_page_is_capped() {
    let sim = sim();
    let response = send(&sim, &task(Method::Get, &format!("{CRM}/Deals")));
    assert_eq!(response.status, 204);
    assert!(response.body.is_empty());
    let (_, body) = get(&sim, &format!("{CRM}/Leads?per_page=500"));
    assert_eq!(body["info"]["per_page"], 200);
}

#[test]
fn create_adds_ids_and_system_fields() {
    let sim = sim();
    let (status, body) = post(
        &sim,
        &format!("{CRM}/Leads"),
        json!({"data": [{"Last_Name": "New", "Email": "new@example.test"}], "trigger": ["workflow"]}),
    );
    assert_eq!(status, 201);
    let item = &body["data"][0];
    assert_eq!(item["code"], "SUCCESS");
    assert_eq!(item["message"], "record added");
    assert_eq!(item["details"]["id"], "4000000000100");
    assert_eq!(item["details"]["Created_Time"], "2024-05-01T10:00:00+05:30");
    assert_eq!(
        item["details"]["Created_By"],
        json!({"name": "Test User", "id": "1000000000001"})
    );
    let (_, body) = get(&sim, &format!("{CRM}/Leads/4000000000100"));
    let record = &body["data"][0];
    assert_eq!(record["Modified_Time"], "2024-05-01T10:00:00+05:30");
    assert_eq!(
        record["Owner"],
        json!({"name": "Test User", "id": "1000000000001", "email": "test@example.test"})
    );
    // Ids keep counting.
    let (_, body) = post(
        &sim,
        &format!("{CRM}/Service_Visits"),
        json!({"data": [{"Name": "v"}]}),
    );
    assert_eq!(body["data"][0]["details"]["id"], "4000000000101");
}

#[test]
fn create_checks_mandatory_fields_per_item() {
    let sim = sim();
    let (status, body) = post(
        &sim,
        &format!("{CRM}/Leads"),
        json!({"data": [{"Last_Name": "Ok"}, {"First_Name": "No last name"}]}),
    );
    assert_eq!(status, 202);
    assert_eq!(body["data"][0]["code"], "SUCCESS");
    assert_eq!(
        body["data"][1],
        json!({"code": "MANDATORY_NOT_FOUND", "details": {"api_name": "Last_Name"}, "message": "required field not found", "status": "error"})
    );
    assert_eq!(
        sim.records(TaskService::Crm, "Leads", None).unwrap().len(),
        3
    );
}

#[test]
fn built_in_mandatory_fields_apply_without_a_seed_list() {
    let sim = sim();
    let (status, body) = post(
        &sim,
        &format!("{CRM}/Deals"),
        json!({"data": [{"Deal_Name": "D"}]}),
    );
    assert_eq!(status, 400);
    assert_eq!(body["data"][0]["details"]["api_name"], "Stage");
}

#[test]
fn update_merges_top_level_fields_and_null_clears() {
    let sim = sim();
    let (status, body) = put(
        &sim,
        &format!("{CRM}/Leads/4000000000020"),
        json!({"data": [{"Company": "Acme Two", "Phone": null}]}),
    );
    assert_eq!(status, 200);
    assert_eq!(body["data"][0]["message"], "record updated");
    assert_eq!(
        body["data"][0]["details"]["Created_Time"],
        serde_json::Value::Null
    );
    let (_, body) = get(&sim, &format!("{CRM}/Leads/4000000000020"));
    let record = &body["data"][0];
    assert_eq!(record["Company"], "Acme Two");
    assert_eq!(record["Phone"], serde_json::Value::Null);
    assert_eq!(record["Last_Name"], "Smith");
    assert_eq!(record["Modified_By"]["id"], "1000000000001");
}

#[test]
fn update_by_ids_in_the_body() {
    let sim = sim();
    let (status, body) = put(
        &sim,
        &format!("{CRM}/Leads"),
        json!({"data": [{"id": "4000000000020", "Company": "X"}, {"id": "4000000009999", "Company": "Y"}]}),
    );
    assert_eq!(status, 202);
    assert_eq!(body["data"][1]["code"], "INVALID_DATA");
    let (_, body) = get(&sim, &format!("{CRM}/Leads/4000000000020"));
    assert_eq!(body["data"][0]["Company"], "X");
}

#[test]
fn delete_by_path_and_by_ids() {
    let sim = sim();
    let (status, body) = delete(&sim, &format!("{CRM}/Leads/4000000000020"));
    assert_eq!(status, 200);
    assert_eq!(
        body["data"][0],
        json!({"code": "SUCCESS", "details": {"id": "4000000000020"}, "message": "record deleted", "status": "success"})
    );
    let (status, _) = delete(&sim, &format!("{CRM}/Leads?ids=4000000000021"));
    assert_eq!(status, 200);
    assert!(
        sim.records(TaskService::Crm, "Leads", None)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn search_by_email_phone_and_word() {
    let sim = sim();
    let (_, body) = get(&sim, &format!("{CRM}/Leads/search?email=ANN@example.test"));
    assert_eq!(body["data"][0]["id"], "4000000000020");
    let (_, body) = get(&sim, &format!("{CRM}/Leads/search?phone=15550101"));
    assert_eq!(body["data"][0]["id"], "4000000000020");
    let (_, body) = get(&sim, &format!("{CRM}/Leads/search?word=beta"));
    assert_eq!(body["data"][0]["id"], "4000000000021");
    let response = send(
        &sim,
        &task(Method::Get, &format!("{CRM}/Leads/search?word=zzz")),
    );
    assert_eq!(response.status, 204);
    let (status, body) = get(&sim, &format!("{CRM}/Leads/search"));
    assert_eq!(status, 400);
    assert_eq!(body["code"], "REQUIRED_PARAM_MISSING");
}

#[test]
fn related_records_from_the_seed_and_from_lookups() {
    let sim = sim();
    let (_, body) = get(&sim, &format!("{BIGIN}/Contacts/4000000000001/Notes"));
    assert_eq!(body["data"][0]["Note_Content"], "hi");
    post(
        &sim,
        &format!("{CRM}/Tasks"),
        json!({"data": [{"Subject": "Call", "What_Id": "4000000000020"}]}),
    );
    let (status, body) = get(&sim, &format!("{CRM}/Leads/4000000000020/Tasks"));
    assert_eq!(status, 200);
    assert_eq!(body["data"][0]["Subject"], "Call");
    let response = send(
        &sim,
        &task(Method::Get, &format!("{CRM}/Leads/4000000000021/Tasks")),
    );
    assert_eq!(response.status, 204);
    assert_eq!(
        get(&sim, &format!("{CRM}/Leads/4000000009999/Tasks")).0,
        400
    );
}

#[test]
fn attachments_are_stored_and_listed() {
    let sim = sim();
    let mut request = task(
        Method::Post,
        &format!("{CRM}/Leads/4000000000020/Attachments"),
    );
    request.body = RequestBody::Multipart(vec![MultipartPart::File {
        name: "file".into(),
        file_name: "quote.pdf".into(),
        content_type: "application/pdf".into(),
        data: vec![1, 2, 3],
    }]);
    let response = send(&sim, &request);
    assert_eq!(response.status, 200);
    let item = body(&response)["data"][0].clone();
    assert_eq!(item["code"], "SUCCESS");
    assert_eq!(item["message"], "attachment uploaded successfully");
    assert_eq!(item["status"], "success");
    let (_, listed) = get(&sim, &format!("{CRM}/Leads/4000000000020/Attachments"));
    assert_eq!(listed["data"][0]["File_Name"], "quote.pdf");
    assert_eq!(listed["data"][0]["Size"], "3");
    assert_eq!(listed["data"][0]["id"], item["details"]["id"]);
    // No file part: nothing stored.
    let empty = send(
        &sim,
        &task(
            Method::Post,
            &format!("{CRM}/Leads/4000000000020/Attachments"),
        ),
    );
    assert_eq!(empty.status, 400);
    assert_eq!(
        sim.dump()["crm"]["attachments"].as_array().unwrap().len(),
        1
    );
}

#[test]
fn convert_lead_makes_contact_account_and_deal() {
    let sim = sim();
    let (status, body) = post(
        &sim,
        &format!("{CRM}/Leads/4000000000020/actions/convert"),
        json!({"data": [{"overwrite": true, "Deals": {"Deal_Name": "Big", "Stage": "Qualification"}}]}),
    );
    assert_eq!(status, 200);
    let result = &body["data"][0];
    // The account of the lead's company already exists and is reused.
    assert_eq!(result["Accounts"], "4000000000030");
    let contact = result["Contacts"].as_str().unwrap();
    let (_, contact_body) = get(&sim, &format!("{CRM}/Contacts/{contact}"));
    assert_eq!(contact_body["data"][0]["Last_Name"], "Smith");
    assert_eq!(
        contact_body["data"][0]["Account_Name"]["id"],
        "4000000000030"
    );
    let deal = result["Deals"].as_str().unwrap();
    let (_, deal_body) = get(&sim, &format!("{CRM}/Deals/{deal}"));
    assert_eq!(deal_body["data"][0]["Contact_Name"]["id"], contact);
    assert_eq!(get(&sim, &format!("{CRM}/Leads/4000000000020")).0, 400);
}

#[test]
fn a_failed_conversion_changes_nothing() {
    let sim = sim();
    let before = sim.dump();
    let (status, _) = post(
        &sim,
        &format!("{CRM}/Leads/4000000000021/actions/convert"),
        json!({"data": [{"Deals": {"Deal_Name": "No stage"}}]}),
    );
    assert_eq!(status, 400);
    assert_eq!(sim.dump(), before);
}

#[test]
fn users_and_org() {
    let sim = sim();
    let (_, body) = get(&sim, &format!("{CRM}/users?type=ActiveUsers"));
    assert_eq!(body["users"].as_array().unwrap().len(), 1);
    assert_eq!(body["info"]["count"], 1);
    let (_, body) = get(&sim, &format!("{CRM}/users?type=DeactiveUsers"));
    assert_eq!(body["users"][0]["email"], "old@example.test");
    let (_, body) = get(&sim, &format!("{CRM}/users?type=AdminUsers"));
    assert_eq!(body["users"][0]["id"], "1000000000001");
    let (_, body) = get(&sim, &format!("{CRM}/users/1000000000002"));
    assert_eq!(body["users"][0]["full_name"], "Old User");
    let (_, body) = get(
        &sim,
        &format!("{CRM}/users/search?criteria=(email:equals:old@example.test)"),
    );
    assert_eq!(body["users"][0]["zuid"], "70000002");
    let (_, body) = get(&sim, &format!("{CRM}/org"));
    assert_eq!(body["org"][0]["company_name"], "Test Org");
}

#[test]
fn default_user_is_an_active_administrator_made_from_the_seed_user() {
    let sim = deluge_sandbox::Simulator::from_seed_json(
        r#"{"user": {"name": "Sam Tester", "id": "77", "email": "sam@example.test"}}"#,
        "s.json",
    )
    .unwrap();
    let (_, body) = get(&sim, &format!("{CRM}/users?type=CurrentUser"));
    let user = &body["users"][0];
    assert_eq!(user["full_name"], "Sam Tester");
    assert_eq!(user["status"], "active");
    assert_eq!(user["profile"]["name"], "Administrator");
}

#[test]
fn unknown_module_and_unmodelled_paths() {
    let sim = sim();
    let (status, error) = get(&sim, &format!("{CRM}/Nonsense_Module"));
    assert_eq!(status, 400);
    assert_eq!(
        error,
        json!({"code": "INVALID_MODULE", "details": {}, "message": "the module name given seems to be invalid", "status": "error"})
    );
    for path in [
        "functions/my_fn/actions/execute",
        "settings/fields",
        "bulk/read",
        "Leads/4000000000020/actions/unknown",
    ] {
        let method = if path.starts_with("functions") {
            Method::Post
        } else {
            Method::Get
        };
        let response = send(&sim, &task(method, &format!("{CRM}/{path}")));
        assert_eq!(response.status, 404, "{path}");
        assert_eq!(body(&response)["code"], "INVALID_URL_PATTERN");
        let hint = response.header(deluge_sandbox::HINT_HEADER).unwrap();
        assert!(hint.contains("fixture"), "{hint}");
        assert!(hint.contains(path.split('/').next().unwrap()), "{hint}");
    }
}

#[test]
fn custom_modules_exist_when_seeded() {
    let sim = sim();
    let response = send(&sim, &task(Method::Get, &format!("{CRM}/service_visits")));
    assert_eq!(response.status, 204);
    let (status, body) = post(
        &sim,
        &format!("{CRM}/Service_Visits"),
        json!({"data": [{"Name": "v"}]}),
    );
    assert_eq!(status, 201, "{body}");
}

#[test]
fn bodies_are_read_as_json_whatever_the_content_type() {
    let sim = sim();
    let mut request = task(Method::Post, &format!("{CRM}/Leads"));
    request.body = RequestBody::Bytes {
        data: br#"{"data":[{"Last_Name":"Plain"}]}"#.to_vec(),
        content_type: "text/plain".into(),
    };
    assert_eq!(send(&sim, &request).status, 201);
    request.body = RequestBody::Form(vec![(
        "JSONString".into(),
        r#"{"data":[{"Last_Name":"Form"}]}"#.into(),
    )]);
    assert_eq!(send(&sim, &request).status, 201);
    assert_eq!(
        sim.records(TaskService::Crm, "Leads", None).unwrap().len(),
        4
    );
}

#[test]
fn too_many_records_in_one_create() {
    let sim = sim();
    let data: Vec<_> = (0..101)
        .map(|i| json!({"Last_Name": format!("L{i}")}))
        .collect();
    let (status, body) = post(&sim, &format!("{CRM}/Leads"), json!({"data": data}));
    assert_eq!(status, 400);
    assert_eq!(body["code"], "LIMIT_EXCEEDED");
}
