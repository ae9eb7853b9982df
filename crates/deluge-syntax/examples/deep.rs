fn main() {
    let arg = std::env::args().nth(1).unwrap_or_default();
    let n: usize = std::env::args()
        .nth(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(10000);
    let src = arg.repeat(n);
    let p = deluge_syntax::parse(&src);
    println!("{} diagnostics", p.diagnostics.len());
}
