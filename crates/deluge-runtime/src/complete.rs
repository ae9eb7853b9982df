//! Completion candidates for the REPL and editors: what may follow the
//! text before the cursor.
//!
//! The word before the cursor decides what is offered: after `.` the
//! methods of the receiver (those valid for its type first), after `zoho.`
//! system variables, task names and `zoho.*` built-ins, and otherwise
//! keywords, variables, user functions and built-in functions. Callers
//! supply the names they know ([`Vocabulary`]): the REPL its session, an
//! editor what it read from the file.

use crate::builtins::{Table, registry, tables};
use crate::value::Kind;

/// The reserved words of the language (spec §2.3).
pub const KEYWORDS: &[&str] = &[
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
pub const ZOHO_NAMES: &[&str] = &[
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

/// The names a caller knows at the cursor.
#[derive(Debug, Default, Clone)]
pub struct Vocabulary {
    /// Variables, with the kind of their value when it is known.
    pub variables: Vec<(String, Option<Kind>)>,
    /// User functions, by full name.
    pub functions: Vec<String>,
}

/// What a candidate names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CandidateKind {
    Keyword,
    Variable,
    /// A function of the user's file or session.
    Function,
    /// A built-in called without a receiver (a global, or the function
    /// form of a method).
    Builtin,
    /// A built-in called as `receiver.name(...)`.
    Method,
    /// A `zoho.*` variable, task or function.
    Zoho,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub name: String,
    pub kind: CandidateKind,
}

/// Candidates for the word that starts at byte `start` of the text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Completions {
    pub start: usize,
    /// Best first.
    pub candidates: Vec<Candidate>,
}

impl Completions {
    pub fn names(&self) -> Vec<String> {
        self.candidates.iter().map(|c| c.name.clone()).collect()
    }
}

/// The candidates for the text before the cursor.
pub fn complete(before: &str, vocabulary: &Vocabulary) -> Completions {
    let start = word_start(before);
    let word = &before[start..];
    if let Some(dotted) = zoho_prefix(before) {
        let at = before.len() - dotted.len();
        return completions(at, matching(zoho_names(), dotted, CandidateKind::Zoho));
    }
    if before[..start].ends_with('.') {
        let receiver = receiver_kind(&before[..start - 1], vocabulary);
        return completions(start, methods(receiver, word));
    }
    if word.is_empty() {
        return completions(start, Vec::new());
    }
    let variables = vocabulary.variables.iter().map(|(n, _)| n.as_str());
    let mut found = matching(variables, word, CandidateKind::Variable);
    found.extend(matching(
        KEYWORDS.iter().copied(),
        word,
        CandidateKind::Keyword,
    ));
    let functions = vocabulary.functions.iter().map(String::as_str);
    found.extend(matching(functions, word, CandidateKind::Function));
    found.extend(matching(
        registry().all_names(),
        word,
        CandidateKind::Builtin,
    ));
    completions(start, sorted(found))
}

fn completions(start: usize, candidates: Vec<Candidate>) -> Completions {
    Completions { start, candidates }
}

/// Where the identifier ending at the cursor begins.
pub fn word_start(before: &str) -> usize {
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

/// The kind of the value before a `.`: a literal's, or a variable's.
/// `None` when it cannot be told without running code.
pub fn receiver_kind(before_dot: &str, vocabulary: &Vocabulary) -> Option<Kind> {
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
        .and_then(|(_, kind)| *kind)
}

/// The tables consulted for a receiver of this kind (dispatch order).
pub fn tables_for(kind: Kind) -> &'static [Table] {
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
fn methods(receiver: Option<Kind>, word: &str) -> Vec<Candidate> {
    let own: &[Table] = receiver.map_or(&[], tables_for);
    let names_in = |wanted: &dyn Fn(Table) -> bool| {
        tables()
            .filter(|(table, _, _)| wanted(*table))
            .flat_map(|(_, _, defs)| defs.iter().flat_map(|d| d.names.iter().copied()))
            .collect::<Vec<_>>()
    };
    let mut first = sorted(matching(
        names_in(&|t| own.contains(&t)),
        word,
        CandidateKind::Method,
    ));
    let others = matching(
        names_in(&|t| !own.contains(&t)),
        word,
        CandidateKind::Method,
    );
    for other in sorted(others) {
        if !first
            .iter()
            .any(|f| f.name.eq_ignore_ascii_case(&other.name))
        {
            first.push(other);
        }
    }
    first
}

/// Names starting with `prefix`, ignoring letter case as Deluge does for
/// function names.
fn matching<'a>(
    names: impl IntoIterator<Item = &'a str>,
    prefix: &str,
    kind: CandidateKind,
) -> Vec<Candidate> {
    names
        .into_iter()
        .filter(|n| n.len() >= prefix.len() && n.is_char_boundary(prefix.len()))
        .filter(|n| n[..prefix.len()].eq_ignore_ascii_case(prefix))
        .map(|name| Candidate {
            name: name.to_string(),
            kind,
        })
        .collect()
}

/// Sorted by name ignoring case, without duplicates; of two candidates with
/// one name the earlier one stays (variables before keywords before
/// functions before built-ins).
fn sorted(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    candidates.sort_by_key(|c| c.name.to_ascii_lowercase());
    candidates.dedup_by(|a, b| a.name.eq_ignore_ascii_case(&b.name));
    candidates
}

#[cfg(test)]
#[path = "complete_tests.rs"]
mod tests;
