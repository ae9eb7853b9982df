//! Helpers for unit tests of the built-in tables: call a built-in by name
//! with a fixed clock (2026-01-05T10:00:00Z, UTC) and see the result as
//! text.

use super::{Ctx, call_global, call_method, context::RegexCache, registry};
use crate::host::LocalHost;
use crate::value::Value;

fn with_ctx<T>(f: impl FnOnce(&mut Ctx<'_>) -> T) -> T {
    let now: jiff::Timestamp = crate::expect::DEFAULT_NOW
        .parse()
        .expect("valid default clock");
    let mut host = LocalHost {
        fixed_now: Some(now),
        ..LocalHost::default()
    };
    let today = jiff::tz::TimeZone::UTC.to_datetime(now).date();
    let mut regex = RegexCache::default();
    let mut ctx = Ctx {
        host: &mut host,
        regex: &mut regex,
        today,
    };
    f(&mut ctx)
}

/// `recv.name(args)`.
pub fn call(recv: &Value, name: &str, args: &[Value]) -> Result<Value, String> {
    let id = registry()
        .method_id(name)
        .ok_or_else(|| format!("no built-in named {name}"))?;
    with_ctx(|ctx| call_method(ctx, recv, id, args)).map_err(|e| e.message.clone())
}

/// `name(args)` of a global function.
pub fn global(name: &str, args: &[Value]) -> Result<Value, String> {
    let id = registry()
        .global_id(name)
        .ok_or_else(|| format!("no global named {name}"))?;
    with_ctx(|ctx| call_global(ctx, id, args)).map_err(|e| e.message.clone())
}

/// The display form of a result, or `error: <message>`.
pub fn show(result: Result<Value, String>) -> String {
    match result {
        Ok(v) => v.display(),
        Err(e) => format!("error: {e}"),
    }
}

#[test]
fn calls_reach_the_tables() {
    assert_eq!(show(call(&Value::text("Zoho"), "LENGTH", &[])), "4");
    assert_eq!(show(global("map", &[])), "{}");
    assert_eq!(
        show(call(&Value::Null, "length", &[])),
        "error: Value is empty and 'length' function cannot be applied"
    );
}
