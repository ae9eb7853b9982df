//! How the REPL shows values: `TYPE value`.
//!
//! Scalars use their text form, except that TEXT is quoted (JSON-escaped,
//! so a trailing space or a newline is visible) and DATE-TIME is written
//! like a literal, in single quotes. Lists, maps and collections use their
//! JSON form: on one line when it is short, indented two spaces otherwise.
//! The layout is computed from the runtime's own JSON text, so numbers and
//! escapes read exactly as `info` and `toString()` would write them.

use deluge_runtime::Value;
use deluge_runtime::value::json_text;

/// A collection whose one-line form is longer than this is indented.
const ONE_LINE_WIDTH: usize = 72;

/// `TYPE value`, as printed for a bare expression (may span lines).
pub fn show(value: &Value, color: bool) -> String {
    let label = type_label(value);
    let label = if color {
        format!("\x1b[36m{label}\x1b[0m")
    } else {
        label.to_string()
    };
    match body(value) {
        Some(text) => format!("{label} {text}"),
        None => label,
    }
}

/// The value part on one line, cut to `max` characters (for `:vars`).
pub fn short(value: &Value, max: usize) -> String {
    let text = match value {
        Value::List(_) | Value::Map(_) | Value::Collection(_) => one_line(&json_text(value)),
        _ => body(value).unwrap_or_default(),
    };
    if text.chars().count() <= max {
        return text;
    }
    let cut: String = text.chars().take(max.saturating_sub(3)).collect();
    format!("{cut}...")
}

/// The user-facing name of a value's type (language spec §5.1).
pub fn type_label(value: &Value) -> &'static str {
    match value {
        Value::Null => "NULL",
        Value::Bool(_) => "BOOLEAN",
        Value::Number(_) => "NUMBER",
        Value::Decimal(_) => "DECIMAL",
        Value::Text(_) => "TEXT",
        Value::DateTime(_) => "DATE-TIME",
        Value::List(_) => "LIST",
        Value::Map(_) => "MAP",
        Value::Collection(_) => "COLLECTION",
        Value::File(_) => "FILE",
        Value::Error(_) => "ERROR",
    }
}

/// The value after its type; `None` for null (the label says it all).
fn body(value: &Value) -> Option<String> {
    Some(match value {
        Value::Null => return None,
        Value::Text(_) | Value::File(_) | Value::Error(_) => json_text(value),
        Value::DateTime(_) => format!("'{}'", value.display()),
        Value::List(_) | Value::Map(_) | Value::Collection(_) => layout(&json_text(value)),
        _ => value.display(),
    })
}

/// One line when short; otherwise one element per line, with nested
/// collections that fit kept on one line.
fn layout(json: &str) -> String {
    let pieces = pieces(json);
    let mut at = 0;
    let node = node(&pieces, &mut at);
    let mut out = String::with_capacity(json.len() * 2);
    write_node(&node, 0, &mut out);
    out
}

/// A token of compact JSON: punctuation, or a run of anything else (a
/// string with its escapes, a number, `true`, `...` for elided depth).
#[derive(Clone, Copy)]
enum Piece<'a> {
    Open(char),
    Close(char),
    Comma,
    Colon,
    Atom(&'a str),
}

/// Splits compact JSON into pieces; quotes and backslashes inside strings
/// are honoured so that `"a,b"` stays one atom.
fn pieces(json: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in json.char_indices() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        let piece = match c {
            '[' | '{' => Piece::Open(c),
            ']' | '}' => Piece::Close(c),
            ',' => Piece::Comma,
            ':' => Piece::Colon,
            _ => {
                in_string = c == '"';
                start.get_or_insert(i);
                continue;
            }
        };
        if let Some(s) = start.take() {
            out.push(Piece::Atom(&json[s..i]));
        }
        out.push(piece);
    }
    if let Some(s) = start {
        out.push(Piece::Atom(&json[s..]));
    }
    out
}

/// A JSON value; an object member keeps its key atom.
enum Node<'a> {
    Atom(&'a str),
    Group {
        open: char,
        close: char,
        items: Vec<(Option<&'a str>, Node<'a>)>,
    },
}

/// Reads one value from `pieces` at `at`. The text comes from the runtime,
/// so it is well formed; should it not be, the result is merely odd.
fn node<'a>(pieces: &[Piece<'a>], at: &mut usize) -> Node<'a> {
    let Some(piece) = pieces.get(*at).copied() else {
        return Node::Atom("");
    };
    *at += 1;
    let open = match piece {
        Piece::Open(c) => c,
        Piece::Atom(a) => return Node::Atom(a),
        _ => return Node::Atom(""),
    };
    let mut items = Vec::new();
    let close = loop {
        match pieces.get(*at).copied() {
            None => break if open == '[' { ']' } else { '}' },
            Some(Piece::Close(c)) => {
                *at += 1;
                break c;
            }
            Some(Piece::Comma) => *at += 1,
            Some(_) => items.push(member(pieces, at)),
        }
    };
    Node::Group { open, close, items }
}

/// An array element, or an object member `key: value`.
fn member<'a>(pieces: &[Piece<'a>], at: &mut usize) -> (Option<&'a str>, Node<'a>) {
    let first = node(pieces, at);
    match (first, pieces.get(*at)) {
        (Node::Atom(key), Some(Piece::Colon)) => {
            *at += 1;
            (Some(key), node(pieces, at))
        }
        (value, _) => (None, value),
    }
}

/// `{"a": 1, "b": [1, 2]}`
fn one_line(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + json.len() / 4);
    for piece in pieces(json) {
        match piece {
            Piece::Open(c) | Piece::Close(c) => out.push(c),
            Piece::Comma => out.push_str(", "),
            Piece::Colon => out.push_str(": "),
            Piece::Atom(a) => out.push_str(a),
        }
    }
    out
}

fn flat(node: &Node<'_>, out: &mut String) {
    match node {
        Node::Atom(a) => out.push_str(a),
        Node::Group { open, close, items } => {
            out.push(*open);
            for (i, (key, value)) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                if let Some(key) = key {
                    out.push_str(key);
                    out.push_str(": ");
                }
                flat(value, out);
            }
            out.push(*close);
        }
    }
}

/// Writes `node` whose first line starts at `column`: flat when it fits in
/// [`ONE_LINE_WIDTH`], else one member per line, indented two spaces.
fn write_node(node: &Node<'_>, depth: usize, out: &mut String) {
    let mut line = String::new();
    flat(node, &mut line);
    let column = out.len() - out.rfind('\n').map_or(0, |i| i + 1);
    let Node::Group { open, close, items } = node else {
        out.push_str(&line);
        return;
    };
    if column + line.chars().count() <= ONE_LINE_WIDTH || items.is_empty() {
        out.push_str(&line);
        return;
    }
    out.push(*open);
    for (i, (key, value)) in items.iter().enumerate() {
        newline(out, depth + 1);
        if let Some(key) = key {
            out.push_str(key);
            out.push_str(": ");
        }
        write_node(value, depth + 1, out);
        if i + 1 < items.len() {
            out.push(',');
        }
    }
    newline(out, depth);
    out.push(*close);
}

fn newline(out: &mut String, depth: usize) {
    out.push('\n');
    for _ in 0..depth {
        out.push_str("  ");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_collections_stay_on_one_line() {
        assert_eq!(one_line(r#"{"a":1,"b":[1,2]}"#), r#"{"a": 1, "b": [1, 2]}"#);
    }

    #[test]
    fn punctuation_inside_strings_is_kept() {
        assert_eq!(
            one_line(r#"["a,b","c:d","e\"]{"]"#),
            r#"["a,b", "c:d", "e\"]{"]"#
        );
    }

    #[test]
    fn long_collections_are_indented_and_short_parts_stay_flat() {
        let long = "x".repeat(70);
        let json = format!(r#"{{"a":1,"b":[],"c":{{"d":[1,2]}},"e":"{long}"}}"#);
        assert_eq!(
            layout(&json),
            format!(
                "{{\n  \"a\": 1,\n  \"b\": [],\n  \"c\": {{\"d\": [1, 2]}},\n  \"e\": \"{long}\"\n}}"
            )
        );
    }

    #[test]
    fn scalars_show_their_type() {
        assert_eq!(show(&Value::Number(3), false), "NUMBER 3");
        assert_eq!(show(&Value::text("a\"b"), false), r#"TEXT "a\"b""#);
        assert_eq!(show(&Value::Null, false), "NULL");
        assert_eq!(show(&Value::Bool(true), false), "BOOLEAN true");
    }

    #[test]
    fn short_values_are_cut() {
        let long = Value::text("x".repeat(100));
        assert_eq!(short(&long, 10), "\"xxxxxx...");
    }
}
