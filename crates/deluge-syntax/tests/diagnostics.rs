//! Each file in `tests/diagnostics/` at the repository root is snapshotted
//! with its source and its rendered diagnostics (no colour).

mod common;

use deluge_syntax::{parse, render};

#[test]
fn diagnostic_fixtures_match_their_snapshots() {
    for path in common::dg_files("tests/diagnostics") {
        let source = common::read(&path);
        let name = common::stem(&path);
        let file = format!("{name}.dg");
        let parsed = parse(&source);
        assert!(parsed.has_errors(), "{name}: expected at least one error");
        let mut out = String::new();
        for (i, line) in source.lines().enumerate() {
            out.push_str(&format!("{:>3} | {line}\n", i + 1));
        }
        out.push('\n');
        for d in &parsed.diagnostics {
            out.push_str(&render::short(d, &file, &source));
            out.push('\n');
        }
        out.push('\n');
        for d in &parsed.diagnostics {
            out.push_str(&render::report(d, &file, &source, false));
        }
        insta::with_settings!({
            snapshot_suffix => name.clone(),
            omit_expression => true,
            prepend_module_to_snapshot => false,
        }, {
            insta::assert_snapshot!("diagnostic", out);
        });
    }
}

/// The file with three independent mistakes reports exactly three.
#[test]
fn three_mistakes_give_three_diagnostics() {
    let path = common::repo_root().join("tests/diagnostics/three_mistakes.dg");
    let parsed = parse(&common::read(&path));
    let codes: Vec<_> = parsed.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["E102", "E103", "E113"]);
}
