//! Times parsing of a file repeated to a few MB: `cargo run --release --example speed -- FILE...`.
fn main() {
    let mut text = String::new();
    for path in std::env::args().skip(1) {
        text.push_str(&std::fs::read_to_string(&path).unwrap_or_default());
        text.push('\n');
    }
    let mut big = String::new();
    while big.len() < 3_000_000 {
        big.push_str(&text);
    }
    let start = std::time::Instant::now();
    let parse = deluge_syntax::parse(&big);
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} bytes, {} diagnostics, {:.1} ms, {:.1} MB/s",
        big.len(),
        parse.diagnostics.len(),
        secs * 1000.0,
        big.len() as f64 / secs / 1e6
    );
}
