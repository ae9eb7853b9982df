//! Turns source text into a vector of (token, span), eagerly.
//!
//! Lexing errors become diagnostics here and an [`Token::Error`] token in
//! the stream, which the parser accepts without a second complaint. The
//! nesting guard (`nesting.rs`) then removes regions no later stage could
//! handle without risking its stack.

use crate::diagnostic::{Diagnostic, codes};
use crate::foreign;
use crate::nesting;
use crate::span::Span;
use crate::token::{LexError, Token};
use logos::Logos;

/// The token stream of one source text, and what went wrong lexing it.
#[derive(Debug)]
pub(crate) struct Lexed<'s> {
    pub tokens: Vec<(Token<'s>, Span)>,
    pub diagnostics: Vec<Diagnostic>,
    /// Opening brackets never properly closed, in source order.
    pub unclosed: Vec<(Token<'s>, Span)>,
    /// Where the openers still open at the end of input start.
    open_at_end: Vec<usize>,
    /// A literal or comment that ran into the end of input.
    pub runs_to_end: bool,
}

impl Lexed<'_> {
    /// True when the opener at `at` is still open at the end of input.
    pub fn open_at_end(&self, at: Span) -> bool {
        self.open_at_end.contains(&at.start)
    }
}

/// Lexes `source`, skipping a leading byte-order mark.
pub(crate) fn lex(source: &str) -> Lexed<'_> {
    let offset = if source.starts_with('\u{FEFF}') { 3 } else { 0 };
    let mut tokens = Vec::with_capacity(source.len() / 4);
    let mut diagnostics = Vec::new();
    let mut runs_to_end = false;
    let mut lexer = Token::lexer(&source[offset..]);
    while let Some(result) = lexer.next() {
        let range = lexer.span();
        let span = Span::new(range.start + offset, range.end + offset);
        match result {
            Ok(token) => tokens.push((token, span)),
            Err(error) => {
                runs_to_end |= matches!(
                    error,
                    LexError::UnterminatedText | LexError::UnterminatedComment
                );
                push_error(source, &mut tokens, &mut diagnostics, error, span);
            }
        }
    }
    foreign::merge_operators(&mut tokens, &mut diagnostics);
    nesting::guard(&mut tokens, &mut diagnostics);
    let (unclosed, open_at_end) = unclosed_brackets(&tokens);
    Lexed {
        tokens,
        diagnostics,
        unclosed,
        open_at_end,
        runs_to_end,
    }
}

/// Records a lexing error, merging a run of invalid characters into one.
fn push_error<'s>(
    source: &str,
    tokens: &mut Vec<(Token<'s>, Span)>,
    diagnostics: &mut Vec<Diagnostic>,
    error: LexError,
    span: Span,
) {
    if error == LexError::InvalidCharacter
        && let Some((Token::Error(LexError::InvalidCharacter), prev)) = tokens.last_mut()
        && prev.end == span.start
    {
        prev.end = span.end;
        if let Some(last) = diagnostics.last_mut() {
            *last = invalid_character(source, *prev);
        }
        return;
    }
    tokens.push((Token::Error(error), span));
    diagnostics.push(lex_diagnostic(source, error, span));
}

fn lex_diagnostic(source: &str, error: LexError, span: Span) -> Diagnostic {
    let text = source.get(span.range()).unwrap_or("");
    let opening = Span::new(span.start, span.start + 1);
    match error {
        LexError::InvalidCharacter => invalid_character(source, span),
        LexError::UnterminatedText => {
            let quote = if text.starts_with('\'') { "'" } else { "\"" };
            Diagnostic::error(codes::UNTERMINATED_TEXT, "unterminated text literal")
                .with_primary(opening, "this quote is never closed")
                .with_help(format!("add the closing `{quote}`"))
        }
        LexError::UnterminatedComment => {
            Diagnostic::error(codes::UNTERMINATED_COMMENT, "unterminated block comment")
                .with_primary(Span::new(span.start, span.start + 2), "comment starts here")
                .with_help("close the comment with `*/`")
        }
        LexError::NumberOutOfRange => Diagnostic::error(
            codes::NUMBER_OUT_OF_RANGE,
            format!("number `{text}` is out of range"),
        )
        .with_primary(span, "does not fit in a 64-bit NUMBER")
        .with_note("a NUMBER lies between -9223372036854775808 and 9223372036854775807"),
    }
}

fn invalid_character(source: &str, span: Span) -> Diagnostic {
    let text = source.get(span.range()).unwrap_or("");
    let mut diag = Diagnostic::error(
        codes::INVALID_CHARACTER,
        format!("invalid character `{}`", text.escape_debug()),
    )
    .with_primary(span, "not part of any Deluge token");
    let help = match text.chars().next() {
        Some('&') => Some("the logical and operator is `&&`"),
        Some('|') => Some("the logical or operator is `||`"),
        Some('?') => Some("Deluge has no `?:` operator; use `if(condition, a, b)`"),
        Some('#') => Some("comments start with `//` or `/*`"),
        Some(c) if c.is_alphabetic() => Some("names may use only ASCII letters, digits and `_`"),
        _ => None,
    };
    if let Some(help) = help {
        diag = diag.with_help(help);
    }
    diag
}

fn closer_of(token: &Token<'_>) -> Option<Token<'static>> {
    match token {
        Token::LParen => Some(Token::RParen),
        Token::LBrace => Some(Token::RBrace),
        Token::LBracket => Some(Token::RBracket),
        _ => None,
    }
}

/// The opening brackets never properly closed, in source order: those
/// still open at the end of input, and those skipped over by a closer that
/// matches an outer opener (`(` in `if (x > 1 { }`). A closer with no
/// opener of its kind is ignored here (the parser reports it).
type Openers<'s> = Vec<(Token<'s>, Span)>;

fn unclosed_brackets<'s>(tokens: &[(Token<'s>, Span)]) -> (Openers<'s>, Vec<usize>) {
    let mut stack: Vec<(Token<'s>, Span)> = Vec::new();
    let mut unclosed = Vec::new();
    for (token, span) in tokens {
        if closer_of(token).is_some() {
            stack.push((*token, *span));
        } else if matches!(token, Token::RParen | Token::RBrace | Token::RBracket)
            && let Some(pos) = stack
                .iter()
                .rposition(|(open, _)| closer_of(open).as_ref() == Some(token))
        {
            unclosed.extend(stack.drain(pos + 1..));
            stack.truncate(pos);
        }
    }
    let at_end = stack.iter().map(|(_, s)| s.start).collect();
    unclosed.extend(stack);
    unclosed.sort_by_key(|(_, s)| s.start);
    (unclosed, at_end)
}

/// The closing bracket for an opening one, for messages.
pub(crate) fn closing_symbol(open: &Token<'_>) -> &'static str {
    match open {
        Token::LParen => ")",
        Token::LBracket => "]",
        _ => "}",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<Token<'_>> {
        lex(src).tokens.into_iter().map(|(t, _)| t).collect()
    }

    #[test]
    fn bom_and_crlf_are_whitespace() {
        let lexed = lex("\u{FEFF}x = 1;\r\ny = 2;\rz");
        assert!(lexed.diagnostics.is_empty());
        assert_eq!(lexed.tokens[0], (Token::Ident("x"), Span::new(3, 4)));
        assert_eq!(lexed.tokens.len(), 9);
    }

    #[test]
    fn unterminated_text_points_at_the_quote() {
        let lexed = lex("x = \"abc;\ninfo x;");
        assert_eq!(lexed.diagnostics.len(), 1);
        let d = &lexed.diagnostics[0];
        assert_eq!(d.code, codes::UNTERMINATED_TEXT);
        assert_eq!(d.primary_span(), Span::new(4, 5));
        assert!(lexed.runs_to_end);
    }

    #[test]
    fn invalid_characters_merge() {
        let lexed = lex("x = é€ + 1;");
        assert_eq!(lexed.diagnostics.len(), 1);
        assert_eq!(lexed.diagnostics[0].code, codes::INVALID_CHARACTER);
        assert_eq!(
            kinds("a ? b"),
            vec![
                Token::Ident("a"),
                Token::Error(LexError::InvalidCharacter),
                Token::Ident("b")
            ]
        );
    }

    #[test]
    fn unclosed_brackets_are_found() {
        let lexed = lex("if (a) { f(1, 2]; ");
        let open: Vec<_> = lexed.unclosed.iter().map(|(t, _)| *t).collect();
        assert_eq!(open, vec![Token::LBrace, Token::LParen]);
        let lexed = lex("if (a > 1 { x = 1; }");
        let open: Vec<_> = lexed.unclosed.iter().map(|(t, s)| (*t, s.start)).collect();
        assert_eq!(open, vec![(Token::LParen, 3)]);
    }
}
