//! The parser: chumsky combinators over the lexer's token vector.
//!
//! One function per production of `docs/grammar.md`, named after it.
//! Expressions use chumsky's `pratt` for operators and a postfix loop for
//! `.method()` chains. Errors are chumsky `Rich` errors whose custom payload
//! is our own [`Diagnostic`]; `error.rs` turns all of them into diagnostics.

mod common;
mod creator;
mod error;
mod expr;
mod function;
mod stmt;
mod task;

use crate::ast;
use crate::diagnostic::Diagnostic;
use crate::lexer::{self, Lexed};
use crate::span::Span;
use crate::token::Token;
use chumsky::input::{Input as _, MappedInput};
use chumsky::inspector::SimpleState;
use chumsky::prelude::*;

/// The input the parsers read: tokens with chumsky spans.
pub(crate) type In<'a> = MappedInput<'a, Token<'a>, SimpleSpan, &'a [(Token<'a>, SimpleSpan)]>;
/// A parse error; custom errors carry a finished [`Diagnostic`].
pub(crate) type PErr<'a> = Rich<'a, Token<'a>, SimpleSpan, Diagnostic>;
/// Parser extras: our error type and read-only layout facts as state.
pub(crate) type Extra<'a> = extra::Full<PErr<'a>, SimpleState<Layout<'a>>, ()>;

/// Facts about the token stream that the grammar alone cannot see.
#[derive(Clone, Copy)]
pub(crate) struct Layout<'a> {
    tokens: &'a [(Token<'a>, SimpleSpan)],
    /// `newline_before[i]`: a line break separates token `i` from the
    /// token before it. A missing `;` is only assumed at a line break.
    newline_before: &'a [bool],
}

impl Layout<'_> {
    fn starts_line(&self, index: usize) -> bool {
        self.newline_before.get(index).copied().unwrap_or(true)
    }

    /// True when the token before `index` was reported by the lexer or
    /// the nesting guard.
    fn follows_reported(&self, index: usize) -> bool {
        index
            .checked_sub(1)
            .and_then(|i| self.tokens.get(i))
            .is_some_and(|(t, _)| matches!(t, Token::Error(_) | Token::Skipped))
    }

    /// Where the token before `index` ends (the point to report a missing
    /// `;` at).
    fn end_before(&self, index: usize) -> usize {
        index
            .checked_sub(1)
            .and_then(|i| self.tokens.get(i))
            .map(|(_, s)| s.end)
            .unwrap_or(0)
    }
}

pub(crate) fn span(s: SimpleSpan) -> Span {
    Span::new(s.start, s.end)
}

/// Tokens prepared for chumsky.
struct Prepared<'a> {
    tokens: Vec<(Token<'a>, SimpleSpan)>,
    newline_before: Vec<bool>,
}

fn prepare<'a>(source: &str, lexed: &Lexed<'a>) -> Prepared<'a> {
    let mut prev_end = 0;
    let mut newline_before = Vec::with_capacity(lexed.tokens.len());
    let tokens = lexed
        .tokens
        .iter()
        .map(|(t, s)| {
            let gap = source.get(prev_end..s.start).unwrap_or("");
            newline_before.push(prev_end == 0 || gap.contains(['\n', '\r']));
            prev_end = s.end;
            (*t, SimpleSpan::from(s.start..s.end))
        })
        .collect();
    Prepared {
        tokens,
        newline_before,
    }
}

/// Lexes and parses a whole script.
pub(crate) fn parse_script(source: &str) -> (ast::Script, Vec<Diagnostic>) {
    let lexed = lexer::lex(source);
    let prepared = prepare(source, &lexed);
    let eoi = source.len();
    let mut state = SimpleState(Layout {
        tokens: &prepared.tokens,
        newline_before: &prepared.newline_before,
    });
    let input = prepared
        .tokens
        .as_slice()
        .split_token_span(SimpleSpan::from(eoi..eoi));
    let functions = function::looks_like_function_script(&lexed.tokens);
    let (output, errors) = if functions {
        function::function_script()
            .parse_with_state(input, &mut state)
            .into_output_errors()
    } else {
        stmt::statement_script()
            .parse_with_state(input, &mut state)
            .into_output_errors()
    };
    let body = output.unwrap_or_else(|| ast::ScriptBody::Statements(Vec::new()));
    let script = ast::Script {
        body,
        span: Span::new(0, eoi),
    };
    let diagnostics = error::collect(source, &lexed, errors);
    (script, diagnostics)
}

/// Lexes and parses a single expression (for a REPL).
pub(crate) fn parse_expression(source: &str) -> (Option<ast::Expr>, Vec<Diagnostic>) {
    let lexed = lexer::lex(source);
    let prepared = prepare(source, &lexed);
    let eoi = source.len();
    let mut state = SimpleState(Layout {
        tokens: &prepared.tokens,
        newline_before: &prepared.newline_before,
    });
    let input = prepared
        .tokens
        .as_slice()
        .split_token_span(SimpleSpan::from(eoi..eoi));
    let (output, errors) = expr::standalone_expression()
        .parse_with_state(input, &mut state)
        .into_output_errors();
    let diagnostics = error::collect(source, &lexed, errors);
    let has_errors = diagnostics.iter().any(Diagnostic::is_error);
    (output.filter(|_| !has_errors), diagnostics)
}

pub(crate) fn cspan(s: Span) -> SimpleSpan {
    SimpleSpan::from(s.start..s.end)
}
