//! Helpers shared by the formatter's tests.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every `.dg` file under `dir`, sorted.
pub fn scripts_under(dir: &Path) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "dg") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, &mut out);
    out.sort();
    out
}

/// (name, text) of every script under `tests/`, `examples/` and `benches/`.
pub fn repo_scripts() -> Vec<(String, String)> {
    let root = repo();
    let mut scripts = Vec::new();
    for dir in ["tests", "examples", "benches"] {
        for path in scripts_under(&root.join(dir)) {
            let text = std::fs::read_to_string(&path).expect("scripts are UTF-8");
            let name = path
                .strip_prefix(&root)
                .unwrap_or(&path)
                .display()
                .to_string();
            scripts.push((name, text));
        }
    }
    assert!(scripts.len() > 100, "found only {} scripts", scripts.len());
    scripts
}

/// The two texts parse to the same tree (spans aside).
pub fn assert_same_tree(name: &str, before: &str, after: &str) {
    let a = deluge_syntax::parse(before);
    let b = deluge_syntax::parse(after);
    assert!(
        !b.has_errors(),
        "{name}: the output has errors: {:?}\n{after}",
        b.diagnostics
    );
    assert_eq!(
        deluge_syntax::dump::script(&a.script),
        deluge_syntax::dump::script(&b.script),
        "{name}: the tree changed\n{after}"
    );
}
