//! The token endpoint, token checks on API routes, expiry, and the CRM
//! connectors.

mod common;

use common::*;
use deluge_connect::{CallOrigin, HttpRequest, Layer, Method, RequestBody};
use jiff::SignedDuration;
use serde_json::{Value, json};
use url::Url;

fn token_request(host: &str, refresh_token: &str) -> HttpRequest {
    let mut request = HttpRequest::new(
        Method::Post,
        Url::parse(&format!("https://{host}/oauth/v2/token")).unwrap(),
        CallOrigin::TokenRefresh,
    );
    request.body = RequestBody::Form(vec![
        ("grant_type".into(), "refresh_token".into()),
        ("refresh_token".into(), refresh_token.into()),
        ("client_id".into(), "1000.CLIENT".into()),
        ("client_secret".into(), "s3cret".into()),
    ]);
    request
}

fn with_token(url: &str, token: &str) -> HttpRequest {
    let mut request = HttpRequest::new(
        Method::Get,
        Url::parse(url).unwrap(),
        CallOrigin::Task("zoho.crm.getRecordById".into()),
    );
    request.connection = Some("crmlink".into());
    request
        .headers
        .push(("Authorization".into(), format!("Zoho-oauthtoken {token}")));
    request
}

fn issue(sim: &deluge_sandbox::Simulator, host: &str) -> Value {
    body(&send(sim, &token_request(host, "1000.good.refresh")))
}

#[test]
fn token_endpoint_of_every_data_center_answers_with_its_api_domain() {
    let sim = sim();
    for (host, domain) in [
        ("accounts.zoho.com", "https://www.zohoapis.com"),
        ("accounts.zoho.eu", "https://www.zohoapis.eu"),
        ("accounts.zoho.in", "https://www.zohoapis.in"),
        ("accounts.zoho.com.au", "https://www.zohoapis.com.au"),
        ("accounts.zoho.jp", "https://www.zohoapis.jp"),
        ("accounts.zoho.com.cn", "https://www.zohoapis.com.cn"),
        ("accounts.zohocloud.ca", "https://www.zohoapis.ca"),
        ("accounts.zoho.sa", "https://www.zohoapis.sa"),
    ] {
        let body = issue(&sim, host);
        assert_eq!(body["api_domain"], domain, "{host}");
        assert_eq!(body["token_type"], "Bearer");
        assert_eq!(body["expires_in"], 3600);
        assert!(
            body["access_token"]
                .as_str()
                .unwrap()
                .starts_with("1000.sim.")
        );
    }
}

#[test]
fn refresh_tokens_not_listed_are_refused() {
    let sim = sim();
    let response = send(&sim, &token_request("accounts.zoho.com", "1000.other"));
    assert_eq!(response.status, 200);
    assert_eq!(body(&response), json!({"error": "invalid_code"}));
    // "*" accepts any.
    let open = deluge_sandbox::Simulator::from_seed_json(
        r#"{"oauth": {"valid_refresh_tokens": ["*"]}}"#,
        "s.json",
    )
    .unwrap();
    assert!(
        body(&send(
            &open,
            &token_request("accounts.zoho.com", "anything")
        ))["access_token"]
            .is_string()
    );
    // So does a seed without the list.
    let default = deluge_sandbox::Simulator::from_seed_json("{}", "s.json").unwrap();
    assert!(
        body(&send(&default, &token_request("accounts.zoho.eu", "x")))["access_token"].is_string()
    );
}

#[test]
fn api_routes_need_an_issued_live_token() {
    let sim = sim();
    let url = format!("{CRM}/Leads/4000000000020");
    let token = issue(&sim, "accounts.zoho.com")["access_token"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(send(&sim, &with_token(&url, &token)).status, 200);
    let invalid = send(&sim, &with_token(&url, "1000.made.up"));
    assert_eq!(invalid.status, 401);
    assert_eq!(
        body(&invalid),
        json!({"code": "INVALID_TOKEN", "details": {}, "message": "invalid oauth token", "status": "error"})
    );
    // Bearer is not Zoho's prefix.
    let mut bearer = with_token(&url, &token);
    bearer.headers[0].1 = format!("Bearer {token}");
    assert_eq!(send(&sim, &bearer).status, 401);
    // No header and a connection: not the seed user.
    let mut anonymous = with_token(&url, &token);
    anonymous.headers.clear();
    assert_eq!(send(&sim, &anonymous).status, 401);
    // Books has its own shape.
    let books = send(
        &sim,
        &with_token(&format!("{BOOKS}/contacts?organization_id=10234695"), "bad"),
    );
    assert_eq!(books.status, 401);
    assert_eq!(body(&books)["code"], 57);
}

#[test]
fn tokens_expire_with_the_clock_and_on_demand() {
    let clock = clock();
    let sim = deluge_sandbox::Simulator::from_seed_json(SEED, "seed.json")
        .unwrap()
        .with_clock(clock.clone());
    let url = format!("{CRM}/Leads/4000000000020");
    let token = issue(&sim, "accounts.zoho.com")["access_token"]
        .as_str()
        .unwrap()
        .to_string();
    clock.advance(SignedDuration::from_secs(3599));
    assert_eq!(send(&sim, &with_token(&url, &token)).status, 200);
    clock.advance(SignedDuration::from_secs(2));
    assert_eq!(send(&sim, &with_token(&url, &token)).status, 401);

    // Acceptance test 11, at the HTTP level: expire, 401, refresh, retry.
    let token = issue(&sim, "accounts.zoho.com")["access_token"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(send(&sim, &with_token(&url, &token)).status, 200);
    sim.expire_all_tokens();
    assert_eq!(send(&sim, &with_token(&url, &token)).status, 401);
    let fresh = issue(&sim, "accounts.zoho.com")["access_token"]
        .as_str()
        .unwrap()
        .to_string();
    assert_ne!(fresh, token);
    assert_eq!(send(&sim, &with_token(&url, &fresh)).status, 200);
}

#[test]
fn lenient_mode_accepts_any_token() {
    let sim =
        deluge_sandbox::Simulator::from_seed_json(r#"{"oauth": {"lenient": true}}"#, "s.json")
            .unwrap();
    let response = send(&sim, &with_token(&format!("{CRM}/Leads"), "whatever"));
    assert_eq!(response.status, 204);
    assert_eq!(
        send(&sim, &with_token(&format!("{CRM}/Leads"), "")).status,
        401
    );
}

#[test]
fn revoked_refresh_tokens_stop_working() {
    let sim = sim();
    let mut revoke = token_request("accounts.zoho.com", "");
    revoke.url =
        Url::parse("https://accounts.zoho.com/oauth/v2/token/revoke?token=1000.good.refresh")
            .unwrap();
    revoke.logical_url = revoke.url.clone();
    revoke.body = RequestBody::Empty;
    assert_eq!(send(&sim, &revoke).status, 200);
    assert_eq!(
        issue(&sim, "accounts.zoho.com"),
        json!({"error": "invalid_code"})
    );
}

#[test]
fn tokens_and_secrets_never_reach_a_dump() {
    let sim = sim();
    let token = issue(&sim, "accounts.zoho.com")["access_token"]
        .as_str()
        .unwrap()
        .to_string();
    let dump = sim.dump().to_string();
    assert!(!dump.contains(&token));
    assert!(!dump.contains("s3cret"));
}

#[test]
fn overridden_requests_and_other_products_pass_through() {
    let sim = sim();
    let mut overridden = task(Method::Get, &format!("{CRM}/Leads"));
    overridden.url = Url::parse("http://127.0.0.1:9/crm/v2/Leads").unwrap();
    assert!(sim.try_execute(&overridden).is_none());
    for url in [
        "https://desk.zoho.com/api/v1/tickets",
        "https://www.zohoapis.com/workdrive/api/v1/files",
        "https://projectsapi.zoho.com/restapi/portals/",
        "https://api.example.test/v1/orders",
    ] {
        assert!(sim.try_execute(&task(Method::Get, url)).is_none(), "{url}");
    }
    assert_eq!(sim.name(), "simulator");
}

fn connector(sim: &deluge_sandbox::Simulator, name: &str, params: Value) -> Value {
    let request = with_json(
        task(Method::Post, &format!("deluge-connector://crm/{name}")),
        &params,
    );
    let response = send(sim, &request);
    let wrapper = body(&response);
    assert_eq!(wrapper["status_code"], response.status.to_string());
    serde_json::from_str(wrapper["response"].as_str().unwrap()).unwrap()
}

#[test]
fn connectors_set_getorg_getusers_delete() {
    let sim = sim();
    let set = connector(
        &sim,
        "crm.set",
        json!({"apiname": "invoice_counter", "value": 18}),
    );
    assert_eq!(
        set,
        json!({"invoice_counter": "18", "message": "New value updated successfully."})
    );
    assert_eq!(sim.org_variable("INVOICE_COUNTER").as_deref(), Some("18"));
    let org = connector(&sim, "crm.getorg", json!({}));
    assert_eq!(org["org"][0]["zgid"], "90000001");
    let users = connector(&sim, "crm.getusers", json!({}));
    assert_eq!(users["users"].as_array().unwrap().len(), 2);
    let deleted = connector(
        &sim,
        "crm.delete",
        json!({"module": "Leads", "id": "4000000000020"}),
    );
    assert_eq!(deleted["data"][0]["message"], "record deleted");
    let missing = connector(
        &sim,
        "crm.delete",
        json!({"module": "Leads", "id": "4000000000020"}),
    );
    assert_eq!(missing["data"][0]["code"], "INVALID_DATA");
    // Names the simulator does not model are left to fixtures.
    let other = task(Method::Post, "deluge-connector://crm/acme.erp.push");
    assert!(sim.try_execute(&other).is_none());
}
