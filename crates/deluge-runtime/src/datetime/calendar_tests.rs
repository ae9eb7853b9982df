//! Tests for `calendar.rs`; expectations from built-ins reference §7.1 and §11.

use super::*;
use crate::datetime::parse_text;
use jiff::civil::date;
use jiff::tz::TimeZone;

fn dt(text: &str) -> DateTime {
    parse_text(text, date(2026, 2, 5), &TimeZone::UTC)
        .unwrap_or_else(|| panic!("'{text}' should parse"))
}

fn show(r: Result<DateTime, DateError>) -> String {
    r.unwrap().display()
}

#[test]
fn adding_days_and_weeks_gives_a_time_part() {
    assert_eq!(
        show(add_days(&dt("01-Jan-2019 15:00:00"), 40)),
        "10-Feb-2019 15:00:00"
    );
    assert_eq!(
        show(add_days(&dt("01-Jan-2019"), 11)),
        "12-Jan-2019 00:00:00"
    );
    assert_eq!(
        show(add_days(&dt("01-Jan-2019"), -1)),
        "31-Dec-2018 00:00:00"
    );
    assert_eq!(
        show(add_weeks(&dt("01-Jan-2019"), 2)),
        "15-Jan-2019 00:00:00"
    );
    assert_eq!(
        add_days(&dt("01-Jan-2019"), i64::MAX),
        Err(DateError::Overflow)
    );
    assert_eq!(
        add_days(&dt("01-Jan-2019"), 5_000_000),
        Err(DateError::Overflow)
    );
}

#[test]
fn adding_months_and_years_clamps_to_month_end() {
    assert_eq!(
        show(add_months(&dt("Aug 21, 2013 16:04:37"), 3)),
        "21-Nov-2013 16:04:37"
    );
    assert_eq!(
        show(add_months(&dt("31-Jan-2020"), 1)),
        "29-Feb-2020 00:00:00"
    );
    assert_eq!(
        show(add_months(&dt("31-Mar-2020"), -1)),
        "29-Feb-2020 00:00:00"
    );
    assert_eq!(
        show(add_months(&dt("15-Nov-2020"), 14)),
        "15-Jan-2022 00:00:00"
    );
    assert_eq!(
        show(add_years(&dt("29-Feb-2020"), 1)),
        "28-Feb-2021 00:00:00"
    );
    assert_eq!(
        show(add_years(&dt("29-Feb-2020"), -4)),
        "29-Feb-2016 00:00:00"
    );
    assert_eq!(
        add_years(&dt("01-Jan-2020"), 100_000),
        Err(DateError::Overflow)
    );
    assert_eq!(
        add_months(&dt("01-Jan-2020"), i64::MIN),
        Err(DateError::Overflow)
    );
}

#[test]
fn adding_hours_minutes_seconds() {
    assert_eq!(
        show(add_minutes(&dt("01-Jan-2019 23:30:00"), 45)),
        "02-Jan-2019 00:15:00"
    );
    assert_eq!(
        show(add_hours(&dt("01-Jan-2019"), -1)),
        "31-Dec-2018 23:00:00"
    );
    assert_eq!(
        show(add_seconds(&dt("31-Dec-2019 23:59:59"), 1)),
        "01-Jan-2020 00:00:00"
    );
}

#[test]
fn business_days_skip_weekends() {
    // 10 Jan 2020 is a Friday.
    let friday = dt("10-Jan-2020");
    let r = add_business_days(&friday, 1).unwrap();
    assert!(r.date_only);
    assert_eq!(r.display(), "13-Jan-2020");
    assert_eq!(
        add_business_days(&friday, 5).unwrap().display(),
        "17-Jan-2020"
    );
    assert_eq!(
        add_business_days(&friday, 6).unwrap().display(),
        "20-Jan-2020"
    );
    assert_eq!(
        add_business_days(&friday, -4).unwrap().display(),
        "06-Jan-2020"
    );
    assert_eq!(
        add_business_days(&friday, -5).unwrap().display(),
        "03-Jan-2020"
    );
    assert_eq!(
        add_business_days(&friday, 0).unwrap().display(),
        "10-Jan-2020"
    );
    // From a Saturday: one day forward is Monday, back is Friday.
    let saturday = dt("11-Jan-2020 10:00:00");
    assert_eq!(
        add_business_days(&saturday, 1).unwrap().display(),
        "13-Jan-2020"
    );
    assert_eq!(
        add_business_days(&saturday, 5).unwrap().display(),
        "17-Jan-2020"
    );
    assert_eq!(
        add_business_days(&saturday, -1).unwrap().display(),
        "10-Jan-2020"
    );
    let sunday = dt("12-Jan-2020");
    assert_eq!(
        add_business_days(&sunday, -5).unwrap().display(),
        "06-Jan-2020"
    );
    assert_eq!(
        add_business_days(&sunday, 10).unwrap().display(),
        "24-Jan-2020"
    );
}

#[test]
fn business_hours_count_only_open_hours() {
    // 5 Jan 2026 is a Monday.
    let r = add_business_hours(&dt("05-Jan-2026 17:00:00"), 2).unwrap();
    assert!(!r.date_only);
    assert_eq!(r.display(), "06-Jan-2026 10:00:00");
    let show_add = |t: &str, n| add_business_hours(&dt(t), n).unwrap().display();
    assert_eq!(show_add("05-Jan-2026 10:00:00", 3), "05-Jan-2026 13:00:00");
    assert_eq!(show_add("05-Jan-2026 10:00:00", 8), "05-Jan-2026 18:00:00");
    assert_eq!(show_add("05-Jan-2026 10:00:00", 9), "06-Jan-2026 10:00:00");
    assert_eq!(show_add("05-Jan-2026 07:00:00", 1), "05-Jan-2026 10:00:00");
    assert_eq!(show_add("05-Jan-2026 20:00:00", 1), "06-Jan-2026 10:00:00");
    assert_eq!(show_add("05-Jan-2026 20:00:00", 0), "05-Jan-2026 20:00:00");
    // Friday afternoon rolls over the weekend.
    assert_eq!(show_add("09-Jan-2026 17:00:00", 2), "12-Jan-2026 10:00:00");
    assert_eq!(show_add("10-Jan-2026 12:00:00", 1), "12-Jan-2026 10:00:00");
    // 45 hours = 5 business days.
    assert_eq!(show_add("05-Jan-2026 09:00:00", 45), "09-Jan-2026 18:00:00");
    assert_eq!(show_add("05-Jan-2026 09:00:00", 46), "12-Jan-2026 10:00:00");
}

#[test]
fn business_hours_backwards() {
    let show_sub = |t: &str, n| sub_business_hours(&dt(t), n).unwrap().display();
    assert_eq!(show_sub("06-Jan-2026 10:00:00", 2), "05-Jan-2026 17:00:00");
    assert_eq!(show_sub("05-Jan-2026 12:00:00", 2), "05-Jan-2026 10:00:00");
    assert_eq!(show_sub("12-Jan-2026 10:00:00", 2), "09-Jan-2026 17:00:00");
    assert_eq!(show_sub("11-Jan-2026 10:00:00", 1), "09-Jan-2026 17:00:00");
    assert_eq!(show_sub("05-Jan-2026 20:00:00", 1), "05-Jan-2026 17:00:00");
    assert_eq!(show_sub("09-Jan-2026 18:00:00", 45), "05-Jan-2026 09:00:00");
    assert_eq!(
        add_business_hours(&dt("06-Jan-2026 10:00:00"), -2)
            .unwrap()
            .display(),
        "05-Jan-2026 17:00:00"
    );
}

#[test]
fn components() {
    let d = dt("08-Jan-2019 17:05:09");
    assert_eq!(
        (
            day(&d),
            month(&d),
            year(&d),
            hour(&d),
            minute(&d),
            second(&d)
        ),
        (8, 1, 2019, 17, 5, 9)
    );
    assert_eq!(day(&dt("08-Jan-2019")), 8);
    assert_eq!(day_of_week(&dt("15-Mar-2019")), 6);
    assert_eq!(day_of_week(&dt("17-Mar-2019")), 1);
    assert_eq!(day_of_week(&dt("16-Mar-2019")), 7);
    assert_eq!(day_of_year(&dt("01-Feb-2019")), 32);
    assert_eq!(day_of_year(&dt("31-Dec-2020")), 366);
}

#[test]
fn week_of_year_follows_us_rules() {
    assert_eq!(week_of_year(&dt("01-Jan-2019")), 1);
    // 1 Jan 2019 is a Tuesday; Sunday 6 Jan starts week 2.
    assert_eq!(week_of_year(&dt("05-Jan-2019")), 1);
    assert_eq!(week_of_year(&dt("06-Jan-2019")), 2);
    // 29 Dec 2019 (Sunday) shares a week with 1 Jan 2020.
    assert_eq!(week_of_year(&dt("29-Dec-2019")), 1);
    assert_eq!(week_of_year(&dt("28-Dec-2019")), 52);
    assert_eq!(week_year(date(2019, 12, 29)), 2020);
    assert_eq!(week_year(date(2019, 12, 28)), 2019);
    assert_eq!(week_year(date(2026, 2, 5)), 2026);
}

#[test]
fn differences() {
    assert_eq!(days_between(&dt("1-Jan-2019"), &dt("31-Dec-2019")), 364);
    assert_eq!(days_between(&dt("1-Jan-2020"), &dt("31-Dec-2020")), 365);
    assert_eq!(days_between(&dt("31-Dec-2019"), &dt("1-Jan-2019")), -364);
    assert_eq!(
        days_between(&dt("01-Jan-2019 23:00:00"), &dt("02-Jan-2019 01:00:00")),
        1
    );
    assert_eq!(
        hours_between(&dt("01-Jan-2019 10:00:00"), &dt("01-Jan-2019 12:59:59")),
        2
    );
    assert_eq!(
        hours_between(&dt("01-Jan-2019 12:59:59"), &dt("01-Jan-2019 10:00:00")),
        -2
    );
    assert_eq!(months_between(&dt("15-Jan-2019"), &dt("14-Mar-2019")), 1);
    assert_eq!(months_between(&dt("15-Jan-2019"), &dt("15-Mar-2019")), 2);
    assert_eq!(months_between(&dt("14-Mar-2019"), &dt("15-Jan-2019")), -1);
    assert_eq!(months_between(&dt("15-Jan-2019"), &dt("16-Jan-2019")), 0);
    assert_eq!(years_between(&dt("15-Jan-2019"), &dt("15-Jan-2021")), 2);
    assert_eq!(years_between(&dt("15-Jan-2019"), &dt("14-Jan-2021")), 1);
    assert_eq!(years_between(&dt("15-Jan-2021"), &dt("15-Jan-2019")), -2);
}

#[test]
fn start_and_end_dates() {
    let r = start_of_month(&dt("17-Mar-2021 10:00:00"));
    assert!(r.date_only);
    assert_eq!(r.display(), "01-Mar-2021");
    assert_eq!(
        start_of_week(&dt("17-Mar-2021")).unwrap().display(),
        "14-Mar-2021"
    );
    assert_eq!(
        start_of_week(&dt("14-Mar-2021")).unwrap().display(),
        "14-Mar-2021"
    );
    assert_eq!(
        eomonth(&dt("17-Jan-2021"), 1).unwrap().display(),
        "28-Feb-2021"
    );
    assert_eq!(
        eomonth(&dt("17-Jan-2021"), 0).unwrap().display(),
        "31-Jan-2021"
    );
    assert_eq!(
        eomonth(&dt("17-Jan-2021"), -1).unwrap().display(),
        "31-Dec-2020"
    );
    assert_eq!(
        edate(&dt("31-Jan-2021"), 1).unwrap().display(),
        "28-Feb-2021"
    );
    assert_eq!(
        edate(&dt("31-Jan-2021 10:00:00"), 2).unwrap().display(),
        "31-Mar-2021"
    );
}

#[test]
fn unix_epoch_with_utc_host() {
    assert_eq!(
        dt("02-Jan-1970").to_epoch_millis(&TimeZone::UTC),
        Ok(86_400_000)
    );
}
