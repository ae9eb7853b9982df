//! JSON text ⇄ values (builtins §9).
//!
//! [`parse`] is the lenient parser behind `toMap`, `toJSONList`, `getJSON`
//! on text and `toCollection`: standard JSON plus unquoted keys and values
//! and single-quoted strings (`"{company:Zoho, product:Creator}".toMap()`
//! works in Deluge). [`to_json`] and [`from_serde`] convert between values
//! and `serde_json` for the command line's `--json` output and `--arg`.

use crate::error::{RtError, RtResult};
use crate::value::{CollectionObj, Entries, MapKey, Value};

/// Nesting deeper than this is rejected as invalid JSON instead of risking
/// the stack on hostile input.
pub const MAX_DEPTH: usize = 512;

/// Parses JSON text (leading and trailing whitespace allowed).
pub fn parse(text: &str) -> RtResult<Value> {
    let mut p = Parser {
        src: text,
        bytes: text.as_bytes(),
        pos: 0,
    };
    p.skip_ws();
    let v = p.value(0, true)?;
    p.skip_ws();
    if p.pos != p.bytes.len() {
        return Err(RtError::invalid_json());
    }
    Ok(v)
}

/// Parses text that must hold a JSON object (`toMap`, `getJSON`).
pub fn parse_object(text: &str) -> RtResult<Value> {
    match parse(text)? {
        v @ Value::Map(_) => Ok(v),
        _ => Err(RtError::invalid_json()),
    }
}

/// Parses text that must hold a JSON array (`toJSONList`).
pub fn parse_array(text: &str) -> RtResult<Value> {
    match parse(text)? {
        v @ Value::List(_) => Ok(v),
        _ => Err(RtError::invalid_json()),
    }
}

struct Parser<'s> {
    src: &'s str,
    bytes: &'s [u8],
    pos: usize,
}

fn bad<T>() -> RtResult<T> {
    Err(RtError::invalid_json())
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    /// One value at the current position. `top` is set for the outermost
    /// value, where an unquoted word is not accepted as text.
    fn value(&mut self, depth: usize, top: bool) -> RtResult<Value> {
        if depth >= MAX_DEPTH {
            return bad();
        }
        match self.peek() {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(q @ (b'"' | b'\'')) => Ok(Value::from(self.string(q)?)),
            Some(_) => self.bare(top),
            None => bad(),
        }
    }

    fn object(&mut self, depth: usize) -> RtResult<Value> {
        self.pos += 1;
        let mut entries = Entries::default();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Value::new_map(entries));
        }
        loop {
            self.skip_ws();
            let key = match self.peek() {
                Some(q @ (b'"' | b'\'')) => self.string(q)?,
                _ => self.bare_key()?,
            };
            self.skip_ws();
            if self.peek() != Some(b':') {
                return bad();
            }
            self.pos += 1;
            self.skip_ws();
            let v = self.value(depth + 1, false)?;
            // Duplicate key: last value, first position (IndexMap keeps it).
            entries.insert(MapKey(Value::from(key)), v);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Value::new_map(entries));
                }
                _ => return bad(),
            }
        }
    }

    fn array(&mut self, depth: usize) -> RtResult<Value> {
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::new_json_list(items));
        }
        loop {
            self.skip_ws();
            items.push(self.value(depth + 1, false)?);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Value::new_json_list(items));
                }
                _ => return bad(),
            }
        }
    }

    /// A quoted string; `quote` is `"` or `'`.
    fn string(&mut self, quote: u8) -> RtResult<String> {
        self.pos += 1;
        let mut out = String::new();
        let mut start = self.pos;
        loop {
            match self.peek() {
                None => return bad(),
                Some(b) if b == quote => {
                    out.push_str(&self.src[start..self.pos]);
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    out.push_str(&self.src[start..self.pos]);
                    self.pos += 1;
                    self.escape(&mut out)?;
                    start = self.pos;
                }
                Some(_) => self.pos += 1,
            }
        }
    }

    /// The escape after a backslash. Unknown escapes keep the character
    /// (lenient, like the rest of the parser).
    fn escape(&mut self, out: &mut String) -> RtResult<()> {
        let Some(c) = self.src[self.pos..].chars().next() else {
            return bad();
        };
        self.pos += c.len_utf8();
        match c {
            'n' => out.push('\n'),
            't' => out.push('\t'),
            'r' => out.push('\r'),
            'b' => out.push('\u{8}'),
            'f' => out.push('\u{c}'),
            'u' => {
                let hi = self.hex4()?;
                let c = if (0xD800..0xDC00).contains(&hi) && self.src[self.pos..].starts_with("\\u")
                {
                    self.pos += 2;
                    let lo = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&lo) {
                        return bad();
                    }
                    char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))
                } else {
                    char::from_u32(hi)
                };
                out.push(c.unwrap_or('\u{FFFD}'));
            }
            other => out.push(other),
        }
        Ok(())
    }

    fn hex4(&mut self) -> RtResult<u32> {
        let digits = self
            .src
            .get(self.pos..self.pos + 4)
            .ok_or_else(RtError::invalid_json)?;
        let n = u32::from_str_radix(digits, 16).map_err(|_| RtError::invalid_json())?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return bad();
        }
        self.pos += 4;
        Ok(n)
    }

    /// An unquoted key: everything up to `:`, trimmed.
    fn bare_key(&mut self) -> RtResult<String> {
        let start = self.pos;
        while let Some(b) = self.peek() {
            match b {
                b':' => {
                    let key = self.src[start..self.pos].trim();
                    return if key.is_empty() {
                        bad()
                    } else {
                        Ok(key.to_string())
                    };
                }
                b'{' | b'}' | b'[' | b']' | b',' | b'"' | b'\n' => return bad(),
                _ => self.pos += 1,
            }
        }
        bad()
    }

    /// An unquoted value: up to `,`, `}`, `]` or the line end, trimmed.
    /// `true`/`false`/`null` (any case) and JSON numbers keep their meaning;
    /// anything else is TEXT, except at the top level.
    fn bare(&mut self, top: bool) -> RtResult<Value> {
        let start = self.pos;
        while let Some(b) = self.peek() {
            if matches!(b, b',' | b'}' | b']' | b'\n' | b'\r') {
                break;
            }
            self.pos += 1;
        }
        let word = self.src[start..self.pos].trim();
        if word.is_empty() {
            return bad();
        }
        if let Some(v) = keyword(word).or_else(|| number(word)) {
            return Ok(v);
        }
        if top || word.starts_with(['{', '[', '"', '\'']) {
            return bad();
        }
        Ok(Value::text(word))
    }
}

fn keyword(word: &str) -> Option<Value> {
    if word.eq_ignore_ascii_case("true") {
        Some(Value::Bool(true))
    } else if word.eq_ignore_ascii_case("false") {
        Some(Value::Bool(false))
    } else if word.eq_ignore_ascii_case("null") {
        Some(Value::Null)
    } else {
        None
    }
}

/// A JSON number: an integer in 64-bit range is a NUMBER, any other number
/// a DECIMAL. Text that is not exactly a JSON number gives `None`.
fn number(word: &str) -> Option<Value> {
    let b = word.as_bytes();
    let mut i = usize::from(b.first() == Some(&b'-'));
    let int_start = i;
    while b.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    let int_len = i - int_start;
    if int_len == 0 || (int_len > 1 && b[int_start] == b'0') {
        return None;
    }
    let mut integral = true;
    if b.get(i) == Some(&b'.') {
        integral = false;
        i += 1;
        let s = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == s {
            return None;
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        integral = false;
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let s = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == s {
            return None;
        }
    }
    if i != b.len() {
        return None;
    }
    if integral && let Ok(n) = word.parse::<i64>() {
        return Some(Value::Number(n));
    }
    word.parse::<f64>()
        .ok()
        .filter(|f| f.is_finite())
        .map(Value::Decimal)
}

/// Deeper values (a list that contains itself) become `null`.
const TO_JSON_DEPTH: usize = 200;

/// The JSON value of a Deluge value: maps keep their order, date-times and
/// files become their text form.
pub fn to_json(v: &Value) -> serde_json::Value {
    to_json_at(v, 0)
}

fn to_json_at(v: &Value, depth: usize) -> serde_json::Value {
    use serde_json::Value as J;
    if depth > TO_JSON_DEPTH {
        return J::Null;
    }
    match v {
        Value::Null => J::Null,
        Value::Bool(b) => J::Bool(*b),
        Value::Number(n) => J::from(*n),
        Value::Decimal(f) => serde_json::Number::from_f64(*f).map_or(J::Null, J::Number),
        Value::Text(s) => J::String(s.to_string()),
        Value::List(_) | Value::Map(_) | Value::Collection(_) => container(v, depth),
        other => J::String(other.display()),
    }
}

fn container(v: &Value, depth: usize) -> serde_json::Value {
    use serde_json::Value as J;
    if let Some(l) = v.list_ref() {
        return J::Array(l.items.iter().map(|i| to_json_at(i, depth + 1)).collect());
    }
    if let Some(m) = v.map_ref() {
        let mut obj = serde_json::Map::new();
        for (k, val) in &m.entries {
            obj.insert(k.0.display(), to_json_at(val, depth + 1));
        }
        return J::Object(obj);
    }
    // An empty collection.
    J::Object(serde_json::Map::new())
}

/// The Deluge value of a `serde_json` value: objects ⇒ MAP, arrays ⇒ LIST
/// with `json_origin`, integers in 64-bit range ⇒ NUMBER, other numbers ⇒
/// DECIMAL.
pub fn from_serde(v: &serde_json::Value) -> Value {
    use serde_json::Value as J;
    match v {
        J::Null => Value::Null,
        J::Bool(b) => Value::Bool(*b),
        J::Number(n) => match n.as_i64() {
            Some(i) => Value::Number(i),
            None => Value::Decimal(n.as_f64().unwrap_or(0.0)),
        },
        J::String(s) => Value::text(s),
        J::Array(items) => Value::new_json_list(items.iter().map(from_serde).collect()),
        J::Object(obj) => {
            let entries: Entries = obj
                .iter()
                .map(|(k, v)| (MapKey(Value::text(k)), from_serde(v)))
                .collect();
            Value::new_map(entries)
        }
    }
}

/// A key-value collection from a parsed JSON object (`toCollection`).
pub fn map_to_collection(map: &Value) -> Value {
    let entries = map.map_ref().map(|m| m.entries.clone()).unwrap_or_default();
    Value::new_collection(CollectionObj::Map(crate::value::MapObj { entries }))
}

#[cfg(test)]
#[path = "json_tests.rs"]
mod tests;
