//! Function-definition scripts (language spec §3 `function_def`, rule 10,
//! §8).

use super::common::{err_at, ident, member_name, variable_name};
use super::stmt::{statement_and_block, stray_closer};
use super::{Extra, In, PErr, cspan, span};
use crate::ast::{FunctionDef, Param, ScriptBody, Stmt, StmtKind, TypeKind, TypeName};
use crate::diagnostic::{Diagnostic, codes};
use crate::span::Span;
use crate::token::Token;
use chumsky::prelude::*;

/// Length of the type name starting at `tokens[0]` (`void`, a §8.2 name,
/// or `key-value`), or `None`.
fn type_len(tokens: &[(Token<'_>, Span)]) -> Option<usize> {
    match tokens {
        [(Token::Void, _), ..] => Some(1),
        [
            (Token::Ident(k), _),
            (Token::Minus, _),
            (Token::Ident(v), _),
            ..,
        ] if k.eq_ignore_ascii_case("key") && v.eq_ignore_ascii_case("value") => Some(3),
        [(Token::Ident(name), _), ..] if TypeKind::from_name(name).is_some() => Some(1),
        _ => None,
    }
}

/// Rule 10: the script is a sequence of function definitions iff it starts
/// with `TYPE IDENT "("` or `TYPE IDENT "." IDENT "("`.
pub(super) fn looks_like_function_script(tokens: &[(Token<'_>, Span)]) -> bool {
    let Some(n) = type_len(tokens) else {
        return false;
    };
    matches!(
        &tokens[n..],
        [(Token::Ident(_), _), (Token::LParen, _), ..]
            | [
                (Token::Ident(_), _),
                (Token::Dot, _),
                (_, _),
                (Token::LParen, _),
                ..
            ]
    )
}

/// `return_type` / a parameter's `TYPE_NAME`: a §8.2 name in any case,
/// `key-value`, or (for return types) `void`.
fn type_name<'a, E: PErr<'a>>() -> impl Parser<'a, In<'a>, TypeName, Extra<'a, E>> + Clone {
    let key_value = select! { Token::Ident(k) if k.eq_ignore_ascii_case("key") => () }
        .then(just(Token::Minus))
        .then(select! { Token::Ident(v) if v.eq_ignore_ascii_case("value") => () })
        .map_with(|_, e| TypeName {
            kind: TypeKind::Map,
            text: "key-value".to_owned(),
            span: span(e.span()),
        });
    let named = select! {
        Token::Ident(name) = e if TypeKind::from_name(name).is_some() => TypeName {
            kind: TypeKind::from_name(name).unwrap_or(TypeKind::Text),
            text: name.to_owned(),
            span: span(e.span()),
        },
        Token::Void = e => TypeName {
            kind: TypeKind::Void,
            text: "void".to_owned(),
            span: span(e.span()),
        },
    };
    key_value.or(named).labelled("a type name")
}

/// `param = TYPE_NAME IDENT`. A `void` parameter is E115.
fn param<'a, E: PErr<'a>>() -> impl Parser<'a, In<'a>, Param, Extra<'a, E>> + Clone {
    type_name()
        .then(variable_name())
        .validate(|(ty, name), e, emitter| {
            if ty.kind == TypeKind::Void {
                emitter.emit(err_at(
                    cspan(ty.span),
                    Diagnostic::error(codes::BAD_FUNCTION_HEADER, "a parameter cannot be `void`")
                        .with_primary(ty.span, "not a parameter type"),
                ));
            }
            Param {
                ty,
                name,
                span: span(e.span()),
            }
        })
}

/// `function_def = return_type [ category "." ] IDENT "(" [ param { "," param } ] ")" block`.
fn function_def<'a, E: PErr<'a>>() -> impl Parser<'a, In<'a>, FunctionDef, Extra<'a, E>> + Clone {
    let (_, block) = statement_and_block();
    let name = ident()
        .then(just(Token::Dot).ignore_then(member_name()).or_not())
        .map(|(first, second)| match second {
            Some(name) => (Some(first), name),
            None => (None, first),
        });
    let params = param()
        .separated_by(just(Token::Comma))
        .collect::<Vec<_>>()
        .delimited_by(just(Token::LParen), just(Token::RParen));
    let header = type_name()
        .then(name)
        .then(params)
        .map_with(|header, e| (header, e.span()))
        .labelled("a function header")
        .as_context();
    header.then(block).map_with(
        |((((return_type, (category, name)), params), header), body), e| FunctionDef {
            return_type,
            category,
            name,
            params,
            body,
            header_span: span(header),
            span: span(e.span()),
        },
    )
}

/// A top-level statement in a file of functions: parsed (so its own
/// mistakes are reported) and reported as E116.
fn stray_statement<'a, E: PErr<'a>>()
-> impl Parser<'a, In<'a>, Option<FunctionDef>, Extra<'a, E>> + Clone {
    let (statement, _) = statement_and_block();
    statement.validate(|s: Stmt, _, emitter| {
        if !matches!(s.kind, StmtKind::Error | StmtKind::Creator { .. }) {
            emitter.emit(err_at(
                cspan(s.span),
                Diagnostic::error(
                    codes::STATEMENT_OUTSIDE_FUNCTION,
                    "statement outside a function definition",
                )
                .with_primary(s.span, "not inside any function")
                .with_help("a file that defines functions may contain only function definitions; move this into a function body"),
            ));
        }
        None
    })
}

/// `script = function_def { function_def }`; duplicates are E117.
pub(super) fn function_script<'a, E: PErr<'a>>() -> impl Parser<'a, In<'a>, ScriptBody, Extra<'a, E>>
{
    let item = function_def()
        .map(Some)
        .or(stray_closer(true).to(None))
        .or(stray_statement());
    item.repeated()
        .collect::<Vec<Option<FunctionDef>>>()
        .then_ignore(end())
        .validate(|items, _, emitter| {
            let defs: Vec<FunctionDef> = items.into_iter().flatten().collect();
            report_duplicates(&defs, |at, d| emitter.emit(err_at(at, d)));
            ScriptBody::Functions(defs)
        })
}

fn report_duplicates(defs: &[FunctionDef], mut emit: impl FnMut(SimpleSpan, Diagnostic)) {
    for (i, f) in defs.iter().enumerate() {
        let name = f.full_name();
        let earlier = defs[..i]
            .iter()
            .find(|g| g.full_name().eq_ignore_ascii_case(&name));
        if let Some(first) = earlier {
            emit(
                cspan(f.name.span),
                Diagnostic::error(
                    codes::DUPLICATE_FUNCTION,
                    format!("function `{name}` is defined twice"),
                )
                .with_primary(f.name.span, "defined again here")
                .with_secondary(first.name.span, "first defined here"),
            );
        }
    }
}
