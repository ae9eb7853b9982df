//! The fields collected while parsing text with a format pattern, and the
//! cursor that reads them (used by `format::parse_with_pattern`).

use jiff::civil::{self, Date, Time};
use jiff::tz::{Offset, TimeZone};

use super::parse::resolve_two_digit_year;
use super::zone::{parse_offset, resolve_zone};
use super::{DAY_ABBR, DAY_FULL, MONTH_ABBR, MONTH_FULL};

/// Values read so far; absent fields take Java's defaults (1 Jan 1970,
/// midnight).
#[derive(Default)]
pub(super) struct Fields {
    year: Option<i32>,
    two_digit_year: bool,
    month: Option<i32>,
    day: Option<i32>,
    day_of_year: Option<i32>,
    hour24: Option<i32>,
    hour12: Option<i32>,
    pm: Option<bool>,
    minute: Option<i32>,
    second: Option<i32>,
    millis: Option<i32>,
    /// A zone or offset written in the text.
    pub(super) zone: Option<TimeZone>,
}

impl Fields {
    /// Reads one pattern letter run from the text. `abutting` means the next
    /// pattern element is also a number, so this one takes exactly `count`
    /// digits (Java's rule for patterns like `yyyyMMdd`).
    pub(super) fn read(
        &mut self,
        cur: &mut TextCursor<'_>,
        letter: u8,
        count: usize,
        abutting: bool,
    ) -> Option<()> {
        let width = if abutting { count } else { 0 };
        match letter {
            b'y' | b'Y' => {
                let (value, digits) = cur.number(width)?;
                self.year = Some(value);
                // Java: a two-letter (or shorter) year given as exactly two
                // digits uses the 80/20 window; anything else is literal.
                self.two_digit_year = count <= 2 && digits == 2;
            }
            b'M' if count >= 3 => self.month = Some(cur.either_name(&MONTH_FULL, &MONTH_ABBR)?),
            b'M' => self.month = Some(cur.number(width)?.0),
            b'd' => self.day = Some(cur.number(width)?.0),
            b'D' => self.day_of_year = Some(cur.number(width)?.0),
            b'E' => {
                cur.either_name(&DAY_FULL, &DAY_ABBR)?;
            }
            b'H' => self.hour24 = Some(cur.number(width)?.0),
            b'h' => self.hour12 = Some(cur.number(width)?.0),
            b'a' => self.pm = Some(cur.am_pm()?),
            b'm' => self.minute = Some(cur.number(width)?.0),
            b's' => self.second = Some(cur.number(width)?.0),
            b'S' => self.millis = Some(cur.number(width)?.0),
            b'z' => self.zone = Some(cur.zone_name()?),
            b'Z' | b'X' => self.zone = Some(TimeZone::fixed(cur.offset()?)),
            _ => return None,
        }
        Some(())
    }

    /// The wall time the fields describe, or `None` when a value is out of
    /// range (parsing is strict: 31 February is an error, not 3 March).
    pub(super) fn to_local(&self, today: Date) -> Option<civil::DateTime> {
        let date = self.date(today)?;
        let time = Time::new(
            i8::try_from(self.hour()?).ok()?,
            i8::try_from(self.minute.unwrap_or(0)).ok()?,
            i8::try_from(self.second.unwrap_or(0)).ok()?,
            self.millis.unwrap_or(0).checked_mul(1_000_000)?,
        )
        .ok()?;
        Some(date.to_datetime(time))
    }

    fn date(&self, today: Date) -> Option<Date> {
        let year = i16::try_from(self.year.unwrap_or(1970)).ok()?;
        if let (Some(doy), None, None) = (self.day_of_year, self.month, self.day) {
            let first = Date::new(year, 1, 1).ok()?;
            return first
                .with()
                .day_of_year(i16::try_from(doy).ok()?)
                .build()
                .ok();
        }
        let month = i8::try_from(self.month.unwrap_or(1)).ok()?;
        let day = i8::try_from(self.day.unwrap_or(1)).ok()?;
        if self.two_digit_year {
            return resolve_two_digit_year(year, month, day, today);
        }
        Date::new(year, month, day).ok()
    }

    /// The hour of day from `H`, or from `h` with `a`.
    fn hour(&self) -> Option<i32> {
        match (self.hour12, self.hour24) {
            (Some(h), _) => {
                if !(0..=12).contains(&h) {
                    return None;
                }
                let pm = self.pm.unwrap_or(false);
                Some(h % 12 + if pm { 12 } else { 0 })
            }
            (None, Some(h)) => Some(h),
            (None, None) => Some(if self.pm == Some(true) { 12 } else { 0 }),
        }
    }
}

/// A read position in the text being parsed.
pub(super) struct TextCursor<'t> {
    pub(super) text: &'t str,
    pub(super) pos: usize,
}

impl TextCursor<'_> {
    fn rest(&self) -> &str {
        self.text.get(self.pos..).unwrap_or("")
    }

    /// Consumes `lit` exactly.
    pub(super) fn literal(&mut self, lit: &str) -> Option<()> {
        if self.rest().starts_with(lit) {
            self.pos += lit.len();
            Some(())
        } else {
            None
        }
    }

    /// Digits: exactly `width` of them when `width > 0`, else 1–9 greedily.
    /// Returns the value and the number of digits read.
    fn number(&mut self, width: usize) -> Option<(i32, usize)> {
        let run = self
            .rest()
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count()
            .min(9);
        let take = if width > 0 { width } else { run };
        if take == 0 || take > run {
            return None;
        }
        let value = self.rest()[..take].parse().ok()?;
        self.pos += take;
        Some((value, take))
    }

    /// A name from `long` or `short`, case-insensitively, longest first;
    /// returns the 1-based index.
    fn either_name(&mut self, long: &[&str], short: &[&str]) -> Option<i32> {
        self.name(long).or_else(|| self.name(short))
    }

    fn name(&mut self, table: &[&str]) -> Option<i32> {
        let rest = self.rest().as_bytes();
        let index = table.iter().position(|name| {
            rest.get(..name.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(name.as_bytes()))
        })?;
        self.pos += table[index].len();
        i32::try_from(index + 1).ok()
    }

    fn am_pm(&mut self) -> Option<bool> {
        let pm = match self.rest().get(..2)?.to_ascii_uppercase().as_str() {
            "AM" => false,
            "PM" => true,
            _ => return None,
        };
        self.pos += 2;
        Some(pm)
    }

    /// `Z`, or `±HH`, `±HHMM`, `±HH:MM`.
    fn offset(&mut self) -> Option<Offset> {
        let rest = self.rest();
        if rest.starts_with(['Z', 'z']) {
            self.pos += 1;
            return Some(Offset::UTC);
        }
        // Longest offset-shaped prefix first: "+05:30", "+0530", "+05".
        let (len, offset) = [6, 5, 3]
            .iter()
            .find_map(|&len| Some((len, parse_offset(rest.get(..len)?)?)))?;
        self.pos += len;
        Some(offset)
    }

    /// A zone name (`IST`, `Asia/Kolkata`, `GMT+05:30`) or a bare offset.
    fn zone_name(&mut self) -> Option<TimeZone> {
        let rest = self.rest();
        let len = rest
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || b"/_+-:".contains(b))
            .count();
        // Try the whole run, then shorter prefixes, so "IST)" or "UTC-" work.
        let (n, zone) = (1..=len)
            .rev()
            .find_map(|n| Some((n, resolve_zone(rest.get(..n)?)?)))?;
        self.pos += n;
        Some(zone)
    }
}
