//! The one place where chumsky's `Rich` errors become [`Diagnostic`]s.
//!
//! Custom errors already carry their diagnostic. "Expected ..., found ..."
//! errors are worded here: an error that a lexing diagnostic already
//! explains is dropped, one that a never-closed bracket explains becomes
//! E103 pointing at that bracket, and the rest are E101 (E115 inside a
//! function header).

use super::{RichErr, span};
use crate::diagnostic::{Diagnostic, codes};
use crate::lexer::{Lexed, closing_symbol};
use crate::span::Span;
use crate::token::Token;
use chumsky::error::{RichPattern, RichReason};

/// All diagnostics of one parse, lexer's and parser's, in source order.
pub(super) fn collect(
    source: &str,
    lexed: &Lexed<'_>,
    errors: Vec<RichErr<'_>>,
) -> Vec<Diagnostic> {
    let mut out = lexed.diagnostics.clone();
    let mut unclosed: Vec<(Token<'_>, Span, bool)> = lexed
        .unclosed
        .iter()
        .map(|(t, s)| (*t, *s, false))
        .collect();
    let mut last_error_at = None;
    for err in errors {
        if let Some(diag) = convert(source, lexed, &mut unclosed, err) {
            last_error_at = last_error_at.max(Some(diag.primary_span().start));
            out.push(diag);
        }
    }
    // A bracket left open to the end with no later parser error to
    // explain it.
    if !lexed.runs_to_end
        && !unclosed.iter().any(|u| u.2)
        && let Some((open, at, _)) = unclosed.iter().rev().find(|u| lexed.open_at_end(u.1))
        && last_error_at.is_none_or(|e| e < at.start)
    {
        out.push(unclosed_diag(open, *at, Span::point(source.len()), None));
    }
    out.sort_by_key(|d| d.primary_span().start);
    out.dedup_by(|a, b| a.code == b.code && a.primary_span() == b.primary_span());
    out
}

fn convert(
    source: &str,
    lexed: &Lexed<'_>,
    unclosed: &mut [(Token<'_>, Span, bool)],
    err: RichErr<'_>,
) -> Option<Diagnostic> {
    let raw = span(*err.span());
    let at = Span::new(raw.start.min(raw.end), raw.end.max(raw.start));
    let in_header = err
        .contexts()
        .any(|(label, _)| matches!(label, RichPattern::Label(l) if l == "a function header"));
    let (expected, found) = match err.into_reason() {
        RichReason::Custom(diag) => return Some(diag),
        RichReason::ExpectedFound { expected, found } => (expected, found.map(|t| *t)),
    };
    // Already reported by the lexer or the nesting guard.
    if matches!(found, Some(Token::Error(_) | Token::Skipped)) {
        return None;
    }
    if found.is_none() && lexed.runs_to_end {
        return None;
    }
    if let Some(diag) = unclosed_for(unclosed, &expected, found, at) {
        return Some(diag);
    }
    let code = if in_header {
        codes::BAD_FUNCTION_HEADER
    } else {
        codes::UNEXPECTED_TOKEN
    };
    let found_text = describe_found(source, found.as_ref(), at);
    let wanted = describe_expected(&expected);
    let message = match &wanted {
        Some(w) => format!("expected {w}, found {found_text}"),
        None => format!("unexpected {found_text}"),
    };
    let label = if found.is_some() {
        format!("unexpected {found_text}")
    } else {
        "the script ends here".to_owned()
    };
    let mut diag = Diagnostic::error(code, message).with_primary(at, label);
    if let Some(help) = help_for(found.as_ref(), &expected) {
        diag = diag.with_help(help);
    }
    if in_header {
        diag = diag.with_note("a header reads `type [category.]name(type param, ...)`");
    }
    Some(diag)
}

/// When the parser wanted a closing bracket, or ran out of input, and a
/// bracket before this point is never closed, the bracket is the story.
fn unclosed_for(
    unclosed: &mut [(Token<'_>, Span, bool)],
    expected: &[RichPattern<'_, Token<'_>>],
    found: Option<Token<'_>>,
    at: Span,
) -> Option<Diagnostic> {
    let wants = |closer: Token<'_>| {
        expected
            .iter()
            .any(|p| matches!(p, RichPattern::Token(t) if **t == closer))
    };
    let candidate = unclosed.iter_mut().rev().find(|(open, s, _)| {
        s.start < at.start.max(1)
            && (found.is_none()
                || match open {
                    Token::LParen => wants(Token::RParen),
                    Token::LBracket => wants(Token::RBracket),
                    _ => wants(Token::RBrace),
                })
    })?;
    if candidate.2 {
        // That bracket is already reported; this is its echo.
        return None;
    }
    candidate.2 = true;
    let found_text = found.map(|t| format!("found `{t}`"));
    Some(unclosed_diag(&candidate.0, candidate.1, at, found_text))
}

fn unclosed_diag(
    open: &Token<'_>,
    at: Span,
    expected_at: Span,
    found: Option<String>,
) -> Diagnostic {
    let close = closing_symbol(open);
    let here = match found {
        Some(f) => format!("expected `{close}` before this ({f})"),
        None => format!("expected `{close}` by here"),
    };
    Diagnostic::error(codes::UNCLOSED_DELIMITER, format!("unclosed `{open}`"))
        .with_primary(at, "this bracket is never closed")
        .with_secondary(expected_at, here)
        .with_help(format!("add the matching `{close}`"))
}

/// The found token as the user typed it, in backticks.
fn describe_found(source: &str, found: Option<&Token<'_>>, at: Span) -> String {
    let Some(token) = found else {
        return "end of input".to_owned();
    };
    let typed = source.get(at.range()).unwrap_or("");
    match token {
        Token::Text(_) | Token::SingleQuoted(_) if typed.chars().count() > 24 => {
            "a text literal".to_owned()
        }
        _ if typed.is_empty() || typed.contains(['\n', '\r']) => format!("`{token}`"),
        _ => format!("`{typed}`"),
    }
}

fn is_operator_pattern(p: &RichPattern<'_, Token<'_>>) -> bool {
    matches!(p, RichPattern::Token(t) if t.is_operator())
        || matches!(p, RichPattern::Label(l) if l == "is" || l == "not")
}

/// "`;`, `)` or an operator": tokens first, then labels, then operators
/// collapsed into one phrase.
fn describe_expected(expected: &[RichPattern<'_, Token<'_>>]) -> Option<String> {
    let operand = expected
        .iter()
        .any(|p| matches!(p, RichPattern::Label(l) if l == "an expression"));
    // Where an operand is expected, `!`, `-` and `+` are its prefixes.
    let prefix = |p: &RichPattern<'_, Token<'_>>| {
        operand
            && matches!(p, RichPattern::Token(t) if matches!(**t, Token::Bang | Token::Minus | Token::Plus))
    };
    let expected: Vec<_> = expected.iter().filter(|p| !prefix(p)).collect();
    let operators = expected.iter().filter(|p| is_operator_pattern(p)).count();
    let collapse = operators >= 3;
    let mut tokens = Vec::new();
    let mut labels = Vec::new();
    for p in expected.iter().copied() {
        if collapse && is_operator_pattern(p) {
            continue;
        }
        let text = match p {
            RichPattern::Token(t) => format!("`{}`", **t),
            RichPattern::Label(l) if l == super::expr::CRITERIA => continue,
            RichPattern::Label(l) => l.to_string(),
            RichPattern::Identifier(s) => format!("`{s}`"),
            RichPattern::EndOfInput => "end of input".to_owned(),
            _ => continue,
        };
        let bucket = if matches!(p, RichPattern::Token(_)) {
            &mut tokens
        } else {
            &mut labels
        };
        if !bucket.contains(&text) {
            bucket.push(text);
        }
    }
    for label in labels {
        if !tokens.contains(&label) {
            tokens.push(label);
        }
    }
    if collapse {
        tokens.push("an operator".to_owned());
    }
    match tokens.len() {
        0 => None,
        1 => tokens.pop(),
        n => {
            let last = tokens.pop().unwrap_or_default();
            let _ = n;
            Some(format!("{} or {last}", tokens.join(", ")))
        }
    }
}

fn help_for(
    found: Option<&Token<'_>>,
    expected: &[RichPattern<'_, Token<'_>>],
) -> Option<&'static str> {
    let wants_semi = expected
        .iter()
        .any(|p| matches!(p, RichPattern::Token(t) if **t == Token::Semi));
    let wants_block = expected
        .iter()
        .any(|p| matches!(p, RichPattern::Label(l) if l == "`{`"));
    match found {
        _ if wants_block && expected.len() == 1 => {
            Some("the body of `if`, `else`, `for each`, `try` and `catch` is written in `{ }`")
        }
        Some(Token::Assign) if wants_semi => {
            Some("an assignment is a statement of its own; to compare, use `==`")
        }
        Some(Token::LBracket) => Some("Deluge has no `[ ]` subscript; use `.get(index)`"),
        Some(Token::Ident(w)) if w.eq_ignore_ascii_case("while") => {
            Some("Deluge has no `while` loop; use `for each`")
        }
        Some(Token::Ident(w)) if w.eq_ignore_ascii_case("and") || w.eq_ignore_ascii_case("or") => {
            Some("Deluge's logical operators are `&&`, `||` and `!`")
        }
        _ if wants_semi => Some("statements end with `;`"),
        _ => None,
    }
}
