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
//! error of that code on that line (and, if given, that message); a syntax
//! error of that code on that line counts too.
//! `// expect-return: TEXT` gives the text form of the returned value.
//!
//! Other directives: `// function: NAME` runs that function of a file of
//! functions, `// arg: NAME=VALUE` passes an argument (JSON or text, as on
//! the command line), `// max-statements: N` sets the statement limit
//! (default: none), `// sandbox: FILE` names the simulator seed that
//! `deluge test` starts each test of the file from.

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
    /// `// expect-return:` directive.
    pub returns: Option<String>,
    /// `// function:` directive.
    pub function: Option<String>,
    /// `// arg: NAME=VALUE` directives, in order.
    pub args: Vec<(String, String)>,
    /// `// max-statements:` directive.
    pub max_statements: Option<u64>,
    /// `// sandbox: FILE` directive: the simulator seed of `deluge test`.
    pub sandbox: Option<String>,
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
        self.outputs.is_empty() && self.error.is_none() && self.returns.is_none()
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
        } else if let Some(text) = directive(line, "// expect-return:") {
            exp.returns = Some(text.to_string());
        } else if let Some(text) = directive(line, "// function:") {
            exp.function = Some(text.trim().to_string());
        } else if let Some((name, value)) =
            directive(line, "// arg:").and_then(|t| t.split_once('='))
        {
            exp.args.push((name.trim().to_string(), value.to_string()));
        } else if let Some(text) = directive(line, "// max-statements:") {
            exp.max_statements = text.trim().parse().ok();
        } else if let Some(text) = directive(line, "// sandbox:") {
            exp.sandbox = Some(text.trim().to_string());
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
pub fn check(
    exp: &Expectations,
    info: &[String],
    result: Result<Option<&crate::Value>, &RtError>,
) -> Result<(), String> {
    let mut problems = Vec::new();
    let error = result.err();
    if let (Some(want), Ok(got)) = (&exp.returns, result) {
        let got = got.map(crate::Value::display);
        if got.as_deref() != Some(want.as_str()) {
            problems.push(format!("expected the return value `{want}`, got {got:?}"));
        }
    }
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

/// Runs a script file with the clock, zone, function and arguments its
/// directives give (or the defaults) on a [`crate::LocalHost`] and checks
/// it against its expectations.
pub fn run_file(name: &str, source: &str) -> Result<(), String> {
    let exp = parse(source);
    let (now, zone) = clock(&exp)?;
    let mut host = crate::LocalHost {
        fixed_now: Some(now),
        zone,
        ..crate::LocalHost::default()
    };
    let mut program = crate::Program::new();
    run_on(
        name,
        source,
        &exp,
        &mut program,
        &mut host,
        &RunOptions::default(),
    )
    .verdict
}

/// How [`run_on`] runs a file beyond what its directives say.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// The statement limit when the file has no `// max-statements:`
    /// directive (0: none).
    pub max_statements: u64,
    /// Record the executed lines.
    pub coverage: bool,
}

/// What running an expectation file gave.
#[derive(Debug)]
pub struct GoldenRun {
    /// `Err` describes every mismatch.
    pub verdict: Result<(), String>,
    pub statements: u64,
    pub coverage: Option<crate::Coverage>,
    /// The source id of the file in the program, once it loaded.
    pub source: Option<crate::error::SourceId>,
}

/// The fixed clock and zone that a file's `// now:` and `// tz:`
/// directives give (default [`DEFAULT_NOW`], UTC).
pub fn clock(exp: &Expectations) -> Result<(jiff::Timestamp, jiff::tz::TimeZone), String> {
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
    Ok((now, zone))
}

/// The one runner of expectation files: loads `source` into `program`
/// (which may already hold functions and host functions), runs it on
/// `host` (whose clock should be [`clock`]'s) and checks the run. Both the
/// conformance suite and `deluge test` come through here.
pub fn run_on(
    name: &str,
    source: &str,
    exp: &Expectations,
    program: &mut crate::Program,
    host: &mut dyn crate::Host,
    options: &RunOptions,
) -> GoldenRun {
    let failed = |verdict| GoldenRun {
        verdict: Err(verdict),
        statements: 0,
        coverage: None,
        source: None,
    };
    let parse_date = crate::datetime::parse::parser_as_of(host.now(), host.time_zone());
    let inputs: Vec<String> = exp.args.iter().map(|(n, _)| n.clone()).collect();
    let loaded = match program.load(name, source, &inputs, &parse_date) {
        Ok(loaded) => loaded,
        Err(diags) => {
            return match check_syntax_error(exp, name, source, &diags) {
                Ok(()) => GoldenRun {
                    verdict: Ok(()),
                    statements: 0,
                    coverage: None,
                    source: None,
                },
                Err(problem) => failed(problem),
            };
        }
    };
    let source_id = program.sources.len() - 1;
    let (function, args) = match entry_point(program, loaded, exp) {
        Ok(entry) => entry,
        Err(problem) => return failed(problem),
    };
    let limits = crate::Limits {
        max_statements: exp.max_statements.unwrap_or(options.max_statements),
        ..crate::Limits::default()
    };
    let mut interpreter = crate::Interpreter::new(program, host, limits);
    if options.coverage {
        interpreter = interpreter.with_coverage();
    }
    let outcome = interpreter.run(function, args);
    let result = match &outcome.result {
        Ok(v) => Ok(v.as_ref()),
        Err(e) => Err(e),
    };
    GoldenRun {
        verdict: check(exp, &outcome.info, result),
        statements: outcome.statements,
        coverage: outcome.coverage,
        source: Some(source_id),
    }
}

/// The function to run and its arguments in parameter order.
fn entry_point(
    program: &crate::Program,
    loaded: crate::Loaded,
    exp: &Expectations,
) -> Result<(crate::ir::FnIndex, Vec<crate::Value>), String> {
    let value = |raw: &str| match serde_json::from_str::<serde_json::Value>(raw) {
        Ok(json) => crate::json::from_serde(&json),
        Err(_) => crate::Value::text(raw),
    };
    let function = match (loaded, &exp.function) {
        (crate::Loaded::Script(f), _) => {
            return Ok((f, exp.args.iter().map(|(_, v)| value(v)).collect()));
        }
        (crate::Loaded::Functions(_), Some(name)) => program
            .function_named(name)
            .ok_or_else(|| format!("`// function: {name}` names no function of the file"))?,
        (crate::Loaded::Functions(fs), None) => *fs.first().ok_or("no function to run")?,
    };
    let mut args = Vec::new();
    for param in &program.functions[function].params {
        let raw = exp
            .args
            .iter()
            .find(|(n, _)| *n == param.name)
            .map(|(_, v)| v.as_str())
            .ok_or_else(|| {
                format!(
                    "no `// arg: {}=...` for the function's parameter",
                    param.name
                )
            })?;
        args.push(value(raw));
    }
    Ok((function, args))
}

/// A file that does not load passes only if it expects that syntax error.
fn check_syntax_error(
    exp: &Expectations,
    name: &str,
    source: &str,
    diags: &[deluge_syntax::Diagnostic],
) -> Result<(), String> {
    let lines = deluge_syntax::LineIndex::new(source);
    let first = diags.iter().find(|d| d.is_error());
    if let (Some(want), Some(d)) = (&exp.error, first) {
        let line = lines.line(d.primary_span().start);
        if d.code == want.code && line == want.line {
            return Ok(());
        }
    }
    Err(diags
        .iter()
        .map(|d| {
            let line = lines.line(d.primary_span().start);
            format!("{name}:{line}: error[{}]: {}", d.code, d.message)
        })
        .collect::<Vec<_>>()
        .join("\n"))
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
        let result = check(&exp, &["1".to_string()], Ok(None));
        assert!(result.is_err_and(|e| e.contains("expected output `2`, got `1`")));
    }
}
