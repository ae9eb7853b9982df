//! `deluge parse FILE --ast`: print the syntax tree (for debugging and
//! snapshot tests), with the diagnostics on stderr.

use crate::cli::ParseArgs;
use crate::color::Choice;
use crate::source;
use deluge_syntax::{dump, render};

pub fn parse(args: ParseArgs, color: Choice) -> u8 {
    let text = match source::read(&args.file) {
        Ok(text) => text,
        Err(message) => {
            eprintln!("deluge: {message}");
            return 2;
        }
    };
    let name = source::name(&args.file);
    let parsed = deluge_syntax::parse(&text);
    let tree = if args.spans {
        dump::script_with_spans(&parsed.script)
    } else {
        dump::script(&parsed.script)
    };
    print!("{tree}");
    for d in &parsed.diagnostics {
        eprint!("{}", render::report(d, &name, &text, color.stderr()));
    }
    u8::from(parsed.has_errors())
}
