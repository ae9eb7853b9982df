//! End-to-end tests of `deluge fmt`: rewriting in place, `--check`,
//! `--stdin`, files with syntax errors, the project file and usage errors.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// A scratch folder of its own for each test, removed at the end.
struct Scratch(PathBuf);

impl Scratch {
    fn new(test: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("deluge-fmt-{test}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch folder");
        Scratch(dir)
    }

    fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.0.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("folder");
        }
        std::fs::write(&path, text).expect("write");
        path
    }

    fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.0.join(name)).expect("read")
    }

    /// Runs `deluge` in this folder.
    fn deluge(&self, args: &[&str]) -> Output {
        run(&self.0, args, None)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn run(dir: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_deluge"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the deluge binary runs");
    let mut input = child.stdin.take().expect("stdin");
    input
        .write_all(stdin.unwrap_or("").as_bytes())
        .expect("write stdin");
    drop(input);
    child.wait_with_output().expect("deluge finishes")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const MESSY: &str = "x=1;\nif(x>0){info x;}else{info \"no\";}\n";
const TIDY: &str = "x = 1;\nif (x > 0)\n{\n\tinfo x;\n}\nelse\n{\n\tinfo \"no\";\n}\n";

#[test]
fn fmt_rewrites_files_in_place_and_lists_them() {
    let dir = Scratch::new("rewrite");
    dir.write("a.dg", MESSY);
    dir.write("tidy.dg", TIDY);
    let o = dir.deluge(&["fmt", "a.dg", "tidy.dg"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), "a.dg\n");
    assert_eq!(dir.read("a.dg"), TIDY);
    assert_eq!(dir.read("tidy.dg"), TIDY);
}

#[test]
fn check_lists_unformatted_files_and_fails_until_they_are_formatted() {
    let dir = Scratch::new("check");
    dir.write("src/a.dg", MESSY);
    dir.write("src/b.deluge", TIDY);
    dir.write("src/c.ds", MESSY);
    dir.write("src/notes.txt", "not a script {");
    let o = dir.deluge(&["fmt", "--check", "src"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let listed: Vec<String> = stdout(&o).lines().map(|l| l.replace('\\', "/")).collect();
    assert_eq!(listed, ["src/a.dg", "src/c.ds"]);
    assert_eq!(dir.read("src/a.dg"), MESSY, "--check rewrites nothing");

    let o = dir.deluge(&["fmt", "src"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = dir.deluge(&["fmt", "--check", "src"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), "");
}

#[test]
fn stdin_is_formatted_to_stdout() {
    let dir = Scratch::new("stdin");
    let o = run(&dir.0, &["fmt", "--stdin"], Some(MESSY));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), TIDY);

    let o = run(&dir.0, &["fmt", "--stdin", "--check"], Some(MESSY));
    assert_eq!(o.status.code(), Some(1));
    let o = run(&dir.0, &["fmt", "--stdin", "--check"], Some(TIDY));
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn a_file_with_syntax_errors_is_reported_and_left_untouched() {
    let dir = Scratch::new("syntax");
    let broken = "x = 1\ny = (2;\n";
    dir.write("broken.dg", broken);
    dir.write("fine.dg", MESSY);
    let o = dir.deluge(&["fmt", "broken.dg", "fine.dg"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(dir.read("broken.dg"), broken);
    assert_eq!(
        dir.read("fine.dg"),
        TIDY,
        "the other files are still formatted"
    );
    let err = stderr(&o);
    assert!(
        err.contains("[E102]") && err.contains("broken.dg:1:6"),
        "{err}"
    );
    assert!(err.contains("broken.dg left as it is"), "{err}");

    let o = run(&dir.0, &["fmt", "--stdin"], Some(broken));
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "", "nothing to replace an editor buffer with");
    assert!(stderr(&o).contains("<stdin>:1:6"), "{}", stderr(&o));
}

#[test]
fn creator_statements_are_reported_and_the_file_left_as_it_is() {
    let dir = Scratch::new("creator");
    let creator = "x   =  1;\ninput.Total = x;\n";
    dir.write("form.dg", creator);
    let o = dir.deluge(&["fmt", "form.dg"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("[E110]"), "{}", stderr(&o));
    assert_eq!(dir.read("form.dg"), creator);
}

#[test]
fn the_project_file_sets_the_layout_and_flags_override_it() {
    let dir = Scratch::new("project");
    dir.write(
        "deluge.json",
        r#"{"connections": {"books": {}}, "fmt": {"indent": 2, "line_width": 100}}"#,
    );
    let nested = dir.0.join("deep/er");
    std::fs::create_dir_all(&nested).expect("folder");
    let two_spaces = "x = 1;\nif (x > 0)\n{\n  info x;\n}\nelse\n{\n  info \"no\";\n}\n";
    let o = run(&nested, &["fmt", "--stdin"], Some(MESSY));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), two_spaces, "found in a parent folder");

    let o = run(&nested, &["fmt", "--stdin", "--indent", "tab"], Some(MESSY));
    assert_eq!(stdout(&o), TIDY);

    let long = "info \"aaaaaaaaaa\" + \"bbbbbbbbbb\" + \"cccccccccc\";\n";
    let o = run(
        &nested,
        &["fmt", "--stdin", "--line-width", "35"],
        Some(long),
    );
    assert_eq!(
        stdout(&o),
        "info \"aaaaaaaaaa\" + \"bbbbbbbbbb\"\n  + \"cccccccccc\";\n"
    );
}

#[test]
fn a_bad_project_file_is_a_usage_error_shown_at_its_line() {
    let dir = Scratch::new("badproject");
    dir.write("deluge.json", "{\n  \"fmt\": {\"indent\": \"two\"}\n}\n");
    dir.write("a.dg", MESSY);
    let o = dir.deluge(&["fmt", "a.dg"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("[E503]"), "{err}");
    assert!(err.contains("deluge.json:2:21"), "{err}");
    assert!(err.contains("\"fmt\": {\"indent\": \"two\"}"), "{err}");
    assert_eq!(dir.read("a.dg"), MESSY);
}

#[test]
fn usage_errors_exit_with_status_2() {
    let dir = Scratch::new("usage");
    dir.write("a.dg", MESSY);
    for args in [
        &["fmt"][..],
        &["fmt", "--stdin", "a.dg"],
        &["fmt", "missing.dg"],
        &["fmt", "--indent", "0", "a.dg"],
        &["fmt", "--indent", "wide", "a.dg"],
        &["fmt", "--line-width", "0", "a.dg"],
    ] {
        let o = dir.deluge(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
    }
    assert_eq!(dir.read("a.dg"), MESSY);
}

#[test]
fn every_option_has_help() {
    let dir = Scratch::new("help");
    let o = dir.deluge(&["fmt", "--help"]);
    let help = stdout(&o);
    for option in ["--check", "--stdin", "--line-width", "--indent", "[PATHS]"] {
        let line = help
            .lines()
            .find(|l| l.contains(option))
            .unwrap_or_else(|| panic!("no {option} in\n{help}"));
        let described = line.trim().len() > option.len() + 12;
        assert!(described, "{option} has no help text: {line:?}");
    }
}

#[test]
fn the_examples_and_benchmarks_of_the_repository_are_formatted() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let o = run(&repo, &["fmt", "--check", "examples", "benches"], None);
    assert_eq!(
        o.status.code(),
        Some(0),
        "run `deluge fmt examples benches`; unformatted:\n{}{}",
        stdout(&o),
        stderr(&o)
    );
}
