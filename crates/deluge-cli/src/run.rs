//! `deluge run`: run a script or one function of a file of functions.

use crate::bind::{self, Usage};
use crate::cli::RunArgs;
use crate::clock::Clock;
use crate::color::Choice;
use crate::connect;
use crate::inputs;
use crate::offline;
use crate::source;
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
    plan: offline::Plan,
    program: Program,
    function: FnIndex,
    args: Vec<Value>,
    clock: Clock,
    /// A bare script (not a function of a file of functions): its
    /// undefined variables can be given with `--arg`.
    is_script: bool,
}

fn prepare(args: &RunArgs, color: Choice) -> Result<Prepared, Failure> {
    let clock = Clock::from_args(&args.clock).map_err(Usage::new)?;
    // `--connections`, else $DELUGE_CONNECTIONS; the plan falls back to
    // the project's file, then connections.json beside the script.
    let connections = args.connect.connections.clone().or_else(|| {
        std::env::var_os(connect::ENV_VAR)
            .filter(|p| !p.is_empty())
            .map(std::path::PathBuf::from)
    });
    let plan = offline::plan::plan(&args.file, &args.offline, connections.as_deref(), &|name| {
        std::env::var(name).ok()
    })
    .map_err(|e| {
        eprint!("{}", e.render(color.stderr()));
        Failure::Reported
    })?;
    let text = source::read(&args.file).map_err(Usage::new)?;
    let given = inputs::collect(&args.args, args.args_file.as_deref())
        .map_err(|e| Usage::coded(codes::BAD_ARGUMENT, e))?;
    let defaults = plan
        .project
        .as_ref()
        .map(|p| p.args.clone())
        .unwrap_or_default();
    let (inputs, default_only) = inputs::with_defaults(given, &defaults);
    let name = source::name(&args.file);
    let input_names: Vec<String> = inputs.iter().map(|(n, _)| n.clone()).collect();
    let mut program = Program::new();
    let parse_date = clock.date_parser();
    load_function_files(&mut program, &plan.functions, &clock, color)?;
    let loaded = program
        .load(&name, &text, &input_names, &parse_date)
        .map_err(|diagnostics| report_diagnostics(&diagnostics, &name, &text, color))?;
    let is_script = matches!(loaded, Loaded::Script(_));
    let inputs = match &loaded {
        // Defaults the chosen function has no parameter for are not for it.
        Loaded::Functions(_) => inputs
            .into_iter()
            .filter(|(n, _)| !default_only.contains(n) || has_param(&program, args, n))
            .collect(),
        Loaded::Script(_) => inputs,
    };
    let (function, values) = bind::choose(
        &program,
        loaded,
        args.function.as_deref(),
        inputs,
        &parse_date,
    )?;
    Ok(Prepared {
        plan,
        program,
        function,
        args: values,
        clock,
        is_script,
    })
}

fn report_diagnostics(
    diagnostics: &[deluge_syntax::Diagnostic],
    name: &str,
    text: &str,
    color: Choice,
) -> Failure {
    let colored = color.stderr();
    for d in diagnostics {
        eprint!("{}", render::report(d, name, text, colored));
    }
    Failure::Reported
}

/// Loads the project's function files; each must hold only function
/// definitions.
fn load_function_files(
    program: &mut Program,
    files: &[std::path::PathBuf],
    clock: &Clock,
    color: Choice,
) -> Result<(), Failure> {
    for path in files {
        let text = source::read(path).map_err(Usage::new)?;
        let name = source::name(path);
        let loaded = program
            .load(&name, &text, &[], &clock.date_parser())
            .map_err(|diagnostics| report_diagnostics(&diagnostics, &name, &text, color))?;
        if let Loaded::Script(_) = loaded {
            return Err(Failure::Usage(Usage::new(format!(
                "{name}: a file listed in the project's `functions` must hold function definitions, not statements"
            ))));
        }
    }
    Ok(())
}

/// Does the function that will run (the one `--function` names, or the
/// only one) have a parameter of that name?
fn has_param(program: &Program, args: &RunArgs, name: &str) -> bool {
    let function = match &args.function {
        Some(wanted) => program.function_named(wanted),
        None => program.functions.len().checked_sub(1),
    };
    function.is_some_and(|f| program.functions[f].params.iter().any(|p| p.name == name))
}

fn execute(args: &RunArgs, prepared: Prepared, color: Choice) -> u8 {
    let Prepared {
        plan,
        program,
        function,
        args: values,
        clock,
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
    let options = offline::HostOptions {
        color: color.stderr(),
        policy: connect::policy(args.connect.network),
        trace: args
            .connect
            .trace_http
            .then(|| Box::new(|entry: &_| eprintln!("http: {entry}")) as _),
    };
    let mut host = match offline::build(&plan, local, options) {
        Ok(host) => {
            for warning in &host.warnings {
                eprintln!("deluge: warning: {warning}");
            }
            host
        }
        Err(offline::SetupError(report)) => {
            eprint!("{report}");
            if !report.ends_with('\n') {
                eprintln!();
            }
            return DELUGE_ERROR;
        }
    };
    let limits = Limits {
        max_statements: args.max_statements,
        ..Limits::default()
    };
    let started = Instant::now();
    let outcome = Interpreter::new(&program, &mut host, limits).run(function, values);
    let elapsed = started.elapsed();
    if let Err(message) = host.finish() {
        eprintln!("deluge: {message}");
        return DELUGE_ERROR;
    }
    if args.stats {
        eprintln!(
            "statements: {}  wall time: {:.3} ms",
            outcome.statements,
            elapsed.as_secs_f64() * 1000.0
        );
    }
    if args.json {
        print_json(&program, &outcome, &host, plan.reason);
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

fn print_json(program: &Program, outcome: &Outcome, host: &offline::RunHost, why: &str) {
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
        "offline": host.is_offline(),
        "offline_reason": why,
        "requests": host.request_log(),
        "outbox": host.outbox(),
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
