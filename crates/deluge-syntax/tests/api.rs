//! The public entry points besides `parse`: expressions for a REPL, the
//! incomplete-input check, and the JSON form of diagnostics.

use deluge_syntax::ast::{ExprKind, ScriptBody, StmtKind};
use deluge_syntax::{codes, dump, is_incomplete, parse, parse_expression, render};

#[test]
fn parse_expression_reads_a_bare_expression() {
    let (expr, diags) = parse_expression("1 + 2 * 3");
    assert!(diags.is_empty());
    let expr = expr.expect("an expression");
    assert_eq!(
        dump::expr(&expr),
        "Binary +\n  Number 1\n  Binary *\n    Number 2\n    Number 3\n"
    );
    let (expr, diags) = parse_expression("\"a\".length();");
    assert!(diags.is_empty() && expr.is_some());
}

#[test]
fn parse_expression_reports_errors_and_creator_forms() {
    let (expr, diags) = parse_expression("1 +");
    assert!(expr.is_none());
    assert!(is_incomplete(&diags, "1 +"));
    let (expr, diags) = parse_expression("input.Name");
    assert!(expr.is_none());
    assert_eq!(diags[0].code, codes::CREATOR_STATEMENT);
    let (_, diags) = parse_expression("1 2");
    assert!(!is_incomplete(&diags, "1 2"));
}

#[test]
fn incomplete_input_is_recognised() {
    for src in [
        "if (x > 1) {",
        "info \"abc",
        "l = {1, 2,",
        "x = 1 +",
        "/* open comment",
        "for each x in l\n{\n  info x;\n",
        "x = 1",
        "r = invokeurl [ url: \"a\"",
    ] {
        assert!(
            parse(src).is_incomplete(src),
            "{src:?} should be incomplete"
        );
    }
    for src in ["x = 1;", "x = 1 2;", "} x = 1;", "if (x) info 1;", ""] {
        assert!(
            !parse(src).is_incomplete(src),
            "{src:?} should not be incomplete"
        );
    }
}

#[test]
fn creator_statements_become_one_node_and_one_diagnostic() {
    let src = "insert into Orders [ Name = input.Name ]\ninfo 1;\nopenUrl(\"https://x.com\", \"same window\");\n";
    let parsed = parse(src);
    assert_eq!(parsed.diagnostics.len(), 1);
    let ScriptBody::Statements(stmts) = &parsed.script.body else {
        panic!("statements expected");
    };
    assert!(matches!(stmts[0].kind, StmtKind::Creator { .. }));
    assert!(matches!(stmts[1].kind, StmtKind::Info(_)));
    assert!(matches!(
        &stmts[2].kind,
        StmtKind::Expr(e) if matches!(&e.kind, ExprKind::Call { name, .. } if name.name == "openUrl")
    ));
}

#[test]
fn json_diagnostics_have_the_documented_shape() {
    let src = "x = 1\ninfo x;";
    let parsed = parse(src);
    let v = render::json(&parsed.diagnostics, "a.dg", src);
    let d = &v[0];
    assert_eq!(d["path"], "a.dg");
    assert_eq!(d["code"], "E102");
    assert_eq!(d["severity"], "error");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(1), Some(6))
    );
    assert_eq!((d["start"].as_u64(), d["end"].as_u64()), (Some(5), Some(5)));
    for key in [
        "message",
        "end_line",
        "end_column",
        "labels",
        "notes",
        "help",
    ] {
        assert!(d.get(key).is_some(), "missing {key}");
    }
}

#[test]
fn spans_point_into_the_source() {
    let src = "total = price * 2;";
    let parsed = parse(src);
    let ScriptBody::Statements(stmts) = &parsed.script.body else {
        panic!("statements expected");
    };
    let StmtKind::Assign { target, value, .. } = &stmts[0].kind else {
        panic!("assignment expected");
    };
    assert_eq!(&src[target.span.range()], "total");
    assert_eq!(&src[value.span.range()], "price * 2");
    assert_eq!(&src[stmts[0].span.range()], src);
}

#[test]
fn missing_semicolon_points_just_after_the_previous_token() {
    let src = "a = 1   // note\nb = 2;";
    let d = &parse(src).diagnostics[0];
    assert_eq!(d.code, codes::MISSING_SEMICOLON);
    assert_eq!(d.primary_span().start, 5);
    assert!(d.primary_span().is_empty());
    assert!(d.help.is_some());
}
