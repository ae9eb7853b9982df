//! Task blocks: `invokeurl [ ... ]` and `sendmail [ ... ]` (language spec
//! §3 `task_block`, §7.10, §7.11).

use super::common::{balanced, err_at, error_expr, word};
use super::expr::ExprParser;
use super::{Extra, In, PErr, cspan, span};
use crate::ast::{Expr, TaskBlock, TaskKey, TaskKind, TaskParam, TaskValue};
use crate::diagnostic::{Diagnostic, codes};
use crate::token::Token;
use chumsky::prelude::*;

/// `task_block = ( "invokeurl" | "sendmail" ) "[" { task_param [ "," ] } "]"`.
pub(super) fn task_block<'a, E: PErr<'a>>(
    expr: ExprParser<'a, E>,
) -> impl Parser<'a, In<'a>, TaskBlock, Extra<'a, E>> + Clone {
    let kind = select! {
        Token::InvokeUrl => TaskKind::InvokeUrl,
        Token::SendMail => TaskKind::SendMail,
    }
    .map_with(|k, e| (k, e.span()));
    let param = task_param(expr).map(Some).or(bad_param().to(None));
    let params = param
        .then_ignore(just(Token::Comma).or_not())
        .repeated()
        .collect::<Vec<Option<TaskParam>>>()
        .map(|ps| ps.into_iter().flatten().collect::<Vec<_>>())
        .delimited_by(just(Token::LBracket), just(Token::RBracket))
        .validate(|params, _, emitter| {
            report_duplicates(&params, |at, d| emitter.emit(err_at(at, d)));
            params
        })
        .recover_with(via_parser(nested_delimiters(
            Token::LBracket,
            Token::RBracket,
            [
                (Token::LParen, Token::RParen),
                (Token::LBrace, Token::RBrace),
            ],
            |_| Vec::new(),
        )));
    kind.then(params)
        .map_with(|((kind, keyword_span), params), e| TaskBlock {
            kind,
            keyword_span: span(keyword_span),
            params,
            span: span(e.span()),
        })
}

/// `PARAM_KEY = WORD { ( "-" | " " ) WORD }`, normalised to lower case.
fn param_key<'a, E: PErr<'a>>() -> impl Parser<'a, In<'a>, TaskKey, Extra<'a, E>> + Clone {
    let word = select! { Token::Ident(w) => w };
    let joined = just(Token::Minus).to('-').or_not().then(word);
    word.then(joined.repeated().collect::<Vec<_>>())
        .map_with(|(first, rest), e| {
            let mut name = first.to_ascii_lowercase();
            for (dash, w) in rest {
                name.push(dash.unwrap_or(' '));
                name.push_str(&w.to_ascii_lowercase());
            }
            TaskKey {
                name,
                span: span(e.span()),
            }
        })
        .labelled("a parameter name")
}

/// The start of a parameter: a key and its `:`. Values end where one starts.
fn next_param<'a, E: PErr<'a>>() -> impl Parser<'a, In<'a>, (), Extra<'a, E>> + Clone {
    param_key().then(just(Token::Colon)).ignored()
}

/// `task_param = PARAM_KEY ":" task_value`.
fn task_param<'a, E: PErr<'a>>(
    expr: ExprParser<'a, E>,
) -> impl Parser<'a, In<'a>, TaskParam, Extra<'a, E>> + Clone {
    param_key()
        .then_ignore(just(Token::Colon))
        .then(task_value(expr))
        .map_with(|(key, value), e| TaskParam {
            key,
            value,
            span: span(e.span()),
        })
}

/// `task_value = attach_items | expression` (a bare word such as `GET` is
/// an ordinary variable expression; the runtime gives it meaning).
fn task_value<'a, E: PErr<'a>>(
    expr: ExprParser<'a, E>,
) -> impl Parser<'a, In<'a>, TaskValue, Extra<'a, E>> + Clone {
    let value = expr.clone().recover_with(via_parser(
        skip_value().map_with(|_, e| error_expr(e.span())),
    ));
    attach_items(expr)
        .map(TaskValue::Attachments)
        .or(value.map(TaskValue::Expr))
}

/// `attach_items = attach_item { "," attach_item }`, `attach_item = "file" ":" expression`.
fn attach_items<'a, E: PErr<'a>>(
    expr: ExprParser<'a, E>,
) -> impl Parser<'a, In<'a>, Vec<Expr>, Extra<'a, E>> + Clone {
    word("file")
        .ignore_then(just(Token::Colon))
        .ignore_then(expr)
        .separated_by(just(Token::Comma))
        .at_least(1)
        .collect()
}

/// One token, or a whole bracket group, that does not start the next
/// parameter and is not the block's closing `]`.
fn skipped_piece<'a, E: PErr<'a>>() -> impl Parser<'a, In<'a>, (), Extra<'a, E>> + Clone {
    let group = balanced(Token::LParen)
        .or(balanced(Token::LBrace))
        .or(balanced(Token::LBracket))
        .ignored();
    let single = none_of([
        Token::RBracket,
        Token::RParen,
        Token::RBrace,
        Token::LParen,
        Token::LBrace,
        Token::LBracket,
    ])
    .ignored();
    next_param().not().ignore_then(group.or(single))
}

/// Skips a broken value up to the next parameter or the closing `]`.
fn skip_value<'a, E: PErr<'a>>() -> impl Parser<'a, In<'a>, (), Extra<'a, E>> + Clone {
    skipped_piece().repeated().at_least(1).ignored()
}

/// A parameter that does not start with `key :`: reported once (E108) and
/// skipped up to the next parameter.
fn bad_param<'a, E: PErr<'a>>() -> impl Parser<'a, In<'a>, (), Extra<'a, E>> + Clone {
    skipped_piece()
        .repeated()
        .at_least(1)
        .validate(|_, e, emitter| {
            let s = e.span();
            emitter.emit(err_at(
                s,
                Diagnostic::error(codes::BAD_TASK_KEY, "malformed task-block parameter")
                    .with_primary(span(s), "expected `key: value`")
                    .with_help("write each parameter as a name, a `:` and a value, e.g. `url: \"https://example.com\"`"),
            ));
        })
}

/// A key given twice in one block is E109 (our choice, §7.10).
fn report_duplicates(params: &[TaskParam], mut emit: impl FnMut(SimpleSpan, Diagnostic)) {
    for (i, p) in params.iter().enumerate() {
        if let Some(first) = params[..i].iter().find(|q| q.key.name == p.key.name) {
            let at = p.key.span;
            emit(
                cspan(at),
                Diagnostic::error(
                    codes::DUPLICATE_TASK_KEY,
                    format!("task-block key `{}` given twice", p.key.name),
                )
                .with_primary(at, "given again here")
                .with_secondary(first.key.span, "first given here")
                .with_help("keep one of the two"),
            );
        }
    }
}
