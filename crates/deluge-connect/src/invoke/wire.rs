//! Deluge values as wire text: form fields, query parameters and header
//! values (integrations spec §2.4.1).

use deluge_runtime::Value;
use deluge_runtime::value::json_text;

/// The text a value is sent as; `None` for a FILE, which only a
/// multipart body can carry.
pub fn text(value: &Value) -> Option<String> {
    Some(match value {
        Value::Null => String::new(),
        Value::File(_) => return None,
        // A list goes in its JSON form, not its display form `a,b`.
        Value::List(_) => json_text(value),
        Value::Collection(_) if value.list_ref().is_some() => json_text(value),
        other => other.display(),
    })
}

/// A map's entries as (key, value) pairs; entries with an empty key are
/// dropped (old scripts pass `{"":""}` for "no parameters").
pub fn pairs(map: &Value) -> Vec<(String, Value)> {
    map.map_ref()
        .map(|m| {
            m.entries
                .iter()
                .map(|(k, v)| (k.0.display(), v.clone()))
                .filter(|(k, _)| !k.is_empty())
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use deluge_runtime::json;

    #[test]
    fn values_become_wire_text() {
        assert_eq!(
            text(&Value::Number(4000000012345)).unwrap(),
            "4000000012345"
        );
        assert_eq!(text(&Value::Bool(true)).unwrap(), "true");
        assert_eq!(text(&Value::Null).unwrap(), "");
        assert_eq!(text(&Value::Decimal(2.5)).unwrap(), "2.5");
        let map = json::parse(r#"{"a":1,"b":"x"}"#).unwrap();
        assert_eq!(text(&map).unwrap(), r#"{"a":1,"b":"x"}"#);
        let list = Value::new_list(vec![Value::text("a"), Value::text("b")]);
        assert_eq!(text(&list).unwrap(), r#"["a","b"]"#);
    }
}
