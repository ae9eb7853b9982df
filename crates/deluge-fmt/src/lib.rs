//! The canonical layout of Deluge scripts, in the house style of Zoho's
//! editor: tabs, braces on their own line, `key :value` in task blocks.
//!
//! [`format_source`] parses a script, lays the tree out again and keeps
//! what the tree does not hold: comments (recovered from the source text by
//! `scan.rs`), blank lines between statements (a run of them becomes one)
//! and the parentheses the author wrote. A script with syntax errors is
//! never laid out; its diagnostics come back instead. Before returning, the
//! result is parsed again and compared with the original tree, so a
//! formatting mistake can never change what a script does.
//!
//! Pipeline: `source.rs` (comments, parentheses, blank lines) → `layout/`
//! (one printer per construct, tree → [`doc::Doc`]) → `printer.rs`
//! (`Doc` → text at the line width).

mod doc;
mod layout;
mod printer;
mod scan;
mod source;

use deluge_syntax::{Diagnostic, Span, codes, dump};

/// The line width of the canonical layout. Zoho's editor never wraps
/// lines, and scripts saved by it keep long lines; 120 columns leaves
/// nearly all of them as they are and still breaks the very long ones.
pub const DEFAULT_LINE_WIDTH: usize = 120;

/// How many columns a tab counts for when measuring a line (as Zoho's
/// editor shows it).
pub const TAB_WIDTH: usize = 4;

/// The widest indentation level in spaces.
pub const MAX_SPACES: usize = 32;

/// One level of indentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Indent {
    /// A tab, as Zoho's editor writes (counted as [`TAB_WIDTH`] columns).
    #[default]
    Tab,
    /// This many spaces (at most [`MAX_SPACES`]; more count as that many).
    Spaces(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FmtOptions {
    pub indent: Indent,
    /// Lines longer than this are broken where the grammar allows.
    pub line_width: usize,
}

impl Default for FmtOptions {
    fn default() -> Self {
        FmtOptions {
            indent: Indent::Tab,
            line_width: DEFAULT_LINE_WIDTH,
        }
    }
}

/// Lays `text` out in the canonical layout.
///
/// Returns the script's diagnostics instead when it has syntax errors
/// (Zoho Creator statements included): such a file is never rewritten.
/// The result always parses to the same tree as `text`; formatting it
/// again gives the same text.
pub fn format_source(text: &str, options: &FmtOptions) -> Result<String, Vec<Diagnostic>> {
    let parsed = deluge_syntax::parse(text);
    if parsed.has_errors() {
        return Err(parsed.diagnostics);
    }
    let source = source::Source::new(text);
    let doc = layout::script(&source, &parsed.script);
    let newline = line_ending(text);
    let mut out = printer::print(&doc, options, newline);
    if !out.is_empty() {
        out.push_str(newline);
    }
    if text.starts_with('\u{FEFF}') {
        out.insert(0, '\u{FEFF}');
    }
    verify(&parsed.script, &out)?;
    Ok(out)
}

/// The line ending of the file: the one its first line ends with.
fn line_ending(text: &str) -> &'static str {
    match text.find('\n') {
        Some(at) if text[..at].ends_with('\r') => "\r\n",
        _ => "\n",
    }
}

/// The guard that keeps formatting from changing a program: the output
/// must parse, without errors, to the tree the input parsed to.
fn verify(original: &deluge_syntax::ast::Script, out: &str) -> Result<(), Vec<Diagnostic>> {
    let again = deluge_syntax::parse(out);
    if !again.has_errors() && dump::script(&again.script) == dump::script(original) {
        return Ok(());
    }
    Err(vec![
        Diagnostic::error(
            codes::FORMAT_CHANGES_PROGRAM,
            "the formatted script would not be the same program; the file is left as it is",
        )
        .with_primary(Span::point(0), "")
        .with_note("this is a bug in `deluge fmt`; please report it with the script"),
    ])
}
