//! Finding the tests: golden files (`// expect:` comments) and suites
//! (`*_test.dg` files whose `test*` functions are the cases), then
//! `--filter` and `--shard`.

use deluge_syntax::ast::ScriptBody;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// Run as a script and compared with its expectation comments.
    Golden,
    /// Each listed function is a case.
    Suite,
}

/// A file to run and the cases of it that were selected.
#[derive(Debug, Clone)]
pub struct TestFile {
    pub path: PathBuf,
    /// The name in reports (relative to the project folder).
    pub name: String,
    pub kind: Kind,
    /// Suites: the test functions, as declared. Golden files: one empty
    /// entry. A suite that does not parse: one empty entry, which reports
    /// the syntax error.
    pub cases: Vec<String>,
}

impl TestFile {
    /// The report name of a case: `tests/a_test.dg::test_x`, or the file
    /// name of a golden file.
    pub fn case_name(&self, case: &str) -> String {
        if case.is_empty() {
            self.name.clone()
        } else {
            format!("{}::{case}", self.name)
        }
    }
}

/// `--shard K/N`: this job runs the cases whose position in the sorted
/// list is K-1 modulo N.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: usize,
    pub count: usize,
}

impl std::str::FromStr for Shard {
    type Err = String;

    fn from_str(text: &str) -> Result<Shard, String> {
        let bad = || format!("--shard {text}: expected K/N with 1 <= K <= N, such as 2/4");
        let (k, n) = text.split_once('/').ok_or_else(bad)?;
        let (k, n): (usize, usize) = (
            k.trim().parse().map_err(|_| bad())?,
            n.trim().parse().map_err(|_| bad())?,
        );
        if k == 0 || n == 0 || k > n {
            return Err(bad());
        }
        Ok(Shard {
            index: k - 1,
            count: n,
        })
    }
}

pub fn is_suite(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with("_test.dg"))
}

/// The test functions of a suite's source, in order; `None` when the file
/// does not parse as function definitions.
pub fn test_functions(source: &str) -> Option<Vec<String>> {
    let parsed = deluge_syntax::parse(source);
    if parsed.has_errors() {
        return None;
    }
    match &parsed.script.body {
        ScriptBody::Functions(defs) => Some(
            defs.iter()
                .filter(|d| d.name.name.to_ascii_lowercase().starts_with("test"))
                .map(|d| d.full_name())
                .collect(),
        ),
        ScriptBody::Statements(_) => None,
    }
}

/// Classifies one file: a suite by its name, a golden file by its
/// comments; `None` for other scripts (the code under test). A file named
/// on the command line that is neither is a suite when it defines `test*`
/// functions.
pub fn classify(path: &Path, name: String, explicit: bool) -> Result<Option<TestFile>, String> {
    let text = crate::source::read(path)?;
    let golden = !deluge_runtime::expect::parse(&text).is_empty();
    let functions = test_functions(&text);
    let suite = is_suite(path)
        || (explicit && !golden && functions.as_ref().is_some_and(|f| !f.is_empty()));
    let file = |kind, cases| TestFile {
        path: path.to_path_buf(),
        name: name.clone(),
        kind,
        cases,
    };
    if suite {
        let cases = functions.unwrap_or_else(|| vec![String::new()]);
        return Ok(Some(file(Kind::Suite, cases)));
    }
    if golden {
        return Ok(Some(file(Kind::Golden, vec![String::new()])));
    }
    if explicit {
        return Err(format!(
            "{name}: not a test file (no `// expect:` comments, no test functions)"
        ));
    }
    Ok(None)
}

/// Keeps the cases whose name contains `filter`, then this shard's share;
/// files left with no case are dropped. Returns how many were filtered out.
pub fn select(files: &mut Vec<TestFile>, filter: Option<&str>, shard: Option<Shard>) -> usize {
    let mut position = 0;
    let mut dropped = 0;
    for file in files.iter_mut() {
        let name = file.name.clone();
        let kind_suite = file.kind == Kind::Suite;
        file.cases.retain(|case| {
            let full = if case.is_empty() || !kind_suite {
                name.clone()
            } else {
                format!("{name}::{case}")
            };
            let wanted = filter.is_none_or(|f| full.contains(f));
            let mine = wanted
                && shard.is_none_or(|s| {
                    let here = position % s.count == s.index;
                    position += 1;
                    here
                });
            if !mine {
                dropped += 1;
            }
            mine
        });
    }
    files.retain(|f| !f.cases.is_empty());
    dropped
}

#[cfg(test)]
mod tests {
    use super::*;

    fn suite(name: &str, cases: &[&str]) -> TestFile {
        TestFile {
            path: PathBuf::from(name),
            name: name.to_string(),
            kind: Kind::Suite,
            cases: cases.iter().map(|c| c.to_string()).collect(),
        }
    }

    #[test]
    fn shards_split_the_cases_without_overlap() {
        let all = vec![
            suite("a_test.dg", &["test1", "test2", "test3"]),
            suite("b_test.dg", &["test4"]),
        ];
        let mut seen = Vec::new();
        for k in 1..=3 {
            let mut files = all.clone();
            select(
                &mut files,
                None,
                Some(format!("{k}/3").parse().expect("shard")),
            );
            for f in &files {
                seen.extend(f.cases.iter().map(|c| f.case_name(c)));
            }
        }
        seen.sort();
        assert_eq!(
            seen,
            vec![
                "a_test.dg::test1",
                "a_test.dg::test2",
                "a_test.dg::test3",
                "b_test.dg::test4"
            ]
        );
        assert!("0/3".parse::<Shard>().is_err());
        assert!("4/3".parse::<Shard>().is_err());
    }

    #[test]
    fn the_filter_matches_the_full_case_name() {
        let mut files = vec![
            suite("a_test.dg", &["test_one", "test_two"]),
            suite("b_test.dg", &["test_one"]),
        ];
        let dropped = select(&mut files, Some("a_test.dg::test_t"), None);
        assert_eq!(dropped, 2);
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].cases, vec!["test_two"]);
    }

    #[test]
    fn test_functions_are_those_named_test() {
        let src = "void test_a() { }\nstring helper() { return \"\"; }\nvoid testB() { }\n";
        assert_eq!(
            test_functions(src),
            Some(vec!["test_a".to_string(), "testB".to_string()])
        );
        assert_eq!(test_functions("info 1;"), None);
    }
}
