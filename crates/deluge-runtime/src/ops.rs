//! Operators (language spec §4.3–§4.5): result types and errors.

use crate::datetime::DateTime;
use crate::error::{RtError, RtResult};
use crate::value::{Value, compare_text, loose_equals, write_display};
use deluge_syntax::ast::{BinaryOp, UnaryOp};
use std::cmp::Ordering;

/// Applies a binary operator other than `&&` / `||` (which short-circuit
/// and are handled by the evaluator).
pub fn binary(
    op: BinaryOp,
    l: &Value,
    r: &Value,
    parse_date: &dyn Fn(&str) -> Option<DateTime>,
) -> RtResult<Value> {
    match op {
        BinaryOp::Add => add(l, r),
        BinaryOp::Sub => arith(op, l, r, i64::checked_sub, |a, b| a - b),
        BinaryOp::Mul => arith(op, l, r, i64::checked_mul, |a, b| a * b),
        BinaryOp::Div => divide(l, r),
        BinaryOp::Rem => remainder(l, r),
        BinaryOp::Eq => Ok(Value::Bool(loose_equals(l, r, parse_date))),
        BinaryOp::Ne => Ok(Value::Bool(!loose_equals(l, r, parse_date))),
        BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge => {
            let ord = relational_order(op, l, r, parse_date)?;
            Ok(Value::Bool(match op {
                BinaryOp::Lt => ord == Ordering::Less,
                BinaryOp::Le => ord != Ordering::Greater,
                BinaryOp::Gt => ord == Ordering::Greater,
                _ => ord != Ordering::Less,
            }))
        }
        BinaryOp::And | BinaryOp::Or => match (l, r) {
            (Value::Bool(a), Value::Bool(b)) => Ok(Value::Bool(if op == BinaryOp::And {
                *a && *b
            } else {
                *a || *b
            })),
            _ => Err(type_error(op, l, r)),
        },
    }
}

pub fn type_error(op: BinaryOp, l: &Value, r: &Value) -> RtError {
    RtError::binary_types(op.symbol(), l.type_name(), r.type_name())
}

/// `+`: numbers add; TEXT on either side concatenates text forms.
pub fn add(l: &Value, r: &Value) -> RtResult<Value> {
    match (l, r) {
        (Value::Text(a), Value::Text(b)) => {
            let mut s = String::with_capacity(a.len() + b.len());
            s.push_str(a);
            s.push_str(b);
            Ok(Value::from(s))
        }
        (Value::Text(a), other) => {
            let mut s = String::with_capacity(a.len() + 16);
            s.push_str(a);
            write_display(other, &mut s);
            Ok(Value::from(s))
        }
        (other, Value::Text(b)) => {
            let mut s = String::with_capacity(b.len() + 16);
            write_display(other, &mut s);
            s.push_str(b);
            Ok(Value::from(s))
        }
        _ => arith(BinaryOp::Add, l, r, i64::checked_add, |a, b| a + b),
    }
}

fn arith(
    op: BinaryOp,
    l: &Value,
    r: &Value,
    int: fn(i64, i64) -> Option<i64>,
    float: fn(f64, f64) -> f64,
) -> RtResult<Value> {
    match (l, r) {
        (Value::Number(a), Value::Number(b)) => {
            int(*a, *b).map(Value::Number).ok_or_else(RtError::overflow)
        }
        _ => match (as_f64(l), as_f64(r)) {
            (Some(a), Some(b)) => decimal(float(a, b)),
            _ => Err(type_error(op, l, r)),
        },
    }
}

fn as_f64(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => Some(*n as f64),
        Value::Decimal(f) => Some(*f),
        _ => None,
    }
}

/// A DECIMAL result; NaN and infinities are errors (§5.3).
fn decimal(f: f64) -> RtResult<Value> {
    if f.is_finite() {
        Ok(Value::Decimal(f))
    } else {
        Err(RtError::invalid_decimal())
    }
}

/// `/`: an exact NUMBER quotient stays NUMBER, otherwise DECIMAL (§4.3).
fn divide(l: &Value, r: &Value) -> RtResult<Value> {
    match (l, r) {
        (Value::Number(_), Value::Number(0)) => Err(RtError::division_by_zero()),
        // `checked_rem` because `i64::MIN % -1` overflows in Rust (its
        // remainder is 0, and the quotient then overflows).
        (Value::Number(a), Value::Number(b)) => {
            if a.checked_rem(*b).unwrap_or(0) == 0 {
                a.checked_div(*b)
                    .map(Value::Number)
                    .ok_or_else(RtError::overflow)
            } else {
                decimal(*a as f64 / *b as f64)
            }
        }
        _ => match (as_f64(l), as_f64(r)) {
            (Some(_), Some(0.0)) => Err(RtError::division_by_zero()),
            (Some(a), Some(b)) => decimal(a / b),
            _ => Err(type_error(BinaryOp::Div, l, r)),
        },
    }
}

/// `%`: the sign follows the dividend.
fn remainder(l: &Value, r: &Value) -> RtResult<Value> {
    match (l, r) {
        (Value::Number(_), Value::Number(0)) => Err(RtError::division_by_zero()),
        // i64::MIN % -1 overflows in Rust but is mathematically 0.
        (Value::Number(a), Value::Number(b)) => Ok(Value::Number(a.checked_rem(*b).unwrap_or(0))),
        _ => match (as_f64(l), as_f64(r)) {
            (Some(_), Some(0.0)) => Err(RtError::division_by_zero()),
            (Some(a), Some(b)) => decimal(a % b),
            _ => Err(type_error(BinaryOp::Rem, l, r)),
        },
    }
}

/// The order behind `<`, `<=`, `>`, `>=` (§4.4); other pairs are errors.
fn relational_order(
    op: BinaryOp,
    l: &Value,
    r: &Value,
    parse_date: &dyn Fn(&str) -> Option<DateTime>,
) -> RtResult<Ordering> {
    let unordered = || type_error(op, l, r);
    match (l, r) {
        (Value::Number(a), Value::Number(b)) => Ok(a.cmp(b)),
        (Value::Text(a), Value::Text(b)) => Ok(compare_text(a, b)),
        (Value::DateTime(a), Value::DateTime(b)) => Ok(a.local.cmp(&b.local)),
        (Value::Text(t), Value::DateTime(d)) => {
            let p = parse_date(t).ok_or_else(|| RtError::invalid_datetime(t))?;
            Ok(p.local.cmp(&d.local))
        }
        (Value::DateTime(d), Value::Text(t)) => {
            let p = parse_date(t).ok_or_else(|| RtError::invalid_datetime(t))?;
            Ok(d.local.cmp(&p.local))
        }
        _ => match (as_f64(l), as_f64(r)) {
            (Some(a), Some(b)) => a.partial_cmp(&b).ok_or_else(unordered),
            _ => Err(unordered()),
        },
    }
}

pub fn unary(op: UnaryOp, v: &Value) -> RtResult<Value> {
    match (op, v) {
        (UnaryOp::Not, Value::Bool(b)) => Ok(Value::Bool(!b)),
        (UnaryOp::Neg, Value::Number(n)) => n
            .checked_neg()
            .map(Value::Number)
            .ok_or_else(RtError::overflow),
        (UnaryOp::Neg, Value::Decimal(f)) => Ok(Value::Decimal(-f)),
        (UnaryOp::Plus, Value::Number(_) | Value::Decimal(_)) => Ok(v.clone()),
        _ => Err(RtError::unary_type(op.symbol(), v.type_name())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_dates(_: &str) -> Option<DateTime> {
        None
    }

    fn eval(op: BinaryOp, l: Value, r: Value) -> RtResult<Value> {
        binary(op, &l, &r, &no_dates)
    }

    fn shown(v: RtResult<Value>) -> String {
        match v {
            Ok(v) => v.display(),
            Err(e) => format!("error: {}", e.message),
        }
    }

    #[test]
    fn division_is_exact_or_decimal() {
        assert_eq!(shown(eval(BinaryOp::Div, 10.into(), 5.into())), "2");
        assert_eq!(shown(eval(BinaryOp::Div, 7.into(), 2.into())), "3.5");
        assert_eq!(shown(eval(BinaryOp::Div, 20.into(), 100.into())), "0.2");
        assert_eq!(shown(eval(BinaryOp::Div, (-7).into(), 2.into())), "-3.5");
        assert_eq!(
            shown(eval(BinaryOp::Div, 5.into(), 0.into())),
            "error: Division by zero"
        );
    }

    #[test]
    fn minimum_divided_by_minus_one_overflows() {
        assert_eq!(
            shown(eval(BinaryOp::Div, i64::MIN.into(), (-1).into())),
            "error: Number overflow"
        );
        assert_eq!(
            shown(eval(BinaryOp::Rem, i64::MIN.into(), (-1).into())),
            "0"
        );
    }

    #[test]
    fn remainder_follows_the_dividend() {
        assert_eq!(shown(eval(BinaryOp::Rem, (-7).into(), 3.into())), "-1");
        assert_eq!(
            shown(eval(BinaryOp::Rem, Value::Decimal(7.5), 2.into())),
            "1.5"
        );
    }

    #[test]
    fn text_on_either_side_concatenates() {
        assert_eq!(shown(eval(BinaryOp::Add, "5".into(), 3.into())), "53");
        assert_eq!(shown(eval(BinaryOp::Add, 1.into(), "a".into())), "1a");
        assert_eq!(shown(eval(BinaryOp::Add, "x".into(), Value::Null)), "xnull");
    }

    #[test]
    fn overflow_and_type_errors() {
        assert_eq!(
            shown(eval(BinaryOp::Add, i64::MAX.into(), 1.into())),
            "error: Number overflow"
        );
        assert_eq!(
            shown(eval(BinaryOp::Add, Value::Bool(true), 1.into())),
            "error: Left expression is of type BOOLEAN and right expression is of type BIGINT and operator + is not valid"
        );
        assert_eq!(
            shown(unary(UnaryOp::Neg, &"a".into())),
            "error: Operator - is not valid for type STRING"
        );
    }

    #[test]
    fn decimals_print_in_their_text_form() {
        assert_eq!(
            shown(eval(
                BinaryOp::Add,
                Value::Decimal(0.1),
                Value::Decimal(0.2)
            )),
            "0.30000000000000004"
        );
    }

    #[test]
    fn relational_operators_reject_null() {
        assert!(eval(BinaryOp::Lt, Value::Null, 1.into()).is_err());
        assert_eq!(shown(eval(BinaryOp::Lt, "B".into(), "a".into())), "true");
    }
}
