//! Lexing and parsing never panic, whatever the bytes; neither do the
//! renderer and the tree dump on what the parser returns.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let source = String::from_utf8_lossy(data);
    let parsed = deluge_syntax::parse(&source);
    let _ = deluge_syntax::dump::script(&parsed.script);
    for d in parsed.diagnostics.iter().take(3) {
        let _ = deluge_syntax::render::report(d, "fuzz.dg", &source, false);
    }
    let _ = deluge_syntax::render::json(&parsed.diagnostics, "fuzz.dg", &source);
    let _ = parsed.is_incomplete(&source);
    let _ = deluge_syntax::parse_expression(&source);
});
