//! Every script of the repository (`tests/`, `examples/`, `benches/`) is
//! formatted: the result parses to the same tree as the original, and
//! formatting it again changes nothing. Scripts with syntax errors are
//! refused with their diagnostics and nothing else.

mod common;

use common::{assert_same_tree, repo_scripts};
use deluge_fmt::{FmtOptions, Indent, format_source};

fn check_all(options: &FmtOptions) -> (usize, usize) {
    let (mut formatted, mut refused) = (0, 0);
    let mut failures = Vec::new();
    for (name, source) in repo_scripts() {
        match format_source(&source, options) {
            Ok(out) => {
                formatted += 1;
                assert_same_tree(&name, &source, &out);
                match format_source(&out, options) {
                    Ok(again) if again == out => {}
                    Ok(again) => failures.push(format!(
                        "{name}: not idempotent\n--- first\n{out}\n--- second\n{again}"
                    )),
                    Err(diags) => failures.push(format!("{name}: output refused: {diags:?}")),
                }
            }
            Err(diags) => {
                refused += 1;
                let parsed = deluge_syntax::parse(&source);
                assert!(
                    parsed.has_errors(),
                    "{name}: refused without a syntax error"
                );
                assert_eq!(diags, parsed.diagnostics, "{name}");
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    (formatted, refused)
}

#[test]
fn every_repository_script_formats_idempotently_to_the_same_tree() {
    let (formatted, refused) = check_all(&FmtOptions::default());
    println!("{formatted} formatted, {refused} refused for syntax errors");
    assert!(formatted > 100, "only {formatted} scripts formatted");
    assert!(refused > 0, "the diagnostics fixtures have syntax errors");
}

#[test]
fn narrow_widths_and_space_indents_keep_the_tree_too() {
    for options in [
        FmtOptions {
            indent: Indent::Spaces(2),
            line_width: 40,
        },
        FmtOptions {
            indent: Indent::Tab,
            line_width: 1,
        },
    ] {
        check_all(&options);
    }
}
