//! NUMBER and DECIMAL functions (builtins §3, §11 `truncate`).
//!
//! Receivers are NUMBER or DECIMAL (dispatch guarantees it); text functions
//! on numbers fall through to the TEXT table on the text form.

use super::datetime::{date_error, format_with};
use super::text::def;
use super::{Ctx, MethodDef, args};
use crate::datetime::{DateTime, format};
use crate::error::{RtError, RtResult};
use crate::numfmt::{self, NumberArg};
use crate::value::Value;
use deluge_syntax::codes;

pub const TABLE: &[MethodDef] = &[
    def(&["abs"], 0, 0, abs, "n.abs() — absolute value"),
    def(
        &["ceil"],
        0,
        0,
        ceil,
        "n.ceil() — smallest integer ≥ n, as a NUMBER",
    ),
    def(
        &["floor"],
        0,
        0,
        floor,
        "n.floor() — largest integer ≤ n, as a NUMBER",
    ),
    def(
        &["round"],
        0,
        1,
        round,
        "n.round([places]) — rounded half away from zero",
    ),
    def(
        &["truncate"],
        0,
        1,
        truncate,
        "n.truncate([places]) — cut toward zero to places",
    ),
    def(&["power"], 1, 1, power, "n.power(e) — n raised to e"),
    def(&["sqrt"], 0, 0, sqrt, "n.sqrt() — square root"),
    def(&["exp"], 0, 0, exp, "n.exp() — e raised to n"),
    def(&["log"], 0, 0, log, "n.log() — natural logarithm"),
    def(&["sin"], 0, 0, sin, "n.sin() — sine (radians)"),
    def(&["cos"], 0, 0, cos, "n.cos() — cosine (radians)"),
    def(&["tan"], 0, 0, tan, "n.tan() — tangent (radians)"),
    def(&["asin"], 0, 0, asin, "n.asin() — arc sine, in radians"),
    def(&["acos"], 0, 0, acos, "n.acos() — arc cosine, in radians"),
    def(&["atan"], 0, 0, atan, "n.atan() — arc tangent, in radians"),
    def(&["min"], 1, 1, min, "n.min(m) — the smaller of two numbers"),
    def(&["max"], 1, 1, max, "n.max(m) — the larger of two numbers"),
    def(
        &["toDecimal"],
        0,
        0,
        to_decimal,
        "n.toDecimal() — as a DECIMAL",
    ),
    def(
        &["toLong", "toNumber", "toInt"],
        0,
        0,
        to_long,
        "n.toLong() — as a NUMBER, decimals truncated toward zero",
    ),
    def(
        &["toHex"],
        0,
        0,
        to_hex,
        "n.toHex() — lower-case hex (two's complement)",
    ),
    def(
        &["isEven"],
        0,
        0,
        is_even,
        "n.isEven() — true for even NUMBERs",
    ),
    def(&["isOdd"], 0, 0, is_odd, "n.isOdd() — true for odd NUMBERs"),
    def(
        &["toString", "toText"],
        0,
        2,
        to_string,
        "n.toString([pattern [, timeZone]]) — text form, number pattern or epoch-ms date pattern",
    ),
];

fn f64_of(recv: &Value, name: &str) -> RtResult<f64> {
    args::number(recv, name)
}

/// A DECIMAL result; NaN and infinities are errors.
fn decimal(f: f64) -> RtResult<Value> {
    if f.is_finite() {
        Ok(Value::Decimal(f))
    } else {
        Err(RtError::invalid_decimal())
    }
}

/// An integral f64 as a NUMBER, or the overflow error.
fn whole(f: f64) -> RtResult<Value> {
    if (-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&f) {
        Ok(Value::Number(f as i64))
    } else {
        Err(RtError::overflow())
    }
}

fn abs(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    match recv {
        Value::Number(n) => n
            .checked_abs()
            .map(Value::Number)
            .ok_or_else(RtError::overflow),
        other => decimal(f64_of(other, "abs")?.abs()),
    }
}

fn ceil(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    match recv {
        Value::Number(_) => Ok(recv.clone()),
        other => whole(f64_of(other, "ceil")?.ceil()),
    }
}

fn floor(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    match recv {
        Value::Number(_) => Ok(recv.clone()),
        other => whole(f64_of(other, "floor")?.floor()),
    }
}

/// The optional `places` argument: default 0, negative ⚠ args.
fn places(a: &[Value], name: &str) -> RtResult<u32> {
    match args::optional(a, 0) {
        None => Ok(0),
        Some(v) => {
            let p = args::index(v, name)?;
            u32::try_from(p).map_err(|_| RtError::invalid_args(name))
        }
    }
}

/// NUMBER unchanged; DECIMAL half away from zero on its shortest text.
fn round(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let p = places(a, "round")?;
    match recv {
        Value::Number(_) => Ok(recv.clone()),
        other => decimal(numfmt::round_half_away(f64_of(other, "round")?, p)),
    }
}

/// NUMBER unchanged; DECIMAL cut toward zero, a NUMBER for 0 places.
fn truncate(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let p = places(a, "truncate")?;
    match recv {
        Value::Number(_) => Ok(recv.clone()),
        other => {
            let f = f64_of(other, "truncate")?;
            if p == 0 {
                whole(f.trunc())
            } else {
                decimal(numfmt::truncate_places(f, p))
            }
        }
    }
}

/// Exact for a NUMBER base and a NUMBER exponent ≥ 0, `powf` otherwise.
fn power(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    if let (Value::Number(b), Value::Number(e)) = (recv, &a[0])
        && *e >= 0
    {
        let exact = u32::try_from(*e).ok().and_then(|e| b.checked_pow(e));
        return match exact {
            Some(n) => Ok(Value::Number(n)),
            // 0, 1 and -1 stay small for every exponent.
            None if matches!(b, 0 | 1) => Ok(Value::Number(*b)),
            None if *b == -1 => Ok(Value::Number(if e % 2 == 0 { 1 } else { -1 })),
            None => Err(RtError::overflow()),
        };
    }
    let base = f64_of(recv, "power")?;
    let e = args::number(&a[0], "power")?;
    decimal(base.powf(e))
}

/// A DECIMAL function defined where `ok` holds, ⚠ args elsewhere.
fn real(recv: &Value, name: &str, ok: fn(f64) -> bool, f: fn(f64) -> f64) -> RtResult<Value> {
    let x = f64_of(recv, name)?;
    if !ok(x) {
        return Err(RtError::invalid_args(name));
    }
    decimal(f(x))
}

fn any(_: f64) -> bool {
    true
}

fn sqrt(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    real(recv, "sqrt", |x| x >= 0.0, f64::sqrt)
}

fn exp(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    real(recv, "exp", any, f64::exp)
}

fn log(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    real(recv, "log", |x| x > 0.0, f64::ln)
}

fn sin(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    real(recv, "sin", any, f64::sin)
}

fn cos(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    real(recv, "cos", any, f64::cos)
}

fn tan(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    real(recv, "tan", any, f64::tan)
}

fn unit(x: f64) -> bool {
    (-1.0..=1.0).contains(&x)
}

fn asin(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    real(recv, "asin", unit, f64::asin)
}

fn acos(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    real(recv, "acos", unit, f64::acos)
}

fn atan(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    real(recv, "atan", any, f64::atan)
}

/// True when `a < b` numerically (exact for two NUMBERs).
fn less(a: &Value, b: &Value, name: &str) -> RtResult<bool> {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => Ok(x < y),
        _ => Ok(args::number(a, name)? < args::number(b, name)?),
    }
}

fn min(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let other = &a[0];
    Ok(if less(other, recv, "min")? {
        other.clone()
    } else {
        recv.clone()
    })
}

fn max(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let other = &a[0];
    Ok(if less(recv, other, "max")? {
        other.clone()
    } else {
        recv.clone()
    })
}

fn to_decimal(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    Ok(Value::Decimal(f64_of(recv, "toDecimal")?))
}

fn to_long(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    match recv {
        Value::Number(_) => Ok(recv.clone()),
        other => whole(f64_of(other, "toLong")?.trunc()),
    }
}

/// The NUMBER receiver of an integer-only function; DECIMAL ⚠ args.
fn integer(recv: &Value, name: &str) -> RtResult<i64> {
    match recv {
        Value::Number(n) => Ok(*n),
        _ => Err(RtError::invalid_args(name)),
    }
}

fn to_hex(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    // Java `Long.toHexString`: negatives in 64-bit two's complement.
    Ok(Value::from(format!("{:x}", integer(recv, "toHex")? as u64)))
}

fn is_even(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    Ok(Value::Bool(integer(recv, "isEven")? % 2 == 0))
}

fn is_odd(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    Ok(Value::Bool(integer(recv, "isOdd")? % 2 != 0))
}

/// `toString([pattern [, timeZone]])`: the text form; a number pattern
/// (§3.2); or, for a pattern with letters, the NUMBER as epoch milliseconds
/// formatted as a date-time in the host zone (or `timeZone`).
fn to_string(ctx: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let Some(pattern) = args::optional(a, 0) else {
        return Ok(Value::Text(recv.display_rc()));
    };
    let pattern = args::text(pattern, "toString")?;
    if format::is_date_pattern(&pattern) {
        // Epoch milliseconds, formatted like a date-time (§7.3).
        let millis = args::index(recv, "toString")?;
        let dt = DateTime::from_epoch_millis(millis, &ctx.zone())
            .map_err(|e| date_error(e, "toString"))?;
        return format_with(ctx, &dt, a, "toString");
    }
    if args::optional(a, 1).is_some() {
        return Err(RtError::invalid_args("toString"));
    }
    let n = match recv {
        Value::Number(n) => NumberArg::Int(*n),
        other => NumberArg::Float(f64_of(other, "toString")?),
    };
    numfmt::format_number(n, &pattern)
        .map(Value::from)
        .map_err(|e| match e {
            numfmt::NumFmtError::NotFinite => RtError::invalid_decimal(),
            invalid => RtError::new(codes::INVALID_ARGUMENTS, invalid.to_string()),
        })
}

#[cfg(test)]
#[path = "number_tests.rs"]
mod tests;
