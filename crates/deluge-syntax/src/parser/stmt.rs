//! Statements (language spec §3 `statement`, §7).

use super::common::{
    deep, err_at, make_ident, raw_ident, reported, reserved_word, semicolon, skip_statement,
    variable_name, word,
};
use super::creator;
use super::expr::{ExprParser, expression};
use super::foreign;
use super::task::task_block;
use super::{Extra, In, PErr, cspan, span};
use crate::ast::{AssignOp, Block, Expr, ExprKind, IfBranch, ScriptBody, Stmt, StmtKind};
use crate::diagnostic::{Diagnostic, codes};
use crate::token::Token;
use chumsky::prelude::*;

pub(super) type StmtParser<'a, E> = Boxed<'a, 'a, In<'a>, Stmt, Extra<'a, E>>;
pub(super) type BlockParser<'a, E> = Boxed<'a, 'a, In<'a>, Block, Extra<'a, E>>;

fn stmt(kind: StmtKind, s: SimpleSpan) -> Stmt {
    Stmt {
        kind,
        span: span(s),
    }
}

/// `script = statement_list` (a bare script). Never fails: stray closing
/// brackets at the top level are reported and skipped.
pub(super) fn statement_script<'a, E: PErr<'a>>()
-> impl Parser<'a, In<'a>, ScriptBody, Extra<'a, E>> {
    let (statement, _) = statement_and_block();
    statement
        .or(stray_closer(true))
        .repeated()
        .collect::<Vec<Stmt>>()
        .then_ignore(end())
        .map(|stmts| ScriptBody::Statements(stmts.into_iter().filter(is_kept).collect()))
}

/// Stray `}` at the top level and the placeholder statements of stray
/// brackets are left out of the tree.
fn is_kept(s: &Stmt) -> bool {
    !(matches!(s.kind, StmtKind::Error) && s.span.is_empty())
}

/// A closing bracket with no opener: reported, skipped, and left out of
/// the tree. Inside a block only `)` and `]` qualify (the `}` ends it).
pub(super) fn stray_closer<'a, E: PErr<'a>>(
    top_level: bool,
) -> impl Parser<'a, In<'a>, Stmt, Extra<'a, E>> + Clone {
    let closers: Vec<Token<'a>> = if top_level {
        vec![Token::RParen, Token::RBracket, Token::RBrace]
    } else {
        vec![Token::RParen, Token::RBracket]
    };
    one_of(closers).validate(|t: Token<'a>, e, emitter| {
        let s = e.span();
        emitter.emit(err_at(
            s,
            Diagnostic::error(codes::UNEXPECTED_TOKEN, format!("unexpected closing `{t}`"))
                .with_primary(span(s), "no bracket is open here"),
        ));
        Stmt {
            kind: StmtKind::Error,
            span: crate::span::Span::point(s.start),
        }
    })
}

/// The `statement` production and the `block` production, which are
/// mutually recursive.
pub(super) fn statement_and_block<'a, E: PErr<'a>>() -> (StmtParser<'a, E>, BlockParser<'a, E>) {
    let expr = expression(false);
    let condition = expression(true);
    let statement = recursive(|statement| {
        // Inside, `statement` is a weak handle: the blocks built here are
        // only valid while the outer parser lives, so the block returned to
        // callers is built again from the strong one below.
        let statement: StmtParser<'a, E> = deep(statement).boxed();
        let block = block(statement.clone());
        // Most frequent first; `call_stmt` takes whatever is left.
        let assign = assign_stmt(expr.clone()).boxed();
        choice((
            assign.clone(),
            if_stmt(condition.clone(), block.clone()),
            info_stmt(expr.clone()),
            foreach_stmt(expr.clone(), block.clone()),
            return_stmt(expr.clone()),
            task_stmt(expr.clone()),
            try_stmt(block.clone()),
            loop_control(),
            just(Token::Semi).map_with(|_, e| stmt(StmtKind::Empty, e.span())),
            reported()
                .then(skip_statement().or_not())
                .map_with(|_, e| stmt(StmtKind::Error, e.span())),
            creator::creator_statement(),
            reserved_assignment(),
            foreign::statement(expr.clone(), block, assign),
            call_stmt(expr),
        ))
        .labelled("a statement")
        .validate(|s, _, emitter| creator::check_stmt(s, |at, d| emitter.emit(err_at(at, d))))
        .recover_with(via_parser(
            skip_statement().map_with(|_, e| stmt(StmtKind::Error, e.span())),
        ))
        .boxed()
    })
    .boxed();
    let block = block(statement.clone());
    (statement, block)
}

/// `block = "{" statement_list "}"`.
fn block<'a, E: PErr<'a>>(statement: StmtParser<'a, E>) -> BlockParser<'a, E> {
    let quiet = reported().map_with(|_, e| Block {
        stmts: Vec::new(),
        span: span(e.span()),
    });
    statement
        .or(stray_closer(false))
        .repeated()
        .collect::<Vec<Stmt>>()
        .delimited_by(just(Token::LBrace), just(Token::RBrace))
        .map_with(|stmts, e| Block {
            stmts: stmts.into_iter().filter(is_kept).collect(),
            span: span(e.span()),
        })
        .or(quiet)
        .labelled("`{`")
        .boxed()
}

/// `if_stmt = "if" "(" condition ")" block { "else" "if" "(" condition ")" block } [ "else" block ]`.
fn if_stmt<'a, E: PErr<'a>>(
    condition: ExprParser<'a, E>,
    block: BlockParser<'a, E>,
) -> impl Parser<'a, In<'a>, Stmt, Extra<'a, E>> + Clone {
    let branch = just(Token::If)
        .ignore_then(
            condition
                .clone()
                .delimited_by(just(Token::LParen), just(Token::RParen)),
        )
        .then(block.clone())
        .map_with(|(condition, body), e| IfBranch {
            condition,
            body,
            span: span(e.span()),
        });
    let else_if = just(Token::Else)
        .ignore_then(branch.clone())
        .or(elif(condition, block.clone()));
    let else_block = just(Token::Else).ignore_then(block);
    branch
        .then(else_if.repeated().collect::<Vec<_>>())
        .then(else_block.or_not())
        .map_with(|((first, mut rest), else_block), e| {
            rest.insert(0, first);
            stmt(
                StmtKind::If {
                    branches: rest,
                    else_block,
                },
                e.span(),
            )
        })
}

/// Python's `elif (condition) { ... }`, and `elsif` / `elseif`: an
/// `else if` branch, reported (E118).
fn elif<'a, E: PErr<'a>>(
    condition: ExprParser<'a, E>,
    block: BlockParser<'a, E>,
) -> impl Parser<'a, In<'a>, IfBranch, Extra<'a, E>> + Clone {
    let word = select! {
        Token::Ident(w) if ["elif", "elsif", "elseif"].iter().any(|k| w.eq_ignore_ascii_case(k)) => w,
    };
    word.map_with(|w, e| (w, e.span()))
        .then(condition.delimited_by(just(Token::LParen), just(Token::RParen)))
        .then(block)
        .validate(|(((w, at), condition), body), e, emitter| {
            emitter.emit(err_at(
                at,
                crate::foreign::diagnostic(
                    &format!("`{w}`"),
                    span(at),
                    "write `else if (condition) { ... }`",
                ),
            ));
            IfBranch {
                condition,
                body,
                span: span(e.span()),
            }
        })
}

/// `foreach_stmt = "for" "each" [ "index" ] IDENT "in" expression block`
/// (rule 4: `for each index in x` loops over elements with a variable
/// named `index`).
fn foreach_stmt<'a, E: PErr<'a>>(
    expr: ExprParser<'a, E>,
    block: BlockParser<'a, E>,
) -> impl Parser<'a, In<'a>, Stmt, Extra<'a, E>> + Clone {
    let header = word("index")
        .ignore_then(variable_name())
        .then_ignore(just(Token::In))
        .map(|var| (true, var))
        .or(variable_name()
            .then_ignore(just(Token::In))
            .map(|var| (false, var)));
    just(Token::For)
        .ignore_then(just(Token::Each))
        .ignore_then(header)
        .then(expr)
        .then(block)
        .map_with(|(((index, var), iterable), body), e| {
            stmt(
                StmtKind::ForEach {
                    index,
                    var,
                    iterable,
                    body,
                },
                e.span(),
            )
        })
}

/// `try_stmt = "try" block "catch" "(" IDENT ")" block`.
fn try_stmt<'a, E: PErr<'a>>(
    block: BlockParser<'a, E>,
) -> impl Parser<'a, In<'a>, Stmt, Extra<'a, E>> + Clone {
    just(Token::Try)
        .ignore_then(block.clone())
        .then_ignore(just(Token::Catch))
        .then(variable_name().delimited_by(just(Token::LParen), just(Token::RParen)))
        .then(block)
        .map_with(|((body, error_var), handler), e| {
            stmt(
                StmtKind::Try {
                    body,
                    error_var,
                    handler,
                },
                e.span(),
            )
        })
}

/// `info_stmt = "info" expression ";"`.
fn info_stmt<'a, E: PErr<'a>>(
    expr: ExprParser<'a, E>,
) -> impl Parser<'a, In<'a>, Stmt, Extra<'a, E>> + Clone {
    just(Token::Info)
        .ignore_then(expr)
        .then_ignore(semicolon())
        .map_with(|x, e| stmt(StmtKind::Info(x), e.span()))
}

/// `return_stmt = "return" [ expression ] ";"`.
fn return_stmt<'a, E: PErr<'a>>(
    expr: ExprParser<'a, E>,
) -> impl Parser<'a, In<'a>, Stmt, Extra<'a, E>> + Clone {
    just(Token::Return)
        .ignore_then(expr.or_not())
        .then_ignore(semicolon())
        .map_with(|x, e| stmt(StmtKind::Return(x), e.span()))
}

/// `"break" ";"` and `"continue" ";"`.
fn loop_control<'a, E: PErr<'a>>() -> impl Parser<'a, In<'a>, Stmt, Extra<'a, E>> + Clone {
    select! { Token::Break => StmtKind::Break, Token::Continue => StmtKind::Continue }
        .then_ignore(semicolon())
        .map_with(|kind, e| stmt(kind, e.span()))
}

/// `task_stmt = task_block [ ";" ]` (rule 8).
fn task_stmt<'a, E: PErr<'a>>(
    expr: ExprParser<'a, E>,
) -> impl Parser<'a, In<'a>, Stmt, Extra<'a, E>> + Clone {
    task_block(expr)
        .then_ignore(just(Token::Semi).or_not())
        .map_with(|task, e| stmt(StmtKind::Task(task), e.span()))
}

fn assign_op<'a, E: PErr<'a>>() -> impl Parser<'a, In<'a>, AssignOp, Extra<'a, E>> + Clone {
    select! {
        Token::Assign => AssignOp::Set,
        Token::PlusEq => AssignOp::Add,
        Token::MinusEq => AssignOp::Sub,
        Token::StarEq => AssignOp::Mul,
        Token::SlashEq => AssignOp::Div,
        Token::PercentEq => AssignOp::Rem,
    }
}

/// `assign_stmt = IDENT assign_op expression ";" | IDENT "=" task_block ";"`.
/// `x = insert into Form [...]` is a Creator statement.
fn assign_stmt<'a, E: PErr<'a>>(
    expr: ExprParser<'a, E>,
) -> impl Parser<'a, In<'a>, Stmt, Extra<'a, E>> + Clone {
    let task = just(Token::Assign)
        .ignore_then(task_block(expr.clone()))
        .then_ignore(semicolon())
        .map(Rhs::Task);
    let insert = just(Token::Assign)
        .ignore_then(creator::insert_value())
        .then_ignore(just(Token::Semi).or_not())
        .map(Rhs::Insert);
    let value = assign_op()
        .then(expr)
        .then_ignore(semicolon())
        .map(|(op, value)| Rhs::Value(op, value));
    raw_ident()
        .then(choice((task, insert, value)))
        .validate(|(target, rhs), e, emitter| {
            let target = make_ident(target);
            let s = e.span();
            let kind = match rhs {
                Rhs::Value(op, value) => StmtKind::Assign { target, op, value },
                Rhs::Task(task) => StmtKind::AssignTask { target, task },
                Rhs::Insert(at) => {
                    let what = "`insert into` (add a form record)";
                    emitter.emit(err_at(at, creator::diagnostic(what, span(at))));
                    StmtKind::Creator {
                        what: what.to_owned(),
                    }
                }
            };
            stmt(kind, s)
        })
}

enum Rhs {
    Value(AssignOp, Expr),
    Task(crate::ast::TaskBlock),
    Insert(SimpleSpan),
}

/// `info = 1;` and the like: a reserved word as an assignment target
/// (E111), reported once and skipped.
fn reserved_assignment<'a, E: PErr<'a>>() -> impl Parser<'a, In<'a>, Stmt, Extra<'a, E>> + Clone {
    any()
        .filter(|t: &Token<'a>| t.is_keyword())
        .map_with(|t, e| (t, e.span()))
        .then_ignore(assign_op().rewind())
        .then_ignore(skip_statement())
        .validate(|(t, at), e, emitter| {
            emitter.emit(err_at(at, reserved_word(&t.to_string(), span(at))));
            stmt(StmtKind::Error, e.span())
        })
}

/// `call_stmt = postfix_call ";"`: an expression statement must end in a
/// call (rule 7); anything else is E112.
fn call_stmt<'a, E: PErr<'a>>(
    expr: ExprParser<'a, E>,
) -> impl Parser<'a, In<'a>, Stmt, Extra<'a, E>> + Clone {
    // `if` at the start of a statement is an `if` statement, never the
    // if-function (rule 3).
    let not_if = none_of([Token::If]).rewind();
    not_if.ignore_then(expr).then_ignore(semicolon()).validate(|x, e, emitter| {
        let s = e.span();
        if is_call(&x) || creator::in_expr(&x).is_some() {
            return stmt(StmtKind::Expr(x), s);
        }
        emitter.emit(err_at(
            cspan(x.span),
            Diagnostic::error(
                codes::NOT_A_CALL_STATEMENT,
                "this expression is not a statement",
            )
            .with_primary(x.span, "its value would be thrown away")
            .with_help("a statement is an assignment, a call such as `list.add(x);`, or a keyword statement such as `info x;`"),
        ));
        stmt(StmtKind::Error, s)
    })
}

fn is_call(x: &Expr) -> bool {
    matches!(
        x.kind,
        ExprKind::Call { .. }
            | ExprKind::MethodCall { .. }
            | ExprKind::ZohoCall { .. }
            | ExprKind::TypedList { .. }
            | ExprKind::IfNull { .. }
            | ExprKind::Error
    )
}
