//! The tree laid out as a [`Doc`], one module per kind of construct.
//!
//! The tree has no comments, so the layout walks it in source order and
//! hands out the comments in between as it goes: before each node it takes
//! the comments that start before the node (`comments.rs`). Lists of
//! statements, task parameters, arguments and collection entries give
//! comments lines of their own or keep them at the end of their line, as
//! the author had them; anywhere else a comment stays inline.

mod comments;
mod expr;
mod lines;
mod list;
mod stmt;
mod task;

use crate::doc::Doc;
use crate::source::Source;
use deluge_syntax::ast::{Script, ScriptBody};

/// Walks the tree and the comments together.
pub(crate) struct Formatter<'a> {
    src: &'a Source<'a>,
    /// Index of the first comment not laid out yet.
    next_comment: usize,
    /// Comments already laid out ahead of their turn (see
    /// `hoist_first_line`), by index.
    hoisted: Vec<bool>,
}

/// Lays out a whole script that parsed without errors.
pub(crate) fn script(src: &Source<'_>, script: &Script) -> Doc {
    let mut f = Formatter {
        src,
        next_comment: 0,
        hoisted: vec![false; src.comments.len()],
    };
    let end = src.text.len();
    match &script.body {
        ScriptBody::Statements(stmts) => {
            f.lines(stmts, end, lines::Spacing::AsWritten, |f, s, next| {
                f.stmt(s, next)
            })
        }
        ScriptBody::Functions(defs) => {
            f.lines(defs, end, lines::Spacing::BlankAfterEach, |f, d, _| {
                f.function(d)
            })
        }
    }
}
