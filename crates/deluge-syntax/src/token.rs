//! The tokens of Deluge (language spec §2), recognised by logos.
//!
//! Tokens borrow from the source: text literals keep their raw content
//! (escapes are applied by [`unescape_text`] when the parser builds the tree)
//! so a token is `Copy` and cheap for the parser to clone and backtrack over.

use logos::{FilterResult, Lexer, Logos};
use std::fmt;

/// Why the lexer rejected some input. Each becomes one diagnostic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LexError {
    /// A character that starts no token (`#`, `?`, `&`, a non-ASCII letter).
    #[default]
    InvalidCharacter,
    /// A `"` or `'` literal with no closing quote before the end of input.
    UnterminatedText,
    /// A `/*` with no `*/` before the end of input.
    UnterminatedComment,
    /// A whole number outside the 64-bit range.
    NumberOutOfRange,
}

/// One token. Keywords are matched in any letter case; words that are only
/// softly reserved (`list`, `map`, `string`, `from`, `index`, `type`, ...)
/// stay identifiers so scripts may use them as variable names (§2.3).
#[derive(Logos, Debug, Clone, Copy, PartialEq)]
#[logos(error = LexError)]
// Whitespace: space, tab, line terminators, form feed and the non-breaking
// space that some editors leave in exported scripts.
#[logos(skip r"[ \t\r\n\x0C\u{A0}]+")]
#[logos(skip(r"//[^\r\n]*", allow_greedy = true))]
pub enum Token<'s> {
    #[token("/*", block_comment)]
    BlockComment,

    // ---- hard-reserved words (§2.3) ----
    #[token("true", ignore(case))]
    True,
    #[token("false", ignore(case))]
    False,
    #[token("null", ignore(case))]
    Null,
    #[token("if", ignore(case))]
    If,
    #[token("else", ignore(case))]
    Else,
    #[token("for", ignore(case))]
    For,
    #[token("each", ignore(case))]
    Each,
    #[token("in", ignore(case))]
    In,
    #[token("return", ignore(case))]
    Return,
    #[token("void", ignore(case))]
    Void,
    #[token("zoho", ignore(case))]
    Zoho,
    #[token("thisapp", ignore(case))]
    ThisApp,
    #[token("ifnull", ignore(case))]
    IfNull,
    #[token("info", ignore(case))]
    Info,
    #[token("try", ignore(case))]
    Try,
    #[token("catch", ignore(case))]
    Catch,
    #[token("break", ignore(case))]
    Break,
    #[token("continue", ignore(case))]
    Continue,
    #[token("invokeurl", ignore(case))]
    InvokeUrl,
    #[token("sendmail", ignore(case))]
    SendMail,

    #[regex(r"[A-Za-z_][A-Za-z0-9_]*")]
    Ident(&'s str),

    // ---- literals ----
    /// A double-quoted literal; the payload is the raw text between quotes.
    #[token("\"", double_quoted)]
    Text(&'s str),
    /// A single-quoted literal; the payload is the raw text between quotes.
    #[token("'", single_quoted)]
    SingleQuoted(&'s str),
    #[regex(r"[0-9]+", integer)]
    Int(i64),
    /// `0.99`, and `.5` (valid only where an operand is expected, §2.4.3).
    /// A point must be followed by a digit, so `5.toString()` lexes as
    /// `5` `.` `toString`.
    #[regex(r"[0-9]*\.[0-9]+", |lex| lex.slice())]
    Decimal(&'s str),

    // ---- operators and punctuation (§2.5) ----
    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("*")]
    Star,
    #[token("/")]
    Slash,
    #[token("%")]
    Percent,
    #[token("==")]
    EqEq,
    #[token("!=")]
    NotEq,
    #[token("<")]
    Lt,
    #[token("<=")]
    Le,
    #[token(">")]
    Gt,
    #[token(">=")]
    Ge,
    #[token("&&")]
    AndAnd,
    #[token("||")]
    OrOr,
    #[token("!")]
    Bang,
    #[token("=")]
    Assign,
    #[token("+=")]
    PlusEq,
    #[token("-=")]
    MinusEq,
    #[token("*=")]
    StarEq,
    #[token("/=")]
    SlashEq,
    #[token("%=")]
    PercentEq,
    #[token(".")]
    Dot,
    #[token(",")]
    Comma,
    #[token(":")]
    Colon,
    #[token(";")]
    Semi,
    #[token("(")]
    LParen,
    #[token(")")]
    RParen,
    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,
    #[token("[")]
    LBracket,
    #[token("]")]
    RBracket,

    /// Input the lexer rejected; already reported, so the parser accepts it
    /// quietly wherever an operand or a statement may stand.
    Error(LexError),
    /// A region removed by the nesting guard (`lexer.rs`), already reported.
    Skipped,
}

/// Skips a block comment, or fails when it never ends. Block comments do
/// not nest (§2.2).
fn block_comment<'s>(lex: &mut Lexer<'s, Token<'s>>) -> FilterResult<(), LexError> {
    match lex.remainder().find("*/") {
        Some(end) => {
            lex.bump(end + 2);
            FilterResult::Skip
        }
        None => {
            lex.bump(lex.remainder().len());
            FilterResult::Error(LexError::UnterminatedComment)
        }
    }
}

/// Finds the closing `quote`, stepping over any backslash escape, and
/// returns the raw content. Raw line breaks are allowed inside (§2.4.1).
fn quoted<'s>(lex: &mut Lexer<'s, Token<'s>>, quote: u8) -> Result<&'s str, LexError> {
    let rest = lex.remainder();
    let bytes = rest.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b if b == quote => {
                lex.bump(i + 1);
                return Ok(&rest[..i]);
            }
            _ => i += 1,
        }
    }
    lex.bump(rest.len());
    Err(LexError::UnterminatedText)
}

fn double_quoted<'s>(lex: &mut Lexer<'s, Token<'s>>) -> Result<&'s str, LexError> {
    quoted(lex, b'"')
}

fn single_quoted<'s>(lex: &mut Lexer<'s, Token<'s>>) -> Result<&'s str, LexError> {
    quoted(lex, b'\'')
}

fn integer<'s>(lex: &mut Lexer<'s, Token<'s>>) -> Result<i64, LexError> {
    // Parsing the digits exactly keeps 15 to 19 digit record ids intact.
    lex.slice()
        .parse::<i64>()
        .map_err(|_| LexError::NumberOutOfRange)
}

impl Token<'_> {
    /// True for the hard-reserved words of §2.3.
    pub fn is_keyword(&self) -> bool {
        self.keyword().is_some()
    }

    /// The keyword's canonical spelling, if this token is a keyword.
    pub fn keyword(&self) -> Option<&'static str> {
        Some(match self {
            Token::True => "true",
            Token::False => "false",
            Token::Null => "null",
            Token::If => "if",
            Token::Else => "else",
            Token::For => "for",
            Token::Each => "each",
            Token::In => "in",
            Token::Return => "return",
            Token::Void => "void",
            Token::Zoho => "zoho",
            Token::ThisApp => "thisapp",
            Token::IfNull => "ifnull",
            Token::Info => "info",
            Token::Try => "try",
            Token::Catch => "catch",
            Token::Break => "break",
            Token::Continue => "continue",
            Token::InvokeUrl => "invokeurl",
            Token::SendMail => "sendmail",
            _ => return None,
        })
    }

    /// The fixed spelling of a punctuation or operator token.
    pub fn symbol(&self) -> Option<&'static str> {
        Some(match self {
            Token::Plus => "+",
            Token::Minus => "-",
            Token::Star => "*",
            Token::Slash => "/",
            Token::Percent => "%",
            Token::EqEq => "==",
            Token::NotEq => "!=",
            Token::Lt => "<",
            Token::Le => "<=",
            Token::Gt => ">",
            Token::Ge => ">=",
            Token::AndAnd => "&&",
            Token::OrOr => "||",
            Token::Bang => "!",
            Token::Assign => "=",
            Token::PlusEq => "+=",
            Token::MinusEq => "-=",
            Token::StarEq => "*=",
            Token::SlashEq => "/=",
            Token::PercentEq => "%=",
            Token::Dot => ".",
            Token::Comma => ",",
            Token::Colon => ":",
            Token::Semi => ";",
            Token::LParen => "(",
            Token::RParen => ")",
            Token::LBrace => "{",
            Token::RBrace => "}",
            Token::LBracket => "[",
            Token::RBracket => "]",
            _ => return None,
        })
    }

    /// True for the tokens that combine operands or reach into a value:
    /// binary and unary operators and `.`. The nesting guard counts them.
    pub fn is_operator(&self) -> bool {
        matches!(
            self,
            Token::Plus
                | Token::Minus
                | Token::Star
                | Token::Slash
                | Token::Percent
                | Token::EqEq
                | Token::NotEq
                | Token::Lt
                | Token::Le
                | Token::Gt
                | Token::Ge
                | Token::AndAnd
                | Token::OrOr
                | Token::Bang
                | Token::Assign
                | Token::Dot
                | Token::In
        )
    }
}

impl fmt::Display for Token<'_> {
    /// Prints the token as the user typed it (literals in their quotes), so
    /// a message can say ``found `;` ``.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(k) = self.keyword() {
            return f.write_str(k);
        }
        if let Some(s) = self.symbol() {
            return f.write_str(s);
        }
        match self {
            Token::Ident(s) | Token::Decimal(s) => f.write_str(s),
            Token::Text(s) => write!(f, "\"{s}\""),
            Token::SingleQuoted(s) => write!(f, "'{s}'"),
            Token::Int(n) => write!(f, "{n}"),
            Token::Error(_) => f.write_str("invalid input"),
            Token::Skipped => f.write_str("a region nested too deeply"),
            _ => f.write_str("a comment"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex(src: &str) -> Vec<Result<Token<'_>, LexError>> {
        Token::lexer(src).collect()
    }

    #[test]
    fn keywords_match_in_any_case() {
        assert_eq!(
            lex("TRUE True invokeUrl ifNull For EACH"),
            vec![
                Ok(Token::True),
                Ok(Token::True),
                Ok(Token::InvokeUrl),
                Ok(Token::IfNull),
                Ok(Token::For),
                Ok(Token::Each),
            ]
        );
    }

    #[test]
    fn soft_words_stay_identifiers() {
        assert_eq!(
            lex("list map string index url type from information"),
            [
                "list",
                "map",
                "string",
                "index",
                "url",
                "type",
                "from",
                "information"
            ]
            .map(|s| Ok(Token::Ident(s)))
            .to_vec()
        );
    }

    #[test]
    fn numbers_and_member_access() {
        assert_eq!(
            lex("5.toString() 1.5.round .5 0.99"),
            vec![
                Ok(Token::Int(5)),
                Ok(Token::Dot),
                Ok(Token::Ident("toString")),
                Ok(Token::LParen),
                Ok(Token::RParen),
                Ok(Token::Decimal("1.5")),
                Ok(Token::Dot),
                Ok(Token::Ident("round")),
                Ok(Token::Decimal(".5")),
                Ok(Token::Decimal("0.99")),
            ]
        );
    }

    #[test]
    fn long_ids_are_exact_and_overflow_is_an_error() {
        assert_eq!(
            lex("4876876000000200001"),
            vec![Ok(Token::Int(4876876000000200001))]
        );
        assert_eq!(
            lex("9223372036854775808"),
            vec![Err(LexError::NumberOutOfRange)]
        );
    }

    #[test]
    fn comments_and_odd_whitespace_are_skipped() {
        assert_eq!(
            lex("a // x\n/* y\n */ b\u{A0}\x0Cc"),
            vec![
                Ok(Token::Ident("a")),
                Ok(Token::Ident("b")),
                Ok(Token::Ident("c"))
            ]
        );
        assert_eq!(lex("/* open"), vec![Err(LexError::UnterminatedComment)]);
    }

    #[test]
    fn text_literals_keep_raw_content() {
        assert_eq!(
            lex(r#""a \"b\" // c" 'x\'y'"#),
            vec![
                Ok(Token::Text(r#"a \"b\" // c"#)),
                Ok(Token::SingleQuoted(r"x\'y"))
            ]
        );
        assert_eq!(lex("\"open"), vec![Err(LexError::UnterminatedText)]);
    }

    #[test]
    fn display_prints_as_typed() {
        assert_eq!(Token::Semi.to_string(), ";");
        assert_eq!(Token::InvokeUrl.to_string(), "invokeurl");
        assert_eq!(Token::Text("a").to_string(), "\"a\"");
    }
}
