//! Tab completion for the line editor.
//!
//! The word before the cursor decides what is offered: after `.` the
//! methods of the receiver's type (every method when the type is not
//! known), inserted with their parentheses; after `zoho.`
//! system variables and task names, at the start of a line the `:`
//! commands, and otherwise keywords, variables, user functions and
//! built-in functions. Continuation is decided by the REPL loop (it asks the
//! parser), so the validator accepts every line.

use super::commands::COMMANDS;
use super::session::Vocabulary;
use deluge_runtime::builtins::{Table, always_fails, registry, tables};
use deluge_runtime::value::Kind;
use rustyline::completion::{Completer, FilenameCompleter, Pair};
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::line_buffer::LineBuffer;
use rustyline::validate::Validator;
use rustyline::{Changeset, Context, Helper};
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
        let before = &line[..pos];
        let (start, words) = candidates(before, &self.vocabulary.borrow());
        // A method is inserted with its parentheses, unless they follow.
        let call = is_method_position(before, start) && !line[pos..].starts_with('(');
        let pairs = words
            .into_iter()
            .map(|w| Pair {
                replacement: if call { format!("{w}()") } else { w.clone() },
                display: w,
            })
            .collect();
        Ok((start, pairs))
    }

    /// Inserts the chosen word; a method that takes arguments gets the
    /// cursor between its parentheses.
    fn update(&self, line: &mut LineBuffer, start: usize, elected: &str, cl: &mut Changeset) {
        let end = line.pos();
        line.replace(start..end, elected, cl);
        if let Some(name) = elected.strip_suffix("()") {
            if takes_arguments(name) {
                line.set_pos(line.pos() - 1);
            }
        }
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

/// True when the word at `start` follows a `.` (a method name), and not
/// inside a `zoho.` chain.
fn is_method_position(before: &str, start: usize) -> bool {
    before[..start].ends_with('.') && zoho_prefix(before).is_none()
}

/// The kind of the value before a `.` (a literal's, or a variable's
/// current one) and whether it is a COLLECTION. `None` when it cannot be
/// told without running code.
fn receiver_kind(before_dot: &str, vocabulary: &Vocabulary) -> Option<(Kind, bool)> {
    let trimmed = before_dot.trim_end();
    match trimmed.chars().last()? {
        '"' | '\'' => return Some((Kind::Text, false)),
        ']' => return Some((Kind::List, false)),
        '}' => return Some((Kind::Map, false)),
        c if c.is_ascii_digit() => {
            let word = &trimmed[word_start(trimmed)..];
            if word.chars().all(|c| c.is_ascii_digit()) {
                return Some((Kind::Number, false));
            }
        }
        _ => {}
    }
    let name = &trimmed[word_start(trimmed)..];
    // `a.b.` is the value of a call chain: its type is not known.
    if trimmed[..trimmed.len() - name.len()].ends_with('.') {
        return None;
    }
    let kind = vocabulary
        .variables
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, kind)| *kind)?;
    Some((kind, vocabulary.collections.iter().any(|n| n == name)))
}

/// The tables a receiver of this kind reaches, as dispatch looks them up
/// (builtins §0.2).
fn tables_for(kind: Kind, collection: bool) -> &'static [Table] {
    match (kind, collection) {
        (Kind::Text, _) => &[Table::Text, Table::Common],
        (Kind::Number | Kind::Decimal, _) => &[Table::Number, Table::Common],
        (Kind::List, true) => &[Table::List, Table::Collection, Table::Common],
        (Kind::Map, true) => &[Table::Map, Table::Collection, Table::Common],
        (Kind::List, false) => &[Table::List, Table::Common],
        (Kind::Map, false) => &[Table::Map, Table::Common],
        (Kind::EmptyCollection, _) => &[Table::Collection, Table::List, Table::Map, Table::Common],
        (Kind::DateTime, _) => &[Table::DateTime, Table::Common],
        (Kind::File, _) => &[Table::File, Table::Common],
        (Kind::Null | Kind::Bool | Kind::Error, _) => &[Table::Common],
    }
}

/// Method names starting with `word`: those of the receiver's type when it
/// is known, else every method; never one whose every call fails.
fn methods(receiver: Option<(Kind, bool)>, word: &str) -> Vec<String> {
    let wanted = |table: Table| {
        receiver.is_none_or(|(kind, collection)| tables_for(kind, collection).contains(&table))
    };
    let names = tables()
        .filter(|(table, _, _)| wanted(*table))
        .flat_map(|(_, _, defs)| defs.iter().flat_map(|d| d.names.iter().copied()))
        .filter(|name| !always_fails(name));
    matching(names, word)
}

/// True when some definition of the method needs an argument: the cursor
/// then goes between the parentheses.
fn takes_arguments(name: &str) -> bool {
    tables()
        .flat_map(|(_, _, defs)| defs.iter())
        .filter(|d| d.names.iter().any(|n| n.eq_ignore_ascii_case(name)))
        .any(|d| d.min_args > 0)
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
