//! The Deluge front end: source text → tokens (logos) → AST (chumsky) with
//! byte spans, plus the [`Diagnostic`] type and its one renderer.
//!
//! This crate knows nothing of evaluation, HTTP or the command line.
//! [`parse`] never panics: whatever the input, it returns the tree it could
//! build and every diagnostic it found. No chumsky or logos type appears in
//! the public API.

pub mod ast;
pub mod diagnostic;
pub mod dump;
pub mod lexical;
pub mod render;
pub mod span;

mod escape;
mod foreign;
mod lexer;
mod nesting;
mod parser;
mod token;

pub use diagnostic::{Diagnostic, Label, Severity, codes};
pub use span::{LineIndex, Span};

/// The result of parsing a file: a tree (with `Error` nodes where the parser
/// recovered) and every diagnostic, in source order.
#[derive(Debug, Clone)]
pub struct Parse {
    pub script: ast::Script,
    pub diagnostics: Vec<Diagnostic>,
}

impl Parse {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// True when the script is unfinished rather than wrong: it has errors
    /// and every one of them is at the end of the input (an open brace,
    /// bracket, text or comment, a trailing operator, a missing final `;`).
    /// A REPL uses this to ask for a continuation line.
    pub fn is_incomplete(&self, source: &str) -> bool {
        is_incomplete(&self.diagnostics, source)
    }
}

/// Parses a whole script.
pub fn parse(source: &str) -> Parse {
    let (script, diagnostics) = parser::parse_script(source);
    Parse {
        script,
        diagnostics,
    }
}

/// Parses `source` as one expression (a final `;` is allowed), for a REPL
/// that evaluates bare expressions such as `1 + 2`. The expression is
/// `Some` exactly when there is no error.
pub fn parse_expression(source: &str) -> (Option<ast::Expr>, Vec<Diagnostic>) {
    parser::parse_expression(source)
}

/// [`Parse::is_incomplete`] for any list of diagnostics, such as the one
/// [`parse_expression`] returns.
pub fn is_incomplete(diagnostics: &[Diagnostic], source: &str) -> bool {
    let end = source.trim_end().len();
    let mut errors = diagnostics.iter().filter(|d| d.is_error()).peekable();
    errors.peek().is_some()
        && errors.all(|d| match d.code {
            codes::UNTERMINATED_TEXT | codes::UNTERMINATED_COMMENT => true,
            codes::UNCLOSED_DELIMITER => d.labels.iter().any(|l| !l.primary && l.span.start >= end),
            _ => d.primary_span().start >= end,
        })
}
