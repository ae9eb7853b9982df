//! Handing out comments in source order, in the three forms the layout
//! uses: on a line of their own, at the end of a line, or inline.

use super::Formatter;
use crate::doc::{Doc, Docs, text};
use crate::scan::CommentKind;
use crate::source::Comment;

impl Formatter<'_> {
    /// The comments not laid out yet that start before `pos`.
    pub(super) fn take_before(&mut self, pos: usize) -> Vec<Comment> {
        let start = self.next_comment;
        let rest = &self.src.comments[start..];
        let n = rest.iter().take_while(|c| c.span.start < pos).count();
        self.next_comment += n;
        (start..start + n)
            .filter(|&i| !self.hoisted[i])
            .map(|i| self.src.comments[i])
            .collect()
    }

    /// The comments before `limit` that continue the line on which some
    /// code ends at `after` (`x = 1; // why`).
    pub(super) fn take_trailing(&mut self, after: usize, limit: usize) -> Vec<Comment> {
        let mut taken = Vec::new();
        let mut end = after;
        while let Some(c) = self.src.comments.get(self.next_comment) {
            if c.span.start >= limit || !self.src.same_line(end, c.span.start) {
                break;
            }
            end = c.span.end;
            if !self.hoisted[self.next_comment] {
                taken.push(*c);
            }
            self.next_comment += 1;
        }
        taken
    }

    /// Takes out, ahead of their turn, the `//` comments on the line where
    /// something starts (at `start`, up to `limit` where the next thing
    /// starts), to be kept at the end of the first line printed for it.
    /// A `// expect-error:` comment refers to the line a statement starts
    /// on, and must stay there however the statement is broken.
    pub(super) fn hoist_first_line(&mut self, start: usize, limit: usize) -> Doc {
        let line_end = self
            .src
            .text
            .get(start..limit)
            .and_then(|rest| rest.find('\n'))
            .map_or(limit, |n| start + n);
        let mut d = Docs::new();
        for i in self.next_comment..self.src.comments.len() {
            let c = self.src.comments[i];
            if c.span.start >= line_end {
                break;
            }
            if c.kind == CommentKind::Line && c.span.start >= start && !self.hoisted[i] {
                self.hoisted[i] = true;
                d.push(self.line_suffix(&c));
            }
        }
        d.build()
    }

    /// A comment's text. A block comment whose inner lines all start with
    /// `*` is re-indented with the code around it; any other keeps its
    /// lines as written.
    pub(super) fn comment_doc(&self, c: &Comment) -> Doc {
        let written = self.src.slice(c.span);
        if c.kind == CommentKind::Line || !written.contains('\n') {
            return text(written.to_owned());
        }
        let written = written.replace("\r\n", "\n");
        let mut lines = written.split('\n');
        let first = lines.next().unwrap_or_default().trim_end().to_owned();
        let rest: Vec<&str> = lines.map(str::trim).collect();
        if !rest.iter().all(|l| l.starts_with('*')) {
            return text(written);
        }
        let mut d = Docs::new();
        d.text(first);
        for line in rest {
            d.push(Doc::LineInComment).text(format!(" {line}"));
        }
        d.build()
    }

    /// Comments before `pos` kept inline in front of the code at `pos`: a
    /// block comment followed by a space, a line comment moved to the end
    /// of the line.
    pub(super) fn leading_inline(&mut self, pos: usize) -> Doc {
        let mut d = Docs::new();
        for c in self.take_before(pos) {
            match c.kind {
                CommentKind::Block => {
                    d.push(self.comment_doc(&c)).text(" ");
                }
                CommentKind::Line => {
                    d.push(self.line_suffix(&c));
                }
            }
        }
        d.build()
    }

    /// Comments before `pos` kept after the code printed so far: a block
    /// comment after a space, a line comment at the end of the line.
    pub(super) fn after_code(&mut self, pos: usize) -> Doc {
        let comments = self.take_before(pos);
        self.trailing_docs(&comments, false)
    }

    /// The comments that continue the line where the code at `after` ends,
    /// laid out at the end of the printed line. With `keep_break`, a line
    /// comment also keeps the surrounding group broken, so the next item
    /// still starts a new line.
    pub(super) fn trailing(&mut self, after: usize, limit: usize, keep_break: bool) -> Doc {
        let comments = self.take_trailing(after, limit);
        self.trailing_docs(&comments, keep_break)
    }

    fn trailing_docs(&self, comments: &[Comment], keep_break: bool) -> Doc {
        let mut d = Docs::new();
        for c in comments {
            match c.kind {
                CommentKind::Block => {
                    d.text(" ").push(self.comment_doc(c));
                }
                CommentKind::Line => {
                    d.push(self.line_suffix(c));
                    if keep_break {
                        d.push(Doc::BreakParent);
                    }
                }
            }
        }
        d.build()
    }

    fn line_suffix(&self, c: &Comment) -> Doc {
        Doc::LineSuffix(format!(" {}", self.src.slice(c.span)).into())
    }
}
