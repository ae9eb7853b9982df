//! Line coverage of the scripts under test, gathered across test cases
//! and written in lcov format (what editor plugins and CI services read).

use deluge_runtime::coverage::statement_lines;
use deluge_runtime::{Coverage, Program};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Execution counts by file name and line; every statement line of a file
/// is present, with 0 when it never ran.
#[derive(Debug, Default, Clone)]
pub struct CoverageLog {
    files: BTreeMap<String, BTreeMap<u32, u64>>,
}

impl CoverageLog {
    /// Adds one run's counts for the sources of `program` that `include`
    /// accepts (by source name).
    pub fn add(&mut self, program: &Program, coverage: &Coverage, include: impl Fn(&str) -> bool) {
        for (id, source) in program.sources.iter().enumerate() {
            if !include(&source.name) {
                continue;
            }
            let lines = self.files.entry(source.name.clone()).or_default();
            for line in statement_lines(program, id) {
                *lines.entry(line).or_default() += u64::from(coverage.count(id, line));
            }
        }
    }

    pub fn merge(&mut self, other: CoverageLog) {
        for (file, lines) in other.files {
            let mine = self.files.entry(file).or_default();
            for (line, count) in lines {
                *mine.entry(line).or_default() += count;
            }
        }
    }

    /// The lcov tracefile: one record per file with a `DA` line per
    /// statement line, then `LH` (lines hit) and `LF` (lines found).
    pub fn lcov(&self, root: &std::path::Path) -> String {
        let mut out = String::new();
        for (file, lines) in &self.files {
            let _ = writeln!(out, "TN:");
            let _ = writeln!(out, "SF:{}", root.join(file).display());
            for (line, count) in lines {
                let _ = writeln!(out, "DA:{line},{count}");
            }
            let hit = lines.values().filter(|c| **c > 0).count();
            let _ = writeln!(out, "LH:{hit}");
            let _ = writeln!(out, "LF:{}", lines.len());
            let _ = writeln!(out, "end_of_record");
        }
        out
    }

    /// `file: 12/15 statement lines (80.0%)` per file, and a total.
    pub fn summary(&self) -> String {
        let mut out = String::from("coverage:\n");
        let (mut all_hit, mut all) = (0, 0);
        for (file, lines) in &self.files {
            let hit = lines.values().filter(|c| **c > 0).count();
            all_hit += hit;
            all += lines.len();
            let _ = writeln!(out, "  {file}: {}", share(hit, lines.len()));
        }
        let _ = writeln!(out, "  total: {}", share(all_hit, all));
        out
    }
}

fn share(hit: usize, all: usize) -> String {
    let percent = if all == 0 {
        100.0
    } else {
        hit as f64 * 100.0 / all as f64
    };
    format!("{hit}/{all} statement lines ({percent:.1}%)")
}

#[cfg(test)]
mod tests {
    use super::*;
    use deluge_runtime::{Interpreter, Limits, Loaded, LocalHost};

    #[test]
    fn lcov_lists_every_statement_line_with_its_count() {
        let src = "x = 1;\nif (x > 1)\n{\n\tx = 2;\n}\ninfo x;\n";
        let mut program = Program::new();
        let Ok(Loaded::Script(f)) = program.load("a.dg", src, &[], &|_| None) else {
            panic!("loads")
        };
        let mut host = LocalHost::default();
        let outcome = Interpreter::new(&program, &mut host, Limits::default())
            .with_coverage()
            .run(f, vec![]);
        let mut log = CoverageLog::default();
        log.add(&program, &outcome.coverage.expect("recorded"), |_| true);
        let lcov = log.lcov(std::path::Path::new("/p"));
        assert_eq!(
            lcov,
            "TN:\nSF:/p/a.dg\nDA:1,1\nDA:2,1\nDA:4,0\nDA:6,1\nLH:3\nLF:4\nend_of_record\n"
        );
        assert!(log.summary().contains("a.dg: 3/4 statement lines (75.0%)"));
    }
}
