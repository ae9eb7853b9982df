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

/// `receiver.method(args)`. `written` is the name as the script spelled it,
/// for the "Not able to find" message.
pub fn call_method(
    ctx: &mut Ctx<'_>,
    receiver: &Value,
    method: MethodId,
    args: &[Value],
) -> RtResult<Value> {
    let reg = registry();
    let kind = receiver.kind();
    let is_collection = matches!(receiver, Value::Collection(_));
    let primary: &[Table] = match kind {
        Kind::List if is_collection => &[Table::List, Table::Collection],
        Kind::Map if is_collection => &[Table::Map, Table::Collection],
        Kind::List => &[Table::List],
        Kind::Map => &[Table::Map],
        Kind::EmptyCollection => &[Table::Collection, Table::List, Table::Map],
        Kind::DateTime => &[Table::DateTime],
        Kind::Number | Kind::Decimal => &[Table::Number],
        Kind::Text => &[Table::Text],
        Kind::File => &[Table::File],
        Kind::Null | Kind::Bool | Kind::Error => &[],
    };
    for table in primary.iter().chain(&[Table::Common]) {
        if let Some(def) = reg.lookup(*table, method) {
            return invoke(ctx, def, receiver, args);
        }
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
