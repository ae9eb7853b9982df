//! Statements of other languages (see `crate::foreign`): `while` loops,
//! C-style and Python-style `for`, `let` / `const` / `var` declarations,
//! `i++`. Each is one E118 diagnostic. Where the intent is clear, the
//! Deluge statement it stands for is built (`let x = 1;` is an
//! assignment, `for x in l { }` a `for each`), so later checks see the
//! variables; otherwise the construct is skipped as one `Error` statement.

use super::common::{
    balanced, balanced_noting, err_at, make_ident, raw_ident, semicolon, variable_name, word,
};
use super::expr::ExprParser;
use super::stmt::{BlockParser, StmtParser};
use super::{Extra, In, PErr, span};
use crate::ast::{AssignOp, Expr, ExprKind, Literal, Stmt, StmtKind};
use crate::foreign::diagnostic;
use crate::token::Token;
use chumsky::prelude::*;

const LOOP_HELP: &str = "loop over a list with `for each x in list { ... }`; to repeat n times, \
    `for each index i in repeat(\",\", n - 1) { ... }` (i = 0 to n-1); leave a loop early with `break;`";

const FOR_EACH_HELP: &str = "write `for each x in list { ... }`";

fn stmt(kind: StmtKind, s: SimpleSpan) -> Stmt {
    Stmt {
        kind,
        span: span(s),
    }
}

/// Every foreign statement form, tried after the Deluge ones.
pub(super) fn statement<'a, E: PErr<'a>>(
    expr: ExprParser<'a, E>,
    block: BlockParser<'a, E>,
    assign: StmtParser<'a, E>,
) -> impl Parser<'a, In<'a>, Stmt, Extra<'a, E>> + Clone {
    choice((
        declaration(assign),
        increment(),
        while_loop(),
        paren_for(),
        for_without_each(expr.clone(), block.clone()),
        for_each_in_parens(expr, block),
    ))
}

/// `while (condition) { ... }`: skipped whole.
fn while_loop<'a, E: PErr<'a>>() -> impl Parser<'a, In<'a>, Stmt, Extra<'a, E>> + Clone {
    word("while")
        .map_with(|_, e| e.span())
        .then_ignore(balanced(Token::LParen))
        .then_ignore(balanced(Token::LBrace))
        .validate(|at, e, emitter| {
            emitter.emit(err_at(at, diagnostic("`while` loop", span(at), LOOP_HELP)));
            stmt(StmtKind::Error, e.span())
        })
}

/// `for (i = 0; i < n; i++) { ... }` or `for (x in list) { ... }`:
/// skipped whole.
fn paren_for<'a, E: PErr<'a>>() -> impl Parser<'a, In<'a>, Stmt, Extra<'a, E>> + Clone {
    just(Token::For)
        .ignore_then(paren_group())
        .then_ignore(balanced(Token::LBrace))
        .validate(|(header, counting), e, emitter| {
            let d = if counting {
                diagnostic("C-style `for` loop", span(header), LOOP_HELP)
            } else {
                diagnostic("`for (... in ...)` loop", span(header), FOR_EACH_HELP)
            };
            emitter.emit(err_at(header, d));
            stmt(StmtKind::Error, e.span())
        })
}

/// Python's `for x in list { ... }`: a `for each` without `each`.
fn for_without_each<'a, E: PErr<'a>>(
    expr: ExprParser<'a, E>,
    block: BlockParser<'a, E>,
) -> impl Parser<'a, In<'a>, Stmt, Extra<'a, E>> + Clone {
    just(Token::For)
        .map_with(|_, e| e.span())
        .then(variable_name())
        .then_ignore(just(Token::In))
        .then(expr)
        .then(block)
        .validate(|(((at, var), iterable), body), e, emitter| {
            let at = SimpleSpan::from(at.start..var.span.end);
            emitter.emit(err_at(
                at,
                diagnostic("`for` loop without `each`", span(at), FOR_EACH_HELP),
            ));
            let kind = StmtKind::ForEach {
                index: false,
                var,
                iterable,
                body,
            };
            stmt(kind, e.span())
        })
}

/// `for each (x in list) { ... }`: the header needs no parentheses.
fn for_each_in_parens<'a, E: PErr<'a>>(
    expr: ExprParser<'a, E>,
    block: BlockParser<'a, E>,
) -> impl Parser<'a, In<'a>, Stmt, Extra<'a, E>> + Clone {
    let header = word("index")
        .to(true)
        .or_not()
        .then(variable_name())
        .then_ignore(just(Token::In))
        .then(expr)
        .delimited_by(just(Token::LParen), just(Token::RParen));
    just(Token::For)
        .ignore_then(just(Token::Each))
        .ignore_then(header.map_with(|header, e| (header, e.span())))
        .then(block)
        .validate(|((((index, var), iterable), at), body), e, emitter| {
            emitter.emit(err_at(
                at,
                diagnostic(
                    "parentheses around a `for each` header",
                    span(at),
                    FOR_EACH_HELP,
                ),
            ));
            let kind = StmtKind::ForEach {
                index: index.unwrap_or(false),
                var,
                iterable,
                body,
            };
            stmt(kind, e.span())
        })
}

/// `let x = 1;`, `const x = 1;`, `var x = 1;`: the assignment, reported.
fn declaration<'a, E: PErr<'a>>(
    assign: StmtParser<'a, E>,
) -> impl Parser<'a, In<'a>, Stmt, Extra<'a, E>> + Clone {
    let keyword = select! {
        Token::Ident(w) if ["let", "const", "var"].iter().any(|k| w.eq_ignore_ascii_case(k)) => w,
    };
    keyword
        .map_with(|w, e| (w, e.span()))
        .then_ignore(raw_ident().rewind())
        .then(assign)
        .validate(|((w, at), assignment), e, emitter| {
            emitter.emit(err_at(
                at,
                diagnostic(
                    &format!("`{w}` declarations"),
                    span(at),
                    "a variable is created by assigning to it: `x = 1;`",
                ),
            ));
            Stmt {
                span: span(e.span()),
                ..assignment
            }
        })
}

/// `i++;`, `i--;`, `++i;`, `--i;`: the compound assignment, reported.
fn increment<'a, E: PErr<'a>>() -> impl Parser<'a, In<'a>, Stmt, Extra<'a, E>> + Clone {
    let postfix = raw_ident().then(twice());
    let prefix = twice().then(raw_ident()).map(|(op, name)| (name, op));
    postfix
        .or(prefix)
        .then_ignore(semicolon())
        .validate(|(name, (add, at)), e, emitter| {
            let (symbol, op, sign) = if add {
                ("++", AssignOp::Add, "+")
            } else {
                ("--", AssignOp::Sub, "-")
            };
            let target = make_ident(name);
            let help = format!(
                "write `{0} = {0} {sign} 1;` (or `{0} {sign}= 1;`)",
                target.name
            );
            emitter.emit(err_at(
                at,
                diagnostic(&format!("`{symbol}` operator"), span(at), &help),
            ));
            let value = Expr {
                kind: ExprKind::Literal(Literal::Number(1)),
                span: span(at),
            };
            stmt(StmtKind::Assign { target, op, value }, e.span())
        })
}

/// `++` or `--` written without a space: whether it adds, and its span.
fn twice<'a, E: PErr<'a>>() -> impl Parser<'a, In<'a>, (bool, SimpleSpan), Extra<'a, E>> + Clone {
    let sign =
        select! { Token::Plus => true, Token::Minus => false }.map_with(|t, e| (t, e.span()));
    sign.then(sign)
        .filter(
            |((a, first), (b, second)): &((bool, SimpleSpan), (bool, SimpleSpan))| {
                a == b && first.end == second.start
            },
        )
        .map(|((add, first), (_, second))| (add, SimpleSpan::from(first.start..second.end)))
}

/// A balanced `( ... )`: its span, and whether it holds a `;` (the header
/// of a counting loop) rather than an `in`.
fn paren_group<'a, E: PErr<'a>>()
-> impl Parser<'a, In<'a>, (SimpleSpan, bool), Extra<'a, E>> + Clone {
    balanced_noting(Token::LParen, Some(Token::RParen), |t| {
        matches!(t, Token::Semi)
    })
}
