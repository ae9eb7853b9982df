//! Every example of builtins §7.1–7.3 and §11 (business hours), with
//! DATETIME receivers as single-quoted literals give them.

use crate::builtins::test_support::{call, show};
use crate::value::Value;

/// A DATETIME as a single-quoted literal would produce it.
fn dt(text: &str) -> Value {
    let today = jiff::civil::date(2026, 1, 5);
    let parsed = crate::datetime::parse_text(text, today, &jiff::tz::TimeZone::UTC);
    Value::DateTime(parsed.expect("test literal is a date-time"))
}

fn n(v: i64) -> Value {
    Value::Number(v)
}

fn t(s: &str) -> Value {
    Value::text(s)
}

/// `recv.name(args)` shown as text.
fn run(recv: &Value, name: &str, args: &[Value]) -> String {
    show(call(recv, name, args))
}

#[test]
fn add_and_sub_days_and_weeks() {
    assert_eq!(
        run(&dt("01-Jan-2019 15:00:00"), "addDay", &[n(40)]),
        "10-Feb-2019 15:00:00"
    );
    assert_eq!(
        run(&dt("01-Jan-2019"), "addDay", &[n(11)]),
        "12-Jan-2019 00:00:00"
    );
    assert_eq!(
        run(&dt("12-Jan-2019"), "subDay", &[n(11)]),
        "01-Jan-2019 00:00:00"
    );
    assert_eq!(
        run(&dt("12-Jan-2019"), "addDay", &[n(-11)]),
        "01-Jan-2019 00:00:00"
    );
    assert_eq!(
        run(&dt("01-Jan-2019"), "addWeek", &[n(2)]),
        "15-Jan-2019 00:00:00"
    );
    assert_eq!(
        run(&dt("15-Jan-2019"), "subWeek", &[n(2)]),
        "01-Jan-2019 00:00:00"
    );
}

#[test]
fn add_and_sub_months_and_years() {
    assert_eq!(
        run(&t("Aug 21, 2013 16:04:37"), "addMonth", &[n(3)]),
        "21-Nov-2013 16:04:37"
    );
    assert_eq!(
        run(&dt("31-Jan-2020"), "addMonth", &[n(1)]),
        "29-Feb-2020 00:00:00"
    );
    assert_eq!(
        run(&dt("31-Mar-2020"), "subMonth", &[n(1)]),
        "29-Feb-2020 00:00:00"
    );
    assert_eq!(
        run(&dt("29-Feb-2020"), "addYear", &[n(1)]),
        "28-Feb-2021 00:00:00"
    );
    assert_eq!(
        run(&dt("29-Feb-2020"), "subYear", &[n(1)]),
        "28-Feb-2019 00:00:00"
    );
}

#[test]
fn add_and_sub_fixed_units() {
    let d = dt("01-Jan-2019 23:30:00");
    assert_eq!(run(&d, "addMinutes", &[n(45)]), "02-Jan-2019 00:15:00");
    assert_eq!(run(&d, "subMinutes", &[n(30)]), "01-Jan-2019 23:00:00");
    assert_eq!(run(&d, "addHour", &[n(1)]), "02-Jan-2019 00:30:00");
    assert_eq!(run(&d, "subHour", &[n(24)]), "31-Dec-2018 23:30:00");
    assert_eq!(run(&d, "addSeconds", &[n(30)]), "01-Jan-2019 23:30:30");
    assert_eq!(run(&d, "subSeconds", &[n(1)]), "01-Jan-2019 23:29:59");
}

#[test]
fn business_days_and_hours() {
    assert_eq!(
        run(&dt("10-Jan-2020"), "addBusinessDay", &[n(1)]),
        "13-Jan-2020"
    );
    assert_eq!(run(&dt("10-Jan-2020"), "workday", &[n(1)]), "13-Jan-2020");
    assert_eq!(
        run(&dt("13-Jan-2020"), "subBusinessDay", &[n(1)]),
        "10-Jan-2020"
    );
    let d = dt("05-Jan-2026 17:00:00");
    assert_eq!(run(&d, "addBusinessHour", &[n(2)]), "06-Jan-2026 10:00:00");
    assert_eq!(
        run(&dt("06-Jan-2026 10:00:00"), "subBusinessHour", &[n(2)]),
        "05-Jan-2026 17:00:00"
    );
}

#[test]
fn components() {
    let d = dt("08-Jan-2019 17:05:09");
    assert_eq!(run(&dt("08-Jan-2019"), "getDay", &[]), "8");
    assert_eq!(run(&dt("08-Jan-2019"), "getMonth", &[]), "1");
    assert_eq!(run(&dt("08-Jan-2019"), "getYear", &[]), "2019");
    assert_eq!(run(&d, "getHour", &[]), "17");
    assert_eq!(run(&d, "getMinutes", &[]), "5");
    assert_eq!(run(&d, "getSeconds", &[]), "9");
    assert_eq!(run(&d, "day", &[]), "8");
    assert_eq!(run(&d, "month", &[]), "1");
    assert_eq!(run(&d, "year", &[]), "2019");
    assert_eq!(run(&d, "hour", &[]), "17");
    assert_eq!(run(&d, "minute", &[]), "5");
    assert_eq!(run(&d, "second", &[]), "9");
    assert_eq!(run(&dt("15-Mar-2019"), "weekday", &[]), "6");
    assert_eq!(run(&dt("15-Mar-2019"), "getDayOfWeek", &[]), "6");
    assert_eq!(run(&dt("01-Feb-2019"), "getDayOfYear", &[]), "32");
    assert_eq!(run(&dt("01-Jan-2019"), "getWeekOfYear", &[]), "1");
}

#[test]
fn differences() {
    let (a, b) = (dt("1-Jan-2019"), dt("31-Dec-2019"));
    assert_eq!(run(&a, "daysBetween", std::slice::from_ref(&b)), "364");
    assert_eq!(run(&a, "days360", &[b]), "364");
    assert_eq!(
        run(&dt("1-Jan-2020"), "daysBetween", &[dt("31-Dec-2020")]),
        "365"
    );
    // TEXT on either side is parsed.
    assert_eq!(
        run(&t("1-Jan-2019"), "daysBetween", &[t("31-Dec-2019")]),
        "364"
    );
    assert_eq!(
        run(&dt("31-Dec-2019"), "daysBetween", &[dt("1-Jan-2019")]),
        "-364"
    );
    let h = run(
        &dt("01-Jan-2019 10:00:00"),
        "hoursBetween",
        &[dt("01-Jan-2019 12:59:59")],
    );
    assert_eq!(h, "2");
    assert_eq!(
        run(&dt("15-Jan-2019"), "monthsBetween", &[dt("14-Mar-2019")]),
        "1"
    );
    assert_eq!(
        run(&dt("15-Jan-2019"), "yearsBetween", &[dt("15-Jan-2021")]),
        "2"
    );
}

#[test]
fn difference_argument_errors() {
    let a = dt("1-Jan-2019");
    assert_eq!(
        run(&a, "daysBetween", &[t("hello")]),
        "error: Invalid date-time value 'hello'"
    );
    assert_eq!(
        run(&a, "daysBetween", &[Value::Null]),
        "error: Invalid arguments for function 'daysBetween'"
    );
    assert_eq!(
        run(&a, "daysBetween", &[n(5)]),
        "error: Invalid arguments for function 'daysBetween'"
    );
    assert_eq!(
        run(&a, "daysBetween", &[]),
        "error: Invalid arguments for function 'daysBetween'"
    );
}

#[test]
fn start_and_end_dates() {
    assert_eq!(
        run(&dt("17-Mar-2021 10:00:00"), "toStartOfMonth", &[]),
        "01-Mar-2021"
    );
    assert_eq!(run(&dt("17-Mar-2021"), "toStartOfWeek", &[]), "14-Mar-2021");
    assert_eq!(run(&dt("17-Jan-2021"), "eomonth", &[n(1)]), "28-Feb-2021");
    assert_eq!(run(&dt("31-Jan-2021"), "edate", &[n(1)]), "28-Feb-2021");
}

#[test]
fn epoch_and_conversions() {
    assert_eq!(run(&dt("02-Jan-1970"), "unixEpoch", &[]), "86400000");
    assert_eq!(run(&dt("02-Jan-1970"), "toLong", &[]), "86400000");
    assert_eq!(run(&dt("02-Jan-1970"), "toNumber", &[]), "86400000");
    let later = call(&dt("02-Jan-2026"), "addDay", &[n(3)]).expect("addDay");
    assert_eq!(run(&later, "toDate", &[]), "05-Jan-2026");
    assert_eq!(
        run(&dt("05-Jan-2026"), "toTime", &[]),
        "05-Jan-2026 00:00:00"
    );
    assert_eq!(
        run(&dt("05-Jan-2026"), "toDateTime", &[]),
        "05-Jan-2026 00:00:00"
    );
}

#[test]
fn to_string_with_formats_and_zones() {
    let d = dt("09-Dec-2020 17:25:24");
    assert_eq!(run(&d, "toString", &[]), "09-Dec-2020 17:25:24");
    assert_eq!(run(&d, "toText", &[]), "09-Dec-2020 17:25:24");
    let iso = t("yyyy-MM-dd'T'HH:mm:ss");
    assert_eq!(run(&d, "toString", &[iso]), "2020-12-09T17:25:24");
    let long = t("EEEE, d MMMM yyyy");
    assert_eq!(
        run(&dt("05-Feb-2026"), "toString", &[long]),
        "Thursday, 5 February 2026"
    );
    let noon = dt("01-Jan-2020 12:00:00");
    assert_eq!(
        run(&noon, "toString", &[t("HH:mm"), t("Asia/Kolkata")]),
        "17:30"
    );
    assert_eq!(run(&noon, "toString", &[t("HH:mm"), t("IST")]), "17:30");
    assert_eq!(
        run(&noon, "toString", &[t("HH:mm"), t("GMT+05:30")]),
        "17:30"
    );
    assert_eq!(run(&noon, "toString", &[t("HH:mm"), t("GMT-7")]), "05:00");
    assert_eq!(
        run(&noon, "toString", &[t("HH:mm"), t("US/Central")]),
        "06:00"
    );
}

#[test]
fn format_letters_of_the_spec_table() {
    let d = dt("05-Feb-2026 07:08:09");
    let cases = [
        ("yyyy yy y", "2026 26 2026"),
        ("YYYY YY Y", "2026 26 2026"),
        ("MMMM MMM MM M", "February Feb 02 2"),
        ("dd d", "05 5"),
        ("EEEE EEE EE E", "Thursday Thu Thu Thu"),
        ("HH H hh h a", "07 7 07 7 AM"),
        ("mm m ss s SSS D", "08 8 09 9 000 36"),
        ("z Z XXX", "UTC +0000 Z"),
        ("'T''x'", "T'x"),
    ];
    for (pattern, expected) in cases {
        assert_eq!(run(&d, "toString", &[t(pattern)]), expected, "{pattern}");
    }
    assert_eq!(run(&dt("29-Dec-2019"), "toString", &[t("YYYY")]), "2020");
}

#[test]
fn date_errors() {
    let d = dt("05-Jan-2026 10:00:00");
    assert_eq!(
        run(&d, "toString", &[t("yyyy-qq")]),
        "error: Invalid date-time format 'yyyy-qq'"
    );
    assert_eq!(
        run(&d, "toString", &[t("HH:mm"), t("Mars/Olympus")]),
        "error: Invalid arguments for function 'toString'"
    );
    assert_eq!(
        run(&t("hello"), "addDay", &[n(1)]),
        "error: Invalid date-time value 'hello'"
    );
    assert_eq!(
        run(&t("31-Feb-2020"), "getDay", &[]),
        "error: Invalid date-time value '31-Feb-2020'"
    );
    assert_eq!(
        run(&d, "addDay", &[t("x")]),
        "error: Invalid arguments for function 'addDay'"
    );
    assert_eq!(
        run(&d, "addDay", &[]),
        "error: Invalid arguments for function 'addDay'"
    );
    assert_eq!(
        run(&Value::Null, "addDay", &[n(1)]),
        "error: Value is empty and 'addDay' function cannot be applied"
    );
    assert_eq!(
        run(&d, "addYear", &[n(100_000)]),
        "error: Date-time value out of range"
    );
    assert_eq!(
        run(&d, "subDay", &[n(i64::MIN)]),
        "error: Date-time value out of range"
    );
}

#[test]
fn numbers_given_as_text_or_integral_decimals() {
    let d = dt("01-Jan-2019");
    assert_eq!(run(&d, "addDay", &[t("11")]), "12-Jan-2019 00:00:00");
    assert_eq!(
        run(&d, "addDay", &[Value::Decimal(11.0)]),
        "12-Jan-2019 00:00:00"
    );
    assert_eq!(
        run(&d, "addDay", &[Value::Decimal(1.5)]),
        "error: Invalid arguments for function 'addDay'"
    );
}

#[test]
fn datetime_with_a_format_works_on_its_text_form() {
    let d = dt("05-Jan-2026 10:00:00");
    assert_eq!(run(&d, "toDate", &[t("dd-MMM-yyyy")]), "05-Jan-2026");
    assert_eq!(
        run(&d, "toTime", &[t("dd-MMM-yyyy HH:mm:ss")]),
        "05-Jan-2026 10:00:00"
    );
    // Text functions reach a DATETIME through its text form.
    assert_eq!(run(&d, "length", &[]), "20");
}

#[test]
fn errors_name_the_function_called() {
    let a = dt("1-Jan-2019");
    assert_eq!(
        run(&a, "days360", &[Value::Null]),
        "error: Invalid arguments for function 'days360'"
    );
    assert_eq!(
        run(&a, "eomonth", &[n(1), n(2)]),
        "error: Invalid arguments for function 'eomonth'"
    );
    assert_eq!(
        run(&a, "workday", &[]),
        "error: Invalid arguments for function 'addBusinessDay'"
    );
}

#[test]
fn every_function_has_a_conformance_file() {
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/conformance/datetime");
    let tables = [
        super::TABLE,
        super::text_dates::TABLE,
        super::text_dates::COMMON,
    ];
    for def in tables.into_iter().flatten() {
        let file = dir.join(format!("{}.dg", def.names[0]));
        assert!(file.is_file(), "no conformance file for {}", def.names[0]);
    }
}
