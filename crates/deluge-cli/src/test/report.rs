//! What `deluge test` prints and writes: a line per case, the failures in
//! full, the closing count line, `--json` and `--junit`.

use super::exec::{CaseResult, Status};
use quick_xml::Writer;
use quick_xml::events::{BytesEnd, BytesStart, BytesText, Event};
use std::time::Duration;

/// `test NAME ... ok (1.2 ms, 143 statements)`.
pub fn case_line(result: &CaseResult) -> String {
    let verdict = match result.status {
        Status::Passed => "ok",
        Status::Failed => "FAILED",
        Status::Errored => "ERROR",
        Status::Skipped => return format!("test {} ... skipped", result.name),
    };
    format!(
        "test {} ... {verdict} ({}, {} statements)",
        result.name,
        millis(result.duration),
        result.statements
    )
}

fn millis(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub passed: usize,
    pub failed: usize,
    pub skipped: usize,
}

impl Counts {
    pub fn of(results: &[CaseResult]) -> Counts {
        let mut counts = Counts::default();
        for r in results {
            match r.status {
                Status::Passed => counts.passed += 1,
                Status::Failed | Status::Errored => counts.failed += 1,
                Status::Skipped => counts.skipped += 1,
            }
        }
        counts
    }

    /// `N passed, N failed`, with `, N skipped` when any were skipped.
    pub fn line(&self) -> String {
        let mut line = format!("{} passed, {} failed", self.passed, self.failed);
        if self.skipped > 0 {
            line.push_str(&format!(", {} skipped", self.skipped));
        }
        line
    }
}

/// The failures in full, after the list.
pub fn failures(results: &[CaseResult]) -> String {
    let failed: Vec<&CaseResult> = results
        .iter()
        .filter(|r| matches!(r.status, Status::Failed | Status::Errored))
        .collect();
    if failed.is_empty() {
        return String::new();
    }
    let mut out = String::from("\nfailures:\n");
    for r in failed {
        out.push_str(&format!("\n---- {} ----\n{}", r.name, r.detail));
        if !r.detail.ends_with('\n') {
            out.push('\n');
        }
    }
    out
}

fn status_word(status: Status) -> &'static str {
    match status {
        Status::Passed => "passed",
        Status::Failed => "failed",
        Status::Errored => "error",
        Status::Skipped => "skipped",
    }
}

/// `--json`: one object with every case and the counts.
pub fn json(results: &[CaseResult]) -> serde_json::Value {
    let counts = Counts::of(results);
    let tests: Vec<serde_json::Value> = results
        .iter()
        .map(|r| {
            serde_json::json!({
                "name": r.name,
                "file": r.file,
                "status": status_word(r.status),
                "duration_ms": r.duration.as_secs_f64() * 1000.0,
                "statements": r.statements,
                "message": if r.message.is_empty() { serde_json::Value::Null } else { r.message.clone().into() },
                "detail": if r.detail.is_empty() { serde_json::Value::Null } else { strip_ansi(&r.detail).into() },
            })
        })
        .collect();
    serde_json::json!({
        "tests": tests,
        "passed": counts.passed,
        "failed": counts.failed,
        "skipped": counts.skipped,
    })
}

/// JUnit XML: a `testsuite` per file, a `testcase` per case; assertion
/// failures are `failure`, runtime errors `error`.
pub fn junit(results: &[CaseResult]) -> Result<String, std::io::Error> {
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    writer.write_event(Event::Decl(quick_xml::events::BytesDecl::new(
        "1.0",
        Some("UTF-8"),
        None,
    )))?;
    let total = Counts::of(results);
    let errors = results
        .iter()
        .filter(|r| r.status == Status::Errored)
        .count();
    let time: Duration = results.iter().map(|r| r.duration).sum();
    let mut root = BytesStart::new("testsuites");
    root.push_attribute(("name", "deluge test"));
    root.push_attribute(("tests", results.len().to_string().as_str()));
    root.push_attribute(("failures", (total.failed - errors).to_string().as_str()));
    root.push_attribute(("errors", errors.to_string().as_str()));
    root.push_attribute(("skipped", total.skipped.to_string().as_str()));
    root.push_attribute(("time", seconds(time).as_str()));
    writer.write_event(Event::Start(root))?;
    let mut start = 0;
    while start < results.len() {
        let file = &results[start].file;
        let end = results[start..]
            .iter()
            .position(|r| &r.file != file)
            .map_or(results.len(), |n| start + n);
        suite(&mut writer, file, &results[start..end])?;
        start = end;
    }
    writer.write_event(Event::End(BytesEnd::new("testsuites")))?;
    Ok(String::from_utf8_lossy(&writer.into_inner()).into_owned() + "\n")
}

fn suite(writer: &mut Writer<Vec<u8>>, file: &str, cases: &[CaseResult]) -> std::io::Result<()> {
    let counts = Counts::of(cases);
    let errors = cases.iter().filter(|r| r.status == Status::Errored).count();
    let time: Duration = cases.iter().map(|r| r.duration).sum();
    let mut start = BytesStart::new("testsuite");
    start.push_attribute(("name", file));
    start.push_attribute(("tests", cases.len().to_string().as_str()));
    start.push_attribute(("failures", (counts.failed - errors).to_string().as_str()));
    start.push_attribute(("errors", errors.to_string().as_str()));
    start.push_attribute(("skipped", counts.skipped.to_string().as_str()));
    start.push_attribute(("time", seconds(time).as_str()));
    writer.write_event(Event::Start(start))?;
    for case in cases {
        let short = case
            .name
            .split_once("::")
            .map_or(case.name.as_str(), |(_, c)| c);
        let mut tc = BytesStart::new("testcase");
        tc.push_attribute(("name", short));
        tc.push_attribute(("classname", file));
        tc.push_attribute(("time", seconds(case.duration).as_str()));
        let child = match case.status {
            Status::Passed => None,
            Status::Failed => Some("failure"),
            Status::Errored => Some("error"),
            Status::Skipped => Some("skipped"),
        };
        let Some(child) = child else {
            writer.write_event(Event::Empty(tc))?;
            continue;
        };
        writer.write_event(Event::Start(tc))?;
        let mut el = BytesStart::new(child);
        if case.status == Status::Skipped {
            writer.write_event(Event::Empty(el))?;
        } else {
            el.push_attribute(("message", case.message.as_str()));
            writer.write_event(Event::Start(el))?;
            writer.write_event(Event::Text(BytesText::new(&strip_ansi(&case.detail))))?;
            writer.write_event(Event::End(BytesEnd::new(child)))?;
        }
        writer.write_event(Event::End(BytesEnd::new("testcase")))?;
    }
    writer.write_event(Event::End(BytesEnd::new("testsuite")))?;
    Ok(())
}

fn seconds(d: Duration) -> String {
    format!("{:.6}", d.as_secs_f64())
}

/// Text without ANSI colour sequences (for files and JSON).
pub fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' && chars.peek() == Some(&'[') {
            for next in chars.by_ref() {
                if next.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn result(name: &str, status: Status) -> CaseResult {
        CaseResult {
            name: name.into(),
            file: name.split("::").next().unwrap_or_default().into(),
            status,
            duration: Duration::from_micros(1200),
            statements: 143,
            detail: "why <it> & failed".into(),
            message: "why".into(),
        }
    }

    #[test]
    fn lines_and_counts_read_like_cargo_test() {
        let ok = result("tests/sync_test.dg::test_creates_customer", Status::Passed);
        assert_eq!(
            case_line(&ok),
            "test tests/sync_test.dg::test_creates_customer ... ok (1.2 ms, 143 statements)"
        );
        let all = [
            ok,
            result("a::b", Status::Errored),
            result("a::c", Status::Skipped),
        ];
        assert_eq!(Counts::of(&all).line(), "1 passed, 1 failed, 1 skipped");
        assert_eq!(Counts::of(&all[..1]).line(), "1 passed, 0 failed");
    }

    #[test]
    fn junit_escapes_and_counts() {
        let all = [
            result("a::b", Status::Failed),
            result("a::c", Status::Passed),
        ];
        let xml = junit(&all).expect("writes");
        assert!(xml.contains("<testsuite name=\"a\" tests=\"2\" failures=\"1\" errors=\"0\""));
        assert!(xml.contains("why &lt;it&gt; &amp; failed"));
    }

    #[test]
    fn ansi_sequences_are_removed() {
        assert_eq!(strip_ansi("\u{1b}[31mred\u{1b}[0m"), "red");
    }
}
