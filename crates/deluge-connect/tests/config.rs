//! The connections file: validation (integrations spec §5.2–§5.4) and how
//! a malformed file is reported (acceptance test 22).

use deluge_connect::config::parse_text;

fn error_of(text: &str) -> String {
    parse_text("connections.json", text)
        .expect_err("should be refused")
        .to_string()
}

fn loads(text: &str) -> deluge_connect::ConnectionsFile {
    parse_text("connections.json", text).expect("should load").0
}

const NONE: &str =
    r#"{"service": "custom", "api_base_url": "https://x.test", "auth": {"type": "none"}}"#;

#[test]
fn link_names_are_found_exactly_then_case_insensitively() {
    let file = loads(&format!(
        r#"{{"version": 1, "connections": {{"MyBooksLink": {NONE}}}}}"#
    ));
    assert_eq!(
        file.find("mybookslink").map(|(n, _)| n),
        Some("MyBooksLink")
    );
    assert_eq!(
        file.find("MyBooksLink").map(|(n, _)| n),
        Some("MyBooksLink")
    );
    assert!(file.find("other").is_none());
}

#[test]
fn names_differing_only_in_case_and_bad_names_are_refused() {
    let twice = error_of(&format!(
        r#"{{"version": 1, "connections": {{"books": {NONE}, "Books": {NONE}}}}}"#
    ));
    assert!(
        twice.contains("connections.Books: link name differs from `books` only in case"),
        "{twice}"
    );
    assert!(twice.starts_with("connections.json:1:"), "{twice}");
    let hyphen = error_of(&format!(
        r#"{{"version": 1, "connections": {{"my-link": {NONE}}}}}"#
    ));
    assert!(
        hyphen.contains("connections.my-link: invalid link name"),
        "{hyphen}"
    );
}

#[test]
fn unknown_fields_name_the_field_with_line_and_column() {
    let text = "{\n  \"version\": 1,\n  \"connections\": {\n    \"crm\": {\n      \"service\": \"zoho_crm\",\n      \"auth\": {\"type\": \"zoho_oauth2\", \"client_id\": \"${env:A}\", \"client_secret\": \"${env:B}\", \"refresh_token\": \"${env:C}\"},\n      \"base_url\": \"http://127.0.0.1:1\"\n    }\n  }\n}\n";
    let error = parse_text("conf/connections.json", text).unwrap_err();
    insta::assert_snapshot!(error.render(false));
    assert!(
        error.to_string().starts_with("conf/connections.json:7:"),
        "{error}"
    );
}

#[test]
fn wrong_types_name_the_field_path() {
    let error = error_of(r#"{"version": 1, "runtime": {"timeouts": {"connect_seconds": "ten"}}}"#);
    assert!(
        error.contains("runtime.timeouts.connect_seconds: invalid type"),
        "{error}"
    );
    let syntax = error_of("{\"version\": 1,\n\"connections\": {\n}");
    assert!(syntax.starts_with("connections.json:3:"), "{syntax}");
}

#[test]
fn literal_secrets_are_refused_unless_the_file_opts_in() {
    let bearer = r#"{"service": "custom", "api_base_url": "https://x.test", "auth": {"type": "bearer", "token": "ghp_literal"}}"#;
    let strict = error_of(&format!(
        r#"{{"version": 1, "connections": {{"gh": {bearer}}}}}"#
    ));
    assert!(
        strict.contains("connections.gh.auth.token: literal secret"),
        "{strict}"
    );
    assert!(!strict.contains("ghp_literal"));
    let error = parse_text(
        "c.json",
        &format!(r#"{{"version": 1, "connections": {{"gh": {bearer}}}}}"#),
    )
    .unwrap_err();
    let rendered = error.render(false);
    assert!(
        rendered.contains("\"token\": \"***********\""),
        "{rendered}"
    );
    assert!(!rendered.contains("ghp_literal"), "{rendered}");
    loads(&format!(
        r#"{{"version": 1, "runtime": {{"strict_secrets": false}}, "connections": {{"gh": {bearer}}}}}"#
    ));
}

#[test]
fn the_checks_of_section_5_4() {
    let cases = [
        (r#"{"version": 2}"#, "unsupported version 2"),
        (
            r#"{"version": 1, "connections": {"a": {"service": "zoho_nope", "auth": {"type": "none"}}}}"#,
            "unknown service `zoho_nope`",
        ),
        (
            r#"{"version": 1, "connections": {"a": {"service": "zoho_crm", "auth": {"type": "zoho_oauth2", "data_center": "mars", "access_token": "${env:T}"}}}}"#,
            "unknown variant `mars`",
        ),
        (
            r#"{"version": 1, "connections": {"a": {"service": "custom", "api_base_url": "https://x.test", "auth": {"type": "oauth2", "client_id": "c", "refresh_token": "${env:R}"}}}}"#,
            "oauth2 needs token_url",
        ),
        (
            r#"{"version": 1, "connections": {"a": {"service": "custom", "api_base_url": "https://x.test", "auth": {"type": "oauth2", "token_url": "https://x.test/t", "client_id": "c"}}}}"#,
            "the refresh_token grant needs refresh_token",
        ),
        (
            r#"{"version": 1, "connections": {"a": {"service": "zoho_crm", "auth": {"type": "none"}, "base_url_override": "127.0.0.1:8080"}}}"#,
            "base_url_override: not an absolute URL",
        ),
        (
            r#"{"version": 1, "connections": {"a": {"service": "zoho_crm", "default_for": ["zoho.crm"], "auth": {"type": "none"}}, "b": {"service": "zoho_crm", "default_for": ["zoho.crm"], "auth": {"type": "none"}}}}"#,
            "`zoho.crm` is already the default of `a`",
        ),
        (
            r#"{"version": 1, "runtime": {"org_variables": {"x": [1]}}}"#,
            "runtime.org_variables.x: value must be text or a number",
        ),
        (
            r#"{"version": 1, "connections": {"a": {"service": "custom", "api_base_url": "https://x.test", "auth": {"type": "basic", "username": "u", "password": "${env:OPEN"}}}}"#,
            "malformed ${env:...} reference",
        ),
    ];
    for (text, expected) in cases {
        let error = error_of(text);
        assert!(error.contains(expected), "{text}\n=> {error}");
    }
}

#[test]
fn the_offline_keys_and_a_full_example_load() {
    let file = loads(
        r#"{"version": 1,
            "runtime": {"network": "loopback", "fixtures": ["f.json"], "simulator": {"enabled": true, "seed": "s.json"},
                        "token_cache_file": null, "strict_ports": false, "bigin_unwrap_single_record": true,
                        "org_variables": {"api_key": "${env:ORG_KEY}", "counter": 17}},
            "connections": {"bigincrm": {"service": "zoho_bigin", "default_for": ["zoho.bigin"], "description": "d",
                "auth": {"type": "zoho_oauth2", "data_center": "eu", "client_id": "${env:I}", "client_secret": "${env:S}",
                         "refresh_token": "${env:R}", "scopes": ["ZohoBigin.modules.ALL"]}}}}"#,
    );
    assert_eq!(file.runtime.fixtures, vec!["f.json"]);
    assert!(file.runtime.simulator.as_ref().unwrap().enabled);
    assert_eq!(file.default_for("zoho.bigin"), Some("bigincrm"));
}
