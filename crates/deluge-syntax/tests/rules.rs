//! Disambiguation rules of language spec §3, checked on the tree.

use deluge_syntax::ast::{BinaryOp, ExprKind, ScriptBody, Stmt, StmtKind};
use deluge_syntax::{codes, parse};

fn stmts(src: &str) -> Vec<Stmt> {
    let parsed = parse(src);
    assert!(
        parsed.diagnostics.is_empty(),
        "{src}: {:#?}",
        parsed.diagnostics
    );
    match parsed.script.body {
        ScriptBody::Statements(s) => s,
        ScriptBody::Functions(_) => panic!("{src}: statements expected"),
    }
}

fn first_code(src: &str) -> &'static str {
    let parsed = parse(src);
    parsed.diagnostics.first().map(|d| d.code).unwrap_or("none")
}

#[test]
fn rule_12_single_equals_compares_only_in_if_statement_conditions() {
    let s = stmts("if (a = 1 && (b = 2)) { info 1; } else if (f(c = 3)) { info 2; }");
    let StmtKind::If { branches, .. } = &s[0].kind else {
        panic!("if expected")
    };
    let ExprKind::Binary { op, lhs, .. } = &branches[0].condition.kind else {
        panic!("binary expected")
    };
    assert_eq!(*op, BinaryOp::And);
    assert!(matches!(
        lhs.kind,
        ExprKind::Binary {
            op: BinaryOp::Eq,
            ..
        }
    ));
    // Not in the if-function, and not in other statements.
    assert_eq!(first_code("x = if(a = 1, 2, 3);"), codes::UNEXPECTED_TOKEN);
    assert_eq!(first_code("info a = 1;"), codes::UNEXPECTED_TOKEN);
}

#[test]
fn rule_4_for_each_index() {
    let s = stmts("for each index i in l { }\nfor each index in l { }");
    assert!(matches!(&s[0].kind, StmtKind::ForEach { index: true, var, .. } if var.name == "i"));
    assert!(
        matches!(&s[1].kind, StmtKind::ForEach { index: false, var, .. } if var.name == "index")
    );
}

#[test]
fn rule_3_if_statement_versus_if_function() {
    let s = stmts("x = if(a, 1, 2);\nif (a) { }");
    assert!(
        matches!(&s[0].kind, StmtKind::Assign { value, .. } if matches!(value.kind, ExprKind::IfFn { .. }))
    );
    assert!(matches!(s[1].kind, StmtKind::If { .. }));
    assert_eq!(first_code("if (a, b) { }"), codes::UNEXPECTED_TOKEN);
}

#[test]
fn rule_5_6_7_9_are_errors() {
    assert_eq!(first_code("x = l[0];"), codes::UNEXPECTED_TOKEN);
    assert_eq!(first_code("a = (b = 3) * 2;"), codes::UNEXPECTED_TOKEN);
    assert_eq!(first_code("x + 1;"), codes::NOT_A_CALL_STATEMENT);
    assert_eq!(first_code("x;"), codes::NOT_A_CALL_STATEMENT);
    assert_eq!(first_code("if (a) info 1;"), codes::UNEXPECTED_TOKEN);
}

#[test]
fn rule_8_semicolons_after_tasks() {
    assert!(parse("sendmail [ to: a ]\ninfo 1;").diagnostics.is_empty());
    assert!(
        parse("invokeurl [ url: a ]\ninfo 1;")
            .diagnostics
            .is_empty()
    );
    assert_eq!(
        first_code("r = invokeurl [ url: a ]\ninfo 1;"),
        codes::MISSING_SEMICOLON
    );
}

#[test]
fn rule_10_function_scripts() {
    for src in [
        "void f() { }",
        "string standalone.f(String id) { }",
        "Map name(key-value m) { }",
        "DECIMAL x.y(int n) { }",
    ] {
        assert!(
            matches!(parse(src).script.body, ScriptBody::Functions(_)),
            "{src}"
        );
    }
    for src in [
        "info isNull(x);",
        "map = Map();",
        "string = \"a\";",
        "list.add(1);",
    ] {
        assert!(
            matches!(parse(src).script.body, ScriptBody::Statements(_)),
            "{src}"
        );
    }
}

#[test]
fn rule_11_keyed_arguments() {
    let s = stmts("c = collection(\"a\" : 1, 2);");
    let StmtKind::Assign { value, .. } = &s[0].kind else {
        panic!("assignment expected")
    };
    let ExprKind::Call { args, .. } = &value.kind else {
        panic!("call expected")
    };
    assert!(args[0].key.is_some() && args[1].key.is_none());
}

#[test]
fn precedence_follows_section_4_1() {
    let s = stmts("x = a || b && c == d < e + f * -g.h();");
    let StmtKind::Assign { value, .. } = &s[0].kind else {
        panic!("assignment expected")
    };
    let dump = deluge_syntax::dump::expr(value);
    let expected = "\
Binary ||
  Var a
  Binary &&
    Var b
    Binary ==
      Var c
      Binary <
        Var d
        Binary +
          Var e
          Binary *
            Var f
            Unary -
              MethodCall .h
                Var g
";
    assert_eq!(dump, expected);
    let s = stmts("x = 10 - 4 - 3;");
    let StmtKind::Assign { value, .. } = &s[0].kind else {
        panic!("assignment expected")
    };
    assert_eq!(
        deluge_syntax::dump::expr(value),
        "Binary -\n  Binary -\n    Number 10\n    Number 4\n  Number 3\n"
    );
}
