use super::*;
use deluge_runtime::value::Kind;

fn session() -> Session {
    Session::new(Box::new(LocalHost::default()), Limits::default())
}

/// Submits a finished entry and returns what it showed.
fn done(s: &mut Session, text: &str) -> Result<Shown, Problem> {
    match s.submit(text, false) {
        Step::Done(entry) => entry.result,
        Step::Incomplete | Step::MayContinue => panic!("{text:?} was taken as unfinished"),
    }
}

fn value(s: &mut Session, text: &str) -> String {
    match done(s, text) {
        Ok(Shown::Value(v)) => v.display(),
        other => panic!("{text:?} showed {other:?}"),
    }
}

#[test]
fn bare_expressions_show_their_value() {
    let mut s = session();
    assert_eq!(value(&mut s, "1 + 2"), "3");
    assert_eq!(value(&mut s, "1 + 2;"), "3");
    assert_eq!(value(&mut s, "\"abc\".toUpperCase()"), "ABC");
}

#[test]
fn variables_persist_between_entries() {
    let mut s = session();
    assert!(matches!(done(&mut s, "x = 5;"), Ok(Shown::Nothing)));
    assert!(matches!(done(&mut s, "y = x * 2;"), Ok(Shown::Nothing)));
    assert_eq!(value(&mut s, "x + y"), "15");
    let names: Vec<&str> = s.variables().iter().map(|(n, _)| *n).collect();
    assert_eq!(names, ["x", "y"]);
}

#[test]
fn functions_defined_at_the_prompt_can_be_called_later() {
    let mut s = session();
    match done(&mut s, "int twice(int a) { return a * 2; }") {
        Ok(Shown::Defined(names)) => assert_eq!(names, ["twice"]),
        other => panic!("{other:?}"),
    }
    assert_eq!(value(&mut s, "twice(21)"), "42");
    assert_eq!(s.functions(), ["twice"]);
}

#[test]
fn unfinished_input_asks_for_more() {
    let mut s = session();
    for text in [
        "if (true) {",
        "l = [1, 2",
        "x = \"abc",
        "y = 1 +",
        "for each i in [1] {\n",
    ] {
        assert!(
            matches!(s.submit(text, false), Step::Incomplete),
            "{text:?} should be unfinished"
        );
    }
}

#[test]
fn unfinished_input_at_the_end_is_an_error() {
    let mut s = session();
    assert!(matches!(
        s.submit("if (true) {", true),
        Step::Done(Entry { result: Err(_), .. })
    ));
}

#[test]
fn a_multi_line_entry_runs_once_complete() {
    let mut s = session();
    let text = "total = 0;\nfor each i in {1, 2, 3} {\n  total = total + i;\n}";
    assert!(matches!(done(&mut s, text), Ok(Shown::Nothing)));
    assert_eq!(value(&mut s, "total"), "6");
}

#[test]
fn errors_do_not_lose_the_session() {
    let mut s = session();
    done(&mut s, "x = 1;").ok();
    let problem = done(&mut s, "info y;").expect_err("y is not defined");
    assert!(
        problem.render(false).contains("info y;"),
        "{}",
        problem.render(false)
    );
    let problem = done(&mut s, "foo bar;").expect_err("a syntax error");
    assert_eq!(problem.name, "<repl:3>");
    assert_eq!(value(&mut s, "x"), "1");
}

#[test]
fn runtime_errors_point_into_the_entry_that_defined_the_function() {
    let mut s = session();
    done(&mut s, "void boom() { info 1 / 0; }").ok();
    let problem = done(&mut s, "boom();").expect_err("division by zero");
    assert_eq!(problem.name, "<repl:1>");
}

#[test]
fn the_info_log_accumulates_and_reset_clears_everything() {
    let mut s = session();
    done(&mut s, "info \"a\";").ok();
    done(&mut s, "info 1 + 1;").ok();
    done(&mut s, "void f() { info 3; }").ok();
    assert_eq!(s.info_log(), ["a", "2"]);
    s.reset();
    assert!(s.info_log().is_empty());
    assert!(s.variables().is_empty());
    assert!(s.functions().is_empty());
    assert!(done(&mut s, "f();").is_err());
}

#[test]
fn a_lone_call_statement_shows_its_value_unless_null() {
    let mut s = session();
    done(&mut s, "l = List();").ok();
    assert!(matches!(done(&mut s, "l.add(1);"), Ok(Shown::Nothing)));
    assert_eq!(value(&mut s, "l.size();"), "1");
}

#[test]
fn the_statement_limit_applies_per_entry() {
    let limits = Limits {
        max_statements: 10,
        ..Limits::default()
    };
    let mut s = Session::new(Box::new(LocalHost::default()), limits);
    let text = "for each i in {1,2,3,4,5,6,7,8,9,10,11,12} { x = i; }";
    assert!(done(&mut s, text).is_err());
    assert!(done(&mut s, "for each i in {1,2,3} { x = i; }").is_ok());
}

#[test]
fn load_defines_functions_or_runs_statements() {
    let mut s = session();
    let entry = s.load("lib.dg", "int inc(int a) { return a + 1; }");
    assert!(matches!(entry.result, Ok(Shown::Defined(_))));
    let entry = s.load("setup.dg", "start = inc(1);");
    assert!(matches!(entry.result, Ok(Shown::Nothing)));
    assert_eq!(value(&mut s, "start"), "2");
}

#[test]
fn evaluate_reports_bad_expressions() {
    let mut s = session();
    assert!(s.evaluate("1 +* 2").result.is_err());
    assert!(matches!(s.evaluate("[1]").result, Ok(Shown::Value(_))));
}

#[test]
fn the_vocabulary_lists_variables_with_their_kind() {
    let mut s = session();
    done(&mut s, "t = \"x\"; n = 1;").ok();
    let v = s.vocabulary();
    assert_eq!(
        v.variables,
        [
            ("t".to_string(), Some(Kind::Text)),
            ("n".to_string(), Some(Kind::Number))
        ]
    );
}

#[test]
fn the_vocabulary_has_live_kinds_and_every_local_task() {
    let mut s = session();
    done(&mut s, "bag = Collection(); bag.insert(1);").ok();
    let v = s.vocabulary();
    assert!(v.live_values);
    assert_eq!(v.collections, ["bag"]);
    // A Books task that runs locally (integrations §3.4) beyond the common ones.
    let words = deluge_runtime::complete::complete("zoho.books.getOrg", &v).names();
    assert_eq!(words, ["zoho.books.getOrganizations"]);
}

#[test]
fn odd_input_never_panics() {
    let mut s = session();
    for text in [
        "",
        ";",
        "}",
        ")",
        "\"",
        "'",
        "/*",
        "{",
        "[",
        "a.",
        ".",
        "zoho.",
        "1 +",
        "+",
        "::",
        "return 1;",
        "break;",
        "x = ;",
        "void f(",
        "\u{feff}",
        "é = 1;",
        "\0",
    ] {
        let _ = s.submit(text, true);
        let _ = s.submit(text, false);
        let _ = s.evaluate(text);
    }
}

#[test]
fn an_entry_ending_with_if_waits_for_a_possible_else() {
    let mut s = session();
    for text in [
        "if (true) { info 1; }",
        "if (true)\n{\n  info 1;\n}",
        "x = 1;\nif (x > 0) { info 1; } else if (x < 0) { info 2; }",
    ] {
        assert!(
            matches!(s.submit(text, false), Step::MayContinue),
            "{text:?} may go on with else"
        );
        assert!(matches!(s.submit(text, true), Step::Done(_)), "{text:?}");
    }
    for text in [
        "if (true) { info 1; } else { info 2; }",
        "if (true) { info 1; }\ninfo 2;",
        "try { x = 1; } catch (e) { info e; }",
    ] {
        assert!(matches!(s.submit(text, false), Step::Done(_)), "{text:?}");
    }
    // A `try` without its `catch` is simply unfinished.
    assert!(matches!(
        s.submit("try { x = 1; }", false),
        Step::Incomplete
    ));
}

#[test]
fn a_missing_final_semicolon_is_implied() {
    let mut s = session();
    assert!(matches!(done(&mut s, "total = 5"), Ok(Shown::Nothing)));
    assert_eq!(value(&mut s, "total"), "5");
    assert!(matches!(
        done(&mut s, "info total // shown"),
        Ok(Shown::Nothing)
    ));
    assert!(matches!(done(&mut s, "l = [1,\n2]"), Ok(Shown::Nothing)));
    assert_eq!(value(&mut s, "l.size()"), "2");
    // Still unfinished: an operator waits for its operand.
    assert!(matches!(s.submit("y = 1 +", false), Step::Incomplete));
    // A missing `;` inside a block is the script's error, not implied.
    assert!(done(&mut s, "if (true) { info 1 }").is_err());
}

#[test]
fn a_call_without_its_semicolon_is_quiet_when_null() {
    let mut s = session();
    done(&mut s, "l = List()").ok();
    assert!(matches!(done(&mut s, "l.add(1)"), Ok(Shown::Nothing)));
    assert_eq!(value(&mut s, "l.size()"), "1");
}

#[test]
fn entry_numbers_count_only_entries_that_ran() {
    let mut s = session();
    assert!(matches!(s.submit("if (true) {", false), Step::Incomplete));
    assert!(matches!(
        s.submit("if (true) { }", false),
        Step::MayContinue
    ));
    let problem = done(&mut s, "info y;").expect_err("y is not defined");
    assert_eq!(problem.name, "<repl:1>");
}
