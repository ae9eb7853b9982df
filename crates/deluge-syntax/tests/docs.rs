//! `docs/errors.md` has a section for every syntax code.

mod common;

use deluge_syntax::codes;

#[test]
fn every_syntax_code_has_a_section_in_errors_md() {
    let doc = common::read(&common::repo_root().join("docs/errors.md"));
    for (code, _) in codes::ALL.iter().filter(|(c, _)| c.starts_with("E1")) {
        let heading = format!("\n## {code}\n");
        assert!(doc.contains(&heading), "docs/errors.md lacks `## {code}`");
    }
}
