//! What a built-in may use besides its arguments: the host (clock, zone,
//! `openUrl`), the run's date context and the compiled-regex cache.

use crate::datetime::DateTime;
use crate::error::{RtError, RtResult};
use crate::host::Host;
use deluge_syntax::codes;
use jiff::tz::TimeZone;
use regex::Regex;
use rustc_hash::FxHashMap;
use std::rc::Rc;

/// Compiled regular expressions by pattern (one map per case mode), so a
/// `replaceAll` in a loop compiles its pattern once and a hit allocates
/// nothing.
#[derive(Default)]
pub struct RegexCache {
    case_sensitive: FxHashMap<String, Rc<Regex>>,
    ignore_case: FxHashMap<String, Rc<Regex>>,
}

/// Patterns that Java accepts but a linear-time engine cannot run
/// (back-references, look-around) are rejected up front (builtins §0.4).
fn unsupported_regex(pattern: &str) -> bool {
    ["(?=", "(?!", "(?<=", "(?<!"]
        .iter()
        .any(|p| pattern.contains(p))
        || pattern
            .as_bytes()
            .windows(2)
            .any(|w| w[0] == b'\\' && w[1].is_ascii_digit() && w[1] != b'0')
}

impl RegexCache {
    pub fn get(&mut self, pattern: &str, ignore_case: bool) -> RtResult<Rc<Regex>> {
        let compiled = if ignore_case {
            &mut self.ignore_case
        } else {
            &mut self.case_sensitive
        };
        if let Some(re) = compiled.get(pattern) {
            return Ok(re.clone());
        }
        let invalid = || {
            RtError::new(
                codes::INVALID_REGEX,
                format!("Invalid regular expression '{pattern}'"),
            )
        };
        if unsupported_regex(pattern) {
            return Err(invalid());
        }
        let re = regex::RegexBuilder::new(pattern)
            .case_insensitive(ignore_case)
            .build()
            .map_err(|_| invalid())?;
        let re = Rc::new(re);
        // A script that builds patterns dynamically must not grow the cache
        // without bound.
        if compiled.len() > 256 {
            compiled.clear();
        }
        compiled.insert(pattern.to_string(), re.clone());
        Ok(re)
    }
}

pub struct Ctx<'a> {
    pub host: &'a mut dyn Host,
    pub regex: &'a mut RegexCache,
    /// Today's date in the host zone, fixed when the run starts (for the
    /// two-digit-year window of date parsing).
    pub today: jiff::civil::Date,
}

impl Ctx<'_> {
    pub fn zone(&self) -> TimeZone {
        self.host.time_zone().clone()
    }

    /// The current date-time in the host zone (`now`).
    pub fn now(&self) -> DateTime {
        let local = self.host.time_zone().to_datetime(self.host.now());
        DateTime {
            local,
            date_only: false,
        }
    }

    /// Today's date (`today`, date-only).
    pub fn today(&self) -> DateTime {
        DateTime {
            local: self.today.to_datetime(jiff::civil::Time::midnight()),
            date_only: true,
        }
    }

    /// Parses date-time text with the rules of language §5.6.2.
    pub fn parse_date(&self, text: &str) -> Option<DateTime> {
        crate::datetime::parse::parse_text(text, self.today, self.host.time_zone())
    }
}
