//! Line coverage: which statements of which sources ran, and how often.
//!
//! Recording is off unless a run asks for it
//! ([`Interpreter::with_coverage`](crate::Interpreter::with_coverage)); the
//! evaluator then counts each executed statement by its source and line.
//! [`statement_lines`] gives the lines that hold statements at all, so a
//! report can tell lines that never ran from lines with nothing to run.

use crate::error::SourceId;
use crate::ir::{Stmt, StmtKind};
use crate::program::Program;
use std::collections::BTreeSet;

/// Execution counts by source and 1-based line.
#[derive(Debug, Default, Clone)]
pub struct Coverage {
    hits: Vec<Vec<u32>>,
}

impl Coverage {
    pub(crate) fn hit(&mut self, source: SourceId, line: u32) {
        if self.hits.len() <= source {
            self.hits.resize_with(source + 1, Vec::new);
        }
        let lines = &mut self.hits[source];
        let line = line as usize;
        if lines.len() <= line {
            lines.resize(line + 1, 0);
        }
        lines[line] = lines[line].saturating_add(1);
    }

    /// How many times statements on `line` of `source` ran.
    pub fn count(&self, source: SourceId, line: u32) -> u32 {
        self.hits
            .get(source)
            .and_then(|lines| lines.get(line as usize))
            .copied()
            .unwrap_or(0)
    }
}

/// The lines of `source` where a statement starts, across every function
/// lowered from it.
pub fn statement_lines(program: &Program, source: SourceId) -> BTreeSet<u32> {
    let mut lines = BTreeSet::new();
    for function in program.functions.iter().filter(|f| f.source == source) {
        collect(&function.body, &mut lines);
    }
    lines
}

fn collect(stmts: &[Stmt], lines: &mut BTreeSet<u32>) {
    for stmt in stmts {
        if !matches!(stmt.kind, StmtKind::Nothing) {
            lines.insert(stmt.line);
        }
        match &stmt.kind {
            StmtKind::If {
                branches,
                else_block,
            } => {
                for (_, body) in branches {
                    collect(body, lines);
                }
                if let Some(body) = else_block {
                    collect(body, lines);
                }
            }
            StmtKind::ForEach { body, .. } => collect(body, lines),
            StmtKind::Try { body, handler, .. } => {
                collect(body, lines);
                collect(handler, lines);
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Interpreter, Limits, LocalHost, Program};

    #[test]
    fn counts_executed_statements_and_knows_the_others() {
        let src =
            "x = 1;\nif (x > 5)\n{\n\tx = 2;\n}\nfor each i in {1, 2, 3}\n{\n\tx = x + i;\n}\n";
        let mut program = Program::new();
        let loaded = program.load("t.dg", src, &[], &|_| None).expect("loads");
        let crate::Loaded::Script(f) = loaded else {
            panic!("a script")
        };
        let mut host = LocalHost::default();
        let outcome = Interpreter::new(&program, &mut host, Limits::default())
            .with_coverage()
            .run(f, vec![]);
        let cov = outcome.coverage.expect("recorded");
        let lines: Vec<u32> = statement_lines(&program, 0).into_iter().collect();
        assert_eq!(lines, vec![1, 2, 4, 6, 8]);
        assert_eq!(cov.count(0, 1), 1);
        assert_eq!(cov.count(0, 2), 1);
        assert_eq!(cov.count(0, 4), 0);
        assert_eq!(cov.count(0, 8), 3);
    }
}
