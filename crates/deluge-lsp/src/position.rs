//! Byte offsets ↔ LSP positions.
//!
//! The tree and the diagnostics use byte offsets; the protocol counts lines
//! from 0 and characters in UTF-16 code units (the encoding every client
//! supports). Lines end at LF, CR LF or a lone CR, as in the language spec
//! and the protocol.

use deluge_syntax::{LineIndex, Span};
use lsp_types::{Position, Range};

/// Where each line of one text starts, counted from 0 as the protocol does
/// (the syntax crate's [`LineIndex`] counts from 1).
#[derive(Debug, Clone)]
pub struct LineMap {
    index: LineIndex,
}

impl LineMap {
    pub fn new(text: &str) -> LineMap {
        LineMap {
            index: LineIndex::new(text),
        }
    }

    /// The 0-based line holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.index.line(offset) - 1
    }

    /// Where the 0-based `line` starts; `None` past the last line.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.index.line_start(line + 1)
    }

    /// The position of byte `offset` (clamped to the text).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = floor_boundary(text, offset);
        let line = self.line_of(offset);
        // `line_of` only names lines that exist, so the fallback is unused.
        let start = self.line_start(line).unwrap_or(0);
        Position::new(line as u32, utf16_len(&text[start..offset]) as u32)
    }

    pub fn range(&self, text: &str, span: Span) -> Range {
        Range::new(
            self.position(text, span.start),
            self.position(text, span.end.max(span.start)),
        )
    }

    /// The byte offset of `position`. A line past the end means the end of
    /// the text; a character past the end of its line means the end of the
    /// line (before its terminator), as the protocol asks.
    pub fn offset(&self, text: &str, position: Position) -> usize {
        let Some(start) = self.line_start(position.line as usize) else {
            return text.len();
        };
        let content = &text[start..self.content_end(text, position.line as usize)];
        let mut units = 0;
        for (i, c) in content.char_indices() {
            if units >= position.character as usize {
                return start + i;
            }
            units += c.len_utf16();
        }
        start + content.len()
    }

    /// The byte range of `range`, with its ends in order.
    pub fn span(&self, text: &str, range: Range) -> Span {
        let start = self.offset(text, range.start);
        let end = self.offset(text, range.end);
        Span::new(start.min(end), start.max(end))
    }

    /// Where the content of `line` ends, before its line terminator.
    pub fn content_end(&self, text: &str, line: usize) -> usize {
        let end = self.line_start(line + 1).unwrap_or(text.len());
        let content = &text[self.line_start(line).unwrap_or(end).min(end)..end];
        end - (content.len() - content.trim_end_matches(['\r', '\n']).len())
    }
}

pub fn utf16_len(text: &str) -> usize {
    text.chars().map(char::len_utf16).sum()
}

fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_count_utf16_code_units() {
        // "é" is 2 bytes and 1 unit; "😀" is 4 bytes and 2 units.
        let text = "a = \"é😀\"; b";
        let map = LineMap::new(text);
        let b = text.find('b').expect("b");
        assert_eq!(map.position(text, b), Position::new(0, 11));
        assert_eq!(map.offset(text, Position::new(0, 11)), b);
    }

    #[test]
    fn lines_end_at_lf_crlf_and_cr() {
        let text = "a\nb\r\nc\rd";
        let map = LineMap::new(text);
        assert_eq!(map.line_start(3), Some(7));
        assert_eq!(map.line_start(4), None);
        assert_eq!(map.position(text, 5), Position::new(2, 0));
        assert_eq!(map.position(text, 7), Position::new(3, 0));
        assert_eq!(map.offset(text, Position::new(1, 0)), 2);
    }

    #[test]
    fn positions_past_the_end_are_clamped() {
        let text = "ab\r\ncd";
        let map = LineMap::new(text);
        assert_eq!(map.offset(text, Position::new(0, 99)), 2);
        assert_eq!(map.offset(text, Position::new(9, 0)), text.len());
        assert_eq!(map.position(text, 99), Position::new(1, 2));
    }

    #[test]
    fn a_span_becomes_a_range() {
        let text = "x = 1;\ny = x;";
        let map = LineMap::new(text);
        let range = map.range(text, Span::new(11, 12));
        assert_eq!(range, Range::new(Position::new(1, 4), Position::new(1, 5)));
        assert_eq!(map.span(text, range), Span::new(11, 12));
    }
}
