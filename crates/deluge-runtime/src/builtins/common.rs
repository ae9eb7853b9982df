//! Functions for receivers of any type, some of them null-tolerant
//! (builtins §1 and §0.3).

use super::{Ctx, MethodDef};
use crate::error::RtResult;
use crate::value::Value;

pub const TABLE: &[MethodDef] = &[
    MethodDef {
        names: &["isNull"],
        min_args: 0,
        max_args: 0,
        f: is_null,
        doc: "isNull(x) — true for null and the empty text",
    },
    MethodDef {
        names: &["toString", "toText"],
        min_args: 0,
        max_args: 0,
        f: to_string,
        doc: "toString(x) — the text form",
    },
];

/// `true` for null and for `""` (documented).
fn is_null(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    Ok(Value::Bool(match recv {
        Value::Null => true,
        Value::Text(t) => t.is_empty(),
        _ => false,
    }))
}

fn to_string(_: &mut Ctx<'_>, recv: &Value, _: &[Value]) -> RtResult<Value> {
    Ok(Value::Text(recv.display_rc()))
}
