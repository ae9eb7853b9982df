//! Parse throughput over a large script of typical Deluge: the example
//! scripts and benchmark workloads of the repository, repeated to about
//! 3 MB. Reports bytes per second.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;

const SOURCES: &[&str] = &[
    "examples/hello.dg",
    "examples/bigin-books-sync/sync_contact.dg",
    "benches/workloads/topping.dg",
    "benches/workloads/strings.dg",
    "benches/workloads/loop.dg",
    "tests/parse/invokeurl.dg",
    "tests/parse/sendmail.dg",
    "tests/parse/collections.dg",
    "tests/parse/zoho.dg",
];

/// About 3 MB of statements built from the repository's scripts.
fn large_script() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut unit = String::new();
    for rel in SOURCES {
        let text = std::fs::read_to_string(root.join(rel)).unwrap_or_default();
        unit.push_str(&text);
        unit.push('\n');
    }
    let mut script = String::with_capacity(3_100_000);
    while script.len() < 3_000_000 {
        script.push_str(&unit);
    }
    script
}

fn parse_large_script(c: &mut Criterion) {
    let script = large_script();
    let parsed = deluge_syntax::parse(&script);
    assert!(
        parsed.diagnostics.is_empty(),
        "{:?}",
        parsed.diagnostics.first()
    );
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Bytes(script.len() as u64));
    group.sample_size(10);
    group.bench_function("large_script", |b| {
        b.iter_with_large_drop(|| deluge_syntax::parse(black_box(&script)))
    });
    group.finish();
}

criterion_group!(benches, parse_large_script);
criterion_main!(benches);
