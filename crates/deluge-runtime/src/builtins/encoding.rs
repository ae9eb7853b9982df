//! Encoding, hashing and crypto functions (builtins §8).

use super::MethodDef;

pub const TABLE: &[MethodDef] = &[];
