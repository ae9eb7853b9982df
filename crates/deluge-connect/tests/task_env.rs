//! `TaskEnv` as the tasks see it: which connection a task uses, the API
//! domain it is given, and org variables (integrations spec §3.1, §3.3, §7).

mod common;

use common::{Setup, with_url};
use deluge_connect::testing::{Received, Reply, TestServer};
use deluge_connect::{CallOrigin, HttpRequest, Method, TaskEnv, TaskService};
use url::Url;

fn get(path: &'static str) -> impl Fn(&Url) -> HttpRequest {
    move |domain: &Url| {
        HttpRequest::new(
            Method::Get,
            domain.join(path).unwrap(),
            CallOrigin::Task("zoho.crm.getRecordById".into()),
        )
    }
}

const FILE: &str = r#"{
  "version": 1,
  "runtime": {"org_variables": {"api_key": "${env:ORG_KEY}", "counter": 17, "missing": "${env:NOPE}"}},
  "connections": {
    "crm": {
      "service": "zoho_crm",
      "default_for": ["zoho.crm"],
      "auth": {"type": "zoho_oauth2", "data_center": "eu", "client_id": "c",
               "client_secret": "${env:CS}", "refresh_token": "${env:RT}"},
      "base_url_override": "{url}"
    }
  }
}"#;

fn server() -> TestServer {
    TestServer::start(|r: &Received| {
        if r.path() == "/oauth/v2/token" {
            return Reply::json(200, r#"{"access_token":"1000.t","api_domain":"https://www.zohoapis.in","expires_in":3600}"#);
        }
        Reply::json(200, &serde_json::json!({"auth": r.header("authorization"), "path": r.target}).to_string())
    })
    .unwrap()
}

#[test]
fn a_task_without_a_connection_uses_the_default_and_the_tokens_api_domain() {
    let server = server();
    let mut host = Setup::default()
        .file(&with_url(FILE, &server.url()))
        .env("CS", "secret-cs")
        .env("RT", "secret-rt")
        .host();
    let response = host
        .send(
            "zoho.crm.getRecordById",
            TaskService::Crm,
            None,
            &get("/crm/v2/Leads/1"),
        )
        .unwrap();
    assert_eq!(response.status, 200);
    let body: serde_json::Value = serde_json::from_slice(&response.body).unwrap();
    assert_eq!(body["auth"], "Zoho-oauthtoken 1000.t");
    assert_eq!(body["path"], "/crm/v2/Leads/1");
    let log = host.request_log();
    // The API domain came from the token response (India), then the
    // override sent it to the local server.
    assert_eq!(
        log.entries[1].logical_url,
        "https://www.zohoapis.in/crm/v2/Leads/1"
    );
    assert_eq!(log.entries[1].origin, "zoho.crm.getRecordById");
}

#[test]
fn without_a_default_the_task_needs_a_connection_or_the_simulator() {
    let mut host = Setup::default().host();
    let error = host
        .send(
            "zoho.crm.createRecord",
            TaskService::Crm,
            None,
            &get("/crm/v2/Leads"),
        )
        .unwrap_err();
    assert_eq!(
        error.message,
        "Connection not specified for zoho.crm.createRecord"
    );
    let error = host
        .send(
            "zoho.bigin.getRecordById",
            TaskService::Bigin,
            Some("nosuch"),
            &get("/bigin/v2/Contacts/1"),
        )
        .unwrap_err();
    assert_eq!(error.message, "Connection 'nosuch' does not exist");
    // With the simulator, the request goes out with no credentials to the
    // US domain (here no layer answers, so the policy refuses it).
    let mut host = Setup {
        simulator_enabled: true,
        ..Setup::default()
    }
    .host();
    let error = host
        .send(
            "zoho.crm.createRecord",
            TaskService::Crm,
            None,
            &get("/crm/v2/Leads"),
        )
        .unwrap_err();
    assert_eq!(
        error.message,
        "zoho.crm.createRecord: network access denied in loopback mode: GET https://www.zohoapis.com/crm/v2/Leads"
    );
    assert!(host.request_log().entries[0].headers.is_empty());
}

#[test]
fn org_variables_resolve_lazily_and_can_be_set() {
    let server = server();
    let mut host = Setup::default()
        .file(&with_url(FILE, &server.url()))
        .env("ORG_KEY", "org-key-value")
        .host();
    assert_eq!(
        host.org_variable("api_key").unwrap().as_deref(),
        Some("org-key-value")
    );
    assert_eq!(host.org_variable("counter").unwrap().as_deref(), Some("17"));
    assert_eq!(host.org_variable("undefined").unwrap(), None);
    assert_eq!(
        host.org_variable("missing").unwrap_err().message,
        "Org variable 'missing': environment variable NOPE is not set"
    );
    host.set_org_variable("counter", "18".into());
    assert_eq!(host.org_variable("counter").unwrap().as_deref(), Some("18"));
    host.warn("getOrgVariable: 'undefined' is not defined".into());
    assert_eq!(host.request_log().warnings.len(), 1);
}
