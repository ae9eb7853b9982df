//! Lowering: AST → the resolved IR of `ir.rs`.
//!
//! Runs once per loaded source. Resolves variables to slots (function
//! scope, §6), user-function calls to their index (§3 rule 1, §8.3),
//! built-in names to registry ids, and single-quoted literals to date-times
//! or text (§2.4.2). Problems that only matter if the code runs (an unknown
//! function, a read of a never-assigned variable) become `Fail` nodes that
//! raise the runtime error when evaluated.

mod expr;
pub mod scope;

use crate::datetime::DateTime;
use crate::error::{RtError, SourceId};
use crate::ir::{self, FnIndex};
use deluge_syntax::ast::{self, StmtKind};
use deluge_syntax::{LineIndex, codes};
use rustc_hash::FxHashMap;
pub use scope::SlotTable;

/// The user functions known when a source is lowered, by lower-case name.
#[derive(Debug, Default, Clone)]
pub struct FunctionNames {
    by_full_name: FxHashMap<String, FnIndex>,
    by_short_name: FxHashMap<String, Vec<FnIndex>>,
}

impl FunctionNames {
    pub fn insert(&mut self, full_name: &str, short_name: &str, index: FnIndex) {
        self.by_full_name
            .insert(full_name.to_ascii_lowercase(), index);
        self.by_short_name
            .entry(short_name.to_ascii_lowercase())
            .or_default()
            .push(index);
    }

    /// `category.name` or `name` (a short name only when unambiguous).
    pub fn resolve(&self, name: &str) -> Option<FnIndex> {
        let lower = name.to_ascii_lowercase();
        if let Some(i) = self.by_full_name.get(&lower) {
            return Some(*i);
        }
        match self.by_short_name.get(&lower).map(Vec::as_slice) {
            Some([only]) => Some(*only),
            _ => None,
        }
    }

    /// The function declared with exactly this full name.
    pub fn resolve_full(&self, name: &str) -> Option<FnIndex> {
        self.by_full_name.get(&name.to_ascii_lowercase()).copied()
    }

    pub fn contains_full(&self, name: &str) -> bool {
        self.by_full_name.contains_key(&name.to_ascii_lowercase())
    }

    /// True when some function is declared with this category
    /// (`standalone` in `standalone.f`).
    pub fn has_category(&self, category: &str) -> bool {
        let prefix = format!("{}.", category.to_ascii_lowercase());
        self.by_full_name.keys().any(|k| k.starts_with(&prefix))
    }
}

pub struct Lowerer<'a> {
    pub functions: &'a FunctionNames,
    /// Names the host added for this program (empty outside `deluge test`).
    pub host_functions: &'a crate::host_fns::HostFunctions,
    pub slots: &'a mut SlotTable,
    pub source: SourceId,
    pub lines: &'a LineIndex,
    /// Classifies single-quoted literals (needs the clock for `yy` years).
    pub parse_date: &'a dyn Fn(&str) -> Option<DateTime>,
}

impl Lowerer<'_> {
    pub fn block(&mut self, stmts: &[ast::Stmt]) -> Vec<ir::Stmt> {
        stmts.iter().map(|s| self.stmt(s)).collect()
    }

    fn stmt(&mut self, stmt: &ast::Stmt) -> ir::Stmt {
        ir::Stmt {
            kind: self.stmt_kind(&stmt.kind),
            span: stmt.span,
            line: self.lines.line(stmt.span.start) as u32,
        }
    }

    fn stmt_kind(&mut self, kind: &StmtKind) -> ir::StmtKind {
        match kind {
            StmtKind::Assign { target, op, value } => {
                let slot = self.slots.declare(&target.name);
                let value = self.expr(value);
                match op.binary() {
                    None => ir::StmtKind::Assign { slot, value },
                    Some(op) => ir::StmtKind::Compound {
                        slot,
                        name: target.name.clone(),
                        op,
                        value,
                    },
                }
            }
            StmtKind::AssignTask { target, task } => ir::StmtKind::Task {
                target: Some(self.slots.declare(&target.name)),
                task: self.task(task),
            },
            StmtKind::Task(task) => ir::StmtKind::Task {
                target: None,
                task: self.task(task),
            },
            StmtKind::Expr(e) => ir::StmtKind::Expr(self.expr(e)),
            StmtKind::Info(e) => ir::StmtKind::Info(self.expr(e)),
            StmtKind::Return(e) => ir::StmtKind::Return(e.as_ref().map(|e| self.expr(e))),
            StmtKind::If {
                branches,
                else_block,
            } => ir::StmtKind::If {
                branches: branches
                    .iter()
                    .map(|b| (self.expr(&b.condition), self.block(&b.body.stmts)))
                    .collect(),
                else_block: else_block.as_ref().map(|b| self.block(&b.stmts)),
            },
            StmtKind::ForEach {
                index,
                var,
                iterable,
                body,
            } => ir::StmtKind::ForEach {
                index: *index,
                slot: self.slots.declare(&var.name),
                iterable: self.expr(iterable),
                body: self.block(&body.stmts),
            },
            StmtKind::Break => ir::StmtKind::Break,
            StmtKind::Continue => ir::StmtKind::Continue,
            StmtKind::Try {
                body,
                error_var,
                handler,
            } => ir::StmtKind::Try {
                body: self.block(&body.stmts),
                error_slot: self.slots.declare(&error_var.name),
                handler: self.block(&handler.stmts),
            },
            StmtKind::Empty => ir::StmtKind::Nothing,
            StmtKind::Creator { what } => ir::StmtKind::Fail(RtError::new(
                codes::NOT_SUPPORTED,
                format!("Zoho Creator statement, not supported by deluge: {what}"),
            )),
            StmtKind::Error => ir::StmtKind::Fail(syntax_error()),
        }
    }

    fn task(&mut self, task: &ast::TaskBlock) -> ir::Task {
        let params = task
            .params
            .iter()
            .map(|p| ir::TaskParam {
                key: p.key.name.clone(),
                value: match &p.value {
                    ast::TaskValue::Expr(e) => ir::TaskValue::Expr(self.task_value(&p.key.name, e)),
                    ast::TaskValue::Attachments(items) => {
                        ir::TaskValue::Attachments(items.iter().map(|e| self.expr(e)).collect())
                    }
                },
            })
            .collect();
        ir::Task {
            kind: task.kind,
            params,
        }
    }

    /// Bare words in task blocks (§7.10, §7.11): `type: GET` is the method;
    /// a word that is not an assigned variable stands for its own name.
    fn task_value(&mut self, key: &str, e: &ast::Expr) -> ir::Expr {
        if let ast::ExprKind::Var(word) = &e.kind {
            let upper = word.name.to_ascii_uppercase();
            let is_method = matches!(upper.as_str(), "GET" | "POST" | "PUT" | "PATCH" | "DELETE");
            if key == "type" && is_method {
                return ir::Expr {
                    kind: ir::ExprKind::Const(crate::value::Value::from(upper)),
                    span: e.span,
                };
            }
            if self.slots.get(&word.name).is_none() {
                return ir::Expr {
                    kind: ir::ExprKind::Const(crate::value::Value::text(&word.name)),
                    span: e.span,
                };
            }
        }
        self.expr(e)
    }
}

pub(crate) fn syntax_error() -> RtError {
    RtError::new(
        codes::UNEXPECTED_TOKEN,
        "This statement has a syntax error and cannot run",
    )
}
