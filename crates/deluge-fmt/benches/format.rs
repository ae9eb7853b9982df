//! Formatting time for a script of 2,000 lines of typical Deluge (the
//! example scripts and benchmark workloads of the repository, repeated):
//! what an editor waits for when it formats a large document. The time
//! includes parsing, the layout, printing and the check that the result
//! parses to the same tree.

use criterion::{Criterion, criterion_group, criterion_main};
use deluge_fmt::{FmtOptions, format_source};
use std::hint::black_box;
use std::path::Path;

const SOURCES: &[&str] = &[
    "examples/hello.dg",
    "examples/bigin-books-sync/sync_contact.dg",
    "benches/workloads/topping.dg",
    "benches/workloads/strings.dg",
    "tests/parse/invokeurl.dg",
    "tests/parse/sendmail.dg",
    "tests/parse/collections.dg",
    "tests/parse/zoho.dg",
    "tests/fmt/comments_in_tasks.dg",
    "tests/fmt/long_conditions.dg",
];

const LINES: usize = 2_000;

fn large_script() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut script = String::new();
    'fill: loop {
        for rel in SOURCES {
            let text = std::fs::read_to_string(root.join(rel)).unwrap_or_default();
            for line in text.lines() {
                script.push_str(line);
                script.push('\n');
            }
            if script.lines().count() >= LINES {
                break 'fill;
            }
        }
    }
    script
}

fn format_large_script(c: &mut Criterion) {
    let script = large_script();
    let options = FmtOptions::default();
    let formatted = format_source(&script, &options).expect("the script formats");
    let mut group = c.benchmark_group("fmt");
    group.sample_size(20);
    group.bench_function("2000_lines", |b| {
        b.iter(|| format_source(black_box(&script), &options))
    });
    group.bench_function("2000_lines_formatted", |b| {
        b.iter(|| format_source(black_box(&formatted), &options))
    });
    group.finish();
}

criterion_group!(benches, format_large_script);
criterion_main!(benches);
