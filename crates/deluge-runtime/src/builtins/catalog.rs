//! The documentation view of the built-in tables: one [`Entry`] per
//! built-in with its section, names, argument counts and doc line, the
//! method and function forms of its signature, and the generator of
//! `docs/builtins.md`. Editors (hover, completion details) and the document
//! read the same entries, so they cannot drift apart.

use super::{Table, global_sections, tables};
use std::fmt::Write;

/// The sections of `docs/builtins.md`, in order, with their headings.
pub const SECTIONS: &[(&str, &str)] = &[
    ("global", "Global functions and constructors"),
    ("common", "Functions of any value"),
    ("text", "TEXT functions"),
    ("number", "NUMBER and DECIMAL functions"),
    ("list", "LIST functions"),
    ("map", "MAP functions"),
    ("collection", "COLLECTION functions"),
    ("datetime", "DATE-TIME functions"),
    ("encoding", "Encoding, hashing and crypto"),
    ("file", "FILE functions"),
];

/// One built-in as documented.
#[derive(Clone, Copy, Debug)]
pub struct Entry {
    /// The section (`text`, `map`, ...): the heading in `docs/builtins.md`
    /// and the folder of its conformance files.
    pub section: &'static str,
    /// The receiver table, or `None` for a global function.
    pub table: Option<Table>,
    /// The canonical name first, then the aliases.
    pub names: &'static [&'static str],
    pub min_args: u8,
    pub max_args: u8,
    /// `signature — description`.
    pub doc: &'static str,
}

impl Entry {
    pub fn name(&self) -> &'static str {
        self.names[0]
    }

    /// The signature as the doc line writes it (`s.subString(start [, end])`).
    pub fn signature(&self) -> &'static str {
        self.doc.split_once(" — ").map_or(self.doc, |(sig, _)| sig)
    }

    /// What the built-in does.
    pub fn description(&self) -> &'static str {
        self.doc.split_once(" — ").map_or("", |(_, what)| what)
    }

    /// The argument count in words, excluding the receiver.
    pub fn arity(&self) -> String {
        match (self.min_args, self.max_args) {
            (a, b) if a == b => a.to_string(),
            (a, u8::MAX) => format!("{a} or more"),
            (a, b) => format!("{a} to {b}"),
        }
    }

    /// `recv.name(args)`, for a built-in with a receiver.
    pub fn method_form(&self) -> Option<String> {
        self.table?;
        let sig = self.signature();
        if let Some((receiver, call)) = split_method(sig) {
            return Some(format!("{receiver}.{call}"));
        }
        let (name, args) = split_call(sig)?;
        Some(match args.split_once(", ") {
            Some((first, rest)) if is_word(first) => format!("{first}.{name}({rest})"),
            _ if is_word(args) => format!("{args}.{name}()"),
            _ => format!("x.{name}({args})"),
        })
    }

    /// `name(recv, args)` for a built-in with a receiver (every method has
    /// this form too), or the signature of a global function.
    pub fn function_form(&self) -> String {
        let sig = self.signature();
        if self.table.is_none() {
            return sig.to_string();
        }
        match split_method(sig).and_then(|(receiver, call)| Some((receiver, split_call(call)?))) {
            Some((receiver, (name, ""))) => format!("{name}({receiver})"),
            Some((receiver, (name, args))) if args.starts_with('[') => {
                format!("{name}({receiver} {args})").replacen(" [", " [, ", 1)
            }
            Some((receiver, (name, args))) => format!("{name}({receiver}, {args})"),
            None => sig.to_string(),
        }
    }
}

/// `s.subString(start)` → (`s`, `subString(start)`), when the signature
/// starts with a receiver.
fn split_method(sig: &str) -> Option<(&str, &str)> {
    let (receiver, call) = sig.split_once('.')?;
    let paren = sig.find('(')?;
    (is_word(receiver) && receiver.len() < paren).then_some((receiver, call))
}

/// `name(args)` → (`name`, `args`).
fn split_call(sig: &str) -> Option<(&str, &str)> {
    let (name, rest) = sig.split_once('(')?;
    Some((name, rest.strip_suffix(')')?))
}

fn is_word(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Every built-in: the global functions, then the receiver tables, in the
/// order of `docs/builtins.md` within each section.
pub fn entries() -> impl Iterator<Item = Entry> {
    let globals = global_sections().flat_map(|(section, defs)| {
        defs.iter().map(move |d| Entry {
            section,
            table: None,
            names: d.names,
            min_args: d.min_args,
            max_args: d.max_args,
            doc: d.doc,
        })
    });
    let methods = tables().flat_map(|(table, section, defs)| {
        defs.iter().map(move |d| Entry {
            section,
            table: Some(table),
            names: d.names,
            min_args: d.min_args,
            max_args: d.max_args,
            doc: d.doc,
        })
    });
    globals.chain(methods)
}

/// The entries one of whose names is `name`, in any letter case.
pub fn lookup(name: &str) -> Vec<Entry> {
    entries()
        .filter(|e| e.names.iter().any(|n| n.eq_ignore_ascii_case(name)))
        .collect()
}

/// The text of `docs/builtins.md`.
pub fn markdown() -> String {
    let mut out = String::new();
    out.push_str("# Built-in functions\n\n");
    out.push_str(
        "Every built-in function of deluge, generated from the tables in \
         `crates/deluge-runtime/src/builtins/` (a test fails when this file and the \
         tables differ; run `UPDATE_DOCS=1 cargo test -p deluge-runtime --test builtins_docs` \
         to regenerate it). Names are case-insensitive and aliases are exact synonyms. \
         Functions with a receiver also have a function form: `s.length()` is \
         `length(s)`. Arguments counts exclude the receiver. The behaviour of each \
         function is specified with examples in the conformance file \
         `tests/conformance/<section>/<name>.dg`.\n",
    );
    let all: Vec<Entry> = entries().collect();
    for (section, title) in SECTIONS {
        let _ = write!(out, "\n## {title} (`{section}`)\n\n");
        out.push_str("| name | aliases | arguments | description |\n|---|---|---|---|\n");
        for entry in all.iter().filter(|e| e.section == *section) {
            let aliases = entry.names[1..]
                .iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", ");
            let doc = entry.doc.replace('|', "\\|");
            let _ = writeln!(
                out,
                "| `{}` | {aliases} | {} | {doc} |",
                entry.name(),
                entry.arity()
            );
        }
    }
    out
}

#[cfg(test)]
#[path = "catalog_tests.rs"]
mod tests;
