//! Choosing the built-in for a receiver (builtins §0.2).
//!
//! 1. LIST / list-like COLLECTION → LIST table; MAP / key-value → MAP table;
//!    collections also have COLLECTION-only functions;
//! 2. DATETIME → DATE-TIME table, then TEXT table on its text form;
//! 3. NUMBER / DECIMAL → NUMBER table, then TEXT table on its text form;
//! 4. TEXT → TEXT table, then DATE-TIME table on the parsed date-time;
//! 5. BOOLEAN → common functions, then TEXT table on `true`/`false`;
//! 6. FILE → FILE table; every type → the common table last.
//!
//! `null` receivers only reach the null-tolerant common functions.

use super::{Ctx, GlobalId, MethodDef, MethodId, Table, registry};
use crate::error::{RtError, RtResult};
use crate::value::{Kind, Value};
use std::cell::Cell;

/// What decides dispatch: the receiver's kind, and whether it is a
/// COLLECTION (which adds the COLLECTION-only functions).
type DispatchKey = (Kind, bool);

/// A per-call-site cache of the last dispatch decision: a loop that calls
/// `prod.get("sku")` on maps resolves `get` once, not on every iteration.
#[derive(Default)]
pub struct DispatchCache(Cell<Option<(DispatchKey, &'static MethodDef)>>);

impl std::fmt::Debug for DispatchCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DispatchCache")
    }
}

fn dispatch_key(receiver: &Value) -> DispatchKey {
    (receiver.kind(), matches!(receiver, Value::Collection(_)))
}

/// The tables a receiver of this kind looks in first (builtins §0.2),
/// before the common table.
fn primary_tables(key: DispatchKey) -> &'static [Table] {
    match key {
        (Kind::List, true) => &[Table::List, Table::Collection],
        (Kind::Map, true) => &[Table::Map, Table::Collection],
        (Kind::List, false) => &[Table::List],
        (Kind::Map, false) => &[Table::Map],
        (Kind::EmptyCollection, _) => &[Table::Collection, Table::List, Table::Map],
        (Kind::DateTime, _) => &[Table::DateTime],
        (Kind::Number | Kind::Decimal, _) => &[Table::Number],
        (Kind::Text, _) => &[Table::Text],
        (Kind::File, _) => &[Table::File],
        (Kind::Null | Kind::Bool | Kind::Error, _) => &[],
    }
}

/// The definition a receiver of this kind reaches directly (without a
/// conversion of the receiver), if any.
fn resolve(key: DispatchKey, method: MethodId) -> Option<&'static MethodDef> {
    let reg = registry();
    primary_tables(key)
        .iter()
        .chain(&[Table::Common])
        .find_map(|table| reg.lookup(*table, method))
}

/// `receiver.method(args)` through a call site's cache.
pub fn call_method_cached(
    ctx: &mut Ctx<'_>,
    cache: &DispatchCache,
    receiver: &Value,
    method: MethodId,
    args: &[Value],
) -> RtResult<Value> {
    let key = dispatch_key(receiver);
    if let Some((cached, def)) = cache.0.get()
        && cached == key
    {
        return invoke(ctx, def, receiver, args);
    }
    match resolve(key, method) {
        Some(def) => {
            cache.0.set(Some((key, def)));
            invoke(ctx, def, receiver, args)
        }
        None => call_method(ctx, receiver, method, args),
    }
}

/// `receiver.method(args)`. `written` is the name as the script spelled it,
/// for the "Not able to find" message.
pub fn call_method(
    ctx: &mut Ctx<'_>,
    receiver: &Value,
    method: MethodId,
    args: &[Value],
) -> RtResult<Value> {
    let reg = registry();
    let key = dispatch_key(receiver);
    let kind = key.0;
    if let Some(def) = resolve(key, method) {
        return invoke(ctx, def, receiver, args);
    }
    let name = reg.method_name(method);
    match kind {
        Kind::Null => Err(RtError::null_receiver(name)),
        // Text functions work on the text form of scalars.
        Kind::DateTime | Kind::Number | Kind::Decimal | Kind::Bool => {
            match reg.lookup(Table::Text, method) {
                Some(def) => invoke(ctx, def, &Value::Text(receiver.display_rc()), args),
                None => Err(RtError::not_found(name)),
            }
        }
        // Date-time functions accept text that parses as a date-time.
        Kind::Text => match reg.lookup(Table::DateTime, method) {
            Some(def) => {
                let text = receiver.as_text().unwrap_or_default();
                let parsed = ctx
                    .parse_date(text)
                    .ok_or_else(|| RtError::invalid_datetime(text))?;
                invoke(ctx, def, &Value::DateTime(parsed), args)
            }
            None => Err(RtError::not_found(name)),
        },
        _ => Err(RtError::not_found(name)),
    }
}

fn invoke(ctx: &mut Ctx<'_>, def: &MethodDef, receiver: &Value, args: &[Value]) -> RtResult<Value> {
    if args.len() < def.min_args as usize || args.len() > def.max_args as usize {
        return Err(RtError::invalid_args(def.names[0]));
    }
    (def.f)(ctx, receiver, args)
}

/// `name(args)` of a global built-in.
pub fn call_global(ctx: &mut Ctx<'_>, id: GlobalId, args: &[Value]) -> RtResult<Value> {
    let def = registry().global(id);
    if args.len() < def.min_args as usize || args.len() > def.max_args as usize {
        return Err(RtError::invalid_args(def.names[0]));
    }
    (def.f)(ctx, args)
}
