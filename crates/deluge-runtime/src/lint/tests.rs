use super::check;

fn codes(src: &str) -> Vec<&'static str> {
    let parsed = deluge_syntax::parse(src);
    assert!(
        !parsed.has_errors(),
        "test source must parse: {:?}",
        parsed.diagnostics
    );
    check(&parsed.script).into_iter().map(|d| d.code).collect()
}

#[test]
fn clean_script_has_no_warnings() {
    assert!(codes("x = 1;\ninfo x.toString();\n").is_empty());
}

#[test]
fn reads_before_assignment_warn_once() {
    assert_eq!(codes("info y; info y; y = 1;"), vec!["W201"]);
    assert_eq!(codes("info z;"), vec!["W201"]);
}

#[test]
fn loop_bodies_may_read_what_they_assign_later() {
    assert!(codes("for each i in {1,2} { if (i > 1) { info last; } last = i; }").is_empty());
}

#[test]
fn loop_control_outside_loops() {
    assert_eq!(codes("break;"), vec!["W202"]);
    assert!(codes("for each i in {1} { continue; }").is_empty());
}

#[test]
fn return_value_in_void_function() {
    assert_eq!(codes("void f() { return 1; }"), vec!["W203"]);
}

#[test]
fn task_keys_and_methods() {
    let src = "r = invokeurl [ url: \"http://x\" type: FETCH headrs: {} ];";
    assert_eq!(codes(src), vec!["W205", "W204"]);
}

#[test]
fn unknown_functions_get_suggestions() {
    let parsed = deluge_syntax::parse("s = \"a\"; info s.toUppercase2();");
    let diags = check(&parsed.script);
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0].code, "W206");
}

#[test]
fn code_after_return() {
    assert_eq!(codes("return 1;\ninfo 2;"), vec!["W207"]);
}

#[test]
fn printing_as_other_languages_do_points_to_info() {
    for src in ["print(1);", "console.log(1);", "println(1);"] {
        let parsed = deluge_syntax::parse(src);
        let warnings = check(&parsed.script);
        assert_eq!(warnings.len(), 1, "{src}: {warnings:?}");
        assert_eq!(warnings[0].code, "W206");
        assert_eq!(
            warnings[0].help.as_deref(),
            Some("Deluge writes output with `info value;`"),
            "{src}"
        );
    }
    // A variable named like the habit is a method call as usual.
    assert!(codes("console = \"log\";\ninfo console.length();").is_empty());
}

#[test]
fn other_languages_null_says_null() {
    let parsed = deluge_syntax::parse("x = 1;\nif (x == None) { info x; }");
    let warnings = check(&parsed.script);
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0].help.as_deref(), Some("Deluge writes `null`"));
}
