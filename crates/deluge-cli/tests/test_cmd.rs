//! `deluge test` and `deluge new` end to end: a fixture project with
//! passing, failing, erroring and limit-exceeding tests, the conformance
//! suite through the same runner, and a new project that passes at once.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn project() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/test_project")
}

fn deluge_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_deluge"))
        .args(["--color", "never"])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the deluge binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("deluge-test-cmd-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

#[test]
fn outcomes_are_counted_and_the_exit_code_is_one() {
    let o = deluge_in(&project(), &["test"]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    for line in [
        "test tests/golden.dg ... ok (",
        "test tests/outcomes_test.dg::test_passes ... ok (",
        "test tests/outcomes_test.dg::test_fails ... FAILED (",
        "test tests/outcomes_test.dg::test_errors ... ERROR (",
        "test tests/outcomes_test.dg::test_exceeds_the_limit ... ERROR (",
        "test tests/simulator_test.dg::test_state_is_fresh_again ... ok (",
    ] {
        assert!(out.contains(line), "no `{line}` in:\n{out}");
    }
    assert!(out.contains(", 5001 statements)"), "{out}");
    assert_eq!(out.lines().last(), Some("7 passed, 3 failed"), "{out}");
    // The failure names the first differing path and shows the source line.
    assert!(
        out.contains("expected and actual differ at data[0].Email"),
        "{out}"
    );
    assert!(out.contains("tests/outcomes_test.dg:12:"), "{out}");
    assert!(out.contains("assertEquals(expected, actual);"), "{out}");
    assert!(out.contains("[E308]") && out.contains("[E401]"), "{out}");
}

#[test]
fn passing_selection_exits_zero() {
    let o = deluge_in(&project(), &["test", "--filter", "simulator_test"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(stdout(&o).lines().last(), Some("5 passed, 0 failed"));
}

#[test]
fn fail_fast_skips_the_rest() {
    let o = deluge_in(&project(), &["test", "--fail-fast", "--jobs", "1"]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert_eq!(
        out.lines().last(),
        Some("2 passed, 1 failed, 7 skipped"),
        "{out}"
    );
}

#[test]
fn shards_cover_every_case_once() {
    let mut names = Vec::new();
    for k in 1..=3 {
        let o = deluge_in(&project(), &["test", "--shard", &format!("{k}/3")]);
        names.extend(
            stdout(&o)
                .lines()
                .filter(|l| l.starts_with("test "))
                .map(|l| l.split(" ... ").next().unwrap_or_default().to_string()),
        );
    }
    names.sort();
    names.dedup();
    assert_eq!(names.len(), 10, "{names:?}");
    assert_eq!(
        deluge_in(&project(), &["test", "--shard", "4/3"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn max_statements_applies_per_test() {
    let o = deluge_in(
        &project(),
        &["test", "--filter", "test_passes", "--max-statements", "3"],
    );
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(out.contains("more than 3 statements"), "{out}");
}

#[test]
fn junit_is_well_formed_xml_with_the_counts() {
    let dir = scratch("junit");
    let file = dir.join("junit.xml");
    let o = deluge_in(
        &project(),
        &["test", "--junit", file.to_str().expect("utf-8")],
    );
    assert_eq!(o.status.code(), Some(1));
    let xml = std::fs::read_to_string(&file).expect("junit written");
    let mut reader = quick_xml::Reader::from_str(&xml);
    let (mut cases, mut failures, mut errors) = (0, 0, 0);
    loop {
        match reader.read_event().expect("well-formed XML") {
            quick_xml::events::Event::Eof => break,
            quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e) => {
                match e.name().as_ref() {
                    b"testcase" => cases += 1,
                    b"failure" => failures += 1,
                    b"error" => errors += 1,
                    _ => {}
                }
            }
            _ => {}
        }
    }
    assert_eq!((cases, failures, errors), (10, 1, 2));
    assert!(xml.contains(
        "<testsuites name=\"deluge test\" tests=\"10\" failures=\"1\" errors=\"2\" skipped=\"0\""
    ));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn json_lists_every_case() {
    let o = deluge_in(&project(), &["test", "--json"]);
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(doc["passed"], 7);
    assert_eq!(doc["failed"], 3);
    let tests = doc["tests"].as_array().expect("tests");
    assert_eq!(tests.len(), 10);
    let limit = tests
        .iter()
        .find(|t| t["name"] == "tests/outcomes_test.dg::test_exceeds_the_limit")
        .expect("the limit case");
    assert_eq!(limit["status"], "error");
    assert_eq!(limit["statements"], 5001);
}

#[test]
fn lcov_counts_the_lines_of_the_code_under_test() {
    let dir = scratch("lcov");
    let file = dir.join("lcov.info");
    let o = deluge_in(
        &project(),
        &[
            "test",
            "--filter",
            "test_passes",
            "--coverage",
            file.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let lcov = std::fs::read_to_string(&file).expect("lcov written");
    let root = std::path::absolute(project()).expect("absolute");
    let expected = format!(
        "TN:\nSF:{}\nDA:3,1\nDA:5,0\nDA:7,1\nLH:2\nLF:3\nend_of_record\n\
         TN:\nSF:{}\nDA:1,1\nDA:2,1\nDA:3,1\nDA:5,0\nDA:7,1\nLH:4\nLF:5\nend_of_record\n",
        root.join("functions/pricing.dg").display(),
        root.join("scripts/label.dg").display()
    );
    assert_eq!(lcov, expected);
    let out = stdout(&o);
    assert!(
        out.contains("  functions/pricing.dg: 2/3 statement lines (66.7%)"),
        "{out}"
    );
    assert!(
        out.contains("  total: 6/8 statement lines (75.0%)"),
        "{out}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_conformance_suite_runs_through_deluge_test() {
    let o = deluge_in(&repo(), &["test", "tests/conformance"]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(
        out.lines()
            .last()
            .is_some_and(|l| l.ends_with(" passed, 0 failed")),
        "{out}"
    );
}

#[test]
fn the_scenario_passes_offline() {
    let o = deluge_in(&repo(), &["test", "examples/bigin-books-sync"]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(
        out.contains(
            "test tests/sync_test.dg::test_known_email_updates_the_books_customer ... ok ("
        )
    );
    assert_eq!(out.lines().last(), Some("6 passed, 0 failed"));
}

#[test]
fn a_new_project_passes_its_tests_at_once() {
    let dir = scratch("new");
    let o = deluge_in(&dir, &["new", "shop"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    for file in [
        "deluge.json",
        "connections.json",
        "sandbox.json",
        ".gitignore",
    ] {
        assert!(dir.join("shop").join(file).is_file(), "{file}");
    }
    let connections = std::fs::read_to_string(dir.join("shop/connections.json")).expect("file");
    assert!(connections.contains("${env:ZOHO_CLIENT_SECRET"));
    let o = deluge_in(&dir.join("shop"), &["test"]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert_eq!(out.lines().last(), Some("3 passed, 0 failed"));
    assert_eq!(deluge_in(&dir, &["new", "shop"]).status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn usage_errors_exit_two() {
    let o = deluge_in(&project(), &["test", "no/such/folder"]);
    assert_eq!(o.status.code(), Some(2));
}
