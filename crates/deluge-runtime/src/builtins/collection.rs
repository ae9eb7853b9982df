//! COLLECTION-only functions (builtins §6), and the `key : value` entry
//! arguments that only collections accept (language spec §3 rule 11).
//!
//! A list-like COLLECTION reaches the LIST table first and a key-value one
//! the MAP table first, so the functions here that share a name with those
//! (`get`, `remove`) mostly serve the empty collection, which reaches this
//! table first.

use super::list::{position, with_items};
use super::map::{remove_key, with_entries};
use super::{Ctx, MethodDef, MethodId, args, registry};
use crate::error::{RtError, RtResult};
use crate::value::{CollectionObj, Entries, MapKey, MapKeyRef, MapObj, Value};

pub const TABLE: &[MethodDef] = &[
    MethodDef {
        names: &["insert"],
        min_args: 1,
        max_args: u8::MAX,
        f: insert,
        doc: "c.insert(v1, ... | k1 : v1, ...) — append values, or put key-value pairs",
    },
    MethodDef {
        names: &["get"],
        min_args: 1,
        max_args: 1,
        f: get,
        doc: "c.get(indexOrKey) — element at an index (list-like) or value of a key",
    },
    MethodDef {
        names: &["remove"],
        min_args: 1,
        max_args: 1,
        f: remove,
        doc: "c.remove(indexOrKey) — remove and return an element or a key's value",
    },
    MethodDef {
        names: &["values"],
        min_args: 0,
        max_args: 0,
        f: values,
        doc: "c.values() — new list of the elements (list-like) or values (key-value)",
    },
    MethodDef {
        names: &["keys"],
        min_args: 0,
        max_args: 0,
        f: keys,
        doc: "c.keys() — new list of the keys, or the indexes 0..size-1 when list-like",
    },
    MethodDef {
        names: &["update"],
        min_args: 2,
        max_args: 2,
        f: update,
        doc: "c.update(indexOrKey, value) — replace the value at an existing index or key",
    },
    MethodDef {
        names: &["delete"],
        min_args: 1,
        max_args: 1,
        f: delete,
        doc: "c.delete(indexOrKey) — remove by index (list-like) or by key (no error if absent)",
    },
    MethodDef {
        names: &["duplicate"],
        min_args: 0,
        max_args: 0,
        f: duplicate,
        doc: "c.duplicate() — deep copy",
    },
];

/// How a receiver of this table behaves: an empty collection is taken as
/// list-like when the argument is a number (so `get(0)` reports the index)
/// and as key-value otherwise (so `get("k")` is null).
fn list_like(recv: &Value, arg: Option<&Value>) -> bool {
    if recv.list_ref().is_some() {
        return true;
    }
    recv.map_ref().is_none() && matches!(arg, Some(Value::Number(_) | Value::Decimal(_)))
}

fn insert(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    if !matches!(recv, Value::Collection(_)) {
        return Err(RtError::not_found("insert"));
    }
    let mut list = recv
        .list_mut(true)
        .ok_or_else(|| RtError::invalid_args("insert"))?;
    list.items.extend_from_slice(a);
    Ok(Value::Null)
}

fn get(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    if list_like(recv, a.first()) {
        let i = args::index(&a[0], "get")?;
        return with_items(recv, "get", |items| match position(i, items.len()) {
            Some(p) => Ok(items[p].clone()),
            None => Err(RtError::list_index(i, items.len())),
        })?;
    }
    with_entries(recv, "get", |m| {
        m.get(&MapKeyRef(&a[0])).cloned().unwrap_or_default()
    })
}

fn remove(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    if list_like(recv, a.first()) {
        return remove_index(recv, &a[0], "remove");
    }
    remove_key(recv, &a[0], "remove")
}

fn remove_index(recv: &Value, index: &Value, name: &str) -> RtResult<Value> {
    let i = args::index(index, name)?;
    let Some(mut list) = recv.list_mut(false) else {
        return Err(RtError::list_index(i, 0));
    };
    match position(i, list.items.len()) {
        Some(p) => Ok(list.items.remove(p)),
        None => Err(RtError::list_index(i, list.items.len())),
    }
}

fn values(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    if list_like(recv, None) {
        return with_items(recv, "values", |items| Value::new_list(items.to_vec()));
    }
    with_entries(recv, "values", |m| {
        Value::new_list(m.values().cloned().collect())
    })
}

fn keys(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    if list_like(recv, None) {
        return with_items(recv, "keys", |items| {
            Value::new_list((0..items.len() as i64).map(Value::Number).collect())
        });
    }
    with_entries(recv, "keys", |m| {
        Value::new_list(m.keys().map(|k| k.0.clone()).collect())
    })
}

fn update(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    if list_like(recv, a.first()) {
        let i = args::index(&a[0], "update")?;
        let Some(mut list) = recv.list_mut(false) else {
            return Err(RtError::list_index(i, 0));
        };
        let len = list.items.len();
        let p = position(i, len).ok_or_else(|| RtError::list_index(i, len))?;
        list.items[p] = a[1].clone();
        return Ok(Value::Null);
    }
    let slot_missing = || RtError::invalid_args("update");
    let mut map = recv.map_mut(false).ok_or_else(slot_missing)?;
    let slot = map
        .entries
        .get_mut(&MapKeyRef(&a[0]))
        .ok_or_else(slot_missing)?;
    *slot = a[1].clone();
    Ok(Value::Null)
}

fn delete(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    if list_like(recv, a.first()) {
        return remove_index(recv, &a[0], "delete").map(|_| Value::Null);
    }
    remove_key(recv, &a[0], "delete").map(|_| Value::Null)
}

fn duplicate(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    Ok(recv.deep_copy())
}

/// `collection("a" : 1, "b" : 2)`: a key-value collection.
pub fn collection_of_entries(function: &str, entries: Vec<(Value, Value)>) -> RtResult<Value> {
    if !function.eq_ignore_ascii_case("collection") {
        return Err(RtError::invalid_args(function));
    }
    let mut map = Entries::default();
    for (k, v) in entries {
        map.insert(MapKey(k), v);
    }
    Ok(Value::new_collection(CollectionObj::Map(MapObj {
        entries: map,
    })))
}

/// `c.insert("k" : v, ...)`: puts the pairs into a key-value (or empty)
/// collection.
pub fn insert_entries(
    recv: &Value,
    method: MethodId,
    entries: Vec<(Value, Value)>,
) -> RtResult<Value> {
    let name = registry().method_name(method);
    if !name.eq_ignore_ascii_case("insert") || !matches!(recv, Value::Collection(_)) {
        return Err(RtError::invalid_args(name));
    }
    let mut map = recv
        .map_mut(true)
        .ok_or_else(|| RtError::invalid_args(name))?;
    for (k, v) in entries {
        map.entries.insert(MapKey(k), v);
    }
    Ok(Value::Null)
}

#[cfg(test)]
#[path = "collection_tests.rs"]
mod tests;
