//! Time-zone names accepted by `toString(format, zone)` and `toTime(format,
//! zone)` (built-ins reference §7.2).
//!
//! Deluge runs on the JVM, so names follow Java's `ZoneId`: IANA ids (with the
//! legacy aliases the tz database keeps as links), `UTC`/`GMT` with optional
//! fixed offsets, and the three-letter `ZoneId.SHORT_IDS`, which Java maps
//! differently from the tz database (`IST` is India, `EST` a fixed offset).

use jiff::tz::{Offset, TimeZone};

/// Where a Java short id points.
enum ShortTarget {
    Iana(&'static str),
    /// Fixed offset in hours (Java maps EST/MST/HST to plain offsets).
    Fixed(i8),
}

use ShortTarget::{Fixed, Iana};

/// Java's `ZoneId.SHORT_IDS`, sorted by id.
const SHORT_IDS: [(&str, ShortTarget); 28] = [
    ("ACT", Iana("Australia/Darwin")),
    ("AET", Iana("Australia/Sydney")),
    ("AGT", Iana("America/Argentina/Buenos_Aires")),
    ("ART", Iana("Africa/Cairo")),
    ("AST", Iana("America/Anchorage")),
    ("BET", Iana("America/Sao_Paulo")),
    ("BST", Iana("Asia/Dhaka")),
    ("CAT", Iana("Africa/Harare")),
    ("CNT", Iana("America/St_Johns")),
    ("CST", Iana("America/Chicago")),
    ("CTT", Iana("Asia/Shanghai")),
    ("EAT", Iana("Africa/Addis_Ababa")),
    ("ECT", Iana("Europe/Paris")),
    ("EST", Fixed(-5)),
    ("HST", Fixed(-10)),
    ("IET", Iana("America/Indiana/Indianapolis")),
    ("IST", Iana("Asia/Kolkata")),
    ("JST", Iana("Asia/Tokyo")),
    ("MIT", Iana("Pacific/Apia")),
    ("MST", Fixed(-7)),
    ("NET", Iana("Asia/Yerevan")),
    ("NST", Iana("Pacific/Auckland")),
    ("PLT", Iana("Asia/Karachi")),
    ("PNT", Iana("America/Phoenix")),
    ("PRT", Iana("America/Puerto_Rico")),
    ("PST", Iana("America/Los_Angeles")),
    ("SST", Iana("Pacific/Guadalcanal")),
    ("VST", Iana("Asia/Ho_Chi_Minh")),
];

/// Resolves a zone name, or `None` when it is unknown. Surrounding whitespace
/// is ignored; names are matched case-insensitively.
pub fn resolve_zone(name: &str) -> Option<TimeZone> {
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    if let Some(zone) = short_id(name) {
        return Some(zone);
    }
    if let Some(zone) = prefixed_offset(name) {
        return Some(zone);
    }
    TimeZone::get(name).ok()
}

/// The Java short ids (checked first: the tz database has its own,
/// different `EST`/`MST`/`HST`, and no `IST` at all).
fn short_id(name: &str) -> Option<TimeZone> {
    if name.len() != 3 {
        return None;
    }
    let (_, target) = SHORT_IDS
        .iter()
        .find(|(id, _)| id.eq_ignore_ascii_case(name))?;
    match target {
        Iana(iana) => TimeZone::get(iana).ok(),
        Fixed(hours) => Offset::from_hours(*hours).ok().map(TimeZone::fixed),
    }
}

/// `UTC`, `GMT`, `UT`, `Z`, and those prefixes followed by an offset
/// (`GMT+05:30`, `GMT-7`, `UTC+0530`), or a bare offset (`+05:30`).
fn prefixed_offset(name: &str) -> Option<TimeZone> {
    let upper_prefix = ["UTC", "GMT", "UT"].iter().find(|p| {
        name.get(..p.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(p))
    });
    let rest = match upper_prefix {
        Some(prefix) => name.get(prefix.len()..)?,
        None if name.eq_ignore_ascii_case("Z") => "",
        None if name.starts_with(['+', '-']) => name,
        None => return None,
    };
    if rest.is_empty() {
        return Some(TimeZone::UTC);
    }
    parse_offset(rest).map(TimeZone::fixed)
}

/// `±H`, `±HH`, `±HH:MM`, `±HHMM`, `±H:MM`; at most ±18:00 as in Java.
pub(crate) fn parse_offset(text: &str) -> Option<Offset> {
    let bytes = text.as_bytes();
    let sign: i32 = match bytes.first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let body = &text[1..];
    // Only ASCII from here on, so the byte splits below are char boundaries.
    if !body.bytes().all(|b| b.is_ascii_digit() || b == b':') {
        return None;
    }
    let (hours, minutes) = match body.split_once(':') {
        Some((h, m)) if (1..=2).contains(&h.len()) && m.len() == 2 => (h, m),
        Some(_) => return None,
        None if (1..=2).contains(&body.len()) => (body, "0"),
        None if body.len() == 4 => body.split_at(2),
        None => return None,
    };
    if minutes.contains(':') {
        return None;
    }
    let hours: i32 = hours.parse().ok()?;
    let minutes: i32 = minutes.parse().ok()?;
    if minutes > 59 || hours * 60 + minutes > 18 * 60 {
        return None;
    }
    Offset::from_seconds(sign * (hours * 3600 + minutes * 60)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::Timestamp;

    /// Offset of the zone at 2020-01-15T00:00:00Z (winter in the north).
    fn winter_offset(name: &str) -> i32 {
        let zone = resolve_zone(name).unwrap_or_else(|| panic!("zone {name}"));
        let ts: Timestamp = "2020-01-15T00:00:00Z".parse().unwrap();
        zone.to_offset(ts).seconds()
    }

    /// Offset of the zone at 2020-07-15T00:00:00Z (summer in the north).
    fn summer_offset(name: &str) -> i32 {
        let zone = resolve_zone(name).unwrap();
        let ts: Timestamp = "2020-07-15T00:00:00Z".parse().unwrap();
        zone.to_offset(ts).seconds()
    }

    const H: i32 = 3600;

    #[test]
    fn iana_ids_and_legacy_aliases() {
        assert_eq!(winter_offset("Asia/Kolkata"), 5 * H + 1800);
        assert_eq!(winter_offset("America/Los_Angeles"), -8 * H);
        assert_eq!(summer_offset("America/Los_Angeles"), -7 * H);
        assert_eq!(summer_offset("Europe/London"), H);
        assert_eq!(winter_offset("US/Eastern"), -5 * H);
        assert_eq!(summer_offset("US/Eastern"), -4 * H);
        assert_eq!(winter_offset("US/Central"), -6 * H);
        assert_eq!(winter_offset("Asia/Calcutta"), 5 * H + 1800);
    }

    #[test]
    fn utc_gmt_and_fixed_offsets() {
        assert_eq!(winter_offset("UTC"), 0);
        assert_eq!(winter_offset("GMT"), 0);
        assert_eq!(winter_offset("GMT+05:30"), 5 * H + 1800);
        assert_eq!(winter_offset("GMT-7"), -7 * H);
        assert_eq!(winter_offset("GMT+0530"), 5 * H + 1800);
        assert_eq!(winter_offset("UTC+5"), 5 * H);
        assert_eq!(winter_offset("+05:30"), 5 * H + 1800);
        assert_eq!(resolve_zone("GMT+19"), None);
        assert_eq!(resolve_zone("GMT+5:3"), None);
        assert_eq!(resolve_zone("GMT+x"), None);
    }

    #[test]
    fn java_short_ids_have_java_meanings() {
        assert_eq!(winter_offset("IST"), 5 * H + 1800);
        assert_eq!(winter_offset("EST"), -5 * H);
        // EST, MST and HST are fixed: no daylight saving in summer.
        assert_eq!(summer_offset("EST"), -5 * H);
        assert_eq!(summer_offset("MST"), -7 * H);
        assert_eq!(summer_offset("HST"), -10 * H);
        assert_eq!(summer_offset("PST"), -7 * H);
        assert_eq!(winter_offset("PST"), -8 * H);
        assert_eq!(winter_offset("CST"), -6 * H);
        assert_eq!(winter_offset("JST"), 9 * H);
        assert_eq!(winter_offset("BST"), 6 * H);
        assert_eq!(winter_offset("ECT"), H);
        assert_eq!(winter_offset("ist"), 5 * H + 1800);
        for (id, _) in SHORT_IDS {
            assert!(resolve_zone(id).is_some(), "{id}");
        }
    }

    #[test]
    fn unknown_names() {
        for name in [
            "",
            "Mars/Olympus",
            "XYZ",
            "Asia",
            "GMT+",
            "5",
            "UTé",
            "GMT+1é1",
            "+1:2:3",
        ] {
            assert_eq!(resolve_zone(name), None, "{name}");
        }
    }
}
