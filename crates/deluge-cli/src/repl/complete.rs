//! Tab completion for the line editor.
//!
//! The word before the cursor decides what is offered: after `.` the
//! methods of the receiver (those valid for its type first), after `zoho.`
//! system variables and task names, at the start of a line the `:`
//! commands, and otherwise keywords, variables, user functions and
//! built-in functions. Continuation is decided by the REPL loop (it asks the
//! parser), so the validator accepts every line.

use super::commands::COMMANDS;
use super::session::Vocabulary;
use deluge_runtime::builtins::{Table, registry, tables};
use deluge_runtime::value::Kind;
use rustyline::completion::{Completer, FilenameCompleter, Pair};
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::validate::Validator;
use rustyline::{Context, Helper};
use std::cell::RefCell;
use std::rc::Rc;

/// The reserved words of the language (spec §2.3).
const KEYWORDS: &[&str] = &[
    "break",
    "catch",
    "continue",
    "each",
    "else",
    "false",
    "for",
    "if",
    "ifnull",
    "in",
    "info",
    "invokeurl",
    "null",
    "return",
    "sendmail",
    "thisapp",
    "true",
    "try",
    "void",
    "zoho",
];

/// `zoho.*` names: system variables (spec §5.10) and the integration tasks
/// scripts use most (integrations spec §3). Built-in `zoho.*` functions are
/// added from the registry.
const ZOHO_NAMES: &[&str] = &[
    "zoho.adminuser",
    "zoho.adminuserid",
    "zoho.appname",
    "zoho.appuri",
    "zoho.currentdate",
    "zoho.currenttime",
    "zoho.ipaddress",
    "zoho.loginuser",
    "zoho.loginuserid",
    "zoho.bigin.createRecord",
    "zoho.bigin.deleteRecord",
    "zoho.bigin.getRecordById",
    "zoho.bigin.getRecords",
    "zoho.bigin.searchRecords",
    "zoho.bigin.updateRecord",
    "zoho.books.createRecord",
    "zoho.books.getRecords",
    "zoho.books.getRecordsByID",
    "zoho.books.updateRecord",
    "zoho.crm.attachFile",
    "zoho.crm.bulkCreate",
    "zoho.crm.bulkUpdate",
    "zoho.crm.convertLead",
    "zoho.crm.createRecord",
    "zoho.crm.getOrgVariable",
    "zoho.crm.getRecordById",
    "zoho.crm.getRecords",
    "zoho.crm.getRelatedRecords",
    "zoho.crm.invokeConnector",
    "zoho.crm.searchRecords",
    "zoho.crm.updateRecord",
    "zoho.crm.updateRelatedRecord",
];

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
    let start = word_start(before);
    let word = &before[start..];
    if before.starts_with(':') && !before.contains(' ') {
        return (0, matching(COMMANDS.iter().map(|c| c.name), before));
    }
    if let Some(dotted) = zoho_prefix(before) {
        let at = before.len() - dotted.len();
        return (at, matching(zoho_names(), dotted));
    }
    if before[..start].ends_with('.') {
        let receiver = receiver_kind(&before[..start - 1], vocabulary);
        return (start, methods(receiver, word));
    }
    if word.is_empty() {
        return (start, Vec::new());
    }
    let mut names: Vec<&str> = vocabulary
        .variables
        .iter()
        .map(|(n, _)| n.as_str())
        .collect();
    names.extend(KEYWORDS);
    names.extend(vocabulary.functions.iter().map(String::as_str));
    names.extend(registry().all_names().map(|n| -> &str { n }));
    (start, matching(names, word))
}

/// Where the identifier ending at the cursor begins.
fn word_start(before: &str) -> usize {
    before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_alphanumeric() || *c == '_')
        .last()
        .map_or(before.len(), |(i, _)| i)
}

/// The `zoho.a.b` chain ending at the cursor, if there is one.
fn zoho_prefix(before: &str) -> Option<&str> {
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_alphanumeric() || *c == '_' || *c == '.')
        .last()
        .map_or(before.len(), |(i, _)| i);
    let chain = &before[start..];
    let is_zoho = chain.len() >= 5 && chain[..5].eq_ignore_ascii_case("zoho.");
    is_zoho.then_some(chain)
}

fn zoho_names() -> impl Iterator<Item = &'static str> {
    let builtins = registry()
        .all_names()
        .filter(|n| n.len() > 5 && n[..5].eq_ignore_ascii_case("zoho."));
    ZOHO_NAMES.iter().copied().chain(builtins)
}

/// The kind of the value before a `.`: a literal's, or a variable's current
/// one. `None` when it cannot be told without running code.
fn receiver_kind(before_dot: &str, vocabulary: &Vocabulary) -> Option<Kind> {
    let trimmed = before_dot.trim_end();
    match trimmed.chars().last()? {
        '"' | '\'' => return Some(Kind::Text),
        ']' => return Some(Kind::List),
        '}' => return Some(Kind::Map),
        c if c.is_ascii_digit() => {
            let word = &trimmed[word_start(trimmed)..];
            if word.chars().all(|c| c.is_ascii_digit()) {
                return Some(Kind::Number);
            }
        }
        _ => {}
    }
    let name = &trimmed[word_start(trimmed)..];
    vocabulary
        .variables
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, kind)| *kind)
}

/// The tables consulted for a receiver of this kind (dispatch order).
fn tables_for(kind: Kind) -> &'static [Table] {
    match kind {
        Kind::Text => &[Table::Text, Table::Common],
        Kind::Number | Kind::Decimal => &[Table::Number, Table::Common],
        Kind::List => &[Table::List, Table::Collection, Table::Common],
        Kind::Map => &[Table::Map, Table::Collection, Table::Common],
        Kind::EmptyCollection => &[Table::Collection, Table::List, Table::Map, Table::Common],
        Kind::DateTime => &[Table::DateTime, Table::Common],
        Kind::File => &[Table::File, Table::Common],
        Kind::Null | Kind::Bool | Kind::Error => &[Table::Common],
    }
}

/// Method names starting with `word`: the receiver's own first, then every
/// other method (a value of another type may be assigned later).
fn methods(receiver: Option<Kind>, word: &str) -> Vec<String> {
    let own: &[Table] = receiver.map_or(&[], tables_for);
    let names_in = |wanted: &dyn Fn(Table) -> bool| {
        tables()
            .filter(|(table, _, _)| wanted(*table))
            .flat_map(|(_, _, defs)| defs.iter().flat_map(|d| d.names.iter().copied()))
            .collect::<Vec<_>>()
    };
    let mut first = matching(names_in(&|t| own.contains(&t)), word);
    for name in matching(names_in(&|t| !own.contains(&t)), word) {
        if !first.iter().any(|f| f.eq_ignore_ascii_case(&name)) {
            first.push(name);
        }
    }
    first
}

/// Names starting with `prefix` (ignoring letter case, as Deluge does for
/// function names), sorted, without duplicates.
fn matching<'a>(names: impl IntoIterator<Item = &'a str>, prefix: &str) -> Vec<String> {
    let lower = prefix.to_ascii_lowercase();
    let mut out: Vec<String> = names
        .into_iter()
        .filter(|n| n.len() >= lower.len() && n.is_char_boundary(lower.len()))
        .filter(|n| n[..lower.len()].eq_ignore_ascii_case(&lower))
        .map(str::to_string)
        .collect();
    out.sort_by_key(|n| n.to_ascii_lowercase());
    out.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    out
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
