//! DATE-TIME functions (builtins §7.1–7.3 and the business hours of §11).
//!
//! The receiver is a DATETIME: dispatch parses TEXT receivers before they
//! get here (builtins §0.2). The calendar work itself is done by the pure
//! layer in `crate::datetime`; this table converts values and errors.

use super::{Ctx, MethodDef, args, text_dates};
use crate::datetime::{DateError, DateTime, calendar};
use crate::error::{RtError, RtResult};
use crate::value::Value;
use deluge_syntax::codes;
use jiff::tz::TimeZone;

/// The table, one line per function: names, min and max arguments,
/// function, doc line.
macro_rules! table {
    ($([$($name:literal),+], $min:literal, $max:literal, $f:expr, $doc:literal;)+) => {
        &[$(MethodDef {
            names: &[$($name),+],
            min_args: $min,
            max_args: $max,
            f: $f,
            doc: $doc,
        }),+]
    };
}

pub const TABLE: &[MethodDef] = table! {
    ["addDay"], 1, 1, add_day, "d.addDay(n) — n days later (prints with time)";
    ["subDay"], 1, 1, sub_day, "d.subDay(n) — n days earlier (prints with time)";
    ["addWeek"], 1, 1, add_week, "d.addWeek(n) — 7·n days later";
    ["subWeek"], 1, 1, sub_week, "d.subWeek(n) — 7·n days earlier";
    ["addMonth"], 1, 1, add_month, "d.addMonth(n) — n calendar months later, clamped to the month's end";
    ["subMonth"], 1, 1, sub_month, "d.subMonth(n) — n calendar months earlier, clamped to the month's end";
    ["addYear"], 1, 1, add_year, "d.addYear(n) — n calendar years later";
    ["subYear"], 1, 1, sub_year, "d.subYear(n) — n calendar years earlier";
    ["addHour"], 1, 1, add_hour, "d.addHour(n) — n hours later";
    ["subHour"], 1, 1, sub_hour, "d.subHour(n) — n hours earlier";
    ["addMinutes"], 1, 1, add_minutes, "d.addMinutes(n) — n minutes later";
    ["subMinutes"], 1, 1, sub_minutes, "d.subMinutes(n) — n minutes earlier";
    ["addSeconds"], 1, 1, add_seconds, "d.addSeconds(n) — n seconds later";
    ["subSeconds"], 1, 1, sub_seconds, "d.subSeconds(n) — n seconds earlier";
    ["addBusinessDay", "workday"], 1, 1, add_business_day, "d.addBusinessDay(n) — n Monday–Friday days later (a date)";
    ["subBusinessDay"], 1, 1, sub_business_day, "d.subBusinessDay(n) — n Monday–Friday days earlier (a date)";
    ["addBusinessHour"], 1, 1, add_business_hour, "d.addBusinessHour(n) — n hours counted inside 09:00–18:00, Monday–Friday";
    ["subBusinessHour"], 1, 1, sub_business_hour, "d.subBusinessHour(n) — n business hours (09:00–18:00, Monday–Friday) earlier";
    ["getDay", "day"], 0, 0, get_day, "d.getDay() — day of the month, 1–31";
    ["getMonth", "month"], 0, 0, get_month, "d.getMonth() — month, 1–12";
    ["getYear", "year"], 0, 0, get_year, "d.getYear() — the year";
    ["getHour", "hour"], 0, 0, get_hour, "d.getHour() — hour, 0–23";
    ["getMinutes", "minute"], 0, 0, get_minutes, "d.getMinutes() — minute, 0–59";
    ["getSeconds", "second"], 0, 0, get_seconds, "d.getSeconds() — second, 0–59";
    ["getDayOfWeek", "weekday"], 0, 0, get_day_of_week, "d.getDayOfWeek() — 1 = Sunday … 7 = Saturday";
    ["getDayOfYear"], 0, 0, get_day_of_year, "d.getDayOfYear() — day of the year, 1–366";
    ["getWeekOfYear"], 0, 0, get_week_of_year, "d.getWeekOfYear() — week number, weeks from Sunday, week 1 holds 1 January";
    ["daysBetween"], 1, 1, days_between, "start.daysBetween(end) — calendar days from start to end";
    ["days360"], 1, 1, days360, "days360(start, end) — same as daysBetween (as Zoho documents)";
    ["hoursBetween"], 1, 1, hours_between, "start.hoursBetween(end) — whole hours from start to end";
    ["monthsBetween"], 1, 1, months_between, "start.monthsBetween(end) — whole calendar months from start to end";
    ["yearsBetween"], 1, 1, years_between, "start.yearsBetween(end) — whole years from start to end";
    ["toStartOfMonth"], 0, 0, to_start_of_month, "d.toStartOfMonth() — first day of the month (a date)";
    ["toStartOfWeek"], 0, 0, to_start_of_week, "d.toStartOfWeek() — the Sunday on or before d (a date)";
    ["eomonth"], 1, 1, eomonth, "d.eomonth(n) — last day of the month n months later (a date)";
    ["edate"], 1, 1, edate, "d.edate(n) — same day n months later, clamped to the month's end (a date)";
    ["unixEpoch"], 0, 0, unix_epoch, "d.unixEpoch() — milliseconds since 1970-01-01T00:00:00Z";
    ["toLong", "toNumber"], 0, 0, unix_epoch, "d.toLong() — milliseconds since 1970-01-01T00:00:00Z, as unixEpoch";
    ["toDate"], 0, 1, to_date, "d.toDate([format]) — the date, time dropped (with a format, parses the text form)";
    ["toTime", "toDateTime"], 0, 2, to_time, "d.toTime([format [, timeZone]]) — the same moment, printed with its time (with a format, parses the text form)";
    ["toString", "toText"], 0, 2, to_string, "d.toString([format [, timeZone]]) — text form, or formatted with a date pattern";
};

// ------------------------------------------------------------ shared helpers

/// The runtime error for a failure of the date layer in `function`.
pub(super) fn date_error(err: DateError, function: &str) -> RtError {
    match err {
        DateError::InvalidValue(text) => RtError::invalid_datetime(&text),
        DateError::InvalidFormat(_) => RtError::new(codes::INVALID_DATE_FORMAT, err.to_string()),
        DateError::InvalidZone(_) => RtError::invalid_args(function),
        DateError::Overflow => RtError::new(codes::INVALID_DATETIME, err.to_string()),
    }
}

/// A DATETIME value, or TEXT that parses as one (receivers and arguments
/// alike). Unparseable text fails with "Invalid date-time value".
pub(super) fn date_arg(ctx: &Ctx<'_>, v: &Value, function: &str) -> RtResult<DateTime> {
    match v {
        Value::DateTime(dt) => Ok(*dt),
        Value::Text(t) => ctx
            .parse_date(t)
            .ok_or_else(|| RtError::invalid_datetime(t)),
        Value::Null => Err(RtError::null_receiver(function)),
        _ => Err(RtError::invalid_args(function)),
    }
}

/// A zone-name argument; an unknown zone is an invalid argument (§7.2).
pub(super) fn zone_arg(v: &Value, function: &str) -> RtResult<TimeZone> {
    let name = args::text(v, function)?;
    crate::datetime::resolve_zone(&name).ok_or_else(|| RtError::invalid_args(function))
}

/// `toString(format [, zone])` of a date-time (§7.3).
pub(super) fn format_with(
    ctx: &Ctx<'_>,
    dt: &DateTime,
    args: &[Value],
    function: &str,
) -> RtResult<Value> {
    let pattern = args::text(first(args, function)?, function)?;
    let target = match args.get(1) {
        Some(zone) => Some(zone_arg(zone, function)?),
        None => None,
    };
    crate::datetime::format(dt, &pattern, &ctx.zone(), target.as_ref())
        .map(Value::text)
        .map_err(|e| date_error(e, function))
}

/// The first argument (dispatch has checked the count; this keeps a
/// direct call without arguments from panicking).
fn first<'v>(args: &'v [Value], function: &str) -> RtResult<&'v Value> {
    args.first().ok_or_else(|| RtError::invalid_args(function))
}

fn other_date(ctx: &Ctx<'_>, args: &[Value], function: &str) -> RtResult<DateTime> {
    match first(args, function)? {
        // A null argument is a bad argument, not a null receiver.
        Value::Null => Err(RtError::invalid_args(function)),
        v => date_arg(ctx, v, function),
    }
}

// ------------------------------------------------------------------ shifting

type Shift = fn(&DateTime, i64) -> Result<DateTime, DateError>;

/// `d.<function>(n)`; `negate` turns the `add` of the layer into a `sub`.
fn shift(
    ctx: &Ctx<'_>,
    recv: &Value,
    args: &[Value],
    function: &str,
    op: Shift,
    negate: bool,
) -> RtResult<Value> {
    let dt = date_arg(ctx, recv, function)?;
    let mut n = args::index(first(args, function)?, function)?;
    if negate {
        n = n
            .checked_neg()
            .ok_or_else(|| date_error(DateError::Overflow, function))?;
    }
    op(&dt, n)
        .map(Value::DateTime)
        .map_err(|e| date_error(e, function))
}

/// Defines `fn $fn(ctx, recv, args)` calling `shift` with a fixed operation.
macro_rules! shifter {
    ($($fn:ident = $name:literal, $op:path, $negate:literal;)+) => {$(
        fn $fn(ctx: &mut Ctx<'_>, recv: &Value, args: &[Value]) -> RtResult<Value> {
            shift(ctx, recv, args, $name, $op, $negate)
        }
    )+};
}

shifter! {
    add_day = "addDay", calendar::add_days, false;
    sub_day = "subDay", calendar::add_days, true;
    add_week = "addWeek", calendar::add_weeks, false;
    sub_week = "subWeek", calendar::add_weeks, true;
    add_month = "addMonth", calendar::add_months, false;
    sub_month = "subMonth", calendar::add_months, true;
    add_year = "addYear", calendar::add_years, false;
    sub_year = "subYear", calendar::add_years, true;
    add_hour = "addHour", calendar::add_hours, false;
    sub_hour = "subHour", calendar::add_hours, true;
    add_minutes = "addMinutes", calendar::add_minutes, false;
    sub_minutes = "subMinutes", calendar::add_minutes, true;
    add_seconds = "addSeconds", calendar::add_seconds, false;
    sub_seconds = "subSeconds", calendar::add_seconds, true;
    add_business_day = "addBusinessDay", calendar::add_business_days, false;
    sub_business_day = "subBusinessDay", calendar::add_business_days, true;
    add_business_hour = "addBusinessHour", calendar::add_business_hours, false;
    sub_business_hour = "subBusinessHour", calendar::sub_business_hours, false;
    eomonth = "eomonth", calendar::eomonth, false;
    edate = "edate", calendar::edate, false;
}

// ---------------------------------------------------------------- components

/// Defines `fn $fn(ctx, recv, _)` returning a NUMBER read from the value.
macro_rules! component {
    ($($fn:ident = $name:literal, $get:path;)+) => {$(
        fn $fn(ctx: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
            Ok(Value::Number($get(&date_arg(ctx, recv, $name)?)))
        }
    )+};
}

component! {
    get_day = "getDay", calendar::day;
    get_month = "getMonth", calendar::month;
    get_year = "getYear", calendar::year;
    get_hour = "getHour", calendar::hour;
    get_minutes = "getMinutes", calendar::minute;
    get_seconds = "getSeconds", calendar::second;
    get_day_of_week = "getDayOfWeek", calendar::day_of_week;
    get_day_of_year = "getDayOfYear", calendar::day_of_year;
    get_week_of_year = "getWeekOfYear", calendar::week_of_year;
}

// --------------------------------------------------------------- differences

/// Defines `fn $fn(ctx, start, [end])` returning a NUMBER difference.
macro_rules! difference {
    ($($fn:ident = $name:literal, $between:path;)+) => {$(
        fn $fn(ctx: &mut Ctx<'_>, recv: &Value, args: &[Value]) -> RtResult<Value> {
            let start = date_arg(ctx, recv, $name)?;
            let end = other_date(ctx, args, $name)?;
            Ok(Value::Number($between(&start, &end)))
        }
    )+};
}

difference! {
    days_between = "daysBetween", calendar::days_between;
    days360 = "days360", calendar::days_between;
    hours_between = "hoursBetween", calendar::hours_between;
    months_between = "monthsBetween", calendar::months_between;
    years_between = "yearsBetween", calendar::years_between;
}

// ----------------------------------------------------------------- to dates

fn to_start_of_month(ctx: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    let dt = date_arg(ctx, recv, "toStartOfMonth")?;
    Ok(Value::DateTime(calendar::start_of_month(&dt)))
}

fn to_start_of_week(ctx: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    let dt = date_arg(ctx, recv, "toStartOfWeek")?;
    calendar::start_of_week(&dt)
        .map(Value::DateTime)
        .map_err(|e| date_error(e, "toStartOfWeek"))
}

fn unix_epoch(ctx: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    let dt = date_arg(ctx, recv, "unixEpoch")?;
    dt.to_epoch_millis(&ctx.zone())
        .map(Value::Number)
        .map_err(|e| date_error(e, "unixEpoch"))
}

/// With a format, a DATETIME works on its text form like any TEXT
/// (builtins §0.2: DATE-TIME table first, then TEXT table).
fn as_text(recv: &Value) -> Value {
    Value::Text(recv.display_rc())
}

fn to_date(ctx: &mut Ctx<'_>, recv: &Value, args: &[Value]) -> RtResult<Value> {
    if !args.is_empty() {
        return text_dates::to_date(ctx, &as_text(recv), args);
    }
    Ok(Value::DateTime(date_arg(ctx, recv, "toDate")?.to_date()))
}

fn to_time(ctx: &mut Ctx<'_>, recv: &Value, args: &[Value]) -> RtResult<Value> {
    if !args.is_empty() {
        return text_dates::to_time(ctx, &as_text(recv), args);
    }
    Ok(Value::DateTime(date_arg(ctx, recv, "toTime")?.to_time()))
}

fn to_string(ctx: &mut Ctx<'_>, recv: &Value, args: &[Value]) -> RtResult<Value> {
    let dt = date_arg(ctx, recv, "toString")?;
    if args.is_empty() {
        return Ok(Value::text(dt.display()));
    }
    format_with(ctx, &dt, args, "toString")
}

#[cfg(test)]
#[path = "datetime_tests.rs"]
mod tests;
