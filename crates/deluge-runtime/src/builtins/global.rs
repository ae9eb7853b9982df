//! Global functions: constructors and functions without a receiver
//! (builtins §1, §8).

use super::{Ctx, GlobalDef, args};
use crate::error::{RtError, RtResult};
use crate::value::{CollectionObj, Kind, Value};
use deluge_syntax::codes;

/// Upper bound of `randomNumber()` without arguments (Java's
/// `Integer.MAX_VALUE`).
const RANDOM_MAX: i64 = 2_147_483_647;

pub const TABLE: &[GlobalDef] = &[
    GlobalDef {
        names: &["Map"],
        min_args: 0,
        max_args: 1,
        f: map,
        doc: "Map([m]) — a new map, or a copy",
    },
    GlobalDef {
        names: &["List"],
        min_args: 0,
        max_args: 1,
        f: list,
        doc: "List([text or list]) — a new list",
    },
    GlobalDef {
        names: &["Collection"],
        min_args: 0,
        max_args: u8::MAX,
        f: collection,
        doc: "Collection(...) — a new collection",
    },
    GlobalDef {
        names: &["randomNumber"],
        min_args: 0,
        max_args: 2,
        f: random_number,
        doc: "randomNumber([min, max]) — uniform random integer, bounds inclusive",
    },
    GlobalDef {
        names: &["openUrl"],
        min_args: 1,
        max_args: 2,
        f: open_url,
        doc: "openUrl(url [, target]) — ask the host to open a URL; no value",
    },
    GlobalDef {
        names: &["getUrl"],
        min_args: 0,
        max_args: u8::MAX,
        f: get_url,
        doc: "getUrl(url, ...) — deprecated form of invokeurl; not available",
    },
    GlobalDef {
        names: &["postUrl"],
        min_args: 0,
        max_args: u8::MAX,
        f: post_url,
        doc: "postUrl(url, ...) — deprecated form of invokeurl; not available",
    },
];

fn map(_: &mut Ctx<'_>, a: &[Value]) -> RtResult<Value> {
    match a.first() {
        None => Ok(Value::empty_map()),
        Some(v) if v.map_ref().is_some() => {
            let entries = v.map_ref().map(|m| m.entries.clone()).unwrap_or_default();
            Ok(Value::new_map(entries))
        }
        Some(v) if v.kind() == Kind::EmptyCollection => Ok(Value::empty_map()),
        Some(_) => Err(RtError::invalid_args("Map")),
    }
}

fn list(_: &mut Ctx<'_>, a: &[Value]) -> RtResult<Value> {
    match a.first() {
        None => Ok(Value::new_list(Vec::new())),
        Some(Value::Text(t)) => Ok(Value::new_list(t.split(',').map(Value::text).collect())),
        Some(v) if v.kind() == Kind::EmptyCollection => Ok(Value::new_list(Vec::new())),
        Some(v) => match v.list_ref() {
            Some(l) => Ok(Value::new_list(l.items.clone())),
            None => Err(RtError::invalid_args("List")),
        },
    }
}

/// `Collection()` / `collection(v1, v2, ...)`: plain values give a
/// list-like collection (entries are handled by the evaluator).
fn collection(_: &mut Ctx<'_>, a: &[Value]) -> RtResult<Value> {
    if a.is_empty() {
        return Ok(Value::new_collection(CollectionObj::Empty));
    }
    Ok(Value::new_collection(CollectionObj::List(
        crate::value::ListObj {
            items: a.to_vec(),
            ..Default::default()
        },
    )))
}

fn random_number(_: &mut Ctx<'_>, a: &[Value]) -> RtResult<Value> {
    let (min, max) = match a {
        [] => (0, RANDOM_MAX),
        [min, max] => (
            args::index(min, "randomNumber")?,
            args::index(max, "randomNumber")?,
        ),
        _ => return Err(RtError::invalid_args("randomNumber")),
    };
    if min > max {
        return Err(RtError::invalid_args("randomNumber"));
    }
    Ok(Value::Number(fastrand::i64(min..=max)))
}

/// Passed to the host, which may ignore it; never an error (builtins §11).
fn open_url(ctx: &mut Ctx<'_>, a: &[Value]) -> RtResult<Value> {
    let url = a[0].display_rc();
    let target = a.get(1).map(Value::display_rc).unwrap_or_else(|| "".into());
    ctx.host.open_url(&url, &target);
    Ok(Value::Null)
}

fn unavailable(name: &str) -> RtError {
    RtError::new(
        codes::TASK_UNAVAILABLE,
        format!("{name} is not available in this environment"),
    )
}

fn get_url(_: &mut Ctx<'_>, _: &[Value]) -> RtResult<Value> {
    Err(unavailable("getUrl"))
}

fn post_url(_: &mut Ctx<'_>, _: &[Value]) -> RtResult<Value> {
    Err(unavailable("postUrl"))
}

#[cfg(test)]
#[path = "global_tests.rs"]
mod tests;
