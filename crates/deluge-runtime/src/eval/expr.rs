//! Expressions (language spec §4).

use super::{Frame, Interpreter};
use crate::builtins::{self, registry};
use crate::error::{RtError, RtResult};
use crate::ir::{Arg, Expr, ExprKind, Pseudo};
use crate::ops;
use crate::value::{CollectionObj, ElemType, Entries, ListObj, MapKey, Value};
use deluge_syntax::ast::BinaryOp;
use deluge_syntax::codes;
use smallvec::SmallVec;
use std::cell::RefCell;
use std::rc::Rc;

/// Evaluated call arguments; most calls have few, kept off the heap.
pub(crate) type Args = SmallVec<[Value; 4]>;

impl Interpreter<'_, '_> {
    pub(crate) fn eval(&mut self, frame: &Frame, e: &Expr) -> RtResult<Value> {
        let source = self.source;
        self.eval_kind(frame, e)
            .map_err(|err| err.at(e.span, source))
    }

    fn eval_kind(&mut self, frame: &Frame, e: &Expr) -> RtResult<Value> {
        match &e.kind {
            ExprKind::Const(v) => Ok(v.clone()),
            ExprKind::Local(slot) => Ok(frame[*slot as usize].clone().unwrap_or_default()),
            ExprKind::Pseudo(p) => Ok(self.pseudo(*p)),
            ExprKind::LocalOrPseudo(slot, p) => match &frame[*slot as usize] {
                Some(v) => Ok(v.clone()),
                None => Ok(self.pseudo(*p)),
            },
            ExprKind::Undefined(name) => Err(RtError::undefined(name)),
            ExprKind::Unary(op, operand) => {
                let v = self.eval(frame, operand)?;
                ops::unary(*op, &v)
            }
            ExprKind::Binary(op, l, r) => {
                let (mut l_tmp, mut r_tmp) = (Value::Null, Value::Null);
                let l = self.operand(frame, l, &mut l_tmp)?;
                let r = self.operand(frame, r, &mut r_tmp)?;
                ops::binary(*op, l, r, &|s| self.parse_date(s))
            }
            ExprKind::AddChain(operands) => self.add_chain(frame, operands),
            ExprKind::And(l, r) => self.logical(frame, BinaryOp::And, l, r),
            ExprKind::Or(l, r) => self.logical(frame, BinaryOp::Or, l, r),
            ExprKind::IfFn(cond, then, otherwise) => {
                if self.condition(frame, cond)? {
                    self.eval(frame, then)
                } else {
                    self.eval(frame, otherwise)
                }
            }
            ExprKind::IfNull(value, fallback) => match self.eval(frame, value)? {
                Value::Null => self.eval(frame, fallback),
                v => Ok(v),
            },
            ExprKind::IsNull(value, negated) => {
                let v = self.eval(frame, value)?;
                Ok(Value::Bool(v.is_null() != *negated))
            }
            ExprKind::In {
                needle,
                haystack,
                negated,
            } => self.contains(frame, needle, haystack, *negated),
            ExprKind::Method {
                receiver,
                method,
                args,
                const_args,
                cache,
            } => {
                let mut tmp = Value::Null;
                let recv = self.operand(frame, receiver, &mut tmp)?;
                match const_args {
                    Some(values) => {
                        builtins::call_method_cached(&mut self.ctx(), cache, recv, *method, values)
                    }
                    None => self.method(frame, recv, *method, args, cache),
                }
            }
            ExprKind::Global { id, args } => self.global(frame, *id, args),
            ExprKind::MethodForm { method, args } => {
                let mut values = self.plain_args(frame, args, registry().method_name(*method))?;
                if values.is_empty() {
                    return Err(RtError::invalid_args(registry().method_name(*method)));
                }
                let recv = values.remove(0);
                builtins::call_method(&mut self.ctx(), &recv, *method, &values)
            }
            ExprKind::CallUser { function, args } => {
                let mut values = Vec::with_capacity(args.len());
                for a in args {
                    values.push(self.eval(frame, a)?);
                }
                self.call_function(*function, values, e.span)
                    .map(Option::unwrap_or_default)
            }
            ExprKind::HostCall { id, args } => {
                let mut values = Vec::with_capacity(args.len());
                for a in args {
                    values.push(self.eval(frame, a)?);
                }
                let name = self.program.host_functions.name(*id);
                self.host.host_function(*id, name, &values)
            }
            ExprKind::Property { receiver, name } => {
                let recv = self.eval(frame, receiver)?;
                property(&recv, name)
            }
            ExprKind::ZohoVar(name) => self.zoho_variable(name),
            ExprKind::ZohoCall { name, args } => {
                let mut values = Vec::with_capacity(args.len());
                for a in args {
                    values.push(self.eval(frame, a)?);
                }
                self.zoho_call(name, &values)
            }
            ExprKind::TypedList { elem, args } => self.typed_list(frame, *elem, args),
            ExprKind::List(items) => {
                let mut values = Vec::with_capacity(items.len());
                for item in items {
                    values.push(self.eval(frame, item)?);
                }
                Ok(Value::new_list(values))
            }
            ExprKind::Map(entries) => {
                let mut map = Entries::default();
                for (k, v) in entries {
                    let key = self.eval(frame, k)?;
                    let value = self.eval(frame, v)?;
                    map.insert(MapKey(key), value);
                }
                Ok(Value::new_map(map))
            }
            ExprKind::EmptyCollection => Ok(Value::new_collection(CollectionObj::Empty)),
            ExprKind::Fail(err) => Err(err.clone()),
        }
    }

    /// Evaluates an operand, borrowing a variable or a constant instead of
    /// cloning it (a clone of text or a list touches its reference count);
    /// other expressions are evaluated into `tmp`.
    fn operand<'v>(
        &mut self,
        frame: &'v Frame,
        e: &'v Expr,
        tmp: &'v mut Value,
    ) -> RtResult<&'v Value> {
        match &e.kind {
            ExprKind::Const(v) => Ok(v),
            ExprKind::Local(slot) if frame[*slot as usize].is_some() => {
                Ok(frame[*slot as usize].as_ref().unwrap_or(tmp))
            }
            _ => {
                *tmp = self.eval(frame, e)?;
                Ok(tmp)
            }
        }
    }

    /// `a + b + c ...`: numbers add as usual until a TEXT appears; from
    /// then on every operand's text form is appended to one buffer.
    fn add_chain(&mut self, frame: &Frame, operands: &[Expr]) -> RtResult<Value> {
        let mut tmp = Value::Null;
        let first = self.operand(frame, &operands[0], &mut tmp)?;
        let mut acc: Value = first.clone();
        let mut text: Option<String> = None;
        for operand in &operands[1..] {
            let mut tmp = Value::Null;
            let v = self.operand(frame, operand, &mut tmp)?;
            if let Some(buffer) = &mut text {
                crate::value::write_display(v, buffer);
                continue;
            }
            if matches!(acc, Value::Text(_)) || matches!(v, Value::Text(_)) {
                let mut buffer = String::with_capacity(64);
                crate::value::write_display(&acc, &mut buffer);
                crate::value::write_display(v, &mut buffer);
                text = Some(buffer);
            } else {
                acc = ops::add(&acc, v)?;
            }
        }
        Ok(match text {
            Some(buffer) => Value::from(buffer),
            None => acc,
        })
    }

    fn pseudo(&self, p: Pseudo) -> Value {
        let now = self.host.time_zone().to_datetime(self.host.now());
        let local = match p {
            Pseudo::Now => now,
            Pseudo::Today => now.date().to_datetime(jiff::civil::Time::midnight()),
        };
        Value::DateTime(crate::datetime::DateTime {
            local,
            date_only: p == Pseudo::Today,
        })
    }

    /// `&&` / `||`: BOOLEAN operands, the right one only when needed.
    fn logical(&mut self, frame: &Frame, op: BinaryOp, l: &Expr, r: &Expr) -> RtResult<Value> {
        let left = self.eval(frame, l)?;
        if let Value::Bool(b) = left {
            let decided = if op == BinaryOp::And { !b } else { b };
            if decided {
                return Ok(Value::Bool(b));
            }
        }
        let right = self.eval(frame, r)?;
        ops::binary(op, &left, &right, &|s| self.parse_date(s))
    }

    /// `x in l` / `x not in l`: `l.contains(x)`.
    fn contains(
        &mut self,
        frame: &Frame,
        needle: &Expr,
        haystack: &Expr,
        negated: bool,
    ) -> RtResult<Value> {
        let n = self.eval(frame, needle)?;
        let h = self.eval(frame, haystack)?;
        let Some(id) = registry().method_id("contains") else {
            return Err(RtError::not_found("contains"));
        };
        match builtins::call_method(&mut self.ctx(), &h, id, &[n])? {
            Value::Bool(b) => Ok(Value::Bool(b != negated)),
            other => Ok(other),
        }
    }

    fn method(
        &mut self,
        frame: &Frame,
        recv: &Value,
        method: u16,
        args: &[Arg],
        cache: &builtins::DispatchCache,
    ) -> RtResult<Value> {
        if args.iter().any(|a| a.key.is_some()) {
            let entries = self.entry_args(frame, args)?;
            return builtins::insert_entries(recv, method, entries);
        }
        let values = self.plain_args(frame, args, registry().method_name(method))?;
        builtins::call_method_cached(&mut self.ctx(), cache, recv, method, &values)
    }

    fn global(&mut self, frame: &Frame, id: u16, args: &[Arg]) -> RtResult<Value> {
        let def = registry().global(id);
        if args.iter().any(|a| a.key.is_some()) {
            let entries = self.entry_args(frame, args)?;
            return builtins::collection_of_entries(def.names[0], entries);
        }
        let values = self.plain_args(frame, args, def.names[0])?;
        builtins::call_global(&mut self.ctx(), id, &values)
    }

    fn plain_args(&mut self, frame: &Frame, args: &[Arg], function: &str) -> RtResult<Args> {
        let mut values = Args::new();
        for a in args {
            if a.key.is_some() {
                return Err(RtError::invalid_args(function));
            }
            values.push(self.eval(frame, &a.value)?);
        }
        Ok(values)
    }

    /// `key : value` arguments; all of them must be entries.
    fn entry_args(&mut self, frame: &Frame, args: &[Arg]) -> RtResult<Vec<(Value, Value)>> {
        let mut entries = Vec::with_capacity(args.len());
        for a in args {
            let Some(key) = &a.key else {
                return Err(RtError::new(
                    codes::INVALID_ARGUMENTS,
                    "Plain values and key : value entries cannot be mixed",
                ));
            };
            let k = self.eval(frame, key)?;
            let v = self.eval(frame, &a.value)?;
            entries.push((k, v));
        }
        Ok(entries)
    }

    fn typed_list(&mut self, frame: &Frame, elem: ElemType, args: &[Expr]) -> RtResult<Value> {
        let mut items = Vec::new();
        match args {
            [] => {}
            [initial] => {
                let v = self.eval(frame, initial)?;
                let list = v.list_ref().ok_or_else(|| RtError::invalid_args("List"))?;
                for item in &list.items {
                    let zone = self.host.time_zone();
                    items.push(builtins::convert_element(
                        item,
                        elem,
                        &|s| self.parse_date(s),
                        zone,
                    )?);
                }
            }
            _ => return Err(RtError::invalid_args("List")),
        }
        Ok(Value::List(Rc::new(RefCell::new(ListObj {
            items,
            elem: Some(elem),
            json_origin: false,
        }))))
    }

    /// `zoho.currentdate`, `zoho.loginuser`, ... (§5.10).
    fn zoho_variable(&mut self, name: &str) -> RtResult<Value> {
        match name {
            "currentdate" => Ok(self.pseudo(Pseudo::Today)),
            "currenttime" => Ok(self.pseudo(Pseudo::Now)),
            _ => self.host.system_variable(name).ok_or_else(|| {
                RtError::new(
                    codes::UNKNOWN_FUNCTION_CALL,
                    format!("Not able to find 'zoho.{name}'"),
                )
            }),
        }
    }

    /// An integration task, answered by the host (§7.12).
    fn zoho_call(&mut self, name: &str, args: &[Value]) -> RtResult<Value> {
        match self.host.integration_task(name, args) {
            Some(Ok(v)) => Ok(v),
            Some(Err(e)) => Err(RtError::new(e.code(), e.message)),
            None => Err(RtError::not_found(name)),
        }
    }
}

/// `e.message` and `e.lineNo` on a caught error (§7.8).
fn property(recv: &Value, name: &str) -> RtResult<Value> {
    match (recv, name) {
        (Value::Error(e), "message") => Ok(Value::text(&e.message)),
        (Value::Error(e), "lineno") => Ok(Value::Number(e.line as i64)),
        (Value::Null, _) => Err(RtError::null_receiver(name)),
        _ => Err(RtError::not_found(name)),
    }
}
