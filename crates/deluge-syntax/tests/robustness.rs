//! `parse` never panics and never overflows the stack, whatever the input.

use deluge_syntax::{codes, parse, parse_expression};
use proptest::prelude::*;

/// Fragments that form Deluge-like token soup.
const FRAGMENTS: &[&str] = &[
    "x",
    "list",
    "info",
    "if",
    "else",
    "for",
    "each",
    "index",
    "in",
    "return",
    "try",
    "catch",
    "invokeurl",
    "sendmail",
    "zoho",
    "thisapp",
    "insert",
    "into",
    "input",
    "null",
    "true",
    "(",
    ")",
    "{",
    "}",
    "[",
    "]",
    ";",
    ",",
    ":",
    ".",
    "=",
    "==",
    "+",
    "-",
    "*",
    "/",
    "%",
    "!",
    "&&",
    "||",
    "<",
    ">=",
    "+=",
    "\"text\"",
    "'15-Aug-1947'",
    "\"open",
    "'",
    "1",
    "0.5",
    ".5",
    "99999999999999999999",
    "/*",
    "*/",
    "//",
    "\n",
    " ",
    "\u{A0}",
    "\u{FEFF}",
    "é",
    "#",
    "?",
    "url",
    "type",
    "GET",
    "file",
    "is",
    "not",
    "key",
    "-",
    "value",
];

fn check(source: &str) {
    let parsed = parse(source);
    for d in &parsed.diagnostics {
        let s = d.primary_span();
        assert!(s.start <= s.end && s.end <= source.len(), "{d:?}");
        assert!(codes::title(d.code).is_some());
    }
    // Rendering must cope with every span the parser produces.
    for d in parsed.diagnostics.iter().take(5) {
        let _ = deluge_syntax::render::report(d, "f.dg", source, false);
    }
    let _ = deluge_syntax::dump::script(&parsed.script);
    let _ = parsed.is_incomplete(source);
    let _ = parse_expression(source);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        check(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn token_soup_never_panics(picks in proptest::collection::vec(0..FRAGMENTS.len(), 0..120)) {
        let source: String = picks.iter().map(|&i| FRAGMENTS[i]).collect::<Vec<_>>().join(" ");
        check(&source);
    }
}

#[test]
fn ten_thousand_nested_parentheses_give_one_clear_error() {
    let source = format!(
        "x = {}1{};\ninfo x;\n",
        "(".repeat(10_000),
        ")".repeat(10_000)
    );
    let parsed = parse(&source);
    let codes: Vec<_> = parsed.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, [codes::TOO_DEEPLY_NESTED]);
}

#[test]
fn deep_unclosed_nesting_of_every_bracket_kind_is_handled() {
    for open in ["(", "[", "{", "if (x) {", "f("] {
        check(&open.repeat(10_000));
    }
    check(&"-".repeat(100_000));
    check(&format!("x = 1{};", ".a()".repeat(50_000)));
    check(&format!("x = {{{}}};", "1, ".repeat(50_000)));
}

#[test]
fn a_five_megabyte_script_parses() {
    let block = "total = 0;\nfor each item in items\n{\n\tif (item.get(\"price\") > 10)\n\t{\n\t\ttotal = total + item.get(\"price\") * 2;\n\t}\n}\ninfo \"Total: \" + total;\n";
    let source = block.repeat(5_000_000 / block.len() + 1);
    let parsed = parse(&source);
    assert!(parsed.diagnostics.is_empty());
    match parsed.script.body {
        deluge_syntax::ast::ScriptBody::Statements(s) => assert!(s.len() > 100_000),
        _ => panic!("expected statements"),
    }
}
