//! `invokeurl` against a server on 127.0.0.1: request encodings,
//! response conversion and transport failures (integrations spec §2, §7,
//! acceptance tests 1–8).

mod common;

use common::{Setup, with_url};
use deluge_connect::testing::{Reply, TestServer};
use deluge_connect::{HttpRequest, NetworkPolicy, Transport, TransportError};

fn echo_server() -> TestServer {
    TestServer::start(|_| Reply::json(200, r#"{"ok":true}"#)).unwrap()
}

fn run(server: &TestServer, script: &str) -> common::Outcome {
    Setup::default().run(&with_url(script, &server.url()))
}

#[test]
fn get_appends_map_parameters_to_an_existing_query_and_drops_empty_keys() {
    let server = echo_server();
    let out = run(
        &server,
        r#"m = {"q": "a b&c", "": "x", "n": 5};
r = invokeurl
[
	url: "{url}/search?fixed=1"
	type: GET
	parameters: m
];
return r.get("ok");"#,
    );
    assert_eq!(out.shown(), "true");
    let got = &server.received()[0];
    assert_eq!(got.method, "GET");
    assert_eq!(got.target, "/search?fixed=1&q=a+b%26c&n=5");
}

#[test]
fn post_map_parameters_are_form_encoded_with_nested_maps_as_json() {
    let server = echo_server();
    run(
        &server,
        r#"inner = {"a": 1};
r = invokeurl
[
	url: "{url}/form"
	type: POST
	parameters: {"name": "Ann", "inner": inner, "list": {"x", "y"}, "nothing": null}
];"#,
    );
    let got = &server.received()[0];
    assert_eq!(
        got.header("content-type"),
        Some("application/x-www-form-urlencoded")
    );
    assert_eq!(
        got.form(),
        vec![
            ("name".to_string(), "Ann".to_string()),
            ("inner".to_string(), r#"{"a":1}"#.to_string()),
            ("list".to_string(), r#"["x","y"]"#.to_string()),
            ("nothing".to_string(), String::new()),
        ]
    );
}

#[test]
fn text_parameters_with_a_json_header_go_raw() {
    let server = echo_server();
    run(
        &server,
        r#"m = {"b": 2, "a": 1};
r = invokeurl
[
	url: "{url}/json"
	type: POST
	parameters: m.toString()
	headers: {"Content-Type": "application/json"}
];"#,
    );
    let got = &server.received()[0];
    assert_eq!(got.header("content-type"), Some("application/json"));
    assert_eq!(got.body_text(), r#"{"b":2,"a":1}"#);
}

#[test]
fn text_without_a_content_type_goes_as_text_plain() {
    let server = echo_server();
    run(
        &server,
        r#"r = invokeurl
[
	url: "{url}/t"
	type: PUT
	body: "hello"
];"#,
    );
    let got = &server.received()[0];
    assert_eq!(got.method, "PUT");
    assert_eq!(got.header("content-type"), Some("text/plain"));
    assert_eq!(got.body_text(), "hello");
}

#[test]
fn content_type_key_overrides_the_header_and_the_default() {
    let server = echo_server();
    run(
        &server,
        r#"r = invokeurl
[
	url: "{url}/ct"
	type: POST
	body: {"a": 1}
	headers: {"Content-Type": "text/plain"}
	content-type: " application/json "
];"#,
    );
    let got = &server.received()[0];
    assert_eq!(got.header("content-type"), Some("application/json"));
    assert_eq!(got.body_text(), r#"{"a":1}"#);
}

#[test]
fn multipart_parts_from_body_maps_and_files() {
    let server = echo_server();
    run(
        &server,
        r#"f = "file text".toFile("a.txt");
r = invokeurl
[
	url: "{url}/up"
	type: POST
	body: {"parent_id": "p1", "content": f}
];
g = "other".toFile("b.txt");
g.setParamName("attachment");
h = "plain".toFile("c.txt");
part = {"stringPart": "false", "paramName": "doc", "content": h, "fileName": "renamed.txt"};
text = {"stringPart": "true", "paramName": "note", "content": "hi"};
r = invokeurl
[
	url: "{url}/files"
	type: POST
	files: {g, h, part, text}
];"#,
    );
    let got = server.received();
    assert_eq!(got.len(), 2, "both requests sent");
    let first = got[0].body_text();
    assert!(
        got[0]
            .header("content-type")
            .unwrap()
            .starts_with("multipart/form-data; boundary=")
    );
    assert!(first.contains("name=\"parent_id\"\r\n\r\np1"), "{first}");
    assert!(
        first.contains("name=\"content\"; filename=\"a.txt\""),
        "{first}"
    );
    assert!(first.contains("file text"));
    let second = got[1].body_text();
    assert!(
        second.contains("name=\"attachment\"; filename=\"b.txt\""),
        "{second}"
    );
    assert!(
        second.contains("name=\"file\"; filename=\"c.txt\""),
        "{second}"
    );
    assert!(
        second.contains("name=\"doc\"; filename=\"renamed.txt\""),
        "{second}"
    );
    assert!(second.contains("name=\"note\"\r\n\r\nhi"), "{second}");
}

#[test]
fn delete_map_parameters_go_to_the_query() {
    let server = echo_server();
    run(
        &server,
        r#"r = invokeurl
[
	url: "{url}/items"
	type: DELETE
	parameters: {"ids": "1,2"}
];"#,
    );
    let got = &server.received()[0];
    assert_eq!(got.target, "/items?ids=1%2C2");
    assert!(got.body.is_empty());
}

fn converting(reply: Reply, script_tail: &str) -> String {
    let server = TestServer::start(move |_| reply.clone()).unwrap();
    let script = format!(
        "r = invokeurl\n[\n\turl: \"{{url}}/files/report.pdf\"\n\ttype: GET\n];\n{script_tail}"
    );
    run(&server, &script).shown()
}

#[test]
fn json_keeps_server_key_order_arrays_become_lists() {
    let shown = converting(
        Reply::json(
            200,
            r#"{"zeta":1,"alpha":{"y":2,"x":3},"id":"4000000012345"}"#,
        ),
        "return r.keys() + \" \" + r.get(\"alpha\") + \" \" + r.get(\"id\");",
    );
    assert_eq!(shown, r#"zeta,alpha,id {"y":2,"x":3} 4000000012345"#);
    let list = converting(Reply::json(200, "[1,2,3]"), "return r.size();");
    assert_eq!(list, "3");
}

#[test]
fn xml_is_text_pdf_is_a_file_named_from_the_url() {
    let xml = converting(Reply::new(200, "text/xml", "<a>1</a>"), "return r;");
    assert_eq!(xml, "<a>1</a>");
    let pdf = converting(
        Reply::new(200, "application/pdf", b"%PDF-1.4".to_vec()),
        "return r.getFileName() + \" \" + r.getFileType();",
    );
    assert_eq!(pdf, "report.pdf application/pdf");
}

#[test]
fn detailed_gives_code_lowercase_headers_and_text() {
    let server =
        TestServer::start(|_| Reply::json(201, r#"{"id":7}"#).with_header("X-Trace", "abc"))
            .unwrap();
    let out = run(
        &server,
        r#"r = invokeurl
[
	url: "{url}/d"
	type: GET
	detailed: true
];
return (r.get("responseCode") + 1) + " " + r.get("responseHeader").get("x-trace") + " " + r.get("responseText").get("id") + " " + r.keys();"#,
    );
    assert_eq!(
        out.shown(),
        "202 abc 7 responseText,responseHeader,responseCode"
    );
}

#[test]
fn error_statuses_are_data_and_empty_bodies_follow_the_rules() {
    let not_found = converting(
        Reply::json(404, r#"{"code":"INVALID_URL_PATTERN","status":"error"}"#),
        "return r.get(\"code\");",
    );
    assert_eq!(not_found, "INVALID_URL_PATTERN");
    let server_error = converting(Reply::text(500, "boom"), "return r;");
    assert_eq!(server_error, "boom");
    let no_content = converting(
        Reply::empty(204),
        "return r.get(\"data\") + \" \" + r.containsKey(\"data\") + \" \" + r.isEmpty();",
    );
    assert_eq!(no_content, "null false true");
    let empty_xml = converting(Reply::new(200, "text/xml", ""), "return r == \"\";");
    assert_eq!(empty_xml, "true");
}

#[test]
fn response_decoding_reads_other_charsets() {
    let shown = converting(
        Reply::new(200, "text/plain", vec![0x63, 0x61, 0x66, 0xE9]),
        "return r;",
    );
    assert_eq!(shown, "caf\u{FFFD}", "invalid UTF-8 is replaced");
    let server =
        TestServer::start(|_| Reply::new(200, "text/plain", vec![0x63, 0x61, 0x66, 0xE9])).unwrap();
    let out = run(
        &server,
        "r = invokeurl\n[\n\turl: \"{url}/l1\"\n\ttype: GET\n\tresponse-decoding: \"ISO-8859-1\"\n];\nreturn r;",
    );
    assert_eq!(out.shown(), "café");
    let bad = run(
        &server,
        "r = invokeurl\n[\n\turl: \"{url}/l1\"\n\tresponse-decoding: \"klingon\"\n];",
    );
    assert!(
        bad.shown()
            .contains("unknown response-decoding charset 'klingon'"),
        "{}",
        bad.shown()
    );
}

#[test]
fn a_server_that_never_answers_times_out_at_the_configured_limit() {
    let server = TestServer::start(|_| Reply::hang()).unwrap();
    let file =
        r#"{"version": 1, "runtime": {"timeouts": {"connect_seconds": 1, "total_seconds": 0.3}}}"#;
    let started = std::time::Instant::now();
    let out = Setup::default().file(file).run(&with_url(
        "try\n{\n\tr = invokeurl\n\t[\n\t\turl: \"{url}/slow\"\n\t];\n}\ncatch (e)\n{\n\treturn e.lineNo + \" \" + e.message;\n}",
        &server.url(),
    ));
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
    // Line 3 holds the `invokeurl` keyword.
    assert_eq!(out.shown(), "3 invokeurl: socket timeout error");
}

#[test]
fn bodies_over_the_cap_fail() {
    let server = TestServer::start(|_| Reply::text(200, &"x".repeat(3 * 1024 * 1024))).unwrap();
    let file = r#"{"version": 1, "runtime": {"max_response_bytes": {"zoho": 15728640, "other": 2097152}}}"#;
    let out = Setup::default().file(file).run(&with_url(
        "r = invokeurl\n[\n\turl: \"{url}/big\"\n];",
        &server.url(),
    ));
    assert_eq!(
        out.error().message,
        "invokeurl: response exceeds the 2 MB limit"
    );
    assert_eq!(out.error().code, "E321");
}

#[test]
fn a_refused_connection_names_the_host() {
    // Bind and drop a listener: nothing listens on that port any more.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let out = Setup::default().run(&format!(
        "r = invokeurl\n[\n\turl: \"http://127.0.0.1:{port}/x\"\n];"
    ));
    let message = &out.error().message;
    assert!(
        message.starts_with("invokeurl: unable to connect to 127.0.0.1: "),
        "{message}"
    );
}

/// A network that fails as told, for the failures a loopback server
/// cannot produce.
struct Failing(TransportError);

impl Transport for Failing {
    fn execute(&self, _: &HttpRequest) -> deluge_connect::Answer {
        Err(self.0.clone())
    }
}

#[test]
fn dns_and_tls_failures_name_the_host_and_reason() {
    for (error, reason) in [
        (
            TransportError::Dns("failed to lookup address information".into()),
            "failed to lookup address information",
        ),
        (
            TransportError::Tls("invalid peer certificate: UnknownIssuer".into()),
            "invalid peer certificate: UnknownIssuer",
        ),
    ] {
        let out = Setup {
            network: Some(Box::new(Failing(error))),
            policy: NetworkPolicy::Allow,
            ..Setup::default()
        }
        .run("r = invokeurl\n[\n\turl: \"https://api.example.test/v1\"\n];");
        assert_eq!(
            out.error().message,
            format!("invokeurl: unable to connect to api.example.test: {reason}")
        );
    }
}

#[test]
fn deny_refuses_without_opening_a_socket() {
    let server = echo_server();
    let out = Setup {
        policy: NetworkPolicy::Deny,
        ..Setup::default()
    }
    .run(&with_url(
        "try { r = invokeurl\n[\n\turl: \"{url}/x?key=1\"\n]; } catch (e) { return e.message; }",
        &server.url(),
    ));
    assert_eq!(
        out.shown(),
        format!(
            "invokeurl: network access denied in offline mode: GET {}/x",
            server.url()
        )
    );
    assert!(server.received().is_empty());
    assert_eq!(out.log.entries[0].answered_by, "policy");
}

#[test]
fn loopback_refuses_other_hosts() {
    let out = Setup::default().run("r = invokeurl\n[\n\turl: \"https://example.test/a?b=1\"\n];");
    assert_eq!(
        out.error().message,
        "invokeurl: network access denied in loopback mode: GET https://example.test/a"
    );
}

#[test]
fn invalid_urls_and_file_headers_are_errors_naming_the_key() {
    let out = Setup::default().run("r = invokeurl\n[\n\turl: \"not a url\"\n];");
    assert_eq!(out.error().message, "invokeurl: invalid URL 'not a url'");
    let out = Setup::default().run(
        "f = \"x\".toFile(\"a.txt\");\nr = invokeurl\n[\n\turl: \"http://127.0.0.1:1/\"\n\theaders: {\"X-File\": f}\n];",
    );
    assert_eq!(
        out.error().message,
        "invokeurl: a FILE cannot be sent in header 'X-File'"
    );
}

#[test]
fn the_log_records_each_request() {
    let server = echo_server();
    let out = run(&server, "r = invokeurl\n[\n\turl: \"{url}/logged\"\n];");
    let entry = &out.log.entries[0];
    assert_eq!(entry.method, "GET");
    assert_eq!(entry.status, Some(200));
    assert_eq!(entry.answered_by, "network");
    assert_eq!(entry.logical_url, format!("{}/logged", server.url()));
    assert!(
        out.log
            .to_json_lines()
            .contains("\"answered_by\":\"network\"")
    );
}
