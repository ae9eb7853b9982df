//! `deluge check`: syntax errors and static warnings for files or folders.

use crate::cli::{CheckArgs, Format};
use crate::color::Choice;
use crate::source;
use deluge_syntax::{Diagnostic, Severity, render};
use std::io::Write;

const CLEAN: u8 = 0;
const PROBLEMS: u8 = 1;
const USAGE: u8 = 2;

pub fn check(args: CheckArgs, color: Choice) -> u8 {
    let mut files = Vec::new();
    for path in &args.paths {
        match source::collect(path) {
            Ok(found) => files.extend(found),
            Err(message) => {
                eprintln!("deluge: {message}");
                return USAGE;
            }
        }
    }
    let mut out = std::io::stdout().lock();
    let mut json = Vec::new();
    let (mut errors, mut warnings) = (0usize, 0usize);
    for file in &files {
        let name = source::name(file);
        let text = match source::read(file) {
            Ok(text) => text,
            Err(message) => {
                eprintln!("deluge: {message}");
                return USAGE;
            }
        };
        let diagnostics = diagnose(&text);
        errors += diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        warnings += diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count();
        match args.format {
            Format::Human => {
                for d in &diagnostics {
                    let _ = write!(out, "{}", render::report(d, &name, &text, color.stdout()));
                }
            }
            Format::Short => {
                for d in &diagnostics {
                    let _ = writeln!(out, "{}", render::short(d, &name, &text));
                }
            }
            Format::Json => {
                if let serde_json::Value::Array(items) = render::json(&diagnostics, &name, &text) {
                    json.extend(items);
                }
            }
        }
    }
    match args.format {
        Format::Json => {
            let _ = writeln!(out, "{}", serde_json::Value::Array(json));
        }
        Format::Human => {
            let _ = writeln!(
                out,
                "checked {} file(s): {errors} error(s), {warnings} warning(s)",
                files.len()
            );
        }
        Format::Short => {}
    }
    if errors > 0 || (args.deny_warnings && warnings > 0) {
        PROBLEMS
    } else {
        CLEAN
    }
}

/// Syntax errors and the static warnings, in source order. The parser
/// recovers, so a file with a syntax error still gets the warnings of the
/// part that parsed.
fn diagnose(text: &str) -> Vec<Diagnostic> {
    let parsed = deluge_syntax::parse(text);
    deluge_runtime::lint::diagnostics(&parsed, text)
}
