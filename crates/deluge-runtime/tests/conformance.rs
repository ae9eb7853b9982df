//! Runs every `tests/conformance/**/*.dg` file of the repository against
//! the `// expect:` lines it contains.

use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "dg") {
            out.push(path);
        }
    }
}

#[test]
fn conformance_files_meet_their_expectations() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/conformance");
    let mut files = Vec::new();
    collect(&root, &mut files);
    files.sort();
    assert!(
        !files.is_empty(),
        "no conformance files under {}",
        root.display()
    );
    let mut failures = Vec::new();
    for file in &files {
        let source = std::fs::read_to_string(file).expect("conformance file is readable");
        let name = file
            .strip_prefix(&root)
            .unwrap_or(file)
            .display()
            .to_string();
        if deluge_runtime::expect::parse(&source).is_empty() {
            failures.push(format!("{name}: states no expectation"));
            continue;
        }
        if let Err(problem) = deluge_runtime::expect::run_file(&name, &source) {
            failures.push(format!("{name}:\n  {}", problem.replace('\n', "\n  ")));
        }
    }
    println!(
        "{} passed, {} failed",
        files.len() - failures.len(),
        failures.len()
    );
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
