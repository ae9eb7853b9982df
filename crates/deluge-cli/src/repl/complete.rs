//! Tab completion for the line editor.
//!
//! At the start of a line the `:` commands are offered; everything else
//! (methods by receiver type, `zoho.` names, keywords, variables, user and
//! built-in functions) comes from `deluge_runtime::complete`, which editors
//! share, with the kinds of the session's current values. Continuation is
//! decided by the REPL loop (it asks the parser), so the validator accepts
//! every line.

use super::commands::COMMANDS;
use super::session::Vocabulary;
use deluge_runtime::complete;
use rustyline::completion::{Completer, FilenameCompleter, Pair};
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::validate::Validator;
use rustyline::{Context, Helper};
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
        let (start, words) = candidates(&line[..pos], &self.vocabulary.borrow());
        let pairs = words
            .into_iter()
            .map(|w| Pair {
                display: w.clone(),
                replacement: w,
            })
            .collect();
        Ok((start, pairs))
    }
}

impl Hinter for ReplHelper {
    type Hint = String;
}
impl Highlighter for ReplHelper {}
impl Validator for ReplHelper {}
impl Helper for ReplHelper {}

/// The start of the word being completed and the words to offer, best
/// first. `before` is the line up to the cursor.
pub fn candidates(before: &str, vocabulary: &Vocabulary) -> (usize, Vec<String>) {
    if before.starts_with(':') && !before.contains(' ') {
        let mut commands: Vec<String> = COMMANDS
            .iter()
            .map(|c| c.name)
            .filter(|name| {
                name.get(..before.len())
                    .is_some_and(|p| p.eq_ignore_ascii_case(before))
            })
            .map(str::to_string)
            .collect();
        commands.sort();
        return (0, commands);
    }
    let known = complete::Vocabulary {
        variables: vocabulary
            .variables
            .iter()
            .map(|(name, kind)| (name.clone(), Some(*kind)))
            .collect(),
        functions: vocabulary.functions.clone(),
    };
    let found = complete::complete(before, &known);
    (found.start, found.names())
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
