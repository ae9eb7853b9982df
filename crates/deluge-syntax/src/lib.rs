//! The Deluge front end: source text → tokens (logos) → AST (chumsky) with
//! byte spans, plus the [`Diagnostic`] type and its one renderer.
//!
//! This crate knows nothing of evaluation, HTTP or the command line.
//! [`parse`] never panics: whatever the input, it returns the tree it could
//! build and every diagnostic it found.

pub mod ast;
pub mod diagnostic;
pub mod span;

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
}

/// Parses a whole script.
pub fn parse(source: &str) -> Parse {
    // Placeholder until the parser lands: an empty script.
    Parse {
        script: ast::Script {
            body: ast::ScriptBody::Statements(Vec::new()),
            span: Span::new(0, source.len()),
        },
        diagnostics: Vec::new(),
    }
}
