//! Every form the parser must accept (`tests/parse/*.dg` at the repository
//! root) parses without diagnostics, and its tree matches the reviewed
//! snapshot.

mod common;

use deluge_syntax::{dump, parse};

#[test]
fn parse_fixtures_match_their_snapshots() {
    for path in common::dg_files("tests/parse") {
        let source = common::read(&path);
        let parsed = parse(&source);
        let name = common::stem(&path);
        assert!(
            parsed.diagnostics.is_empty(),
            "{name}: unexpected diagnostics {:#?}",
            parsed.diagnostics
        );
        insta::with_settings!({
            snapshot_suffix => name.clone(),
            description => source.clone(),
            omit_expression => true,
            prepend_module_to_snapshot => false,
        }, {
            insta::assert_snapshot!("parse", dump::script(&parsed.script));
        });
    }
}
