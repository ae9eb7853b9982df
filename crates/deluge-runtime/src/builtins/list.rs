//! LIST functions (builtins §4). Receivers are LISTs and list-like
//! COLLECTIONs; an empty COLLECTION reads as an empty list and becomes
//! list-like on its first `add`/`addAll`. Ordering functions (`sort`,
//! `largest`, ...) live in `list_order.rs`.

use super::{Ctx, MethodDef, args, typed};
use crate::error::{RtError, RtResult};
use crate::value::{
    CollectionObj, ElemType, Kind, ListObj, MapKey, MapKeyRef, Value, json_text, same_family_equals,
};
use indexmap::IndexSet;
use rustc_hash::FxBuildHasher;
use std::cell::RefMut;

/// Documented cap on the argument of `addAll`.
const ADD_ALL_LIMIT: usize = 25_000;

pub const TABLE: &[MethodDef] = &[
    MethodDef {
        names: &["add"],
        min_args: 1,
        max_args: 1,
        f: add,
        doc: "l.add(e) — append one element (typed lists convert it)",
    },
    MethodDef {
        names: &["addAll"],
        min_args: 1,
        max_args: 1,
        f: add_all,
        doc: "l.addAll(l2) — append every element of l2 (at most 25000)",
    },
    MethodDef {
        names: &["get"],
        min_args: 1,
        max_args: 1,
        f: get,
        doc: "l.get(i) — element at a 0-based index",
    },
    MethodDef {
        names: &["remove"],
        min_args: 1,
        max_args: 1,
        f: remove,
        doc: "l.remove(i) — remove the element at an index and return it",
    },
    MethodDef {
        names: &["removeElement"],
        min_args: 1,
        max_args: 1,
        f: remove_element,
        doc: "l.removeElement(e) — remove the first element equal to e",
    },
    MethodDef {
        names: &["removeAll"],
        min_args: 1,
        max_args: 1,
        f: remove_all,
        doc: "l.removeAll(l2) — remove every element equal to one of l2",
    },
    MethodDef {
        names: &["clear"],
        min_args: 0,
        max_args: 0,
        f: clear_fn,
        doc: "l.clear() — remove all elements",
    },
    MethodDef {
        names: &["size"],
        min_args: 0,
        max_args: 0,
        f: size,
        doc: "l.size() — number of elements",
    },
    MethodDef {
        names: &["count"],
        min_args: 0,
        max_args: 0,
        f: size,
        doc: "l.count() — number of elements, like size()",
    },
    MethodDef {
        names: &["contains"],
        min_args: 1,
        max_args: 1,
        f: contains,
        doc: "l.contains(e) — true if some element equals e",
    },
    MethodDef {
        names: &["notContains"],
        min_args: 1,
        max_args: 1,
        f: not_contains,
        doc: "l.notContains(e) — true if no element equals e",
    },
    MethodDef {
        names: &["indexOf"],
        min_args: 1,
        max_args: 1,
        f: index_of,
        doc: "l.indexOf(e) — first index of an element equal to e, -1 if none",
    },
    MethodDef {
        names: &["lastIndexOf"],
        min_args: 1,
        max_args: 1,
        f: last_index_of,
        doc: "l.lastIndexOf(e) — last index of an element equal to e, -1 if none",
    },
    MethodDef {
        names: &["distinct"],
        min_args: 0,
        max_args: 0,
        f: distinct,
        doc: "l.distinct() — new list without duplicates, first occurrences kept",
    },
    MethodDef {
        names: &["intersect"],
        min_args: 1,
        max_args: 1,
        f: intersect,
        doc: "l.intersect(l2) — new list of the elements also in l2, no duplicates",
    },
    MethodDef {
        names: &["subList"],
        min_args: 1,
        max_args: 2,
        f: sub_list,
        doc: "l.subList(start [, end]) — new list from start to end (exclusive)",
    },
    MethodDef {
        names: &["toList"],
        min_args: 0,
        max_args: 0,
        f: to_list,
        doc: "l.toList() — shallow copy",
    },
    MethodDef {
        names: &["toListString"],
        min_args: 0,
        max_args: 0,
        f: to_list_string,
        doc: "l.toListString() — new list of the elements' text forms",
    },
    MethodDef {
        names: &["toJSONList", "toJsonList"],
        min_args: 0,
        max_args: 0,
        f: to_json_list,
        doc: "l.toJSONList() — shallow copy that prints in JSON form",
    },
    MethodDef {
        names: &["toString", "toText"],
        min_args: 0,
        max_args: 1,
        f: to_string,
        doc: "l.toString([separator]) — text form, or elements joined by separator",
    },
];

/// Runs `f` on the elements of a LIST or list-like COLLECTION (an empty
/// COLLECTION reads as an empty list), borrowing without copying.
pub(super) fn with_items<R>(
    recv: &Value,
    name: &str,
    f: impl FnOnce(&[Value]) -> R,
) -> RtResult<R> {
    match recv {
        Value::List(l) => Ok(f(&l.borrow().items)),
        Value::Collection(c) => match &*c.borrow() {
            CollectionObj::Empty => Ok(f(&[])),
            CollectionObj::List(l) => Ok(f(&l.items)),
            CollectionObj::Map(_) => Err(RtError::invalid_args(name)),
        },
        _ => Err(RtError::invalid_args(name)),
    }
}

/// Write access without promotion: `None` for an empty COLLECTION (there
/// is nothing to change), ⚠ args for anything that is not list-like.
fn items_mut<'v>(recv: &'v Value, name: &str) -> RtResult<Option<RefMut<'v, ListObj>>> {
    match recv.list_mut(false) {
        Some(list) => Ok(Some(list)),
        None if recv.kind() == Kind::EmptyCollection => Ok(None),
        None => Err(RtError::invalid_args(name)),
    }
}

/// Rewrites the elements with `f`. They are moved out while `f` runs, so a
/// comparison that reaches this same list (a list containing itself) sees
/// it empty instead of hitting a borrow conflict.
fn rewrite(recv: &Value, name: &str, f: impl FnOnce(&mut Vec<Value>)) -> RtResult<()> {
    let mut items = match items_mut(recv, name)? {
        Some(mut list) => std::mem::take(&mut list.items),
        None => return Ok(()),
    };
    f(&mut items);
    if let Some(mut list) = recv.list_mut(false) {
        list.items = items;
    }
    Ok(())
}

/// The value stored into a list of element type `elem` (language §5.7.1).
pub(super) fn convert(ctx: &Ctx<'_>, elem: Option<ElemType>, v: &Value) -> RtResult<Value> {
    match elem {
        None => Ok(v.clone()),
        Some(t) => {
            let zone = ctx.zone();
            typed::convert_element(v, t, &|s| ctx.parse_date(s), &zone)
        }
    }
}

fn add(ctx: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let mut list = recv
        .list_mut(true)
        .ok_or_else(|| RtError::invalid_args("add"))?;
    let value = convert(ctx, list.elem, &a[0])?;
    list.items.push(value);
    Ok(Value::Null)
}

fn add_all(ctx: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    // Copied first: `l.addAll(l)` reads the list it extends.
    let incoming = with_items(&a[0], "addAll", |items| {
        if items.len() > ADD_ALL_LIMIT {
            return Err(RtError::new(
                deluge_syntax::codes::INVALID_ARGUMENTS,
                format!("addAll supports at most {ADD_ALL_LIMIT} elements"),
            ));
        }
        Ok(items.to_vec())
    })??;
    let mut list = recv
        .list_mut(true)
        .ok_or_else(|| RtError::invalid_args("addAll"))?;
    if list.elem.is_none() {
        list.items.extend(incoming);
        return Ok(Value::Null);
    }
    // A typed list takes all or nothing.
    let converted = incoming
        .iter()
        .map(|v| convert(ctx, list.elem, v))
        .collect::<RtResult<Vec<_>>>()?;
    list.items.extend(converted);
    Ok(Value::Null)
}

/// `Some(i)` when `i` is a valid index for `len` elements.
pub(super) fn position(i: i64, len: usize) -> Option<usize> {
    usize::try_from(i).ok().filter(|&i| i < len)
}

fn get(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let i = args::index(&a[0], "get")?;
    with_items(recv, "get", |items| match position(i, items.len()) {
        Some(p) => Ok(items[p].clone()),
        None => Err(RtError::list_index(i, items.len())),
    })?
}

fn remove(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let i = args::index(&a[0], "remove")?;
    let Some(mut list) = items_mut(recv, "remove")? else {
        return Err(RtError::list_index(i, 0));
    };
    match position(i, list.items.len()) {
        Some(p) => Ok(list.items.remove(p)),
        None => Err(RtError::list_index(i, list.items.len())),
    }
}

fn remove_element(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    rewrite(recv, "removeElement", |items| {
        if let Some(p) = items.iter().position(|x| same_family_equals(x, &a[0])) {
            items.remove(p);
        }
    })?;
    Ok(Value::Null)
}

fn remove_all(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    // Every element of a list equals some element of itself.
    if recv.same_object(&a[0]) {
        return clear(recv);
    }
    let members = with_items(&a[0], "removeAll", Members::new)?;
    rewrite(recv, "removeAll", |items| {
        items.retain(|x| !members.contains(x));
    })?;
    Ok(Value::Null)
}

fn clear(recv: &Value) -> RtResult<Value> {
    if let Some(mut list) = items_mut(recv, "clear")? {
        list.items.clear();
    }
    Ok(Value::Null)
}

fn clear_fn(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    clear(recv)
}

/// Membership under the equality of collection functions (§0.4): a scan
/// for short lists, a hash set (same hashing as map keys) for long ones.
pub(super) enum Members {
    Scan(Vec<Value>),
    Set(IndexSet<MapKey, FxBuildHasher>),
}

impl Members {
    const SCAN_LIMIT: usize = 32;

    pub(super) fn new(items: &[Value]) -> Members {
        if items.len() <= Self::SCAN_LIMIT {
            Members::Scan(items.to_vec())
        } else {
            Members::Set(items.iter().cloned().map(MapKey).collect())
        }
    }

    pub(super) fn contains(&self, v: &Value) -> bool {
        match self {
            Members::Scan(items) => items.iter().any(|x| same_family_equals(x, v)),
            Members::Set(set) => set.contains(&MapKeyRef(v)),
        }
    }
}

fn size(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    with_items(recv, "size", |items| Value::Number(items.len() as i64))
}

fn contains(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    with_items(recv, "contains", |items| {
        Value::Bool(items.iter().any(|x| same_family_equals(x, &a[0])))
    })
}

fn not_contains(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    with_items(recv, "notContains", |items| {
        Value::Bool(!items.iter().any(|x| same_family_equals(x, &a[0])))
    })
}

fn index_of(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    with_items(recv, "indexOf", |items| {
        let found = items.iter().position(|x| same_family_equals(x, &a[0]));
        Value::Number(found.map_or(-1, |p| p as i64))
    })
}

fn last_index_of(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    with_items(recv, "lastIndexOf", |items| {
        let found = items.iter().rposition(|x| same_family_equals(x, &a[0]));
        Value::Number(found.map_or(-1, |p| p as i64))
    })
}

fn distinct(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    with_items(recv, "distinct", |items| {
        let mut seen: IndexSet<MapKey, FxBuildHasher> = IndexSet::default();
        for item in items {
            if !seen.contains(&MapKeyRef(item)) {
                seen.insert(MapKey(item.clone()));
            }
        }
        Value::new_list(seen.into_iter().map(|k| k.0).collect())
    })
}

fn intersect(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let other = with_items(&a[0], "intersect", Members::new)?;
    with_items(recv, "intersect", |items| {
        let mut out: IndexSet<MapKey, FxBuildHasher> = IndexSet::default();
        for item in items {
            if other.contains(item) && !out.contains(&MapKeyRef(item)) {
                out.insert(MapKey(item.clone()));
            }
        }
        Value::new_list(out.into_iter().map(|k| k.0).collect())
    })
}

fn sub_list(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let start = args::index(&a[0], "subList")?;
    let end = match args::optional(a, 1) {
        Some(v) => Some(args::index(v, "subList")?),
        None => None,
    };
    with_items(recv, "subList", |items| {
        let len = items.len();
        let end = end.unwrap_or(len as i64);
        if start < 0 || start as u64 > len as u64 {
            return Err(RtError::list_index(start, len));
        }
        if end as u64 > len as u64 || end < 0 {
            return Err(RtError::list_index(end, len));
        }
        if start > end {
            return Err(RtError::list_index(start, len));
        }
        Ok(Value::new_list(
            items[start as usize..end as usize].to_vec(),
        ))
    })?
}

fn to_list(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    with_items(recv, "toList", |items| Value::new_list(items.to_vec()))
}

fn to_list_string(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    with_items(recv, "toListString", |items| {
        Value::new_list(items.iter().map(|v| Value::Text(v.display_rc())).collect())
    })
}

fn to_json_list(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    with_items(recv, "toJSONList", |items| {
        Value::new_json_list(items.to_vec())
    })
}

fn to_string(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let Some(sep) = a.first() else {
        return Ok(Value::Text(recv.display_rc()));
    };
    let sep = args::text(sep, "toString")?;
    with_items(recv, "toString", |items| {
        let mut out = String::new();
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(&sep);
            }
            push_element(item, &mut out);
        }
        Value::from_string(out)
    })
}

/// An element's form inside a list's text: scalars as they are, nested
/// lists and maps in JSON form (language §5.8.3).
fn push_element(item: &Value, out: &mut String) {
    match item {
        Value::List(_) | Value::Map(_) | Value::Collection(_) => out.push_str(&json_text(item)),
        Value::Text(t) => out.push_str(t),
        other => out.push_str(&other.display()),
    }
}

#[cfg(test)]
#[path = "list_tests.rs"]
mod tests;
