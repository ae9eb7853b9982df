//! End-to-end tests of the `deluge` binary: output, exit codes, formats.

use std::path::PathBuf;
use std::process::{Command, Output};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn deluge(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_deluge"))
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .expect("the deluge binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn path(p: &std::path::Path) -> &str {
    p.to_str().expect("test paths are UTF-8")
}

#[test]
fn run_prints_info_lines_then_the_result() {
    let hello = repo().join("examples/hello.dg");
    let o = deluge(&["run", path(&hello)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "APPLE,PEAR\nTotal: 3.25\n{\"apple\":1.25,\"pear\":2,\"kiwi\":0.5}\n3.25\n"
    );
}

#[test]
fn run_binds_json_arguments_to_script_variables() {
    let file = fixture("contact.dg");
    let o = deluge(&[
        "run",
        path(&file),
        "--arg",
        r#"contact={"Contacts.ID":"4000000000001"}"#,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), "id 4000000000001\n13\n");
}

#[test]
fn run_json_reports_result_info_and_statements() {
    let file = fixture("contact.dg");
    let o = deluge(&[
        "run",
        path(&file),
        "--json",
        "--arg",
        r#"contact={"Contacts.ID":"42"}"#,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("one JSON object");
    assert_eq!(doc["result"], 2);
    assert_eq!(doc["info"], serde_json::json!(["id 42"]));
    assert_eq!(doc["statements"], 2);
    assert_eq!(doc["error"], serde_json::Value::Null);
}

#[test]
fn run_chooses_a_function_and_converts_arguments() {
    let file = fixture("functions.dg");
    let o = deluge(&[
        "run",
        path(&file),
        "--function",
        "standalone.greet",
        "--arg",
        "name=Ann",
        "--arg",
        "times=2",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), "Hello Ann! Hello Ann!\n");
}

#[test]
fn run_lists_parameters_when_an_argument_is_missing() {
    let file = fixture("functions.dg");
    let o = deluge(&[
        "run",
        path(&file),
        "--function",
        "greet",
        "--arg",
        "name=Ann",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("missing argument `times`"), "{err}");
    assert!(err.contains("name"), "{err}");
}

#[test]
fn run_needs_a_function_name_when_there_are_several() {
    let file = fixture("functions.dg");
    let o = deluge(&["run", path(&file)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("standalone.greet, automation.describe"));
}

#[test]
fn uncaught_errors_render_with_file_line_and_exit_1() {
    let file = fixture("failing.dg");
    let o = deluge(&["run", "--color", "never", path(&file)]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "before\n");
    let err = stderr(&o);
    assert!(
        err.contains("Value is empty and 'get' function cannot be applied"),
        "{err}"
    );
    assert!(err.contains("failing.dg:4:"), "{err}");
    assert!(err.contains("m.get(\"missing\").get(\"id\")"), "{err}");
}

#[test]
fn run_json_reports_the_error_line() {
    let file = fixture("failing.dg");
    let o = deluge(&["run", "--json", path(&file)]);
    assert_eq!(o.status.code(), Some(1));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("one JSON object");
    assert_eq!(doc["error"]["line"], 4);
    assert_eq!(doc["error"]["code"], "E305");
    assert_eq!(doc["info"], serde_json::json!(["before"]));
}

#[test]
fn missing_files_are_usage_errors() {
    let o = deluge(&["run", "no-such-file.dg"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no-such-file.dg"));
    let o = deluge(&["check", "no-such-file.dg"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn statement_limit_stops_a_run() {
    let loop_dg = repo().join("benches/workloads/loop.dg");
    let o = deluge(&["run", "--color", "never", path(&loop_dg)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("Execution limit exceeded: more than 5000 statements executed"));
}

#[test]
fn fixed_clock_and_zone_are_used() {
    let dir = std::env::temp_dir().join(format!("deluge-cli-clock-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("clock.dg");
    std::fs::write(&file, "info now;\ninfo today;\ninfo zoho.currentdate;\n").expect("write");
    let o = deluge(&[
        "run",
        path(&file),
        "--now",
        "2026-01-05T20:00:00Z",
        "--tz",
        "Asia/Kolkata",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "06-Jan-2026 01:30:00\n06-Jan-2026\n06-Jan-2026\n"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn benchmark_workloads_return_their_documented_values() {
    let expect = [
        ("trivial", "1"),
        (
            "loop",
            r#"{"count":20000,"sum":199990000,"mapSize":20000,"mapSum":199990000}"#,
        ),
        (
            "strings",
            r#"{"blocks":1000,"hits":5000,"totalLen":53000,"lastLen":176,"lastStart":"[999]alpha=4LPH4|[999]bravo=BR4VO|[999]c"}"#,
        ),
    ];
    for (name, want) in expect {
        let file = repo().join(format!("benches/workloads/{name}.dg"));
        let o = deluge(&["run", "--max-statements", "0", path(&file)]);
        assert_eq!(o.status.code(), Some(0), "{name}: {}", stderr(&o));
        assert_eq!(stdout(&o).trim_end(), want, "{name}");
    }
    let file = repo().join("benches/workloads/topping.dg");
    let o = deluge(&["run", "--max-statements", "0", "--json", path(&file)]);
    let doc: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(doc["result"]["processed"], 1000);
    assert_eq!(doc["result"]["matched"], 1000);
    assert_eq!(doc["result"]["totalBytes"], 214100);
}

#[test]
fn check_exit_codes_and_short_format() {
    let clean = repo().join("examples/hello.dg");
    let o = deluge(&["check", "--format", "short", path(&clean)]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let bad = fixture("syntax_error.dg");
    let o = deluge(&["check", "--format", "short", path(&bad)]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let line = out.lines().next().unwrap_or_default();
    assert!(
        line.starts_with(&format!("{}:1:6: error[E102]:", path(&bad))),
        "{out}"
    );
}

#[test]
fn check_json_format_is_an_array_of_diagnostics() {
    let bad = fixture("syntax_error.dg");
    let o = deluge(&["check", "--format", "json", path(&bad)]);
    assert_eq!(o.status.code(), Some(1));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON array");
    let first = &doc[0];
    assert_eq!(first["code"], "E102");
    assert_eq!(first["severity"], "error");
    assert_eq!(first["line"], 1);
}

#[test]
fn check_warnings_fail_only_with_deny_warnings() {
    let file = fixture("contact.dg");
    let o = deluge(&["check", "--format", "short", path(&file)]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("warning[W201]"), "{}", stdout(&o));
    let o = deluge(&["check", "--deny-warnings", "--format", "short", path(&file)]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn check_walks_folders() {
    let o = deluge(&[
        "check",
        "--format",
        "short",
        path(&repo().join("benches/workloads")),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let bad = fixture("syntax_error.dg");
    let o = deluge(&["check", path(&bad)]);
    assert!(
        !stdout(&o).contains('\u{1b}'),
        "no colour when not a terminal"
    );
    let o = deluge(&["check", "--color", "always", path(&bad)]);
    assert!(stdout(&o).contains('\u{1b}'), "colour when forced");
    let o = Command::new(env!("CARGO_BIN_EXE_deluge"))
        .args(["check", path(&bad)])
        .env("NO_COLOR", "1")
        .output()
        .expect("runs");
    assert!(!stdout(&o).contains('\u{1b}'));
}

#[test]
fn parse_prints_the_tree() {
    let hello = repo().join("examples/hello.dg");
    let o = deluge(&["parse", "--ast", path(&hello)]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("ForEach"), "{}", stdout(&o));
}

#[test]
fn system_user_variables_are_configurable() {
    let dir = std::env::temp_dir().join(format!("deluge-cli-users-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("users.dg");
    std::fs::write(&file, "info zoho.loginuser;\ninfo zoho.adminuserid;\n").expect("write");
    let o = deluge(&["run", path(&file)]);
    assert_eq!(stdout(&o), "user@example.com\nadmin@example.com\n");
    let o = deluge(&[
        "run",
        path(&file),
        "--login-user",
        "ann@zylker.test",
        "--admin-user",
        "boss@zylker.test",
    ]);
    assert_eq!(stdout(&o), "ann@zylker.test\nboss@zylker.test\n");
    let _ = std::fs::remove_dir_all(&dir);
}
