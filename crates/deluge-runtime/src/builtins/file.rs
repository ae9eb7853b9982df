//! FILE functions (builtins §11).

use super::MethodDef;

pub const TABLE: &[MethodDef] = &[];
