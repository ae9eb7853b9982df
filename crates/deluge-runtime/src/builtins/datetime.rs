//! DATE-TIME functions (builtins §7).

use super::MethodDef;

pub const TABLE: &[MethodDef] = &[];
