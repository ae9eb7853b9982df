//! Argument conventions shared by the built-in tables (builtins §0.4).

use crate::error::{RtError, RtResult};
use crate::value::Value;
use std::borrow::Cow;

/// An index, count or `n`: a NUMBER, an integral DECIMAL, or TEXT holding a
/// whole number after trimming (`l.get("0")` is `l.get(0)`).
pub fn index(v: &Value, function: &str) -> RtResult<i64> {
    match v {
        Value::Number(n) => Ok(*n),
        Value::Decimal(f) if f.fract() == 0.0 && f.abs() < 9.2e18 => Ok(*f as i64),
        Value::Text(t) => t
            .trim()
            .parse::<i64>()
            .map_err(|_| RtError::invalid_args(function)),
        _ => Err(RtError::invalid_args(function)),
    }
}

/// A text parameter: TEXT as is; NUMBER, DECIMAL, BOOLEAN and DATETIME by
/// their text form; anything else (including null) is invalid.
pub fn text<'v>(v: &'v Value, function: &str) -> RtResult<Cow<'v, str>> {
    match v {
        Value::Text(t) => Ok(Cow::Borrowed(t)),
        Value::Number(_) | Value::Decimal(_) | Value::Bool(_) | Value::DateTime(_) => {
            Ok(Cow::Owned(v.display()))
        }
        _ => Err(RtError::invalid_args(function)),
    }
}

/// The receiver's text (receivers of text functions are TEXT by dispatch).
pub fn receiver_text<'v>(v: &'v Value, function: &str) -> RtResult<Cow<'v, str>> {
    match v {
        Value::Null => Err(RtError::null_receiver(function)),
        Value::Text(t) => Ok(Cow::Borrowed(t)),
        other => Ok(Cow::Owned(other.display())),
    }
}

pub fn boolean(v: &Value, function: &str) -> RtResult<bool> {
    match v {
        Value::Bool(b) => Ok(*b),
        Value::Text(t) if t.eq_ignore_ascii_case("true") => Ok(true),
        Value::Text(t) if t.eq_ignore_ascii_case("false") => Ok(false),
        _ => Err(RtError::invalid_args(function)),
    }
}

/// A number as f64 (NUMBER or DECIMAL).
pub fn number(v: &Value, function: &str) -> RtResult<f64> {
    match v {
        Value::Number(n) => Ok(*n as f64),
        Value::Decimal(f) => Ok(*f),
        _ => Err(RtError::invalid_args(function)),
    }
}

/// The optional argument at `i`, if given and not null.
pub fn optional(args: &[Value], i: usize) -> Option<&Value> {
    args.get(i).filter(|v| !v.is_null())
}

/// Converts a non-negative index into `usize`, or fails with `err`.
pub fn to_usize(i: i64, err: impl FnOnce() -> RtError) -> RtResult<usize> {
    usize::try_from(i).map_err(|_| err())
}
