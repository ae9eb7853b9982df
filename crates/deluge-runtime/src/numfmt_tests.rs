//! Tests for `numfmt.rs`; expectations from language reference §5.8.2 and
//! built-ins §3.1, §3.2 and §11.

use super::*;

fn fmt_f(f: f64, pattern: &str) -> String {
    format_number(NumberArg::Float(f), pattern).unwrap()
}

fn fmt_i(n: i64, pattern: &str) -> String {
    format_number(NumberArg::Int(n), pattern).unwrap()
}

#[test]
fn decimal_text_examples() {
    assert_eq!(decimal_text(0.99), "0.99");
    assert_eq!(decimal_text(2.50), "2.5");
    assert_eq!(decimal_text(5.0), "5.0");
    assert_eq!(decimal_text(7.0 / 2.0), "3.5");
    assert_eq!(decimal_text(1000000.05), "1000000.05");
    assert_eq!(decimal_text(0.1 + 0.2), "0.30000000000000004");
    assert_eq!(decimal_text(1e20), "100000000000000000000.0");
    assert_eq!(decimal_text(-0.0), "0.0");
    assert_eq!(decimal_text(-1.5), "-1.5");
    assert_eq!(decimal_text(1e-7), "0.0000001");
}

#[test]
#[allow(clippy::approx_constant)] // 3.14159 is the spec's example, not pi.
fn round_half_away_from_zero_on_the_decimal_text() {
    assert_eq!(round_half_away(3.14159, 2), 3.14);
    assert_eq!(round_half_away(2.5, 0), 3.0);
    assert_eq!(round_half_away(-2.5, 0), -3.0);
    assert_eq!(round_half_away(1.005, 2), 1.01);
    assert_eq!(round_half_away(9.995, 2), 10.0);
    assert_eq!(round_half_away(99.5, 0), 100.0);
    assert_eq!(round_half_away(0.5, 0), 1.0);
    assert_eq!(round_half_away(0.4, 0), 0.0);
    assert_eq!(round_half_away(1.25, 5), 1.25);
    assert_eq!(round_half_away(1e20, 2), 1e20);
    let z = round_half_away(-0.001, 2);
    assert_eq!(decimal_text(z), "0.0");
    assert!(round_half_away(f64::NAN, 2).is_nan());
}

#[test]
fn truncate_toward_zero_on_the_decimal_text() {
    assert_eq!(truncate_places(2.789, 2), 2.78);
    assert_eq!(truncate_places(-2.789, 1), -2.7);
    assert_eq!(truncate_places(1500.75, 0), 1500.0);
    // 0.29 is stored as 0.28999…; the text "0.29" is what gets cut.
    assert_eq!(truncate_places(0.29, 2), 0.29);
    assert_eq!(truncate_places(4.35, 1), 4.3);
    assert_eq!(decimal_text(truncate_places(-0.05, 1)), "0.0");
}

#[test]
fn documented_pattern_table() {
    assert_eq!(fmt_f(1000000.05, "#,000"), "1,000,000");
    assert_eq!(fmt_f(1000000.05, "#,000.0"), "1,000,000.0");
    assert_eq!(fmt_f(1000000.05, "#,000.00"), "1,000,000.05");
    assert_eq!(fmt_f(1000000.05, "$#,000.00"), "$1,000,000.05");
    assert_eq!(fmt_f(0.2, "0%"), "20%");
    assert_eq!(fmt_i(5, "#,000"), "005");
    assert_eq!(fmt_f(1234.5, "#,##0.00"), "1,234.50");
    assert_eq!(fmt_f(-3.456, "0.##"), "-3.46");
}

#[test]
fn half_even_on_the_decimal_text() {
    assert_eq!(fmt_f(0.125, "0.00"), "0.12");
    assert_eq!(fmt_f(0.135, "0.00"), "0.14");
    assert_eq!(fmt_f(2.5, "0"), "2");
    assert_eq!(fmt_f(3.5, "0"), "4");
    assert_eq!(fmt_f(2.51, "0"), "3");
    assert_eq!(fmt_f(1.005, "0.00"), "1.00");
    assert_eq!(fmt_f(9.995, "0.00"), "10.00");
    assert_eq!(fmt_f(999.5, "#,##0"), "1,000");
}

#[test]
fn optional_digits_and_zero() {
    assert_eq!(fmt_f(1.5, "#.##"), "1.5");
    assert_eq!(fmt_f(0.5, "#.##"), ".5");
    assert_eq!(fmt_f(0.0, "#.##"), "0");
    assert_eq!(fmt_i(0, "#"), "0");
    assert_eq!(fmt_i(0, "0.00"), "0.00");
    assert_eq!(fmt_f(12.0, "0.#"), "12");
    assert_eq!(fmt_f(12.0, "0."), "12.");
}

#[test]
fn integers_grouping_and_percent() {
    assert_eq!(fmt_i(1234567, "#,##0"), "1,234,567");
    // Only the last grouping interval counts, as in Java.
    assert_eq!(fmt_i(1234567, "#,##,##0"), "1,234,567");
    assert_eq!(fmt_i(1234567, "#,####"), "123,4567");
    assert_eq!(fmt_i(-1234, "#,##0.00"), "-1,234.00");
    assert_eq!(fmt_i(i64::MIN, "#,##0"), "-9,223,372,036,854,775,808");
    assert_eq!(fmt_i(3, "0%"), "300%");
    assert_eq!(fmt_f(0.1234, "0.0%"), "12.3%");
    assert_eq!(fmt_f(0.005, "0\u{2030}"), "5\u{2030}");
    assert_eq!(fmt_f(1e20, "#,##0"), "100,000,000,000,000,000,000");
}

#[test]
fn affixes_quotes_and_negatives() {
    assert_eq!(fmt_f(-5.5, "$#,##0.00"), "-$5.50");
    assert_eq!(fmt_f(5.5, "#,##0.00 \u{a3}"), "5.50 \u{a3}");
    assert_eq!(fmt_f(5.5, "0.00' USD'"), "5.50 USD");
    assert_eq!(fmt_f(5.5, "'#'0"), "#6");
    assert_eq!(fmt_f(5.0, "0''"), "5'");
    assert_eq!(fmt_f(-5.0, "0;(0)"), "(5)");
    assert_eq!(fmt_f(5.0, "0;(0)"), "5");
    // Java keeps the sign of a negative value that rounds to zero.
    assert_eq!(fmt_f(-0.001, "0.00"), "-0.00");
}

#[test]
fn invalid_patterns() {
    for pattern in ["", "$", "0.0.0", "0.0,0", "0 USD", "0'x", "0%0"] {
        assert_eq!(
            format_number(NumberArg::Int(1), pattern),
            Err(NumFmtError::InvalidPattern(pattern.to_string())),
            "{pattern}"
        );
    }
    assert_eq!(
        format_number(NumberArg::Float(f64::INFINITY), "0"),
        Err(NumFmtError::NotFinite)
    );
}
