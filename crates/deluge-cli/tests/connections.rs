//! `deluge run --connections`, `deluge connections list|check` and
//! `deluge repl --connections`, end to end against a server on 127.0.0.1.
//! The redaction test runs every auth kind with `--trace-http` and checks
//! that no secret appears in anything the command prints.

use deluge_connect::testing::{Received, Reply, TestServer};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

struct Dir(PathBuf);

impl Dir {
    fn new(name: &str) -> Dir {
        let dir = std::env::temp_dir().join(format!("deluge-conn-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        Dir(dir)
    }

    fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, text).unwrap();
        path
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn deluge(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_deluge"));
    command
        .args(["--color", "never"])
        .args(args)
        .current_dir(dir)
        .env_remove("DELUGE_CONNECTIONS");
    for (k, v) in env {
        command.env(k, v);
    }
    command.output().unwrap()
}

fn all_output(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// Plays every token endpoint and an API that reports which credential
/// arrived where (without echoing it).
fn server() -> TestServer {
    TestServer::start(|r: &Received| {
        match r.path() {
            "/oauth/v2/token" => {
                if r.form().iter().any(|(k, v)| k == "refresh_token" && v == "zoho-refresh-SECRET1") {
                    Reply::json(200, r#"{"access_token":"1000.zoho-access-SECRET9","api_domain":"https://www.zohoapis.com","expires_in":3600}"#)
                } else {
                    Reply::json(200, r#"{"error":"invalid_code"}"#)
                }
            }
            "/oauth/token" => Reply::json(200, r#"{"access_token":"generic-access-SECRET10","expires_in":3600}"#),
            _ => {
                let has_auth = r.header("authorization").is_some() || r.header("x-key").is_some();
                let has_query = r.target.contains("appid=");
                let has_form = r.body_text().contains("formkey=");
                Reply::json(
                    200,
                    &format!(r#"{{"auth":{has_auth},"query":{has_query},"form":{has_form}}}"#),
                )
            }
        }
    })
    .unwrap()
}

const SECRETS: &[(&str, &str)] = &[
    ("ZOHO_CLIENT_SECRET", "zoho-client-SECRET0"),
    ("ZOHO_REFRESH", "zoho-refresh-SECRET1"),
    ("OAUTH_SECRET", "oauth-client-SECRET2"),
    ("OAUTH_REFRESH", "oauth-refresh-SECRET3"),
    ("KEY_HEADER", "key-header-SECRET4"),
    ("KEY_QUERY", "key-query-SECRET5"),
    ("KEY_FORM", "key-form-SECRET6"),
    ("BASIC_PASS", "basic-pass-SECRET7"),
    ("BEARER", "bearer-token-SECRET8"),
];

fn connections(url: &str) -> String {
    r#"{
  "version": 1,
  "runtime": {"network": "deny"},
  "connections": {
    "zoho": {"service": "zoho_crm", "base_url_override": "URL",
      "auth": {"type": "zoho_oauth2", "client_id": "cid", "client_secret": "${env:ZOHO_CLIENT_SECRET}", "refresh_token": "${env:ZOHO_REFRESH}"}},
    "generic": {"service": "custom", "api_base_url": "URL",
      "auth": {"type": "oauth2", "token_url": "URL/oauth/token", "client_id": "cid", "client_secret": "${env:OAUTH_SECRET}",
               "refresh_token": "${env:OAUTH_REFRESH}", "client_auth": "basic"}},
    "generic_query": {"service": "custom", "api_base_url": "URL",
      "auth": {"type": "oauth2", "token_url": "URL/oauth/token", "grant_type": "client_credentials", "client_id": "cid",
               "client_secret": "${env:OAUTH_SECRET}", "token_placement": "query"}},
    "keys": {"service": "custom", "api_base_url": "URL",
      "auth": {"type": "api_key", "params": [
        {"name": "X-Key", "value": "${env:KEY_HEADER}", "in": "header"},
        {"name": "appid", "value": "${env:KEY_QUERY}", "in": "query"},
        {"name": "formkey", "value": "${env:KEY_FORM}", "in": "form"}]}},
    "basic": {"service": "custom", "api_base_url": "URL",
      "auth": {"type": "basic", "username": "user", "password": "${env:BASIC_PASS}"}},
    "bearer": {"service": "custom", "api_base_url": "URL",
      "auth": {"type": "bearer", "token": "${env:BEARER}"}}
  }
}"#
    .replace("URL", url)
}

fn script(url: &str) -> String {
    let mut text = String::new();
    let calls = [
        ("zoho", "https://www.zohoapis.com/crm/v2/Leads", "GET"),
        ("generic", "URL/api/a", "POST"),
        ("generic_query", "URL/api/b", "GET"),
        ("keys", "URL/api/c", "POST"),
        ("basic", "URL/api/d", "GET"),
        ("bearer", "URL/api/e", "DELETE"),
    ];
    for (link, target, method) in calls {
        text.push_str(&format!(
            "r = invokeurl\n[\n\turl: \"{}\"\n\ttype: {method}\n\tparameters: {{\"x\": \"1\"}}\n\tconnection: \"{link}\"\n];\ninfo \"{link} \" + r;\n",
            target.replace("URL", url)
        ));
    }
    text
}

#[test]
fn trace_http_prints_no_secret_for_any_auth_kind() {
    let server = server();
    let dir = Dir::new("redact");
    dir.write("connections.json", &connections(&server.url()));
    dir.write("calls.dg", &script(&server.url()));
    let out = deluge(
        &dir.0,
        &["run", "calls.dg", "--network", "loopback", "--trace-http"],
        SECRETS,
    );
    let text = all_output(&out);
    assert!(out.status.success(), "{text}");
    for line in [
        "zoho {\"auth\":true,\"query\":false,\"form\":false}",
        "generic {\"auth\":true,\"query\":false,\"form\":false}",
        "generic_query {\"auth\":false,\"query\":false,\"form\":false}",
        "keys {\"auth\":true,\"query\":true,\"form\":true}",
        "basic {\"auth\":true,\"query\":false,\"form\":false}",
        "bearer {\"auth\":true,\"query\":false,\"form\":false}",
    ] {
        assert!(text.contains(line), "missing `{line}` in\n{text}");
    }
    // Every request was traced: 2 token requests + the client-credentials
    // one + 6 calls.
    assert_eq!(text.matches("http: ").count(), 9, "{text}");
    assert!(text.contains("Zoho-oauthtoken ***"), "{text}");
    let mut secrets: Vec<&str> = SECRETS.iter().map(|(_, v)| *v).collect();
    secrets.extend([
        "1000.zoho-access-SECRET9",
        "generic-access-SECRET10",
        "dXNlcjpiYXNpYy1wYXNzLVNFQ1JFVDc=",
    ]);
    for secret in secrets {
        assert!(!text.contains(secret), "`{secret}` printed:\n{text}");
    }
    assert!(!text.contains("SECRET"), "{text}");
}

#[test]
fn without_a_connections_file_the_network_is_denied() {
    let server = server();
    let dir = Dir::new("deny");
    dir.write(
        "a.dg",
        &format!(
            "r = invokeurl\n[\n\turl: \"{}/api/x?k=1\"\n];",
            server.url()
        ),
    );
    let out = deluge(&dir.0, &["run", "a.dg"], &[]);
    let text = all_output(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(text.contains("[E321]"), "{text}");
    assert!(
        text.contains(&format!(
            "invokeurl: network access denied in offline mode: GET {}/api/x",
            server.url()
        )),
        "{text}"
    );
    assert!(server.received().is_empty());
    // The flag opens loopback.
    let out = deluge(&dir.0, &["run", "a.dg", "--network", "loopback"], &[]);
    assert!(out.status.success(), "{}", all_output(&out));
}

#[test]
fn the_file_is_found_by_flag_environment_or_beside_the_script() {
    let server = server();
    let dir = Dir::new("find");
    std::fs::create_dir_all(dir.0.join("scripts")).unwrap();
    let file = r#"{"version": 1, "runtime": {"network": "loopback"}, "connections": {"b": {"service": "custom", "api_base_url": "URL", "auth": {"type": "bearer", "token": "${env:BEARER}"}}}}"#
        .replace("URL", &server.url());
    dir.write("scripts/connections.json", &file);
    dir.write("elsewhere.json", &file.replace("\"b\"", "\"other\""));
    dir.write(
        "scripts/a.dg",
        &format!(
            "r = invokeurl\n[\n\turl: \"{}/api/y\"\n\tconnection: \"b\"\n];\ninfo r;",
            server.url()
        ),
    );
    let beside = deluge(&dir.0, &["run", "scripts/a.dg"], SECRETS);
    assert!(beside.status.success(), "{}", all_output(&beside));
    let by_flag = deluge(
        &dir.0,
        &["run", "scripts/a.dg", "--connections", "elsewhere.json"],
        SECRETS,
    );
    assert!(
        all_output(&by_flag).contains("Connection 'b' does not exist"),
        "{}",
        all_output(&by_flag)
    );
    let by_env = deluge(
        &dir.0,
        &["run", "scripts/a.dg"],
        &[("DELUGE_CONNECTIONS", "elsewhere.json"), ("BEARER", "t")],
    );
    assert!(all_output(&by_env).contains("Connection 'b' does not exist"));
}

#[test]
fn a_malformed_file_is_reported_with_path_line_and_column() {
    let dir = Dir::new("malformed");
    dir.write(
        "connections.json",
        "{\n  \"version\": 1,\n  \"connectons\": {}\n}\n",
    );
    dir.write("a.dg", "info 1;");
    let out = deluge(&dir.0, &["run", "a.dg"], &[]);
    let text = all_output(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(text.contains("[E503]"), "{text}");
    assert!(text.contains("connections.json:3:3"), "{text}");
    assert!(text.contains("unknown field `connectons`"), "{text}");
    assert!(
        text.contains("\"connectons\": {}"),
        "the source line is shown: {text}"
    );
}

#[test]
fn connections_list_shows_variables_set_but_never_values() {
    let dir = Dir::new("list");
    dir.write("connections.json", &connections("http://127.0.0.1:9"));
    let out = deluge(
        &dir.0,
        &["connections", "list"],
        &[("ZOHO_REFRESH", "zoho-refresh-SECRET1")],
    );
    let text = all_output(&out);
    assert!(out.status.success(), "{text}");
    assert!(
        text.contains("zoho  service=zoho_crm  auth=zoho_oauth2"),
        "{text}"
    );
    assert!(
        text.contains("keys  service=custom  auth=api_key"),
        "{text}"
    );
    assert!(
        text.contains("refresh_token: ${env:ZOHO_REFRESH} set"),
        "{text}"
    );
    assert!(
        text.contains("client_secret: ${env:ZOHO_CLIENT_SECRET} NOT SET"),
        "{text}"
    );
    assert!(!text.contains("SECRET1"), "{text}");
}

#[test]
fn connections_check_refreshes_and_reports_the_servers_error() {
    let server = server();
    let dir = Dir::new("check");
    dir.write("connections.json", &connections(&server.url()));
    let ok = deluge(
        &dir.0,
        &["connections", "check", "zoho", "--network", "loopback"],
        SECRETS,
    );
    assert!(ok.status.success(), "{}", all_output(&ok));
    assert_eq!(String::from_utf8_lossy(&ok.stdout), "zoho: ok\n");
    let bad = deluge(
        &dir.0,
        &["connections", "check", "zoho", "--network", "loopback"],
        &[
            ("ZOHO_CLIENT_SECRET", "x-secret"),
            ("ZOHO_REFRESH", "revoked-refresh"),
        ],
    );
    assert_eq!(bad.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&bad.stdout),
        "zoho: FAILED: Connection 'zoho' is not authorized: invalid_code\n"
    );
    let unset = deluge(
        &dir.0,
        &["connections", "check", "basic", "--network", "loopback"],
        &[],
    );
    assert!(
        all_output(&unset)
            .contains("Connection 'basic': environment variable BASIC_PASS is not set")
    );
}

/// The seed's Books calls, as written there: a GET with `parameters` and
/// a POST whose `parameters` map holds `JSONString`.
#[test]
fn the_seed_books_calls_work_through_an_overridden_link() {
    let server = TestServer::start(|r: &Received| match (r.method.as_str(), r.path()) {
        (_, "/oauth/v2/token") => Reply::json(200, r#"{"access_token":"1000.books","expires_in":3600}"#),
        ("GET", "/api/v3/contacts") => Reply::json(200, r#"{"code":0,"message":"success","contacts":[]}"#),
        ("POST", "/api/v3/contacts") => {
            let form = r.form();
            let json = form.iter().find(|(k, _)| k == "JSONString").map(|(_, v)| v.clone()).unwrap_or_default();
            let sent: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
            Reply::json(
                201,
                &serde_json::json!({"code": 0, "message": "The contact has been added.",
                    "contact": {"contact_id": "460000000099", "contact_name": sent["contact_name"]}})
                .to_string(),
            )
        }
        _ => Reply::json(404, r#"{"code":5,"message":"Invalid URL Passed"}"#),
    })
    .unwrap();
    let dir = Dir::new("seed");
    dir.write(
        "connections.json",
        &r#"{"version": 1, "runtime": {"network": "loopback"}, "connections": {"books_link": {"service": "zoho_books",
            "auth": {"type": "zoho_oauth2", "data_center": "us", "client_id": "${env:ZOHO_CLIENT_ID:-offline-client}",
                     "client_secret": "${env:ZOHO_CLIENT_SECRET:-offline-secret}", "refresh_token": "${env:BOOKS_REFRESH_TOKEN:-offline-refresh}"},
            "base_url_override": "URL"}}}"#
            .replace("URL", &server.url()),
    );
    dir.write(
        "sync.dg",
        r#"organizationId = "10234695";
booksApi = "https://books.zoho.com/api/v3/contacts";
email = "ann@example.test";
query = Map();
query.put("organization_id", organizationId);
query.put("email", email);
existing = invokeurl
[
	url :booksApi
	type :GET
	parameters:query
	connection:"books_link"
];
matches = existing.get("contacts");
customer = Map();
customer.put("contact_name", "Ann Smith");
customer.put("contact_type", "customer");
form = Map();
form.put("JSONString", customer.toString());
if (matches != null && matches.size() > 0)
{
	return "unexpected";
}
created = invokeurl
[
	url :booksApi + "?organization_id=" + organizationId
	type :POST
	parameters:form
	connection:"books_link"
];
info "Created Books contact " + created.get("contact").get("contact_id") + " for " + created.get("contact").get("contact_name");
return "created";"#,
    );
    let out = deluge(&dir.0, &["run", "sync.dg"], &[]);
    let text = all_output(&out);
    assert!(out.status.success(), "{text}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "Created Books contact 460000000099 for Ann Smith\ncreated\n"
    );
    let got = server.received();
    assert_eq!(
        got[1].target,
        "/api/v3/contacts?organization_id=10234695&email=ann%40example.test"
    );
    assert_eq!(
        got[1].header("authorization"),
        Some("Zoho-oauthtoken 1000.books")
    );
    assert_eq!(got[2].target, "/api/v3/contacts?organization_id=10234695");
    assert_eq!(
        got.iter().filter(|r| r.path() == "/oauth/v2/token").count(),
        1
    );
}

#[test]
fn the_repl_uses_connections_and_lists_requests() {
    let server = server();
    let dir = Dir::new("repl");
    dir.write("connections.json", &connections(&server.url()));
    let mut child = Command::new(env!("CARGO_BIN_EXE_deluge"))
        .args([
            "--color",
            "never",
            "repl",
            "--connections",
            "connections.json",
            "--network",
            "loopback",
        ])
        .current_dir(&dir.0)
        .envs(SECRETS.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let input = format!(
        "r = invokeurl\n[\n\turl: \"{}/api/r\"\n\tconnection: \"bearer\"\n];\nr.get(\"auth\")\n:requests\n",
        server.url()
    );
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let text = all_output(&out);
    assert!(text.contains("true"), "{text}");
    assert!(
        text.contains(&format!("GET {}/api/r -> 200 (network", server.url())),
        "{text}"
    );
    assert!(text.contains("Authorization: Bearer ***"), "{text}");
    assert!(!text.contains("SECRET"), "{text}");
}
