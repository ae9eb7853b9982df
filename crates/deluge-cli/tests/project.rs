//! The project file, `deluge.json`, through `deluge run`: function files
//! loaded before the script, default arguments, flags over the file, and
//! located errors for a malformed file.

use std::path::PathBuf;
use std::process::{Command, Output};

fn project(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/project")
        .join(name)
}

fn deluge(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_deluge"))
        .args(["--color", "never"])
        .args(args)
        .output()
        .expect("the deluge binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn function_files_resolve_calls_and_default_arguments_apply() {
    let script = project("call_helper.dg");
    let o = deluge(&["run", script.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(text(&o.stdout), "+15550101234\n");
}

#[test]
fn an_arg_flag_overrides_the_default() {
    let script = project("call_helper.dg");
    let o = deluge(&["run", script.to_str().unwrap(), "--arg", "phone=0 12-34"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(text(&o.stdout), "01234\n");
}

#[test]
fn defaults_a_function_has_no_parameter_for_are_left_out() {
    let script = project("greet.dg");
    let o = deluge(&["run", script.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(text(&o.stdout), "call +15550101234\n");
}

#[test]
fn without_the_project_the_helper_is_unknown() {
    let script = project("call_helper.dg");
    let o = deluge(&[
        "run",
        script.to_str().unwrap(),
        "--no-project",
        "--arg",
        "phone=1",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains("normalize_phone"),
        "{}",
        text(&o.stderr)
    );
}

#[test]
fn a_malformed_project_file_is_reported_with_its_line() {
    let dir = std::env::temp_dir().join(format!("deluge-bad-project-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("deluge.json"), "{\n  \"functons\": []\n}\n").unwrap();
    std::fs::write(dir.join("s.dg"), "return 1;").unwrap();
    let o = deluge(&["run", dir.join("s.dg").to_str().unwrap()]);
    let err = text(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("E701") && err.contains("unknown field `functons`"),
        "{err}"
    );
    assert!(err.contains("deluge.json:2:"), "{err}");
    assert!(err.contains("\"functons\": []"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}
