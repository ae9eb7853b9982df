//! Snapshots of tricky layouts: each script in `tests/fmt/` at the
//! repository root, before and after formatting (or the diagnostics that
//! kept it from being formatted).

mod common;

use deluge_fmt::{FmtOptions, Indent, format_source};

fn numbered(text: &str) -> String {
    text.lines()
        .enumerate()
        .map(|(i, line)| format!("{:>3} | {line}\n", i + 1))
        .collect()
}

fn layout(name: &str, source: &str, options: &FmtOptions) -> String {
    let mut out = numbered(source);
    out.push_str("\n---- formatted\n");
    match format_source(source, options) {
        Ok(formatted) => {
            common::assert_same_tree(name, source, &formatted);
            let again = format_source(&formatted, options).expect("the output formats");
            assert_eq!(again, formatted, "{name}: formatting is not idempotent");
            out.push_str(&formatted);
        }
        Err(diagnostics) => {
            out.push_str("(left as it is)\n");
            for d in &diagnostics {
                out.push_str(&deluge_syntax::render::short(d, name, source));
                out.push('\n');
            }
        }
    }
    out
}

#[test]
fn tricky_layouts_match_their_snapshots() {
    let files = common::scripts_under(&common::repo().join("tests/fmt"));
    assert!(files.len() >= 8, "the layout scripts are missing");
    for path in files {
        let source = std::fs::read_to_string(&path).expect("readable");
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let out = layout(&format!("{name}.dg"), &source, &FmtOptions::default());
        insta::with_settings!({
            snapshot_suffix => name,
            omit_expression => true,
            prepend_module_to_snapshot => false,
        }, {
            insta::assert_snapshot!("layout", out);
        });
    }
}

#[test]
fn narrow_lines_and_spaces() {
    let path = common::repo().join("tests/fmt/long_conditions.dg");
    let source = std::fs::read_to_string(path).expect("readable");
    let options = FmtOptions {
        indent: Indent::Spaces(2),
        line_width: 60,
    };
    let out = layout("long_conditions.dg", &source, &options);
    insta::with_settings!({
        omit_expression => true,
        prepend_module_to_snapshot => false,
    }, {
        insta::assert_snapshot!("narrow_spaces", out);
    });
}
