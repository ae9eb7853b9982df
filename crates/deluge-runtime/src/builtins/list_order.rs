//! LIST functions that order or add up the elements (builtins §4): `sort`,
//! `largest`/`smallest`, `nthLargest`/`nthSmallest`, `average`, `sum`,
//! `median`.

use super::list::with_items;
use super::{Ctx, MethodDef, args};
use crate::error::{RtError, RtResult};
use crate::value::{Kind, Value, order};
use std::cmp::Ordering;

pub const TABLE: &[MethodDef] = &[
    MethodDef {
        names: &["sort"],
        min_args: 0,
        max_args: 1,
        f: sort,
        doc: "l.sort([ascending]) — sort in place (stable) and return the list; null if incomparable",
    },
    MethodDef {
        names: &["largest"],
        min_args: 0,
        max_args: 0,
        f: largest,
        doc: "l.largest() — maximum by the sort order, null if empty",
    },
    MethodDef {
        names: &["smallest"],
        min_args: 0,
        max_args: 0,
        f: smallest,
        doc: "l.smallest() — minimum by the sort order, null if empty",
    },
    MethodDef {
        names: &["nthLargest"],
        min_args: 1,
        max_args: 1,
        f: nth_largest,
        doc: "l.nthLargest(n) — the n-th largest element (1-based)",
    },
    MethodDef {
        names: &["nthSmallest"],
        min_args: 1,
        max_args: 1,
        f: nth_smallest,
        doc: "l.nthSmallest(n) — the n-th smallest element (1-based)",
    },
    MethodDef {
        names: &["average"],
        min_args: 0,
        max_args: 0,
        f: average,
        doc: "l.average() — arithmetic mean as DECIMAL, null if empty",
    },
    MethodDef {
        names: &["sum"],
        min_args: 0,
        max_args: 0,
        f: sum,
        doc: "l.sum() — sum; NUMBER if every element is a NUMBER, else DECIMAL",
    },
    MethodDef {
        names: &["median"],
        min_args: 0,
        max_args: 0,
        f: median,
        doc: "l.median() — middle value (mean of the two middle ones if even), null if empty",
    },
];

/// True when every pair of elements can be ordered: all non-null elements
/// belong to one family (numbers, texts, date-times or booleans).
fn comparable(items: &[Value]) -> bool {
    let mut family = None;
    for v in items {
        let f = match v {
            Value::Null => continue,
            Value::Number(_) | Value::Decimal(_) => Kind::Number,
            Value::Text(_) => Kind::Text,
            Value::DateTime(_) => Kind::DateTime,
            Value::Bool(_) => Kind::Bool,
            _ => return false,
        };
        if family.is_some_and(|seen| seen != f) {
            return false;
        }
        family = Some(f);
    }
    true
}

fn cmp(a: &Value, b: &Value) -> Ordering {
    order(a, b).unwrap_or(Ordering::Equal)
}

fn sort(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    let ascending = match args::optional(a, 0) {
        Some(v) => args::boolean(v, "sort")?,
        None => true,
    };
    let Some(mut list) = recv.list_mut(false) else {
        return match recv.kind() {
            Kind::EmptyCollection => Ok(recv.clone()),
            _ => Err(RtError::invalid_args("sort")),
        };
    };
    // Documented: incomparable elements give null; the list stays as it was.
    if !comparable(&list.items) {
        return Ok(Value::Null);
    }
    if ascending {
        list.items.sort_by(cmp);
    } else {
        list.items.sort_by(|x, y| cmp(y, x));
    }
    drop(list);
    Ok(recv.clone())
}

/// The elements sorted ascending (a copy), or ⚠ args when incomparable.
fn sorted(recv: &Value, name: &str) -> RtResult<Vec<Value>> {
    with_items(recv, name, |items| {
        if !comparable(items) {
            return Err(RtError::invalid_args(name));
        }
        let mut copy = items.to_vec();
        copy.sort_by(cmp);
        Ok(copy)
    })?
}

fn extreme(recv: &Value, name: &str, want: Ordering) -> RtResult<Value> {
    with_items(recv, name, |items| {
        if !comparable(items) {
            return Err(RtError::invalid_args(name));
        }
        let mut best: Option<&Value> = None;
        for item in items {
            if best.is_none_or(|b| cmp(item, b) == want) {
                best = Some(item);
            }
        }
        Ok(best.cloned().unwrap_or_default())
    })?
}

fn largest(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    extreme(recv, "largest", Ordering::Greater)
}

fn smallest(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    extreme(recv, "smallest", Ordering::Less)
}

/// The `n`-th element (1-based) from the top or the bottom of the order.
fn nth(recv: &Value, a: &[Value], name: &str, from_top: bool) -> RtResult<Value> {
    let n = args::index(&a[0], name)?;
    let mut items = sorted(recv, name)?;
    let len = items.len();
    if n < 1 || n as u64 > len as u64 {
        return Err(RtError::list_index(n, len));
    }
    let i = if from_top {
        len - n as usize
    } else {
        n as usize - 1
    };
    Ok(std::mem::take(&mut items[i]))
}

fn nth_largest(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    nth(recv, a, "nthLargest", true)
}

fn nth_smallest(_: &mut Ctx<'_>, recv: &Value, a: &[Value]) -> RtResult<Value> {
    nth(recv, a, "nthSmallest", false)
}

/// Every element as f64; any non-numeric element ⚠ args.
fn numbers(recv: &Value, name: &str) -> RtResult<Vec<f64>> {
    with_items(recv, name, |items| {
        items.iter().map(|v| args::number(v, name)).collect()
    })?
}

fn average(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    let values = numbers(recv, "average")?;
    if values.is_empty() {
        return Ok(Value::Null);
    }
    Ok(Value::Decimal(
        values.iter().sum::<f64>() / values.len() as f64,
    ))
}

fn sum(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    with_items(recv, "sum", |items| {
        let mut whole: Option<i64> = Some(0);
        let mut total = 0.0;
        for v in items {
            total += args::number(v, "sum")?;
            whole = match (whole, v) {
                (Some(acc), Value::Number(n)) => {
                    Some(acc.checked_add(*n).ok_or_else(RtError::overflow)?)
                }
                _ => None,
            };
        }
        Ok(whole.map_or(Value::Decimal(total), Value::Number))
    })?
}

fn median(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    numbers(recv, "median")?;
    let items = sorted(recv, "median")?;
    let len = items.len();
    if len == 0 {
        return Ok(Value::Null);
    }
    if len % 2 == 1 {
        return Ok(items[len / 2].clone());
    }
    let low = args::number(&items[len / 2 - 1], "median")?;
    let high = args::number(&items[len / 2], "median")?;
    Ok(Value::Decimal((low + high) / 2.0))
}

#[cfg(test)]
#[path = "list_order_tests.rs"]
mod tests;
