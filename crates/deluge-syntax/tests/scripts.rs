//! The example scripts and benchmark workloads shipped in the repository
//! parse without any diagnostic.

mod common;

use deluge_syntax::parse;

fn assert_clean(dir: &str) {
    for path in common::dg_files(dir) {
        let parsed = parse(&common::read(&path));
        assert!(
            parsed.diagnostics.is_empty(),
            "{}: {:#?}",
            path.display(),
            parsed.diagnostics
        );
    }
}

#[test]
fn examples_parse_cleanly() {
    assert_clean("examples");
    assert_clean("examples/bigin-books-sync");
}

#[test]
fn bench_workloads_parse_cleanly() {
    assert_clean("benches/workloads");
}
