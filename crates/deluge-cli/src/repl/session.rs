//! The evaluation state of a REPL session, independent of any terminal.
//!
//! One [`Program`] collects every entry as a source of its own (so errors in
//! a function defined three entries ago still render against the text that
//! defined it), one [`SlotTable`] grows as entries assign new variables, and
//! one frame holds their values. Each entry runs in a fresh [`Interpreter`],
//! so the statement limit applies per entry.

use super::entry::{
    Form, classify, ends_with_open_if, incomplete, script_errors, with_implied_semicolon,
};
use deluge_runtime::complete::Vocabulary;
use deluge_runtime::datetime::DateTime;
use deluge_runtime::eval::Frame;
use deluge_runtime::lower::SlotTable;
use deluge_runtime::{Host, Interpreter, Limits, LocalHost, Program, RtError, Value, ir};
use deluge_syntax::ast::{self, ScriptBody};
use deluge_syntax::{Diagnostic, render};
use std::borrow::Cow;
use std::time::{Duration, Instant};

/// What the session needs from its host beyond [`Host`]: the request log
/// for `:requests`. A connections host will keep real entries; the local
/// host sends no requests, so its log is always empty.
pub trait SessionHost: Host {
    /// The host as a plain [`Host`], for the interpreter.
    fn as_host(&mut self) -> &mut dyn Host;

    /// The HTTP requests made so far, one line each, secrets redacted.
    fn request_log(&self) -> Vec<String> {
        Vec::new()
    }
}

impl SessionHost for LocalHost {
    fn as_host(&mut self) -> &mut dyn Host {
        self
    }
}

impl SessionHost for deluge_connect::ConnectHost {
    fn as_host(&mut self) -> &mut dyn Host {
        self
    }

    fn request_log(&self) -> Vec<String> {
        let log = self.request_log();
        log.entries
            .iter()
            .map(|e| e.to_string())
            .chain(log.warnings.iter().map(|w| format!("warning: {w}")))
            .collect()
    }
}

/// A failed entry: diagnostics and the source text they point into.
#[derive(Debug)]
pub struct Problem {
    pub name: String,
    pub text: String,
    pub diagnostics: Vec<Diagnostic>,
}

impl Problem {
    /// The diagnostics rendered with ariadne.
    pub fn render(&self, color: bool) -> String {
        self.diagnostics
            .iter()
            .map(|d| render::report(d, &self.name, &self.text, color))
            .collect()
    }
}

/// What a successful entry produced.
#[derive(Debug)]
pub enum Shown {
    /// Statements ran; nothing to print.
    Nothing,
    /// A value to print (a bare expression, or a top-level `return`).
    Value(Value),
    /// Function definitions were added, by full name.
    Defined(Vec<String>),
}

/// One evaluated entry.
#[derive(Debug)]
pub struct Entry {
    pub result: Result<Shown, Problem>,
    /// Statements executed (the limit counts these).
    pub statements: u64,
    pub elapsed: Duration,
}

impl Entry {
    fn failed(problem: Problem) -> Entry {
        Entry {
            result: Err(problem),
            statements: 0,
            elapsed: Duration::ZERO,
        }
    }
}

/// The answer to a submitted text.
#[derive(Debug)]
pub enum Step {
    /// The parser says the text is unfinished: read another line.
    Incomplete,
    /// The text is complete, but it ends with an `if` that an `else` on
    /// the next line would continue (Zoho's layout puts `else` on a line
    /// of its own): read the next line before running it.
    MayContinue,
    Done(Entry),
}

pub struct Session {
    program: Program,
    slots: SlotTable,
    frame: Frame,
    host: Box<dyn SessionHost>,
    limits: Limits,
    info: Vec<String>,
    /// Entries numbered from 1, for source names such as `<repl:3>`.
    counter: usize,
}

impl Session {
    pub fn new(host: Box<dyn SessionHost>, limits: Limits) -> Session {
        Session {
            program: Program::new(),
            slots: SlotTable::default(),
            frame: Frame::new(),
            host,
            limits,
            info: Vec::new(),
            counter: 0,
        }
    }

    /// Evaluates one entry typed at the prompt. With `at_end` (no more
    /// input will come, or the next line did not continue the entry)
    /// unfinished text is reported as an error instead of asking for more,
    /// and a final `if` runs without waiting for an `else`.
    pub fn submit(&mut self, text: &str, at_end: bool) -> Step {
        let (text, classified) = match classify(text) {
            Ok(form) => (Cow::Borrowed(text), Ok(form)),
            // `total = 5` then Enter: the `;` is all that is missing.
            Err(()) => match with_implied_semicolon(text)
                .and_then(|fixed| classify(&fixed).ok().map(|form| (fixed, form)))
            {
                Some((fixed, form)) => (Cow::Owned(fixed), Ok(form)),
                None => (Cow::Borrowed(text), Err(())),
            },
        };
        let text = text.as_ref();
        match classified {
            Ok(form) if !at_end && ends_with_open_if(&form) => Step::MayContinue,
            Ok(form) => {
                let name = self.next_name();
                Step::Done(self.run_form(&name, text, form))
            }
            Err(()) if !at_end && incomplete(text) => Step::Incomplete,
            Err(()) => {
                let name = self.next_name();
                let diagnostics = script_errors(text);
                Step::Done(Entry::failed(Problem {
                    name,
                    text: text.to_string(),
                    diagnostics,
                }))
            }
        }
    }

    /// The source name of the next entry: `<repl:N>`, numbered from 1.
    fn next_name(&mut self) -> String {
        self.counter += 1;
        format!("<repl:{}>", self.counter)
    }

    /// Defines a file's functions, or runs its statements in the session.
    pub fn load(&mut self, name: &str, text: &str) -> Entry {
        let parsed = deluge_syntax::parse(text);
        if parsed.has_errors() {
            return Entry::failed(problem(name, text, parsed.diagnostics));
        }
        let form = match parsed.script.body {
            ScriptBody::Statements(stmts) => Form::Statements(stmts),
            ScriptBody::Functions(defs) => Form::Functions(defs),
        };
        self.run_form(name, text, form)
    }

    /// Evaluates an expression (for `:type`).
    pub fn evaluate(&mut self, text: &str) -> Entry {
        let name = self.next_name();
        match deluge_syntax::parse_expression(text) {
            (Some(expr), _) => self.run_form(&name, text, Form::Expression(expr)),
            (None, diagnostics) => Entry::failed(problem(&name, text, diagnostics)),
        }
    }

    /// Forgets variables, functions and the `info` log; the host (and so
    /// the connections in use) stays.
    pub fn reset(&mut self) {
        self.program = Program::new();
        self.slots = SlotTable::default();
        self.frame.clear();
        self.info.clear();
    }

    /// Every `info` line since the session started (or was reset).
    pub fn info_log(&self) -> &[String] {
        &self.info
    }

    pub fn request_log(&self) -> Vec<String> {
        self.host.request_log()
    }

    /// Variables that currently hold a value, in order of first assignment.
    pub fn variables(&self) -> Vec<(&str, &Value)> {
        self.slots
            .names()
            .iter()
            .zip(&self.frame)
            .filter_map(|(name, value)| value.as_ref().map(|v| (name.as_str(), v)))
            .collect()
    }

    /// User functions, by full name, in order of definition.
    pub fn functions(&self) -> Vec<&str> {
        self.program
            .functions
            .iter()
            .map(|f| f.name.as_str())
            .collect()
    }

    /// The names tab completion offers: variables with the kind of their
    /// current value, user functions, and every integration task that runs
    /// locally.
    pub fn vocabulary(&self) -> Vocabulary {
        let variables = self.variables();
        Vocabulary {
            collections: variables
                .iter()
                .filter(|(_, value)| matches!(value, Value::Collection(_)))
                .map(|(name, _)| name.to_string())
                .collect(),
            variables: variables
                .into_iter()
                .map(|(name, value)| (name.to_string(), Some(value.kind())))
                .collect(),
            functions: self.functions().into_iter().map(str::to_string).collect(),
            zoho_names: deluge_connect::tasks::task_names().collect(),
            live_values: true,
        }
    }

    fn run_form(&mut self, name: &str, text: &str, form: Form) -> Entry {
        let started = Instant::now();
        let source = self.program.add_source(name, text);
        let parse_date =
            deluge_runtime::datetime::parse::parser_as_of(self.host.now(), self.host.time_zone());
        let mut entry = match form {
            Form::Functions(defs) => {
                let result = self
                    .program
                    .redefine_functions(source, &defs, &parse_date)
                    .map(|indices| {
                        let names = indices
                            .iter()
                            .map(|i| self.program.functions[*i].name.clone());
                        Shown::Defined(names.collect())
                    })
                    .map_err(|diagnostics| problem(name, text, diagnostics));
                Entry {
                    result,
                    statements: 0,
                    elapsed: Duration::ZERO,
                }
            }
            Form::Statements(stmts) => {
                let body =
                    self.program
                        .lower_statements(source, &stmts, &mut self.slots, &parse_date);
                self.frame.resize(self.slots.len(), None);
                self.execute(source, Code::Statements(&body))
            }
            Form::Expression(expr) => self.expression(source, &expr, &parse_date, false),
            Form::Call(expr) => self.expression(source, &expr, &parse_date, true),
        };
        entry.elapsed = started.elapsed();
        entry
    }

    fn expression(
        &mut self,
        source: usize,
        expr: &ast::Expr,
        parse_date: &dyn Fn(&str) -> Option<DateTime>,
        quiet_null: bool,
    ) -> Entry {
        let lowered = self
            .program
            .lower_expression(source, expr, &mut self.slots, parse_date);
        self.frame.resize(self.slots.len(), None);
        let mut entry = self.execute(source, Code::Expression(&lowered));
        if quiet_null && matches!(entry.result, Ok(Shown::Value(Value::Null))) {
            entry.result = Ok(Shown::Nothing);
        }
        entry
    }

    fn execute(&mut self, source: usize, code: Code<'_>) -> Entry {
        // A Ctrl-C pressed while no entry ran must not stop this one.
        if let Some(flag) = &self.limits.interrupt {
            flag.store(false, std::sync::atomic::Ordering::Relaxed);
        }
        let mut interp = Interpreter::new(&self.program, self.host.as_host(), self.limits.clone());
        let result = match code {
            Code::Statements(body) => interp
                .exec_in(source, body, &mut self.frame)
                .map(|v| v.map_or(Shown::Nothing, Shown::Value)),
            Code::Expression(expr) => interp.eval_in(source, expr, &self.frame).map(Shown::Value),
        };
        let statements = interp.statements();
        self.info.extend_from_slice(interp.info_log());
        Entry {
            result: result.map_err(|err| self.runtime_problem(&err, source)),
            statements,
            elapsed: Duration::ZERO,
        }
    }

    /// A runtime error, against the source it happened in (an earlier
    /// entry when it failed inside a function defined there).
    fn runtime_problem(&self, err: &RtError, entry: usize) -> Problem {
        let at = err.source.unwrap_or(entry);
        match self.program.sources.get(at) {
            Some(source) => problem(&source.name, &source.text, vec![err.to_diagnostic()]),
            None => problem("<repl>", "", vec![err.to_diagnostic()]),
        }
    }
}

enum Code<'a> {
    Statements(&'a [ir::Stmt]),
    Expression(&'a ir::Expr),
}

fn problem(name: &str, text: &str, diagnostics: Vec<Diagnostic>) -> Problem {
    Problem {
        name: name.to_string(),
        text: text.to_string(),
        diagnostics: diagnostics
            .into_iter()
            .filter(Diagnostic::is_error)
            .collect(),
    }
}

#[cfg(test)]
#[path = "session_tests.rs"]
mod tests;
