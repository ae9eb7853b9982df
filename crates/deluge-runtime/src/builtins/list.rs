//! LIST functions (builtins §4).

use super::{Ctx, MethodDef, args};
use crate::error::{RtError, RtResult};
use crate::value::Value;

pub const TABLE: &[MethodDef] = &[
    MethodDef {
        names: &["add"],
        min_args: 1,
        max_args: 1,
        f: add,
        doc: "l.add(e) — append one element",
    },
    MethodDef {
        names: &["get"],
        min_args: 1,
        max_args: 1,
        f: get,
        doc: "get(i or key) — element at an index / value of a key",
    },
    MethodDef {
        names: &["size"],
        min_args: 0,
        max_args: 0,
        f: size,
        doc: "size() — number of elements",
    },
];

fn add(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let mut list = recv
        .list_mut(true)
        .ok_or_else(|| RtError::invalid_args("add"))?;
    list.items.push(a[0].clone());
    Ok(Value::Null)
}

fn get(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let i = args::index(&a[0], "get")?;
    let list = recv
        .list_ref()
        .ok_or_else(|| RtError::invalid_args("get"))?;
    usize::try_from(i)
        .ok()
        .and_then(|i| list.items.get(i))
        .cloned()
        .ok_or_else(|| RtError::list_index(i, list.items.len()))
}

fn size(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    let list = recv
        .list_ref()
        .ok_or_else(|| RtError::invalid_args("size"))?;
    Ok(Value::Number(list.items.len() as i64))
}
