//! Keeps `docs/builtins.md` and the conformance suite in step with the
//! built-in tables: the document is generated from the tables by
//! `catalog::markdown` (run with
//! `UPDATE_DOCS=1` to rewrite it), and every built-in must have a
//! conformance file named after it in its section's folder.

use deluge_runtime::builtins::catalog::{self, SECTIONS};
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn builtins_doc_matches_the_tables() {
    let path = repo().join("docs/builtins.md");
    let generated = catalog::markdown();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, &generated).expect("docs/builtins.md is writable");
        return;
    }
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        current == generated,
        "docs/builtins.md is out of date: run UPDATE_DOCS=1 cargo test -p deluge-runtime --test builtins_docs"
    );
}

#[test]
fn every_builtin_has_a_doc_line_and_a_conformance_file() {
    let root = repo().join("tests/conformance");
    let mut missing = Vec::new();
    for entry in catalog::entries() {
        let (section, names, doc) = (entry.section, entry.names, entry.doc);
        assert!(
            SECTIONS.iter().any(|(s, _)| *s == section),
            "unknown section {section}"
        );
        if doc.trim().is_empty() || doc == names[0] {
            missing.push(format!("{section}/{}: no doc line", names[0]));
        }
        let dir = root.join(section);
        let found = names.iter().any(|n| {
            std::fs::read_dir(&dir).is_ok_and(|entries| {
                entries.flatten().any(|e| {
                    e.path()
                        .file_stem()
                        .and_then(|s| s.to_str())
                        .is_some_and(|s| s.eq_ignore_ascii_case(n))
                })
            })
        });
        if !found {
            missing.push(format!("{section}/{}.dg: no conformance file", names[0]));
        }
    }
    assert!(missing.is_empty(), "\n{}", missing.join("\n"));
}
