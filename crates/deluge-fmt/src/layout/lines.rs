//! Things laid out one per line: the statements of a block or a script,
//! the functions of a file, the parameters of a task block. Comments
//! between them get lines of their own; a comment after one on the same
//! line stays there; a run of blank lines becomes one blank line.

use super::Formatter;
use crate::doc::{Doc, Docs};
use crate::scan::CommentKind;
use crate::source::Comment;
use deluge_syntax::Span;
use deluge_syntax::ast::{FunctionDef, Stmt, StmtKind, TaskParam};

/// Where blank lines go between the lines of a list.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Spacing {
    /// Where the source had at least one.
    AsWritten,
    /// Where the source had one, and always after an item (function
    /// definitions).
    BlankAfterEach,
}

/// Anything laid out one per line.
pub(super) trait Spanned {
    fn span(&self) -> Span;

    /// True when the `//` comments on the line where it starts stay at the
    /// end of the first line printed for it (see `hoist_first_line`).
    fn keeps_first_line_comments(&self) -> bool {
        false
    }
}

impl Spanned for Stmt {
    fn span(&self) -> Span {
        self.span
    }

    /// Simple statements; a compound statement's first line holds the
    /// start of its body, whose statements have comments of their own.
    fn keeps_first_line_comments(&self) -> bool {
        !matches!(
            self.kind,
            StmtKind::If { .. } | StmtKind::ForEach { .. } | StmtKind::Try { .. }
        )
    }
}

impl Spanned for FunctionDef {
    fn span(&self) -> Span {
        self.span
    }
}

impl Spanned for TaskParam {
    fn span(&self) -> Span {
        self.span
    }
}

/// One line (or several, for a compound statement) of the list.
struct Entry {
    blank_before: bool,
    doc: Doc,
}

/// The entries so far, and a block comment waiting to go in front of the
/// next one (it sat before code on its line: `/* why */ x = 1;`).
struct Entries {
    spacing: Spacing,
    list: Vec<Entry>,
    prefix: Docs,
    prefix_blank: bool,
    after_item: bool,
}

impl Entries {
    fn blank(&self, in_source: bool) -> bool {
        in_source || (self.spacing == Spacing::BlankAfterEach && self.after_item)
    }

    fn push(&mut self, blank_before: bool, doc: Doc) {
        let mut prefix = std::mem::take(&mut self.prefix);
        let blank_before = if prefix.is_empty() {
            self.blank(blank_before)
        } else {
            self.prefix_blank
        };
        prefix.push(doc);
        self.list.push(Entry {
            blank_before,
            doc: prefix.build(),
        });
        self.after_item = false;
    }
}

impl Formatter<'_> {
    /// Lays out `items` one per line; `close` is where the list ends (the
    /// block's `}`, the task's `]`, the end of the file). `print` gets each
    /// item and the one after it.
    pub(super) fn lines<T: Spanned>(
        &mut self,
        items: &[T],
        close: usize,
        spacing: Spacing,
        mut print: impl FnMut(&mut Self, &T, Option<&T>) -> Doc,
    ) -> Doc {
        let mut entries = Entries {
            spacing,
            list: Vec::new(),
            prefix: Docs::new(),
            prefix_blank: false,
            after_item: false,
        };
        for (i, item) in items.iter().enumerate() {
            let span = item.span();
            let comments = self.take_before(span.start);
            self.comment_lines(&comments, &mut entries);
            let next = items.get(i + 1);
            let limit = next.map_or(close, |n| n.span().start);
            let mut doc = Docs::new();
            if item.keeps_first_line_comments() {
                doc.push(self.hoist_first_line(span.start, limit));
            }
            doc.push(print(self, item, next))
                .push(self.trailing(span.end, limit, false));
            entries.push(self.src.blank_line_before(span.start), doc.build());
            entries.after_item = true;
        }
        let comments = self.take_before(close);
        self.comment_lines(&comments, &mut entries);
        if !entries.prefix.is_empty() {
            entries.push(false, Doc::Nil);
        }
        join(entries.list)
    }

    /// Comments between the lines of a list: each on a line of its own,
    /// except a block comment followed by code on its line, which goes in
    /// front of what follows.
    fn comment_lines(&self, comments: &[Comment], entries: &mut Entries) {
        for c in comments {
            let doc = self.comment_doc(c);
            if c.kind == CommentKind::Block && !c.ends_line {
                if entries.prefix.is_empty() {
                    entries.prefix_blank = entries.blank(c.blank_before);
                }
                entries.prefix.push(doc).text(" ");
            } else {
                entries.push(c.blank_before, doc);
            }
        }
    }
}

/// One entry per line, with a blank line where an entry asks for one
/// (never before the first).
fn join(entries: Vec<Entry>) -> Doc {
    let mut d = Docs::new();
    for (i, entry) in entries.into_iter().enumerate() {
        if i > 0 {
            d.push(Doc::HardLine);
            if entry.blank_before {
                d.push(Doc::HardLine);
            }
        }
        d.push(entry.doc);
    }
    d.build()
}
