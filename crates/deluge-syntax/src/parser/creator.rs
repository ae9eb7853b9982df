//! Zoho Creator statements (language spec §7.14, usage.md): recognised so
//! that each is reported once, as E110, instead of as a confusing cascade.
//!
//! Two kinds of recognition:
//! - statements with their own shape (`insert into`, `delete from`,
//!   `alert`, `cancel submit`, `hide x`, `rec.Field = v`, ...) have a
//!   parser here that skips the statement;
//! - expressions (`input.Field`, `Form[criteria]`, `thisapp.ns.fn()`) are
//!   parsed into marker nodes; [`in_stmt`] finds them in a statement's own
//!   expressions and the statement becomes `StmtKind::Creator`.

use super::common::{balanced_noting, err_at, ident, member_name, raw_ident, skip_statement, word};
use super::{Extra, In, PErr, cspan, span};
use crate::ast::{Arg, Expr, ExprKind, Ident, Stmt, StmtKind, TaskValue};
use crate::diagnostic::{Diagnostic, codes};
use crate::span::Span;
use crate::token::Token;
use chumsky::prelude::*;

/// Marker name of a `Form[criteria]` fetch (a `Property` node).
const FETCH: &str = "[criteria]";
/// Marker name of `x[0]`, which is no Deluge at all (rule 5).
const SUBSCRIPT: &str = "[index]";
/// Prefix of the marker name of a `thisapp.ns.fn()` call.
const THISAPP: &str = "thisapp.";

/// The E110 diagnostic for the construct `what`.
pub(super) fn diagnostic(what: &str, at: Span) -> Diagnostic {
    Diagnostic::error(
        codes::CREATOR_STATEMENT,
        format!("Zoho Creator statement, not supported by deluge: {what}"),
    )
    .with_primary(at, "Creator-only")
    .with_note(
        "deluge runs the product-neutral core of Deluge; Creator form and record tasks need Zoho Creator",
    )
}

fn subscript(at: Span) -> Diagnostic {
    Diagnostic::error(
        codes::UNEXPECTED_TOKEN,
        "Deluge has no `[ ]` subscript operator",
    )
    .with_primary(at, "not valid here")
    .with_help("use `list.get(index)` or `map.get(key)`")
}

/// `[ ... ]` after a name: returns its span and whether it holds a
/// condition (a Creator fetch) rather than an index.
pub(super) fn criteria<'a, E: PErr<'a>>()
-> impl Parser<'a, In<'a>, (SimpleSpan, bool), Extra<'a, E>> + Clone {
    balanced_noting(Token::LBracket, Some(Token::RBracket), is_condition)
}

/// A token that only a condition has: a comparison, `=`, `&&`, `||`, or
/// Creator's `sort by`.
fn is_condition(token: &Token<'_>) -> bool {
    match token {
        Token::Assign
        | Token::EqEq
        | Token::NotEq
        | Token::Lt
        | Token::Le
        | Token::Gt
        | Token::Ge
        | Token::AndAnd
        | Token::OrOr => true,
        Token::Ident(w) => w.eq_ignore_ascii_case("sort"),
        _ => false,
    }
}

/// Folds `name[...]` into a marker node (see [`in_stmt`]).
pub(super) fn fetch<'a, E: PErr<'a>>(
    receiver: Expr,
    (s, condition): (SimpleSpan, bool),
    e: &mut chumsky::input::MapExtra<'a, '_, In<'a>, Extra<'a, E>>,
) -> Expr {
    let name = if condition { FETCH } else { SUBSCRIPT };
    Expr {
        kind: ExprKind::Property {
            receiver: Box::new(receiver),
            name: Ident {
                name: name.to_owned(),
                span: span(s),
            },
        },
        span: span(e.span()),
    }
}

/// `thisapp.ns.fn(args)`: parsed so the whole call is one marker.
pub(super) fn thisapp_call<'a, E: PErr<'a>>(
    args: Boxed<'a, 'a, In<'a>, Vec<Arg>, Extra<'a, E>>,
) -> impl Parser<'a, In<'a>, Expr, Extra<'a, E>> + Clone {
    just(Token::ThisApp)
        .ignore_then(
            just(Token::Dot)
                .ignore_then(member_name())
                .repeated()
                .collect::<Vec<Ident>>(),
        )
        .then(args.or_not())
        .map_with(|(path, args), e| {
            let mut name = String::from("thisapp");
            for p in &path {
                name.push('.');
                name.push_str(&p.name);
            }
            let name = Ident {
                name,
                span: span(e.span()),
            };
            let kind = match args {
                Some(args) => ExprKind::Call { name, args },
                None => ExprKind::Var(name),
            };
            Expr {
                kind,
                span: span(e.span()),
            }
        })
}

/// What a marker found in an expression is.
pub(super) enum Found {
    Creator(Creator),
    Subscript(Span),
}

/// A Creator construct found in an expression.
pub(super) struct Creator {
    pub what: String,
    pub at: Span,
    /// `x.name` may be a method call missing its parentheses.
    pub method: Option<String>,
}

impl Creator {
    fn found(what: String, at: Span) -> Found {
        Found::Creator(Creator {
            what,
            at,
            method: None,
        })
    }

    /// The E110 diagnostic, with the way to call a method when `x.name`
    /// may have meant one.
    pub fn diagnostic(&self) -> Diagnostic {
        let d = diagnostic(&self.what, self.at);
        match &self.method {
            Some(call) => d.with_help(format!(
                "outside Zoho Creator this is a method call missing its parentheses: `{call}`"
            )),
            None => d,
        }
    }
}

/// The first Creator marker in `expr`, if any (E110 only).
pub(super) fn in_expr(expr: &Expr) -> Option<Creator> {
    match find(expr)? {
        Found::Creator(creator) => Some(creator),
        Found::Subscript(_) => None,
    }
}

fn is_error_property(name: &str) -> bool {
    name.eq_ignore_ascii_case("message") || name.eq_ignore_ascii_case("lineNo")
}

/// Looks for a marker, depth first, left to right.
fn find(expr: &Expr) -> Option<Found> {
    match &expr.kind {
        ExprKind::Property { receiver, name } => {
            if name.name == SUBSCRIPT {
                return Some(Found::Subscript(name.span));
            }
            if name.name == FETCH {
                let form = describe(receiver);
                return Some(Creator::found(
                    format!("`{form}[...]` record fetch"),
                    expr.span,
                ));
            }
            if let Some(found) = find(receiver) {
                return Some(found);
            }
            if !is_error_property(&name.name) {
                let target = describe(receiver);
                return Some(Found::Creator(Creator {
                    what: format!("`{target}.{}` field access", name.name),
                    at: expr.span,
                    method: Some(format!("{target}.{}()", name.name)),
                }));
            }
            None
        }
        ExprKind::Call { name, args } if name.name.starts_with(THISAPP) => {
            let _ = args;
            Some(Creator::found(format!("`{}()` call", name.name), expr.span))
        }
        ExprKind::Var(name) if name.name.starts_with(THISAPP) => {
            Some(Creator::found(format!("`{}`", name.name), expr.span))
        }
        _ => children(expr).into_iter().find_map(find),
    }
}

/// A short text for the receiver of a field access (`input`, `rec`).
fn describe(expr: &Expr) -> String {
    match &expr.kind {
        ExprKind::Var(id) => id.name.clone(),
        ExprKind::Property { receiver, name } => format!("{}.{}", describe(receiver), name.name),
        _ => "...".to_owned(),
    }
}

fn arg_exprs(args: &[Arg]) -> impl Iterator<Item = &Expr> {
    args.iter()
        .flat_map(|a| a.key.iter().chain(std::iter::once(&a.value)))
}

/// The direct sub-expressions of `expr`, left to right.
fn children(expr: &Expr) -> Vec<&Expr> {
    match &expr.kind {
        ExprKind::Call { args, .. }
        | ExprKind::ZohoCall { args, .. }
        | ExprKind::TypedList { args, .. } => arg_exprs(args).collect(),
        ExprKind::MethodCall { receiver, args, .. } => std::iter::once(&**receiver)
            .chain(arg_exprs(args))
            .collect(),
        ExprKind::Property { receiver, .. } => vec![receiver],
        ExprKind::Unary { operand, .. } => vec![operand],
        ExprKind::Binary { lhs, rhs, .. } => vec![lhs, rhs],
        ExprKind::IfFn {
            cond,
            then,
            otherwise,
        } => vec![cond, then, otherwise],
        ExprKind::IfNull { value, fallback } => vec![value, fallback],
        ExprKind::IsNull { value, .. } => vec![value],
        ExprKind::In {
            needle, haystack, ..
        } => vec![needle, haystack],
        ExprKind::List(items) => items.iter().collect(),
        ExprKind::Map(entries) => entries.iter().flat_map(|e| [&e.key, &e.value]).collect(),
        _ => Vec::new(),
    }
}

/// The expressions that belong to the statement itself (not to nested
/// blocks, whose statements are checked on their own).
fn own_exprs(stmt: &Stmt) -> Vec<&Expr> {
    match &stmt.kind {
        StmtKind::Assign { value, .. } => vec![value],
        StmtKind::Expr(x) | StmtKind::Info(x) | StmtKind::Return(Some(x)) => vec![x],
        StmtKind::If { branches, .. } => branches.iter().map(|b| &b.condition).collect(),
        StmtKind::ForEach { iterable, .. } => vec![iterable],
        StmtKind::AssignTask { task, .. } | StmtKind::Task(task) => task
            .params
            .iter()
            .flat_map(|p| match &p.value {
                TaskValue::Expr(x) => vec![x],
                TaskValue::Attachments(xs) => xs.iter().collect(),
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// Turns a statement that contains a marker into `Creator` (E110) or
/// `Error` (a subscript, E101), reporting it once.
pub(super) fn check_stmt(stmt: Stmt, mut emit: impl FnMut(SimpleSpan, Diagnostic)) -> Stmt {
    let found = own_exprs(&stmt).into_iter().find_map(find);
    match found {
        None => stmt,
        Some(Found::Creator(creator)) => {
            emit(cspan(creator.at), creator.diagnostic());
            Stmt {
                kind: StmtKind::Creator { what: creator.what },
                span: stmt.span,
            }
        }
        Some(Found::Subscript(at)) => {
            emit(cspan(at), subscript(at));
            Stmt {
                kind: StmtKind::Error,
                span: stmt.span,
            }
        }
    }
}

fn creator_stmt(what: &str, s: SimpleSpan) -> Stmt {
    Stmt {
        kind: StmtKind::Creator {
            what: what.to_owned(),
        },
        span: span(s),
    }
}

/// Statements of Creator's own shapes; each skips to its end.
pub(super) fn creator_statement<'a, E: PErr<'a>>()
-> impl Parser<'a, In<'a>, Stmt, Extra<'a, E>> + Clone {
    let not_assign = none_of([
        Token::Assign,
        Token::PlusEq,
        Token::MinusEq,
        Token::StarEq,
        Token::SlashEq,
        Token::PercentEq,
        Token::Dot,
    ])
    .rewind();
    let before_name = select! { Token::Ident(_) => () }.rewind();
    let shaped = choice((
        word("insert")
            .then(word("into"))
            .then(ident())
            .then(super::common::balanced(Token::LBracket))
            .then(just(Token::Semi).or_not())
            .to("`insert into` (add a form record)"),
        word("delete")
            .then(word("from"))
            .then(skip_statement())
            .to("`delete from` (delete form records)"),
        word("fetch")
            .then(word("records"))
            .then(skip_statement())
            .to("`fetch records`"),
        word("cancel")
            .then(word("submit"))
            .then(skip_statement())
            .to("`cancel submit`"),
        word("alert")
            .then(not_assign)
            .then(skip_statement())
            .to("`alert`"),
        choice((
            word("hide").to("`hide` (hide a form field)"),
            word("show").to("`show` (show a form field)"),
            word("enable").to("`enable` (enable a form field)"),
            word("disable").to("`disable` (disable a form field)"),
            word("set").to("`set` (set a form field)"),
            word("clear").to("`clear` (clear a form field)"),
            word("reload").to("`reload`"),
        ))
        .then_ignore(before_name.or(just(Token::Semi).rewind().ignored()))
        .then_ignore(skip_statement()),
    ));
    let field_write = raw_ident()
        .then_ignore(just(Token::Dot))
        .then(raw_ident())
        .then_ignore(
            one_of([
                Token::Assign,
                Token::PlusEq,
                Token::MinusEq,
                Token::StarEq,
                Token::SlashEq,
                Token::PercentEq,
            ])
            .rewind(),
        )
        .then_ignore(skip_statement())
        .map(|((target, _), (field, _))| format!("`{target}.{field}` field assignment"));
    shaped
        .map(str::to_owned)
        .or(field_write)
        .validate(|what, e, emitter| {
            let s = e.span();
            emitter.emit(err_at(s, diagnostic(&what, span(s))));
            creator_stmt(&what, s)
        })
}

/// `x = insert into Form [ ... ]`: the value side of an assignment.
pub(super) fn insert_value<'a, E: PErr<'a>>()
-> impl Parser<'a, In<'a>, SimpleSpan, Extra<'a, E>> + Clone {
    word("insert")
        .then(word("into"))
        .then(ident())
        .then(super::common::balanced(Token::LBracket))
        .map_with(|_, e| e.span())
}
