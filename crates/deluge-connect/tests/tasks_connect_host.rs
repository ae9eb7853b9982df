//! The tasks through the real connection layer: a `ConnectHost` built from
//! a connections file whose links point (`base_url_override`) at a server
//! on 127.0.0.1 that plays the accounts server and the Zoho APIs.

use deluge_connect::testing::{Received, Reply, TestServer};
use deluge_connect::{ConnectHost, ConnectSetup, LoadedFile, NetworkPolicy, config};
use deluge_runtime::program::Loaded;
use deluge_runtime::{Interpreter, Limits, LocalHost, Program};
use std::path::PathBuf;

const TOKEN: &str = "1000.loopback-access-token";

/// The accounts server and the API paths the scripts below call; a request
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
        ("GET", "/crm/v2/Leads/search") => Reply::empty(204),
        ("POST", "/crm/v2/Leads") => Reply::json(
            201,
            r#"{"data":[{"code":"SUCCESS","details":{"id":"900"},"message":"record added","status":"success"}]}"#,
        ),
        ("GET", "/bigin/v2/Contacts/4000000000001") => Reply::json(
            200,
            r#"{"data":[{"id":"4000000000001","Email":"ann@example.test"}]}"#,
        ),
        ("PUT", "/books/v3/contacts/460000000026049") => Reply::json(
            200,
            r#"{"code":0,"message":"Contact information has been saved.","contact":{"contact_id":"460000000026049"}}"#,
        ),
        _ => Reply::json(404, r#"{"code":"INVALID_URL_PATTERN","status":"error"}"#),
    }
}

fn connections(server: &TestServer) -> LoadedFile {
    let link = |service: &str, extra: &str| {
        format!(
            r#"{{"service":"{service}",{extra}"base_url_override":"{}",
               "auth":{{"type":"zoho_oauth2","data_center":"us","client_id":"c",
                        "client_secret":"${{env:TASKS_SECRET:-s}}",
                        "refresh_token":"${{env:TASKS_REFRESH:-r}}"}}}}"#,
            server.url()
        )
    };
    let text = format!(
        r#"{{"version":1,
            "runtime":{{"network":"loopback","org_variables":{{"counter":"17"}}}},
            "connections":{{"crm_link":{},"bigin_link":{},"books_link":{}}}}}"#,
        link("zoho_crm", r#""default_for":["zoho.crm"],"#),
        link("zoho_bigin", ""),
        link("zoho_books", "")
    );
    let (file, warnings) = config::parse_text("links.json", &text).expect("the file loads");
    LoadedFile {
        path: PathBuf::from("links.json"),
        file,
        warnings,
    }
}

/// Runs `source` with a `ConnectHost`; returns the `info` lines or the
/// error message.
fn run(source: &str, server: &TestServer) -> Result<Vec<String>, String> {
    let mut program = Program::new();
    let Ok(Loaded::Script(f)) = program.load("t.dg", source, &[], &|_| None) else {
        panic!("the script does not load");
    };
    let setup = ConnectSetup {
        file: Some(connections(server)),
        policy: Some(NetworkPolicy::Loopback),
        env: Box::new(|_| None),
        ..ConnectSetup::default()
    };
    let mut host = ConnectHost::new(LocalHost::default(), setup);
    let outcome = Interpreter::new(&program, &mut host, Limits::default()).run(f, Vec::new());
    match outcome.result {
        Ok(_) => Ok(outcome.info),
        Err(e) => Err(e.message.clone()),
    }
}

#[test]
fn each_service_answers_through_its_link() {
    let server = TestServer::start(zoho).unwrap();
    let script = r#"
        lead = zoho.crm.getRecordById("Leads", 42);
        info lead.get("Company");
        found = zoho.crm.searchRecords("Leads", "(Company:equals:Nobody)");
        info found.size();
        created = zoho.crm.createRecord("Leads", {"Last_Name":"Smith"});
        info created.get("id");
        b = zoho.bigin.getRecordById("Contacts", 4000000000001, Map(), "bigin_link");
        info b.get("data").get(0).get("Email");
        u = zoho.books.updateRecord("Contacts", "10234695", "460000000026049", {"contact_name":"Bo Chen"}, "books_link");
        info u.get("message");
    "#;
    let info = run(script, &server).unwrap();
    assert_eq!(
        info,
        [
            "Acme",
            "0",
            "900",
            "ann@example.test",
            "Contact information has been saved."
        ]
    );
    let api: Vec<Received> = server
        .received()
        .into_iter()
        .filter(|r| r.path() != "/oauth/v2/token")
        .collect();
    let lines: Vec<String> = api
        .iter()
        .map(|r| format!("{} {}", r.method, r.target))
        .collect();
    assert_eq!(
        lines,
        [
            "GET /crm/v2/Leads/42",
            "GET /crm/v2/Leads/search?criteria=%28Company%3Aequals%3ANobody%29",
            "POST /crm/v2/Leads",
            "GET /bigin/v2/Contacts/4000000000001",
            "PUT /books/v3/contacts/460000000026049?organization_id=10234695",
        ]
    );
    assert_eq!(api[2].body_text(), r#"{"data":[{"Last_Name":"Smith"}]}"#);
    assert_eq!(
        api[4].form(),
        [(
            "JSONString".to_string(),
            r#"{"contact_name":"Bo Chen"}"#.to_string()
        )]
    );
}

#[test]
fn org_variables_and_crm_set_share_the_store() {
    let server = TestServer::start(zoho).unwrap();
    let script = r#"
        info zoho.crm.getOrgVariable("counter");
        r = zoho.crm.invokeConnector("crm.set", {"apiname":"counter","value":18});
        info r.get("status_code");
        info r.get("response").toMap().get("counter");
        info zoho.crm.getOrgVariable("counter");
        info zoho.crm.getOrgVariable("undefined_name") == "";
    "#;
    let info = run(script, &server).unwrap();
    assert_eq!(info, ["17", "200", "18", "18", "true"]);
    // The connector request never reaches the network.
    assert!(
        server
            .received()
            .iter()
            .all(|r| !r.target.contains("crm.set")),
        "{:?}",
        server.received()
    );
}

#[test]
fn a_task_without_a_connection_and_no_default_is_an_error() {
    let server = TestServer::start(zoho).unwrap();
    let err = run(r#"r = zoho.books.getRecords("Contacts", 1);"#, &server).unwrap_err();
    assert!(
        err.contains("Connection not specified for zoho.books.getRecords"),
        "{err}"
    );
}

#[test]
fn an_unknown_link_is_an_error_naming_it() {
    let server = TestServer::start(zoho).unwrap();
    let err = run(
        r#"r = zoho.bigin.getRecordById("Contacts", 1, Map(), "nope");"#,
        &server,
    )
    .unwrap_err();
    assert!(err.contains("Connection 'nope' does not exist"), "{err}");
}

#[test]
fn a_connector_nothing_answers_is_a_catchable_error() {
    let server = TestServer::start(zoho).unwrap();
    let script = r#"
        try
        {
            r = zoho.crm.invokeConnector("crm.getorg", Map());
        }
        catch (e)
        {
            info e.message;
        }
    "#;
    let info = run(script, &server).unwrap();
    assert!(
        info[0].starts_with("invokeConnector 'crm.getorg': no fixture or simulator answer"),
        "{info:?}"
    );
    // Only the default CRM link's token may have been fetched.
    assert!(
        server
            .received()
            .iter()
            .all(|r| r.path() == "/oauth/v2/token"),
        "{:?}",
        server.received()
    );
}
