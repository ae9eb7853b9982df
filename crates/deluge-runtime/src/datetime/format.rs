//! Date-time format patterns (built-ins reference §7.3): formatting with
//! `toString(format [, zone])` and parsing with `toDate(format)` /
//! `toTime(format [, zone])`. Letters follow Java's `SimpleDateFormat`; only
//! the documented subset is accepted.

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::{Offset, TimeZone};

use super::calendar::week_year;
use super::fields::{Fields, TextCursor};
use super::{DAY_ABBR, DAY_FULL, DateError, DateTime, MONTH_ABBR, MONTH_FULL};
use super::{month_index, weekday_index};

/// One element of a tokenised pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Piece<'p> {
    /// A run of one pattern letter and its length (`yyyy` → `('y', 4)`).
    Letter(u8, usize),
    /// Text copied as is: unquoted non-letters or the inside of quotes.
    Text(&'p str),
    /// One `'`, written `''` in the pattern.
    Quote,
}

/// Whether a `toString` argument is a date pattern rather than a number
/// pattern: it has an ASCII letter outside quotes (built-ins §3.2).
pub fn is_date_pattern(pattern: &str) -> bool {
    let mut quoted = false;
    pattern.bytes().any(|b| {
        if b == b'\'' {
            quoted = !quoted;
        }
        !quoted && b.is_ascii_alphabetic()
    })
}

/// Formats `dt` (a wall time in `host`) with `pattern`. With `target`, the
/// instant is first converted to that zone's wall time, and the zone letters
/// describe `target`.
pub fn format(
    dt: &DateTime,
    pattern: &str,
    host: &TimeZone,
    target: Option<&TimeZone>,
) -> Result<String, DateError> {
    let pieces = tokenize(pattern)?;
    let zone = target.unwrap_or(host);
    let instant = match target {
        Some(_) => Some(dt.to_timestamp(host)?),
        None => None,
    };
    let local = match (target, instant) {
        (Some(tz), Some(ts)) => tz.to_datetime(ts),
        _ => dt.local,
    };
    let mut ctx = FormatCtx {
        local,
        zone,
        instant,
        dt,
        host,
    };
    let mut out = String::with_capacity(pattern.len() + 8);
    for piece in pieces {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Quote => out.push('\''),
            Piece::Letter(letter, count) => ctx.letter(&mut out, letter, count, pattern)?,
        }
    }
    Ok(out)
}

/// What the letters of one `format` call read from.
struct FormatCtx<'a> {
    local: jiff::civil::DateTime,
    zone: &'a TimeZone,
    /// Computed on first use by a zone letter.
    instant: Option<Timestamp>,
    dt: &'a DateTime,
    host: &'a TimeZone,
}

impl FormatCtx<'_> {
    fn letter(
        &mut self,
        out: &mut String,
        letter: u8,
        count: usize,
        pattern: &str,
    ) -> Result<(), DateError> {
        let l = self.local;
        match letter {
            b'y' => push_year(out, i32::from(l.year()), count),
            b'Y' => push_year(out, i32::from(week_year(l.date())), count),
            b'M' if count >= 4 => out.push_str(MONTH_FULL[month_index(l.month())]),
            b'M' if count == 3 => out.push_str(MONTH_ABBR[month_index(l.month())]),
            b'M' => push_num(out, i32::from(l.month()), count),
            b'd' => push_num(out, i32::from(l.day()), count),
            b'E' if count >= 4 => out.push_str(DAY_FULL[weekday_index(l.weekday())]),
            b'E' => out.push_str(DAY_ABBR[weekday_index(l.weekday())]),
            b'H' => push_num(out, i32::from(l.hour()), count),
            b'h' => push_num(out, hour12(l.hour()), count),
            b'a' => out.push_str(if l.hour() < 12 { "AM" } else { "PM" }),
            b'm' => push_num(out, i32::from(l.minute()), count),
            b's' => push_num(out, i32::from(l.second()), count),
            b'S' => push_num(out, i32::from(l.millisecond()), count),
            b'D' => push_num(out, i32::from(l.day_of_year()), count),
            b'z' => self.push_zone_name(out)?,
            b'Z' => push_offset(out, self.offset()?, false),
            b'X' => self.push_iso_offset(out, count, pattern)?,
            _ => return Err(DateError::InvalidFormat(pattern.to_string())),
        }
        Ok(())
    }

    fn timestamp(&mut self) -> Result<Timestamp, DateError> {
        if let Some(ts) = self.instant {
            return Ok(ts);
        }
        let ts = self.dt.to_timestamp(self.host)?;
        self.instant = Some(ts);
        Ok(ts)
    }

    fn offset(&mut self) -> Result<Offset, DateError> {
        let ts = self.timestamp()?;
        Ok(self.zone.to_offset(ts))
    }

    /// `z`: the zone's abbreviation; fixed offsets print as Java does,
    /// `GMT+05:30`.
    fn push_zone_name(&mut self, out: &mut String) -> Result<(), DateError> {
        let ts = self.timestamp()?;
        if self.zone.iana_name().is_none() {
            let offset = self.zone.to_offset(ts);
            if offset.is_zero() {
                out.push_str("UTC");
            } else {
                out.push_str("GMT");
                push_offset(out, offset, true);
            }
            return Ok(());
        }
        out.push_str(self.zone.to_offset_info(ts).abbreviation());
        Ok(())
    }

    /// `X`, `XX`, `XXX`: ISO 8601 offsets, `Z` for zero.
    fn push_iso_offset(
        &mut self,
        out: &mut String,
        count: usize,
        pattern: &str,
    ) -> Result<(), DateError> {
        if count > 3 {
            return Err(DateError::InvalidFormat(pattern.to_string()));
        }
        let offset = self.offset()?;
        if offset.is_zero() {
            out.push('Z');
            return Ok(());
        }
        let start = out.len();
        push_offset(out, offset, count == 3);
        if count == 1 {
            // `+hh` only: drop the minutes.
            out.truncate(start + 3);
        }
        Ok(())
    }
}

fn hour12(hour: i8) -> i32 {
    match i32::from(hour) % 12 {
        0 => 12,
        h => h,
    }
}

/// `yy` is the last two digits; any other count pads to that width.
fn push_year(out: &mut String, year: i32, count: usize) {
    if count == 2 {
        push_num(out, year.rem_euclid(100), 2);
    } else {
        push_num(out, year, count);
    }
}

fn push_num(out: &mut String, value: i32, width: usize) {
    use std::fmt::Write;
    // Writing to a String cannot fail.
    let _ = write!(out, "{value:0width$}");
}

/// `+hhmm`, or `+hh:mm` with `colon`.
fn push_offset(out: &mut String, offset: Offset, colon: bool) {
    let total = offset.seconds();
    out.push(if total < 0 { '-' } else { '+' });
    let minutes = total.abs() / 60;
    push_num(out, minutes / 60, 2);
    if colon {
        out.push(':');
    }
    push_num(out, minutes % 60, 2);
}

/// Splits a pattern into letters, literal text and quotes. An unterminated
/// quote is an invalid format, as in Java.
fn tokenize(pattern: &str) -> Result<Vec<Piece<'_>>, DateError> {
    let bytes = pattern.as_bytes();
    let mut pieces = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\'' {
            i = quoted(pattern, i, &mut pieces)?;
        } else if b.is_ascii_alphabetic() {
            let run = bytes[i..].iter().take_while(|&&c| c == b).count();
            pieces.push(Piece::Letter(b, run));
            i += run;
        } else {
            let run = bytes[i..]
                .iter()
                .take_while(|&&c| c != b'\'' && !c.is_ascii_alphabetic())
                .count();
            // Both ends are at ASCII bytes (or the end), so this is a char
            // boundary slice.
            pieces.push(Piece::Text(&pattern[i..i + run]));
            i += run;
        }
    }
    Ok(pieces)
}

/// Reads a quote starting at `start`: `''` or a quoted section with `''`
/// escapes inside. Returns the index after it.
fn quoted<'p>(
    pattern: &'p str,
    start: usize,
    pieces: &mut Vec<Piece<'p>>,
) -> Result<usize, DateError> {
    let bytes = pattern.as_bytes();
    if bytes.get(start + 1) == Some(&b'\'') {
        pieces.push(Piece::Quote);
        return Ok(start + 2);
    }
    let mut from = start + 1;
    loop {
        let Some(close) = bytes[from..].iter().position(|&c| c == b'\'') else {
            return Err(DateError::InvalidFormat(pattern.to_string()));
        };
        let close = from + close;
        if close > from {
            pieces.push(Piece::Text(&pattern[from..close]));
        }
        if bytes.get(close + 1) == Some(&b'\'') {
            pieces.push(Piece::Quote);
            from = close + 2;
        } else {
            return Ok(close + 1);
        }
    }
}

/// Parses `text` with `pattern`. The pattern must match the beginning of the
/// text; anything after it is ignored. The fields are a wall time in the
/// zone written in the text (`z`, `Z`, `X`), else in `zone_of_text`, else in
/// `host`; the result is the host wall time of that instant, with a time part.
pub fn parse_with_pattern(
    text: &str,
    pattern: &str,
    today: Date,
    zone_of_text: Option<&TimeZone>,
    host: &TimeZone,
) -> Result<DateTime, DateError> {
    let pieces = tokenize(pattern)?;
    // A bad pattern is reported as such whatever the text is.
    if pieces
        .iter()
        .any(|p| matches!(p, Piece::Letter(l, _) if !is_known_letter(*l)))
    {
        return Err(DateError::InvalidFormat(pattern.to_string()));
    }
    let invalid = || DateError::InvalidValue(text.to_string());
    let mut fields = Fields::default();
    let mut cur = TextCursor { text, pos: 0 };
    for (k, piece) in pieces.iter().enumerate() {
        let abutting = matches!(pieces.get(k + 1), Some(Piece::Letter(c, n)) if is_numeric(*c, *n));
        match *piece {
            Piece::Text(lit) => cur.literal(lit).ok_or_else(invalid)?,
            Piece::Quote => cur.literal("'").ok_or_else(invalid)?,
            Piece::Letter(letter, count) => {
                fields
                    .read(&mut cur, letter, count, abutting)
                    .ok_or_else(invalid)?;
            }
        }
    }
    let local = fields.to_local(today).ok_or_else(invalid)?;
    let zone = fields.zone.as_ref().or(zone_of_text);
    match zone {
        None => Ok(DateTime::from_local(local)),
        Some(zone) => {
            let ts = zone
                .to_ambiguous_timestamp(local)
                .compatible()
                .map_err(|_| invalid())?;
            Ok(DateTime::from_timestamp(ts, host))
        }
    }
}

fn is_known_letter(letter: u8) -> bool {
    b"yYMdEHhamsSDzZX".contains(&letter)
}

fn is_numeric(letter: u8, count: usize) -> bool {
    b"yYdHhmsSD".contains(&letter) || (letter == b'M' && count <= 2)
}

#[cfg(test)]
#[path = "format_tests.rs"]
mod tests;
