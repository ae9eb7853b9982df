//! The public API: options, refusals, and what a file keeps of its own
//! (line endings, byte-order mark).

use deluge_fmt::{DEFAULT_LINE_WIDTH, FmtOptions, Indent, format_source};

fn format(text: &str) -> String {
    format_source(text, &FmtOptions::default()).expect("formats")
}

#[test]
fn the_defaults_are_tabs_and_120_columns() {
    let options = FmtOptions::default();
    assert_eq!(options.indent, Indent::Tab);
    assert_eq!(options.line_width, DEFAULT_LINE_WIDTH);
    assert_eq!(DEFAULT_LINE_WIDTH, 120);
}

#[test]
fn syntax_errors_come_back_instead_of_a_layout() {
    let diagnostics = format_source("x = (1;\ninfo x", &FmtOptions::default())
        .expect_err("a script with errors is refused");
    let codes: Vec<_> = diagnostics.iter().map(|d| d.code).collect();
    assert!(codes.contains(&"E103"), "{codes:?}");
    assert!(codes.contains(&"E102"), "{codes:?}");
}

#[test]
fn creator_statements_are_refused_with_e110() {
    let diagnostics = format_source("input.Name = \"x\";\n", &FmtOptions::default())
        .expect_err("Creator statements are errors");
    assert_eq!(diagnostics[0].code, "E110");
}

#[test]
fn windows_line_endings_and_a_byte_order_mark_are_kept() {
    assert_eq!(
        format("\u{FEFF}x=1;\r\nif(x>0){info x;}\r\n"),
        "\u{FEFF}x = 1;\r\nif (x > 0)\r\n{\r\n\tinfo x;\r\n}\r\n"
    );
    assert_eq!(format("x=1;\ny=2;"), "x = 1;\ny = 2;\n");
}

#[test]
fn text_literals_keep_their_line_breaks_and_escapes() {
    let script = "info \"a\nb \\\" \\u00e9\\/\";\n";
    assert_eq!(format(script), script);
}

#[test]
fn empty_scripts_and_scripts_of_comments() {
    assert_eq!(format(""), "");
    assert_eq!(format(" \n\n\t\n"), "");
    assert_eq!(
        format("\n\n// only\n\n\n/* comments */\n\n"),
        "// only\n\n/* comments */\n"
    );
}

#[test]
fn spaces_instead_of_tabs() {
    let options = FmtOptions {
        indent: Indent::Spaces(4),
        line_width: 80,
    };
    let out = format_source("for each x in {1}{info x;}", &options).expect("formats");
    assert_eq!(out, "for each x in {1}\n{\n    info x;\n}\n");
}

#[test]
fn deep_operator_chains_do_not_exhaust_the_stack() {
    // The parser accepts up to 2,000 operators in one expression, each a
    // level of the tree. Formatting such a script must fit in the stack of
    // a main thread (8 MiB), which parsing it needs anyway.
    let deep_unary = format!("x = {}1;\n", "-".repeat(1999));
    let long_chain = format!("x = 1{};\n", " + 1".repeat(1999));
    for script in [deep_unary, long_chain] {
        let out = std::thread::Builder::new()
            .stack_size(8 << 20)
            .spawn(move || format_source(&script, &FmtOptions::default()))
            .expect("a thread")
            .join()
            .expect("no stack overflow");
        assert!(out.is_ok(), "{out:?}");
    }
}

/// The layouts `docs/formatting.md` shows are what `deluge fmt` writes:
/// every `deluge` block but the first (the "before" example) is formatted,
/// and the first formats to the second.
#[test]
fn the_documented_layouts_are_the_formatters() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/formatting.md");
    let doc = std::fs::read_to_string(path).expect("docs/formatting.md");
    let blocks: Vec<&str> = doc
        .split("```deluge\n")
        .skip(1)
        .filter_map(|rest| rest.split("```").next())
        .collect();
    assert!(blocks.len() >= 3, "the examples are missing");
    assert_eq!(format(blocks[0]), blocks[1]);
    for block in &blocks[1..] {
        assert_eq!(&format(block), block);
    }
}

#[test]
fn extreme_options_do_not_panic() {
    let script = "if (a && b) { info {1, 2}; }";
    for options in [
        FmtOptions {
            indent: Indent::Spaces(usize::MAX),
            line_width: 0,
        },
        FmtOptions {
            indent: Indent::Spaces(0),
            line_width: usize::MAX,
        },
    ] {
        assert!(format_source(script, &options).is_ok());
    }
}
