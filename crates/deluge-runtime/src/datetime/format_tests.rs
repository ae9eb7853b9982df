//! Tests for `format.rs`; expectations from built-ins reference §7.3 and the
//! `toDate` / `toTime` / `toString` rows of §2.

use super::*;
use crate::datetime::{parse_text, resolve_zone};
use jiff::civil::date;

fn today() -> Date {
    date(2026, 2, 5)
}

fn dt(text: &str) -> DateTime {
    parse_text(text, today(), &TimeZone::UTC).unwrap_or_else(|| panic!("'{text}'"))
}

/// `text.toString(pattern)` with host zone UTC.
fn fmt(text: &str, pattern: &str) -> String {
    format(&dt(text), pattern, &TimeZone::UTC, None).unwrap()
}

/// `text.toString(pattern, zone)` with host zone UTC.
fn fmt_in(text: &str, pattern: &str, zone: &str) -> String {
    let zone = resolve_zone(zone).unwrap();
    format(&dt(text), pattern, &TimeZone::UTC, Some(&zone)).unwrap()
}

fn parse_pat(text: &str, pattern: &str) -> Result<DateTime, DateError> {
    parse_with_pattern(text, pattern, today(), None, &TimeZone::UTC)
}

const SAMPLE: &str = "05-Feb-2026 07:08:09";

#[test]
fn every_letter_of_the_table() {
    let cases = [
        ("yyyy", "2026"),
        ("yy", "26"),
        ("y", "2026"),
        ("YYYY", "2026"),
        ("YY", "26"),
        ("Y", "2026"),
        ("MMMM", "February"),
        ("MMM", "Feb"),
        ("MM", "02"),
        ("M", "2"),
        ("dd", "05"),
        ("d", "5"),
        ("EEEE", "Thursday"),
        ("EEE", "Thu"),
        ("EE", "Thu"),
        ("E", "Thu"),
        ("HH", "07"),
        ("H", "7"),
        ("hh", "07"),
        ("h", "7"),
        ("a", "AM"),
        ("mm", "08"),
        ("m", "8"),
        ("ss", "09"),
        ("s", "9"),
        ("SSS", "000"),
        ("D", "36"),
        ("z", "UTC"),
        ("Z", "+0000"),
        ("XXX", "Z"),
        ("'T'", "T"),
    ];
    for (pattern, expected) in cases {
        assert_eq!(fmt(SAMPLE, pattern), expected, "{pattern}");
    }
}

#[test]
fn documented_examples() {
    assert_eq!(
        fmt("09-Dec-2020 17:25:24", "yyyy-MM-dd'T'HH:mm:ss"),
        "2020-12-09T17:25:24"
    );
    assert_eq!(
        fmt("05-Feb-2026", "EEEE, d MMMM yyyy"),
        "Thursday, 5 February 2026"
    );
    assert_eq!(
        fmt_in("01-Jan-2020 12:00:00", "HH:mm", "Asia/Kolkata"),
        "17:30"
    );
    assert_eq!(fmt("09-Dec-2020", "yyyy-MM-dd"), "2020-12-09");
}

#[test]
fn week_year_differs_at_the_year_end() {
    assert_eq!(fmt("29-Dec-2019", "YYYY"), "2020");
    assert_eq!(fmt("29-Dec-2019", "yyyy"), "2019");
    assert_eq!(fmt("28-Dec-2019", "YYYY"), "2019");
    assert_eq!(fmt("29-Dec-2019", "YY"), "20");
}

#[test]
fn afternoon_hours_and_milliseconds() {
    assert_eq!(fmt("05-Feb-2026 19:08:09", "hh:mm a"), "07:08 PM");
    assert_eq!(fmt("05-Feb-2026 00:30:00", "h:mm a"), "12:30 AM");
    assert_eq!(fmt("05-Feb-2026 12:30:00", "h:mm a"), "12:30 PM");
    assert_eq!(fmt("05-Feb-2026 07:08:09.045", "ss.SSS"), "09.045");
    assert_eq!(fmt("05-Feb-2026 07:08:09.045", "S"), "45");
    assert_eq!(fmt("05-Feb-2026", "DDD"), "036");
}

#[test]
fn quotes_and_literals() {
    assert_eq!(fmt(SAMPLE, "''"), "'");
    assert_eq!(fmt(SAMPLE, "'o''clock' H"), "o'clock 7");
    assert_eq!(fmt(SAMPLE, "dd/MM/yyyy, HH.mm"), "05/02/2026, 07.08");
    assert_eq!(fmt(SAMPLE, "'at' HH"), "at 07");
    assert_eq!(fmt(SAMPLE, "d – é"), "5 – é");
}

#[test]
fn invalid_formats() {
    for pattern in ["yyyy-qq", "k", "'unterminated", "XXXX", "yyyy 'a"] {
        assert_eq!(
            format(&dt(SAMPLE), pattern, &TimeZone::UTC, None),
            Err(DateError::InvalidFormat(pattern.to_string())),
            "{pattern}"
        );
    }
}

#[test]
fn zone_letters_describe_the_target_zone() {
    let t = "01-Jan-2020 12:00:00";
    assert_eq!(
        fmt_in(t, "HH:mm z Z XXX", "Asia/Kolkata"),
        "17:30 IST +0530 +05:30"
    );
    assert_eq!(
        fmt_in(t, "HH:mm Z XXX X XX", "GMT-7"),
        "05:00 -0700 -07:00 -07 -0700"
    );
    assert_eq!(fmt_in(t, "z", "GMT+05:30"), "GMT+05:30");
    assert_eq!(fmt_in(t, "HH z", "America/Los_Angeles"), "04 PST");
    assert_eq!(
        fmt_in("01-Jul-2020 12:00:00", "HH z", "US/Eastern"),
        "08 EDT"
    );
    assert_eq!(fmt_in(t, "HH:mm", "EST"), "07:00");
    assert_eq!(fmt_in(t, "dd HH", "Pacific/Auckland"), "02 01");
    // Without a target, the letters describe the host zone.
    let host = TimeZone::get("Asia/Kolkata").unwrap();
    let s = format(&dt(t), "HH:mm XXX", &host, None).unwrap();
    assert_eq!(s, "12:00 +05:30");
}

#[test]
fn is_date_pattern_looks_for_letters_outside_quotes() {
    assert!(is_date_pattern("yyyy-MM-dd"));
    assert!(is_date_pattern("'x'd"));
    assert!(!is_date_pattern("#,000.00"));
    assert!(!is_date_pattern("0%"));
    assert!(!is_date_pattern("$#,##0.00"));
    assert!(!is_date_pattern("0.00' USD'"));
    assert!(!is_date_pattern(""));
}

#[test]
fn parsing_with_a_pattern() {
    let t = parse_pat("2013-08-21 16:04:37", "yyyy-MM-dd HH:mm:ss").unwrap();
    assert_eq!(t.display(), "21-Aug-2013 16:04:37");
    assert!(!t.date_only);
    assert_eq!(
        parse_pat("2020-01-05", "yyyy-MM-dd")
            .unwrap()
            .to_date()
            .display(),
        "05-Jan-2020"
    );
    assert_eq!(
        parse_pat("20200105", "yyyyMMdd").unwrap().display(),
        "05-Jan-2020 00:00:00"
    );
    assert_eq!(
        parse_pat("5/2/26", "d/M/yy").unwrap().display(),
        "05-Feb-2026 00:00:00"
    );
    assert_eq!(
        parse_pat("5/2/47", "d/M/yy").unwrap().to_date().display(),
        "05-Feb-1947"
    );
    assert_eq!(
        parse_pat("07:08 pm", "hh:mm a").unwrap().display(),
        "01-Jan-1970 19:08:00"
    );
    assert_eq!(
        parse_pat("12:08 AM", "hh:mm a").unwrap().display(),
        "01-Jan-1970 00:08:00"
    );
}

#[test]
fn parsing_names_case_insensitively() {
    let want = "05-Feb-2026 00:00:00";
    assert_eq!(
        parse_pat("05-FEB-2026", "dd-MMM-yyyy").unwrap().display(),
        want
    );
    assert_eq!(
        parse_pat("5 february 2026", "d MMMM yyyy")
            .unwrap()
            .display(),
        want
    );
    // Java accepts the short name for MMMM and the long one for MMM.
    assert_eq!(
        parse_pat("5 Feb 2026", "d MMMM yyyy").unwrap().display(),
        want
    );
    assert_eq!(
        parse_pat("thursday, 5 February 2026", "EEEE, d MMMM yyyy")
            .unwrap()
            .display(),
        want
    );
}

#[test]
fn leftover_text_is_ignored_and_its_offset_not_applied() {
    let t = parse_pat("2024-05-01T10:00:00+05:30", "yyyy-MM-dd'T'HH:mm:ss").unwrap();
    assert_eq!(t.display(), "01-May-2024 10:00:00");
}

#[test]
fn offsets_and_zones_in_the_text_convert_to_the_host() {
    let t = parse_pat("2024-05-01T10:00:00+05:30", "yyyy-MM-dd'T'HH:mm:ssXXX").unwrap();
    assert_eq!(t.display(), "01-May-2024 04:30:00");
    let t = parse_pat("2024-05-01T10:00:00Z", "yyyy-MM-dd'T'HH:mm:ssX").unwrap();
    assert_eq!(t.display(), "01-May-2024 10:00:00");
    let t = parse_pat("2024-05-01 10:00 -0700", "yyyy-MM-dd HH:mm Z").unwrap();
    assert_eq!(t.display(), "01-May-2024 17:00:00");
    let t = parse_pat("2024-05-01 10:00 IST", "yyyy-MM-dd HH:mm z").unwrap();
    assert_eq!(t.display(), "01-May-2024 04:30:00");
}

#[test]
fn the_zone_argument_reads_the_text_as_its_local_time() {
    let kolkata = resolve_zone("Asia/Kolkata").unwrap();
    let t = parse_with_pattern(
        "2020-01-01 17:30",
        "yyyy-MM-dd HH:mm",
        today(),
        Some(&kolkata),
        &TimeZone::UTC,
    )
    .unwrap();
    assert_eq!(t.display(), "01-Jan-2020 12:00:00");
}

#[test]
fn parse_failures() {
    let invalid = |t: &str| Err(DateError::InvalidValue(t.to_string()));
    assert_eq!(parse_pat("2020-02-31", "yyyy-MM-dd"), invalid("2020-02-31"));
    assert_eq!(parse_pat("2020/02/03", "yyyy-MM-dd"), invalid("2020/02/03"));
    assert_eq!(parse_pat("2020-13-03", "yyyy-MM-dd"), invalid("2020-13-03"));
    assert_eq!(
        parse_pat("2020-01-03 25:00", "yyyy-MM-dd HH:mm"),
        invalid("2020-01-03 25:00")
    );
    assert_eq!(parse_pat("hello", "yyyy"), invalid("hello"));
    assert_eq!(parse_pat("2020-01", "yyyy-MM-dd"), invalid("2020-01"));
    assert_eq!(
        parse_pat("2020", "yyyy-qq"),
        Err(DateError::InvalidFormat("yyyy-qq".to_string()))
    );
}

#[test]
fn round_trip_through_format_and_parse() {
    let pattern = "EEE, dd MMM yyyy HH:mm:ss.SSS";
    let original = dt("2021-03-04 05:06:07.089");
    let text = format(&original, pattern, &TimeZone::UTC, None).unwrap();
    assert_eq!(text, "Thu, 04 Mar 2021 05:06:07.089");
    assert_eq!(parse_pat(&text, pattern).unwrap(), original);
}
