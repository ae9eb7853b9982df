//! MAP functions (builtins §5). Receivers are MAPs and key-value
//! COLLECTIONs; an empty COLLECTION reads as an empty map and becomes
//! key-value on its first `put`/`putAll`.

use super::{Ctx, MethodDef};
use crate::error::{RtError, RtResult};
use crate::value::{CollectionObj, Entries, Kind, MapKey, MapKeyRef, Value, same_family_equals};

pub const TABLE: &[MethodDef] = &[
    MethodDef {
        names: &["put"],
        min_args: 2,
        max_args: 2,
        f: put,
        doc: "m.put(key, value) — add a pair, or replace the value of a key in place",
    },
    MethodDef {
        names: &["putAll"],
        min_args: 1,
        max_args: 1,
        f: put_all,
        doc: "m.putAll(m2) — put every pair of m2, in m2's order",
    },
    MethodDef {
        names: &["get"],
        min_args: 1,
        max_args: 1,
        f: get,
        doc: "m.get(key) — value of a key, null if absent",
    },
    MethodDef {
        names: &["getJSON", "getJson"],
        min_args: 1,
        max_args: 1,
        f: get,
        doc: "m.getJSON(key) — value of a key, null if absent (same as get)",
    },
    MethodDef {
        names: &["containKey", "containsKey"],
        min_args: 1,
        max_args: 1,
        f: contain_key,
        doc: "m.containKey(key) — true if the key is present (case-sensitive)",
    },
    MethodDef {
        names: &["containValue", "containsValue"],
        min_args: 1,
        max_args: 1,
        f: contain_value,
        doc: "m.containValue(v) — true if some value equals v",
    },
    MethodDef {
        names: &["contains"],
        min_args: 1,
        max_args: 1,
        f: contains,
        doc: "m.contains(x) — true if x is a key or equals some value",
    },
    MethodDef {
        names: &["keys"],
        min_args: 0,
        max_args: 0,
        f: keys,
        doc: "m.keys() — new list of the keys in map order",
    },
    MethodDef {
        names: &["values"],
        min_args: 0,
        max_args: 0,
        f: values,
        doc: "m.values() — new list of the values in map order",
    },
    MethodDef {
        names: &["remove"],
        min_args: 1,
        max_args: 1,
        f: remove,
        doc: "m.remove(key) — remove a pair and return its value (null if absent)",
    },
    MethodDef {
        names: &["deleteKey"],
        min_args: 1,
        max_args: 1,
        f: delete_key,
        doc: "m.deleteKey(key) — remove a pair; no error if absent",
    },
    MethodDef {
        names: &["size"],
        min_args: 0,
        max_args: 0,
        f: size,
        doc: "m.size() — number of pairs",
    },
    MethodDef {
        names: &["count"],
        min_args: 0,
        max_args: 0,
        f: size,
        doc: "m.count() — number of pairs, like size()",
    },
    MethodDef {
        names: &["clear"],
        min_args: 0,
        max_args: 0,
        f: clear,
        doc: "m.clear() — remove all pairs",
    },
    MethodDef {
        names: &["toMap"],
        min_args: 0,
        max_args: 0,
        f: to_map,
        doc: "m.toMap() — shallow copy as a MAP",
    },
    MethodDef {
        names: &["toString", "toText"],
        min_args: 0,
        max_args: 0,
        f: to_string,
        doc: "m.toString() — JSON form",
    },
];

/// Runs `f` on the entries of a MAP or key-value COLLECTION (an empty
/// COLLECTION reads as an empty map), borrowing without copying.
pub(super) fn with_entries<R>(
    recv: &Value,
    name: &str,
    f: impl FnOnce(&Entries) -> R,
) -> RtResult<R> {
    match recv {
        Value::Map(m) => Ok(f(&m.borrow().entries)),
        Value::Collection(c) => match &*c.borrow() {
            // An empty IndexMap does not allocate.
            CollectionObj::Empty => Ok(f(&Entries::default())),
            CollectionObj::Map(m) => Ok(f(&m.entries)),
            CollectionObj::List(_) => Err(RtError::invalid_args(name)),
        },
        _ => Err(RtError::invalid_args(name)),
    }
}

/// A map cannot be its own key: hashing the key would read the map while
/// it is being written.
fn check_key(recv: &Value, key: &Value, name: &str) -> RtResult<()> {
    if key.same_object(recv) {
        return Err(RtError::invalid_args(name));
    }
    Ok(())
}

fn put(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    check_key(recv, &a[0], "put")?;
    let mut map = recv
        .map_mut(true)
        .ok_or_else(|| RtError::invalid_args("put"))?;
    // An existing key keeps its position; only the value changes.
    map.entries.insert(MapKey(a[0].clone()), a[1].clone());
    Ok(Value::Null)
}

fn put_all(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    if recv.same_object(&a[0]) {
        return Ok(Value::Null);
    }
    // Checked before promotion, so a bad argument leaves an empty
    // collection without a kind.
    with_entries(&a[0], "putAll", |_| ())?;
    let mut map = recv
        .map_mut(true)
        .ok_or_else(|| RtError::invalid_args("putAll"))?;
    with_entries(&a[0], "putAll", |src| {
        for (k, v) in src {
            if k.0.same_object(recv) {
                return Err(RtError::invalid_args("putAll"));
            }
            map.entries.insert(k.clone(), v.clone());
        }
        Ok(())
    })??;
    Ok(Value::Null)
}

fn get(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    with_entries(recv, "get", |m| {
        m.get(&MapKeyRef(&a[0])).cloned().unwrap_or_default()
    })
}

fn contain_key(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    with_entries(recv, "containKey", |m| {
        Value::Bool(m.contains_key(&MapKeyRef(&a[0])))
    })
}

fn contain_value(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    with_entries(recv, "containValue", |m| {
        Value::Bool(m.values().any(|v| same_family_equals(v, &a[0])))
    })
}

fn contains(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    with_entries(recv, "contains", |m| {
        Value::Bool(
            m.contains_key(&MapKeyRef(&a[0])) || m.values().any(|v| same_family_equals(v, &a[0])),
        )
    })
}

fn keys(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    with_entries(recv, "keys", |m| {
        Value::new_list(m.keys().map(|k| k.0.clone()).collect())
    })
}

fn values(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    with_entries(recv, "values", |m| {
        Value::new_list(m.values().cloned().collect())
    })
}

/// Removes a key, keeping the order of the other pairs.
pub(super) fn remove_key(recv: &Value, key: &Value, name: &str) -> RtResult<Value> {
    match recv.map_mut(false) {
        Some(mut map) => Ok(map
            .entries
            .shift_remove(&MapKeyRef(key))
            .unwrap_or_default()),
        None if recv.kind() == Kind::EmptyCollection => Ok(Value::Null),
        None => Err(RtError::invalid_args(name)),
    }
}

fn remove(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    remove_key(recv, &a[0], "remove")
}

fn delete_key(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    remove_key(recv, &a[0], "deleteKey").map(|_| Value::Null)
}

fn size(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    with_entries(recv, "size", |m| Value::Number(m.len() as i64))
}

fn clear(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    if let Some(mut map) = recv.map_mut(false) {
        map.entries.clear();
    }
    Ok(Value::Null)
}

fn to_map(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    with_entries(recv, "toMap", |m| Value::new_map(m.clone()))
}

fn to_string(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    Ok(Value::Text(recv.display_rc()))
}

#[cfg(test)]
#[path = "map_tests.rs"]
mod tests;
