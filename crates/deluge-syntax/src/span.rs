//! Byte spans into the source text and the line index that turns them into
//! line/column positions for humans.

use std::fmt;

/// A half-open byte range `start..end` into the source text.
///
/// Spans are byte offsets (not characters) because that is what the lexer
/// produces and what ariadne is told to use (`IndexType::Byte`).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// An empty span at `offset`, used to point "just after" a token.
    pub const fn point(offset: usize) -> Self {
        Span {
            start: offset,
            end: offset,
        }
    }

    /// The smallest span covering both `self` and `other`.
    pub fn to(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

/// Maps byte offsets to 1-based line and column numbers.
///
/// Lines end at LF, CR LF or a lone CR (language spec §2.1). Columns count
/// Unicode scalar values, which is what editors show.
#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Byte offset at which each line starts; `line_starts[0] == 0`.
    line_starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(source: &str) -> Self {
        let bytes = source.as_bytes();
        let mut line_starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => line_starts.push(i + 1),
                b'\r' => {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    line_starts.push(i + 1);
                }
                _ => {}
            }
            i += 1;
        }
        LineIndex { line_starts }
    }

    /// 1-based line number of the byte `offset`.
    pub fn line(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(line) => line + 1,
            Err(next) => next,
        }
    }

    /// 1-based (line, column) of the byte `offset`; the column counts chars.
    pub fn line_col(&self, source: &str, offset: usize) -> (usize, usize) {
        let line = self.line(offset);
        let start = self.line_starts[line - 1];
        let end = offset.min(source.len());
        let column = source
            .get(start..end)
            .map(|s| s.chars().count())
            .unwrap_or(end.saturating_sub(start));
        (line, column + 1)
    }

    /// Byte offset at which the 1-based `line` starts; `None` past the last
    /// line.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.line_starts.get(line.checked_sub(1)?).copied()
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_end_at_lf_crlf_and_cr() {
        let src = "a\nb\r\nc\rd";
        let idx = LineIndex::new(src);
        assert_eq!(idx.line(0), 1);
        assert_eq!(idx.line(2), 2);
        assert_eq!(idx.line(5), 3);
        assert_eq!(idx.line(7), 4);
        assert_eq!(idx.line_count(), 4);
    }

    #[test]
    fn line_starts_are_found_by_line_number() {
        let idx = LineIndex::new("a\nb\r\nc\rd");
        assert_eq!(idx.line_start(1), Some(0));
        assert_eq!(idx.line_start(3), Some(5));
        assert_eq!(idx.line_start(4), Some(7));
        assert_eq!(idx.line_start(0), None);
        assert_eq!(idx.line_start(5), None);
    }

    #[test]
    fn columns_count_characters() {
        let src = "é = 1;";
        let idx = LineIndex::new(src);
        // "é" is two bytes; '=' starts at byte 3 and is the third character.
        assert_eq!(idx.line_col(src, 3), (1, 3));
    }
}
