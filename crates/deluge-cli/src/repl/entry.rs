//! What the text of a REPL entry is, and whether it is complete: the
//! rules of docs/repl.md "When an entry is complete", all decided by the
//! parser. Free of state, so the session only asks.

use deluge_syntax::ast::{self, ScriptBody, StmtKind};
use deluge_syntax::{Diagnostic, codes};

/// How the text of an entry parsed.
pub(super) enum Form {
    Statements(Vec<ast::Stmt>),
    Functions(Vec<ast::FunctionDef>),
    Expression(ast::Expr),
    /// A lone call statement: shown like an expression unless it is null
    /// (`l.add(1);` has nothing worth printing).
    Call(ast::Expr),
}

/// Decides what an entry is: statements, function definitions, or a bare
/// expression. A lone call, with or without its `;`, is shown like an
/// expression unless its value is null. `Err` when the text does not
/// parse as any of them.
pub(super) fn classify(text: &str) -> Result<Form, ()> {
    let parsed = deluge_syntax::parse(text);
    if !parsed.has_errors() {
        return Ok(match parsed.script.body {
            ScriptBody::Functions(defs) => Form::Functions(defs),
            ScriptBody::Statements(stmts) => single_call(stmts),
        });
    }
    match deluge_syntax::parse_expression(text) {
        (Some(expr), _) if is_call(&expr) => Ok(Form::Call(expr)),
        (Some(expr), _) => Ok(Form::Expression(expr)),
        (None, _) => Err(()),
    }
}

/// The errors of the script parse of `text` (statements are the main form
/// of input, so theirs are the errors to show), without a missing final
/// `;` when there are others: the REPL adds that one itself.
pub(super) fn script_errors(text: &str) -> Vec<Diagnostic> {
    let mut errors: Vec<Diagnostic> = deluge_syntax::parse(text)
        .diagnostics
        .into_iter()
        .filter(Diagnostic::is_error)
        .collect();
    let end = text.trim_end().len();
    let is_final_semicolon =
        |d: &Diagnostic| d.code == codes::MISSING_SEMICOLON && d.primary_span().start >= end;
    if errors.iter().any(|d| !is_final_semicolon(d)) {
        errors.retain(|d| !is_final_semicolon(d));
    }
    errors
}

fn is_call(expr: &ast::Expr) -> bool {
    matches!(
        expr.kind,
        ast::ExprKind::Call { .. }
            | ast::ExprKind::MethodCall { .. }
            | ast::ExprKind::ZohoCall { .. }
    )
}

/// A lone call statement becomes a [`Form::Call`]; anything else stays a
/// list of statements.
fn single_call(stmts: Vec<ast::Stmt>) -> Form {
    match <[ast::Stmt; 1]>::try_from(stmts) {
        Ok(
            [
                ast::Stmt {
                    kind: StmtKind::Expr(expr),
                    ..
                },
            ],
        ) => Form::Call(expr),
        Ok([other]) => Form::Statements(vec![other]),
        Err(stmts) => Form::Statements(stmts),
    }
}

/// True when the entry's last statement is an `if` without `else`: an
/// `else` on the next line would continue it.
pub(super) fn ends_with_open_if(form: &Form) -> bool {
    match form {
        Form::Statements(stmts) => matches!(
            stmts.last(),
            Some(ast::Stmt {
                kind: StmtKind::If {
                    else_block: None,
                    ..
                },
                ..
            })
        ),
        _ => false,
    }
}

/// The text with its missing final `;` added, when that is the only
/// thing wrong with it (`total = 5`, `info total`).
pub(super) fn with_implied_semicolon(text: &str) -> Option<String> {
    let parsed = deluge_syntax::parse(text);
    let mut errors = parsed.diagnostics.iter().filter(|d| d.is_error());
    let first = errors.next()?;
    let at = first.primary_span().start;
    let only_a_final_semicolon = first.code == codes::MISSING_SEMICOLON
        && errors.next().is_none()
        && text.get(at..).is_some_and(|rest| {
            let rest = rest.trim();
            rest.is_empty() || (rest.starts_with("//") && !rest.contains('\n'))
        });
    only_a_final_semicolon.then(|| format!("{};{}", &text[..at], &text[at..]))
}

/// True when the text is unfinished: every error of the script parse (or
/// of the expression parse) is at the end of the input, or a bracket is
/// still open there. The second rule matters because the parser's recovery
/// inside an unclosed block (`for each i in l {` then `x = i;`) reports
/// follow-on errors mid-input although the only real problem is the
/// missing `}`.
pub(super) fn incomplete(text: &str) -> bool {
    let parsed = deluge_syntax::parse(text);
    if parsed.is_incomplete(text) || open_at_end(&parsed.diagnostics, text) {
        return true;
    }
    let (_, diagnostics) = deluge_syntax::parse_expression(text);
    deluge_syntax::is_incomplete(&diagnostics, text)
}

/// An "unclosed delimiter" whose closing bracket was expected at the end.
fn open_at_end(diagnostics: &[Diagnostic], text: &str) -> bool {
    let end = text.trim_end().len();
    diagnostics.iter().any(|d| {
        d.code == codes::UNCLOSED_DELIMITER
            && d.labels.iter().any(|l| !l.primary && l.span.start >= end)
    })
}
