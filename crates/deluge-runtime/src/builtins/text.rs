//! TEXT functions (builtins §2): length, case, trimming, slicing, padding
//! and character filters. Searching is in `text_search.rs`, regular
//! expressions in `text_regex.rs`, conversions in `text_convert.rs`.

use super::{Ctx, MethodDef, MethodFn, args};
use crate::error::{RtError, RtResult};
use crate::value::Value;
use std::borrow::Cow;

/// A table row, written on one line.
pub(super) const fn def(
    names: &'static [&'static str],
    min_args: u8,
    max_args: u8,
    f: MethodFn,
    doc: &'static str,
) -> MethodDef {
    MethodDef {
        names,
        min_args,
        max_args,
        f,
        doc,
    }
}

pub const TABLE: &[MethodDef] = &[
    def(
        &["length", "len"],
        0,
        0,
        length,
        "s.length() — number of characters",
    ),
    def(
        &["toUpperCase"],
        0,
        0,
        to_upper_case,
        "s.toUpperCase() — upper-case mapping",
    ),
    def(
        &["toLowerCase"],
        0,
        0,
        to_lower_case,
        "s.toLowerCase() — lower-case mapping",
    ),
    def(
        &["trim"],
        0,
        0,
        trim,
        "s.trim() — drops leading and trailing characters ≤ U+0020",
    ),
    def(
        &["ltrim"],
        0,
        0,
        ltrim,
        "s.ltrim() — drops leading characters ≤ U+0020",
    ),
    def(
        &["rtrim"],
        0,
        0,
        rtrim,
        "s.rtrim() — drops trailing characters ≤ U+0020",
    ),
    def(
        &["subString", "substring", "subText", "mid"],
        1,
        2,
        sub_string,
        "s.subString(start [, end]) — characters from start to end (exclusive)",
    ),
    def(&["left"], 1, 1, left, "s.left(n) — the first n characters"),
    def(
        &["right"],
        1,
        1,
        right,
        "s.right(n) — the last n characters",
    ),
    def(
        &["leftpad"],
        1,
        1,
        leftpad,
        "s.leftpad(n) — spaces on the left up to length n",
    ),
    def(
        &["rightpad"],
        1,
        1,
        rightpad,
        "s.rightpad(n) — spaces on the right up to length n",
    ),
    def(
        &["reverse"],
        0,
        0,
        reverse,
        "s.reverse() — characters in reverse order",
    ),
    def(
        &["repeat"],
        1,
        1,
        repeat,
        "s.repeat(n) — s concatenated n times",
    ),
    def(
        &["proper"],
        0,
        0,
        proper,
        "s.proper() — every word capitalised, the rest lower-case",
    ),
    def(&["concat"], 1, 1, concat, "s.concat(t) — s followed by t"),
    def(
        &["isAscii"],
        0,
        0,
        is_ascii,
        "s.isAscii() — true iff every character is ≤ U+007F",
    ),
    def(
        &["equals"],
        1,
        1,
        equals,
        "s.equals(t) — true iff the text forms are identical",
    ),
    def(
        &["equalsIgnoreCase"],
        1,
        1,
        equals_ignore_case,
        "s.equalsIgnoreCase(t) — case-insensitive equality",
    ),
    def(
        &["removeAllAlpha"],
        0,
        0,
        remove_all_alpha,
        "s.removeAllAlpha() — drops ASCII letters",
    ),
    def(
        &["removeAllAlphaNumeric"],
        0,
        0,
        remove_all_alphanumeric,
        "s.removeAllAlphaNumeric() — drops ASCII letters and digits",
    ),
    def(
        &["getAlpha"],
        0,
        0,
        get_alpha,
        "s.getAlpha() — keeps only ASCII letters",
    ),
    def(
        &["getAlphaNumeric"],
        0,
        0,
        get_alphanumeric,
        "s.getAlphaNumeric() — keeps only ASCII letters and digits",
    ),
];

/// Results longer than this (in bytes) are refused: `repeat` and the pads
/// must not exhaust memory on a mistyped count.
const MAX_RESULT_BYTES: usize = 1 << 28;

pub(super) fn text<'v>(recv: &'v Value, name: &str) -> RtResult<Cow<'v, str>> {
    args::receiver_text(recv, name)
}

/// `out` as a value, reusing the receiver when nothing changed (no copy of
/// the text).
pub(super) fn same_or(recv: &Value, unchanged: bool, out: impl FnOnce() -> String) -> Value {
    match recv {
        Value::Text(_) if unchanged => recv.clone(),
        _ => Value::from(out()),
    }
}

/// The slice `s[range]` as a value, reusing the receiver when it is all of it.
pub(super) fn slice_value(recv: &Value, s: &str, part: &str) -> Value {
    same_or(recv, part.len() == s.len(), || part.to_string())
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

/// Character index of byte offset `b` (a char boundary).
pub(crate) fn char_index(s: &str, b: usize) -> usize {
    let head = &s[..b];
    if head.is_ascii() {
        b
    } else {
        head.chars().count()
    }
}

fn to_upper_case(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    let s = text(recv, "toUpperCase")?;
    let unchanged = s.is_ascii() && !s.bytes().any(|b| b.is_ascii_lowercase());
    Ok(same_or(recv, unchanged, || s.to_uppercase()))
}

fn to_lower_case(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    let s = text(recv, "toLowerCase")?;
    let unchanged = s.is_ascii() && !s.bytes().any(|b| b.is_ascii_uppercase());
    Ok(same_or(recv, unchanged, || s.to_lowercase()))
}

/// Java `trim` removes every character up to U+0020, controls included.
fn is_trimmed(c: char) -> bool {
    c <= ' '
}

fn trim(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    let s = text(recv, "trim")?;
    Ok(slice_value(recv, &s, s.trim_matches(is_trimmed)))
}

fn ltrim(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    let s = text(recv, "ltrim")?;
    Ok(slice_value(recv, &s, s.trim_start_matches(is_trimmed)))
}

fn rtrim(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    let s = text(recv, "rtrim")?;
    Ok(slice_value(recv, &s, s.trim_end_matches(is_trimmed)))
}

/// `subString(start [, end])`: 0-based, end exclusive; a missing or
/// negative end means "to the end".
fn sub_string(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let s = text(recv, "subString")?;
    // One scan decides whether character and byte positions coincide.
    let ascii = s.is_ascii();
    let len = if ascii { s.len() } else { s.chars().count() } as i64;
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
    let (b0, b1) = if ascii {
        (start as usize, end as usize)
    } else {
        (
            byte_offset(&s, start as usize),
            byte_offset(&s, end as usize),
        )
    };
    Ok(slice_value(recv, &s, &s[b0..b1]))
}

/// A count argument that must not be negative.
fn count_arg(v: &Value, name: &str) -> RtResult<usize> {
    let n = args::index(v, name)?;
    args::to_usize(n, || RtError::invalid_args(name))
}

fn left(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let s = text(recv, "left")?;
    let n = count_arg(&a[0], "left")?;
    Ok(slice_value(recv, &s, &s[..byte_offset(&s, n)]))
}

fn right(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let s = text(recv, "right")?;
    let n = count_arg(&a[0], "right")?;
    let len = char_len(&s);
    let from = byte_offset(&s, len.saturating_sub(n));
    Ok(slice_value(recv, &s, &s[from..]))
}

/// Spaces needed to pad `s` to `n` characters, refusing huge results.
fn padding(s: &str, a: &[Value], name: &str) -> RtResult<usize> {
    let n = count_arg(&a[0], name)?;
    let pad = n.saturating_sub(char_len(s));
    if s.len().saturating_add(pad) > MAX_RESULT_BYTES {
        return Err(RtError::invalid_args(name));
    }
    Ok(pad)
}

fn leftpad(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let s = text(recv, "leftpad")?;
    let pad = padding(&s, a, "leftpad")?;
    Ok(same_or(recv, pad == 0, || {
        let mut out = " ".repeat(pad);
        out.push_str(&s);
        out
    }))
}

fn rightpad(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let s = text(recv, "rightpad")?;
    let pad = padding(&s, a, "rightpad")?;
    Ok(same_or(recv, pad == 0, || {
        let mut out = String::with_capacity(s.len() + pad);
        out.push_str(&s);
        out.extend(std::iter::repeat_n(' ', pad));
        out
    }))
}

fn reverse(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    let s = text(recv, "reverse")?;
    Ok(Value::from(s.chars().rev().collect::<String>()))
}

fn repeat(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let s = text(recv, "repeat")?;
    let n = count_arg(&a[0], "repeat")?;
    if s.len().saturating_mul(n) > MAX_RESULT_BYTES {
        return Err(RtError::invalid_args("repeat"));
    }
    Ok(Value::from(s.repeat(n)))
}

/// First character of every whitespace-separated word upper-cased, the
/// other characters lower-cased.
fn proper(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    let s = text(recv, "proper")?;
    let mut out = String::with_capacity(s.len());
    let mut word_start = true;
    for c in s.chars() {
        if c.is_whitespace() {
            out.push(c);
            word_start = true;
        } else if word_start {
            out.extend(c.to_uppercase());
            word_start = false;
        } else {
            out.extend(c.to_lowercase());
        }
    }
    Ok(Value::from(out))
}

fn concat(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let s = text(recv, "concat")?;
    let t = args::text(&a[0], "concat")?;
    let mut out = String::with_capacity(s.len() + t.len());
    out.push_str(&s);
    out.push_str(&t);
    Ok(Value::from(out))
}

fn is_ascii(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    Ok(Value::Bool(text(recv, "isAscii")?.is_ascii()))
}

/// `s.equals(t)`: identical text forms; a null argument is never equal.
fn equals(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let s = text(recv, "equals")?;
    Ok(Value::Bool(match &a[0] {
        Value::Null => false,
        Value::Text(t) => **t == *s,
        other => other.display() == *s,
    }))
}

fn equals_ignore_case(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let s = text(recv, "equalsIgnoreCase")?;
    let t = match &a[0] {
        Value::Null => return Ok(Value::Bool(false)),
        v => args::text(v, "equalsIgnoreCase")?,
    };
    Ok(Value::Bool(fold_eq(&s, &t)))
}

/// One character under simple case folding (its lower-case form when that
/// is a single character).
pub(crate) fn fold(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// Case-insensitive equality of two texts.
pub(crate) fn fold_eq(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    a.chars().map(fold).eq(b.chars().map(fold))
}

fn filter(recv: &Value, name: &str, keep: impl Fn(char) -> bool) -> RtResult<Value> {
    let s = text(recv, name)?;
    let unchanged = s.chars().all(&keep);
    Ok(same_or(recv, unchanged, || {
        s.chars().filter(|c| keep(*c)).collect()
    }))
}

fn remove_all_alpha(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    filter(recv, "removeAllAlpha", |c| !c.is_ascii_alphabetic())
}

fn remove_all_alphanumeric(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    filter(recv, "removeAllAlphaNumeric", |c| {
        !c.is_ascii_alphanumeric()
    })
}

fn get_alpha(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    filter(recv, "getAlpha", |c| c.is_ascii_alphabetic())
}

fn get_alphanumeric(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    filter(recv, "getAlphaNumeric", |c| c.is_ascii_alphanumeric())
}

#[cfg(test)]
#[path = "text_tests.rs"]
mod tests;
