//! Constructs of other languages: each is one E118 diagnostic (not a
//! cascade), and the statements around it still parse.

use deluge_syntax::{codes, parse};

/// (what is written, the construct it should be reported as).
const CASES: &[(&str, &str)] = &[
    ("while (i < 3) {\n  i = i + 1;\n}\n", "`while` loop"),
    (
        "for (i = 0; i < 3; i++) {\n  info i;\n}\n",
        "C-style `for` loop",
    ),
    ("for (x in {1, 2}) { info x; }\n", "`for (... in ...)` loop"),
    (
        "for x in {1, 2} {\n  info x;\n}\n",
        "`for` loop without `each`",
    ),
    (
        "for each (x in {1, 2}) { info x; }\n",
        "parentheses around a `for each` header",
    ),
    ("let x = 1;\n", "`let` declarations"),
    ("const x = 1;\n", "`const` declarations"),
    ("var x = 1;\n", "`var` declarations"),
    (
        "if (i > 0) { info 1; } elif (i < 0) { info 2; }\n",
        "`elif`",
    ),
    ("if (i === 1) { info 1; }\n", "`===` operator"),
    ("if (i !== 1) { info 1; }\n", "`!==` operator"),
    ("if (i <> 1) { info 1; }\n", "`<>` operator"),
    ("x = 2 ** 3;\n", "`**` operator"),
    ("i++;\n", "`++` operator"),
    ("--i;\n", "`--` operator"),
    ("if (i is None) { info 1; }\n", "`None`"),
    ("if (i is not None) { info 1; }\n", "`None`"),
];

#[test]
fn each_construct_is_one_e118_and_the_rest_parses() {
    for (code, what) in CASES {
        let source = format!("i = 0;\n{code}info \"after\";\n");
        let parsed = parse(&source);
        let found: Vec<String> = parsed.diagnostics.iter().map(|d| d.to_string()).collect();
        assert_eq!(
            found,
            vec![format!(
                "error[{}]: Deluge has no {what}",
                codes::FOREIGN_CONSTRUCT
            )],
            "{source}"
        );
        assert!(
            parsed.diagnostics[0].help.is_some(),
            "{source}: a help line"
        );
    }
}

#[test]
fn deluge_that_looks_similar_is_left_alone() {
    for ok in [
        "var = 1;\ninfo var;\n",
        "x = 5--3;\n",
        "x = 5 - -3;\n",
        "x = 1;\nx += 1;\n",
        "x = null;\nif (x is null) { info 1; }\n",
        "for each x in {1, 2} { info x; }\n",
        "for each index i in {1, 2} { info i; }\n",
        "x = 2 * 3;\n",
    ] {
        let parsed = parse(ok);
        assert!(
            parsed.diagnostics.is_empty(),
            "{ok}: {:?}",
            parsed.diagnostics
        );
    }
}

#[test]
fn the_help_for_loops_shows_the_for_each_idiom() {
    let parsed = parse("while (true) { }\n");
    let help = parsed.diagnostics[0].help.as_deref().unwrap_or_default();
    assert!(help.contains("for each x in list"), "{help}");
    assert!(help.contains("repeat(\",\", n - 1)"), "{help}");
}
