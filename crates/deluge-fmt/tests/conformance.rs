//! Formatting does not change what a script does: every conformance file
//! of `tests/conformance/`, formatted, still meets the `// expect:`
//! comments it carries (run the way `deluge-runtime`'s conformance test
//! runs the originals).

mod common;

use deluge_fmt::{FmtOptions, format_source};

#[test]
fn formatted_conformance_files_meet_their_expectations() {
    let root = common::repo().join("tests/conformance");
    let files = common::scripts_under(&root);
    assert!(!files.is_empty(), "no conformance files");
    let (mut changed, mut refused) = (0, 0);
    let mut failures = Vec::new();
    for file in &files {
        let source = std::fs::read_to_string(file).expect("conformance file is readable");
        let name = file
            .strip_prefix(&root)
            .unwrap_or(file)
            .display()
            .to_string();
        let formatted = match format_source(&source, &FmtOptions::default()) {
            Ok(text) => text,
            // Files that test syntax errors cannot be formatted; the
            // original conformance test covers them.
            Err(_) => {
                refused += 1;
                continue;
            }
        };
        if formatted != source {
            changed += 1;
        }
        if let Err(problem) = deluge_runtime::expect::run_file(&name, &formatted) {
            failures.push(format!("{name}:\n  {}", problem.replace('\n', "\n  ")));
        }
    }
    println!(
        "{} files: {changed} changed by formatting, {refused} with syntax errors, {} failed",
        files.len(),
        failures.len()
    );
    assert!(
        changed > 0,
        "formatting changed no file, so this tests nothing"
    );
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
