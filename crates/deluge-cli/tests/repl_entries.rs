//! How `deluge repl` gathers lines into entries, with piped input: Zoho's
//! layout (`else` on its own line after `}`) and entries typed without
//! their final `;`.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn repl(input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_deluge"))
        .arg("repl")
        .env(
            "XDG_STATE_HOME",
            std::env::temp_dir().join("deluge-repl-entries-state"),
        )
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the deluge binary runs");
    let mut stdin = child.stdin.take().expect("stdin is piped");
    stdin.write_all(input.as_bytes()).expect("input is written");
    drop(stdin);
    child.wait_with_output().expect("deluge repl finishes")
}

/// Runs input that must succeed with nothing on stderr; its stdout.
fn ok(input: &str) -> String {
    let o = repl(input);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{input}\nstderr: {err}");
    assert_eq!(err, "", "{input}");
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn else_on_its_own_line_continues_the_if() {
    let zoho = "x = 1;\nif (x > 0)\n{\ninfo \"a\";\n}\nelse\n{\ninfo \"b\";\n}\n";
    assert_eq!(ok(zoho), "a\n");
    let negative = zoho.replace("x = 1;", "x = -1;");
    assert_eq!(ok(&negative), "b\n");
}

#[test]
fn else_if_chains_and_try_catch_over_several_lines() {
    let chain = "x = 0;\nif (x > 0)\n{\ninfo \"positive\";\n}\nelse if (x < 0)\n{\n\
                 info \"negative\";\n}\nelse\n{\ninfo \"zero\";\n}\ninfo \"after\";\n";
    assert_eq!(ok(chain), "zero\nafter\n");
    let caught = "try\n{\nx = 1 / 0;\n}\ncatch (e)\n{\ninfo \"caught\";\n}\n";
    assert_eq!(ok(caught), "caught\n");
}

#[test]
fn an_if_runs_before_the_next_entry_or_at_the_end() {
    let input = "if (true) { info \"one\"; }\ninfo \"two\";\nif (true) { info \"three\"; }\n\n\
                 info \"four\";\nif (true) { info \"five\"; }\n";
    assert_eq!(ok(input), "one\ntwo\nthree\nfour\nfive\n");
}

#[test]
fn an_entry_without_its_semicolon_runs_at_once() {
    let input = "total = 5\ntotal\ntotal + 1\ninfo total\nl = List()\nl.add(3)\nl.size()\n";
    assert_eq!(ok(input), "NUMBER 5\nNUMBER 6\n5\nNUMBER 1\n");
}

#[test]
fn a_stray_else_is_still_an_error() {
    let o = repl("x = 1;\ninfo x;\nelse { info 2; }\n");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&o.stdout), "1\n");
}

#[test]
fn a_method_without_parentheses_says_how_to_call_it() {
    let o = repl("name = \"ann\";\nname.toUpperCase\n");
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.matches("Error:").count(), 1, "one diagnostic: {err}");
    assert!(err.contains("`name.toUpperCase()`"), "{err}");
}
