//! Collection literals (language spec §2.4.5): `{a, b}`, `{k: v}`, `{}`
//! and `[a, b]`.

use super::common::{err_at, error_expr};
use super::expr::ExprParser;
use super::{Extra, In, PErr, span};
use crate::ast::{Expr, ExprKind, MapEntry};
use crate::diagnostic::{Diagnostic, codes};
use crate::token::Token;
use chumsky::prelude::*;

fn boxed(kind: ExprKind, s: SimpleSpan) -> Expr {
    Expr {
        kind,
        span: span(s),
    }
}

/// A `,` before a closing bracket: an error (our choice, §2.4.5), reported
/// once; parsing carries on.
pub(super) fn trailing_comma<'a, E: PErr<'a>>() -> impl Parser<'a, In<'a>, (), Extra<'a, E>> + Clone
{
    just(Token::Comma)
        .then(one_of([Token::RParen, Token::RBrace, Token::RBracket]).rewind())
        .validate(|_, e, emitter| {
            let s = e.span();
            emitter.emit(err_at(
                s,
                Diagnostic::error(codes::UNEXPECTED_TOKEN, "trailing comma is not allowed")
                    .with_primary(span(s), "remove this `,`"),
            ));
        })
        .or_not()
        .ignored()
}

/// `brace_literal`: `{}`, `{a, b}` or `{k: v, ...}`; the first element
/// decides between list and map, and mixing is E113.
pub(super) fn brace_literal<'a, E: PErr<'a>>(
    expr: ExprParser<'a, E>,
) -> impl Parser<'a, In<'a>, Expr, Extra<'a, E>> + Clone {
    let entry = expr
        .clone()
        .then(just(Token::Colon).ignore_then(expr).or_not())
        .map_with(|(first, second), e| (first, second, e.span()));
    entry
        .separated_by(just(Token::Comma))
        .collect::<Vec<_>>()
        .then_ignore(trailing_comma())
        .delimited_by(just(Token::LBrace), just(Token::RBrace))
        .validate(|entries, e, emitter| {
            let s = e.span();
            collection(entries, s, |at, diag| emitter.emit(err_at(at, diag)))
        })
        .recover_with(via_parser(nested_delimiters(
            Token::LBrace,
            Token::RBrace,
            [
                (Token::LParen, Token::RParen),
                (Token::LBracket, Token::RBracket),
            ],
            error_expr,
        )))
}

type Entry = (Expr, Option<Expr>, SimpleSpan);

fn collection(
    entries: Vec<Entry>,
    whole: SimpleSpan,
    mut emit: impl FnMut(SimpleSpan, Diagnostic),
) -> Expr {
    let Some(first) = entries.first() else {
        return boxed(ExprKind::EmptyBraces, whole);
    };
    let is_map = first.1.is_some();
    if let Some(odd) = entries.iter().find(|en| en.1.is_some() != is_map) {
        let (shape, this) = if is_map {
            (
                "a map (its first entry is `key : value`)",
                "this entry has no key",
            )
        } else {
            (
                "a list (its first element has no key)",
                "this element has a key",
            )
        };
        emit(
            odd.2,
            Diagnostic::error(
                codes::MIXED_COLLECTION_LITERAL,
                "list elements and map entries mixed in one literal",
            )
            .with_primary(span(odd.2), this)
            .with_secondary(span(first.2), format!("this makes the literal {shape}"))
            .with_help("write every entry as `key : value` for a map, or none for a list"),
        );
    }
    if is_map {
        let map = entries
            .into_iter()
            .filter_map(|(key, value, s)| {
                value.map(|value| MapEntry {
                    key,
                    value,
                    span: span(s),
                })
            })
            .collect();
        boxed(ExprKind::Map(map), whole)
    } else {
        let list = entries.into_iter().map(|(x, _, _)| x).collect();
        boxed(ExprKind::List(list), whole)
    }
}

/// `list_literal = "[" [ expression { "," expression } ] "]"`.
pub(super) fn list_literal<'a, E: PErr<'a>>(
    expr: ExprParser<'a, E>,
) -> impl Parser<'a, In<'a>, Expr, Extra<'a, E>> + Clone {
    expr.separated_by(just(Token::Comma))
        .collect::<Vec<_>>()
        .then_ignore(trailing_comma())
        .delimited_by(just(Token::LBracket), just(Token::RBracket))
        .map_with(|items, e| boxed(ExprKind::List(items), e.span()))
        .recover_with(via_parser(nested_delimiters(
            Token::LBracket,
            Token::RBracket,
            [
                (Token::LParen, Token::RParen),
                (Token::LBrace, Token::RBrace),
            ],
            error_expr,
        )))
}
