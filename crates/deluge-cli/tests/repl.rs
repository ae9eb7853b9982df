//! `deluge repl` with piped standard input: every entry, command and error
//! path, without a terminal.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A directory of this test's own under the temporary directory.
fn temp_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("deluge-repl-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    dir
}

fn repl_with(args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_deluge"))
        .arg("repl")
        .args(args)
        // Piped input keeps no history; should that change, it must not
        // reach the real home.
        .env(
            "XDG_STATE_HOME",
            std::env::temp_dir().join("deluge-repl-tests-state"),
        )
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the deluge binary runs");
    let mut stdin = child.stdin.take().expect("stdin is piped");
    // A REPL that refuses its options exits without reading: a broken pipe
    // here is expected then.
    let _ = stdin.write_all(input.as_bytes());
    drop(stdin);
    child.wait_with_output().expect("deluge repl finishes")
}

fn repl(input: &str) -> Output {
    repl_with(&[], input)
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Runs input that must succeed and returns its standard output.
fn ok(input: &str) -> String {
    let o = repl(input);
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    assert_eq!(stderr(&o), "");
    stdout(&o)
}

#[test]
fn info_prints_and_exits_zero() {
    assert_eq!(ok("info 1 + 2;\n"), "3\n");
}

#[test]
fn bare_expressions_print_type_and_value() {
    let input = "1 + 2\n10 / 4\n\"abc\"\ntrue\nnull\n[1, \"a\"]\n{\"a\": 1}\nm = Map();\nm.put(\"a\", 1);\nm\n";
    assert_eq!(
        ok(input),
        "NUMBER 3\nDECIMAL 2.5\nTEXT \"abc\"\nBOOLEAN true\nNULL\nLIST [1, \"a\"]\n\
         MAP {\"a\": 1}\nMAP {\"a\": 1}\n"
    );
}

#[test]
fn date_times_print_like_literals() {
    let o = repl_with(
        &["--now", "2026-01-05T10:00:00Z", "--tz", "Asia/Kolkata"],
        "now\ntoday\n",
    );
    assert_eq!(
        stdout(&o),
        "DATE-TIME '05-Jan-2026 15:30:00'\nDATE-TIME '05-Jan-2026'\n"
    );
}

#[test]
fn long_collections_are_indented() {
    let input = "m = {\"name\": \"a name long enough to need a line of its own, and then some\", \"tags\": [1, 2]};\nm\n";
    assert_eq!(
        ok(input),
        "MAP {\n  \"name\": \"a name long enough to need a line of its own, and then some\",\n  \"tags\": [1, 2]\n}\n"
    );
}

#[test]
fn state_persists_across_entries() {
    let input = "x = 2;\ny = x * 10;\nint twice(int a) { return a * 2; }\ntwice(y)\n";
    assert_eq!(ok(input), "defined twice\nNUMBER 40\n");
}

#[test]
fn multi_line_entries_continue_until_complete() {
    let input = "total = 0;\nfor each i in {1, 2, 3}\n{\n  total = total + i;\n  info i;\n}\ntotal\nl = [1,\n 2,\n 3];\nl.size()\n1 +\n2\n";
    assert_eq!(ok(input), "1\n2\n3\nNUMBER 6\nNUMBER 3\nNUMBER 3\n");
}

#[test]
fn a_text_may_span_lines() {
    assert_eq!(ok("t = \"one\ntwo\";\nt\n"), "TEXT \"one\\ntwo\"\n");
}

#[test]
fn errors_do_not_end_the_session_and_set_the_exit_status() {
    let o = repl("x = 1;\ninfo y;\nfoo bar;\ninfo x;\n");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "1\n");
    let err = stderr(&o);
    assert!(err.contains("Variable 'y' is not defined"), "{err}");
    assert!(err.contains("<repl:2>"), "{err}");
    assert!(err.contains("info y;"), "{err}");
    assert!(err.contains("found `bar`"), "{err}");
    assert!(
        !err.contains("\x1b["),
        "no colour when not a terminal: {err}"
    );
}

#[test]
fn colour_only_when_forced() {
    let o = repl_with(&["--color", "always"], "1\ninfo y;\n");
    assert_eq!(stdout(&o), "\x1b[36mNUMBER\x1b[0m 1\n");
    assert!(stderr(&o).contains("\x1b["), "{}", stderr(&o));
}

#[test]
fn unfinished_input_at_the_end_is_reported() {
    let o = repl("x = 1;\nif (x > 0) {\n");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("Error"), "{}", stderr(&o));
}

#[test]
fn help_lists_every_command() {
    let out = ok(":help\n");
    for command in [
        ":help",
        ":quit",
        ":vars",
        ":type",
        ":load",
        ":reset",
        ":info",
        ":requests",
        ":time",
    ] {
        assert!(out.contains(command), "{command} missing from {out}");
    }
}

#[test]
fn quit_stops_reading() {
    assert_eq!(ok("info 1;\n:quit\ninfo 2;\n"), "1\n");
}

#[test]
fn vars_lists_names_types_and_short_values() {
    let input = "n = 5;\ntext = \"hello\";\nlist = [1, 2];\nnothing = null;\nvoid f() { }\n:vars\n";
    assert_eq!(
        ok(input),
        "defined f\nn        NUMBER     5\ntext     TEXT       \"hello\"\nlist     LIST       [1, 2]\nnothing  NULL\nfunctions: f\n"
    );
}

#[test]
fn vars_without_variables() {
    assert_eq!(ok(":vars\n"), "(no variables)\n");
}

#[test]
fn type_shows_the_type_of_an_expression() {
    assert_eq!(
        ok("x = 1.5;\n:type x\n:type \"a\" + 1\n:type [1]\n"),
        "DECIMAL\nTEXT\nLIST\n"
    );
}

#[test]
fn type_reports_bad_expressions() {
    let o = repl(":type 1 +* 2\n:type\n");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("usage: :type EXPR"), "{}", stderr(&o));
}

#[test]
fn load_defines_functions_then_they_can_be_called() {
    let file = fixture("functions.dg");
    let input = format!(":load {}\n:vars\n", file.display());
    let out = ok(&input);
    assert!(out.starts_with("defined "), "{out}");
    assert!(out.contains("functions: "), "{out}");
}

#[test]
fn load_runs_statements_in_the_session() {
    let dir = temp_dir("load-statements");
    let file = dir.join("setup.dg");
    std::fs::write(&file, "greeting = \"hi\";\ninfo greeting;\n").expect("written");
    let out = ok(&format!(":load {}\ngreeting\n", file.display()));
    assert_eq!(out, "hi\nTEXT \"hi\"\n");
    let o = repl_with(&["--load", file.to_str().expect("UTF-8")], "greeting\n");
    assert_eq!(stdout(&o), "hi\nTEXT \"hi\"\n");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn load_reports_missing_files_and_syntax_errors() {
    let o = repl(":load /no/such/file.dg\ninfo \"still here\";\n");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "still here\n");
    assert!(stderr(&o).contains("cannot read"), "{}", stderr(&o));
    let broken = fixture("syntax_error.dg");
    let o = repl(&format!(":load {}\n", broken.display()));
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("syntax_error.dg"), "{}", stderr(&o));
}

#[test]
fn reset_forgets_variables_functions_and_info() {
    let o = repl("x = 1;\ninfo x;\nvoid f() { }\n:reset\n:vars\n:info\nx\n");
    assert_eq!(o.status.code(), Some(1), "x is gone after :reset");
    assert_eq!(
        stdout(&o),
        "1\ndefined f\nsession reset: no variables, functions or info lines\n(no variables)\n(no info lines yet)\n"
    );
}

#[test]
fn info_shows_the_lines_so_far() {
    assert_eq!(
        ok("info \"a\";\nfor each i in {1, 2} { info i; }\n:info\n"),
        "a\n1\n2\na\n1\n2\n"
    );
}

#[test]
fn requests_says_the_log_is_empty() {
    let out = ok(":requests\n");
    assert!(out.starts_with("(no requests"), "{out}");
}

#[test]
fn time_shows_wall_time_and_statements() {
    let out = ok("void f() { for each i in {1, 2, 3} { x = i; } }\n:time f();\n:time 1 + 1\n");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "defined f");
    assert!(
        lines[1].starts_with("time: ") && lines[1].ends_with(" ms, statements: 6"),
        "{out}"
    );
    assert_eq!(lines[2], "NUMBER 2");
    assert!(lines[3].ends_with(" ms, statements: 0"), "{out}");
}

#[test]
fn unknown_commands_fail_without_ending_the_session() {
    let o = repl(":frobnicate\ninfo 1;\n");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "1\n");
    assert!(stderr(&o).contains("unknown command :frobnicate"));
}

#[test]
fn the_statement_limit_applies_per_entry() {
    let input = "for each i in {1, 2, 3, 4, 5} { x = i; }\nfor each i in {1, 2} { x = i; }\nx\n";
    let o = repl_with(&["--max-statements", "4"], input);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "NUMBER 2\n");
    assert!(
        stderr(&o).contains("more than 4 statements"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn network_tasks_fail_offline() {
    let o = repl_with(
        &["--offline"],
        "r = zoho.crm.getRecordById(\"Leads\", 1);\n",
    );
    assert_eq!(o.status.code(), Some(1));
    // No link is default_for zoho.crm and no simulator answers (spec §7).
    assert!(
        stderr(&o).contains("Connection not specified for zoho.crm.getRecordById"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_missing_connections_file_is_a_usage_error() {
    let o = repl_with(&["--connections", "no-such-connections.json"], "info 1;\n");
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stdout(&o), "");
    assert!(
        stderr(&o).contains("no-such-connections.json: cannot read the connections file"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn bad_clock_options_are_usage_errors() {
    let o = repl_with(&["--tz", "Mars/Olympus"], "");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown time zone"), "{}", stderr(&o));
}

#[test]
fn a_top_level_return_prints_its_value() {
    assert_eq!(ok("return [1];\n"), "LIST [1]\n");
}

#[test]
fn empty_input_is_fine() {
    assert_eq!(ok(""), "");
    assert_eq!(ok("\n\n// just a comment\n"), "");
}

#[test]
fn redefining_a_function_replaces_it_for_earlier_callers() {
    let input = "int f(int n) { return n + 1; }\nint g(int n) { return f(n) * 10; }\ng(1)\nint f(int n) { return n + 2; }\ng(1)\n";
    assert_eq!(
        ok(input),
        "defined f\ndefined g\nNUMBER 20\ndefined f\nNUMBER 30\n"
    );
}
