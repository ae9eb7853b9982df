//! Hover: the signature and documentation of a built-in (from the tables
//! that generate `docs/builtins.md`), the header of a user function, the
//! type of a literal or of a variable's value.

use crate::document::Document;
use crate::index::{Occurrence, Symbol};
use deluge_runtime::builtins::catalog::{self, Entry};
use deluge_runtime::complete::{ZOHO_NAMES, tables_for};
use deluge_runtime::value::Kind;
use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position};

pub fn hover(doc: &Document, position: Position) -> Option<Hover> {
    let offset = doc.offset(position);
    let occurrence = doc.index().at(offset)?;
    let text = describe(doc, occurrence)?;
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: text,
        }),
        range: Some(doc.range(occurrence.span)),
    })
}

fn describe(doc: &Document, occurrence: &Occurrence) -> Option<String> {
    match &occurrence.symbol {
        Symbol::Method { name, receiver } => builtin(&entries_for_method(name, *receiver)),
        Symbol::Builtin { name } => builtin(&catalog::lookup(name)),
        Symbol::Zoho { path, call } => zoho(path, *call),
        Symbol::Function(i) => {
            let function = doc.index().functions.get(*i)?;
            let header = &doc.text[function.header_span.range()];
            let comment = leading_comment(&doc.text, function.span.start);
            Some(format!("{}{comment}", code(header)))
        }
        Symbol::Variable { scope, variable } => {
            let var = doc.index().variable(*scope, *variable)?;
            let shown = match (&var.parameter_type, var.kind_at(occurrence.span.start)) {
                (Some(ty), _) => format!("{ty} {}", var.name),
                (None, Some(kind)) => format!("{}: {}", var.name, kind.label()),
                (None, None) => var.name.clone(),
            };
            let what = match (&var.parameter_type, var.definition) {
                (Some(_), _) => "parameter".to_string(),
                (None, Some(at)) => {
                    let line = doc.lines.line_of(at.start) + 1;
                    format!("variable, first assigned on line {line}")
                }
                (None, None) => "variable, never assigned".to_string(),
            };
            Some(format!("{}{what}", code(&shown)))
        }
        Symbol::Literal { kind, note } => Some(format!(
            "{}{}",
            code(kind.label()),
            note.unwrap_or_default()
        )),
        Symbol::Pseudo { name } => Some(if name.eq_ignore_ascii_case("today") {
            format!("{}the current date", code("today: DATE-TIME"))
        } else {
            format!("{}the current date and time", code("now: DATE-TIME"))
        }),
        Symbol::TaskKey { .. } | Symbol::Type | Symbol::Property => None,
    }
}

/// The entries for `name` that serve a receiver of this kind, or all of
/// them when the kind is unknown or none does.
pub fn entries_for_method(name: &str, receiver: Option<Kind>) -> Vec<Entry> {
    let all: Vec<Entry> = catalog::lookup(name)
        .into_iter()
        .filter(|e| e.table.is_some())
        .collect();
    let Some(kind) = receiver else { return all };
    // An editor cannot tell a COLLECTION holding a list from a list, so
    // the COLLECTION functions count as its own.
    let tables = tables_for(kind, true);
    let own: Vec<Entry> = all
        .iter()
        .filter(|e| e.table.is_some_and(|t| tables.contains(&t)))
        .copied()
        .collect();
    if own.is_empty() { all } else { own }
}

/// Signatures (method and function forms), description, section, argument
/// count and aliases, for each entry.
fn builtin(entries: &[Entry]) -> Option<String> {
    if entries.is_empty() {
        return None;
    }
    let blocks: Vec<String> = entries.iter().map(entry).collect();
    Some(blocks.join("\n\n---\n\n"))
}

fn entry(e: &Entry) -> String {
    let forms = match e.method_form() {
        Some(method) => format!("{method}\n{}", e.function_form()),
        None => e.function_form(),
    };
    let mut facts = vec![
        format!("*{}*", e.section),
        format!("arguments: {}", e.arity()),
    ];
    if e.names.len() > 1 {
        let aliases: Vec<String> = e.names[1..].iter().map(|n| format!("`{n}`")).collect();
        facts.push(format!("aliases: {}", aliases.join(", ")));
    }
    format!(
        "{}{}\n\n{}",
        code(&forms),
        e.description(),
        facts.join(" · ")
    )
}

fn zoho(path: &str, call: bool) -> Option<String> {
    let documented = catalog::lookup(path);
    if !documented.is_empty() {
        return builtin(&documented);
    }
    let known = ZOHO_NAMES.iter().find(|n| n.eq_ignore_ascii_case(path));
    let what = match (known, call) {
        (Some(_), true) => "a Zoho integration task",
        (Some(_), false) => "a system variable",
        (None, _) => "not a `zoho.*` name deluge knows",
    };
    Some(format!("{}{what}", code(known.copied().unwrap_or(path))))
}

/// The `//` comment lines directly above a function, as its documentation.
fn leading_comment(text: &str, start: usize) -> String {
    let mut lines: Vec<&str> = text[..start]
        .trim_end_matches([' ', '\t'])
        .lines()
        .rev()
        .map_while(|l| l.trim().strip_prefix("//"))
        .map(str::trim)
        .collect();
    lines.reverse();
    lines.join("\n")
}

fn code(text: &str) -> String {
    format!("```deluge\n{text}\n```\n")
}

#[cfg(test)]
#[path = "hover_tests.rs"]
mod tests;
