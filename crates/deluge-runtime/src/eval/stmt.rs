//! Statements (language spec §7).

use super::{Flow, Frame, Interpreter};
use crate::error::{RtError, RtResult};
use crate::ir::{Stmt, StmtKind};
use crate::ops;
use crate::value::{CaughtError, Value};
use deluge_syntax::codes;
use std::rc::Rc;

impl Interpreter<'_, '_> {
    pub(crate) fn exec_block(&mut self, frame: &mut Frame, stmts: &[Stmt]) -> RtResult<Flow> {
        for stmt in stmts {
            match self.exec(frame, stmt) {
                Ok(Flow::Next) => {}
                Ok(flow) => return Ok(flow),
                Err(mut err) => {
                    // The innermost statement names the line (§9.3).
                    if err.line.is_none() {
                        err.line = Some(stmt.line as usize);
                    }
                    return Err(err.at(stmt.span, self.source));
                }
            }
        }
        Ok(Flow::Next)
    }

    fn exec(&mut self, frame: &mut Frame, stmt: &Stmt) -> RtResult<Flow> {
        if let Some(coverage) = &mut self.coverage {
            coverage.hit(self.source, stmt.line);
        }
        // `for each` counts once per iteration, in `for_each`.
        if !matches!(stmt.kind, StmtKind::ForEach { .. } | StmtKind::Nothing) {
            self.tick()?;
        }
        match &stmt.kind {
            StmtKind::Assign { slot, value } => {
                let v = self.eval(frame, value)?;
                frame[*slot as usize] = Some(v);
            }
            StmtKind::Compound {
                slot,
                name,
                op,
                value,
            } => {
                let current = match &frame[*slot as usize] {
                    Some(v) => v.clone(),
                    None => return Err(RtError::undefined(name)),
                };
                let rhs = self.eval(frame, value)?;
                let result = ops::binary(*op, &current, &rhs, &|s| self.parse_date(s))
                    .map_err(|e| e.at(value.span, self.source))?;
                frame[*slot as usize] = Some(result);
            }
            StmtKind::Expr(e) => {
                self.eval(frame, e)?;
            }
            StmtKind::Info(e) => {
                let v = self.eval(frame, e)?;
                self.emit_info(v.display());
            }
            StmtKind::Return(e) => {
                let v = match e {
                    Some(e) => Some(self.eval(frame, e)?),
                    None => None,
                };
                return Ok(Flow::Return(v));
            }
            StmtKind::If {
                branches,
                else_block,
            } => {
                for (cond, body) in branches {
                    if self.condition(frame, cond)? {
                        return self.exec_block(frame, body);
                    }
                }
                if let Some(body) = else_block {
                    return self.exec_block(frame, body);
                }
            }
            StmtKind::ForEach {
                index,
                slot,
                iterable,
                body,
            } => return self.for_each(frame, *index, *slot, iterable, body),
            StmtKind::Break | StmtKind::Continue if self.loops == 0 => {
                return Err(super::loop_control_escaped());
            }
            StmtKind::Break => return Ok(Flow::Break),
            StmtKind::Continue => return Ok(Flow::Continue),
            StmtKind::Try {
                body,
                error_slot,
                handler,
            } => match self.exec_block(frame, body) {
                Ok(flow) => return Ok(flow),
                Err(err) if err.catchable => {
                    let caught = CaughtError {
                        line: err.line.unwrap_or(stmt.line as usize),
                        message: err.into_message(),
                    };
                    frame[*error_slot as usize] = Some(Value::Error(Rc::new(caught)));
                    return self.exec_block(frame, handler);
                }
                Err(err) => return Err(err),
            },
            StmtKind::Task { target, task } => {
                let v = self.task(frame, task, stmt.line as usize)?;
                if let Some(slot) = target {
                    frame[*slot as usize] = Some(v);
                }
            }
            StmtKind::Fail(err) => return Err(err.clone()),
            StmtKind::Nothing => {}
        }
        Ok(Flow::Next)
    }

    /// An `if` condition must be BOOLEAN (§7.5).
    pub(crate) fn condition(&mut self, frame: &Frame, cond: &crate::ir::Expr) -> RtResult<bool> {
        match self.eval(frame, cond)? {
            Value::Bool(b) => Ok(b),
            _ => Err(RtError::new(
                codes::CONDITION_NOT_BOOLEAN,
                "Condition must be a BOOLEAN value",
            )
            .at(cond.span, self.source)),
        }
    }

    /// `for each` over a snapshot of the elements (§7.6).
    fn for_each(
        &mut self,
        frame: &mut Frame,
        index: bool,
        slot: crate::ir::Slot,
        iterable: &crate::ir::Expr,
        body: &[Stmt],
    ) -> RtResult<Flow> {
        let source = self.eval(frame, iterable)?;
        let items = elements(&source).ok_or_else(|| {
            RtError::new(codes::BAD_LOOP_SOURCE, "for each requires a LIST value")
                .at(iterable.span, self.source)
        })?;
        if items.is_empty() {
            self.tick()?;
        }
        self.loops += 1;
        let flow = self.iterate(frame, index, slot, items, body);
        self.loops -= 1;
        flow
    }

    fn iterate(
        &mut self,
        frame: &mut Frame,
        index: bool,
        slot: crate::ir::Slot,
        items: Vec<Value>,
        body: &[Stmt],
    ) -> RtResult<Flow> {
        for (i, item) in items.into_iter().enumerate() {
            self.tick()?;
            frame[slot as usize] = Some(if index { Value::Number(i as i64) } else { item });
            match self.exec_block(frame, body)? {
                Flow::Next | Flow::Continue => {}
                Flow::Break => break,
                ret @ Flow::Return(_) => return Ok(ret),
            }
        }
        Ok(Flow::Next)
    }
}

/// What `for each` visits: list elements, map values, or the pieces of a
/// comma-separated text. `None` for anything else.
pub(crate) fn elements(v: &Value) -> Option<Vec<Value>> {
    if let Some(list) = v.list_ref() {
        return Some(list.items.clone());
    }
    if let Some(map) = v.map_ref() {
        return Some(map.entries.values().cloned().collect());
    }
    match v {
        Value::Text(t) => Some(t.split(',').map(Value::text).collect()),
        Value::Collection(_) => Some(Vec::new()),
        _ => None,
    }
}
