//! Calendar arithmetic and components (built-ins reference §7.1 and the
//! business-hour functions of §11).
//!
//! All arithmetic is on local wall time: days are 24 hours and there is no
//! DST adjustment (our documented choice). Adding units always yields a value
//! with a time part; the "start of" and business-day functions yield dates.

use jiff::civil::{Date, Time, Weekday};
use jiff::{SignedDuration, Span};

use super::{DateError, DateTime};

/// Seconds in the 09:00–18:00 business day.
const BUSINESS_DAY_SECS: i64 = 9 * 3600;
const OPEN: Time = Time::constant(9, 0, 0, 0);
const CLOSE: Time = Time::constant(18, 0, 0, 0);

// ---------------------------------------------------------------- adding units

fn add_duration(dt: &DateTime, d: Option<SignedDuration>) -> Result<DateTime, DateError> {
    let local = dt
        .local
        .checked_add(d.ok_or(DateError::Overflow)?)
        .map_err(|_| DateError::Overflow)?;
    Ok(DateTime::from_local(local))
}

fn secs(n: i64, unit: i64) -> Option<SignedDuration> {
    n.checked_mul(unit).map(SignedDuration::from_secs)
}

/// `addDay` (negative `n` subtracts).
pub fn add_days(dt: &DateTime, n: i64) -> Result<DateTime, DateError> {
    add_duration(dt, secs(n, 86_400))
}

/// `addWeek`: 7·n days.
pub fn add_weeks(dt: &DateTime, n: i64) -> Result<DateTime, DateError> {
    add_days(dt, n.checked_mul(7).ok_or(DateError::Overflow)?)
}

/// `addHour`.
pub fn add_hours(dt: &DateTime, n: i64) -> Result<DateTime, DateError> {
    add_duration(dt, secs(n, 3600))
}

/// `addMinutes`.
pub fn add_minutes(dt: &DateTime, n: i64) -> Result<DateTime, DateError> {
    add_duration(dt, secs(n, 60))
}

/// `addSeconds`.
pub fn add_seconds(dt: &DateTime, n: i64) -> Result<DateTime, DateError> {
    add_duration(dt, secs(n, 1))
}

/// `addMonth`: calendar months; a day missing in the target month becomes its
/// last day (jiff clamps, as Java's `Calendar.add` does).
pub fn add_months(dt: &DateTime, n: i64) -> Result<DateTime, DateError> {
    let span = Span::new().try_months(n).map_err(|_| DateError::Overflow)?;
    let local = dt
        .local
        .checked_add(span)
        .map_err(|_| DateError::Overflow)?;
    Ok(DateTime::from_local(local))
}

/// `addYear`: 29 February becomes 28 February in a common year.
pub fn add_years(dt: &DateTime, n: i64) -> Result<DateTime, DateError> {
    add_months(dt, n.checked_mul(12).ok_or(DateError::Overflow)?)
}

fn shift_date(date: Date, days: i64) -> Result<Date, DateError> {
    let d = secs(days, 86_400).ok_or(DateError::Overflow)?;
    date.checked_add(d).map_err(|_| DateError::Overflow)
}

fn is_weekend(date: Date) -> bool {
    matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday)
}

/// `addBusinessDay`: moves `n` Monday–Friday days (backwards when negative);
/// the result is a date.
pub fn add_business_days(dt: &DateTime, n: i64) -> Result<DateTime, DateError> {
    Ok(DateTime::from_date(business_days_from(dt.date(), n)?))
}

fn business_days_from(date: Date, n: i64) -> Result<Date, DateError> {
    let step = n.signum();
    let mut date = date;
    // From a weekend, moving forward behaves as from the Friday before, and
    // moving back as from the Monday after; this makes whole weeks exact.
    while n != 0 && is_weekend(date) {
        date = shift_date(date, -step)?;
    }
    let weeks = n / 5;
    date = shift_date(date, weeks.checked_mul(7).ok_or(DateError::Overflow)?)?;
    for _ in 0..(n % 5).abs() {
        date = shift_date(date, step)?;
        while is_weekend(date) {
            date = shift_date(date, step)?;
        }
    }
    Ok(date)
}

/// `addBusinessHour`: `n` hours counted only inside 09:00–18:00, Monday to
/// Friday. A result exactly at closing time stays on that day (18:00).
pub fn add_business_hours(dt: &DateTime, n: i64) -> Result<DateTime, DateError> {
    let total = n.checked_mul(3600).ok_or(DateError::Overflow)?;
    if total == 0 {
        // Nothing to count: the moment is unchanged, even outside hours.
        return Ok(dt.to_time());
    }
    if total > 0 {
        business_forward(dt, total)
    } else {
        business_backward(dt, -total)
    }
}

/// `subBusinessHour`.
pub fn sub_business_hours(dt: &DateTime, n: i64) -> Result<DateTime, DateError> {
    add_business_hours(dt, n.checked_neg().ok_or(DateError::Overflow)?)
}

fn business_forward(dt: &DateTime, mut remaining: i64) -> Result<DateTime, DateError> {
    let mut date = dt.date();
    let mut time = dt.local.time();
    // Outside business hours the count starts at the next opening.
    if is_weekend(date) || time >= CLOSE {
        date = business_days_from(date, 1)?;
        time = OPEN;
    } else if time < OPEN {
        time = OPEN;
    }
    let left_today = CLOSE.duration_since(time).as_secs();
    if remaining > left_today {
        remaining -= left_today;
        // Whole business days, keeping 1..=9 hours for the last day.
        let full_days = (remaining - 1) / BUSINESS_DAY_SECS;
        date = business_days_from(date, full_days + 1)?;
        remaining -= full_days * BUSINESS_DAY_SECS;
        time = OPEN;
    }
    let local = date.to_datetime(time);
    add_duration(&DateTime::from_local(local), secs(remaining, 1))
}

fn business_backward(dt: &DateTime, mut remaining: i64) -> Result<DateTime, DateError> {
    let mut date = dt.date();
    let mut time = dt.local.time();
    if is_weekend(date) || time <= OPEN {
        date = business_days_from(date, -1)?;
        time = CLOSE;
    } else if time > CLOSE {
        time = CLOSE;
    }
    let left_today = time.duration_since(OPEN).as_secs();
    if remaining > left_today {
        remaining -= left_today;
        let full_days = (remaining - 1) / BUSINESS_DAY_SECS;
        date = business_days_from(date, -(full_days + 1))?;
        remaining -= full_days * BUSINESS_DAY_SECS;
        time = CLOSE;
    }
    let local = date.to_datetime(time);
    add_duration(&DateTime::from_local(local), secs(-remaining, 1))
}

// ----------------------------------------------------------------- components

/// `getDay`: day of month.
pub fn day(dt: &DateTime) -> i64 {
    i64::from(dt.local.day())
}

/// `getMonth`: 1–12.
pub fn month(dt: &DateTime) -> i64 {
    i64::from(dt.local.month())
}

/// `getYear`.
pub fn year(dt: &DateTime) -> i64 {
    i64::from(dt.local.year())
}

/// `getHour`: 0–23.
pub fn hour(dt: &DateTime) -> i64 {
    i64::from(dt.local.hour())
}

/// `getMinutes`.
pub fn minute(dt: &DateTime) -> i64 {
    i64::from(dt.local.minute())
}

/// `getSeconds`.
pub fn second(dt: &DateTime) -> i64 {
    i64::from(dt.local.second())
}

/// `getDayOfWeek` / `weekday`: 1 = Sunday … 7 = Saturday.
pub fn day_of_week(dt: &DateTime) -> i64 {
    i64::from(dt.local.weekday().to_sunday_one_offset())
}

/// `getDayOfYear`: 1–366.
pub fn day_of_year(dt: &DateTime) -> i64 {
    i64::from(dt.local.day_of_year())
}

/// The Saturday that ends `date`'s Sunday-to-Saturday week.
fn end_of_week(date: Date) -> Date {
    let to_saturday = 6 - i64::from(date.weekday().to_sunday_zero_offset());
    shift_date(date, to_saturday).unwrap_or(date)
}

/// The year a week belongs to under Java's US rules (weeks start on Sunday;
/// the week containing 1 January is week 1 of the new year). Used by `Y`.
pub fn week_year(date: Date) -> i16 {
    end_of_week(date).year()
}

/// `getWeekOfYear` (Java US rules): the last days of December that share a
/// week with 1 January are in week 1.
pub fn week_of_year(dt: &DateTime) -> i64 {
    let date = dt.date();
    if week_year(date) != date.year() {
        return 1;
    }
    let jan1 = date.first_of_year();
    let offset = i64::from(jan1.weekday().to_sunday_zero_offset());
    (i64::from(date.day_of_year()) - 1 + offset) / 7 + 1
}

// ---------------------------------------------------------------- differences

/// `daysBetween`: calendar days from `start` to `end`, times ignored.
pub fn days_between(start: &DateTime, end: &DateTime) -> i64 {
    end.date().duration_since(start.date()).as_secs() / 86_400
}

/// `hoursBetween`: whole hours, truncated toward zero.
pub fn hours_between(start: &DateTime, end: &DateTime) -> i64 {
    end.local.duration_since(start.local).as_secs() / 3600
}

/// `monthsBetween`: whole calendar months; a month counts once the day of
/// month and time of `start` are reached. Truncated toward zero.
pub fn months_between(start: &DateTime, end: &DateTime) -> i64 {
    let (a, b) = (start.local, end.local);
    let mut months = (i64::from(b.year()) - i64::from(a.year())) * 12 + i64::from(b.month())
        - i64::from(a.month());
    let a_rest = (a.day(), a.time());
    let b_rest = (b.day(), b.time());
    if months > 0 && b_rest < a_rest {
        months -= 1;
    } else if months < 0 && b_rest > a_rest {
        months += 1;
    }
    months
}

/// `yearsBetween`: whole years by the same rule.
pub fn years_between(start: &DateTime, end: &DateTime) -> i64 {
    months_between(start, end) / 12
}

// ------------------------------------------------------------- start/end dates

/// `toStartOfMonth`.
pub fn start_of_month(dt: &DateTime) -> DateTime {
    DateTime::from_date(dt.date().first_of_month())
}

/// `toStartOfWeek`: the Sunday on or before the date.
pub fn start_of_week(dt: &DateTime) -> Result<DateTime, DateError> {
    let back = i64::from(dt.date().weekday().to_sunday_zero_offset());
    Ok(DateTime::from_date(shift_date(dt.date(), -back)?))
}

fn add_months_to_date(date: Date, n: i64) -> Result<Date, DateError> {
    let span = Span::new().try_months(n).map_err(|_| DateError::Overflow)?;
    date.checked_add(span).map_err(|_| DateError::Overflow)
}

/// `eomonth`: last day of the month `n` months after the date's month.
pub fn eomonth(dt: &DateTime, n: i64) -> Result<DateTime, DateError> {
    let first = dt.date().first_of_month();
    Ok(DateTime::from_date(
        add_months_to_date(first, n)?.last_of_month(),
    ))
}

/// `edate`: the same day `n` months later, clamped to the month's end.
pub fn edate(dt: &DateTime, n: i64) -> Result<DateTime, DateError> {
    Ok(DateTime::from_date(add_months_to_date(dt.date(), n)?))
}

#[cfg(test)]
#[path = "calendar_tests.rs"]
mod tests;
