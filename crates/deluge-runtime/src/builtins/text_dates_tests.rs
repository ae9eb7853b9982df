//! TEXT receivers of the date functions (builtins §2), `isDate` (§1) and
//! the parsing examples of language §5.6.2.

use crate::builtins::test_support::{call, show};
use crate::value::Value;

fn t(s: &str) -> Value {
    Value::text(s)
}

fn run(recv: &Value, name: &str, args: &[Value]) -> String {
    show(call(recv, name, args))
}

#[test]
fn to_date_and_to_time_of_text() {
    assert_eq!(run(&t("2020-01-05"), "toDate", &[]), "05-Jan-2020");
    assert_eq!(run(&t("2020-01-05 10:30:00"), "toDate", &[]), "05-Jan-2020");
    let fmt = t("yyyy-MM-dd HH:mm:ss");
    let text = t("2013-08-21 16:04:37");
    assert_eq!(
        run(&text, "toTime", std::slice::from_ref(&fmt)),
        "21-Aug-2013 16:04:37"
    );
    assert_eq!(
        run(&text, "toDateTime", std::slice::from_ref(&fmt)),
        "21-Aug-2013 16:04:37"
    );
    assert_eq!(run(&text, "toDate", &[fmt]), "21-Aug-2013");
    assert_eq!(run(&t("2020-01-05"), "toTime", &[]), "05-Jan-2020 00:00:00");
    assert_eq!(
        run(&t("05/01/2020"), "toDate", &[t("dd/MM/yyyy")]),
        "05-Jan-2020"
    );
}

#[test]
fn to_time_with_a_zone_reads_that_zones_local_time() {
    let fmt = t("yyyy-MM-dd HH:mm:ss");
    let text = t("2020-01-01 12:00:00");
    assert_eq!(
        run(&text, "toTime", &[fmt.clone(), t("Asia/Kolkata")]),
        "01-Jan-2020 06:30:00"
    );
    assert_eq!(
        run(&text, "toTime", &[fmt.clone(), t("IST")]),
        "01-Jan-2020 06:30:00"
    );
    assert_eq!(
        run(&text, "toTime", &[fmt, t("Nowhere/City")]),
        "error: Invalid arguments for function 'toTime'"
    );
}

#[test]
fn to_string_of_text() {
    assert_eq!(
        run(&t("09-Dec-2020"), "toString", &[t("yyyy-MM-dd")]),
        "2020-12-09"
    );
    assert_eq!(
        run(&t("09-Dec-2020"), "toText", &[t("dd/MM/yy")]),
        "09/12/20"
    );
    // Without arguments the text itself, date or not.
    assert_eq!(run(&t("hello"), "toString", &[]), "hello");
    assert_eq!(run(&t("09-Dec-2020"), "toString", &[]), "09-Dec-2020");
    assert_eq!(
        run(&t("hello"), "toString", &[t("yyyy")]),
        "error: Invalid date-time value 'hello'"
    );
    let noon = t("01-Jan-2020 12:00:00");
    assert_eq!(
        run(&noon, "toString", &[t("HH:mm"), t("Asia/Kolkata")]),
        "17:30"
    );
    assert_eq!(
        run(&noon, "toString", &[t("HH:mm"), t("Nowhere")]),
        "error: Invalid arguments for function 'toString'"
    );
}

#[test]
fn parse_failures() {
    assert_eq!(
        run(&t("hello"), "toDate", &[]),
        "error: Invalid date-time value 'hello'"
    );
    assert_eq!(
        run(&t("hello"), "toTime", &[]),
        "error: Invalid date-time value 'hello'"
    );
    assert_eq!(
        run(&t("2020-13-45"), "toDate", &[t("yyyy-MM-dd")]),
        "error: Invalid date-time value '2020-13-45'"
    );
    assert_eq!(
        run(&t("2020-01-05"), "toDate", &[t("yyyy-qq")]),
        "error: Invalid date-time format 'yyyy-qq'"
    );
    assert_eq!(
        run(&Value::Null, "toDate", &[]),
        "error: Value is empty and 'toDate' function cannot be applied"
    );
    assert_eq!(
        run(&t("2020-01-05"), "toDate", &[Value::Null]),
        "error: Invalid arguments for function 'toDate'"
    );
}

#[test]
fn is_date_for_any_receiver() {
    assert_eq!(run(&t("15-Aug-1947"), "isDate", &[]), "true");
    assert_eq!(run(&t("15-Aug-1947"), "isDateTime", &[]), "true");
    assert_eq!(run(&t("hello"), "isDate", &[]), "false");
    assert_eq!(run(&t("31-Feb-2020"), "isDate", &[]), "false");
    assert_eq!(run(&Value::Null, "isDate", &[]), "false");
    assert_eq!(run(&Value::Number(5), "isDate", &[]), "false");
    assert_eq!(run(&Value::Bool(true), "isDate", &[]), "false");
    let d = call(&t("15-Aug-1947"), "toDate", &[]).expect("a date");
    assert_eq!(run(&d, "isDate", &[]), "true");
}

/// Language §5.6.2: every documented format, via `toDate`.
#[test]
fn documented_parse_formats() {
    let formats = [
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
        "15.08.1947",
        "08.15.1947",
        "1947.08.15",
    ];
    for text in formats {
        assert_eq!(run(&t(text), "toDate", &[]), "15-Aug-1947", "{text}");
    }
}

#[test]
fn documented_parse_consequences() {
    assert_eq!(run(&t("01-02-2020"), "toDate", &[]), "01-Feb-2020");
    assert_eq!(run(&t("1-Jan-2019"), "toDate", &[]), "01-Jan-2019");
    assert_eq!(
        run(&t("Aug 21, 2013 16:04:37"), "toTime", &[]),
        "21-Aug-2013 16:04:37"
    );
    assert_eq!(
        run(&t("2020-12-09 17:25:24-07:00"), "toTime", &[]),
        "10-Dec-2020 00:25:24"
    );
    assert_eq!(
        run(&t("2020-12-09T17:25"), "toTime", &[]),
        "09-Dec-2020 17:25:00"
    );
    assert_eq!(
        run(&t("09-Dec-2020 05:25 PM"), "toTime", &[]),
        "09-Dec-2020 17:25:00"
    );
    assert_eq!(
        run(&t("31-Feb-2020"), "toDate", &[]),
        "error: Invalid date-time value '31-Feb-2020'"
    );
    assert_eq!(
        run(&t("01-Jan-2019 24:00:00"), "toTime", &[]),
        "error: Invalid date-time value '01-Jan-2019 24:00:00'"
    );
}
