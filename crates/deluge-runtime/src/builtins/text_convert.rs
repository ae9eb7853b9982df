//! TEXT conversions (builtins §2): splitting into lists, JSON text into
//! maps and lists (§9), numeric text into numbers, and hex text.

use super::text::{def, text};
use super::{Ctx, MethodDef, args};
use crate::error::{RtError, RtResult};
use crate::json;
use crate::value::{CollectionObj, ListObj, MapKeyRef, Value};

pub const TABLE: &[MethodDef] = &[
    def(
        &["toList"],
        0,
        1,
        to_list,
        "s.toList([separator]) — split on a literal separator",
    ),
    def(
        &["toListString"],
        0,
        0,
        to_list_string,
        "s.toListString() — split on `,` into texts",
    ),
    def(
        &["toMap"],
        0,
        0,
        to_map,
        "s.toMap() — parses JSON object text into a map",
    ),
    def(
        &["toJSONList"],
        0,
        0,
        to_json_list,
        "s.toJSONList() — parses JSON array text into a list",
    ),
    def(
        &["getJSON", "getJson"],
        1,
        1,
        get_json,
        "s.getJSON(key) — value of key in JSON object text, null if missing",
    ),
    def(&["get"], 1, 1, get, "s.get(key) — on text, same as getJSON"),
    def(
        &["toCollection"],
        0,
        1,
        to_collection,
        "s.toCollection([separator]) — JSON object text or split text as a collection",
    ),
    def(
        &["toLong", "toNumber", "toInt"],
        0,
        0,
        to_long,
        "s.toLong() — whole-number text as a NUMBER",
    ),
    def(
        &["toDecimal"],
        0,
        0,
        to_decimal,
        "s.toDecimal() — decimal text as a DECIMAL",
    ),
    def(
        &["hexToText"],
        0,
        0,
        hex_to_text,
        "s.hexToText() — decodes hex pairs as UTF-8",
    ),
    def(
        &["textToHex"],
        0,
        0,
        text_to_hex,
        "s.textToHex() — UTF-8 bytes as lower-case hex",
    ),
];

/// Pieces of `s` between literal separators, empty pieces kept; an empty
/// separator gives one piece per character.
fn split(s: &str, sep: &str) -> Vec<Value> {
    if sep.is_empty() {
        let mut buf = [0u8; 4];
        return s
            .chars()
            .map(|c| Value::text(c.encode_utf8(&mut buf)))
            .collect();
    }
    s.split(sep).map(Value::text).collect()
}

/// `toList([separator])`: without a separator, one element holding `s`.
fn to_list(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let items = match a.first() {
        None => vec![Value::Text(recv.display_rc())],
        Some(sep) => split(&text(recv, "toList")?, &args::text(sep, "toList")?),
    };
    Ok(Value::new_list(items))
}

fn to_list_string(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    Ok(Value::new_list(split(&text(recv, "toListString")?, ",")))
}

fn to_map(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    json::parse_object(&text(recv, "toMap")?)
}

fn to_json_list(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    json::parse_array(&text(recv, "toJSONList")?)
}

fn lookup(recv: &Value, key: &Value, name: &str) -> RtResult<Value> {
    let obj = json::parse_object(&text(recv, name)?)?;
    let key = Value::Text(args::text(key, name)?.into());
    let map = obj.map_ref().ok_or_else(RtError::invalid_json)?;
    Ok(map
        .entries
        .get(&MapKeyRef(&key))
        .cloned()
        .unwrap_or_default())
}

fn get_json(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    lookup(recv, &a[0], "getJSON")
}

fn get(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    lookup(recv, &a[0], "get")
}

/// `toCollection()`: JSON object text ⇒ key-value; other text without the
/// surrounding `{}` / `[]` split on `,`, pieces trimmed ⇒ list-like.
/// With a separator: split like `toList(separator)`.
fn to_collection(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let s = text(recv, "toCollection")?;
    let items = match a.first() {
        Some(sep) => split(&s, &args::text(sep, "toCollection")?),
        None => {
            let t = s.trim();
            if t.starts_with('{')
                && let Ok(map) = json::parse_object(t)
            {
                return Ok(json::map_to_collection(&map));
            }
            let inner = strip_brackets(t).trim();
            if inner.is_empty() {
                return Ok(Value::new_collection(CollectionObj::Empty));
            }
            inner.split(',').map(|p| Value::text(p.trim())).collect()
        }
    };
    Ok(Value::new_collection(CollectionObj::List(ListObj {
        items,
        ..ListObj::default()
    })))
}

fn strip_brackets(t: &str) -> &str {
    t.strip_prefix('{')
        .and_then(|r| r.strip_suffix('}'))
        .or_else(|| t.strip_prefix('[').and_then(|r| r.strip_suffix(']')))
        .unwrap_or(t)
}

/// `toLong()`: trimmed `^[+-]?[0-9]+$` within 64 bits.
fn to_long(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    let s = text(recv, "toLong")?;
    parse_long(&s)
        .map(Value::Number)
        .ok_or_else(|| RtError::conversion(&s, "NUMBER"))
}

pub(crate) fn parse_long(s: &str) -> Option<i64> {
    let t = s.trim();
    let digits = t.strip_prefix(['+', '-']).unwrap_or(t);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse::<i64>().ok()
}

/// `toDecimal()`: trimmed `^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$`.
fn to_decimal(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    let s = text(recv, "toDecimal")?;
    parse_decimal(&s)
        .map(Value::Decimal)
        .ok_or_else(|| RtError::conversion(&s, "DECIMAL"))
}

pub(crate) fn parse_decimal(s: &str) -> Option<f64> {
    let t = s.trim();
    let body = t.strip_prefix(['+', '-']).unwrap_or(t);
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() && frac.is_empty() || !digits(int) || !digits(frac) {
        return None;
    }
    t.parse::<f64>().ok().filter(|f| f.is_finite())
}

fn hex_to_text(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    let s = text(recv, "hexToText")?;
    let bad = || RtError::invalid_args("hexToText");
    if s.len() % 2 != 0 {
        return Err(bad());
    }
    let bytes = s
        .as_bytes()
        .chunks(2)
        .map(|pair| {
            let hi = (pair[0] as char).to_digit(16);
            let lo = (pair[1] as char).to_digit(16);
            match (hi, lo) {
                (Some(h), Some(l)) => Ok((h * 16 + l) as u8),
                _ => Err(bad()),
            }
        })
        .collect::<RtResult<Vec<u8>>>()?;
    String::from_utf8(bytes).map(Value::from).map_err(|_| bad())
}

fn text_to_hex(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    let s = text(recv, "textToHex")?;
    Ok(Value::from(hex(s.as_bytes())))
}

/// Bytes as lower-case hex.
pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[(b >> 4) as usize] as char);
        out.push(DIGITS[(b & 15) as usize] as char);
    }
    out
}
