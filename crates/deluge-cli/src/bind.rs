//! Choosing the function `deluge run` calls and binding the named
//! `--arg` values to its parameters. A missing, unknown or ill-typed
//! argument is a usage error (exit 2) found before anything runs.

use crate::inputs::Inputs;
use deluge_runtime::datetime::DateTime;
use deluge_runtime::ir::{FnIndex, ParamSlot};
use deluge_runtime::{Loaded, Program, Value, types};
use deluge_syntax::ast::TypeKind;
use deluge_syntax::codes;

/// A usage error: the code it is reported under and its message.
#[derive(Debug)]
pub struct Usage {
    pub code: Option<&'static str>,
    pub message: String,
}

impl Usage {
    pub fn new(message: impl Into<String>) -> Usage {
        Usage {
            code: None,
            message: message.into(),
        }
    }

    pub fn coded(code: &'static str, message: impl Into<String>) -> Usage {
        Usage {
            code: Some(code),
            message: message.into(),
        }
    }
}

impl std::fmt::Display for Usage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.code {
            Some(code) => write!(f, "error[{code}]: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// Picks the function to run and orders (and converts) the arguments
/// for it. A bare script takes every input as a variable, unchecked.
pub fn choose(
    program: &Program,
    loaded: Loaded,
    wanted: Option<&str>,
    inputs: Inputs,
    parse_date: &dyn Fn(&str) -> Option<DateTime>,
) -> Result<(FnIndex, Vec<Value>), Usage> {
    let function = match (loaded, wanted) {
        (Loaded::Script(f), None) => return Ok((f, inputs.into_iter().map(|(_, v)| v).collect())),
        (Loaded::Script(_), Some(name)) => {
            return Err(Usage::coded(
                codes::NO_SUCH_FUNCTION,
                format!(
                    "--function {name}: this file is a script, not a file of function definitions"
                ),
            ));
        }
        (Loaded::Functions(fs), Some(name)) => program.function_named(name).ok_or_else(|| {
            Usage::coded(
                codes::NO_SUCH_FUNCTION,
                format!(
                    "no function named {name}; the file defines {}",
                    list(program, &fs)
                ),
            )
        })?,
        (Loaded::Functions(fs), None) => match fs.as_slice() {
            [only] => *only,
            _ => {
                return Err(Usage::coded(
                    codes::NO_SUCH_FUNCTION,
                    format!(
                        "the file defines several functions; choose one with --function: {}",
                        list(program, &fs)
                    ),
                ));
            }
        },
    };
    bind(program, function, inputs, parse_date).map(|args| (function, args))
}

fn list(program: &Program, fs: &[FnIndex]) -> String {
    fs.iter()
        .map(|f| program.functions[*f].name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A parameter type as a header would spell it.
fn type_word(ty: TypeKind) -> &'static str {
    use TypeKind as T;
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

/// What a value of the type is, and one as written after `--arg NAME=`.
fn expected(ty: TypeKind) -> (&'static str, &'static str) {
    use TypeKind as T;
    match ty {
        T::Text => ("text", "Ann"),
        T::Number => ("a whole number", "2"),
        T::Decimal => ("a number", "2.5"),
        T::Bool => ("true or false", "true"),
        T::DateTime => ("a date or date-time", "2026-01-05"),
        T::Map => ("a JSON object", r#"'{"key":"value"}'"#),
        T::List => ("a JSON array", "'[1,2]'"),
        T::Collection => ("a JSON array or object", "'[1,2]'"),
        T::Void => ("nothing", ""),
    }
}

fn signature(params: &[ParamSlot]) -> String {
    if params.is_empty() {
        return "(none)".to_string();
    }
    params
        .iter()
        .map(|p| match p.ty {
            Some(ty) => format!("{} {}", type_word(ty), p.name),
            None => p.name.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Binds named inputs to the function's parameters, converting each to
/// its declared type as a call would (language spec §8.2).
fn bind(
    program: &Program,
    function: FnIndex,
    mut inputs: Inputs,
    parse_date: &dyn Fn(&str) -> Option<DateTime>,
) -> Result<Vec<Value>, Usage> {
    let f = &program.functions[function];
    let mut args = Vec::with_capacity(f.params.len());
    for param in &f.params {
        let at = inputs
            .iter()
            .position(|(n, _)| *n == param.name)
            .ok_or_else(|| {
                Usage::coded(
                    codes::BAD_ARGUMENT,
                    format!(
                        "missing argument `{}` for {}; its parameters are: {}; pass --arg {}=VALUE",
                        param.name,
                        f.name,
                        signature(&f.params),
                        param.name
                    ),
                )
            })?;
        let value = inputs.remove(at).1;
        args.push(convert(param, &f.name, value, parse_date)?);
    }
    if let Some((name, _)) = inputs.first() {
        return Err(Usage::coded(
            codes::BAD_ARGUMENT,
            format!(
                "{} has no parameter `{name}`; its parameters are: {}",
                f.name,
                signature(&f.params)
            ),
        ));
    }
    Ok(args)
}

/// The value converted to the parameter's type, or a usage error naming
/// the parameter, its type and the value given.
fn convert(
    param: &ParamSlot,
    function: &str,
    value: Value,
    parse_date: &dyn Fn(&str) -> Option<DateTime>,
) -> Result<Value, Usage> {
    let Some(ty) = param.ty else {
        return Ok(value);
    };
    let given = shown(&value);
    types::convert(value, ty, parse_date).ok_or_else(|| {
        let (what, example) = expected(ty);
        Usage::coded(
            codes::BAD_ARGUMENT,
            format!(
                "argument `{name}` of {function} is declared `{} {name}`, but the value given is {given}; \
                 pass {what}, such as --arg {name}={example}",
                type_word(ty),
                name = param.name,
            ),
        )
    })
}

/// The value as the user wrote it, quoted and shortened for a message.
fn shown(value: &Value) -> String {
    const MAX: usize = 60;
    let text = value.display();
    let mut short: String = text.chars().take(MAX).collect();
    if short.len() < text.len() {
        short.push_str("...");
    }
    format!("`{short}`")
}
