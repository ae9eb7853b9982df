//! Parameter and return types of user functions (language spec §8.2):
//! which values a declared type accepts, and the conversions it applies.

use crate::datetime::DateTime;
use crate::value::{CollectionObj, Value};
use deluge_syntax::ast::TypeKind;

/// Converts `v` to the declared type, or `None` when the type rejects it.
/// `null` is accepted by every type.
pub fn convert(
    v: Value,
    ty: TypeKind,
    parse_date: &dyn Fn(&str) -> Option<DateTime>,
) -> Option<Value> {
    if v.is_null() {
        return Some(v);
    }
    match ty {
        TypeKind::Text => Some(match v {
            Value::Text(_) => v,
            other => Value::Text(other.display_rc()),
        }),
        TypeKind::Number => match &v {
            Value::Number(_) => Some(v),
            Value::Text(t) => t.trim().parse::<i64>().ok().map(Value::Number),
            _ => None,
        },
        TypeKind::Decimal => match &v {
            Value::Decimal(_) => Some(v),
            Value::Number(n) => Some(Value::Decimal(*n as f64)),
            _ => None,
        },
        TypeKind::Bool => matches!(v, Value::Bool(_)).then_some(v),
        TypeKind::DateTime => match &v {
            Value::DateTime(_) => Some(v),
            Value::Text(t) => parse_date(t).map(Value::DateTime),
            _ => None,
        },
        TypeKind::Map => v.map_ref().is_some().then_some(v.clone()),
        TypeKind::List => (v.list_ref().is_some() || is_empty_collection(&v)).then_some(v.clone()),
        TypeKind::Collection => {
            matches!(v, Value::List(_) | Value::Map(_) | Value::Collection(_)).then_some(v)
        }
        TypeKind::Void => None,
    }
}

fn is_empty_collection(v: &Value) -> bool {
    match v {
        Value::Collection(c) => matches!(&*c.borrow(), CollectionObj::Empty),
        _ => false,
    }
}
