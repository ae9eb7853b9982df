//! Global functions: constructors and functions without a receiver
//! (builtins §1, §8).

use super::{Ctx, GlobalDef};
use crate::error::{RtError, RtResult};
use crate::value::{CollectionObj, Value};

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
];

fn map(_: &mut Ctx<'_>, a: &[Value]) -> RtResult<Value> {
    match a.first() {
        None => Ok(Value::empty_map()),
        Some(v) if v.map_ref().is_some() => {
            let entries = v.map_ref().map(|m| m.entries.clone()).unwrap_or_default();
            Ok(Value::new_map(entries))
        }
        Some(_) => Err(RtError::invalid_args("Map")),
    }
}

fn list(_: &mut Ctx<'_>, a: &[Value]) -> RtResult<Value> {
    match a.first() {
        None => Ok(Value::new_list(Vec::new())),
        Some(Value::Text(t)) => Ok(Value::new_list(t.split(',').map(Value::text).collect())),
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
