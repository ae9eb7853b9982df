//! The layout language between the tree and the text: a Wadler-style
//! document of texts, line breaks and groups.
//!
//! The per-construct printers (`layout/`) say where a line *may* break and
//! which breaks go together; the printer (`printer.rs`) decides, group by
//! group, whether a group fits on the rest of the line flat or must break.

use std::borrow::Cow;

#[derive(Debug, Clone)]
pub(crate) enum Doc {
    Nil,
    /// Text printed as it is. It may hold line breaks (a text literal or a
    /// block comment written over several lines).
    Text(Cow<'static, str>),
    /// A space when its group is flat, a line break when it breaks.
    Line,
    /// Nothing when its group is flat, a line break when it breaks.
    SoftLine,
    /// Always a line break; the groups around it break too.
    HardLine,
    /// A line break inside a block comment: like [`Doc::HardLine`], except
    /// that a `//` comment waiting for the end of the line (a
    /// [`Doc::LineSuffix`]) waits for the next break after the comment.
    LineInComment,
    /// Text kept back until just before the next line break: how a `//`
    /// comment stays at the end of its line whatever follows it.
    LineSuffix(Cow<'static, str>),
    /// Prints nothing but makes the groups around it break.
    BreakParent,
    /// Line breaks inside start one indentation level deeper.
    Indent(Box<Doc>),
    /// Printed flat if it fits in the rest of the line, else broken.
    /// `broken` is set when it holds a hard break and so can never be flat.
    Group {
        doc: Box<Doc>,
        broken: bool,
    },
    Concat(Vec<Doc>),
}

pub(crate) fn text(s: impl Into<Cow<'static, str>>) -> Doc {
    Doc::Text(s.into())
}

pub(crate) fn concat(docs: Vec<Doc>) -> Doc {
    Doc::Concat(docs)
}

pub(crate) fn indent(doc: Doc) -> Doc {
    Doc::Indent(Box::new(doc))
}

pub(crate) fn group(doc: Doc) -> Doc {
    let broken = forces_break(&doc);
    Doc::Group {
        doc: Box::new(doc),
        broken,
    }
}

/// True when `doc` holds a hard break outside any group already known to
/// be broken (whose flag already says so).
fn forces_break(doc: &Doc) -> bool {
    match doc {
        Doc::HardLine | Doc::LineInComment | Doc::BreakParent => true,
        Doc::Group { broken, .. } => *broken,
        Doc::Indent(inner) => forces_break(inner),
        Doc::Concat(docs) => docs.iter().any(forces_break),
        Doc::Nil | Doc::Text(_) | Doc::Line | Doc::SoftLine | Doc::LineSuffix(_) => false,
    }
}

/// Builds a [`Doc::Concat`] piece by piece.
#[derive(Default)]
pub(crate) struct Docs(Vec<Doc>);

impl Docs {
    pub fn new() -> Self {
        Docs(Vec::new())
    }

    pub fn push(&mut self, doc: Doc) -> &mut Self {
        if !matches!(doc, Doc::Nil) {
            self.0.push(doc);
        }
        self
    }

    pub fn text(&mut self, s: impl Into<Cow<'static, str>>) -> &mut Self {
        self.push(text(s))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn build(self) -> Doc {
        match self.0.len() {
            0 => Doc::Nil,
            _ => Doc::Concat(self.0),
        }
    }
}

impl FromIterator<Doc> for Docs {
    fn from_iter<I: IntoIterator<Item = Doc>>(iter: I) -> Self {
        let mut docs = Docs::new();
        for doc in iter {
            docs.push(doc);
        }
        docs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hard_breaks_break_every_enclosing_group() {
        let inner = group(concat(vec![text("a"), Doc::HardLine, text("b")]));
        let outer = group(indent(concat(vec![text("x"), inner])));
        assert!(matches!(outer, Doc::Group { broken: true, .. }));
        let flat = group(concat(vec![text("a"), Doc::Line, text("b")]));
        assert!(matches!(flat, Doc::Group { broken: false, .. }));
    }
}
