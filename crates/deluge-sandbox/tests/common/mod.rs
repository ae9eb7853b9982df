//! Shared helpers: a seeded simulator on a fixed clock, and requests built
//! the way the connection layer builds them.
#![allow(dead_code)]

use deluge_connect::{CallOrigin, HttpRequest, HttpResponse, Layer, Method, RequestBody};
use deluge_sandbox::{FixedClock, Simulator};
use serde_json::Value;
use std::sync::Arc;
use url::Url;

pub const SEED: &str = r#"{
  "user": { "name": "Test User", "id": "1000000000001", "email": "test@example.test" },
  "id_start": "4000000000100",
  "bigin": {
    "mandatory": { "Contacts": ["Last_Name"], "Accounts": ["Account_Name"], "Pipelines": ["Deal_Name", "Stage"] },
    "modules": {
      "Contacts": [ { "id": "4000000000001", "First_Name": "Ann", "Last_Name": "Smith", "Email": "ann@example.test" } ],
      "Accounts": [ { "id": "4000000000010", "Account_Name": "Acme" } ]
    },
    "related": { "Contacts/4000000000001/Notes": [ { "id": "4000000000050", "Note_Content": "hi" } ] }
  },
  "crm": {
    "mandatory": { "Leads": ["Last_Name"] },
    "unique": { "Leads": ["Email"] },
    "lookups": { "Deals": { "Account_Name": "Accounts", "Contact_Name": "Contacts" } },
    "modules": {
      "Leads": [
        { "id": "4000000000020", "First_Name": "Ann", "Last_Name": "Smith", "Email": "ann@example.test",
          "Company": "Acme", "Phone": "+1 555 0101", "Industry": "Real Estate", "Stage": "-Lost",
          "Annual_Revenue": 5000, "Tags": ["vip", "east"], "Email_Opt_Out": false, "Website": null },
        { "id": "4000000000021", "First_Name": "Bo", "Last_Name": "Burns, B", "Email": "bo@example.test",
          "Company": "Beta", "Annual_Revenue": 12000, "Email_Opt_Out": true, "Website": "https://b.test" }
      ],
      "Accounts": [ { "id": "4000000000030", "Account_Name": "Acme" } ],
      "Deals": [],
      "Service_Visits": []
    },
    "users": [
      { "id": "1000000000001", "full_name": "Test User", "email": "test@example.test", "status": "active",
        "zuid": "70000001", "profile": { "name": "Administrator", "id": "1000000000003" } },
      { "id": "1000000000002", "full_name": "Old User", "email": "old@example.test", "status": "disabled",
        "zuid": "70000002", "profile": { "name": "Standard", "id": "1000000000004" } }
    ],
    "org": { "id": "1000000000009", "company_name": "Test Org", "zgid": "90000001" },
    "org_variables": { "invoice_counter": "17" }
  },
  "books": {
    "organizations": {
      "10234695": {
        "name": "Zillum",
        "contacts": [ { "contact_id": "460000000026049", "contact_name": "Bowman and Co", "email": "bowman@example.test", "status": "active" } ],
        "items": [ { "item_id": "460000000030001", "name": "Widget", "sku": "W-1", "rate": 10 } ],
        "invoices": []
      }
    }
  },
  "oauth": { "access_token_ttl_seconds": 3600, "valid_refresh_tokens": ["1000.good.refresh"] }
}"#;

pub fn clock() -> Arc<FixedClock> {
    let now: jiff::ZonedDateTime = "2024-05-01T10:00:00+05:30[+05:30]".parse().unwrap();
    Arc::new(FixedClock::new(now))
}

pub fn sim() -> Simulator {
    Simulator::from_seed_json(SEED, "seed.json")
        .unwrap()
        .with_clock(clock())
}

/// A task request with no connection: answered as the seed's user.
pub fn task(method: Method, url: &str) -> HttpRequest {
    HttpRequest::new(
        method,
        Url::parse(url).unwrap(),
        CallOrigin::Task("zoho.crm.test".into()),
    )
}

pub fn with_json(mut request: HttpRequest, body: &Value) -> HttpRequest {
    request.body = RequestBody::Bytes {
        data: body.to_string().into_bytes(),
        content_type: "application/json".into(),
    };
    request
}

pub fn send(sim: &Simulator, request: &HttpRequest) -> HttpResponse {
    sim.try_execute(request)
        .expect("the simulator claims the request")
        .expect("the simulator answers")
}

pub fn body(response: &HttpResponse) -> Value {
    if response.body.is_empty() {
        return Value::Null;
    }
    serde_json::from_slice(&response.body).expect("JSON body")
}

pub const CRM: &str = "https://www.zohoapis.com/crm/v2";
pub const BIGIN: &str = "https://www.zohoapis.com/bigin/v2";
pub const BOOKS: &str = "https://www.zohoapis.com/books/v3";

pub fn get(sim: &Simulator, url: &str) -> (u16, Value) {
    let response = send(sim, &task(Method::Get, url));
    (response.status, body(&response))
}

pub fn post(sim: &Simulator, url: &str, json: Value) -> (u16, Value) {
    let response = send(sim, &with_json(task(Method::Post, url), &json));
    (response.status, body(&response))
}

pub fn put(sim: &Simulator, url: &str, json: Value) -> (u16, Value) {
    let response = send(sim, &with_json(task(Method::Put, url), &json));
    (response.status, body(&response))
}

pub fn delete(sim: &Simulator, url: &str) -> (u16, Value) {
    let response = send(sim, &task(Method::Delete, url));
    (response.status, body(&response))
}
