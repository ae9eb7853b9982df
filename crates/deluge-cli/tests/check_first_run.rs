//! `deluge check` on a file with a syntax error still reports the
//! warnings of the part that parsed, so one run shows every mistake.

use std::path::PathBuf;
use std::process::{Command, Output};

fn check(name: &str, text: &str, args: &[&str]) -> Output {
    let dir =
        std::env::temp_dir().join(format!("deluge-check-first-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file: PathBuf = dir.join(format!("{name}.dg"));
    std::fs::write(&file, text).expect("write");
    let o = Command::new(env!("CARGO_BIN_EXE_deluge"))
        .args(["--color", "never", "check"])
        .args(args)
        .arg(&file)
        .output()
        .expect("the deluge binary runs");
    let _ = std::fs::remove_dir_all(&dir);
    o
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn a_misspelt_method_is_reported_beside_a_syntax_error() {
    let text = "name = \"ann\";\nupper = name.toUpperCse();\ninfo upper\ninfo \"done\";\n";
    let o = check("typo", text, &["--format", "short"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(
        lines[0].ends_with("2:14: warning[W206]: unknown function `toUpperCse`"),
        "{out}"
    );
    assert!(lines[1].contains("3:11: error[E102]"), "{out}");

    let o = check("typo_human", text, &[]);
    let out = stdout(&o);
    assert!(out.contains("did you mean `toUpperCase`?"), "{out}");
    assert!(out.contains("1 error(s), 1 warning(s)"), "{out}");
}

#[test]
fn an_assignment_inside_the_broken_statement_is_not_called_missing() {
    let text = "total = 1 +* 2;\ninfo total;\n";
    let o = check("broken", text, &["--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    let codes: Vec<&str> = doc
        .as_array()
        .expect("an array")
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert_eq!(codes, vec!["E101"], "{doc}");
}
