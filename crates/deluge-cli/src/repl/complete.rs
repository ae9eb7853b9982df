//! Tab completion for the line editor: the candidates of
//! `deluge_runtime::complete` for the session's live values, with the `:`
//! commands at the start of a line and file names after `:load`. A method
//! is inserted with its parentheses, the cursor between them when it takes
//! arguments. Continuation is decided by the REPL loop (it asks the
//! parser), so the validator accepts every line.

use super::commands::COMMANDS;
use deluge_runtime::complete::{self, Candidate, CandidateKind, Vocabulary, takes_arguments};
use rustyline::completion::{Completer, FilenameCompleter, Pair};
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::line_buffer::LineBuffer;
use rustyline::validate::Validator;
use rustyline::{Changeset, Context, Helper};
use std::cell::RefCell;
use std::rc::Rc;

/// The line editor's helper; it reads the session's names through a shared
/// snapshot that the loop refreshes after every entry.
pub struct ReplHelper {
    pub vocabulary: Rc<RefCell<Vocabulary>>,
    files: FilenameCompleter,
}

impl ReplHelper {
    pub fn new(vocabulary: Rc<RefCell<Vocabulary>>) -> ReplHelper {
        ReplHelper {
            vocabulary,
            files: FilenameCompleter::new(),
        }
    }
}

impl Completer for ReplHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let pos = floor_char_boundary(line, pos);
        if line.trim_start().starts_with(":load ") {
            return self.files.complete(line, pos, ctx);
        }
        Ok(candidates(line, pos, &self.vocabulary.borrow()))
    }

    /// Inserts the chosen word; a method that takes arguments gets the
    /// cursor between its parentheses.
    fn update(&self, line: &mut LineBuffer, start: usize, elected: &str, cl: &mut Changeset) {
        let end = line.pos();
        line.replace(start..end, elected, cl);
        if cursor_goes_inside(elected) {
            line.set_pos(line.pos() - 1);
        }
    }
}

impl Hinter for ReplHelper {
    type Hint = String;
}
impl Highlighter for ReplHelper {}
impl Validator for ReplHelper {}
impl Helper for ReplHelper {}

/// Where the completed word starts and what may replace it, for the cursor
/// at byte `pos` of the line.
pub fn candidates(line: &str, pos: usize, vocabulary: &Vocabulary) -> (usize, Vec<Pair>) {
    let before = &line[..pos];
    if before.starts_with(':') && !before.contains(' ') {
        return (0, commands(before));
    }
    let found = complete::complete(before, vocabulary);
    let parentheses_follow = line[pos..].starts_with('(');
    let pairs = found
        .candidates
        .into_iter()
        .map(|c| pair(c, parentheses_follow))
        .collect();
    (found.start, pairs)
}

/// A method is inserted with its parentheses, unless they follow already.
fn pair(candidate: Candidate, parentheses_follow: bool) -> Pair {
    let call = candidate.kind == CandidateKind::Method && !parentheses_follow;
    Pair {
        replacement: if call {
            format!("{}()", candidate.name)
        } else {
            candidate.name.clone()
        },
        display: candidate.name,
    }
}

/// True for an inserted method call whose arguments are still to type.
fn cursor_goes_inside(elected: &str) -> bool {
    elected.strip_suffix("()").is_some_and(takes_arguments)
}

/// The `:` commands starting with the typed text, sorted.
fn commands(typed: &str) -> Vec<Pair> {
    let mut names: Vec<&str> = COMMANDS
        .iter()
        .map(|c| c.name)
        .filter(|name| name.starts_with(typed))
        .collect();
    names.sort_unstable();
    names
        .into_iter()
        .map(|name| Pair {
            display: name.to_string(),
            replacement: name.to_string(),
        })
        .collect()
}

fn floor_char_boundary(line: &str, pos: usize) -> usize {
    let mut pos = pos.min(line.len());
    while !line.is_char_boundary(pos) {
        pos -= 1;
    }
    pos
}

#[cfg(test)]
#[path = "complete_tests.rs"]
mod tests;
