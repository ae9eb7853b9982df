//! Script arguments from the command line: `--arg NAME=VALUE` (JSON or
//! text, `@file` to read a file) and `--args-file FILE` (a JSON object).

use deluge_runtime::{Value, json};
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
            set(&mut inputs, name, json::from_serde(&value));
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

/// Default arguments (the project file's `args`) under the given ones:
/// returns the merged inputs and the names that only a default supplied.
pub fn with_defaults(
    given: Inputs,
    defaults: &serde_json::Map<String, serde_json::Value>,
) -> (Inputs, Vec<String>) {
    let mut merged = Inputs::new();
    let mut default_only = Vec::new();
    for (name, value) in defaults {
        if !given.iter().any(|(n, _)| n == name) {
            default_only.push(name.clone());
        }
        set(&mut merged, name.clone(), json::from_serde(value));
    }
    for (name, value) in given {
        set(&mut merged, name, value);
    }
    (merged, default_only)
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
        Ok(json) => json::from_serde(&json),
        Err(_) => Value::text(raw),
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
