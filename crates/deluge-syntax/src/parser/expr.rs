//! Expressions (language spec §3 `expression` .. `primary`, §4).

use super::collection::{brace_literal, list_literal, trailing_comma};
use super::common::{deep, err_at, error_expr, ident, member_name, reported, word};
use super::creator;
use super::{Extra, In, PErr, cspan, span};
use crate::ast::{Arg, BinaryOp, Expr, ExprKind, Ident, Literal, UnaryOp};
use crate::escape::{unescape_single, unescape_text};
use crate::token::Token;
use chumsky::pratt::{infix, left, postfix, prefix};
use chumsky::prelude::*;

/// Label of a Creator `[criteria]`; left out of "expected ..." lists,
/// since it is never what a Deluge script should write.
pub(super) const CRITERIA: &str = "criteria";

pub(super) type ExprParser<'a, E> = Boxed<'a, 'a, In<'a>, Expr, Extra<'a, E>>;
type ArgsParser<'a, E> = Boxed<'a, 'a, In<'a>, Vec<Arg>, Extra<'a, E>>;

/// The `zoho.<name>` system variables of §5.10; a chain that starts with
/// one of them continues with ordinary method calls.
const SYSTEM_VARIABLES: &[&str] = &[
    "currentdate",
    "currenttime",
    "loginuser",
    "loginuserid",
    "adminuser",
    "adminuserid",
    "appname",
    "appuri",
    "ipaddress",
];

fn boxed(kind: ExprKind, s: SimpleSpan) -> Expr {
    Expr {
        kind,
        span: span(s),
    }
}

/// `expression = or_expr`. With `condition` set, a single `=` compares
/// like `==` (rule 12: inside `if` / `else if` statement conditions).
pub(super) fn expression<'a, E: PErr<'a>>(condition: bool) -> ExprParser<'a, E> {
    recursive(move |expr| {
        let expr: ExprParser<'a, E> = deep(expr).boxed();
        let args = call_args(expr.clone());
        let atom = postfix_chain(primary(expr, args.clone()), args);
        operators(atom, condition)
    })
    .labelled("an expression")
    .boxed()
}

/// A whole input that is one expression, for a REPL; a final `;` is allowed.
pub(super) fn standalone_expression<'a, E: PErr<'a>>() -> impl Parser<'a, In<'a>, Expr, Extra<'a, E>>
{
    expression(false)
        .then_ignore(just(Token::Semi).or_not())
        .then_ignore(end())
        .validate(|x, _, emitter| match creator::in_expr(&x) {
            Some(found) => {
                emitter.emit(err_at(cspan(found.at), found.diagnostic()));
                Expr {
                    kind: ExprKind::Error,
                    span: x.span,
                }
            }
            None => x,
        })
}

/// The binary and unary operators, with the precedence of §4.1 (higher
/// binds tighter): `||` 1, `&&` 2, `==` `!=` 3, `<` `<=` `>` `>=` and the
/// rare `in` / `is null` forms 4, `+` `-` 5, `*` `/` `%` 6, prefix 7.
fn operators<'a, E: PErr<'a>>(
    atom: impl Parser<'a, In<'a>, Expr, Extra<'a, E>> + Clone + 'a,
    condition: bool,
) -> ExprParser<'a, E> {
    let binary = |l: Expr,
                  op: BinaryOp,
                  r: Expr,
                  e: &mut chumsky::input::MapExtra<'a, '_, In<'a>, Extra<'a, E>>| {
        boxed(
            ExprKind::Binary {
                op,
                lhs: Box::new(l),
                rhs: Box::new(r),
            },
            e.span(),
        )
    };
    let equality = select! {
        Token::EqEq => BinaryOp::Eq,
        Token::NotEq => BinaryOp::Ne,
        Token::Assign if condition => BinaryOp::Eq,
    };
    let relational = select! {
        Token::Lt => BinaryOp::Lt,
        Token::Le => BinaryOp::Le,
        Token::Gt => BinaryOp::Gt,
        Token::Ge => BinaryOp::Ge,
    };
    let additive = select! { Token::Plus => BinaryOp::Add, Token::Minus => BinaryOp::Sub };
    let multiplicative = select! {
        Token::Star => BinaryOp::Mul,
        Token::Slash => BinaryOp::Div,
        Token::Percent => BinaryOp::Rem,
    };
    let unary = select! {
        Token::Bang => UnaryOp::Not,
        Token::Minus => UnaryOp::Neg,
        Token::Plus => UnaryOp::Plus,
    };
    let in_op = just(Token::In)
        .to(false)
        .or(word("not").ignore_then(just(Token::In)).to(true));
    // Python's `None` (and JavaScript's `undefined`) stand for `null`,
    // reported once (E118).
    let foreign_null = select! {
        Token::Ident(w) if ["none", "undefined", "nil"].iter().any(|k| w.eq_ignore_ascii_case(k)) => w,
    }
    .validate(|w, e, emitter| {
        let at = e.span();
        emitter.emit(err_at(
            at,
            crate::foreign::diagnostic(&format!("`{w}`"), span(at), "write `null`: `x is null`, `x == null` or `isNull(x)`"),
        ));
    });
    let is_null = word("is")
        .ignore_then(word("not").or_not())
        .then_ignore(just(Token::Null).ignored().or(foreign_null))
        .map(|not| not.is_some());
    atom.pratt((
        infix(left(1), just(Token::OrOr).to(BinaryOp::Or), binary),
        infix(left(2), just(Token::AndAnd).to(BinaryOp::And), binary),
        infix(left(3), equality, binary),
        infix(left(4), relational, binary),
        infix(left(4), in_op, |l: Expr, negated, r: Expr, e| {
            boxed(
                ExprKind::In {
                    needle: Box::new(l),
                    haystack: Box::new(r),
                    negated,
                },
                e.span(),
            )
        }),
        postfix(4, is_null, |l: Expr, negated, e| {
            boxed(
                ExprKind::IsNull {
                    value: Box::new(l),
                    negated,
                },
                e.span(),
            )
        }),
        infix(left(5), additive, binary),
        infix(left(6), multiplicative, binary),
        prefix(7, unary, |op, operand: Expr, e| {
            boxed(
                ExprKind::Unary {
                    op,
                    operand: Box::new(operand),
                },
                e.span(),
            )
        }),
    ))
    .boxed()
}

/// `postfix = primary { "." IDENT [ "(" [ args ] ")" ] }`.
fn postfix_chain<'a, E: PErr<'a>>(
    primary: impl Parser<'a, In<'a>, Expr, Extra<'a, E>> + Clone + 'a,
    args: ArgsParser<'a, E>,
) -> ExprParser<'a, E> {
    let member = just(Token::Dot)
        .ignore_then(member_name())
        .then(args.or_not());
    primary
        .foldl_with(member.repeated(), |receiver, (name, args), e| {
            let receiver = Box::new(receiver);
            let kind = match args {
                Some(args) => ExprKind::MethodCall {
                    receiver,
                    method: name,
                    args,
                },
                None => ExprKind::Property { receiver, name },
            };
            boxed(kind, e.span())
        })
        .boxed()
}

/// `primary`: literals, names, calls, the if-function, `ifnull`, typed
/// list constructors, parentheses and collection literals.
fn primary<'a, E: PErr<'a>>(expr: ExprParser<'a, E>, args: ArgsParser<'a, E>) -> ExprParser<'a, E> {
    // Most frequent first: names, calls and literals.
    choice((
        typed_list_ctor(args.clone()),
        name_led(args.clone()),
        literal(),
        zoho_name(args.clone()),
        parenthesised(expr.clone()),
        brace_literal(expr.clone()),
        if_function(expr.clone()),
        ifnull_function(expr.clone()),
        list_literal(expr),
        creator::thisapp_call(args),
        reported().map(error_expr),
    ))
    .labelled("an expression")
    .boxed()
}

/// `literal = TEXT_LIT | SQ_LIT | NUMBER_LIT | DECIMAL_LIT | true | false | null`.
fn literal<'a, E: PErr<'a>>() -> impl Parser<'a, In<'a>, Expr, Extra<'a, E>> + Clone {
    select! {
        Token::Text(raw) => Literal::Text(unescape_text(raw)),
        Token::SingleQuoted(raw) => Literal::SingleQuoted(unescape_single(raw)),
        Token::Int(n) => Literal::Number(n),
        // The lexer only makes `digits . digits` or `. digits`, which parse.
        Token::Decimal(d) => Literal::Decimal(d.parse().unwrap_or(0.0)),
        Token::True => Literal::Bool(true),
        Token::False => Literal::Bool(false),
        Token::Null => Literal::Null,
    }
    .map_with(|lit, e| boxed(ExprKind::Literal(lit), e.span()))
}

fn recover_parens<'a, E: PErr<'a>>() -> impl Parser<'a, In<'a>, Expr, Extra<'a, E>> + Clone {
    nested_delimiters(
        Token::LParen,
        Token::RParen,
        [
            (Token::LBracket, Token::RBracket),
            (Token::LBrace, Token::RBrace),
        ],
        error_expr,
    )
}

/// `"(" expression ")"`; the node's span includes the parentheses.
fn parenthesised<'a, E: PErr<'a>>(
    expr: ExprParser<'a, E>,
) -> impl Parser<'a, In<'a>, Expr, Extra<'a, E>> + Clone {
    expr.delimited_by(just(Token::LParen), just(Token::RParen))
        .map_with(|mut x, e| {
            x.span = span(e.span());
            x
        })
        .recover_with(via_parser(recover_parens()))
}

/// `"if" "(" expression "," expression "," expression ")"` (§4.7).
fn if_function<'a, E: PErr<'a>>(
    expr: ExprParser<'a, E>,
) -> impl Parser<'a, In<'a>, Expr, Extra<'a, E>> + Clone {
    let comma = || just(Token::Comma);
    just(Token::If)
        .ignore_then(
            expr.clone()
                .then_ignore(comma())
                .then(expr.clone())
                .then_ignore(comma())
                .then(expr)
                .delimited_by(just(Token::LParen), just(Token::RParen)),
        )
        .map_with(|((cond, then), otherwise), e| {
            boxed(
                ExprKind::IfFn {
                    cond: Box::new(cond),
                    then: Box::new(then),
                    otherwise: Box::new(otherwise),
                },
                e.span(),
            )
        })
}

/// `"ifnull" "(" expression "," expression ")"`.
fn ifnull_function<'a, E: PErr<'a>>(
    expr: ExprParser<'a, E>,
) -> impl Parser<'a, In<'a>, Expr, Extra<'a, E>> + Clone {
    just(Token::IfNull)
        .ignore_then(
            expr.clone()
                .then_ignore(just(Token::Comma))
                .then(expr)
                .delimited_by(just(Token::LParen), just(Token::RParen)),
        )
        .map_with(|(value, fallback), e| {
            boxed(
                ExprKind::IfNull {
                    value: Box::new(value),
                    fallback: Box::new(fallback),
                },
                e.span(),
            )
        })
}

/// `zoho.a.b` (a system variable) or `zoho.a.b(args)` (rule 2). A chain
/// that starts with a system variable (`zoho.currentdate.addDay(1)`)
/// continues as method calls on that variable's value.
fn zoho_name<'a, E: PErr<'a>>(
    args: ArgsParser<'a, E>,
) -> impl Parser<'a, In<'a>, Expr, Extra<'a, E>> + Clone {
    just(Token::Zoho)
        .map_with(|_, e| e.span())
        .then(
            just(Token::Dot)
                .ignore_then(member_name())
                .repeated()
                .at_least(1)
                .collect::<Vec<Ident>>(),
        )
        .then(args.or_not())
        .map_with(|((start, path), args), e| zoho_expr(start, path, args, e.span()))
}

fn zoho_expr(
    start: SimpleSpan,
    mut path: Vec<Ident>,
    args: Option<Vec<Arg>>,
    whole: SimpleSpan,
) -> Expr {
    let is_system = path.first().is_some_and(|p| {
        SYSTEM_VARIABLES
            .iter()
            .any(|v| p.name.eq_ignore_ascii_case(v))
    });
    if !is_system || path.len() == 1 && args.is_none() {
        let kind = match args {
            Some(args) => ExprKind::ZohoCall { path, args },
            None => ExprKind::ZohoVar { path },
        };
        return boxed(kind, whole);
    }
    // zoho.currentdate then .member ... : rebuild as a postfix chain.
    let rest = path.split_off(1);
    let mut end = path[0].span.end;
    let mut expr = Expr {
        kind: ExprKind::ZohoVar { path },
        span: crate::span::Span::new(start.start, end),
    };
    let last = rest.len().saturating_sub(1);
    let mut args = args;
    for (i, name) in rest.into_iter().enumerate() {
        end = name.span.end;
        let receiver = Box::new(expr);
        let kind = match (i == last).then(|| args.take()).flatten() {
            Some(args) => {
                end = whole.end;
                ExprKind::MethodCall {
                    receiver,
                    method: name,
                    args,
                }
            }
            None => ExprKind::Property { receiver, name },
        };
        expr = Expr {
            kind,
            span: crate::span::Span::new(start.start, end),
        };
    }
    expr
}

/// `"list" ":" IDENT "(" [ args ] ")"`, e.g. `List:String()`.
fn typed_list_ctor<'a, E: PErr<'a>>(
    args: ArgsParser<'a, E>,
) -> impl Parser<'a, In<'a>, Expr, Extra<'a, E>> + Clone {
    word("list")
        .ignore_then(just(Token::Colon))
        .ignore_then(ident())
        .then(args)
        .map_with(|(ty, args), e| boxed(ExprKind::TypedList { ty, args }, e.span()))
}

/// `IDENT` (a variable), `IDENT "(" [ args ] ")"` (a call), or the
/// Creator fetch `Form[criteria]`.
fn name_led<'a, E: PErr<'a>>(
    args: ArgsParser<'a, E>,
) -> impl Parser<'a, In<'a>, Expr, Extra<'a, E>> + Clone {
    ident()
        .then(args.or_not())
        .map_with(|(name, args), e| {
            let kind = match args {
                Some(args) => ExprKind::Call { name, args },
                None => ExprKind::Var(name),
            };
            boxed(kind, e.span())
        })
        .foldl_with(
            creator::criteria().labelled(CRITERIA).repeated(),
            creator::fetch,
        )
}

/// `"(" [ arg { "," arg } ] ")"` where `arg = expression [ ":" expression ]`
/// (rule 11).
fn call_args<'a, E: PErr<'a>>(expr: ExprParser<'a, E>) -> ArgsParser<'a, E> {
    let arg = expr
        .clone()
        .then(just(Token::Colon).ignore_then(expr).or_not())
        .map_with(|(first, second), e| match second {
            Some(value) => Arg {
                key: Some(first),
                value,
                span: span(e.span()),
            },
            None => Arg {
                key: None,
                value: first,
                span: span(e.span()),
            },
        });
    arg.separated_by(just(Token::Comma))
        .collect::<Vec<_>>()
        .then(trailing_comma())
        .map(|(args, _)| args)
        .delimited_by(just(Token::LParen), just(Token::RParen))
        .recover_with(via_parser(nested_delimiters(
            Token::LParen,
            Token::RParen,
            [
                (Token::LBracket, Token::RBracket),
                (Token::LBrace, Token::RBrace),
            ],
            |_| Vec::new(),
        )))
        .labelled("`(`")
        .boxed()
}
