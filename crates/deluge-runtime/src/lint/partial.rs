//! Warnings for a file with syntax errors. The parser recovers, so the
//! statements around a mistake are in the tree and their warnings (a
//! misspelt method, an unknown task key) are worth showing on the first
//! run. Only "never assigned" needs care: the assignment may sit in the
//! part that did not parse, so W201 is dropped for a name written in a
//! statement that holds an error.

use super::check;
use deluge_syntax::ast::{Block, Script, ScriptBody, Stmt, StmtKind};
use deluge_syntax::{Diagnostic, Span, codes};

/// The static warnings of a script whose parse reported `errors`.
pub fn check_recovered(script: &Script, source: &str, errors: &[Diagnostic]) -> Vec<Diagnostic> {
    let warnings = check(script);
    let at: Vec<usize> = errors
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.primary_span().start)
        .collect();
    if at.is_empty() {
        return warnings;
    }
    let top: &[Stmt] = match &script.body {
        ScriptBody::Statements(stmts) => stmts,
        ScriptBody::Functions(_) => &[],
    };
    let blocks: Vec<&Block> = match &script.body {
        ScriptBody::Statements(_) => Vec::new(),
        ScriptBody::Functions(defs) => defs.iter().map(|d| &d.body).collect(),
    };
    let mut broken = Vec::new();
    let mut placed = vec![false; at.len()];
    find_broken(top, &at, &mut placed, &mut broken);
    for block in blocks {
        find_broken(&block.stmts, &at, &mut placed, &mut broken);
    }
    // An error outside every statement (a function header, a stray
    // bracket) may hide any assignment or parameter.
    let anywhere = placed.contains(&false);
    let texts: Vec<&str> = broken
        .iter()
        .filter_map(|s: &Span| source.get(s.start..s.end))
        .collect();
    warnings
        .into_iter()
        .filter(|w| {
            if w.code != codes::UNDEFINED_VARIABLE {
                return true;
            }
            let span = w.primary_span();
            let name = source.get(span.start..span.end).unwrap_or_default();
            !anywhere && !texts.iter().any(|t| mentions(t, name))
        })
        .collect()
}

fn contains(span: Span, at: usize) -> bool {
    span.start <= at && at <= span.end
}

/// The innermost statements that hold an error position, marking the
/// positions found inside some statement.
fn find_broken(stmts: &[Stmt], at: &[usize], placed: &mut [bool], broken: &mut Vec<Span>) {
    for stmt in stmts {
        let inside: Vec<usize> = (0..at.len())
            .filter(|&i| contains(stmt.span, at[i]))
            .collect();
        if inside.is_empty() {
            continue;
        }
        for &i in &inside {
            placed[i] = true;
        }
        let children = child_blocks(stmt);
        let in_children = |p: usize| children.iter().any(|b| contains(b.span, p));
        if inside.iter().any(|&i| !in_children(at[i])) {
            broken.push(stmt.span);
        }
        for block in children {
            find_broken(&block.stmts, at, placed, broken);
        }
    }
}

fn child_blocks(stmt: &Stmt) -> Vec<&Block> {
    match &stmt.kind {
        StmtKind::If {
            branches,
            else_block,
        } => branches
            .iter()
            .map(|b| &b.body)
            .chain(else_block.as_ref())
            .collect(),
        StmtKind::ForEach { body, .. } => vec![body],
        StmtKind::Try { body, handler, .. } => vec![body, handler],
        _ => Vec::new(),
    }
}

/// True when `name` occurs in `text` as a whole word.
fn mentions(text: &str, name: &str) -> bool {
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    text.match_indices(name).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + name.len()..].chars().next();
        !before.is_some_and(is_word) && !after.is_some_and(is_word)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn warnings(source: &str) -> Vec<String> {
        let parsed = deluge_syntax::parse(source);
        assert!(parsed.has_errors(), "the test needs a syntax error");
        check_recovered(&parsed.script, source, &parsed.diagnostics)
            .iter()
            .map(|d| d.to_string())
            .collect()
    }

    #[test]
    fn warnings_of_the_parsed_part_are_kept() {
        let found = warnings("name = \"ann\";\nx = name.toUpperCse();\ny = 1 +;\ninfo x;\n");
        assert_eq!(found, vec!["warning[W206]: unknown function `toUpperCse`"]);
    }

    #[test]
    fn never_assigned_is_dropped_for_names_in_a_broken_statement() {
        // `total` is assigned in the statement that does not parse.
        let found = warnings("total = 1 +* 2;\ninfo total;\ninfo other;\n");
        assert_eq!(
            found,
            vec!["warning[W201]: variable `other` is never assigned"]
        );
        let found = warnings("for each x in {1} {\n  total = x +* 2;\n}\ninfo total;\n");
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn an_error_outside_statements_drops_every_never_assigned() {
        let found = warnings("string f(string name {\n  info name;\n}\n");
        assert!(found.iter().all(|w| !w.contains("W201")), "{found:?}");
    }

    #[test]
    fn whole_words_only() {
        assert!(mentions("a = total + 1", "total"));
        assert!(!mentions("a = totals + 1", "total"));
        assert!(!mentions("subtotal = 1", "total"));
    }
}
