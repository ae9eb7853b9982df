//! `deluge fmt`: lays scripts out in the canonical style, in place, or
//! with `--check` only lists the ones whose layout would change, or with
//! `--stdin` formats standard input to standard output.
//!
//! A script with syntax errors is never rewritten: its errors are reported
//! as `deluge check` reports them. Files are replaced whole (written beside
//! the original, then renamed over it), so an interrupted run leaves every
//! file either as it was or formatted.

pub mod config;

use crate::cli::FmtArgs;
use crate::color::Choice;
use crate::source;
use deluge_fmt::FmtOptions;
use deluge_syntax::{Diagnostic, render};
use std::io::{Read, Write};
use std::path::Path;

const CLEAN: u8 = 0;
const PROBLEMS: u8 = 1;
const USAGE: u8 = 2;

/// The name of standard input in messages.
const STDIN: &str = "<stdin>";

/// What happened to one file.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Unchanged,
    /// Rewritten, or with `--check`, would be.
    Changed,
    /// Left as it is: syntax errors, or it could not be read or written.
    Failed,
}

pub fn fmt(args: FmtArgs, color: Choice) -> u8 {
    let options = match config::options(&args, color) {
        Ok(options) => options,
        Err(message) => {
            eprint!("{message}");
            if !message.ends_with('\n') {
                eprintln!();
            }
            return USAGE;
        }
    };
    if args.stdin {
        return format_stdin(&options, args.check, color);
    }
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
    let mut status = CLEAN;
    for file in &files {
        match format_file(file, &options, args.check, color) {
            Outcome::Unchanged => {}
            Outcome::Changed if !args.check => {}
            Outcome::Changed | Outcome::Failed => status = PROBLEMS,
        }
    }
    status
}

/// Formats one file; prints its name when its layout changes.
fn format_file(path: &Path, options: &FmtOptions, check: bool, color: Choice) -> Outcome {
    let name = source::name(path);
    let text = match source::read(path) {
        Ok(text) => text,
        Err(message) => {
            eprintln!("deluge: {message}");
            return Outcome::Failed;
        }
    };
    match deluge_fmt::format_source(&text, options) {
        Ok(out) if out == text => Outcome::Unchanged,
        Ok(out) => {
            if !check && let Err(message) = replace(path, &out) {
                eprintln!("deluge: {message}");
                return Outcome::Failed;
            }
            println!("{name}");
            Outcome::Changed
        }
        Err(diagnostics) => {
            report(&diagnostics, &name, &text, color);
            Outcome::Failed
        }
    }
}

fn format_stdin(options: &FmtOptions, check: bool, color: Choice) -> u8 {
    let mut bytes = Vec::new();
    if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
        eprintln!("deluge: cannot read standard input: {e}");
        return PROBLEMS;
    }
    let Ok(text) = String::from_utf8(bytes) else {
        eprintln!("deluge: standard input is not UTF-8 text");
        return PROBLEMS;
    };
    match deluge_fmt::format_source(&text, options) {
        Ok(out) if check => {
            if out == text {
                CLEAN
            } else {
                println!("{STDIN}");
                PROBLEMS
            }
        }
        Ok(out) => {
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(out.as_bytes())
                .and_then(|()| stdout.flush())
            {
                Ok(()) => CLEAN,
                Err(e) => {
                    eprintln!("deluge: cannot write standard output: {e}");
                    PROBLEMS
                }
            }
        }
        Err(diagnostics) => {
            report(&diagnostics, STDIN, &text, color);
            PROBLEMS
        }
    }
}

/// Why a script was left as it is, as `deluge check` shows it.
fn report(diagnostics: &[Diagnostic], name: &str, text: &str, color: Choice) {
    let mut stderr = std::io::stderr().lock();
    for d in diagnostics {
        let _ = write!(stderr, "{}", render::report(d, name, text, color.stderr()));
    }
    let _ = writeln!(stderr, "deluge: {name} left as it is");
}

/// Replaces the file at `path` with `text`: written to a new file beside
/// it first (with its permissions), then renamed over it. A link is
/// followed, so the file it points to is replaced.
fn replace(path: &Path, text: &str) -> Result<(), String> {
    let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let failed = |e: std::io::Error| format!("cannot write {}: {e}", path.display());
    let file_name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = target.with_file_name(format!(".{file_name}.deluge-fmt-{}", std::process::id()));
    std::fs::write(&temp, text).map_err(failed)?;
    let result = std::fs::metadata(&target)
        .and_then(|meta| std::fs::set_permissions(&temp, meta.permissions()))
        .and_then(|()| std::fs::rename(&temp, &target));
    if let Err(e) = result {
        let _ = std::fs::remove_file(&temp);
        return Err(failed(e));
    }
    Ok(())
}
