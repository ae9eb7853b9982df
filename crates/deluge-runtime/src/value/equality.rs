//! The equalities and the ordering of values.
//!
//! - [`loose_equals`] is the `==` operator (language spec §4.4): it never
//!   fails, and compares a numeric TEXT with a number.
//! - [`same_family_equals`] is the equality of map keys and of the
//!   collection functions (`contains`, `indexOf`, ...; builtins §0.4): the
//!   same, except that TEXT never equals a NUMBER or DECIMAL.
//! - [`order`] is the ordering of `sort`, `largest` and friends.

use super::Value;
use crate::datetime::DateTime;
use std::cmp::Ordering;

/// Collections nested deeper than this compare unequal: two lists that
/// contain themselves must not recurse forever.
const MAX_DEPTH: usize = 200;

/// `==` of §4.4. `parse_date` turns a TEXT into a date-time for the
/// TEXT-with-DATETIME row (it needs the clock for two-digit years).
pub fn loose_equals(a: &Value, b: &Value, parse_date: &dyn Fn(&str) -> Option<DateTime>) -> bool {
    loose_at(a, b, parse_date, 0)
}

fn loose_at(
    a: &Value,
    b: &Value,
    parse_date: &dyn Fn(&str) -> Option<DateTime>,
    depth: usize,
) -> bool {
    match (a, b) {
        (Value::Text(t), Value::Number(_) | Value::Decimal(_)) => text_equals_number(t, b),
        (Value::Number(_) | Value::Decimal(_), Value::Text(t)) => text_equals_number(t, a),
        (Value::Text(t), Value::DateTime(d)) | (Value::DateTime(d), Value::Text(t)) => {
            parse_date(t).is_some_and(|p| p.local == d.local)
        }
        _ => equals_with(a, b, depth, &|x, y| loose_at(x, y, parse_date, depth + 1)),
    }
}

/// Equality within one type family (map keys, collection functions).
pub fn same_family_equals(a: &Value, b: &Value) -> bool {
    family_at(a, b, 0)
}

fn family_at(a: &Value, b: &Value, depth: usize) -> bool {
    equals_with(a, b, depth, &|x, y| family_at(x, y, depth + 1))
}

/// The rows of §4.4 shared by both equalities; `inner` compares elements.
fn equals_with(a: &Value, b: &Value, depth: usize, inner: &dyn Fn(&Value, &Value) -> bool) -> bool {
    if depth > MAX_DEPTH {
        return false;
    }
    match (a, b) {
        (Value::Null, Value::Null) => true,
        (Value::Null, _) | (_, Value::Null) => false,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Number(x), Value::Number(y)) => x == y,
        (Value::Number(x), Value::Decimal(y)) | (Value::Decimal(y), Value::Number(x)) => {
            (*x as f64) == *y
        }
        (Value::Decimal(x), Value::Decimal(y)) => x == y,
        (Value::Text(x), Value::Text(y)) => x == y,
        (Value::DateTime(x), Value::DateTime(y)) => x.local == y.local,
        (Value::Error(x), Value::Error(y)) => x == y,
        (Value::File(x), Value::File(y)) => std::rc::Rc::ptr_eq(x, y),
        _ => collections_equal(a, b, inner),
    }
}

fn collections_equal(a: &Value, b: &Value, inner: &dyn Fn(&Value, &Value) -> bool) -> bool {
    if a.same_object(b) {
        return true;
    }
    if let (Some(x), Some(y)) = (a.list_ref(), b.list_ref()) {
        return x.items.len() == y.items.len()
            && x.items.iter().zip(&y.items).all(|(p, q)| inner(p, q));
    }
    if let (Some(x), Some(y)) = (a.map_ref(), b.map_ref()) {
        return x.entries.len() == y.entries.len()
            && x.entries.iter().all(|(k, v)| {
                y.entries
                    .get(&super::MapKeyRef(&k.0))
                    .is_some_and(|w| inner(v, w))
            });
    }
    // Two empty collections, or an empty collection and an empty list/map.
    let empty = |v: &Value| match v {
        Value::Collection(_) => v.list_ref().is_none() && v.map_ref().is_none(),
        _ => false,
    };
    let len = |v: &Value| {
        v.list_ref()
            .map(|l| l.items.len())
            .or_else(|| v.map_ref().map(|m| m.entries.len()))
    };
    (empty(a) && (empty(b) || len(b) == Some(0))) || (empty(b) && len(a) == Some(0))
}

/// TEXT with NUMBER/DECIMAL: the trimmed text must be a plain decimal number
/// (`^[+-]?[0-9]+(\.[0-9]+)?$`) numerically equal to the other operand.
fn text_equals_number(text: &str, number: &Value) -> bool {
    let t = text.trim();
    if !is_plain_decimal(t) {
        return false;
    }
    match number {
        Value::Number(n) => {
            if let Ok(parsed) = t.parse::<i64>() {
                return parsed == *n;
            }
            t.parse::<f64>().is_ok_and(|f| f == *n as f64)
        }
        Value::Decimal(d) => t.parse::<f64>().is_ok_and(|f| f == *d),
        _ => false,
    }
}

fn is_plain_decimal(t: &str) -> bool {
    let body = t.strip_prefix(['+', '-']).unwrap_or(t);
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    digits(int) && frac.is_none_or(digits)
}

/// Compares two texts by UTF-16 code unit, as Java does (`"B" < "a"`).
pub fn compare_text(a: &str, b: &str) -> Ordering {
    if a.is_ascii() && b.is_ascii() {
        return a.cmp(b);
    }
    a.encode_utf16().cmp(b.encode_utf16())
}

/// The ordering of `sort` (builtins §4): numbers numerically, TEXT by UTF-16
/// code unit, DATETIME chronologically, `false < true`, `null` first.
/// `None` when the two values cannot be ordered against each other.
pub fn order(a: &Value, b: &Value) -> Option<Ordering> {
    match (a, b) {
        (Value::Null, Value::Null) => Some(Ordering::Equal),
        (Value::Null, _) => Some(Ordering::Less),
        (_, Value::Null) => Some(Ordering::Greater),
        (Value::Number(x), Value::Number(y)) => Some(x.cmp(y)),
        (Value::Number(x), Value::Decimal(y)) => (*x as f64).partial_cmp(y),
        (Value::Decimal(x), Value::Number(y)) => x.partial_cmp(&(*y as f64)),
        (Value::Decimal(x), Value::Decimal(y)) => x.partial_cmp(y),
        (Value::Text(x), Value::Text(y)) => Some(compare_text(x, y)),
        (Value::DateTime(x), Value::DateTime(y)) => Some(x.local.cmp(&y.local)),
        (Value::Bool(x), Value::Bool(y)) => Some(x.cmp(y)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_dates(_: &str) -> Option<DateTime> {
        None
    }

    fn eq(a: Value, b: Value) -> bool {
        loose_equals(&a, &b, &no_dates)
    }

    #[test]
    fn numeric_text_equals_number_only_for_the_operator() {
        assert!(eq(Value::text("200"), Value::Number(200)));
        assert!(eq(Value::text("5"), Value::Decimal(5.0)));
        assert!(!eq(Value::text("5a"), Value::Number(5)));
        assert!(!eq(Value::text(""), Value::Number(0)));
        assert!(!same_family_equals(&Value::text("1"), &Value::Number(1)));
    }

    #[test]
    fn null_equals_only_null() {
        assert!(eq(Value::Null, Value::Null));
        assert!(!eq(Value::text(""), Value::Null));
        assert!(!eq(Value::text("true"), Value::Bool(true)));
    }

    #[test]
    fn number_and_decimal_compare_numerically() {
        assert!(eq(Value::Number(1), Value::Decimal(1.0)));
    }

    #[test]
    fn lists_compare_pairwise() {
        let a = Value::new_list(vec![Value::Number(1), Value::text("a")]);
        let b = Value::new_list(vec![Value::Decimal(1.0), Value::text("a")]);
        assert!(eq(a, b));
    }

    #[test]
    fn text_orders_by_utf16_code_unit() {
        assert_eq!(compare_text("B", "a"), Ordering::Less);
        assert_eq!(
            order(&Value::text("b"), &Value::Number(1)),
            None,
            "text and numbers cannot be ordered"
        );
    }
}
