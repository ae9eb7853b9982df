//! The parser: chumsky combinators over the lexer's token vector.
//!
//! One function per production of `docs/grammar.md`, named after it.
//! Expressions use chumsky's `pratt` for operators and a postfix loop for
//! `.method()` chains. Errors are chumsky `Rich` errors whose custom payload
//! is our own [`Diagnostic`]; `error.rs` turns all of them into diagnostics.

mod collection;
mod common;
mod creator;
mod error;
mod expr;
mod foreign;
mod function;
mod stmt;
mod task;

use crate::ast;
use crate::diagnostic::Diagnostic;
use crate::lexer::{self, Lexed};
use crate::span::Span;
use crate::token::Token;
use chumsky::error::{EmptyErr, LabelError, RichPattern};
use chumsky::input::{Input as _, MappedInput};
use chumsky::inspector::SimpleState;
use chumsky::prelude::*;

/// The input the parsers read: tokens with chumsky spans.
pub(crate) type In<'a> = MappedInput<'a, Token<'a>, SimpleSpan, &'a [(Token<'a>, SimpleSpan)]>;
/// The detailed parse error; custom errors carry a finished [`Diagnostic`].
pub(crate) type RichErr<'a> = Rich<'a, Token<'a>, SimpleSpan, Diagnostic>;
/// Parser extras: an error type and read-only layout facts as state.
pub(crate) type Extra<'a, E> = extra::Full<E, SimpleState<Layout<'a>>, ()>;

/// What the parsers need of their error type. The parsers are generic over
/// it so that a script can first be parsed with chumsky's zero-sized
/// [`EmptyErr`], which makes failed alternatives nearly free; only a script
/// that has a mistake is parsed again with [`RichErr`] to describe it.
pub(crate) trait PErr<'a>:
    chumsky::error::Error<'a, In<'a>>
    + LabelError<'a, In<'a>, chumsky::DefaultExpected<'a, Token<'a>>>
    + LabelError<'a, In<'a>, &'static str>
    + LabelError<'a, In<'a>, RichPattern<'a, Token<'a>>>
    + 'a
{
    /// An error that carries a finished diagnostic.
    fn diagnostic(at: SimpleSpan, diag: Diagnostic) -> Self;
}

impl<'a> PErr<'a> for RichErr<'a> {
    fn diagnostic(at: SimpleSpan, diag: Diagnostic) -> Self {
        Rich::custom(at, diag)
    }
}

impl<'a> PErr<'a> for EmptyErr {
    fn diagnostic(_: SimpleSpan, _: Diagnostic) -> Self {
        EmptyErr::default()
    }
}

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
    let functions = function::looks_like_function_script(&lexed.tokens);
    // Fast path: most scripts are correct, and a correct script parses the
    // same with either error type.
    if lexed.diagnostics.is_empty() {
        let (body, errors) = run::<EmptyErr>(source, &prepared, functions);
        if errors.is_empty()
            && let Some(body) = body
        {
            return (script(body, source), Vec::new());
        }
    }
    let (body, errors) = run::<RichErr<'_>>(source, &prepared, functions);
    let body = body.unwrap_or_else(|| ast::ScriptBody::Statements(Vec::new()));
    let diagnostics = error::collect(source, &lexed, errors);
    (script(body, source), diagnostics)
}

fn script(body: ast::ScriptBody, source: &str) -> ast::Script {
    ast::Script {
        body,
        span: Span::new(0, source.len()),
    }
}

/// One parse of the prepared tokens with the error type `E`.
fn run<'a, E: PErr<'a>>(
    source: &str,
    prepared: &'a Prepared<'a>,
    functions: bool,
) -> (Option<ast::ScriptBody>, Vec<E>) {
    let eoi = source.len();
    let mut state = SimpleState(Layout {
        tokens: &prepared.tokens,
        newline_before: &prepared.newline_before,
    });
    let input = prepared
        .tokens
        .as_slice()
        .split_token_span(SimpleSpan::from(eoi..eoi));
    if functions {
        function::function_script::<E>()
            .parse_with_state(input, &mut state)
            .into_output_errors()
    } else {
        stmt::statement_script::<E>()
            .parse_with_state(input, &mut state)
            .into_output_errors()
    }
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
    let (output, errors) = expr::standalone_expression::<RichErr<'_>>()
        .parse_with_state(input, &mut state)
        .into_output_errors();
    let diagnostics = error::collect(source, &lexed, errors);
    let has_errors = diagnostics.iter().any(Diagnostic::is_error);
    (output.filter(|_| !has_errors), diagnostics)
}

pub(crate) fn cspan(s: Span) -> SimpleSpan {
    SimpleSpan::from(s.start..s.end)
}
