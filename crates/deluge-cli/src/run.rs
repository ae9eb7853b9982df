//! `deluge run`: run a script or one function of a file of functions.

use crate::bind::{self, Usage};
use crate::cli::RunArgs;
use crate::clock::Clock;
use crate::color::Choice;
use crate::connect;
use crate::inputs;
use crate::source;
use deluge_connect::LoadedFile;
use deluge_runtime::ir::FnIndex;
use deluge_runtime::{
    Interpreter, Limits, Loaded, LocalHost, Outcome, Program, RtError, Value, lint,
};
use deluge_syntax::{codes, render};
use std::io::Write;
use std::time::Instant;

/// Exit codes.
const OK: u8 = 0;
const DELUGE_ERROR: u8 = 1;
const USAGE: u8 = 2;

pub fn run(args: RunArgs, color: Choice) -> u8 {
    match prepare(&args, color) {
        Ok(prepared) => execute(&args, prepared, color),
        Err(Failure::Usage(usage)) => {
            eprintln!("deluge: {usage}");
            if args.json {
                print_usage_json(&args, &usage);
            }
            USAGE
        }
        Err(Failure::Reported) => DELUGE_ERROR,
    }
}

enum Failure {
    /// A usage error, not yet printed.
    Usage(Usage),
    /// A Deluge error, already rendered.
    Reported,
}

impl From<Usage> for Failure {
    fn from(usage: Usage) -> Failure {
        Failure::Usage(usage)
    }
}

struct Prepared {
    program: Program,
    function: FnIndex,
    args: Vec<Value>,
    clock: Clock,
    connections: Option<LoadedFile>,
    /// A bare script (not a function of a file of functions): its
    /// undefined variables can be given with `--arg`.
    is_script: bool,
}

fn prepare(args: &RunArgs, color: Choice) -> Result<Prepared, Failure> {
    let clock = Clock::from_args(&args.clock).map_err(Usage::new)?;
    let text = source::read(&args.file).map_err(Usage::new)?;
    let inputs = inputs::collect(&args.args, args.args_file.as_deref())
        .map_err(|e| Usage::coded(codes::BAD_ARGUMENT, e))?;
    let name = source::name(&args.file);
    let input_names: Vec<String> = inputs.iter().map(|(n, _)| n.clone()).collect();
    let mut program = Program::new();
    let parse_date = clock.date_parser();
    let loaded = program
        .load(&name, &text, &input_names, &parse_date)
        .map_err(|diagnostics| {
            let colored = color.stderr();
            for d in &diagnostics {
                eprint!("{}", render::report(d, &name, &text, colored));
            }
            Failure::Reported
        })?;
    let is_script = matches!(loaded, Loaded::Script(_));
    let (function, values) = bind::choose(
        &program,
        loaded,
        args.function.as_deref(),
        inputs,
        &parse_date,
    )?;
    let beside = args.file.parent().filter(|p| !p.as_os_str().is_empty());
    let path = connect::find(args.connect.connections.as_deref(), beside);
    let connections = connect::load(path, color.stderr()).map_err(|()| Failure::Reported)?;
    Ok(Prepared {
        program,
        function,
        args: values,
        clock,
        connections,
        is_script,
    })
}

fn execute(args: &RunArgs, prepared: Prepared, color: Choice) -> u8 {
    let Prepared {
        program,
        function,
        args: values,
        clock,
        connections,
        is_script,
    } = prepared;
    let mut local = LocalHost {
        fixed_now: clock.fixed_now,
        zone: clock.zone.clone(),
        variables: clock.variables.clone(),
        ..LocalHost::default()
    };
    if !args.json {
        local.on_info = Some(Box::new(|line: &str| {
            let mut out = std::io::stdout().lock();
            let _ = writeln!(out, "{line}");
        }));
    }
    let mut host = connect::host(local, connections, &args.connect, None);
    let limits = Limits {
        max_statements: args.max_statements,
        ..Limits::default()
    };
    let started = Instant::now();
    let outcome = Interpreter::new(&program, &mut host, limits).run(function, values);
    let elapsed = started.elapsed();
    if args.stats {
        eprintln!(
            "statements: {}  wall time: {:.3} ms",
            outcome.statements,
            elapsed.as_secs_f64() * 1000.0
        );
    }
    if args.json {
        print_json(&program, &outcome);
    } else if let Ok(Some(value)) = &outcome.result {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "{}", value.display());
    }
    match &outcome.result {
        Ok(_) => OK,
        Err(err) => {
            if !args.json {
                report_error(&program, err, is_script, color.stderr());
            }
            DELUGE_ERROR
        }
    }
}

/// Renders an uncaught runtime error against the source it happened in,
/// with the help `deluge check` gives for the same mistake.
fn report_error(program: &Program, err: &RtError, is_script: bool, colored: bool) {
    let source = &program.sources[err.source.unwrap_or(0)];
    let mut diagnostic = err.to_diagnostic();
    if let Some(help) = help_for(err, &source.text, is_script) {
        diagnostic = diagnostic.with_help(help);
    }
    eprint!(
        "{}",
        render::report(&diagnostic, &source.name, &source.text, colored)
    );
}

/// A name that another language uses to print (`print(x)`,
/// `console.log(x)`) gets that advice; a variable a script never assigns
/// is most often an input that was not passed: the help says how.
fn help_for(err: &RtError, text: &str, is_script: bool) -> Option<String> {
    let span = err.span?;
    // The dotted name written where the error is: `print`, `console.log`.
    let written: String = text
        .get(span.start..)?
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '.')
        .collect();
    match err.code {
        codes::UNKNOWN_FUNCTION_CALL | codes::UNDEFINED_VARIABLE_READ
            if lint::output_help(&written).is_some() =>
        {
            lint::output_help(&written).map(str::to_string)
        }
        codes::UNDEFINED_VARIABLE_READ if is_script => {
            let name = text.get(span.start..span.end)?;
            Some(lint::input_help(name))
        }
        _ => None,
    }
}

fn print_json(program: &Program, outcome: &Outcome) {
    let error = match &outcome.result {
        Ok(_) => serde_json::Value::Null,
        Err(err) => error_json(program, err),
    };
    let result = match &outcome.result {
        Ok(Some(v)) => deluge_runtime::json::to_json(v),
        _ => serde_json::Value::Null,
    };
    let doc = serde_json::json!({
        "result": result,
        "info": outcome.info,
        "statements": outcome.statements,
        "error": error,
    });
    println!("{doc}");
}

/// The error of `--json`. Line and column are `null` when the error has
/// no place in the source (never a made-up line 0).
fn error_json(program: &Program, err: &RtError) -> serde_json::Value {
    let source = &program.sources[err.source.unwrap_or(0)];
    let at = err
        .span
        .map(|s| source.lines.line_col(&source.text, s.start));
    let line = err.line.or(at.map(|(line, _)| line));
    serde_json::json!({
        "code": err.code,
        "message": err.message,
        "file": source.name,
        "line": line,
        "column": at.map(|(_, column)| column),
        "text": err.to_string(),
        "trace": err.trace.iter().map(|t| t.function.clone()).collect::<Vec<_>>(),
    })
}

/// With `--json`, a usage error is also one JSON object on stdout, in the
/// shape of a run's, so a program reading the output gets JSON either way.
fn print_usage_json(args: &RunArgs, usage: &Usage) {
    let doc = serde_json::json!({
        "result": null,
        "info": [],
        "statements": 0,
        "error": {
            "code": usage.code,
            "message": usage.message,
            "file": source::name(&args.file),
            "line": null,
            "column": null,
            "text": usage.to_string(),
            "trace": [],
        },
    });
    println!("{doc}");
}
