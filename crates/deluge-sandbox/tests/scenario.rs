//! The requests of the Bigin → Books contact sync, in order, against the
//! scenario's seed: the first run creates the Books contact, a second run
//! on the saved state finds it by email and takes the update path.

mod common;

use common::*;
use deluge_connect::{CallOrigin, HttpRequest, Method, RequestBody};
use deluge_sandbox::Simulator;
use serde_json::{Value, json};
use url::Url;

const SCENARIO_SEED: &str = r#"{
  "user": { "name": "Sam Tester", "id": "1000000000001", "email": "sam@example.test" },
  "id_start": "4000000000100",
  "bigin": { "modules": { "Contacts": [
    { "id": "4000000000001", "First_Name": "Ann", "Last_Name": "Smith", "Full_Name": "Ann Smith",
      "Email": "ann@example.test", "Phone": "+1 555 0101", "Mobile": "+1 555 0199" },
    { "id": "4000000000002", "First_Name": "Bo", "Last_Name": "Chen", "Full_Name": "Bo Chen",
      "Email": "bo.chen@example.test", "Phone": "+1 555 0102", "Mobile": null } ] } },
  "books": { "organizations": { "10234695": { "name": "Example Trading Co", "contacts": [
    { "contact_id": "460000000026049", "contact_name": "Bo Chen (old)", "email": "bo.chen@example.test",
      "contact_type": "customer" } ] } } }
}"#;

const BOOKS_API: &str = "https://books.zoho.com/api/v3/contacts";

/// A request made with a connection, after the connection layer fetched a
/// token from the simulator.
fn with_connection(sim: &Simulator, method: Method, url: &str, link: &str) -> HttpRequest {
    let mut refresh = HttpRequest::new(
        Method::Post,
        Url::parse("https://accounts.zoho.com/oauth/v2/token").unwrap(),
        CallOrigin::TokenRefresh,
    );
    refresh.body = RequestBody::Form(vec![
        ("grant_type".into(), "refresh_token".into()),
        ("refresh_token".into(), "offline-refresh".into()),
    ]);
    let token = body(&send(sim, &refresh))["access_token"]
        .as_str()
        .unwrap()
        .to_string();
    let mut request = HttpRequest::new(method, Url::parse(url).unwrap(), CallOrigin::InvokeUrl);
    request.connection = Some(link.into());
    request
        .headers
        .push(("Authorization".into(), format!("Zoho-oauthtoken {token}")));
    request
}

/// One run of the script for a Bigin contact id; returns its result.
fn sync(sim: &Simulator, id: &str) -> (String, Value) {
    let fetch = with_connection(
        sim,
        Method::Get,
        &format!("{BIGIN}/Contacts/{id}"),
        "bigin_link",
    );
    let person = body(&send(sim, &fetch))["data"][0].clone();
    let email = person["Email"].as_str().unwrap().to_string();
    let lookup = with_connection(
        sim,
        Method::Get,
        &format!("{BOOKS_API}?organization_id=10234695&email={email}"),
        "books_link",
    );
    let matches = body(&send(sim, &lookup))["contacts"].clone();
    let customer = json!({
        "contact_name": person["Full_Name"],
        "contact_type": "customer",
        "contact_persons": [{"first_name": person["First_Name"], "last_name": person["Last_Name"],
                             "email": email, "is_primary_contact": true}]
    });
    let form = RequestBody::Form(vec![("JSONString".into(), customer.to_string())]);
    if let Some(found) = matches.as_array().and_then(|m| m.first()) {
        let books_id = found["contact_id"].as_str().unwrap();
        let url = format!("{BOOKS_API}/{books_id}?organization_id=10234695");
        let mut update = with_connection(sim, Method::Put, &url, "books_link");
        update.body = form;
        return ("updated".into(), body(&send(sim, &update)));
    }
    let url = format!("{BOOKS_API}?organization_id=10234695");
    let mut create = with_connection(sim, Method::Post, &url, "books_link");
    create.body = form;
    ("created".into(), body(&send(sim, &create)))
}

#[test]
fn first_run_creates_and_a_run_on_the_saved_state_updates() {
    let sim = Simulator::from_seed_json(SCENARIO_SEED, "sandbox.json")
        .unwrap()
        .with_clock(clock());
    let (path, created) = sync(&sim, "4000000000001");
    assert_eq!(path, "created");
    assert_eq!(created["code"], 0);
    let contact = &created["contact"];
    assert_eq!(contact["contact_name"], "Ann Smith");
    assert_eq!(contact["contact_persons"].as_array().unwrap().len(), 1);

    let dir = std::env::temp_dir().join(format!("deluge-scenario-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let state = dir.join("s.json");
    sim.save_state(&state).unwrap();
    let second = Simulator::from_seed_json(SCENARIO_SEED, "sandbox.json").unwrap();
    assert!(second.load_state_if_exists(&state).unwrap());
    let (path, updated) = sync(&second, "4000000000001");
    assert_eq!(path, "updated");
    assert_eq!(updated["message"], "Contact information has been saved.");
    assert_eq!(updated["contact"]["contact_id"], contact["contact_id"]);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_existing_books_contact_is_renamed() {
    let sim = Simulator::from_seed_json(SCENARIO_SEED, "sandbox.json").unwrap();
    let (path, updated) = sync(&sim, "4000000000002");
    assert_eq!(path, "updated");
    assert_eq!(updated["contact"]["contact_id"], "460000000026049");
    assert_eq!(updated["contact"]["contact_name"], "Bo Chen");
}

#[test]
fn an_unknown_bigin_contact_is_invalid_data() {
    let sim = Simulator::from_seed_json(SCENARIO_SEED, "sandbox.json").unwrap();
    let fetch = with_connection(
        &sim,
        Method::Get,
        &format!("{BIGIN}/Contacts/4000000009999"),
        "bigin_link",
    );
    let response = send(&sim, &fetch);
    assert_eq!(response.status, 400);
    assert!(body(&response).get("data").is_none());
}
