//! MAP functions (builtins §5).

use super::{Ctx, MethodDef};
use crate::error::{RtError, RtResult};
use crate::value::{MapKey, MapKeyRef, Value};

pub const TABLE: &[MethodDef] = &[
    MethodDef {
        names: &["put"],
        min_args: 2,
        max_args: 2,
        f: put,
        doc: "m.put(key, value) — add or replace a pair",
    },
    MethodDef {
        names: &["get"],
        min_args: 1,
        max_args: 1,
        f: get,
        doc: "get(i or key) — element at an index / value of a key",
    },
    MethodDef {
        names: &["keys"],
        min_args: 0,
        max_args: 0,
        f: keys,
        doc: "m.keys() — the keys in order",
    },
    MethodDef {
        names: &["size"],
        min_args: 0,
        max_args: 0,
        f: size,
        doc: "size() — number of elements",
    },
];

fn put(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let mut map = recv
        .map_mut(true)
        .ok_or_else(|| RtError::invalid_args("put"))?;
    map.entries.insert(MapKey(a[0].clone()), a[1].clone());
    Ok(Value::Null)
}

fn get(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let map = recv.map_ref().ok_or_else(|| RtError::invalid_args("get"))?;
    Ok(map
        .entries
        .get(&MapKeyRef(&a[0]))
        .cloned()
        .unwrap_or_default())
}

fn keys(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    let map = recv
        .map_ref()
        .ok_or_else(|| RtError::invalid_args("keys"))?;
    Ok(Value::new_list(
        map.entries.keys().map(|k| k.0.clone()).collect(),
    ))
}

fn size(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    let map = recv
        .map_ref()
        .ok_or_else(|| RtError::invalid_args("size"))?;
    Ok(Value::Number(map.entries.len() as i64))
}
