//! The Deluge runtime: values, the evaluator, built-in functions and the
//! [`Host`] boundary through which every side effect goes.
//!
//! Pipeline: `deluge_syntax::parse` → [`program::Program::load`] (lowering
//! to slot-resolved IR) → [`eval::Interpreter::run`].

pub mod builtins;
pub mod complete;
pub mod coverage;
pub mod datetime;
pub mod error;
pub mod eval;
pub mod expect;
pub mod host;
pub mod host_fns;
pub mod ir;
pub mod json;
pub mod lint;
pub mod lower;
pub mod numfmt;
pub mod ops;
pub mod program;
pub mod types;
pub mod value;

pub use coverage::Coverage;
pub use error::{RtError, RtResult};
pub use eval::{Interpreter, Limits, Outcome};
pub use host::{Host, HostError, LocalHost, TaskRequest};
pub use host_fns::{HostFnId, HostFunctions};
pub use program::{Loaded, Program};
pub use value::Value;
