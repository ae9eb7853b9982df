//! The tree-walking evaluator over the lowered IR.
//!
//! One [`Interpreter`] runs one program against one host. It counts
//! executed statements and nested calls (§10), keeps the `info` log with
//! its size cap (§7.3), and turns every failure into an [`RtError`] with a
//! span, a statement line and a call trace.

mod call;
mod expr;
mod stmt;
mod task;

use crate::builtins::{Ctx, context::RegexCache};
use crate::coverage::Coverage;
use crate::datetime::DateTime;
use crate::error::{RtError, RtResult, SourceId};
use crate::host::Host;
use crate::ir::FnIndex;
use crate::program::Program;
use crate::value::Value;
use deluge_syntax::codes;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// A function's variables, by slot; `None` until first assigned.
pub type Frame = Vec<Option<Value>>;

/// Execution limits (language spec §10).
#[derive(Clone, Debug)]
pub struct Limits {
    /// Statements executed per run; 0 means no limit.
    pub max_statements: u64,
    /// Nested user-function calls.
    pub max_depth: u32,
    /// Combined size of `info` output in bytes.
    pub info_cap: usize,
    /// Set from outside (an interactive prompt's Ctrl-C) to stop the run
    /// at its next statement.
    pub interrupt: Option<Arc<AtomicBool>>,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_statements: 5000,
            max_depth: 75,
            info_cap: 500 * 1024,
            interrupt: None,
        }
    }
}

/// How a statement list ended.
pub(crate) enum Flow {
    Next,
    Break,
    Continue,
    Return(Option<Value>),
}

/// The result of a run.
#[derive(Debug)]
pub struct Outcome {
    /// The returned value (`None` when nothing was returned), or the error
    /// that escaped every `try`.
    pub result: Result<Option<Value>, RtError>,
    /// `info` entries, in order.
    pub info: Vec<String>,
    /// Statements executed.
    pub statements: u64,
    /// Executed lines, when the run was asked to record them.
    pub coverage: Option<Coverage>,
}

pub struct Interpreter<'p, 'h> {
    program: &'p Program,
    host: &'h mut dyn Host,
    limits: Limits,
    statements: u64,
    depth: u32,
    info: Vec<String>,
    info_bytes: usize,
    info_truncated: bool,
    regex: RegexCache,
    today: jiff::civil::Date,
    /// The source of the function being run, for spans.
    source: SourceId,
    /// `for each` loops open in the function being run: a `break` or
    /// `continue` outside any fails where it stands.
    loops: u32,
    /// Executed lines; `None` (the default) records nothing.
    coverage: Option<Box<Coverage>>,
}

const INFO_TRUNCATED: &str =
    "The info message has been truncated because its size exceeded 500 KB.";

impl<'p, 'h> Interpreter<'p, 'h> {
    pub fn new(program: &'p Program, host: &'h mut dyn Host, limits: Limits) -> Self {
        let today = host.time_zone().to_datetime(host.now()).date();
        Interpreter {
            program,
            host,
            limits,
            statements: 0,
            depth: 0,
            info: Vec::new(),
            info_bytes: 0,
            info_truncated: false,
            regex: RegexCache::default(),
            today,
            source: 0,
            loops: 0,
            coverage: None,
        }
    }

    /// Records which statements run (for `deluge test --coverage`); the
    /// counts come back in [`Outcome::coverage`].
    pub fn with_coverage(mut self) -> Self {
        self.coverage = Some(Box::default());
        self
    }

    /// The counts recorded so far (for hosts that run several entries).
    pub fn take_coverage(&mut self) -> Option<Coverage> {
        self.coverage.take().map(|c| *c)
    }

    /// Runs a function (or a bare script's function) with arguments already
    /// in parameter order, and returns the outcome.
    pub fn run(mut self, function: FnIndex, args: Vec<Value>) -> Outcome {
        let span = self.program.functions[function].span;
        let result = self.call_function(function, args, span);
        Outcome {
            result,
            info: self.info,
            statements: self.statements,
            coverage: self.coverage.map(|c| *c),
        }
    }

    /// Runs a function and keeps the interpreter (for sessions).
    pub fn call(&mut self, function: FnIndex, args: Vec<Value>) -> RtResult<Option<Value>> {
        let span = self.program.functions[function].span;
        self.call_function(function, args, span)
    }

    /// Runs statements in an existing frame (the REPL's session frame).
    pub fn exec_in(
        &mut self,
        source: SourceId,
        stmts: &[crate::ir::Stmt],
        frame: &mut Frame,
    ) -> RtResult<Option<Value>> {
        self.source = source;
        // The session frame stands for the run's entry function, which the
        // call-depth limit counts as a frame (see `call_function`).
        self.depth += 1;
        let flow = self.exec_block(frame, stmts);
        self.depth -= 1;
        match flow? {
            Flow::Return(v) => Ok(v),
            Flow::Next => Ok(None),
            Flow::Break | Flow::Continue => Err(loop_control_escaped()),
        }
    }

    /// Evaluates an expression in an existing frame (the REPL).
    pub fn eval_in(
        &mut self,
        source: SourceId,
        expr: &crate::ir::Expr,
        frame: &Frame,
    ) -> RtResult<Value> {
        self.source = source;
        self.depth += 1;
        let value = self.eval(frame, expr);
        self.depth -= 1;
        value
    }

    pub fn statements(&self) -> u64 {
        self.statements
    }

    pub fn info_log(&self) -> &[String] {
        &self.info
    }

    /// Counts one executed statement against the limit.
    fn tick(&mut self) -> RtResult<()> {
        self.statements += 1;
        if let Some(flag) = &self.limits.interrupt
            && flag.swap(false, Ordering::Relaxed)
        {
            return Err(RtError::limit(codes::INTERRUPTED, "Interrupted"));
        }
        let max = self.limits.max_statements;
        if max > 0 && self.statements > max {
            return Err(RtError::limit(
                codes::STATEMENT_LIMIT,
                format!("Execution limit exceeded: more than {max} statements executed"),
            ));
        }
        Ok(())
    }

    /// Appends an `info` entry, honouring the size cap.
    fn emit_info(&mut self, text: String) {
        if self.info_truncated {
            return;
        }
        if self.info_bytes + text.len() > self.limits.info_cap {
            self.info_truncated = true;
            self.host.info(INFO_TRUNCATED);
            self.info.push(INFO_TRUNCATED.to_string());
            return;
        }
        self.info_bytes += text.len();
        self.host.info(&text);
        self.info.push(text);
    }

    fn ctx(&mut self) -> Ctx<'_> {
        Ctx {
            host: &mut *self.host,
            regex: &mut self.regex,
            today: self.today,
        }
    }

    fn parse_date(&self, text: &str) -> Option<DateTime> {
        crate::datetime::parse::parse_text(text, self.today, self.host.time_zone())
    }
}

pub(crate) fn loop_control_escaped() -> RtError {
    RtError::new(
        codes::LOOP_CONTROL_ESCAPED,
        "break or continue used outside a for each loop",
    )
}
