//! `deluge run` with the inputs a new user gets wrong: a missing input,
//! an argument of the wrong kind, a script on standard input, a date as
//! `--now`. `run` and `check` must tell the same story.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .to_str()
        .expect("test paths are UTF-8")
        .to_string()
}

fn deluge(args: &[&str]) -> Output {
    deluge_with_input(args, "")
}

fn deluge_with_input(args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_deluge"))
        .args(["--color", "never"])
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the deluge binary runs");
    let mut stdin = child.stdin.take().expect("stdin is piped");
    // A command that does not read its input may have exited already.
    let _ = stdin.write_all(input.as_bytes());
    drop(stdin);
    child.wait_with_output().expect("deluge finishes")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn a_missing_input_is_an_undefined_variable_in_run_and_check() {
    let file = fixture("contact.dg");
    let run = deluge(&["run", &file]);
    assert_eq!(run.status.code(), Some(1));
    let err = stderr(&run);
    assert!(
        err.contains("[E311] Error: Variable 'contact' is not defined"),
        "{err}"
    );
    assert!(!err.contains("contact.get' function"), "{err}");
    // At the variable, line 2 column 14, with the way out.
    assert!(err.contains("contact.dg:2:14"), "{err}");
    assert!(err.contains("pass it with --arg contact=VALUE"), "{err}");

    let check = deluge(&["check", &file]);
    let out = stdout(&check);
    assert!(
        out.contains("running this fails with \"Variable 'contact' is not defined\""),
        "{out}"
    );
    assert!(out.contains("pass it with --arg contact=VALUE"), "{out}");
}

#[test]
fn a_misspelt_function_of_a_known_category_is_still_not_found() {
    let dir = std::env::temp_dir().join(format!("deluge-run-inputs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("calls.dg");
    std::fs::write(
        &file,
        "string standalone.main()\n{\n\treturn standalone.gret();\n}\n\
         string standalone.greet()\n{\n\treturn \"hi\";\n}\n",
    )
    .expect("write");
    let o = deluge(&[
        "run",
        file.to_str().expect("UTF-8"),
        "--function",
        "standalone.main",
    ]);
    let err = stderr(&o);
    assert!(
        err.contains("Not able to find 'standalone.gret' function"),
        "{err}"
    );
    assert!(!err.contains("--arg"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_argument_of_the_wrong_type_is_a_usage_error_naming_it() {
    let file = fixture("functions.dg");
    let args = [
        "run",
        &file,
        "--function",
        "standalone.greet",
        "--arg",
        "name=Ann",
        "--arg",
        "times=two",
    ];
    let o = deluge(&args);
    assert_eq!(o.status.code(), Some(2), "a usage error");
    let err = stderr(&o);
    for part in ["E502", "`times`", "int", "`two`", "--arg times=2"] {
        assert!(err.contains(part), "{part} in {err}");
    }
    assert_eq!(stdout(&o), "");

    let mut json = args.to_vec();
    json.push("--json");
    let o = deluge(&json);
    assert_eq!(o.status.code(), Some(2));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("one JSON object");
    assert_eq!(doc["error"]["code"], "E502");
    assert!(doc["error"]["line"].is_null(), "no made-up line: {doc}");
    assert!(doc["error"]["column"].is_null(), "no made-up column: {doc}");
}

#[test]
fn arguments_are_converted_to_their_declared_types() {
    let file = fixture("functions.dg");
    // Text that holds a whole number is an int, as in a call.
    let o = deluge(&[
        "run",
        &file,
        "--function",
        "standalone.greet",
        "--arg",
        "name=Ann",
        "--arg",
        "times=\"2\"",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), "Hello Ann! Hello Ann!\n");
    let o = deluge(&[
        "run",
        &file,
        "--function",
        "automation.describe",
        "--arg",
        "record=[1,2]",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("pass a JSON object"), "{}", stderr(&o));
}

#[test]
fn json_errors_never_report_line_zero() {
    let dir = std::env::temp_dir().join(format!("deluge-run-json-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("wrong.dg");
    std::fs::write(
        &file,
        "int standalone.twice(int n)\n{\n\treturn n * 2;\n}\n\
         int standalone.main()\n{\n\treturn standalone.twice(\"abc\");\n}\n",
    )
    .expect("write");
    let o = deluge(&[
        "run",
        file.to_str().expect("UTF-8"),
        "--function",
        "standalone.main",
        "--json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("one JSON object");
    assert_eq!(doc["error"]["code"], "E315");
    assert_eq!(doc["error"]["line"], 7);
    assert_eq!(doc["error"]["column"], 9);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_dash_reads_the_script_from_standard_input() {
    let o = deluge_with_input(
        &["run", "-", "--arg", "n=4"],
        "info n * 2;\nreturn n + 1;\n",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), "8\n5\n");
    // Errors name the source `<stdin>`.
    let o = deluge_with_input(&["run", "-"], "info 1\n");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("<stdin>:1:7"), "{}", stderr(&o));
    let o = deluge_with_input(&["check", "--format", "short", "-"], "info 1\n");
    assert!(
        stdout(&o).starts_with("<stdin>:1:7: error[E102]"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn now_accepts_a_date_alone_at_midnight_in_the_zone() {
    let script = "info now;\ninfo today;\n";
    let o = deluge_with_input(&["run", "-", "--now", "2026-02-10"], script);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), "10-Feb-2026 00:00:00\n10-Feb-2026\n");
    let o = deluge_with_input(
        &["run", "-", "--now", "2026-02-10", "--tz", "Asia/Kolkata"],
        script,
    );
    assert_eq!(stdout(&o), "10-Feb-2026 00:00:00\n10-Feb-2026\n");
    let o = deluge_with_input(&["run", "-", "--now", "10/02/2026"], script);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("a date (2026-01-05)"), "{}", stderr(&o));
}

#[test]
fn printing_as_other_languages_do_points_to_info() {
    for script in ["x = 1;\nprint(x);\n", "x = 1;\nconsole.log(x);\n"] {
        let o = deluge_with_input(&["run", "-"], script);
        assert_eq!(o.status.code(), Some(1));
        let err = stderr(&o);
        assert!(
            err.contains("Deluge writes output with `info value;`"),
            "{err}"
        );
        assert!(!err.contains("--arg"), "{err}");
        let o = deluge_with_input(&["check", "--format", "short", "-"], script);
        let out = stdout(&o);
        assert!(out.contains("warning[W206]: unknown function"), "{out}");
        assert!(!out.contains("W201"), "{out}");
    }
}

#[test]
fn another_languages_null_is_not_an_input() {
    let o = deluge_with_input(&["run", "-"], "x = 1;\nif (x == None) { info x; }\n");
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("Variable 'None' is not defined"), "{err}");
    assert!(err.contains("Help: Deluge writes `null`"), "{err}");
    assert!(!err.contains("--arg"), "{err}");
}
