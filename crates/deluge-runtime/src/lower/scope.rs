//! Function scope (language spec §6): every name assigned anywhere in a
//! function body (assignment target, `for each` variable, `catch` variable)
//! or declared as a parameter is a variable of the whole function.

use crate::ir::Slot;
use deluge_syntax::ast::{Stmt, StmtKind};
use rustc_hash::FxHashMap;

/// The variables of one function (or of a REPL session), by name.
#[derive(Debug, Default, Clone)]
pub struct SlotTable {
    by_name: FxHashMap<String, Slot>,
    names: Vec<String>,
}

impl SlotTable {
    /// The slot of `name`, creating it if needed.
    pub fn declare(&mut self, name: &str) -> Slot {
        if let Some(slot) = self.by_name.get(name) {
            return *slot;
        }
        let slot = self.names.len() as Slot;
        self.names.push(name.to_string());
        self.by_name.insert(name.to_string(), slot);
        slot
    }

    pub fn get(&self, name: &str) -> Option<Slot> {
        self.by_name.get(name).copied()
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// Declares every variable assigned in `stmts`, at any depth.
    pub fn declare_assigned(&mut self, stmts: &[Stmt]) {
        for stmt in stmts {
            self.declare_in(stmt);
        }
    }

    fn declare_in(&mut self, stmt: &Stmt) {
        match &stmt.kind {
            StmtKind::Assign { target, .. } | StmtKind::AssignTask { target, .. } => {
                self.declare(&target.name);
            }
            StmtKind::If {
                branches,
                else_block,
            } => {
                for branch in branches {
                    self.declare_assigned(&branch.body.stmts);
                }
                if let Some(block) = else_block {
                    self.declare_assigned(&block.stmts);
                }
            }
            StmtKind::ForEach { var, body, .. } => {
                self.declare(&var.name);
                self.declare_assigned(&body.stmts);
            }
            StmtKind::Try {
                body,
                error_var,
                handler,
            } => {
                self.declare_assigned(&body.stmts);
                self.declare(&error_var.name);
                self.declare_assigned(&handler.stmts);
            }
            _ => {}
        }
    }
}
