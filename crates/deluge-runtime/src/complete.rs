//! Completion candidates for the REPL and editors: what may follow the
//! text before the cursor.
//!
//! The word before the cursor decides what is offered: after `.` the
//! methods of the receiver's type (see [`Vocabulary::live_values`] for how
//! sure that type is), after `zoho.` system variables, task names and
//! `zoho.*` built-ins, and otherwise keywords, variables, user functions and
//! built-in functions. A built-in whose every call fails is never offered.
//! Callers supply the names they know ([`Vocabulary`]): the REPL its
//! session, an editor what it read from the file.

use crate::builtins::{Table, always_fails, registry, tables};
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
    /// The variables whose value is a COLLECTION, which has functions of
    /// its own besides those of lists or maps.
    pub collections: Vec<String>,
    /// User functions, by full name.
    pub functions: Vec<String>,
    /// `zoho.*` names besides [`ZOHO_NAMES`], such as every integration task
    /// that runs locally (this crate does not know the integrations).
    pub zoho_names: Vec<String>,
    /// True when the kinds are those of values that exist now (a REPL
    /// session): after `x.` only the methods of x's type are offered. Kinds
    /// an editor infers from the text may differ at run time, so there the
    /// methods of the inferred type come first and every other one follows.
    pub live_values: bool,
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

/// What is known of the value before a `.`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Receiver {
    pub kind: Kind,
    /// A COLLECTION value, which reaches the COLLECTION functions too.
    pub collection: bool,
    /// The kind cannot differ at run time: a literal's, or a live value's.
    pub certain: bool,
}

/// The candidates for the text before the cursor.
pub fn complete(before: &str, vocabulary: &Vocabulary) -> Completions {
    let start = word_start(before);
    let word = &before[start..];
    if let Some(dotted) = zoho_prefix(before) {
        let at = before.len() - dotted.len();
        let extra = vocabulary.zoho_names.iter().map(String::as_str);
        let names = zoho_names().map(|n| -> &str { n }).chain(extra);
        return completions(at, sorted(matching(names, dotted, CandidateKind::Zoho)));
    }
    if before[..start].ends_with('.') {
        let receiver = receiver(&before[..start - 1], vocabulary);
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
    found.extend(matching(builtin_names(), word, CandidateKind::Builtin));
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
    let builtins = builtin_names().filter(|n| n.len() > 5 && n[..5].eq_ignore_ascii_case("zoho."));
    ZOHO_NAMES.iter().copied().chain(builtins)
}

/// The built-in function names worth offering: not those whose every call
/// fails.
fn builtin_names() -> impl Iterator<Item = &'static str> {
    registry().all_names().filter(|n| !always_fails(n))
}

/// What is known of the value before a `.`: a literal's kind, or a
/// variable's. `None` when it cannot be told without running code.
pub fn receiver(before_dot: &str, vocabulary: &Vocabulary) -> Option<Receiver> {
    let trimmed = before_dot.trim_end();
    let literal = |kind| {
        Some(Receiver {
            kind,
            collection: false,
            certain: true,
        })
    };
    match trimmed.chars().last()? {
        '"' | '\'' => return literal(Kind::Text),
        ']' => return literal(Kind::List),
        '}' => return literal(Kind::Map),
        c if c.is_ascii_digit() => {
            let word = &trimmed[word_start(trimmed)..];
            if word.chars().all(|c| c.is_ascii_digit()) {
                return literal(Kind::Number);
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
        .and_then(|(_, kind)| *kind)?;
    Some(Receiver {
        kind,
        collection: vocabulary.collections.iter().any(|n| n == name),
        certain: vocabulary.live_values,
    })
}

/// The tables a receiver of this kind reaches, as dispatch looks them up
/// (builtins §0.2). Only a COLLECTION reaches the COLLECTION functions.
pub fn tables_for(kind: Kind, collection: bool) -> &'static [Table] {
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

/// Method names starting with `word`: those of the receiver's type first,
/// and only those when the type is certain; every method when the type is
/// not known.
fn methods(receiver: Option<Receiver>, word: &str) -> Vec<Candidate> {
    let Some(receiver) = receiver else {
        return sorted(matching(
            method_names(|_| true),
            word,
            CandidateKind::Method,
        ));
    };
    let own = tables_for(receiver.kind, receiver.collection);
    let mut found = sorted(matching(
        method_names(|t| own.contains(&t)),
        word,
        CandidateKind::Method,
    ));
    if !receiver.certain {
        let others = matching(
            method_names(|t| !own.contains(&t)),
            word,
            CandidateKind::Method,
        );
        for other in sorted(others) {
            if !found
                .iter()
                .any(|f| f.name.eq_ignore_ascii_case(&other.name))
            {
                found.push(other);
            }
        }
    }
    found
}

/// The method names of the wanted tables, without those whose every call
/// fails.
fn method_names(wanted: impl Fn(Table) -> bool) -> Vec<&'static str> {
    tables()
        .filter(|(table, _, _)| wanted(*table))
        .flat_map(|(_, _, defs)| defs.iter().flat_map(|d| d.names.iter().copied()))
        .filter(|name| !always_fails(name))
        .collect()
}

/// True when some definition of the method needs an argument: an editor
/// then puts the cursor between the parentheses it inserts.
pub fn takes_arguments(name: &str) -> bool {
    tables()
        .flat_map(|(_, _, defs)| defs.iter())
        .filter(|d| d.names.iter().any(|n| n.eq_ignore_ascii_case(name)))
        .any(|d| d.min_args > 0)
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
