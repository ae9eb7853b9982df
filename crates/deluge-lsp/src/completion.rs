//! Completion: the candidates of `deluge_runtime::complete` (shared with the
//! REPL) for the line before the cursor, with the variables of the function
//! at the cursor and the kinds their values have there, and the functions
//! of the file. After `category.` the functions of that category are
//! offered.

use crate::document::Document;
use crate::hover::entries_for_method;
use crate::index::Index;
use deluge_runtime::builtins::catalog;
use deluge_runtime::complete::{self, Candidate, CandidateKind, Vocabulary, word_start};
use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionTextEdit, Documentation, Position, Range,
    TextEdit,
};

pub fn completion(doc: &Document, position: Position) -> Vec<CompletionItem> {
    let offset = doc.offset(position);
    let line_start = doc.lines.line_start(doc.lines.line_of(offset)).unwrap_or(0);
    let before = &doc.text[line_start..offset];
    let index = doc.index();
    let vocabulary = vocabulary_at(index, offset);
    let start = word_start(before);
    let receiver = before[..start].strip_suffix('.');
    let found = match receiver.and_then(|r| category_functions(index, &vocabulary, r)) {
        Some(functions) => complete::Completions {
            start,
            candidates: functions,
        },
        None => complete::complete(before, &vocabulary),
    };
    let receiver_kind = receiver
        .and_then(|r| complete::receiver(r, &vocabulary))
        .map(|r| r.kind);
    let range = Range::new(
        doc.lines.position(&doc.text, line_start + found.start),
        position,
    );
    found
        .candidates
        .into_iter()
        .enumerate()
        .map(|(rank, candidate)| item(doc, &vocabulary, receiver_kind, candidate, rank, range))
        .collect()
}

/// The variables of the function holding `offset` with the kinds of their
/// values there, and the functions of the file. Where the tree is too
/// broken to tell the function, every variable of the file.
pub fn vocabulary_at(index: &Index, offset: usize) -> Vocabulary {
    let scopes: Vec<usize> = match index.scope_at(offset) {
        Some(scope) => vec![scope],
        None => (0..index.scopes.len()).collect(),
    };
    let mut variables: Vec<(String, Option<deluge_runtime::value::Kind>)> = Vec::new();
    for scope in scopes {
        for var in &index.scopes[scope].variables {
            // A name only read, or being typed, is no variable to offer.
            let defined_elsewhere = var
                .definition
                .is_some_and(|d| !(d.start <= offset && offset <= d.end));
            if defined_elsewhere && !variables.iter().any(|(n, _)| *n == var.name) {
                variables.push((var.name.clone(), var.kind_at(offset)));
            }
        }
    }
    Vocabulary {
        variables,
        functions: index
            .functions
            .iter()
            .map(|f| f.full_name.clone())
            .collect(),
        ..Vocabulary::default()
    }
}

/// After `standalone.`: the functions of category `standalone`, when it
/// names no variable.
fn category_functions(
    index: &Index,
    vocabulary: &Vocabulary,
    receiver: &str,
) -> Option<Vec<Candidate>> {
    let category = &receiver[word_start(receiver)..];
    if category.is_empty() || vocabulary.variables.iter().any(|(n, _)| n == category) {
        return None;
    }
    let found: Vec<Candidate> = index
        .functions
        .iter()
        .filter_map(|f| {
            let (cat, name) = f.full_name.split_once('.')?;
            cat.eq_ignore_ascii_case(category).then(|| Candidate {
                name: name.to_string(),
                kind: CandidateKind::Function,
            })
        })
        .collect();
    (!found.is_empty()).then_some(found)
}

fn item(
    doc: &Document,
    vocabulary: &Vocabulary,
    receiver: Option<deluge_runtime::value::Kind>,
    candidate: Candidate,
    rank: usize,
    range: Range,
) -> CompletionItem {
    let (kind, detail, documentation) = describe(doc, vocabulary, receiver, &candidate);
    CompletionItem {
        label: candidate.name.clone(),
        kind: Some(kind),
        detail,
        documentation: documentation.map(Documentation::String),
        sort_text: Some(format!("{rank:05}")),
        text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(
            range,
            candidate.name,
        ))),
        ..CompletionItem::default()
    }
}

/// The item kind, a one-line detail and the documentation of a candidate.
fn describe(
    doc: &Document,
    vocabulary: &Vocabulary,
    receiver: Option<deluge_runtime::value::Kind>,
    candidate: &Candidate,
) -> (CompletionItemKind, Option<String>, Option<String>) {
    let documented = |entry: Option<&catalog::Entry>, form: fn(&catalog::Entry) -> String| {
        entry.map(|e| (Some(form(e)), Some(e.description().to_string())))
    };
    match candidate.kind {
        CandidateKind::Keyword => (CompletionItemKind::KEYWORD, None, None),
        CandidateKind::Variable => {
            let kind = vocabulary
                .variables
                .iter()
                .find(|(n, _)| *n == candidate.name)
                .and_then(|(_, k)| *k);
            (
                CompletionItemKind::VARIABLE,
                kind.map(|k| k.label().to_string()),
                None,
            )
        }
        CandidateKind::Function => {
            let header = doc
                .index()
                .functions
                .iter()
                .find(|f| {
                    f.full_name == candidate.name
                        || f.full_name.rsplit('.').next() == Some(candidate.name.as_str())
                })
                .map(|f| doc.text[f.header_span.range()].to_string());
            (CompletionItemKind::FUNCTION, header, None)
        }
        CandidateKind::Method => {
            let entries = entries_for_method(&candidate.name, receiver);
            let method_form = |e: &catalog::Entry| e.method_form().unwrap_or_default();
            let (detail, docs) = documented(entries.first(), method_form).unwrap_or_default();
            (CompletionItemKind::METHOD, detail, docs)
        }
        CandidateKind::Builtin | CandidateKind::Zoho => {
            let entries = catalog::lookup(&candidate.name);
            let function_form = |e: &catalog::Entry| e.function_form();
            match documented(entries.first(), function_form) {
                Some((detail, docs)) => (CompletionItemKind::FUNCTION, detail, docs),
                None if candidate.name.matches('.').count() > 1 => (
                    CompletionItemKind::FUNCTION,
                    Some("Zoho integration task".into()),
                    None,
                ),
                None => (
                    CompletionItemKind::CONSTANT,
                    Some("system variable".into()),
                    None,
                ),
            }
        }
    }
}

#[cfg(test)]
#[path = "completion_tests.rs"]
mod tests;
