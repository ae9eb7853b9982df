//! COLLECTION-only functions (builtins §6), and the `key : value` entry
//! arguments that only collections accept (language spec §3 rule 11).

use super::{MethodDef, MethodId, registry};
use crate::error::{RtError, RtResult};
use crate::value::{CollectionObj, Entries, MapKey, MapObj, Value};

pub const TABLE: &[MethodDef] = &[];

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
