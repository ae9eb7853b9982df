//! Parsing date-time text without a pattern (language reference §5.6.2).
//!
//! This runs for every single-quoted literal when a script is loaded and for
//! every comparison of text with a date-time, so it works on bytes with a
//! fixed table of formats: no regex, no allocation.

use jiff::civil::{Date, Time};
use jiff::tz::{Offset, TimeZone};

use super::{DAY_ABBR, DateTime, MONTH_ABBR, MONTH_FULL};

/// One element of a date format (Java `SimpleDateFormat` letters).
#[derive(Clone, Copy, Debug)]
enum Tok {
    /// `dd`: 1–2 digits.
    Day,
    /// `MM`: 1–2 digits.
    Month,
    /// `MMM`: 3-letter English month name.
    MonAbbr,
    /// `MMMM`: full English month name.
    MonFull,
    /// `yy`: exactly 2 digits, resolved with the 80/20 window.
    Year2,
    /// `yyyy`: exactly 4 digits.
    Year4,
    /// `E`: 3-letter day name, checked but ignored.
    DayName,
    /// `,` followed by any amount of whitespace.
    Comma,
    /// A literal separator byte.
    Lit(u8),
}

use Tok::{Comma, Day, DayName, MonAbbr, MonFull, Month, Year2, Year4};

const DASH: Tok = Tok::Lit(b'-');
const SLASH: Tok = Tok::Lit(b'/');
const DOT: Tok = Tok::Lit(b'.');
const SP: Tok = Tok::Lit(b' ');

/// The 41 documented formats in trial order: the left column of the table,
/// then the right column, then the last two rows.
const FORMATS: [&[Tok]; 41] = [
    // Left column.
    &[Day, DASH, MonAbbr, DASH, Year2],
    &[Day, DASH, MonAbbr, DASH, Year4],
    &[Day, DASH, MonFull, DASH, Year2],
    &[Day, DASH, MonFull, DASH, Year4],
    &[Month, DASH, Day, DASH, Year2],
    &[Year2, DASH, Month, DASH, Day],
    &[Day, DASH, Month, DASH, Year2],
    &[Day, DASH, Month, DASH, Year4],
    &[Month, DASH, Day, DASH, Year4],
    &[Year4, DASH, Month, DASH, Day],
    &[Year2, SLASH, Month, SLASH, Day],
    &[Day, SLASH, Month, SLASH, Year2],
    &[Month, SLASH, Day, SLASH, Year2],
    &[Year4, SLASH, Month, SLASH, Day],
    &[Month, SLASH, Day, SLASH, Year4],
    &[Day, SLASH, Month, SLASH, Year4],
    &[Day, DOT, Month, DOT, Year2],
    &[Month, DOT, Day, DOT, Year2],
    &[Year2, DOT, Month, DOT, Day],
    // Right column.
    &[Day, SP, MonAbbr, Comma, Year2],
    &[MonAbbr, SP, Day, Comma, Year2],
    &[Day, SP, MonAbbr, Comma, Year4],
    &[MonAbbr, SP, Day, Comma, Year4],
    &[Day, SP, MonFull, Comma, Year2],
    &[MonFull, SP, Day, Comma, Year2],
    &[Day, SP, MonFull, Comma, Year4],
    &[MonFull, SP, Day, Comma, Year4],
    &[DayName, Comma, MonFull, SP, Day, Comma, Year4],
    &[DayName, Comma, MonAbbr, SP, Day, Comma, Year4],
    &[MonAbbr, SP, Day, SP, Year2],
    &[Day, SP, MonAbbr, SP, Year2],
    &[MonAbbr, SP, Day, SP, Year4],
    &[Day, SP, MonAbbr, SP, Year4],
    &[MonFull, SP, Day, SP, Year2],
    &[Day, SP, MonFull, SP, Year2],
    &[Day, SP, MonFull, SP, Year4],
    &[MonFull, SP, Day, SP, Year4],
    &[Day, SP, Month, SP, Year4],
    // Last two rows.
    &[Day, DOT, Month, DOT, Year4],
    &[Month, DOT, Day, DOT, Year4],
    &[Year4, DOT, Month, DOT, Day],
];

/// A parser of date-time text as of the instant `now` in `zone` (which fixes
/// today's date for two-digit years): what lowering needs to classify
/// single-quoted literals, and what parameter conversions use.
pub fn parser_as_of(
    now: jiff::Timestamp,
    zone: &TimeZone,
) -> impl Fn(&str) -> Option<DateTime> + use<> {
    let today = zone.to_datetime(now).date();
    let zone = zone.clone();
    move |text| parse_text(text, today, &zone)
}

/// Parses `text` as a date-time, or `None` when no format matches with valid
/// values. `today` anchors the two-digit-year window; `host` receives
/// instants written with an explicit offset.
pub fn parse_text(text: &str, today: Date, host: &TimeZone) -> Option<DateTime> {
    let bytes = text.as_bytes();
    FORMATS
        .iter()
        .find_map(|format| parse_with_format(format, bytes, today, host))
}

/// Tries one format: the date must match it, and what follows must be empty
/// or a valid time part.
fn parse_with_format(
    format: &[Tok],
    bytes: &[u8],
    today: Date,
    host: &TimeZone,
) -> Option<DateTime> {
    let mut cur = Cursor { bytes, pos: 0 };
    let fields = match_date(format, &mut cur)?;
    let date = fields.resolve(today)?;
    let rest = &bytes[cur.pos..];
    if rest.is_empty() {
        return Some(DateTime::from_date(date));
    }
    let time = parse_time_part(rest)?;
    let local = date.to_datetime(time.time);
    match time.offset {
        None => Some(DateTime::from_local(local)),
        Some(offset) => {
            let instant = offset.to_timestamp(local).ok()?;
            Some(DateTime::from_timestamp(instant, host))
        }
    }
}

/// Date fields as read, before the year window and validity check.
struct DateFields {
    year: i16,
    two_digit_year: bool,
    month: i8,
    day: i8,
}

impl DateFields {
    /// Applies the two-digit-year window and checks that the date exists.
    fn resolve(&self, today: Date) -> Option<Date> {
        if !self.two_digit_year {
            return Date::new(self.year, self.month, self.day).ok();
        }
        resolve_two_digit_year(self.year, self.month, self.day, today)
    }
}

/// Java's rule: a two-digit year falls in the 100 years that start 80 years
/// before `today`.
pub(crate) fn resolve_two_digit_year(yy: i16, month: i8, day: i8, today: Date) -> Option<Date> {
    let start = today.saturating_sub(jiff::Span::new().years(80));
    let century = start.year() - start.year().rem_euclid(100);
    let mut year = century + yy;
    if year < start.year() {
        year += 100;
    }
    let date = Date::new(year, month, day).ok()?;
    if date < start {
        // Same year as the window start but earlier in it: the next century.
        return Date::new(year + 100, month, day).ok();
    }
    Some(date)
}

fn match_date(format: &[Tok], cur: &mut Cursor<'_>) -> Option<DateFields> {
    let mut fields = DateFields {
        year: 0,
        two_digit_year: false,
        month: 0,
        day: 0,
    };
    for tok in format {
        match *tok {
            Tok::Day => fields.day = i8::try_from(cur.digits(1, 2)?).ok()?,
            Tok::Month => fields.month = i8::try_from(cur.digits(1, 2)?).ok()?,
            Tok::MonAbbr => fields.month = cur.name(&MONTH_ABBR)?,
            Tok::MonFull => fields.month = cur.name(&MONTH_FULL)?,
            Tok::Year2 => {
                fields.year = i16::try_from(cur.digits(2, 2)?).ok()?;
                fields.two_digit_year = true;
            }
            Tok::Year4 => fields.year = i16::try_from(cur.digits(4, 4)?).ok()?,
            Tok::DayName => {
                cur.name(&DAY_ABBR)?;
            }
            Tok::Comma => {
                cur.byte(b',')?;
                cur.skip_whitespace();
            }
            Tok::Lit(b) => cur.byte(b)?,
        }
    }
    Some(fields)
}

/// The time of day and the offset it was written with, if any.
struct TimePart {
    time: Time,
    offset: Option<Offset>,
}

/// Parses ` HH:mm[:ss][.SSS][ AM|PM][offset]` (leading spaces or one `T`).
fn parse_time_part(rest: &[u8]) -> Option<TimePart> {
    let mut cur = Cursor {
        bytes: rest,
        pos: 0,
    };
    if cur.peek() == Some(b'T') {
        cur.pos += 1;
    } else if cur.skip_spaces() == 0 {
        return None;
    }
    let mut hour = cur.digits(1, 2)?;
    cur.byte(b':')?;
    let minute = cur.digits(2, 2)?;
    let mut second = 0;
    let mut nanos = 0;
    if cur.peek() == Some(b':') {
        cur.pos += 1;
        second = cur.digits(2, 2)?;
        if cur.peek() == Some(b'.') {
            cur.pos += 1;
            nanos = cur.fraction_as_millis()? * 1_000_000;
        }
    }
    if let Some(pm) = cur.am_pm() {
        if !(1..=12).contains(&hour) {
            return None;
        }
        hour = hour % 12 + if pm { 12 } else { 0 };
    }
    let offset = cur.offset();
    if cur.pos != rest.len() {
        return None;
    }
    let time = Time::new(
        i8::try_from(hour).ok()?,
        i8::try_from(minute).ok()?,
        i8::try_from(second).ok()?,
        i32::try_from(nanos).ok()?,
    )
    .ok()?;
    Some(TimePart { time, offset })
}

/// A read position over ASCII-oriented input.
struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn byte(&mut self, expected: u8) -> Option<()> {
        if self.peek() == Some(expected) {
            self.pos += 1;
            Some(())
        } else {
            None
        }
    }

    /// A whole run of digits whose length is within `min..=max`; a longer run
    /// fails instead of being split, so `1947` is never read as `yy`.
    fn digits(&mut self, min: usize, max: usize) -> Option<u32> {
        let run = self.bytes[self.pos..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if run < min || run > max {
            return None;
        }
        let value = self.bytes[self.pos..self.pos + run]
            .iter()
            .fold(0u32, |acc, b| acc * 10 + u32::from(b - b'0'));
        self.pos += run;
        Some(value)
    }

    /// Fractional seconds: 1–9 digits, truncated to milliseconds.
    fn fraction_as_millis(&mut self) -> Option<u32> {
        let start = self.pos;
        let run = self.bytes[start..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if run == 0 || run > 9 {
            return None;
        }
        self.pos += run;
        let millis = self.bytes[start..start + run.min(3)]
            .iter()
            .fold(0u32, |acc, b| acc * 10 + u32::from(b - b'0'));
        // Scale "5" (= .5 s) and "12" (= .12 s) up to milliseconds.
        Some(millis * 10u32.pow(3u32.saturating_sub(run as u32)))
    }

    /// A name from `table`, case-insensitively; returns its 1-based index.
    fn name(&mut self, table: &[&str]) -> Option<i8> {
        let rest = &self.bytes[self.pos..];
        let index = table.iter().position(|name| {
            rest.len() >= name.len() && rest[..name.len()].eq_ignore_ascii_case(name.as_bytes())
        })?;
        self.pos += table[index].len();
        i8::try_from(index + 1).ok()
    }

    fn skip_whitespace(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_whitespace()) {
            self.pos += 1;
        }
    }

    fn skip_spaces(&mut self) -> usize {
        let start = self.pos;
        while self.peek() == Some(b' ') {
            self.pos += 1;
        }
        self.pos - start
    }

    /// An optional `AM`/`PM` marker, possibly after spaces; `Some(true)` for PM.
    fn am_pm(&mut self) -> Option<bool> {
        let save = self.pos;
        self.skip_spaces();
        let rest = &self.bytes[self.pos..];
        if rest.len() >= 2 && rest[1].eq_ignore_ascii_case(&b'm') {
            let pm = match rest[0].to_ascii_lowercase() {
                b'a' => Some(false),
                b'p' => Some(true),
                _ => None,
            };
            if pm.is_some() {
                self.pos += 2;
                return pm;
            }
        }
        self.pos = save;
        None
    }

    /// An optional `Z`, `±HH:MM` or `±HHMM`, possibly after spaces.
    fn offset(&mut self) -> Option<Offset> {
        let save = self.pos;
        self.skip_spaces();
        let parsed = self.offset_body();
        if parsed.is_none() {
            self.pos = save;
        }
        parsed
    }

    fn offset_body(&mut self) -> Option<Offset> {
        let sign = match self.peek()? {
            b'Z' => {
                self.pos += 1;
                return Some(Offset::UTC);
            }
            b'+' => 1,
            b'-' => -1,
            _ => return None,
        };
        self.pos += 1;
        let hours = self.fixed_digits(2)?;
        if self.peek() == Some(b':') {
            self.pos += 1;
        }
        let minutes = self.fixed_digits(2)?;
        if hours > 18 || minutes > 59 {
            return None;
        }
        let seconds = i32::try_from(hours * 3600 + minutes * 60).ok()?;
        Offset::from_seconds(sign * seconds).ok()
    }

    /// Exactly `n` digits, without looking at what follows.
    fn fixed_digits(&mut self, n: usize) -> Option<u32> {
        let slice = self.bytes.get(self.pos..self.pos + n)?;
        if !slice.iter().all(u8::is_ascii_digit) {
            return None;
        }
        self.pos += n;
        Some(
            slice
                .iter()
                .fold(0, |acc, b| acc * 10 + u32::from(b - b'0')),
        )
    }
}

#[cfg(test)]
#[path = "parse_tests.rs"]
mod tests;
