//! Map keys: any value may be a key (language spec §5.7). Keys compare with
//! `==` restricted to one type family, so `1` and `1.0` are the same key but
//! `1` and `"1"` are not, and text keys are case-sensitive.

use super::{Value, same_family_equals};
use indexmap::Equivalent;
use std::hash::{Hash, Hasher};

/// A map key: the original value, hashed by family.
#[derive(Clone, Debug)]
pub struct MapKey(pub Value);

/// A borrowed key for look-ups, hashing exactly like [`MapKey`] so that
/// `get("x")` needs no allocation.
#[derive(Clone, Copy, Debug)]
pub struct MapKeyRef<'a>(pub &'a Value);

/// Family tags keep keys of different families in different hash buckets.
const TAG_NULL: u8 = 0;
const TAG_BOOL: u8 = 1;
const TAG_NUMBER: u8 = 2;
const TAG_DECIMAL: u8 = 3;
const TAG_TEXT: u8 = 4;
const TAG_DATETIME: u8 = 5;
const TAG_LIST: u8 = 6;
const TAG_MAP: u8 = 7;
const TAG_OTHER: u8 = 8;

fn hash_value<H: Hasher>(v: &Value, state: &mut H) {
    match v {
        Value::Null => state.write_u8(TAG_NULL),
        Value::Bool(b) => {
            state.write_u8(TAG_BOOL);
            b.hash(state);
        }
        Value::Number(n) => {
            state.write_u8(TAG_NUMBER);
            n.hash(state);
        }
        Value::Decimal(f) => hash_decimal(*f, state),
        Value::Text(s) => {
            state.write_u8(TAG_TEXT);
            s.as_bytes().hash(state);
        }
        Value::DateTime(dt) => {
            state.write_u8(TAG_DATETIME);
            dt.local.hash(state);
        }
        // Lists and maps hash by size only: their `==` ignores map order, and
        // keys of these kinds are rare enough that collisions do not matter.
        Value::List(_) | Value::Collection(_) if v.list_ref().is_some() => {
            state.write_u8(TAG_LIST);
            v.list_ref().map(|l| l.items.len()).hash(state);
        }
        Value::Map(_) | Value::Collection(_) => {
            state.write_u8(TAG_MAP);
            v.map_ref().map(|m| m.entries.len()).hash(state);
        }
        _ => state.write_u8(TAG_OTHER),
    }
}

/// An integral decimal hashes like the NUMBER it equals, so `1.0` finds `1`.
fn hash_decimal<H: Hasher>(f: f64, state: &mut H) {
    if f.fract() == 0.0 && f >= i64::MIN as f64 && f < i64::MAX as f64 {
        state.write_u8(TAG_NUMBER);
        (f as i64).hash(state);
    } else {
        state.write_u8(TAG_DECIMAL);
        f.to_bits().hash(state);
    }
}

impl Hash for MapKey {
    fn hash<H: Hasher>(&self, state: &mut H) {
        hash_value(&self.0, state);
    }
}

impl PartialEq for MapKey {
    fn eq(&self, other: &Self) -> bool {
        same_family_equals(&self.0, &other.0)
    }
}

impl Eq for MapKey {}

impl Hash for MapKeyRef<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        hash_value(self.0, state);
    }
}

impl Equivalent<MapKey> for MapKeyRef<'_> {
    fn equivalent(&self, key: &MapKey) -> bool {
        same_family_equals(self.0, &key.0)
    }
}

impl From<Value> for MapKey {
    fn from(v: Value) -> Self {
        MapKey(v)
    }
}

impl From<&str> for MapKey {
    fn from(s: &str) -> Self {
        MapKey(Value::text(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::Entries;

    #[test]
    fn number_and_integral_decimal_are_the_same_key() {
        let mut m = Entries::default();
        m.insert(MapKey(Value::Number(1)), Value::text("one"));
        assert!(m.get(&MapKeyRef(&Value::Decimal(1.0))).is_some());
        assert!(m.get(&MapKeyRef(&Value::text("1"))).is_none());
    }

    #[test]
    fn text_keys_are_case_sensitive() {
        let mut m = Entries::default();
        m.insert(MapKey::from("Product"), Value::Null);
        assert!(m.get(&MapKeyRef(&Value::text("product"))).is_none());
        assert!(m.get(&MapKeyRef(&Value::text("Product"))).is_some());
    }
}
