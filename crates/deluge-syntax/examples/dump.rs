//! Prints the tree and the rendered diagnostics of a file:
//! `cargo run --example dump -- FILE`.
fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let source = std::fs::read_to_string(&path).unwrap_or_default();
    let parse = deluge_syntax::parse(&source);
    if std::env::args().nth(2).as_deref() != Some("-q") {
        print!("{}", deluge_syntax::dump::script(&parse.script));
    }
    for d in &parse.diagnostics {
        print!(
            "{}",
            deluge_syntax::render::report(d, &path, &source, false)
        );
    }
}
