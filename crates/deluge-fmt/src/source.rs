//! The source text seen through what the scanner found: where comments
//! are, which expressions sit in parentheses, where blank lines separate
//! things.

use crate::scan::{self, CommentKind};
use deluge_syntax::Span;
use std::collections::HashMap;

/// A comment with the facts about its surroundings that decide its layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Comment {
    pub span: Span,
    pub kind: CommentKind,
    /// Only whitespace precedes it on its line.
    pub own_line: bool,
    /// Only whitespace follows it up to the end of its line.
    pub ends_line: bool,
    /// A blank line separates it from what precedes it.
    pub blank_before: bool,
}

pub(crate) struct Source<'s> {
    pub text: &'s str,
    pub comments: Vec<Comment>,
    parens: HashMap<usize, usize>,
}

/// Whitespace as the lexer sees it, plus the byte-order mark it skips.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n' | '\x0C' | '\u{A0}' | '\u{FEFF}')
}

fn is_space_in_line(c: char) -> bool {
    c != '\n' && is_space(c)
}

impl<'s> Source<'s> {
    pub fn new(text: &'s str) -> Self {
        let scanned = scan::scan(text);
        let comments = scanned
            .comments
            .iter()
            .map(|raw| {
                let before = text[..raw.span.start].trim_end_matches(is_space_in_line);
                let after = text[raw.span.end..].trim_start_matches(is_space_in_line);
                Comment {
                    span: raw.span,
                    kind: raw.kind,
                    own_line: before.is_empty() || before.ends_with('\n'),
                    ends_line: after.is_empty() || after.starts_with('\n'),
                    blank_before: blank_line_before(text, raw.span.start),
                }
            })
            .collect();
        Source {
            text,
            comments,
            parens: scanned.parens,
        }
    }

    pub fn slice(&self, span: Span) -> &'s str {
        self.text.get(span.range()).unwrap_or("")
    }

    /// True when a blank line separates `pos` from the code or comment
    /// before it.
    pub fn blank_line_before(&self, pos: usize) -> bool {
        blank_line_before(self.text, pos)
    }

    /// True when no line break lies between the offsets `from` and `to`.
    pub fn same_line(&self, from: usize, to: usize) -> bool {
        from >= to || !self.text[from..to].contains('\n')
    }

    /// The offset of the first code character at or after `pos`, past
    /// whitespace and comments.
    pub fn next_code(&self, mut pos: usize) -> usize {
        loop {
            let rest = &self.text[pos..];
            pos += rest.len() - rest.trim_start_matches(is_space).len();
            match self.comment_starting_at(pos) {
                Some(c) => pos = c.span.end,
                None => return pos,
            }
        }
    }

    /// The offset just after the last code character before `pos`, before
    /// any whitespace and comments.
    pub fn code_end_before(&self, mut pos: usize) -> usize {
        loop {
            pos = self.text[..pos].trim_end_matches(is_space).len();
            match self.comment_ending_at(pos) {
                Some(c) => pos = c.span.start,
                None => return pos,
            }
        }
    }

    /// True when the expression at `span` is written in parentheses of
    /// its own: it starts with `(` and that parenthesis closes at its end
    /// (`(a).f()` starts with one that closes early).
    pub fn is_parenthesised(&self, span: Span) -> bool {
        span.end > span.start
            && self.text.as_bytes().get(span.start) == Some(&b'(')
            && self.parens.get(&span.start) == Some(&(span.end - 1))
    }

    /// `span` without the parentheses around it, however many pairs.
    pub fn strip_parens(&self, mut span: Span) -> Span {
        while self.is_parenthesised(span) {
            let start = self.next_code(span.start + 1);
            let end = self.code_end_before(span.end - 1);
            span = Span::new(start, end.max(start));
        }
        span
    }

    fn comment_starting_at(&self, pos: usize) -> Option<&Comment> {
        let i = self
            .comments
            .binary_search_by_key(&pos, |c| c.span.start)
            .ok()?;
        self.comments.get(i)
    }

    fn comment_ending_at(&self, pos: usize) -> Option<&Comment> {
        // Comments do not overlap, so their ends are sorted too.
        let i = self
            .comments
            .binary_search_by_key(&pos, |c| c.span.end)
            .ok()?;
        self.comments.get(i)
    }
}

fn blank_line_before(text: &str, pos: usize) -> bool {
    let code = text[..pos].trim_end_matches(is_space).len();
    text[code..pos].matches('\n').count() >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_know_their_surroundings() {
        let src = "a = 1; // t\n\n// own\n/* lead */ b = 2;";
        let s = Source::new(src);
        let flags: Vec<_> = s
            .comments
            .iter()
            .map(|c| (c.own_line, c.ends_line, c.blank_before))
            .collect();
        assert_eq!(
            flags,
            vec![
                (false, true, false),
                (true, true, true),
                (true, false, false)
            ]
        );
    }

    #[test]
    fn code_positions_skip_comments() {
        let src = "} /* a */ // b\n  else {";
        let s = Source::new(src);
        assert_eq!(&src[s.next_code(1)..], "else {");
        assert_eq!(s.code_end_before(src.find("else").unwrap_or(0)), 1);
    }

    #[test]
    fn parentheses_are_recognised() {
        let src = "x = ( (a) ).f() + (b).g();";
        let s = Source::new(src);
        let whole = Span::new(4, 11);
        assert!(s.is_parenthesised(whole));
        assert_eq!(s.strip_parens(whole), Span::new(7, 8));
        // `(b).g()` starts with a parenthesis that closes early.
        assert!(!s.is_parenthesised(Span::new(18, 25)));
    }
}
