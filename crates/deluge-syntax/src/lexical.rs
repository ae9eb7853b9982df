//! The lexical classes of a source text, for syntax highlighting: every
//! token and every comment with its span, in source order.
//!
//! The parser never sees comments (the lexer skips them), so they are found
//! here in the gaps between tokens: a gap holds only whitespace and
//! comments, because anything else would have been a token or a lexing
//! error.

use crate::span::Span;
use crate::token::{LexError, Token};
use logos::Logos;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenClass {
    /// A hard-reserved word (§2.3), including `true`, `false` and `null`.
    Keyword,
    Identifier,
    /// A double- or single-quoted literal (also an unterminated one).
    Text,
    Number,
    /// Arithmetic, comparison, logical and assignment operators.
    Operator,
    /// `.`, `,`, `:`, `;` and brackets.
    Punctuation,
    Comment,
    /// Characters that start no token.
    Invalid,
}

/// Every token and comment of `source` with its class, in source order.
/// Spans are byte offsets into `source` (after a byte-order mark, if any).
pub fn classify(source: &str) -> Vec<(Span, TokenClass)> {
    let offset = if source.starts_with('\u{FEFF}') { 3 } else { 0 };
    let mut out = Vec::with_capacity(source.len() / 4);
    let mut gap_start = offset;
    let mut lexer = Token::lexer(&source[offset..]);
    while let Some(result) = lexer.next() {
        let range = lexer.span();
        let span = Span::new(range.start + offset, range.end + offset);
        comments_in(source, gap_start, span.start, &mut out);
        out.push((span, class_of(result)));
        gap_start = span.end;
    }
    comments_in(source, gap_start, source.len(), &mut out);
    out
}

fn class_of(result: Result<Token<'_>, LexError>) -> TokenClass {
    match result {
        Ok(token) if token.is_keyword() => TokenClass::Keyword,
        Ok(Token::Ident(_)) => TokenClass::Identifier,
        Ok(Token::Text(_) | Token::SingleQuoted(_)) => TokenClass::Text,
        Ok(Token::Int(_) | Token::Decimal(_)) => TokenClass::Number,
        Ok(token) if token.is_operator() && token != Token::Dot => TokenClass::Operator,
        Ok(
            Token::Assign
            | Token::PlusEq
            | Token::MinusEq
            | Token::StarEq
            | Token::SlashEq
            | Token::PercentEq,
        ) => TokenClass::Operator,
        Ok(_) => TokenClass::Punctuation,
        Err(LexError::UnterminatedText) => TokenClass::Text,
        Err(LexError::UnterminatedComment) => TokenClass::Comment,
        Err(LexError::NumberOutOfRange) => TokenClass::Number,
        Err(LexError::InvalidCharacter) => TokenClass::Invalid,
    }
}

/// The comments in `source[start..end]`, a stretch between two tokens.
fn comments_in(source: &str, start: usize, end: usize, out: &mut Vec<(Span, TokenClass)>) {
    let gap = &source[start..end];
    let mut i = 0;
    while let Some(found) = gap[i..].find('/') {
        let at = i + found;
        let rest = &gap[at..];
        let len = if rest.starts_with("//") {
            rest.find(['\r', '\n']).unwrap_or(rest.len())
        } else if let Some(body) = rest.strip_prefix("/*") {
            body.find("*/").map_or(rest.len(), |close| close + 4)
        } else {
            // Not reachable for a real gap; step over the character.
            1
        };
        if len > 1 {
            out.push((Span::new(start + at, start + at + len), TokenClass::Comment));
        }
        i = at + len;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes(source: &str) -> Vec<(&str, TokenClass)> {
        classify(source)
            .into_iter()
            .map(|(span, class)| (&source[span.range()], class))
            .collect()
    }

    #[test]
    fn tokens_and_comments_in_order() {
        use TokenClass::*;
        let source = "// lead\nif (x >= 1) { s = \"a // b\"; } /* tail */";
        assert_eq!(
            classes(source),
            [
                ("// lead", Comment),
                ("if", Keyword),
                ("(", Punctuation),
                ("x", Identifier),
                (">=", Operator),
                ("1", Number),
                (")", Punctuation),
                ("{", Punctuation),
                ("s", Identifier),
                ("=", Operator),
                ("\"a // b\"", Text),
                (";", Punctuation),
                ("}", Punctuation),
                ("/* tail */", Comment),
            ]
        );
    }

    #[test]
    fn unterminated_literals_and_comments_keep_their_class() {
        assert_eq!(
            classes("x = 'abc"),
            [
                ("x", TokenClass::Identifier),
                ("=", TokenClass::Operator),
                ("'abc", TokenClass::Text)
            ]
        );
        assert_eq!(
            classes("a; /* open"),
            [
                ("a", TokenClass::Identifier),
                (";", TokenClass::Punctuation),
                ("/* open", TokenClass::Comment)
            ]
        );
    }

    #[test]
    fn comments_between_tokens_on_one_line_and_after_a_bom() {
        let source = "\u{FEFF}a/*1*//*2*/b // end\r\nc";
        let found = classes(source);
        assert_eq!(found[1], ("/*1*/", TokenClass::Comment));
        assert_eq!(found[2], ("/*2*/", TokenClass::Comment));
        assert_eq!(found[4], ("// end", TokenClass::Comment));
        assert_eq!(found.last(), Some(&("c", TokenClass::Identifier)));
    }
}
