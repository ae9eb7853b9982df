//! Script arguments from the command line: `--arg NAME=VALUE` (JSON or
//! text, `@file` to read a file) and `--args-file FILE` (a JSON object).

use deluge_runtime::Value;
use deluge_runtime::value::{Entries, MapKey};
use std::path::Path;

/// Named input values, in the order given.
pub type Inputs = Vec<(String, Value)>;

pub fn collect(args: &[String], args_file: Option<&Path>) -> Result<Inputs, String> {
    let mut inputs = Inputs::new();
    if let Some(path) = args_file {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("--args-file {}: {e}", path.display()))?;
        let json: serde_json::Value = serde_json::from_str(&text)
            .map_err(|e| format!("--args-file {}: not valid JSON: {e}", path.display()))?;
        let serde_json::Value::Object(object) = json else {
            return Err(format!(
                "--args-file {}: must hold a JSON object of argument names",
                path.display()
            ));
        };
        for (name, value) in object {
            set(&mut inputs, name, from_json(&value));
        }
    }
    for arg in args {
        let (name, raw) = arg
            .split_once('=')
            .ok_or_else(|| format!("--arg {arg}: expected NAME=VALUE"))?;
        if !is_identifier(name) {
            return Err(format!("--arg {arg}: `{name}` is not a variable name"));
        }
        let raw = match raw.strip_prefix('@') {
            Some(file) => {
                std::fs::read_to_string(file).map_err(|e| format!("--arg {name}=@{file}: {e}"))?
            }
            None => raw.to_string(),
        };
        set(&mut inputs, name.to_string(), parse_value(&raw));
    }
    Ok(inputs)
}

/// Later values replace earlier ones with the same name.
fn set(inputs: &mut Inputs, name: String, value: Value) {
    match inputs.iter_mut().find(|(n, _)| *n == name) {
        Some(slot) => slot.1 = value,
        None => inputs.push((name, value)),
    }
}

fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// A value that parses as JSON becomes the matching Deluge value; anything
/// else is TEXT.
pub fn parse_value(raw: &str) -> Value {
    match serde_json::from_str::<serde_json::Value>(raw) {
        Ok(json) => from_json(&json),
        Err(_) => Value::text(raw),
    }
}

/// JSON → Deluge: objects become maps (in order), arrays lists, integers
/// NUMBER, other numbers DECIMAL.
pub fn from_json(json: &serde_json::Value) -> Value {
    match json {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => match n.as_i64() {
            Some(i) => Value::Number(i),
            None => Value::Decimal(n.as_f64().unwrap_or(f64::NAN)),
        },
        serde_json::Value::String(s) => Value::text(s),
        serde_json::Value::Array(items) => {
            Value::new_json_list(items.iter().map(from_json).collect())
        }
        serde_json::Value::Object(object) => {
            let mut entries = Entries::default();
            for (k, v) in object {
                entries.insert(MapKey::from(k.as_str()), from_json(v));
            }
            Value::new_map(entries)
        }
    }
}

/// Deluge → JSON, for `run --json`.
pub fn to_json(v: &Value) -> serde_json::Value {
    if let Some(list) = v.list_ref() {
        return serde_json::Value::Array(list.items.iter().map(to_json).collect());
    }
    if let Some(map) = v.map_ref() {
        let object = map
            .entries
            .iter()
            .map(|(k, v)| (k.0.display(), to_json(v)))
            .collect();
        return serde_json::Value::Object(object);
    }
    match v {
        Value::Null => serde_json::Value::Null,
        Value::Bool(b) => serde_json::Value::Bool(*b),
        Value::Number(n) => serde_json::Value::from(*n),
        Value::Decimal(f) => serde_json::Number::from_f64(*f)
            .map(serde_json::Value::Number)
            .unwrap_or(serde_json::Value::Null),
        Value::Collection(_) => serde_json::Value::Object(serde_json::Map::new()),
        other => serde_json::Value::String(other.display()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_values_become_deluge_values() {
        let v = parse_value(r#"{"Contacts.ID":"4000000000001"}"#);
        assert_eq!(v.display(), r#"{"Contacts.ID":"4000000000001"}"#);
        assert!(matches!(parse_value("42"), Value::Number(42)));
        assert!(matches!(parse_value("hello"), Value::Text(_)));
    }

    #[test]
    fn names_must_be_identifiers() {
        assert!(collect(&["1x=2".to_string()], None).is_err());
        assert!(collect(&["novalue".to_string()], None).is_err());
    }
}
