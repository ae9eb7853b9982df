//! TEXT functions (builtins §2).

use super::{Ctx, MethodDef, args};
use crate::error::{RtError, RtResult};
use crate::value::Value;

pub const TABLE: &[MethodDef] = &[
    MethodDef {
        names: &["length", "len"],
        min_args: 0,
        max_args: 0,
        f: length,
        doc: "s.length() — number of characters",
    },
    MethodDef {
        names: &["toUpperCase"],
        min_args: 0,
        max_args: 0,
        f: to_upper_case,
        doc: "s.toUpperCase() — upper-case mapping",
    },
    MethodDef {
        names: &["toLowerCase"],
        min_args: 0,
        max_args: 0,
        f: to_lower_case,
        doc: "s.toLowerCase() — lower-case mapping",
    },
    MethodDef {
        names: &["indexOf"],
        min_args: 1,
        max_args: 1,
        f: index_of,
        doc: "s.indexOf(sub) — index of the first occurrence, -1 if none",
    },
    MethodDef {
        names: &["subString", "substring", "subText", "mid"],
        min_args: 1,
        max_args: 2,
        f: sub_string,
        doc: "s.subString(start [, end]) — characters from start to end (exclusive)",
    },
    MethodDef {
        names: &["replaceAll"],
        min_args: 2,
        max_args: 3,
        f: replace_all,
        doc: "s.replaceAll(search, replacement [, literal]) — replace every regex match",
    },
    MethodDef {
        names: &["toList"],
        min_args: 0,
        max_args: 1,
        f: to_list,
        doc: "s.toList([separator]) — split on a literal separator",
    },
];

fn text<'v>(recv: &'v Value, name: &str) -> RtResult<std::borrow::Cow<'v, str>> {
    args::receiver_text(recv, name)
}

fn length(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    let s = text(recv, "length")?;
    Ok(Value::Number(char_len(&s) as i64))
}

/// Character count; ASCII text (the common case) needs no decoding.
pub(crate) fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// Byte offset of character index `i` (clamped to the end).
pub(crate) fn byte_offset(s: &str, i: usize) -> usize {
    if s.is_ascii() {
        return i.min(s.len());
    }
    s.char_indices().nth(i).map_or(s.len(), |(b, _)| b)
}

fn to_upper_case(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    Ok(Value::from(text(recv, "toUpperCase")?.to_uppercase()))
}

fn to_lower_case(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    Ok(Value::from(text(recv, "toLowerCase")?.to_lowercase()))
}

fn index_of(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let s = text(recv, "indexOf")?;
    let sub = args::text(&a[0], "indexOf")?;
    Ok(Value::Number(match s.find(&*sub) {
        Some(b) if s.is_ascii() => b as i64,
        Some(b) => s[..b].chars().count() as i64,
        None => -1,
    }))
}

/// `subString(start [, end])`: 0-based, end exclusive; a missing or
/// negative end means "to the end".
fn sub_string(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let s = text(recv, "subString")?;
    let len = char_len(&s) as i64;
    let start = args::index(&a[0], "subString")?;
    let end = match a.get(1) {
        Some(v) => args::index(v, "subString")?,
        None => -1,
    };
    let end = if end < 0 { len } else { end };
    if start < 0 || start > len {
        return Err(RtError::text_index(start, len as usize));
    }
    if end > len || end < start {
        return Err(RtError::text_index(end, len as usize));
    }
    let (b0, b1) = (
        byte_offset(&s, start as usize),
        byte_offset(&s, end as usize),
    );
    Ok(Value::text(&s[b0..b1]))
}

/// `replaceAll(search, replacement [, literal])`: regex by default.
fn replace_all(ctx: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let s = text(recv, "replaceAll")?;
    let search = args::text(&a[0], "replaceAll")?;
    let replacement = args::text(&a[1], "replaceAll")?;
    let literal = match a.get(2) {
        Some(v) => args::boolean(v, "replaceAll")?,
        None => false,
    };
    let plain = literal || (!has_regex_syntax(&search) && !replacement.contains(['$', '\\']));
    if plain {
        return Ok(Value::from(s.replace(&*search, &replacement)));
    }
    let re = ctx.regex.get(&search, false)?;
    let java_replacement = java_replacement(&replacement);
    Ok(Value::from(
        re.replace_all(&s, java_replacement.as_str()).into_owned(),
    ))
}

/// True when the pattern has characters that mean something to a regex.
pub(crate) fn has_regex_syntax(p: &str) -> bool {
    p.contains([
        '\\', '.', '[', ']', '(', ')', '{', '}', '*', '+', '?', '^', '$', '|',
    ])
}

/// Java replacement syntax (`$1`, `\$`) into the regex crate's (`${1}`, `$$`).
pub(crate) fn java_replacement(r: &str) -> String {
    let mut out = String::with_capacity(r.len());
    let mut chars = r.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('$') => out.push_str("$$"),
                Some(other) => out.push(other),
                None => {}
            },
            '$' => match chars.peek() {
                Some(d) if d.is_ascii_digit() => {
                    out.push_str("${");
                    out.push(*d);
                    out.push('}');
                    chars.next();
                }
                _ => out.push_str("$$"),
            },
            other => out.push(other),
        }
    }
    out
}

/// `toList([separator])`: split on a literal separator, keeping empty pieces.
fn to_list(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let s = text(recv, "toList")?;
    let items = match a.first() {
        None => vec![Value::text(&*s)],
        Some(sep) => {
            let sep = args::text(sep, "toList")?;
            if sep.is_empty() {
                s.chars().map(|c| Value::from(c.to_string())).collect()
            } else {
                s.split(&*sep).map(Value::text).collect()
            }
        }
    };
    Ok(Value::new_list(items))
}
