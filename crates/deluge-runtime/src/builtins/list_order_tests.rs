//! Examples of builtins §4 (ordering and statistics), expectations from
//! the spec.

use crate::builtins::test_support::{call, show};
use crate::value::Value;

fn t(s: &str) -> Value {
    Value::text(s)
}

fn nums(xs: &[i64]) -> Value {
    Value::new_list(xs.iter().copied().map(Value::Number).collect())
}

fn run(recv: &Value, name: &str, args: &[Value]) -> String {
    show(call(recv, name, args))
}

#[test]
fn sort_in_place_stable_and_directional() {
    let l = nums(&[3, 1, 2]);
    assert_eq!(run(&l, "sort", &[]), "1,2,3");
    assert_eq!(l.display(), "1,2,3");
    assert_eq!(
        run(&Value::new_list(vec![t("b"), t("B"), t("a")]), "sort", &[]),
        "B,a,b"
    );
    assert_eq!(run(&nums(&[3, 1]), "sort", &[Value::Bool(false)]), "3,1");
    let mixed = Value::new_list(vec![Value::Number(2), Value::Decimal(1.5), Value::Null]);
    assert_eq!(run(&mixed, "sort", &[]), "null,1.5,2");
}

#[test]
fn sort_of_incomparable_elements_is_null_and_leaves_the_list() {
    let l = Value::new_list(vec![Value::Number(1), t("a")]);
    assert!(matches!(call(&l, "sort", &[]), Ok(Value::Null)));
    assert_eq!(l.display(), "1,a");
    let nested = Value::new_list(vec![nums(&[1]), nums(&[0])]);
    assert!(matches!(call(&nested, "sort", &[]), Ok(Value::Null)));
}

#[test]
fn average_sum_median() {
    assert_eq!(run(&nums(&[1, 2, 3, 4]), "average", &[]), "2.5");
    assert_eq!(run(&nums(&[]), "average", &[]), "null");
    assert_eq!(
        run(
            &Value::new_list(vec![Value::Number(1), Value::Decimal(2.5)]),
            "sum",
            &[]
        ),
        "3.5"
    );
    assert_eq!(run(&nums(&[1, 2]), "sum", &[]), "3");
    assert_eq!(run(&nums(&[]), "sum", &[]), "0");
    assert_eq!(
        run(&nums(&[i64::MAX, 1]), "sum", &[]),
        "error: Number overflow"
    );
    assert_eq!(run(&nums(&[3, 1, 2]), "median", &[]), "2");
    assert_eq!(run(&nums(&[1, 2, 3, 4]), "median", &[]), "2.5");
    assert_eq!(run(&nums(&[]), "median", &[]), "null");
    let bad = Value::new_list(vec![Value::Number(1), t("a")]);
    assert_eq!(
        run(&bad, "average", &[]),
        "error: Invalid arguments for function 'average'"
    );
    assert_eq!(
        run(&bad, "median", &[]),
        "error: Invalid arguments for function 'median'"
    );
}

#[test]
fn largest_smallest_and_nth() {
    assert_eq!(run(&nums(&[3, 9, 2]), "largest", &[]), "9");
    assert_eq!(run(&nums(&[3, 9, 2]), "smallest", &[]), "2");
    assert_eq!(
        run(&Value::new_list(vec![t("b"), t("a")]), "smallest", &[]),
        "a"
    );
    assert_eq!(run(&nums(&[]), "largest", &[]), "null");
    let bad = Value::new_list(vec![Value::Number(1), t("a")]);
    assert_eq!(
        run(&bad, "largest", &[]),
        "error: Invalid arguments for function 'largest'"
    );
    let l = nums(&[5, 1, 9, 7]);
    assert_eq!(run(&l, "nthLargest", &[Value::Number(2)]), "7");
    assert_eq!(run(&l, "nthLargest", &[Value::Number(1)]), "9");
    assert_eq!(run(&l, "nthSmallest", &[Value::Number(2)]), "5");
    assert_eq!(
        run(&l, "nthSmallest", &[Value::Number(0)]),
        "error: Index 0 is out of range for a list of size 4"
    );
    assert_eq!(
        run(&l, "nthLargest", &[Value::Number(5)]),
        "error: Index 5 is out of range for a list of size 4"
    );
}
