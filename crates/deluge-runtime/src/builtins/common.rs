//! Functions for receivers of any type, some of them null-tolerant
//! (builtins §1 and §0.3), and the names of out-of-scope features that
//! must fail with a clear message (builtins §11).
//!
//! A `null` receiver reaches only this table, so every function here that
//! is not null-tolerant checks for it first.

use super::{Ctx, MethodDef};
use crate::error::{RtError, RtResult};
use crate::value::{CollectionObj, Value};
use deluge_syntax::codes;

pub const TABLE: &[MethodDef] = &[
    MethodDef {
        names: &["isNull"],
        min_args: 0,
        max_args: 0,
        f: is_null,
        doc: "isNull(x) — true for null and the empty text",
    },
    MethodDef {
        names: &["isEmpty"],
        min_args: 0,
        max_args: 0,
        f: is_empty,
        doc: "isEmpty(x) — true for null, \"\" and a list, map or collection without elements",
    },
    MethodDef {
        names: &["isBlank"],
        min_args: 0,
        max_args: 0,
        f: is_blank,
        doc: "isBlank(x) — true for null, whitespace-only text and empty lists, maps, collections",
    },
    MethodDef {
        names: &["isNumber"],
        min_args: 0,
        max_args: 0,
        f: is_number,
        doc: "isNumber(x) — true for a NUMBER or text holding a whole number",
    },
    MethodDef {
        names: &["isDecimal"],
        min_args: 0,
        max_args: 0,
        f: is_decimal,
        doc: "isDecimal(x) — true for a DECIMAL or text holding a number with a decimal point",
    },
    MethodDef {
        names: &["isText"],
        min_args: 0,
        max_args: 0,
        f: is_text,
        doc: "isText(x) — true for TEXT",
    },
    MethodDef {
        names: &["isFile"],
        min_args: 0,
        max_args: 0,
        f: is_file,
        doc: "isFile(x) — true for a FILE",
    },
    MethodDef {
        names: &["toString", "toText"],
        min_args: 0,
        max_args: 0,
        f: to_string,
        doc: "toString(x) — the text form (null gives \"null\")",
    },
    unsupported(
        &["executeXPath"],
        execute_xpath,
        "executeXPath(...) — out of scope (XML, zip files, Creator records): always a runtime error",
    ),
    unsupported(
        &["toXML"],
        to_xml,
        "toXML(...) — out of scope (XML, zip files, Creator records): always a runtime error",
    ),
    unsupported(
        &["toXmlList"],
        to_xml_list,
        "toXmlList(...) — out of scope (XML, zip files, Creator records): always a runtime error",
    ),
    unsupported(
        &["extract"],
        extract,
        "extract(...) — out of scope (XML, zip files, Creator records): always a runtime error",
    ),
    unsupported(
        &["compress"],
        compress,
        "compress(...) — out of scope (XML, zip files, Creator records): always a runtime error",
    ),
    unsupported(
        &["getAll"],
        get_all,
        "getAll(...) — out of scope (XML, zip files, Creator records): always a runtime error",
    ),
];

/// A name of an out-of-scope feature (XML, zip files, Creator records):
/// any call, with any receiver and arguments, fails with NOT_SUPPORTED.
const fn unsupported(
    names: &'static [&'static str],
    f: super::MethodFn,
    doc: &'static str,
) -> MethodDef {
    MethodDef {
        names,
        min_args: 0,
        max_args: u8::MAX,
        f,
        doc,
    }
}

/// The names of [`unsupported`] functions: every call of them fails.
pub(super) const UNSUPPORTED: &[&str] = &[
    "executeXPath",
    "toXML",
    "toXmlList",
    "extract",
    "compress",
    "getAll",
];

/// Built-ins do not receive their own name, so each stub is a function.
macro_rules! not_supported {
    ($($f:ident => $name:literal),* $(,)?) => {$(
        fn $f(_: &mut Ctx<'_>, _: &Value, _: &[Value]) -> RtResult<Value> {
            Err(RtError::new(
                codes::NOT_SUPPORTED,
                concat!("Function '", $name, "' is not supported by deluge"),
            ))
        }
    )*};
}

not_supported! {
    execute_xpath => "executeXPath",
    to_xml => "toXML",
    to_xml_list => "toXmlList",
    extract => "extract",
    compress => "compress",
    get_all => "getAll",
}

fn null_guard(recv: &Value, name: &str) -> RtResult<()> {
    match recv {
        Value::Null => Err(RtError::null_receiver(name)),
        _ => Ok(()),
    }
}

/// `true` for null and for `""` (documented).
fn is_null(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    Ok(Value::Bool(match recv {
        Value::Null => true,
        Value::Text(t) => t.is_empty(),
        _ => false,
    }))
}

/// Element count of a list, map or collection; `None` for other values.
fn element_count(v: &Value) -> Option<usize> {
    match v {
        Value::List(l) => Some(l.borrow().items.len()),
        Value::Map(m) => Some(m.borrow().entries.len()),
        Value::Collection(c) => Some(match &*c.borrow() {
            CollectionObj::Empty => 0,
            CollectionObj::List(l) => l.items.len(),
            CollectionObj::Map(m) => m.entries.len(),
        }),
        _ => None,
    }
}

fn is_empty(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    Ok(Value::Bool(match recv {
        Value::Null => true,
        Value::Text(t) => t.is_empty(),
        other => element_count(other) == Some(0),
    }))
}

fn is_blank(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    Ok(Value::Bool(match recv {
        Value::Null => true,
        Value::Text(t) => t.trim().is_empty(),
        other => element_count(other) == Some(0),
    }))
}

/// `^[+-]?[0-9]+$`.
fn whole_number_text(t: &str) -> bool {
    let body = t.strip_prefix(['+', '-']).unwrap_or(t);
    !body.is_empty() && body.bytes().all(|b| b.is_ascii_digit())
}

/// `^[+-]?([0-9]+\.[0-9]*|\.[0-9]+)$`.
fn decimal_text(t: &str) -> bool {
    let body = t.strip_prefix(['+', '-']).unwrap_or(t);
    let Some((int, frac)) = body.split_once('.') else {
        return false;
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    digits(int) && digits(frac) && !(int.is_empty() && frac.is_empty())
}

fn is_number(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    null_guard(recv, "isNumber")?;
    Ok(Value::Bool(match recv {
        Value::Number(_) => true,
        Value::Text(t) => whole_number_text(t.trim()),
        _ => false,
    }))
}

fn is_decimal(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    null_guard(recv, "isDecimal")?;
    Ok(Value::Bool(match recv {
        Value::Decimal(_) => true,
        Value::Text(t) => decimal_text(t.trim()),
        _ => false,
    }))
}

fn is_text(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    null_guard(recv, "isText")?;
    Ok(Value::Bool(matches!(recv, Value::Text(_))))
}

fn is_file(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    null_guard(recv, "isFile")?;
    Ok(Value::Bool(matches!(recv, Value::File(_))))
}

fn to_string(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    Ok(Value::Text(recv.display_rc()))
}

#[cfg(test)]
#[path = "common_tests.rs"]
mod tests;
