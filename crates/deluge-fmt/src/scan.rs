//! A scanner for what the syntax tree leaves out: comments and the
//! parentheses an author wrote around expressions.
//!
//! The lexer skips comments and the parser drops parentheses, so the
//! formatter finds them again in the source text. The scanner knows just
//! enough of the token rules to agree with the lexer: text literals in `"`
//! or `'` (with backslash escapes) are stepped over, so a `//` or a `(`
//! inside a text is never mistaken for code. It is only run on files that
//! lexed without error, where that is the whole story: every other token is
//! free of quotes, slashes and parentheses.

use deluge_syntax::Span;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CommentKind {
    /// `// ...` up to the end of the line (the line break is not part of it).
    Line,
    /// `/* ... */`, possibly over several lines.
    Block,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawComment {
    pub span: Span,
    pub kind: CommentKind,
}

/// Comments in source order, and each `(` paired with its `)`.
#[derive(Debug, Default)]
pub(crate) struct Scan {
    pub comments: Vec<RawComment>,
    /// Byte offset of an opening `(` → byte offset of its closing `)`.
    pub parens: HashMap<usize, usize>,
}

pub(crate) fn scan(source: &str) -> Scan {
    let bytes = source.as_bytes();
    let mut out = Scan::default();
    let mut open = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            quote @ (b'"' | b'\'') => i = after_quoted(bytes, i, quote),
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                let end = line_end(bytes, i);
                out.comments.push(comment(i, end, CommentKind::Line));
                i = end;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                let end = block_end(source, i);
                out.comments.push(comment(i, end, CommentKind::Block));
                i = end;
            }
            b'(' => {
                open.push(i);
                i += 1;
            }
            b')' => {
                if let Some(start) = open.pop() {
                    out.parens.insert(start, i);
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    out
}

fn comment(start: usize, end: usize, kind: CommentKind) -> RawComment {
    RawComment {
        span: Span::new(start, end),
        kind,
    }
}

/// The offset just past the literal that opens at `start`, stepping over
/// escapes exactly as the lexer does.
fn after_quoted(bytes: &[u8], start: usize, quote: u8) -> usize {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b if b == quote => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// A line comment runs up to (not including) the next CR or LF.
fn line_end(bytes: &[u8], start: usize) -> usize {
    bytes[start..]
        .iter()
        .position(|&b| b == b'\n' || b == b'\r')
        .map_or(bytes.len(), |n| start + n)
}

/// A block comment ends just after the first `*/` (they do not nest).
fn block_end(source: &str, start: usize) -> usize {
    source[start + 2..]
        .find("*/")
        .map_or(source.len(), |n| start + 2 + n + 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(source: &str) -> Vec<&str> {
        scan(source)
            .comments
            .iter()
            .map(|c| &source[c.span.range()])
            .collect()
    }

    #[test]
    fn finds_both_comment_forms() {
        assert_eq!(
            texts("a = 1; // one\r\n/* two\n */ b = 2;"),
            vec!["// one", "/* two\n */"]
        );
    }

    #[test]
    fn comment_markers_inside_texts_are_not_comments() {
        let src = r#"a = "x // y /* z"; b = 'it\'s // not'; c = "\"//"; // real"#;
        assert_eq!(texts(src), vec!["// real"]);
    }

    #[test]
    fn parentheses_are_paired_outside_texts_and_comments() {
        let src = "x = (a + f(\")\")) /* ( */ * (b);";
        let parens = scan(src).parens;
        assert_eq!(parens.get(&4), Some(&15));
        assert_eq!(parens.get(&10), Some(&14));
        assert_eq!(parens.get(&27), Some(&29));
        assert_eq!(parens.len(), 3);
    }

    #[test]
    fn division_is_not_a_comment() {
        assert!(texts("x = a / b /= c;").is_empty());
    }
}
