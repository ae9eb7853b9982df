//! Connections and auth against a loopback server that plays both the
//! accounts server and the API (integrations spec §4, §5, §7; acceptance
//! tests 10, 12, 13, 18, 22).

mod common;

use common::{Setup, run_with, with_url};
use deluge_connect::testing::{Received, Reply, TestServer};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Answers token requests with `1000.tok.<n>` (lifetime `expires_in`),
/// and API requests with the Authorization header it got; a request whose
/// token is in `refused` gets Zoho's 401.
fn zoho_server(
    expires_in: u64,
    refused: &'static [&'static str],
) -> (TestServer, Arc<AtomicUsize>) {
    let tokens = Arc::new(AtomicUsize::new(0));
    let counter = tokens.clone();
    let server = TestServer::start(move |r: &Received| {
        if r.path() == "/oauth/v2/token" {
            let form = r.form();
            let refresh = form.iter().find(|(k, _)| k == "refresh_token").map(|(_, v)| v.as_str());
            if refresh != Some("good-refresh-token") {
                return Reply::json(200, r#"{"error":"invalid_code"}"#);
            }
            let n = counter.fetch_add(1, Ordering::SeqCst) + 1;
            return Reply::json(
                200,
                &format!(
                    r#"{{"access_token":"1000.tok.{n}","api_domain":"https://www.zohoapis.com","token_type":"Bearer","expires_in":{expires_in}}}"#
                ),
            );
        }
        let auth = r.header("authorization").unwrap_or("").to_string();
        if refused.iter().any(|t| auth.ends_with(t)) {
            return Reply::json(401, r#"{"code":"INVALID_TOKEN","details":{},"message":"invalid oauth token","status":"error"}"#);
        }
        Reply::json(200, &serde_json::json!({ "auth": auth, "target": r.target }).to_string())
    })
    .unwrap();
    (server, tokens)
}

const ZOHO_FILE: &str = r#"{
  "version": 1,
  "connections": {
    "MyBooksLink": {
      "service": "zoho_books",
      "auth": {
        "type": "zoho_oauth2",
        "data_center": "us",
        "client_id": "${env:CLIENT_ID}",
        "client_secret": "${env:CLIENT_SECRET}",
        "refresh_token": "${env:REFRESH}"
      },
      "base_url_override": "{url}"
    }
  }
}"#;

fn zoho_setup(server: &TestServer, refresh: &str) -> Setup {
    Setup::default()
        .file(&with_url(ZOHO_FILE, &server.url()))
        .env("CLIENT_ID", "client-id-1")
        .env("CLIENT_SECRET", "client-secret-value")
        .env("REFRESH", refresh)
}

const TWO_CALLS: &str = r#"a = invokeurl
[
	url: "https://www.zohoapis.com/books/v3/contacts?organization_id=1"
	type: GET
	connection: "mybookslink"
];
b = invokeurl
[
	url: "https://www.zohoapis.com/books/v3/items"
	type: GET
	connection: "MyBooksLink"
];
return a.get("auth") + "|" + b.get("auth") + "|" + a.get("target");"#;

#[test]
fn zoho_token_is_fetched_once_reused_and_sent_as_zoho_oauthtoken() {
    let (server, tokens) = zoho_server(3600, &[]);
    let out = zoho_setup(&server, "good-refresh-token").run(TWO_CALLS);
    assert_eq!(
        out.shown(),
        "Zoho-oauthtoken 1000.tok.1|Zoho-oauthtoken 1000.tok.1|/books/v3/contacts?organization_id=1"
    );
    assert_eq!(tokens.load(Ordering::SeqCst), 1);
    let token_request = &server.received()[0];
    assert_eq!(token_request.method, "POST");
    assert_eq!(
        token_request.form(),
        vec![
            ("grant_type".to_string(), "refresh_token".to_string()),
            (
                "refresh_token".to_string(),
                "good-refresh-token".to_string()
            ),
            ("client_id".to_string(), "client-id-1".to_string()),
            (
                "client_secret".to_string(),
                "client-secret-value".to_string()
            ),
        ]
    );
    // The logical URL is Zoho's; the wire URL is the override.
    let entry = &out.log.entries[1];
    assert_eq!(
        entry.logical_url,
        "https://www.zohoapis.com/books/v3/contacts?organization_id=1"
    );
    assert_eq!(
        entry.url,
        format!("{}/books/v3/contacts?organization_id=1", server.url())
    );
    assert_eq!(out.log.entries[0].origin, "token refresh");
}

#[test]
fn a_token_close_to_expiry_is_refreshed_before_use() {
    // 30 s left is under the 60 s margin: each call refreshes.
    let (server, tokens) = zoho_server(30, &[]);
    let out = zoho_setup(&server, "good-refresh-token").run(TWO_CALLS);
    assert!(
        out.shown()
            .starts_with("Zoho-oauthtoken 1000.tok.1|Zoho-oauthtoken 1000.tok.2|"),
        "{}",
        out.shown()
    );
    assert_eq!(tokens.load(Ordering::SeqCst), 2);
}

#[test]
fn a_401_refreshes_once_and_retries_once() {
    let (server, tokens) = zoho_server(3600, &["1000.tok.1"]);
    let out = zoho_setup(&server, "good-refresh-token").run(TWO_CALLS);
    assert!(
        out.shown()
            .starts_with("Zoho-oauthtoken 1000.tok.2|Zoho-oauthtoken 1000.tok.2|"),
        "{}",
        out.shown()
    );
    assert_eq!(tokens.load(Ordering::SeqCst), 2);
    let statuses: Vec<Option<u16>> = out.log.entries.iter().map(|e| e.status).collect();
    assert_eq!(
        statuses,
        vec![Some(200), Some(401), Some(200), Some(200), Some(200)]
    );
}

#[test]
fn a_second_401_is_returned_as_data() {
    let (server, tokens) = zoho_server(3600, &["1000.tok.1", "1000.tok.2"]);
    let out = zoho_setup(&server, "good-refresh-token").run(
        "r = invokeurl\n[\n\turl: \"https://www.zohoapis.com/crm/v2/Leads\"\n\tconnection: \"MyBooksLink\"\n\tdetailed: true\n];\nreturn r.get(\"responseCode\") + \" \" + r.get(\"responseText\").get(\"code\");",
    );
    assert_eq!(out.shown(), "401 INVALID_TOKEN");
    assert_eq!(tokens.load(Ordering::SeqCst), 2);
}

#[test]
fn a_refused_refresh_is_a_catchable_not_authorized_error() {
    let (server, _) = zoho_server(3600, &[]);
    let out = zoho_setup(&server, "revoked-refresh-token").run(
        "try\n{\n\tr = invokeurl\n\t[\n\t\turl: \"https://www.zohoapis.com/crm/v2/Leads\"\n\t\tconnection: \"MyBooksLink\"\n\t];\n}\ncatch (e)\n{\n\treturn e.lineNo + \" \" + e.message;\n}",
    );
    assert_eq!(
        out.shown(),
        "3 Connection 'MyBooksLink' is not authorized: invalid_code"
    );
}

#[test]
fn an_unreachable_accounts_server_is_not_authorized() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let out = Setup::default()
        .file(&with_url(ZOHO_FILE, &format!("http://127.0.0.1:{port}")))
        .env("CLIENT_ID", "c")
        .env("CLIENT_SECRET", "client-secret-value")
        .env("REFRESH", "good-refresh-token")
        .run("r = invokeurl\n[\n\turl: \"https://www.zohoapis.com/crm/v2/Leads\"\n\tconnection: \"MyBooksLink\"\n];");
    let message = &out.error().message;
    assert!(
        message.starts_with("Connection 'MyBooksLink' is not authorized: "),
        "{message}"
    );
    assert!(!message.contains("client-secret-value") && !message.contains("good-refresh-token"));
}

#[test]
fn unknown_links_and_unset_variables_are_errors() {
    let (server, _) = zoho_server(3600, &[]);
    let out = zoho_setup(&server, "good-refresh-token").run(
        "r = invokeurl\n[\n\turl: \"https://www.zohoapis.com/x\"\n\tconnection: \"nosuch\"\n];",
    );
    assert_eq!(out.error().message, "Connection 'nosuch' does not exist");
    let out = Setup::default()
        .file(&with_url(ZOHO_FILE, &server.url()))
        .env("CLIENT_ID", "c")
        .env("REFRESH", "r")
        .run("r = invokeurl\n[\n\turl: \"https://www.zohoapis.com/x\"\n\tconnection: \"MyBooksLink\"\n];");
    assert_eq!(
        out.error().message,
        "Connection 'MyBooksLink': environment variable CLIENT_SECRET is not set"
    );
    assert_eq!(out.error().line, Some(1));
}

/// Runs one GET with the link and returns what the server received.
fn received_with(file: &str, env: &[(&str, &str)]) -> (Received, common::Outcome) {
    let server = TestServer::start(|r: &Received| {
        if r.path().ends_with("/token") {
            return Reply::json(
                200,
                r#"{"access_token":"generic-access-token","expires_in":3600}"#,
            );
        }
        Reply::json(200, "{}")
    })
    .unwrap();
    let mut setup = Setup::default().file(&with_url(file, &server.url()));
    for (k, v) in env {
        setup = setup.env(k, v);
    }
    let out = setup.run(&with_url(
        "r = invokeurl\n[\n\turl: \"{url}/api/v1/things?page=2\"\n\ttype: POST\n\tparameters: {\"a\": \"1\"}\n\tconnection: \"svc\"\n];",
        &server.url(),
    ));
    assert!(out.result.is_ok(), "{}", out.shown());
    let api = server
        .received()
        .into_iter()
        .find(|r| r.path() == "/api/v1/things")
        .unwrap();
    (api, out)
}

fn custom(auth: &str) -> String {
    format!(
        r#"{{"version": 1, "connections": {{"svc": {{"service": "custom", "api_base_url": "{{url}}", "auth": {auth}}}}}}}"#
    )
}

#[test]
fn api_keys_go_in_header_query_or_form() {
    let (got, out) = received_with(
        &custom(
            r#"{"type": "api_key", "params": [
                {"name": "X-Api-Token", "value": "${env:K1}", "in": "header"},
                {"name": "appid", "value": "${env:K2}", "in": "query"},
                {"name": "authtoken", "value": "${env:K3}", "in": "form"}]}"#,
        ),
        &[
            ("K1", "header-key-111"),
            ("K2", "query-key-222"),
            ("K3", "form-key-333"),
        ],
    );
    assert_eq!(got.header("x-api-token"), Some("header-key-111"));
    assert_eq!(got.target, "/api/v1/things?page=2&appid=query-key-222");
    assert_eq!(
        got.form(),
        vec![
            ("a".to_string(), "1".to_string()),
            ("authtoken".to_string(), "form-key-333".to_string())
        ]
    );
    let log = out.log.to_json_lines();
    for secret in ["header-key-111", "query-key-222", "form-key-333"] {
        assert!(!log.contains(secret), "{secret} in {log}");
    }
    assert!(log.contains("appid=***"));
}

#[test]
fn basic_and_bearer_headers() {
    let (got, out) = received_with(
        &custom(r#"{"type": "basic", "username": "erp-user", "password": "${env:PASS}"}"#),
        &[("PASS", "basic-password-44")],
    );
    // base64("erp-user:basic-password-44")
    assert_eq!(
        got.header("authorization"),
        Some("Basic ZXJwLXVzZXI6YmFzaWMtcGFzc3dvcmQtNDQ=")
    );
    assert!(
        !out.log
            .to_json_lines()
            .contains("ZXJwLXVzZXI6YmFzaWMtcGFzc3dvcmQtNDQ=")
    );
    let (got, _) = received_with(
        &custom(r#"{"type": "bearer", "token": "${env:TOK}"}"#),
        &[("TOK", "bearer-token-55")],
    );
    assert_eq!(got.header("authorization"), Some("Bearer bearer-token-55"));
    let (got, _) = received_with(
        &custom(
            r#"{"type": "bearer", "token": "${env:TOK}", "header_name": "X-Auth", "prefix": ""}"#,
        ),
        &[("TOK", "bearer-token-55")],
    );
    assert_eq!(got.header("x-auth"), Some("bearer-token-55"));
}

#[test]
fn generic_oauth2_header_and_query_placement() {
    let auth = |placement: &str| {
        custom(&format!(
            r#"{{"type": "oauth2", "token_url": "{{url}}/oauth/token", "grant_type": "client_credentials",
                "client_id": "cid", "client_secret": "${{env:CS}}", "client_auth": "basic", "token_placement": "{placement}"}}"#
        ))
    };
    let (got, _) = received_with(&auth("header"), &[("CS", "generic-client-secret")]);
    assert_eq!(
        got.header("authorization"),
        Some("Bearer generic-access-token")
    );
    let (got, out) = received_with(&auth("query"), &[("CS", "generic-client-secret")]);
    assert_eq!(
        got.target,
        "/api/v1/things?page=2&access_token=generic-access-token"
    );
    assert!(!out.log.to_json_lines().contains("generic-access-token"));
}

#[test]
fn generic_oauth2_refresh_grant_sends_credentials_in_the_body() {
    let server = TestServer::start(|r: &Received| {
        if r.path() == "/oauth/token" {
            return Reply::json(
                200,
                r#"{"access_token":"generic-access-token","expires_in":3600}"#,
            );
        }
        Reply::json(200, "{}")
    })
    .unwrap();
    let file = custom(
        r#"{"type": "oauth2", "token_url": "{url}/oauth/token", "client_id": "cid",
            "client_secret": "${env:CS}", "refresh_token": "${env:RT}", "scopes": ["a", "b"]}"#,
    );
    Setup::default()
        .file(&with_url(&file, &server.url()))
        .env("CS", "generic-client-secret")
        .env("RT", "generic-refresh-token")
        .run(&with_url(
            "r = invokeurl\n[\n\turl: \"{url}/x\"\n\tconnection: \"svc\"\n];",
            &server.url(),
        ));
    let token = &server.received()[0];
    assert_eq!(token.header("authorization"), None);
    assert_eq!(
        token.form(),
        vec![
            ("grant_type".to_string(), "refresh_token".to_string()),
            (
                "refresh_token".to_string(),
                "generic-refresh-token".to_string()
            ),
            ("client_id".to_string(), "cid".to_string()),
            (
                "client_secret".to_string(),
                "generic-client-secret".to_string()
            ),
            ("scope".to_string(), "a b".to_string()),
        ]
    );
}

#[test]
fn url_params_fill_placeholders_and_none_sends_no_credentials() {
    let server = TestServer::start(|_| Reply::json(200, "{}")).unwrap();
    let file = format!(
        r#"{{"version": 1, "connections": {{"sf": {{"service": "custom", "api_base_url": "https://acme.my.salesforce.com",
            "url_params": {{"domain": "acme"}}, "auth": {{"type": "none"}},
            "base_url_override": "{}", "match_hosts": ["*.my.salesforce.com"]}}}}}}"#,
        server.url()
    );
    let out = Setup::default()
        .file(&file)
        .run("r = invokeurl\n[\n\turl: \"https://{domain}.my.salesforce.com/services/data\"\n\tconnection: \"sf\"\n];");
    assert!(out.result.is_ok(), "{}", out.shown());
    let got = &server.received()[0];
    assert_eq!(got.target, "/services/data");
    assert_eq!(got.header("authorization"), None);
    assert_eq!(
        out.log.entries[0].logical_url,
        "https://acme.my.salesforce.com/services/data"
    );
}

#[test]
fn the_connection_replaces_a_script_header_with_a_warning() {
    let (got, out) = {
        let server = TestServer::start(|_| Reply::json(200, "{}")).unwrap();
        let out = Setup::default()
            .file(&with_url(&custom(r#"{"type": "bearer", "token": "${env:TOK}"}"#), &server.url()))
            .env("TOK", "bearer-token-55")
            .run(&with_url(
                "r = invokeurl\n[\n\turl: \"{url}/h\"\n\theaders: {\"authorization\": \"mine\"}\n\tconnection: \"svc\"\n];",
                &server.url(),
            ));
        (server.received()[0].clone(), out)
    };
    assert_eq!(got.header("authorization"), Some("Bearer bearer-token-55"));
    assert_eq!(
        got.headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case("authorization"))
            .count(),
        1
    );
    assert_eq!(
        out.log.entries[0].warnings,
        vec!["connection 'svc' replaced the script's Authorization header"]
    );
}

#[test]
fn a_token_cache_file_is_reused_by_the_next_run() {
    let (server, tokens) = zoho_server(3600, &[]);
    let dir = std::env::temp_dir().join(format!("deluge-cache-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cache = dir.join("tokens.json");
    let file = with_url(ZOHO_FILE, &server.url()).replace(
        "\"version\": 1,",
        &format!(
            "\"version\": 1, \"runtime\": {{\"token_cache_file\": {:?}}},",
            cache.display().to_string()
        ),
    );
    for _ in 0..2 {
        let mut host = Setup::default()
            .file(&file)
            .env("CLIENT_ID", "c")
            .env("CLIENT_SECRET", "client-secret-value")
            .env("REFRESH", "good-refresh-token")
            .host();
        let out = run_with(&mut host, TWO_CALLS);
        assert!(out.result.is_ok(), "{}", out.shown());
    }
    assert_eq!(tokens.load(Ordering::SeqCst), 1);
    let cached = std::fs::read_to_string(&cache).unwrap();
    assert!(cached.contains("1000.tok.1"));
    assert!(!cached.contains("good-refresh-token") && !cached.contains("client-secret-value"));
    std::fs::remove_dir_all(&dir).unwrap();
}
