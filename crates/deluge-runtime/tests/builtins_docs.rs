//! Keeps `docs/builtins.md` and the conformance suite in step with the
//! built-in tables: the document is generated from the tables (run with
//! `UPDATE_DOCS=1` to rewrite it), and every built-in must have a
//! conformance file named after it in its section's folder.

use deluge_runtime::builtins::{global_sections, tables};
use std::fmt::Write;
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

const SECTIONS: &[(&str, &str)] = &[
    ("global", "Global functions and constructors"),
    ("common", "Functions of any value"),
    ("text", "TEXT functions"),
    ("number", "NUMBER and DECIMAL functions"),
    ("list", "LIST functions"),
    ("map", "MAP functions"),
    ("collection", "COLLECTION functions"),
    ("datetime", "DATE-TIME functions"),
    ("encoding", "Encoding, hashing and crypto"),
    ("file", "FILE functions"),
];

/// (section, names, min args, max args, doc) of every built-in.
fn entries() -> Vec<(&'static str, &'static [&'static str], u8, u8, &'static str)> {
    let mut all = Vec::new();
    for (section, defs) in global_sections() {
        for d in defs {
            all.push((section, d.names, d.min_args, d.max_args, d.doc));
        }
    }
    for (_, section, defs) in tables() {
        for d in defs {
            all.push((section, d.names, d.min_args, d.max_args, d.doc));
        }
    }
    all
}

fn arity(min: u8, max: u8) -> String {
    match (min, max) {
        (a, b) if a == b => a.to_string(),
        (a, u8::MAX) => format!("{a} or more"),
        (a, b) => format!("{a} to {b}"),
    }
}

fn generate() -> String {
    let mut out = String::new();
    out.push_str("# Built-in functions\n\n");
    out.push_str(
        "Every built-in function of deluge, generated from the tables in \
         `crates/deluge-runtime/src/builtins/` (a test fails when this file and the \
         tables differ; run `UPDATE_DOCS=1 cargo test -p deluge-runtime --test builtins_docs` \
         to regenerate it). Names are case-insensitive and aliases are exact synonyms. \
         Functions with a receiver also have a function form: `s.length()` is \
         `length(s)`. Arguments counts exclude the receiver. The behaviour of each \
         function is specified with examples in the conformance file \
         `tests/conformance/<section>/<name>.dg`.\n",
    );
    let all = entries();
    for (section, title) in SECTIONS {
        let _ = write!(out, "\n## {title} (`{section}`)\n\n");
        out.push_str("| name | aliases | arguments | description |\n|---|---|---|---|\n");
        for (s, names, min, max, doc) in all.iter().filter(|e| e.0 == *section) {
            debug_assert_eq!(s, section);
            let aliases = names[1..]
                .iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", ");
            let doc = doc.replace('|', "\\|");
            let _ = writeln!(
                out,
                "| `{}` | {aliases} | {} | {doc} |",
                names[0],
                arity(*min, *max)
            );
        }
    }
    out
}

#[test]
fn builtins_doc_matches_the_tables() {
    let path = repo().join("docs/builtins.md");
    let generated = generate();
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
    for (section, names, _, _, doc) in entries() {
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
