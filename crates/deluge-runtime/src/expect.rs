//! Expectations written in a script's comments, and checking a run
//! against them. This is the format of `tests/conformance/**/*.dg` and of
//! the test files users write:
//!
//! ```text
//! // now: 2026-01-05T10:00:00Z      (optional: the fixed clock)
//! // tz: Asia/Kolkata               (optional: the host time zone)
//! info 1 + 2;          // expect: 3
//! x = {1}.get(5);      // expect-error: E308
//! ```
//!
//! `// expect: TEXT` lines give the `info` output, line by line, in order
//! (an entry with line breaks spans several expected lines).
//! `// expect-error: CODE [message]` says the run ends with an uncaught
//! error of that code on that line (and, if given, that message).

use crate::error::RtError;

/// The default fixed clock of expectation files.
pub const DEFAULT_NOW: &str = "2026-01-05T10:00:00Z";

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Expectations {
    /// (1-based source line, expected output line).
    pub outputs: Vec<(usize, String)>,
    pub error: Option<ExpectedError>,
    /// `// now:` directive.
    pub now: Option<String>,
    /// `// tz:` directive.
    pub tz: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpectedError {
    pub line: usize,
    pub code: String,
    pub message: Option<String>,
}

impl Expectations {
    /// True when the file states no expectation at all.
    pub fn is_empty(&self) -> bool {
        self.outputs.is_empty() && self.error.is_none()
    }
}

/// Reads the expectation comments of a script.
pub fn parse(source: &str) -> Expectations {
    let mut exp = Expectations::default();
    for (i, line) in source.lines().enumerate() {
        let line_no = i + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if let Some(text) = directive(line, "// expect:") {
            exp.outputs.push((line_no, text.to_string()));
        } else if let Some(text) = directive(line, "// expect-error:") {
            let text = text.trim();
            let (code, message) = match text.split_once(' ') {
                Some((c, m)) => (c, Some(m.trim().to_string())),
                None => (text, None),
            };
            exp.error = Some(ExpectedError {
                line: line_no,
                code: code.to_string(),
                message,
            });
        } else if let Some(text) = directive(line, "// now:") {
            exp.now = Some(text.trim().to_string());
        } else if let Some(text) = directive(line, "// tz:") {
            exp.tz = Some(text.trim().to_string());
        }
    }
    exp
}

/// The text after `marker` (one following space dropped), if the line has
/// the marker.
fn directive<'a>(line: &'a str, marker: &str) -> Option<&'a str> {
    let at = line.find(marker)?;
    let rest = &line[at + marker.len()..];
    Some(rest.strip_prefix(' ').unwrap_or(rest))
}

/// Compares a run with the expectations; `Err` describes every mismatch.
pub fn check(exp: &Expectations, info: &[String], error: Option<&RtError>) -> Result<(), String> {
    let mut problems = Vec::new();
    let actual: Vec<&str> = info.iter().flat_map(|entry| entry.split('\n')).collect();
    for (i, (line, expected)) in exp.outputs.iter().enumerate() {
        match actual.get(i) {
            Some(got) if got == expected => {}
            Some(got) => problems.push(format!(
                "line {line}: expected output `{expected}`, got `{got}`"
            )),
            None => problems.push(format!(
                "line {line}: expected output `{expected}`, but the run printed only {} line(s)",
                actual.len()
            )),
        }
    }
    if actual.len() > exp.outputs.len() {
        let extra = &actual[exp.outputs.len()..];
        problems.push(format!("unexpected extra output: {extra:?}"));
    }
    match (&exp.error, error) {
        (None, None) => {}
        (None, Some(err)) => problems.push(format!(
            "unexpected error {} at line {}: {}",
            err.code,
            err.line.unwrap_or(0),
            err.message
        )),
        (Some(want), None) => problems.push(format!(
            "line {}: expected error {}, but the run succeeded",
            want.line, want.code
        )),
        (Some(want), Some(err)) => {
            let same_message = want.message.as_ref().is_none_or(|m| *m == err.message);
            if want.code != err.code || err.line != Some(want.line) || !same_message {
                problems.push(format!(
                    "line {}: expected error {}{}, got {} at line {}: {}",
                    want.line,
                    want.code,
                    want.message
                        .as_ref()
                        .map(|m| format!(" `{m}`"))
                        .unwrap_or_default(),
                    err.code,
                    err.line.unwrap_or(0),
                    err.message
                ));
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// Runs a script file with the clock and zone its directives give (or the
/// defaults) on a [`crate::LocalHost`] and checks it against its
/// expectations.
pub fn run_file(name: &str, source: &str) -> Result<(), String> {
    let exp = parse(source);
    let now: jiff::Timestamp = exp
        .now
        .as_deref()
        .unwrap_or(DEFAULT_NOW)
        .parse()
        .map_err(|e| format!("bad `// now:` directive: {e}"))?;
    let zone = match exp.tz.as_deref() {
        Some(name) => crate::datetime::zone::resolve_zone(name)
            .ok_or_else(|| format!("bad `// tz:` directive: unknown zone {name}"))?,
        None => jiff::tz::TimeZone::UTC,
    };
    let mut host = crate::LocalHost {
        fixed_now: Some(now),
        zone,
        ..crate::LocalHost::default()
    };
    let today = host.zone.to_datetime(now).date();
    let zone = host.zone.clone();
    let parse_date = move |text: &str| crate::datetime::parse::parse_text(text, today, &zone);
    let mut program = crate::Program::new();
    let loaded = program
        .load(name, source, &[], &parse_date)
        .map_err(|diags| {
            diags
                .iter()
                .map(|d| format!("{name}: error[{}]: {}", d.code, d.message))
                .collect::<Vec<_>>()
                .join("\n")
        })?;
    let function = match loaded {
        crate::Loaded::Script(f) => f,
        crate::Loaded::Functions(fs) => *fs.first().ok_or("no function to run")?,
    };
    let limits = crate::Limits {
        max_statements: 0,
        ..crate::Limits::default()
    };
    let outcome = crate::Interpreter::new(&program, &mut host, limits).run(function, Vec::new());
    check(&exp, &outcome.info, outcome.result.as_ref().err())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_outputs_errors_and_directives() {
        let src = "// tz: UTC\ninfo 1; // expect: 1\nx = y; // expect-error: E311 Variable 'y' is not defined\n";
        let exp = parse(src);
        assert_eq!(exp.tz.as_deref(), Some("UTC"));
        assert_eq!(exp.outputs, vec![(2, "1".to_string())]);
        let err = exp.error.expect("an expected error");
        assert_eq!((err.line, err.code.as_str()), (3, "E311"));
        assert_eq!(err.message.as_deref(), Some("Variable 'y' is not defined"));
    }

    #[test]
    fn mismatches_are_reported() {
        let exp = parse("info 1; // expect: 2\n");
        let result = check(&exp, &["1".to_string()], None);
        assert!(result.is_err_and(|e| e.contains("expected output `2`, got `1`")));
    }
}
