//! `deluge run` of a script calling `zoho.crm`, `zoho.bigin` and
//! `zoho.books` tasks, with links whose `base_url_override` points at a
//! server on 127.0.0.1 that this test starts. The server plays both the
//! Zoho accounts server (`/oauth/v2/token`) and the APIs, and records
//! every request so the test can check what went on the wire.
//! The server stops when dropped.

use deluge_connect::testing::{Received, Reply, TestServer};
use std::path::Path;
use std::process::{Command, Output};

const TOKEN: &str = "1000.test-access-token";

/// The accounts server and the three APIs, as Zoho answers them; a request
/// without the token gets Zoho's 401 body.
fn zoho(request: &Received) -> Reply {
    if request.path() == "/oauth/v2/token" {
        return Reply::json(
            200,
            &format!(
                r#"{{"access_token":"{TOKEN}","api_domain":"https://www.zohoapis.com","token_type":"Bearer","expires_in":3600}}"#
            ),
        );
    }
    if request.header("authorization") != Some(&format!("Zoho-oauthtoken {TOKEN}")) {
        return Reply::json(
            401,
            r#"{"code":"INVALID_TOKEN","details":{},"message":"invalid oauth token","status":"error"}"#,
        );
    }
    match (request.method.as_str(), request.path()) {
        ("GET", "/crm/v2/Leads/42") => {
            Reply::json(200, r#"{"data":[{"id":"42","Company":"Acme"}]}"#)
        }
        ("GET", "/crm/v2/Leads/search") => Reply::json(
            200,
            r#"{"data":[{"id":"42"},{"id":"43"}],"info":{"count":2,"more_records":false}}"#,
        ),
        ("GET", "/bigin/v2/Contacts/4000000000001") => Reply::json(
            200,
            r#"{"data":[{"id":"4000000000001","Email":"ann@example.test"}]}"#,
        ),
        ("POST", "/books/v3/contacts") => Reply::json(
            201,
            r#"{"code":0,"message":"The contact has been added.","contact":{"contact_id":"460000000099001"}}"#,
        ),
        _ => Reply::json(404, r#"{"code":"INVALID_URL_PATTERN","status":"error"}"#),
    }
}

fn connections(port: u16) -> String {
    let link = |service: &str, default_for: &str| {
        format!(
            r#"{{
      "service": "{service}",
      {default_for}
      "base_url_override": "http://127.0.0.1:{port}",
      "auth": {{
        "type": "zoho_oauth2",
        "data_center": "us",
        "client_id": "test-client",
        "client_secret": "${{env:TASKS_TEST_SECRET:-client-secret-value}}",
        "refresh_token": "${{env:TASKS_TEST_REFRESH:-refresh-token-value}}"
      }}
    }}"#
        )
    };
    format!(
        r#"{{
  "version": 1,
  "runtime": {{ "network": "loopback" }},
  "connections": {{
    "crm_link": {},
    "bigin_link": {},
    "books_link": {}
  }}
}}"#,
        link("zoho_crm", r#""default_for": ["zoho.crm"],"#),
        link("zoho_bigin", ""),
        link("zoho_books", "")
    )
}

const SCRIPT: &str = r#"
lead = zoho.crm.getRecordById("Leads", 42);
info lead.get("Company");
found = zoho.crm.searchRecords("Leads", "(Company:equals:Acme)");
info found.size();
fetched = zoho.bigin.getRecordById("Contacts", "4000000000001", Map(), "bigin_link");
info fetched.get("data").get(0).get("Email");
created = zoho.books.createRecord("Contacts", 10234695, {"contact_name":"Ann Smith"}, "books_link");
info created.get("contact").get("contact_id");
"#;

fn deluge(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_deluge"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("DELUGE_CONNECTIONS")
        .env_remove("TASKS_TEST_SECRET")
        .env_remove("TASKS_TEST_REFRESH")
        .output()
        .expect("the deluge binary runs")
}

fn scratch_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("deluge-tasks-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn tasks_run_against_a_loopback_zoho() {
    let server = TestServer::start(zoho).unwrap();
    let dir = scratch_dir("e2e");
    std::fs::write(dir.join("tasks.dg"), SCRIPT).unwrap();
    std::fs::write(dir.join("links.json"), connections(server.port())).unwrap();
    let out = deluge(
        &dir,
        &[
            "run",
            "tasks.dg",
            "--connections",
            "links.json",
            "--network",
            "loopback",
            "--trace-http",
        ],
    );
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "stdout:\n{stdout}\nstderr:\n{stderr}"
    );
    let info: Vec<&str> = stdout.lines().take(4).collect();
    assert_eq!(info, ["Acme", "2", "ann@example.test", "460000000099001"]);

    let seen = server.received();
    let api: Vec<&Received> = seen
        .iter()
        .filter(|r| r.path() != "/oauth/v2/token")
        .collect();
    let lines: Vec<String> = api
        .iter()
        .map(|s| format!("{} {}", s.method, s.target))
        .collect();
    assert_eq!(
        lines,
        [
            "GET /crm/v2/Leads/42",
            "GET /crm/v2/Leads/search?criteria=%28Company%3Aequals%3AAcme%29",
            "GET /bigin/v2/Contacts/4000000000001",
            "POST /books/v3/contacts?organization_id=10234695",
        ]
    );
    for request in &api {
        assert_eq!(
            request.header("authorization"),
            Some(format!("Zoho-oauthtoken {TOKEN}").as_str()),
            "{}",
            request.target
        );
    }
    let books = api[3];
    assert!(
        books
            .header("content-type")
            .unwrap_or("")
            .starts_with("application/x-www-form-urlencoded"),
        "{:?}",
        books.headers
    );
    assert_eq!(
        books.form(),
        [(
            "JSONString".to_string(),
            r#"{"contact_name":"Ann Smith"}"#.to_string()
        )]
    );
    // One token per link at most, each fetched from the overridden accounts server.
    let tokens = seen
        .iter()
        .filter(|s| s.path() == "/oauth/v2/token")
        .count();
    assert!((1..=3).contains(&tokens), "{tokens} token requests");
    // The request log names each task and its link.
    for task in [
        "zoho.crm.getRecordById",
        "zoho.bigin.getRecordById",
        "zoho.books.createRecord",
    ] {
        assert!(stderr.contains(task), "{task} not traced:\n{stderr}");
    }
    assert!(stderr.contains("books_link"), "{stderr}");
    // No secret reaches the output.
    for secret in ["client-secret-value", "refresh-token-value", TOKEN] {
        assert!(
            !stdout.contains(secret) && !stderr.contains(secret),
            "{secret} leaked"
        );
    }
}

#[test]
fn task_errors_name_the_task_and_the_line() {
    let server = TestServer::start(zoho).unwrap();
    let dir = scratch_dir("errors");
    let script =
        "x = 1;\nr = zoho.bigin.getRecordById(\"Contacts\", 1, Map(), \"no_such_link\");\n";
    std::fs::write(dir.join("unknown_link.dg"), script).unwrap();
    std::fs::write(
        dir.join("desk.dg"),
        "r = zoho.desk.getRecords(\"tickets\");\n",
    )
    .unwrap();
    std::fs::write(dir.join("links.json"), connections(server.port())).unwrap();
    let args = |file| {
        [
            "run",
            file,
            "--connections",
            "links.json",
            "--network",
            "loopback",
        ]
    };

    let out = deluge(&dir, &args("unknown_link.dg"));
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_ne!(out.status.code(), Some(0));
    assert!(
        stderr.contains("Connection 'no_such_link' does not exist"),
        "{stderr}"
    );
    assert!(stderr.contains("unknown_link.dg:2:"), "{stderr}");

    let out = deluge(&dir, &args("desk.dg"));
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_ne!(out.status.code(), Some(0));
    assert!(stderr.contains("[E320]"), "{stderr}");
    assert!(
        stderr.contains("the zoho.desk tasks are not available locally"),
        "{stderr}"
    );
    assert!(server.received().is_empty());
}
