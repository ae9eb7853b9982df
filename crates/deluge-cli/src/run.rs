//! `deluge run`: run a script or one function of a file of functions.

use crate::cli::RunArgs;
use crate::clock::Clock;
use crate::color::Choice;
use crate::connect;
use crate::inputs::{self, Inputs};
use crate::offline;
use crate::source;
use deluge_runtime::ir::FnIndex;
use deluge_runtime::{Interpreter, Limits, Loaded, LocalHost, Outcome, Program, RtError, Value};
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
        Err(Failure::Usage(message)) => {
            eprintln!("deluge: {message}");
            USAGE
        }
        Err(Failure::Reported) => DELUGE_ERROR,
    }
}

enum Failure {
    /// A usage error, not yet printed.
    Usage(String),
    /// A Deluge error, already rendered.
    Reported,
}

struct Prepared {
    plan: offline::Plan,
    program: Program,
    function: FnIndex,
    args: Vec<Value>,
    clock: Clock,
}

fn prepare(args: &RunArgs, color: Choice) -> Result<Prepared, Failure> {
    let clock = Clock::from_args(&args.clock).map_err(Failure::Usage)?;
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
    let text = source::read(&args.file).map_err(Failure::Usage)?;
    let given = inputs::collect(&args.args, args.args_file.as_deref())
        .map_err(|e| Failure::Usage(format!("error[{}]: {e}", codes::BAD_ARGUMENT)))?;
    let defaults = plan
        .project
        .as_ref()
        .map(|p| p.args.clone())
        .unwrap_or_default();
    let (inputs, default_only) = inputs::with_defaults(given, &defaults);
    let name = source::name(&args.file);
    let input_names: Vec<String> = inputs.iter().map(|(n, _)| n.clone()).collect();
    let mut program = Program::new();
    load_function_files(&mut program, &plan.functions, &clock, color)?;
    let loaded = program
        .load(&name, &text, &input_names, &clock.date_parser())
        .map_err(|diagnostics| report_diagnostics(&diagnostics, &name, &text, color))?;
    let inputs = match &loaded {
        // Defaults the chosen function has no parameter for are not for it.
        Loaded::Functions(_) => inputs
            .into_iter()
            .filter(|(n, _)| !default_only.contains(n) || has_param(&program, args, n))
            .collect(),
        Loaded::Script(_) => inputs,
    };
    let (function, values) = choose(&program, loaded, args.function.as_deref(), inputs)?;
    Ok(Prepared {
        plan,
        program,
        function,
        args: values,
        clock,
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
        let text = source::read(path).map_err(Failure::Usage)?;
        let name = source::name(path);
        let loaded = program
            .load(&name, &text, &[], &clock.date_parser())
            .map_err(|diagnostics| report_diagnostics(&diagnostics, &name, &text, color))?;
        if let Loaded::Script(_) = loaded {
            return Err(Failure::Usage(format!(
                "{name}: a file listed in the project's `functions` must hold function definitions, not statements"
            )));
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

/// Picks the function to run and orders the arguments for it.
fn choose(
    program: &Program,
    loaded: Loaded,
    wanted: Option<&str>,
    inputs: Inputs,
) -> Result<(FnIndex, Vec<Value>), Failure> {
    let function = match (loaded, wanted) {
        (Loaded::Script(f), None) => return Ok((f, inputs.into_iter().map(|(_, v)| v).collect())),
        (Loaded::Script(_), Some(name)) => {
            return Err(Failure::Usage(format!(
                "error[{}]: --function {name}: this file is a script, not a file of function definitions",
                codes::NO_SUCH_FUNCTION
            )));
        }
        (Loaded::Functions(fs), Some(name)) => program.function_named(name).ok_or_else(|| {
            Failure::Usage(format!(
                "error[{}]: no function named {name}; the file defines {}",
                codes::NO_SUCH_FUNCTION,
                list(program, &fs)
            ))
        })?,
        (Loaded::Functions(fs), None) => match fs.as_slice() {
            [only] => *only,
            _ => {
                return Err(Failure::Usage(format!(
                    "error[{}]: the file defines several functions; choose one with --function: {}",
                    codes::NO_SUCH_FUNCTION,
                    list(program, &fs)
                )));
            }
        },
    };
    bind(program, function, inputs).map(|args| (function, args))
}

/// A parameter type as a header would spell it.
fn type_word(ty: deluge_syntax::ast::TypeKind) -> &'static str {
    use deluge_syntax::ast::TypeKind as T;
    match ty {
        T::Text => "string",
        T::Number => "int",
        T::Decimal => "decimal",
        T::Bool => "bool",
        T::DateTime => "date",
        T::Map => "map",
        T::List => "list",
        T::Collection => "collection",
        T::Void => "void",
    }
}

fn list(program: &Program, fs: &[FnIndex]) -> String {
    fs.iter()
        .map(|f| program.functions[*f].name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Binds named inputs to the function's parameters.
fn bind(program: &Program, function: FnIndex, mut inputs: Inputs) -> Result<Vec<Value>, Failure> {
    let f = &program.functions[function];
    let signature = || {
        f.params
            .iter()
            .map(|p| match p.ty {
                Some(ty) => format!("{} {}", type_word(ty), p.name),
                None => p.name.clone(),
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut args = Vec::with_capacity(f.params.len());
    for param in &f.params {
        let at = inputs
            .iter()
            .position(|(n, _)| *n == param.name)
            .ok_or_else(|| {
                Failure::Usage(format!(
                    "error[{}]: missing argument `{}` for {}; its parameters are: {}; pass --arg {}=VALUE",
                    codes::BAD_ARGUMENT,
                    param.name,
                    f.name,
                    signature(),
                    param.name
                ))
            })?;
        args.push(inputs.remove(at).1);
    }
    if let Some((name, _)) = inputs.first() {
        return Err(Failure::Usage(format!(
            "error[{}]: {} has no parameter `{name}`; its parameters are: {}",
            codes::BAD_ARGUMENT,
            f.name,
            if f.params.is_empty() {
                "(none)".to_string()
            } else {
                signature()
            }
        )));
    }
    Ok(args)
}

fn execute(args: &RunArgs, prepared: Prepared, color: Choice) -> u8 {
    let Prepared {
        plan,
        program,
        function,
        args: values,
        clock,
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
                report_error(&program, err, color.stderr());
            }
            DELUGE_ERROR
        }
    }
}

/// Renders an uncaught runtime error against the source it happened in.
pub fn report_error(program: &Program, err: &RtError, colored: bool) {
    let source = &program.sources[err.source.unwrap_or(0)];
    eprint!(
        "{}",
        render::report(&err.to_diagnostic(), &source.name, &source.text, colored)
    );
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

fn error_json(program: &Program, err: &RtError) -> serde_json::Value {
    let source = &program.sources[err.source.unwrap_or(0)];
    let (line, column) = err
        .span
        .map(|s| source.lines.line_col(&source.text, s.start))
        .unwrap_or((err.line.unwrap_or(0), 0));
    serde_json::json!({
        "code": err.code,
        "message": err.message,
        "file": source.name,
        "line": err.line.unwrap_or(line),
        "column": column,
        "text": err.to_string(),
        "trace": err.trace.iter().map(|t| t.function.clone()).collect::<Vec<_>>(),
    })
}
