//! TEXT functions that search for a sub-text (builtins §2, §11): positions,
//! containment, prefixes and suffixes, occurrence counts and removal.
//! Searches are literal; positions count characters.

use super::text::{char_index, def, fold, same_or, slice_value, text};
use super::{Ctx, MethodDef, args};
use crate::error::RtResult;
use crate::value::Value;
use std::borrow::Cow;

pub const TABLE: &[MethodDef] = &[
    def(
        &["indexOf"],
        1,
        1,
        index_of,
        "s.indexOf(sub) — index of the first occurrence, -1 if none",
    ),
    def(
        &["lastIndexOf"],
        1,
        1,
        last_index_of,
        "s.lastIndexOf(sub) — index of the last occurrence, -1 if none",
    ),
    def(&["find"], 1, 1, find, "s.find(sub) — same as indexOf"),
    def(
        &["contains"],
        1,
        1,
        contains,
        "s.contains(sub) — case-sensitive substring test",
    ),
    def(
        &["notContains"],
        1,
        1,
        not_contains,
        "s.notContains(sub) — negation of contains",
    ),
    def(
        &["containsIgnoreCase"],
        1,
        1,
        contains_ignore_case,
        "s.containsIgnoreCase(sub) — case-insensitive substring test",
    ),
    def(
        &["startsWith"],
        1,
        1,
        starts_with,
        "s.startsWith(p) — case-sensitive prefix test",
    ),
    def(
        &["endsWith"],
        1,
        1,
        ends_with,
        "s.endsWith(p) — case-sensitive suffix test",
    ),
    def(
        &["startsWithIgnoreCase"],
        1,
        1,
        starts_with_ignore_case,
        "s.startsWithIgnoreCase(p) — case-insensitive prefix test",
    ),
    def(
        &["endsWithIgnoreCase"],
        1,
        1,
        ends_with_ignore_case,
        "s.endsWithIgnoreCase(p) — case-insensitive suffix test",
    ),
    def(
        &["getPrefix"],
        1,
        1,
        get_prefix,
        "s.getPrefix(sub) — text before the first occurrence, null if none",
    ),
    def(
        &["getSuffix"],
        1,
        1,
        get_suffix,
        "s.getSuffix(sub) — text after the first occurrence, null if none",
    ),
    def(
        &["getPrefixIgnoreCase"],
        1,
        1,
        get_prefix_ignore_case,
        "s.getPrefixIgnoreCase(sub) — getPrefix with a case-insensitive search",
    ),
    def(
        &["getSuffixIgnoreCase"],
        1,
        1,
        get_suffix_ignore_case,
        "s.getSuffixIgnoreCase(sub) — getSuffix with a case-insensitive search",
    ),
    def(
        &["getOccurenceCount"],
        1,
        1,
        get_occurence_count,
        "s.getOccurenceCount(sub) — number of non-overlapping occurrences",
    ),
    def(
        &["count"],
        1,
        1,
        count,
        "s.count(sub) — same as getOccurenceCount",
    ),
    def(
        &["remove"],
        1,
        1,
        remove,
        "s.remove(sub) — removes every occurrence",
    ),
    def(
        &["removeFirstOccurence"],
        1,
        1,
        remove_first,
        "s.removeFirstOccurence(sub) — removes the first occurrence",
    ),
    def(
        &["removeLastOccurence"],
        1,
        1,
        remove_last,
        "s.removeLastOccurence(sub) — removes the last occurrence",
    ),
];

/// Receiver and the one text argument.
fn two<'v>(recv: &'v Value, a: &'v [Value], name: &str) -> RtResult<(Cow<'v, str>, Cow<'v, str>)> {
    Ok((text(recv, name)?, args::text(&a[0], name)?))
}

fn position(s: &str, found: Option<usize>) -> Value {
    Value::Number(found.map_or(-1, |b| char_index(s, b) as i64))
}

fn index_of(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let (s, sub) = two(recv, a, "indexOf")?;
    Ok(position(&s, s.find(&*sub)))
}

fn last_index_of(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let (s, sub) = two(recv, a, "lastIndexOf")?;
    Ok(position(&s, s.rfind(&*sub)))
}

fn find(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let (s, sub) = two(recv, a, "find")?;
    Ok(position(&s, s.find(&*sub)))
}

fn contains(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let (s, sub) = two(recv, a, "contains")?;
    Ok(Value::Bool(s.contains(&*sub)))
}

fn not_contains(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let (s, sub) = two(recv, a, "notContains")?;
    Ok(Value::Bool(!s.contains(&*sub)))
}

/// Byte range of the first case-insensitive occurrence of `needle`.
pub(crate) fn find_ignore_case(hay: &str, needle: &str) -> Option<(usize, usize)> {
    if needle.is_empty() {
        return Some((0, 0));
    }
    if hay.is_ascii() && needle.is_ascii() {
        let h = hay.to_ascii_lowercase();
        let n = needle.to_ascii_lowercase();
        return h.find(&n).map(|b| (b, b + n.len()));
    }
    let needle: Vec<char> = needle.chars().map(fold).collect();
    let chars: Vec<(usize, char)> = hay.char_indices().map(|(i, c)| (i, fold(c))).collect();
    let last_start = chars.len().checked_sub(needle.len())?;
    let i = (0..=last_start).find(|&i| {
        chars[i..i + needle.len()]
            .iter()
            .map(|x| x.1)
            .eq(needle.iter().copied())
    })?;
    let end = chars.get(i + needle.len()).map_or(hay.len(), |x| x.0);
    Some((chars[i].0, end))
}

fn contains_ignore_case(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let (s, sub) = two(recv, a, "containsIgnoreCase")?;
    Ok(Value::Bool(find_ignore_case(&s, &sub).is_some()))
}

fn starts_with(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let (s, p) = two(recv, a, "startsWith")?;
    Ok(Value::Bool(s.starts_with(&*p)))
}

fn ends_with(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let (s, p) = two(recv, a, "endsWith")?;
    Ok(Value::Bool(s.ends_with(&*p)))
}

fn starts_with_ignore_case(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let (s, p) = two(recv, a, "startsWithIgnoreCase")?;
    let n = p.chars().count();
    Ok(Value::Bool(
        s.chars().take(n).map(fold).eq(p.chars().map(fold)),
    ))
}

fn ends_with_ignore_case(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let (s, p) = two(recv, a, "endsWithIgnoreCase")?;
    let n = p.chars().count();
    Ok(Value::Bool(
        s.chars()
            .rev()
            .take(n)
            .map(fold)
            .eq(p.chars().rev().map(fold)),
    ))
}

/// The part before (`prefix`) or after the occurrence at `range`, or null.
fn around(recv: &Value, s: &str, range: Option<(usize, usize)>, prefix: bool) -> Value {
    match range {
        None => Value::Null,
        Some((b, _)) if prefix => slice_value(recv, s, &s[..b]),
        Some((_, e)) => slice_value(recv, s, &s[e..]),
    }
}

fn get_prefix(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let (s, sub) = two(recv, a, "getPrefix")?;
    let range = s.find(&*sub).map(|b| (b, b + sub.len()));
    Ok(around(recv, &s, range, true))
}

fn get_suffix(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let (s, sub) = two(recv, a, "getSuffix")?;
    let range = s.find(&*sub).map(|b| (b, b + sub.len()));
    Ok(around(recv, &s, range, false))
}

fn get_prefix_ignore_case(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let (s, sub) = two(recv, a, "getPrefixIgnoreCase")?;
    Ok(around(recv, &s, find_ignore_case(&s, &sub), true))
}

fn get_suffix_ignore_case(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let (s, sub) = two(recv, a, "getSuffixIgnoreCase")?;
    Ok(around(recv, &s, find_ignore_case(&s, &sub), false))
}

fn occurrences(s: &str, sub: &str) -> i64 {
    if sub.is_empty() {
        0
    } else {
        s.matches(sub).count() as i64
    }
}

fn get_occurence_count(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let (s, sub) = two(recv, a, "getOccurenceCount")?;
    Ok(Value::Number(occurrences(&s, &sub)))
}

fn count(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let (s, sub) = two(recv, a, "count")?;
    Ok(Value::Number(occurrences(&s, &sub)))
}

fn remove(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let (s, sub) = two(recv, a, "remove")?;
    let unchanged = sub.is_empty() || !s.contains(&*sub);
    Ok(same_or(recv, unchanged, || s.replace(&*sub, "")))
}

fn without(recv: &Value, s: &str, found: Option<usize>, len: usize) -> Value {
    match found {
        Some(b) if len > 0 => {
            let mut out = String::with_capacity(s.len() - len);
            out.push_str(&s[..b]);
            out.push_str(&s[b + len..]);
            Value::from(out)
        }
        _ => same_or(recv, true, || s.to_string()),
    }
}

fn remove_first(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let (s, sub) = two(recv, a, "removeFirstOccurence")?;
    Ok(without(recv, &s, s.find(&*sub), sub.len()))
}

fn remove_last(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let (s, sub) = two(recv, a, "removeLastOccurence")?;
    Ok(without(recv, &s, s.rfind(&*sub), sub.len()))
}
