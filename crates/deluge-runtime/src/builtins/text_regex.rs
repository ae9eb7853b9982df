//! TEXT functions with regular expressions (builtins §2, §0.4):
//! `replaceAll`, `replaceFirst`, their `IgnoreCase` variants and `matches`.
//!
//! Patterns are Java regexes by default (compiled once through the
//! context's cache); a third argument `true` makes pattern and replacement
//! literal. A pattern without regex syntax and a replacement without `$`
//! or `\` skip the regex engine altogether.

use super::text::{same_or, text};
use super::{Ctx, MethodDef, args};
use crate::error::RtResult;
use crate::value::Value;
use regex::NoExpand;

pub const TABLE: &[MethodDef] = &[
    super::text::def(
        &["replaceAll"],
        2,
        3,
        replace_all,
        "s.replaceAll(search, replacement [, literal]) — replace every regex match",
    ),
    super::text::def(
        &["replaceFirst"],
        2,
        3,
        replace_first,
        "s.replaceFirst(search, replacement [, literal]) — replace the first regex match",
    ),
    super::text::def(
        &["replaceAllIgnoreCase"],
        2,
        3,
        replace_all_ignore_case,
        "s.replaceAllIgnoreCase(search, replacement [, literal]) — replaceAll, case-insensitive",
    ),
    super::text::def(
        &["replaceFirstIgnoreCase"],
        2,
        3,
        replace_first_ignore_case,
        "s.replaceFirstIgnoreCase(search, replacement [, literal]) — replaceFirst, case-insensitive",
    ),
    super::text::def(
        &["matches"],
        1,
        1,
        matches,
        "s.matches(regex) — true iff the whole text matches",
    ),
];

#[derive(Clone, Copy)]
struct Mode {
    all: bool,
    ignore_case: bool,
}

fn replace_all(ctx: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let mode = Mode {
        all: true,
        ignore_case: false,
    };
    replace(ctx, recv, a, "replaceAll", mode)
}

fn replace_first(ctx: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let mode = Mode {
        all: false,
        ignore_case: false,
    };
    replace(ctx, recv, a, "replaceFirst", mode)
}

fn replace_all_ignore_case(ctx: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let mode = Mode {
        all: true,
        ignore_case: true,
    };
    replace(ctx, recv, a, "replaceAllIgnoreCase", mode)
}

fn replace_first_ignore_case(ctx: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let mode = Mode {
        all: false,
        ignore_case: true,
    };
    replace(ctx, recv, a, "replaceFirstIgnoreCase", mode)
}

fn replace(
    ctx: &mut Ctx<'_>,
    recv: &Value,
    a: &[Value],
    name: &str,
    mode: Mode,
) -> RtResult<Value> {
    let s = text(recv, name)?;
    let search = args::text(&a[0], name)?;
    let replacement = args::text(&a[1], name)?;
    let literal = match args::optional(a, 2) {
        Some(v) => args::boolean(v, name)?,
        None => false,
    };
    let plain_search = literal || !has_regex_syntax(&search);
    let plain_replacement = literal || !replacement.contains(['$', '\\']);
    if !mode.ignore_case && plain_search && plain_replacement {
        if search.is_empty() || !s.contains(&*search) {
            // An empty pattern matches between characters: leave that to
            // the engine; no occurrence means no change and no copy.
            if !search.is_empty() {
                return Ok(same_or(recv, true, String::new));
            }
        } else if mode.all {
            return Ok(Value::from(s.replace(&*search, &replacement)));
        } else {
            return Ok(Value::from(s.replacen(&*search, &replacement, 1)));
        }
    }
    let pattern = if plain_search && has_regex_syntax(&search) {
        regex::escape(&search)
    } else {
        search.into_owned()
    };
    let re = ctx.regex.get(&pattern, mode.ignore_case)?;
    let limit = if mode.all { 0 } else { 1 };
    let out = if literal {
        re.replacen(&s, limit, NoExpand(&replacement))
    } else {
        re.replacen(&s, limit, java_replacement(&replacement).as_str())
    };
    Ok(match out {
        std::borrow::Cow::Borrowed(_) => same_or(recv, true, String::new),
        std::borrow::Cow::Owned(o) => Value::from(o),
    })
}

/// `s.matches(regex)`: Java `String.matches`, the whole text must match.
fn matches(ctx: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let s = text(recv, "matches")?;
    let pattern = args::text(&a[0], "matches")?;
    let re = match ctx.regex.get(&format!("^(?:{pattern})$"), false) {
        Ok(re) => re,
        // Report the pattern as written.
        Err(e) => return Err(ctx.regex.get(&pattern, false).err().unwrap_or(e)),
    };
    Ok(Value::Bool(re.is_match(&s)))
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
