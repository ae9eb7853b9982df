//! NUMBER and DECIMAL functions (builtins §3).

use super::MethodDef;

pub const TABLE: &[MethodDef] = &[];
