//! One open document: its text, its parse and diagnostics (recomputed on
//! every change, which is fast enough for files of thousands of lines: see
//! `benches/keystroke.rs`), and its index, built on the first request after
//! a change.

use crate::index::Index;
use crate::position::LineMap;
use crate::walk;
use deluge_syntax::{Diagnostic, Parse};
use lsp_types::TextDocumentContentChangeEvent;
use std::cell::OnceCell;

pub struct Document {
    pub version: i32,
    pub text: String,
    pub lines: LineMap,
    pub parsed: Parse,
    /// What `deluge check` reports for this text.
    pub diagnostics: Vec<Diagnostic>,
    index: OnceCell<Index>,
}

impl Document {
    pub fn new(text: String, version: i32) -> Document {
        let parsed = deluge_syntax::parse(&text);
        let diagnostics = deluge_runtime::lint::diagnostics(&parsed, &text);
        Document {
            version,
            lines: LineMap::new(&text),
            text,
            parsed,
            diagnostics,
            index: OnceCell::new(),
        }
    }

    /// Applies the changes in order (each range is relative to the text
    /// the previous change left), then re-reads the text.
    pub fn change(&mut self, changes: Vec<TextDocumentContentChangeEvent>, version: i32) {
        let mut text = std::mem::take(&mut self.text);
        for change in changes {
            match change.range {
                Some(range) => {
                    let span = self.lines.span(&text, range);
                    text.replace_range(span.range(), &change.text);
                    self.lines = LineMap::new(&text);
                }
                None => {
                    text = change.text;
                    self.lines = LineMap::new(&text);
                }
            }
        }
        *self = Document::new(text, version);
    }

    pub fn index(&self) -> &Index {
        self.index.get_or_init(|| walk::index(&self.parsed.script))
    }

    /// The byte offset of an LSP position.
    pub fn offset(&self, position: lsp_types::Position) -> usize {
        self.lines.offset(&self.text, position)
    }

    pub fn range(&self, span: deluge_syntax::Span) -> lsp_types::Range {
        self.lines.range(&self.text, span)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_types::{Position, Range};

    fn edit(range: Option<Range>, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range,
            range_length: None,
            text: text.to_string(),
        }
    }

    #[test]
    fn incremental_changes_apply_in_order() {
        let mut doc = Document::new("x = 1;\ny = 2;\n".into(), 1);
        let second_line = Range::new(Position::new(1, 4), Position::new(1, 5));
        let start = Range::new(Position::new(0, 0), Position::new(0, 0));
        doc.change(
            vec![edit(Some(second_line), "x"), edit(Some(start), "// a\n")],
            2,
        );
        assert_eq!(doc.text, "// a\nx = 1;\ny = x;\n");
        assert_eq!(doc.version, 2);
        assert!(doc.diagnostics.is_empty());
    }

    #[test]
    fn a_change_without_a_range_replaces_the_text_and_rechecks_it() {
        let mut doc = Document::new("x = 1;".into(), 1);
        doc.change(vec![edit(None, "x = ;")], 2);
        assert_eq!(doc.text, "x = ;");
        assert_eq!(doc.diagnostics.len(), 1);
        assert!(doc.index().scopes.len() == 1);
    }

    #[test]
    fn an_edit_in_the_middle_of_a_surrogate_pair_stays_on_a_character_boundary() {
        let mut doc = Document::new("s = \"😀\";".into(), 1);
        let inside = Range::new(Position::new(0, 6), Position::new(0, 6));
        doc.change(vec![edit(Some(inside), "a")], 2);
        assert!(doc.text.contains('😀'), "{}", doc.text);
    }
}
