//! Tests for `parse.rs`; expectations come from language reference §5.6.2.

use super::*;
use jiff::civil::date;

/// "Now" for the tests: in the 2020s, as the spec's examples assume.
fn today() -> Date {
    date(2026, 2, 5)
}

fn parse(text: &str) -> Option<DateTime> {
    parse_text(text, today(), &TimeZone::UTC)
}

fn parse_in(text: &str, host: &str) -> Option<DateTime> {
    parse_text(text, today(), &TimeZone::get(host).unwrap())
}

fn ymd(text: &str) -> (i16, i8, i8) {
    let d = parse(text).unwrap_or_else(|| panic!("'{text}' should parse"));
    assert!(d.date_only, "'{text}' has no time part");
    (d.local.year(), d.local.month(), d.local.day())
}

const AUG_15_1947: (i16, i8, i8) = (1947, 8, 15);

#[test]
fn every_row_of_the_left_column() {
    for text in [
        "15-Aug-47",
        "15-Aug-1947",
        "15-August-47",
        "15-August-1947",
        "08-15-47",
        "47-08-15",
        "15-08-47",
        "15-08-1947",
        "08-15-1947",
        "1947-08-15",
        "47/08/15",
        "15/08/47",
        "08/15/47",
        "1947/08/15",
        "08/15/1947",
        "15/08/1947",
        "15.08.47",
        "08.15.47",
        "47.08.15",
    ] {
        assert_eq!(ymd(text), AUG_15_1947, "{text}");
    }
}

#[test]
fn every_row_of_the_right_column() {
    for text in [
        "15 Aug,47",
        "Aug 15,47",
        "15 Aug,1947",
        "Aug 15,1947",
        "15 August,47",
        "August 15,47",
        "15 August,1947",
        "August 15,1947",
        "Fri,August 15,1947",
        "Fri,Aug 15,1947",
        "Aug 15 47",
        "15 Aug 47",
        "Aug 15 1947",
        "15 Aug 1947",
        "August 15 47",
        "15 August 47",
        "15 August 1947",
        "August 15 1947",
        "15 08 1947",
    ] {
        assert_eq!(ymd(text), AUG_15_1947, "{text}");
    }
}

#[test]
fn the_last_two_rows() {
    for text in ["15.08.1947", "08.15.1947", "1947.08.15"] {
        assert_eq!(ymd(text), AUG_15_1947, "{text}");
    }
}

#[test]
fn order_of_trial_decides_ambiguous_texts() {
    // dd-MM-yyyy is tried before MM-dd-yyyy.
    assert_eq!(ymd("01-02-2020"), (2020, 2, 1));
    // With a two-digit year, MM-dd-yy comes first.
    assert_eq!(ymd("01-02-20"), (2020, 1, 2));
    // dd/MM/yyyy comes after MM/dd/yyyy.
    assert_eq!(ymd("01/02/2020"), (2020, 1, 2));
    assert_eq!(ymd("13/02/2020"), (2020, 2, 13));
}

#[test]
fn one_digit_days_and_months_and_names_in_any_case() {
    assert_eq!(ymd("1-Jan-2019"), (2019, 1, 1));
    assert_eq!(ymd("5-2-2026"), (2026, 2, 5));
    assert_eq!(ymd("15-AUG-1947"), AUG_15_1947);
    assert_eq!(ymd("15-aug-1947"), AUG_15_1947);
    assert_eq!(ymd("fri,AUGUST 15,1947"), AUG_15_1947);
    assert_eq!(ymd("2020-01-05"), (2020, 1, 5));
}

#[test]
fn whitespace_after_a_comma() {
    assert_eq!(ymd("Aug 21, 2013"), (2013, 8, 21));
    assert_eq!(ymd("Aug 21,    2013"), (2013, 8, 21));
    assert_eq!(ymd("Fri, Aug 15, 1947"), AUG_15_1947);
    let t = parse("Aug 21, 2013 16:04:37").unwrap();
    assert_eq!(t.display(), "21-Aug-2013 16:04:37");
}

#[test]
fn two_digit_year_window_is_80_years_back() {
    // Window for 5 Feb 2026 starts 5 Feb 1946.
    assert_eq!(ymd("15-Aug-47").0, 1947);
    assert_eq!(ymd("15-Aug-45").0, 2045);
    assert_eq!(ymd("15-Aug-46").0, 1946);
    assert_eq!(ymd("01-Jan-46").0, 2046);
    assert_eq!(ymd("15-Aug-99").0, 1999);
    assert_eq!(ymd("15-Aug-00").0, 2000);
    assert_eq!(ymd("15-Aug-25").0, 2025);
}

#[test]
fn years_must_have_exactly_two_or_four_digits() {
    for text in ["15-Aug-947", "15-Aug-19470", "15-Aug-7", "15/08/019470"] {
        assert_eq!(parse(text), None, "{text}");
    }
}

#[test]
fn invalid_dates_are_rejected() {
    for text in [
        "31-Feb-2020",
        "30-Feb-2020",
        "29-Feb-2019",
        "32-Jan-2020",
        "00-Jan-2020",
        "15-Foo-2020",
        "2020-13-01",
        "2020-00-10",
        "15-Aug-1947 24:00:00",
        "15-Aug-1947 23:60:00",
        "15-Aug-1947 23:59:60",
        "15-Aug-1947 123:00:00",
        "15-Aug-1947 10:5",
        "15-Aug-1947 13:00 PM",
        "15-Aug-1947 0:00 AM",
        "",
        "Contact_Name=",
        "hello",
        "15-Aug-1947x",
        "15-Aug-1947 ",
        "Sep 15,1947x",
        "Sept 15,1947",
    ] {
        assert_eq!(parse(text), None, "{text}");
    }
    assert_eq!(ymd("29-Feb-2020"), (2020, 2, 29));
}

#[test]
fn time_part_24_hour() {
    let t = parse("15-Aug-1947 19:00:00").unwrap();
    assert!(!t.date_only);
    assert_eq!(t.display(), "15-Aug-1947 19:00:00");
    assert_eq!(
        parse("15-Aug-1947 7:05").unwrap().display(),
        "15-Aug-1947 07:05:00"
    );
    assert_eq!(
        parse("15-Aug-1947   7:05").unwrap().display(),
        "15-Aug-1947 07:05:00"
    );
    assert_eq!(
        parse("2020-12-09T17:25:24").unwrap().display(),
        "09-Dec-2020 17:25:24"
    );
    assert_eq!(
        parse("2020-12-09 00:00:00").unwrap().display(),
        "09-Dec-2020 00:00:00"
    );
}

#[test]
fn time_part_12_hour() {
    let show = |t: &str| parse(t).unwrap().display();
    assert_eq!(show("15-Aug-1947 07:05:09 PM"), "15-Aug-1947 19:05:09");
    assert_eq!(show("15-Aug-1947 7:05 pm"), "15-Aug-1947 19:05:00");
    assert_eq!(show("15-Aug-1947 12:00 AM"), "15-Aug-1947 00:00:00");
    assert_eq!(show("15-Aug-1947 12:30 PM"), "15-Aug-1947 12:30:00");
    assert_eq!(show("15-Aug-1947 11:59:59 am"), "15-Aug-1947 11:59:59");
}

#[test]
fn milliseconds_are_kept() {
    let t = parse("2020-12-09 17:25:24.123").unwrap();
    assert_eq!(t.local.millisecond(), 123);
    let t = parse("2020-12-09T17:25:24.5Z").unwrap();
    assert_eq!(t.local.millisecond(), 500);
    let t = parse("2020-12-09T17:25:24.123456Z").unwrap();
    assert_eq!(t.local.millisecond(), 123);
}

#[test]
fn offsets_convert_into_the_host_zone() {
    let show = |t: &str| parse(t).unwrap().display();
    assert_eq!(show("2020-12-09 17:25:24-07:00"), "10-Dec-2020 00:25:24");
    assert_eq!(show("2020-12-09T17:25:24Z"), "09-Dec-2020 17:25:24");
    assert_eq!(show("2020-12-09T17:25:24+0530"), "09-Dec-2020 11:55:24");
    assert_eq!(
        show("2020-12-09T17:25:24.000+05:30"),
        "09-Dec-2020 11:55:24"
    );
    assert_eq!(
        show("2020-12-09 05:25:24 PM -07:00"),
        "10-Dec-2020 00:25:24"
    );
    let kolkata = parse_in("2020-12-09T17:25:24Z", "Asia/Kolkata").unwrap();
    assert_eq!(kolkata.display(), "09-Dec-2020 22:55:24");
    // Without an offset the text is already host-local.
    let local = parse_in("2020-12-09T17:25:24", "Asia/Kolkata").unwrap();
    assert_eq!(local.display(), "09-Dec-2020 17:25:24");
    assert_eq!(parse("2020-12-09T17:25:24+7"), None);
    assert_eq!(parse("2020-12-09T17:25:24+25:00"), None);
}

#[test]
fn a_date_only_text_cannot_carry_an_offset() {
    assert_eq!(parse("2020-12-09Z"), None);
    assert_eq!(parse("2020-12-09T"), None);
}
