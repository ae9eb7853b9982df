//! Element conversion for typed lists (language spec §5.7.1).

use crate::datetime::DateTime;
use crate::error::{RtError, RtResult};
use crate::value::{ElemType, Value};
use deluge_syntax::codes;

/// Converts an element stored into a typed list (a NUMBER for a date list
/// is epoch milliseconds, read in `zone`), or fails with
/// "Element 'x' is not valid for a list of type INT".
pub fn convert_element(
    v: &Value,
    elem: ElemType,
    parse_date: &dyn Fn(&str) -> Option<DateTime>,
    zone: &jiff::tz::TimeZone,
) -> RtResult<Value> {
    let converted = match (elem, v) {
        (_, Value::Null) => Some(Value::Null),
        (ElemType::Text, Value::Text(_)) => Some(v.clone()),
        (
            ElemType::Text,
            Value::Number(_) | Value::Decimal(_) | Value::Bool(_) | Value::DateTime(_),
        ) => Some(Value::Text(v.display_rc())),
        (ElemType::Number, Value::Number(_)) => Some(v.clone()),
        (ElemType::Number, Value::Text(t)) => t.trim().parse::<i64>().ok().map(Value::Number),
        (ElemType::Decimal, Value::Number(n)) => Some(Value::Decimal(*n as f64)),
        (ElemType::Decimal, Value::Decimal(_)) => Some(v.clone()),
        (ElemType::Decimal, Value::Text(t)) => t
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|f| f.is_finite())
            .map(Value::Decimal),
        (ElemType::DateTime, Value::DateTime(_)) => Some(v.clone()),
        (ElemType::DateTime, Value::Text(t)) => parse_date(t).map(Value::DateTime),
        (ElemType::DateTime, Value::Number(ms)) => {
            crate::datetime::DateTime::from_epoch_millis(*ms, zone)
                .ok()
                .map(Value::DateTime)
        }
        (ElemType::Bool, Value::Bool(_)) => Some(v.clone()),
        (ElemType::Bool, Value::Text(t)) if t.eq_ignore_ascii_case("true") => {
            Some(Value::Bool(true))
        }
        (ElemType::Bool, Value::Text(t)) if t.eq_ignore_ascii_case("false") => {
            Some(Value::Bool(false))
        }
        _ => None,
    };
    converted.ok_or_else(|| {
        RtError::new(
            codes::TYPED_LIST_VIOLATION,
            format!(
                "Element '{}' is not valid for a list of type {}",
                v.display(),
                elem.error_name()
            ),
        )
    })
}
