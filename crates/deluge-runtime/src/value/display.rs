//! Text forms of values (language spec §5.8): the display form used by
//! `info`, `+` and `toString()`, and the JSON form used for maps and for
//! collections nested in lists.

use super::{CollectionObj, ListObj, MapObj, Value};
use crate::numfmt::decimal_text;
use std::fmt::Write;

/// Nesting beyond this is printed as `...`: a list that contains itself
/// must not recurse forever.
const MAX_DEPTH: usize = 200;

/// Appends the display form of `v` to `out`.
pub fn write_display(v: &Value, out: &mut String) {
    display_at(v, out, 0);
}

/// Appends the JSON form of `v` to `out`.
pub fn write_json(v: &Value, out: &mut String) {
    json_at(v, out, 0);
}

/// The JSON form as a new string.
pub fn json_text(v: &Value) -> String {
    let mut out = String::new();
    write_json(v, &mut out);
    out
}

fn display_at(v: &Value, out: &mut String, depth: usize) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Text(s) => out.push_str(s),
        Value::List(l) => list_display(&l.borrow(), out, depth),
        Value::Map(m) => map_json(&m.borrow(), out, depth),
        Value::Collection(c) => match &*c.borrow() {
            CollectionObj::Empty => out.push_str("{}"),
            CollectionObj::List(l) => list_display(l, out, depth),
            CollectionObj::Map(m) => map_json(m, out, depth),
        },
        other => scalar(other, out),
    }
}

/// Scalars print the same in both forms, except that JSON quotes text-like
/// values.
fn scalar(v: &Value, out: &mut String) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => {
            let _ = write!(out, "{n}");
        }
        Value::Decimal(f) => out.push_str(&decimal_text(*f)),
        Value::Text(s) => out.push_str(s),
        Value::DateTime(d) => out.push_str(&d.display()),
        Value::File(f) => out.push_str(&f.borrow().name),
        Value::Error(e) => out.push_str(&e.text()),
        Value::List(_) | Value::Map(_) | Value::Collection(_) => {}
    }
}

fn list_display(l: &ListObj, out: &mut String, depth: usize) {
    if depth > MAX_DEPTH {
        out.push_str("...");
        return;
    }
    if l.json_origin {
        list_json(l, out, depth);
        return;
    }
    for (i, item) in l.items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_element(item, out, depth + 1);
    }
}

/// An element inside a list's display form: scalars unquoted, nested lists
/// and maps in JSON form (§5.8.3).
pub(crate) fn write_element(item: &Value, out: &mut String, depth: usize) {
    match item {
        Value::List(_) | Value::Map(_) | Value::Collection(_) => json_at(item, out, depth),
        other => scalar(other, out),
    }
}

fn json_at(v: &Value, out: &mut String, depth: usize) {
    if depth > MAX_DEPTH {
        out.push_str("...");
        return;
    }
    match v {
        Value::Text(s) => json_string(s, out),
        Value::DateTime(d) => json_string(&d.display(), out),
        Value::File(f) => json_string(&f.borrow().name, out),
        Value::Error(e) => json_string(&e.text(), out),
        Value::List(l) => list_json(&l.borrow(), out, depth),
        Value::Map(m) => map_json(&m.borrow(), out, depth),
        Value::Collection(c) => match &*c.borrow() {
            CollectionObj::Empty => out.push_str("{}"),
            CollectionObj::List(l) => list_json(l, out, depth),
            CollectionObj::Map(m) => map_json(m, out, depth),
        },
        other => scalar(other, out),
    }
}

fn list_json(l: &ListObj, out: &mut String, depth: usize) {
    out.push('[');
    for (i, item) in l.items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        json_at(item, out, depth + 1);
    }
    out.push(']');
}

fn map_json(m: &MapObj, out: &mut String, depth: usize) {
    if depth > MAX_DEPTH {
        out.push_str("...");
        return;
    }
    out.push('{');
    for (i, (k, v)) in m.entries.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        match &k.0 {
            Value::Text(s) => json_string(s, out),
            other => {
                let mut key = String::new();
                display_at(other, &mut key, depth + 1);
                json_string(&key, out);
            }
        }
        out.push(':');
        json_at(v, out, depth + 1);
    }
    out.push('}');
}

/// A JSON string: `"` and `\` escaped, control characters as `\n`, `\t`,
/// ... or `\u00XX`; `/` and non-ASCII kept as they are (§5.8.5).
pub(crate) fn json_string(s: &str, out: &mut String) {
    out.push('"');
    let mut plain_from = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&s[plain_from..i]);
        if escape.is_empty() {
            let _ = write!(out, "\\u{b:04x}");
        } else {
            out.push_str(escape);
        }
        plain_from = i + 1;
    }
    out.push_str(&s[plain_from..]);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::{Entries, MapKey};

    fn map(pairs: Vec<(&str, Value)>) -> Value {
        let mut e = Entries::default();
        for (k, v) in pairs {
            e.insert(MapKey::from(k), v);
        }
        Value::new_map(e)
    }

    #[test]
    fn map_prints_as_compact_json() {
        let m = map(vec![
            ("a", Value::Number(1)),
            ("b", Value::text("x")),
            (
                "c",
                Value::new_list(vec![Value::Number(1), Value::Number(2)]),
            ),
            ("d", Value::Null),
        ]);
        assert_eq!(m.display(), r#"{"a":1,"b":"x","c":[1,2],"d":null}"#);
    }

    #[test]
    fn list_prints_joined_with_nested_collections_as_json() {
        let inner = Value::new_list(vec![Value::text("Projects"), Value::text("Reports")]);
        let l = Value::new_list(vec![Value::text("Creator"), Value::text("CRM"), inner]);
        assert_eq!(l.display(), r#"Creator,CRM,["Projects","Reports"]"#);
    }

    #[test]
    fn json_origin_list_prints_with_brackets() {
        let l = Value::new_json_list(vec![Value::Number(1), Value::Number(2)]);
        assert_eq!(l.display(), "[1,2]");
    }

    #[test]
    fn json_strings_escape_control_characters() {
        let mut out = String::new();
        json_string("a\"b\\c\nd\u{1}/é", &mut out);
        assert_eq!(out, r#""a\"b\\c\nd\u0001/é""#);
    }

    #[test]
    fn a_list_containing_itself_prints_without_overflow() {
        let l = Value::new_list(vec![]);
        if let Value::List(obj) = &l {
            obj.borrow_mut().items.push(l.clone());
        }
        assert!(l.display().contains("..."));
        if let Value::List(obj) = &l {
            obj.borrow_mut().items.clear();
        }
    }
}
