//! The DATE-TIME model of the language (language reference §5.6) and the pure
//! functions the evaluator's date-time built-ins are made of.
//!
//! Nothing here knows about interpreter values: every function takes and
//! returns plain Rust or `jiff` types, so it can be tested on its own.
//!
//! A [`DateTime`] is a *local* wall-clock time in the host zone. The host zone
//! is passed explicitly wherever an instant is needed (epoch numbers, zone
//! conversion, offsets in parsed text), because the runtime has no clock or
//! zone of its own.

pub mod calendar;
mod fields;
pub mod format;
pub mod parse;
pub mod zone;

use std::cmp::Ordering;
use std::fmt;

use jiff::civil;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

pub use format::{format, is_date_pattern, parse_with_pattern};
pub use parse::parse_text;
pub use zone::resolve_zone;

/// English month abbreviations, as printed by the default text form.
pub const MONTH_ABBR: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// English month names for `MMMM`.
pub const MONTH_FULL: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// English day abbreviations, Sunday first (Deluge numbers days from Sunday).
pub const DAY_ABBR: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/// English day names, Sunday first.
pub const DAY_FULL: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

/// Failures of the date-time layer. `Display` gives the runtime error message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Text that is not a date-time (or does not match a pattern).
    InvalidValue(String),
    /// A format pattern with an unsupported letter or an unterminated quote.
    InvalidFormat(String),
    /// A zone name that `resolve_zone` does not know; the evaluator reports it
    /// as an invalid-arguments error naming the function.
    InvalidZone(String),
    /// A result outside the supported range (years -9999 ..= 9999).
    Overflow,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::InvalidValue(text) => write!(f, "Invalid date-time value '{text}'"),
            DateError::InvalidFormat(pattern) => {
                write!(f, "Invalid date-time format '{pattern}'")
            }
            DateError::InvalidZone(name) => write!(f, "Invalid time zone '{name}'"),
            DateError::Overflow => f.write_str("Date-time value out of range"),
        }
    }
}

impl std::error::Error for DateError {}

/// A DATETIME value: local wall time in the host zone plus the date-only flag
/// that decides whether the text form shows the time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DateTime {
    /// Wall-clock time in the host zone; sub-second precision is milliseconds.
    pub local: civil::DateTime,
    /// Set for values written or produced without a time of day.
    pub date_only: bool,
}

impl DateTime {
    /// A value with an explicit flag. Sub-millisecond digits are dropped so
    /// that every value keeps the model's millisecond precision.
    pub fn new(local: civil::DateTime, date_only: bool) -> DateTime {
        let local = truncate_to_millis(local);
        if date_only {
            DateTime::from_date(local.date())
        } else {
            DateTime {
                local,
                date_only: false,
            }
        }
    }

    /// A date-only value at midnight.
    pub fn from_date(date: civil::Date) -> DateTime {
        DateTime {
            local: date.to_datetime(civil::Time::midnight()),
            date_only: true,
        }
    }

    /// A value with a time part (prints with the time even at midnight).
    pub fn from_local(local: civil::DateTime) -> DateTime {
        DateTime::new(local, false)
    }

    /// Convenience constructor; `None` when the fields do not form a valid
    /// date-time.
    pub fn from_parts(
        year: i16,
        month: i8,
        day: i8,
        hour: i8,
        minute: i8,
        second: i8,
    ) -> Option<DateTime> {
        let local = civil::DateTime::new(year, month, day, hour, minute, second, 0).ok()?;
        Some(DateTime::from_local(local))
    }

    /// The calendar date.
    pub fn date(&self) -> civil::Date {
        self.local.date()
    }

    /// `toDate()`: drops the time and sets the date-only flag.
    pub fn to_date(self) -> DateTime {
        DateTime::from_date(self.local.date())
    }

    /// `toTime()`: same wall time, printed with the time.
    pub fn to_time(self) -> DateTime {
        DateTime {
            local: self.local,
            date_only: false,
        }
    }

    /// The default text form (language §5.8.1): `dd-MMM-yyyy` or
    /// `dd-MMM-yyyy HH:mm:ss`.
    pub fn display(&self) -> String {
        self.to_string()
    }

    /// Orders two values by their wall time; the date-only flag does not take
    /// part (a date-only value is midnight of its day).
    pub fn compare(&self, other: &DateTime) -> Ordering {
        self.local.cmp(&other.local)
    }

    /// Equality of the moments, ignoring the date-only flag, as `==` needs.
    pub fn same_moment(&self, other: &DateTime) -> bool {
        self.local == other.local
    }

    /// The instant this wall time denotes in `host`. A wall time skipped by a
    /// DST gap is taken as the later offset ("compatible" disambiguation, as
    /// Java's calendar does).
    pub fn to_timestamp(&self, host: &TimeZone) -> Result<Timestamp, DateError> {
        host.to_ambiguous_timestamp(self.local)
            .compatible()
            .map_err(|_| DateError::Overflow)
    }

    /// The wall time of an instant in `host`; always carries a time part.
    pub fn from_timestamp(ts: Timestamp, host: &TimeZone) -> DateTime {
        DateTime::from_local(host.to_datetime(ts))
    }

    /// `unixEpoch()` / `toLong()`: milliseconds since 1970-01-01T00:00:00Z.
    pub fn to_epoch_millis(&self, host: &TimeZone) -> Result<i64, DateError> {
        Ok(self.to_timestamp(host)?.as_millisecond())
    }

    /// A NUMBER used as a date-time: milliseconds since the epoch.
    pub fn from_epoch_millis(millis: i64, host: &TimeZone) -> Result<DateTime, DateError> {
        let ts = Timestamp::from_millisecond(millis).map_err(|_| DateError::Overflow)?;
        Ok(DateTime::from_timestamp(ts, host))
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let l = self.local;
        let month = MONTH_ABBR[month_index(l.month())];
        write!(f, "{:02}-{}-{:04}", l.day(), month, l.year())?;
        if !self.date_only {
            write!(f, " {:02}:{:02}:{:02}", l.hour(), l.minute(), l.second())?;
        }
        Ok(())
    }
}

/// Index into the month tables for a jiff month (1–12).
pub(crate) fn month_index(month: i8) -> usize {
    usize::try_from(month - 1).unwrap_or(0).min(11)
}

/// Index into the day tables: 0 = Sunday.
pub(crate) fn weekday_index(weekday: jiff::civil::Weekday) -> usize {
    usize::try_from(weekday.to_sunday_zero_offset()).unwrap_or(0)
}

/// Drops sub-millisecond digits; values carry milliseconds at most.
fn truncate_to_millis(local: civil::DateTime) -> civil::DateTime {
    let extra = local.subsec_nanosecond() % 1_000_000;
    if extra == 0 {
        return local;
    }
    local
        .checked_sub(SignedDuration::from_nanos(i64::from(extra)))
        .unwrap_or(local)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn display_date_only_and_with_time() {
        let d = DateTime::from_date(date(2026, 2, 5));
        assert_eq!(d.display(), "05-Feb-2026");
        let t = DateTime::from_parts(2020, 12, 9, 17, 25, 24).unwrap();
        assert_eq!(t.display(), "09-Dec-2020 17:25:24");
        assert_eq!(d.to_time().display(), "05-Feb-2026 00:00:00");
        assert_eq!(t.to_date().display(), "09-Dec-2020");
    }

    #[test]
    fn new_with_date_only_flag_drops_the_time() {
        let l = date(2020, 1, 1).at(10, 0, 0, 0);
        let d = DateTime::new(l, true);
        assert_eq!(d.local, date(2020, 1, 1).at(0, 0, 0, 0));
        assert!(d.date_only);
    }

    #[test]
    fn millisecond_precision_is_kept_and_nanos_dropped() {
        let l = date(2020, 1, 1).at(0, 0, 0, 123_456_789);
        assert_eq!(
            DateTime::from_local(l).local.subsec_nanosecond(),
            123_000_000
        );
    }

    #[test]
    fn epoch_millis_in_utc_and_other_zones() {
        let d = DateTime::from_date(date(1970, 1, 2));
        assert_eq!(d.to_epoch_millis(&TimeZone::UTC).unwrap(), 86_400_000);
        let kolkata = TimeZone::get("Asia/Kolkata").unwrap();
        assert_eq!(
            d.to_epoch_millis(&kolkata).unwrap(),
            86_400_000 - 5 * 3_600_000 - 30 * 60_000
        );
        let back = DateTime::from_epoch_millis(86_400_123, &TimeZone::UTC).unwrap();
        assert_eq!(back.local, date(1970, 1, 2).at(0, 0, 0, 123_000_000));
        assert!(!back.date_only);
        assert_eq!(
            DateTime::from_epoch_millis(i64::MAX, &TimeZone::UTC),
            Err(DateError::Overflow)
        );
    }

    #[test]
    fn a_wall_time_in_a_dst_gap_takes_the_later_offset() {
        let ny = TimeZone::get("America/New_York").unwrap();
        let gap = DateTime::from_local(date(2020, 3, 8).at(2, 30, 0, 0));
        let ts = gap.to_timestamp(&ny).unwrap();
        assert_eq!(ts.to_string(), "2020-03-08T07:30:00Z");
        assert_eq!(
            DateTime::from_timestamp(ts, &ny).display(),
            "08-Mar-2020 03:30:00"
        );
    }

    #[test]
    fn comparison_ignores_the_flag() {
        let a = DateTime::from_date(date(2020, 1, 1));
        let b = a.to_time();
        assert!(a.same_moment(&b));
        assert_eq!(a.compare(&b), Ordering::Equal);
        let c = DateTime::from_parts(2020, 1, 1, 0, 0, 1).unwrap();
        assert_eq!(a.compare(&c), Ordering::Less);
    }

    #[test]
    fn error_messages() {
        assert_eq!(
            DateError::InvalidValue("hello".into()).to_string(),
            "Invalid date-time value 'hello'"
        );
        assert_eq!(
            DateError::InvalidFormat("yyyy-qq".into()).to_string(),
            "Invalid date-time format 'yyyy-qq'"
        );
    }
}
