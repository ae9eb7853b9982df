//! The walk over a tree that builds its [`Index`].
//!
//! Names are resolved the way the runtime resolves them: variables per
//! function and case-sensitive, `a.b(...)` is a call of user function `a.b`
//! only when `a` is no variable and some function has category `a`, and
//! function names ignore letter case.

use crate::index::{Access, FunctionSymbol, Index, Occurrence, Scope, Symbol, Variable};
use crate::infer::{self, Inference};
use deluge_runtime::builtins::registry;
use deluge_runtime::lower::{FunctionNames, SlotTable};
use deluge_runtime::value::Kind;
use deluge_syntax::Span;
use deluge_syntax::ast::{
    Arg, Expr, ExprKind, FunctionDef, Ident, Literal, Script, ScriptBody, Stmt, StmtKind,
    TaskBlock, TaskValue, TypeName,
};
use std::collections::HashMap;

/// Indexes a parsed file.
pub fn index(script: &Script) -> Index {
    let mut walker = Walker {
        index: Index::default(),
        functions: FunctionNames::default(),
        inference: Inference::new(),
        variables: HashMap::new(),
        assigned: SlotTable::default(),
    };
    match &script.body {
        ScriptBody::Statements(stmts) => {
            walker.enter(script.span, stmts);
            walker.block(stmts);
        }
        ScriptBody::Functions(defs) => {
            // Every function first: a call may come before the definition.
            for (i, def) in defs.iter().enumerate() {
                walker.declare_function(i, def);
            }
            for def in defs {
                walker.function(def);
            }
        }
    }
    let mut index = walker.index;
    index
        .occurrences
        .sort_by_key(|o| (o.span.start, usize::MAX - o.span.end));
    index
}

struct Walker {
    index: Index,
    functions: FunctionNames,
    inference: Inference,
    /// The current scope's variables by name.
    variables: HashMap<String, usize>,
    /// Every name assigned anywhere in the current function.
    assigned: SlotTable,
}

impl Walker {
    fn declare_function(&mut self, i: usize, def: &FunctionDef) {
        let name_span = def
            .category
            .as_ref()
            .map_or(def.name.span, |c| c.span.to(def.name.span));
        self.functions.insert(&def.full_name(), &def.name.name, i);
        self.index.functions.push(FunctionSymbol {
            full_name: def.full_name(),
            name_span,
            header_span: def.header_span,
            span: def.span,
        });
        self.occur(name_span, Symbol::Function(i), Access::Definition);
    }

    fn function(&mut self, def: &FunctionDef) {
        self.enter(def.span, &def.body.stmts);
        self.type_name(&def.return_type);
        for param in &def.params {
            self.type_name(&param.ty);
            let variable = self.write(&param.name, infer::parameter(param.ty.kind), 0);
            let scope = self.index.scopes.len() - 1;
            self.index.scopes[scope].variables[variable].parameter_type =
                Some(param.ty.text.clone());
        }
        self.block(&def.body.stmts);
    }

    /// Starts the scope of a function body or a bare script.
    fn enter(&mut self, span: Span, body: &[Stmt]) {
        self.index.scopes.push(Scope {
            span,
            variables: Vec::new(),
        });
        self.variables.clear();
        self.assigned = SlotTable::default();
        self.assigned.declare_assigned(body);
    }

    fn occur(&mut self, span: Span, symbol: Symbol, access: Access) {
        self.index.occurrences.push(Occurrence {
            span,
            symbol,
            access,
        });
    }

    fn type_name(&mut self, ty: &TypeName) {
        self.occur(ty.span, Symbol::Type, Access::Read);
    }

    fn is_variable(&self, name: &str) -> bool {
        self.variables.contains_key(name) || self.assigned.get(name).is_some()
    }

    /// The variable of the current scope named `name`, created on first
    /// sight.
    fn variable(&mut self, name: &str) -> usize {
        if let Some(i) = self.variables.get(name) {
            return *i;
        }
        let scope = self.index.scopes.len() - 1;
        let variables = &mut self.index.scopes[scope].variables;
        variables.push(Variable {
            name: name.to_string(),
            definition: None,
            parameter_type: None,
            assignments: Vec::new(),
        });
        self.variables.insert(name.to_string(), variables.len() - 1);
        variables.len() - 1
    }

    /// An assignment to `target`, visible from byte `from`.
    fn write(&mut self, target: &Ident, kind: Option<Kind>, from: usize) -> usize {
        let scope = self.index.scopes.len() - 1;
        let i = self.variable(&target.name);
        let variable = &mut self.index.scopes[scope].variables[i];
        let access = if variable.definition.is_none() {
            variable.definition = Some(target.span);
            Access::Definition
        } else {
            Access::Write
        };
        variable.assignments.push((from, kind));
        self.occur(target.span, Symbol::Variable { scope, variable: i }, access);
        i
    }

    fn read(&mut self, ident: &Ident) {
        let scope = self.index.scopes.len() - 1;
        let variable = self.variable(&ident.name);
        self.occur(
            ident.span,
            Symbol::Variable { scope, variable },
            Access::Read,
        );
    }

    /// The kind a variable has at `offset`, if known.
    fn kind_at(&self, name: &str, offset: usize) -> Option<Kind> {
        let scope = self.index.scopes.last()?;
        let i = self.variables.get(name)?;
        scope.variables[*i].kind_at(offset)
    }

    fn kind(&self, expr: &Expr) -> Option<Kind> {
        self.inference
            .kind(expr, &|name| self.kind_at(name, expr.span.start))
    }

    fn block(&mut self, stmts: &[Stmt]) {
        for stmt in stmts {
            self.stmt(stmt);
        }
    }

    fn stmt(&mut self, stmt: &Stmt) {
        match &stmt.kind {
            StmtKind::Assign { target, op, value } => {
                self.expr(value);
                let kind = match op.binary() {
                    None => self.kind(value),
                    Some(op) => {
                        let current = self.kind_at(&target.name, stmt.span.start);
                        infer::binary(op, current, self.kind(value))
                    }
                };
                self.write(target, kind, stmt.span.end);
            }
            StmtKind::AssignTask { target, task } => {
                self.task(task);
                self.write(target, None, stmt.span.end);
            }
            StmtKind::Expr(e) | StmtKind::Info(e) | StmtKind::Return(Some(e)) => self.expr(e),
            StmtKind::If {
                branches,
                else_block,
            } => {
                for branch in branches {
                    self.expr(&branch.condition);
                    self.block(&branch.body.stmts);
                }
                if let Some(block) = else_block {
                    self.block(&block.stmts);
                }
            }
            StmtKind::ForEach {
                index,
                var,
                iterable,
                body,
            } => {
                self.expr(iterable);
                let kind = index.then_some(Kind::Number);
                self.write(var, kind, var.span.end);
                self.block(&body.stmts);
            }
            StmtKind::Try {
                body,
                error_var,
                handler,
            } => {
                self.block(&body.stmts);
                self.write(error_var, Some(Kind::Error), error_var.span.end);
                self.block(&handler.stmts);
            }
            StmtKind::Task(task) => self.task(task),
            _ => {}
        }
    }

    fn task(&mut self, task: &TaskBlock) {
        for param in &task.params {
            let name = param.key.name.clone();
            self.occur(param.key.span, Symbol::TaskKey { name }, Access::Read);
            match &param.value {
                // A bare word that names no variable stands for itself
                // (`type: GET`, `connection: my_conn`).
                TaskValue::Expr(Expr {
                    kind: ExprKind::Var(word),
                    ..
                }) if !self.is_variable(&word.name) => {}
                TaskValue::Expr(e) => self.expr(e),
                TaskValue::Attachments(items) => items.iter().for_each(|e| self.expr(e)),
            }
        }
    }

    fn args(&mut self, args: &[Arg]) {
        for arg in args {
            if let Some(key) = &arg.key {
                self.expr(key);
            }
            self.expr(&arg.value);
        }
    }

    fn expr(&mut self, expr: &Expr) {
        match &expr.kind {
            ExprKind::Literal(literal) => self.literal(expr.span, literal),
            ExprKind::Var(ident) => self.var(ident),
            ExprKind::Call { name, args } => {
                self.call(name);
                self.args(args);
            }
            ExprKind::MethodCall {
                receiver,
                method,
                args,
            } => {
                self.method_call(receiver, method);
                self.args(args);
            }
            ExprKind::Property { receiver, name } => {
                self.expr(receiver);
                self.occur(name.span, Symbol::Property, Access::Read);
            }
            ExprKind::ZohoVar { path } => self.zoho(expr.span, path, false),
            ExprKind::ZohoCall { path, args } => {
                let end = path.last().map_or(expr.span.end, |p| p.span.end);
                self.zoho(Span::new(expr.span.start, end), path, true);
                self.args(args);
            }
            ExprKind::Unary { operand, .. } => self.expr(operand),
            ExprKind::Binary { lhs, rhs, .. } => {
                self.expr(lhs);
                self.expr(rhs);
            }
            ExprKind::IfFn {
                cond,
                then,
                otherwise,
            } => {
                self.expr(cond);
                self.expr(then);
                self.expr(otherwise);
            }
            ExprKind::IfNull { value, fallback } => {
                self.expr(value);
                self.expr(fallback);
            }
            ExprKind::IsNull { value, .. } => self.expr(value),
            ExprKind::In {
                needle, haystack, ..
            } => {
                self.expr(needle);
                self.expr(haystack);
            }
            ExprKind::TypedList { ty, args } => {
                self.occur(ty.span, Symbol::Type, Access::Read);
                self.args(args);
            }
            ExprKind::List(items) => {
                self.collection(expr.span, Kind::List);
                items.iter().for_each(|e| self.expr(e));
            }
            ExprKind::Map(entries) => {
                self.collection(expr.span, Kind::Map);
                for entry in entries {
                    self.expr(&entry.key);
                    self.expr(&entry.value);
                }
            }
            ExprKind::EmptyBraces => self.collection(expr.span, Kind::EmptyCollection),
            ExprKind::Error => {}
        }
    }

    fn literal(&mut self, span: Span, literal: &Literal) {
        let kind = self.inference.literal(literal);
        let note = match (literal, kind) {
            (Literal::SingleQuoted(_), Kind::DateTime) => {
                Some("single-quoted text that reads as a date-time")
            }
            (Literal::SingleQuoted(_), _) => Some("single-quoted text that is not a date-time"),
            _ => None,
        };
        self.occur(span, Symbol::Literal { kind, note }, Access::Read);
    }

    fn collection(&mut self, span: Span, kind: Kind) {
        self.occur(span, Symbol::Literal { kind, note: None }, Access::Read);
    }

    fn var(&mut self, ident: &Ident) {
        let pseudo = ["today", "now"]
            .iter()
            .any(|p| p.eq_ignore_ascii_case(&ident.name));
        if pseudo && !self.is_variable(&ident.name) {
            let name = ident.name.clone();
            self.occur(ident.span, Symbol::Pseudo { name }, Access::Read);
        } else {
            self.read(ident);
        }
    }

    fn call(&mut self, name: &Ident) {
        let symbol = match self.functions.resolve(&name.name) {
            Some(i) => Symbol::Function(i),
            None if registry().global_id(&name.name).is_some()
                || registry().method_id(&name.name).is_some() =>
            {
                Symbol::Builtin {
                    name: name.name.clone(),
                }
            }
            None => return,
        };
        self.occur(name.span, symbol, Access::Read);
    }

    fn method_call(&mut self, receiver: &Expr, method: &Ident) {
        if let ExprKind::Var(category) = &receiver.kind
            && !self.is_variable(&category.name)
            && self.functions.has_category(&category.name)
        {
            let full = format!("{}.{}", category.name, method.name);
            if let Some(i) = self.functions.resolve_full(&full) {
                let span = receiver.span.to(method.span);
                self.occur(span, Symbol::Function(i), Access::Read);
            }
            return;
        }
        self.expr(receiver);
        let symbol = Symbol::Method {
            name: method.name.clone(),
            receiver: self.kind(receiver),
        };
        self.occur(method.span, symbol, Access::Read);
    }

    fn zoho(&mut self, span: Span, path: &[Ident], call: bool) {
        let mut full = String::from("zoho");
        for part in path {
            full.push('.');
            full.push_str(&part.name);
        }
        self.occur(span, Symbol::Zoho { path: full, call }, Access::Read);
    }
}

#[cfg(test)]
#[path = "walk_tests.rs"]
mod tests;
