//! Examples of builtins §3 and §11 (`truncate`).

use crate::builtins::test_support::{call, show};
use crate::value::Value;

fn n(i: i64) -> Value {
    Value::Number(i)
}

fn d(f: f64) -> Value {
    Value::Decimal(f)
}

fn run(recv: Value, name: &str, args: &[Value]) -> String {
    show(call(&recv, name, args))
}

#[test]
// `3.14159` is the spec's example, not an approximation of π.
#[allow(clippy::approx_constant)]
fn rounding_family() {
    assert_eq!(run(n(-5), "abs", &[]), "5");
    assert_eq!(run(d(-2.5), "abs", &[]), "2.5");
    assert_eq!(run(n(i64::MIN), "abs", &[]), "error: Number overflow");
    assert_eq!(run(d(4.2), "ceil", &[]), "5");
    assert_eq!(run(d(-4.2), "ceil", &[]), "-4");
    assert_eq!(run(d(4.8), "floor", &[]), "4");
    assert_eq!(run(d(-4.2), "floor", &[]), "-5");
    assert_eq!(run(d(3.14159), "round", &[n(2)]), "3.14");
    assert_eq!(run(d(2.5), "round", &[]), "3.0");
    assert_eq!(run(d(-2.5), "round", &[n(0)]), "-3.0");
    assert_eq!(run(d(1.005), "round", &[n(2)]), "1.01");
    assert_eq!(run(n(7), "round", &[n(2)]), "7");
    assert_eq!(run(d(2.789), "truncate", &[n(2)]), "2.78");
    assert_eq!(run(d(-2.789), "truncate", &[n(1)]), "-2.7");
    assert_eq!(run(d(1500.75), "truncate", &[n(0)]), "1500");
    assert_eq!(
        run(d(1.5), "truncate", &[n(-1)]),
        "error: Invalid arguments for function 'truncate'"
    );
}

#[test]
fn powers_and_functions() {
    assert_eq!(run(n(2), "power", &[n(10)]), "1024");
    assert_eq!(run(n(2), "power", &[n(-1)]), "0.5");
    assert_eq!(run(n(9), "power", &[d(0.5)]), "3.0");
    assert_eq!(run(n(10), "power", &[n(30)]), "error: Number overflow");
    assert_eq!(
        run(n(0), "power", &[n(-1)]),
        "error: Invalid decimal result"
    );
    assert_eq!(run(n(16), "sqrt", &[]), "4.0");
    assert_eq!(
        run(n(-1), "sqrt", &[]),
        "error: Invalid arguments for function 'sqrt'"
    );
    assert_eq!(run(n(0), "exp", &[]), "1.0");
    assert_eq!(run(n(1), "log", &[]), "0.0");
    assert_eq!(run(n(0), "cos", &[]), "1.0");
    assert_eq!(
        run(n(2), "asin", &[]),
        "error: Invalid arguments for function 'asin'"
    );
}

#[test]
fn comparisons_and_conversions() {
    assert_eq!(run(n(3), "max", &[d(4.5)]), "4.5");
    assert_eq!(run(n(3), "min", &[d(4.5)]), "3");
    assert_eq!(run(n(5), "toDecimal", &[]), "5.0");
    assert_eq!(run(d(7.9), "toLong", &[]), "7");
    assert_eq!(run(d(-7.9), "toLong", &[]), "-7");
    assert_eq!(run(n(255), "toHex", &[]), "ff");
    assert_eq!(run(n(-1), "toHex", &[]), "ffffffffffffffff");
    assert_eq!(run(n(4), "isEven", &[]), "true");
    assert_eq!(run(n(3), "isOdd", &[]), "true");
    assert_eq!(
        run(d(3.0), "isOdd", &[]),
        "error: Invalid arguments for function 'isOdd'"
    );
}

#[test]
fn to_string_patterns() {
    let v = d(1000000.05);
    assert_eq!(
        run(v.clone(), "toString", &[Value::text("#,000.00")]),
        "1,000,000.05"
    );
    assert_eq!(
        run(v.clone(), "toString", &[Value::text("#,000.0")]),
        "1,000,000.0"
    );
    assert_eq!(
        run(v, "toString", &[Value::text("$#,000.00")]),
        "$1,000,000.05"
    );
    assert_eq!(run(d(0.2), "toString", &[Value::text("0%")]), "20%");
    assert_eq!(run(n(5), "toString", &[Value::text("#,000")]), "005");
    assert_eq!(run(d(-3.456), "toString", &[Value::text("0.##")]), "-3.46");
    assert_eq!(run(n(42), "toText", &[]), "42");
    assert_eq!(
        run(
            n(1767607200000),
            "toString",
            &[Value::text("yyyy-MM-dd HH:mm")]
        ),
        "2026-01-05 10:00"
    );
    // Text functions still reach numbers through their text form.
    assert_eq!(run(d(1000000.05), "length", &[]), "10");
}
