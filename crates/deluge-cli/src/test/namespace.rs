//! The `test.` namespace: drive and inspect the code under test.
//!
//! `test.run(path, vars)`, `test.info()`, `test.requests()`,
//! `test.records(service, module[, orgId])`, `test.seed(service, module,
//! records[, orgId])`, `test.mock(method, urlPattern, response)` and
//! `test.setNow(dateTime)`.

use super::host::{ScriptHost, TestHost};
use deluge_runtime::json::{from_serde, to_json};
use deluge_runtime::{Interpreter, Limits, Loaded, Program, RtError, RtResult, Value};
use deluge_syntax::codes;

pub const NAMES: &[&str] = &[
    "test.run",
    "test.info",
    "test.requests",
    "test.records",
    "test.seed",
    "test.mock",
    "test.setNow",
];

/// Runs `test.<name>(args)`; `name` is lower case.
pub fn call(host: &mut TestHost<'_>, name: &str, args: &[Value]) -> RtResult<Value> {
    let full = format!("test.{name}");
    let text = |i: usize| -> RtResult<String> {
        match args.get(i) {
            Some(Value::Text(t)) => Ok(t.to_string()),
            _ => Err(RtError::invalid_args(&full)),
        }
    };
    let arity = |min: usize, max: usize| {
        if (min..=max).contains(&args.len()) {
            Ok(())
        } else {
            Err(RtError::invalid_args(&full))
        }
    };
    match name {
        "run" => {
            arity(1, 2)?;
            run(host, &text(0)?, args.get(1))
        }
        "info" => {
            arity(0, 0)?;
            let lines = host.last_info.iter().map(Value::text).collect();
            Ok(Value::new_list(lines))
        }
        "requests" => {
            arity(0, 0)?;
            let log = host
                .services
                .as_ref()
                .map(|s| s.requests())
                .unwrap_or_default();
            Ok(from_serde(&serde_json::Value::Array(log)))
        }
        "records" => {
            arity(2, 3)?;
            let org = args.get(2).map(Value::display);
            let services = services(host, &full)?;
            let records = services
                .records(&text(0)?, &text(1)?, org.as_deref())
                .map_err(|e| failed(&full, e))?;
            Ok(from_serde(&records))
        }
        "seed" => {
            arity(3, 4)?;
            let org = args.get(3).map(Value::display);
            let (service, module) = (text(0)?, text(1)?);
            let records = match to_json(&args[2]) {
                one @ serde_json::Value::Object(_) => serde_json::Value::Array(vec![one]),
                many @ serde_json::Value::Array(_) => many,
                _ => return Err(RtError::invalid_args(&full)),
            };
            let added = services(host, &full)?
                .seed(&service, &module, records, org.as_deref())
                .map_err(|e| failed(&full, e))?;
            Ok(from_serde(&added))
        }
        "mock" => {
            arity(3, 3)?;
            let (method, pattern) = (text(0)?, text(1)?);
            services(host, &full)?
                .mock(&method, &pattern, to_json(&args[2]))
                .map_err(|e| failed(&full, e))?;
            Ok(Value::Null)
        }
        "setnow" => {
            arity(1, 1)?;
            set_now(host, &args[0])
        }
        _ => Err(RtError::not_found(&full)),
    }
}

fn failed(function: &str, reason: String) -> RtError {
    RtError::new(codes::INVALID_ARGUMENTS, format!("{function}: {reason}"))
}

fn services<'h>(
    host: &'h mut TestHost<'_>,
    function: &str,
) -> RtResult<&'h mut Box<dyn super::env::Services>> {
    host.services.as_mut().ok_or_else(|| {
        RtError::new(
            codes::TASK_UNAVAILABLE,
            format!(
                "{function} needs the local Zoho simulator: give the project a sandbox.json \
                 (or the test file a `// sandbox: FILE` header)"
            ),
        )
    })
}

/// `test.setNow("2026-01-05 10:00:00")`: fixes the clock of the test and
/// of what it runs (a date-time value or any text Deluge reads as one).
fn set_now(host: &mut TestHost<'_>, when: &Value) -> RtResult<Value> {
    let zone = deluge_runtime::Host::time_zone(host).clone();
    let today = zone.to_datetime(deluge_runtime::Host::now(host)).date();
    let parsed = match when {
        Value::DateTime(dt) => Some(*dt),
        Value::Text(t) => deluge_runtime::datetime::parse::parse_text(t, today, &zone),
        _ => None,
    };
    let instant = parsed
        .and_then(|dt| zone.to_timestamp(dt.local).ok())
        .ok_or_else(|| {
            RtError::new(
                codes::INVALID_DATETIME,
                format!("test.setNow: '{}' is not a date-time", when.display()),
            )
        })?;
    host.now = Some(instant);
    if let Some(services) = host.services.as_mut() {
        services.set_now(instant);
    }
    Ok(Value::Null)
}

/// `test.run(path, vars)`: runs a bare script with the variables bound, on
/// the case's host, and returns what it returned. Its `info` lines are
/// kept for `test.info()`; an error it ends with is raised again with the
/// script's name and line, and can be caught.
fn run(host: &mut TestHost<'_>, path: &str, vars: Option<&Value>) -> RtResult<Value> {
    let bad = |message: String| RtError::new(codes::INVALID_ARGUMENTS, message);
    let (names, values): (Vec<String>, Vec<Value>) = match vars.map(|v| (v, v.map_ref())) {
        None | Some((Value::Null, _)) => (Vec::new(), Vec::new()),
        Some((_, Some(map))) => map
            .entries
            .iter()
            .map(|(k, v)| (k.0.display(), v.clone()))
            .unzip(),
        Some(_) => return Err(bad("test.run: the variables must be a MAP".into())),
    };
    let file = host.base.join(path);
    let text = std::fs::read_to_string(&file)
        .map_err(|e| bad(format!("test.run: cannot read {path}: {e}")))?;
    let parse_date = deluge_runtime::datetime::parse::parser_as_of(
        deluge_runtime::Host::now(host),
        deluge_runtime::Host::time_zone(host),
    );
    let mut program = Program::new();
    host.env
        .load_functions(&mut program, &parse_date)
        .map_err(bad)?;
    let function = match program.load(path, &text, &names, &parse_date) {
        Ok(Loaded::Script(f)) => f,
        Ok(Loaded::Functions(_)) => {
            return Err(bad(format!(
                "test.run: {path} defines functions; call them directly instead"
            )));
        }
        Err(diags) => {
            let lines = deluge_syntax::LineIndex::new(&text);
            let first = diags.iter().find(|d| d.is_error()).or(diags.first());
            let detail = first
                .map(|d| {
                    format!(
                        "line {}: error[{}]: {}",
                        lines.line(d.primary_span().start),
                        d.code,
                        d.message
                    )
                })
                .unwrap_or_default();
            return Err(bad(format!("test.run: {path} does not load: {detail}")));
        }
    };
    let limits = Limits {
        max_statements: host.max_statements,
        ..Limits::default()
    };
    let mut script_host = ScriptHost {
        inner: &mut *host.inner,
        now: host.now,
    };
    let mut interpreter = Interpreter::new(&program, &mut script_host, limits);
    if host.coverage.is_some() {
        interpreter = interpreter.with_coverage();
    }
    let outcome = interpreter.run(function, values);
    host.extra_statements += outcome.statements;
    host.last_info = outcome.info;
    if let (Some(log), Some(cov)) = (host.coverage.as_deref_mut(), &outcome.coverage) {
        log.add(&program, cov, |_| true);
    }
    match outcome.result {
        Ok(value) => Ok(value.unwrap_or_default()),
        Err(err) => {
            let line = err.line.unwrap_or(0);
            let mut again = RtError::new(err.code, format!("{path} line {line}: {}", err.message));
            again.catchable = err.catchable;
            Err(again)
        }
    }
}
