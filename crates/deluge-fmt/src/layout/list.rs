//! Comma-separated lists between brackets: arguments, parameters, list
//! and map literals. Flat when they fit, else one item per line (tabs
//! shown as spaces):
//!
//! ```text
//! f(a, b)        f(
//!                    a,
//!                    b
//!                )
//! ```
//!
//! A `//` comment in the list keeps it broken, so the comment stays on the
//! line of the item it follows or on a line of its own.

use super::Formatter;
use crate::doc::{Doc, Docs, concat, group, indent, text};
use crate::scan::CommentKind;
use deluge_syntax::Span;

impl Formatter<'_> {
    /// Lays out `items` between `open` and `close`; `close_pos` is the
    /// offset of the closing bracket in the source.
    pub(super) fn delimited<T>(
        &mut self,
        (open, close): (&'static str, &'static str),
        items: &[T],
        close_pos: usize,
        span: impl Fn(&T) -> Span,
        mut print: impl FnMut(&mut Self, &T) -> Doc,
    ) -> Doc {
        let mut parts = Docs::new();
        for (i, item) in items.iter().enumerate() {
            let at = span(item);
            parts.push(self.leading_in_list(at.start));
            parts.push(print(self, item));
            let next = items.get(i + 1);
            if next.is_some() {
                parts.text(",");
            }
            let limit = next.map_or(close_pos, |n| span(n).start);
            parts.push(self.trailing(at.end, limit, true));
            if next.is_some() {
                parts.push(Doc::Line);
            }
        }
        for c in self.take_before(close_pos) {
            if !parts.is_empty() {
                parts.push(Doc::HardLine);
            }
            parts.push(self.comment_doc(&c)).push(Doc::BreakParent);
        }
        if parts.is_empty() {
            return text(format!("{open}{close}"));
        }
        let mut d = Docs::new();
        d.text(open)
            .push(indent(concat(vec![Doc::SoftLine, parts.build()])))
            .push(Doc::SoftLine)
            .text(close);
        group(d.build())
    }

    /// The comments in front of an item: a block comment followed by code
    /// on its line stays in front of it; any other gets a line of its own.
    fn leading_in_list(&mut self, pos: usize) -> Doc {
        let mut d = Docs::new();
        for c in self.take_before(pos) {
            d.push(self.comment_doc(&c));
            if c.kind == CommentKind::Block && !c.ends_line {
                d.text(" ");
            } else {
                d.push(Doc::HardLine);
            }
        }
        d.build()
    }
}
