//! Date functions whose receiver is TEXT (builtins §2: `toDate`, `toTime`,
//! `toString` with a format) and the date tests `isDate` / `isDateTime`
//! (§1), which take any receiver.

use super::datetime::{date_error, format_with, zone_arg};
use super::{Ctx, MethodDef, args};
use crate::datetime::{DateTime, parse_with_pattern};
use crate::error::{RtError, RtResult};
use crate::value::Value;

pub const TABLE: &[MethodDef] = &[
    MethodDef {
        names: &["toDate"],
        min_args: 0,
        max_args: 1,
        f: to_date,
        doc: "s.toDate([format]) — parse as a date (time dropped), with the language's formats or a pattern",
    },
    MethodDef {
        names: &["toTime", "toDateTime"],
        min_args: 0,
        max_args: 2,
        f: to_time,
        doc: "s.toTime([format [, timeZone]]) — parse as a date-time; with a zone, the text is that zone's local time",
    },
    MethodDef {
        names: &["toString", "toText"],
        min_args: 0,
        max_args: 2,
        f: to_string,
        doc: "s.toString([format [, timeZone]]) — the text itself, or the parsed date-time formatted with a pattern",
    },
];

/// For receivers of any type (and null): `isDate(x)` and `x.isDate()`.
pub const COMMON: &[MethodDef] = &[MethodDef {
    names: &["isDate", "isDateTime"],
    min_args: 0,
    max_args: 0,
    f: is_date,
    doc: "isDate(x) — true for a DATETIME or a text that parses as one",
}];

/// Parses the receiver: with the language's formats (§5.6.2), or with the
/// pattern in `args[0]` and the zone of the text in `args[1]`.
fn parse(ctx: &Ctx<'_>, recv: &Value, args: &[Value], function: &str) -> RtResult<DateTime> {
    let text = args::receiver_text(recv, function)?;
    let Some(pattern) = args.first() else {
        return ctx
            .parse_date(&text)
            .ok_or_else(|| RtError::invalid_datetime(&text));
    };
    let pattern = args::text(pattern, function)?;
    let zone = match args.get(1) {
        Some(zone) => Some(zone_arg(zone, function)?),
        None => None,
    };
    parse_with_pattern(&text, &pattern, ctx.today, zone.as_ref(), &ctx.zone())
        .map_err(|e| date_error(e, function))
}

pub(super) fn to_date(ctx: &mut Ctx<'_>, recv: &Value, args: &[Value]) -> RtResult<Value> {
    Ok(Value::DateTime(parse(ctx, recv, args, "toDate")?.to_date()))
}

pub(super) fn to_time(ctx: &mut Ctx<'_>, recv: &Value, args: &[Value]) -> RtResult<Value> {
    Ok(Value::DateTime(parse(ctx, recv, args, "toTime")?.to_time()))
}

/// Without arguments the text itself (this entry shadows the common
/// `toString` for TEXT); with a format the text must be a date-time.
fn to_string(ctx: &mut Ctx<'_>, recv: &Value, args: &[Value]) -> RtResult<Value> {
    if args.is_empty() {
        return Ok(Value::Text(recv.display_rc()));
    }
    let dt = parse(ctx, recv, &[], "toString")?;
    format_with(ctx, &dt, args, "toString")
}

fn is_date(ctx: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    Ok(Value::Bool(match recv {
        Value::DateTime(_) => true,
        Value::Text(t) => ctx.parse_date(t).is_some(),
        _ => false,
    }))
}

#[cfg(test)]
#[path = "text_dates_tests.rs"]
mod tests;
