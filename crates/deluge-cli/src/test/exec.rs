//! Running one test file: each case on a fresh host, with its time, its
//! statement count and, when it failed, the rendered reason.

use super::assert::Failure;
use super::coverage::CoverageLog;
use super::discover::{Kind, TestFile};
use super::env::Env;
use super::host::{TestHost, function_names};
use deluge_runtime::expect::{self, Expectations, RunOptions};
use deluge_runtime::{Interpreter, Limits, Loaded, Program, RtError};
use deluge_syntax::{codes, render};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// The statement limit of a suite's test case when neither the command
/// line nor the file sets one: Zoho's.
pub const DEFAULT_CASE_STATEMENTS: u64 = 5000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Passed,
    /// An assertion failed, or a golden file's output differed.
    Failed,
    /// A runtime error (a limit included) ended the case.
    Errored,
    /// Not run: `--fail-fast` stopped the run first.
    Skipped,
}

#[derive(Debug, Clone)]
pub struct CaseResult {
    pub name: String,
    pub file: String,
    pub status: Status,
    pub duration: Duration,
    pub statements: u64,
    /// The full reason, as printed after the list (may hold colour).
    pub detail: String,
    /// A one-line reason without colour (JUnit, JSON).
    pub message: String,
}

pub struct Settings {
    pub max_statements: Option<u64>,
    pub coverage: bool,
    pub color: bool,
    /// Set by the first failure under `--fail-fast`.
    pub stop: Option<AtomicBool>,
}

impl Settings {
    fn stopped(&self) -> bool {
        self.stop
            .as_ref()
            .is_some_and(|s| s.load(Ordering::Relaxed))
    }

    fn record(&self, status: Status) {
        if let (Some(stop), Status::Failed | Status::Errored) = (&self.stop, status) {
            stop.store(true, Ordering::Relaxed);
        }
    }
}

/// Runs the selected cases of a file; coverage goes into `log`.
pub fn run_file(
    file: &TestFile,
    env: &Env,
    settings: &Settings,
    log: &mut CoverageLog,
) -> Vec<CaseResult> {
    let text = match crate::source::read(&file.path) {
        Ok(text) => text,
        Err(e) => return vec![setup_error(file, "", e)],
    };
    let exp = expect::parse(&text);
    let seed = match exp.sandbox.as_ref().map(|s| base_dir(file).join(s)) {
        Some(path) => match super::env::read_seed(&path) {
            Ok(seed) => Some(seed),
            Err(e) => return vec![setup_error(file, "", e)],
        },
        None => None,
    };
    let ctx = FileCtx {
        file,
        env,
        settings,
        text: &text,
        exp: &exp,
        seed: seed.as_ref(),
    };
    // A suite is loaded once; its cases share the program (which they
    // only read) and get a fresh host each.
    let suite = (file.kind == Kind::Suite).then(|| ctx.load_suite());
    let mut results = Vec::new();
    for case in &file.cases {
        if settings.stopped() {
            results.push(skipped(file, case));
            continue;
        }
        let started = Instant::now();
        let mut result = match &suite {
            None => ctx.golden(log),
            Some(Ok(program)) => ctx.case(program, case, log),
            Some(Err((detail, message))) => errored(file, case, 0, detail.clone(), message.clone()),
        };
        result.duration = started.elapsed();
        settings.record(result.status);
        results.push(result);
    }
    results
}

/// `test.run` paths and `// sandbox:` files are relative to the project
/// folder, or to the test file's folder outside a project.
fn base_dir(file: &TestFile) -> std::path::PathBuf {
    file.path
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

struct FileCtx<'a> {
    file: &'a TestFile,
    env: &'a Env,
    settings: &'a Settings,
    text: &'a str,
    exp: &'a Expectations,
    seed: Option<&'a deluge_sandbox::Seed>,
}

impl FileCtx<'_> {
    fn base(&self) -> std::path::PathBuf {
        self.env
            .project_dir
            .clone()
            .unwrap_or_else(|| base_dir(self.file))
    }

    /// A program with the test functions registered and the project's
    /// function files loaded.
    fn program(
        &self,
        parse_date: &dyn Fn(&str) -> Option<deluge_runtime::datetime::DateTime>,
    ) -> Result<Program, String> {
        let mut program = Program::new();
        for name in function_names() {
            program.host_functions.register(name);
        }
        self.env.load_functions(&mut program, parse_date)?;
        Ok(program)
    }

    fn golden(&self, log: &mut CoverageLog) -> CaseResult {
        let file = self.file;
        let (now, zone) = match expect::clock(self.exp) {
            Ok(clock) => clock,
            Err(e) => return setup_error(file, "", e),
        };
        let parse_date = deluge_runtime::datetime::parse::parser_as_of(now, &zone);
        let mut program = match self.program(&parse_date) {
            Ok(p) => p,
            Err(e) => return setup_error(file, "", e),
        };
        let base = self.base();
        let mut case_log = CoverageLog::default();
        let coverage = self.settings.coverage.then_some(&mut case_log);
        let max = self.settings.max_statements.unwrap_or(0);
        let mut host = match TestHost::new(self.env, &base, now, zone, self.seed, max, coverage) {
            Ok(h) => h,
            Err(e) => return setup_error(file, "", e),
        };
        let options = RunOptions {
            max_statements: max,
            coverage: self.settings.coverage,
        };
        let run = expect::run_on(
            &file.name,
            self.text,
            self.exp,
            &mut program,
            &mut host,
            &options,
        );
        let statements = run.statements + host.extra_statements();
        drop(host);
        if let Some(cov) = &run.coverage {
            case_log.add(&program, cov, |_| true);
        }
        log.merge(case_log);
        let mut result = base_result(file, "", statements);
        if let Err(problem) = run.verdict {
            result.status = Status::Failed;
            result.message = problem.lines().next().unwrap_or_default().to_string();
            result.detail = problem;
        }
        result
    }

    /// The suite's program: test functions registered, the project's
    /// functions and the file loaded. `Err` holds the report and a
    /// one-line reason.
    fn load_suite(&self) -> Result<Program, (String, String)> {
        let file = self.file;
        let setup = |e: String| (format!("{e}\n"), e);
        let (now, zone) = expect::clock(self.exp).map_err(setup)?;
        let parse_date = deluge_runtime::datetime::parse::parser_as_of(now, &zone);
        let mut program = self.program(&parse_date).map_err(setup)?;
        match program.load(&file.name, self.text, &[], &parse_date) {
            Ok(Loaded::Functions(_)) => Ok(program),
            Ok(Loaded::Script(_)) => Err(setup(format!(
                "{}: a test suite holds function definitions only",
                file.name
            ))),
            Err(diags) => {
                let rendered: String = diags
                    .iter()
                    .map(|d| render::report(d, &file.name, self.text, self.settings.color))
                    .collect();
                Err((rendered, "the file does not load".into()))
            }
        }
    }

    fn case(&self, program: &Program, case: &str, log: &mut CoverageLog) -> CaseResult {
        let file = self.file;
        let (now, zone) = match expect::clock(self.exp) {
            Ok(clock) => clock,
            Err(e) => return setup_error(file, case, e),
        };
        let function = program.names.resolve_full(case);
        let Some(function) = function.filter(|_| !case.is_empty()) else {
            return setup_error(file, case, format!("{}: no test functions", file.name));
        };
        if !program.functions[function].params.is_empty() {
            return setup_error(
                file,
                case,
                format!("{case}: a test function takes no parameters"),
            );
        }
        let base = self.base();
        let mut case_log = CoverageLog::default();
        let coverage = self.settings.coverage.then_some(&mut case_log);
        let max = self
            .exp
            .max_statements
            .or(self.settings.max_statements)
            .unwrap_or(DEFAULT_CASE_STATEMENTS);
        let mut host = match TestHost::new(self.env, &base, now, zone, self.seed, max, coverage) {
            Ok(h) => h,
            Err(e) => return setup_error(file, case, e),
        };
        let limits = Limits {
            max_statements: max,
            ..Limits::default()
        };
        let mut interpreter = Interpreter::new(program, &mut host, limits);
        if self.settings.coverage {
            interpreter = interpreter.with_coverage();
        }
        let outcome = interpreter.run(function, Vec::new());
        let statements = outcome.statements + host.extra_statements();
        let failure = host.failure.take();
        drop(host);
        if let Some(cov) = &outcome.coverage {
            // The test file itself is not under test.
            case_log.add(program, cov, |name| name != file.name);
        }
        log.merge(case_log);
        match outcome.result {
            Ok(_) => base_result(file, case, statements),
            Err(err) => {
                let mut result = self.failed(case, statements, program, &err, failure);
                result.detail.push_str(&info_lines(&outcome.info));
                result
            }
        }
    }

    /// A case that ended with an error: a failed assertion, or anything
    /// else (which is an error of the test, not a failure).
    fn failed(
        &self,
        case: &str,
        statements: u64,
        program: &Program,
        err: &RtError,
        failure: Option<Failure>,
    ) -> CaseResult {
        let source = &program.sources[err.source.unwrap_or(0).min(program.sources.len() - 1)];
        // The test function itself is the outermost frame: not news.
        let mut err = err.clone();
        if err.trace.last().is_some_and(|f| f.function == case) {
            err.trace.pop();
        }
        let mut diag = err.to_diagnostic();
        if err.code == codes::ASSERTION_FAILED {
            diag.notes.clear();
            diag.labels
                .iter_mut()
                .for_each(|l| l.message = Some("this assertion failed".into()));
            for frame in &err.trace {
                diag = diag.with_note(format!("in a call of {}", frame.function));
            }
        }
        let mut detail = render::report(&diag, &source.name, &source.text, self.settings.color);
        if let Some(failure) = &failure {
            detail.push_str(&values(failure));
        }
        let line = err.line.unwrap_or(0);
        let message = format!("{}:{line}: [{}] {}", source.name, err.code, err.message);
        let mut result = errored(self.file, case, statements, detail, message);
        if err.code == codes::ASSERTION_FAILED {
            result.status = Status::Failed;
        }
        result
    }
}

/// The `info` output of a failed case, like the captured output that
/// `cargo test` shows.
fn info_lines(info: &[String]) -> String {
    if info.is_empty() {
        return String::new();
    }
    let mut out = String::from("  info output:\n");
    for line in info.iter().flat_map(|entry| entry.lines()) {
        out.push_str("    ");
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The values of a failed assertion, after its source excerpt.
fn values(failure: &Failure) -> String {
    let mut out = String::new();
    let indent = |text: &str| text.replace('\n', "\n            ");
    if let Some(message) = &failure.message {
        out.push_str(&format!("  message:  {message}\n"));
    }
    if let Some(path) = &failure.path {
        out.push_str(&format!("  at:       {path}\n"));
    }
    if let Some(expected) = &failure.expected {
        out.push_str(&format!("  expected: {}\n", indent(expected)));
    }
    if let Some(actual) = &failure.actual {
        out.push_str(&format!("  actual:   {}\n", indent(actual)));
    }
    out
}

fn base_result(file: &TestFile, case: &str, statements: u64) -> CaseResult {
    CaseResult {
        name: file.case_name(case),
        file: file.name.clone(),
        status: Status::Passed,
        duration: Duration::ZERO,
        statements,
        detail: String::new(),
        message: String::new(),
    }
}

fn errored(
    file: &TestFile,
    case: &str,
    statements: u64,
    detail: String,
    message: String,
) -> CaseResult {
    CaseResult {
        status: Status::Errored,
        detail,
        message,
        ..base_result(file, case, statements)
    }
}

fn setup_error(file: &TestFile, case: &str, problem: String) -> CaseResult {
    errored(file, case, 0, format!("{problem}\n"), problem)
}

fn skipped(file: &TestFile, case: &str) -> CaseResult {
    CaseResult {
        status: Status::Skipped,
        ..base_result(file, case, 0)
    }
}
