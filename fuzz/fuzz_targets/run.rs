//! Loading and running a script never panics, whatever the bytes: a script
//! that parses runs (with a small statement limit and no external
//! services) to a value or a runtime error.
#![no_main]

use deluge_runtime::{Interpreter, Limits, Loaded, LocalHost, Program};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let source = String::from_utf8_lossy(data);
    let mut program = Program::new();
    let Ok(loaded) = program.load("fuzz.dg", &source, &[], &|_| None) else {
        return;
    };
    let function = match loaded {
        Loaded::Script(f) => f,
        Loaded::Functions(fs) => match fs.first() {
            Some(f) if program.functions[*f].params.is_empty() => *f,
            _ => return,
        },
    };
    let mut host = LocalHost::default();
    let limits = Limits {
        max_statements: 1000,
        ..Limits::default()
    };
    let outcome = Interpreter::new(&program, &mut host, limits).run(function, Vec::new());
    if let Err(err) = &outcome.result {
        let _ = err.to_diagnostic();
    }
});
