//! A readable, indented dump of the tree, for `deluge parse --ast` and for
//! snapshot tests. One node per line, children indented by two spaces.

use crate::ast::*;
use std::fmt::Write as _;

/// Dumps a whole script.
pub fn script(s: &Script) -> String {
    Dumper::new(false).script(s)
}

/// Dumps a whole script with each node's byte span (`@start..end`).
pub fn script_with_spans(s: &Script) -> String {
    Dumper::new(true).script(s)
}

/// Dumps a single expression.
pub fn expr(e: &Expr) -> String {
    let mut d = Dumper::new(false);
    d.expr(e, 0);
    d.out
}

struct Dumper {
    out: String,
    spans: bool,
}

impl Dumper {
    fn new(spans: bool) -> Self {
        Dumper {
            out: String::new(),
            spans,
        }
    }

    fn line(&mut self, depth: usize, text: &str, span: crate::span::Span) {
        for _ in 0..depth {
            self.out.push_str("  ");
        }
        self.out.push_str(text);
        if self.spans {
            let _ = write!(self.out, " @{}..{}", span.start, span.end);
        }
        self.out.push('\n');
    }

    fn script(mut self, s: &Script) -> String {
        match &s.body {
            ScriptBody::Statements(stmts) => {
                self.line(0, "Statements", s.span);
                for st in stmts {
                    self.stmt(st, 1);
                }
            }
            ScriptBody::Functions(defs) => {
                self.line(0, "Functions", s.span);
                for f in defs {
                    self.function(f, 1);
                }
            }
        }
        self.out
    }

    fn function(&mut self, f: &FunctionDef, depth: usize) {
        let params: Vec<String> = f
            .params
            .iter()
            .map(|p| format!("{} {}", p.ty.text, p.name.name))
            .collect();
        let header = format!(
            "Function {} {}({})",
            f.return_type.text,
            f.full_name(),
            params.join(", ")
        );
        self.line(depth, &header, f.span);
        self.block(&f.body, depth + 1);
    }

    fn block(&mut self, b: &Block, depth: usize) {
        self.line(depth, "Block", b.span);
        for st in &b.stmts {
            self.stmt(st, depth + 1);
        }
    }

    fn stmt(&mut self, s: &Stmt, depth: usize) {
        let d = depth + 1;
        match &s.kind {
            StmtKind::Assign { target, op, value } => {
                let op = op
                    .binary()
                    .map_or("=".to_owned(), |b| format!("{}=", b.symbol()));
                self.line(depth, &format!("Assign {} {op}", target.name), s.span);
                self.expr(value, d);
            }
            StmtKind::AssignTask { target, task } => {
                self.line(depth, &format!("AssignTask {} =", target.name), s.span);
                self.task(task, d);
            }
            StmtKind::Expr(e) => {
                self.line(depth, "ExprStmt", s.span);
                self.expr(e, d);
            }
            StmtKind::Info(e) => {
                self.line(depth, "Info", s.span);
                self.expr(e, d);
            }
            StmtKind::Return(e) => {
                self.line(depth, "Return", s.span);
                if let Some(e) = e {
                    self.expr(e, d);
                }
            }
            StmtKind::If {
                branches,
                else_block,
            } => {
                self.line(depth, "If", s.span);
                for b in branches {
                    self.line(d, "Branch", b.span);
                    self.expr(&b.condition, d + 1);
                    self.block(&b.body, d + 1);
                }
                if let Some(b) = else_block {
                    self.line(d, "Else", b.span);
                    self.block(b, d + 1);
                }
            }
            StmtKind::ForEach {
                index,
                var,
                iterable,
                body,
            } => {
                let form = if *index { "ForEachIndex" } else { "ForEach" };
                self.line(depth, &format!("{form} {}", var.name), s.span);
                self.expr(iterable, d);
                self.block(body, d);
            }
            StmtKind::Break => self.line(depth, "Break", s.span),
            StmtKind::Continue => self.line(depth, "Continue", s.span),
            StmtKind::Try {
                body,
                error_var,
                handler,
            } => {
                self.line(depth, "Try", s.span);
                self.block(body, d);
                self.line(d, &format!("Catch {}", error_var.name), error_var.span);
                self.block(handler, d + 1);
            }
            StmtKind::Task(task) => self.task(task, depth),
            StmtKind::Empty => self.line(depth, "Empty", s.span),
            StmtKind::Creator { what } => {
                self.line(depth, &format!("Creator {what}"), s.span);
            }
            StmtKind::Error => self.line(depth, "ErrorStmt", s.span),
        }
    }

    fn task(&mut self, t: &TaskBlock, depth: usize) {
        let kind = match t.kind {
            TaskKind::InvokeUrl => "invokeurl",
            TaskKind::SendMail => "sendmail",
        };
        self.line(depth, &format!("Task {kind}"), t.span);
        for p in &t.params {
            self.line(depth + 1, &format!("Param {:?}", p.key.name), p.span);
            match &p.value {
                TaskValue::Expr(e) => self.expr(e, depth + 2),
                TaskValue::Attachments(files) => {
                    self.line(depth + 2, "Attachments", p.span);
                    for f in files {
                        self.expr(f, depth + 3);
                    }
                }
            }
        }
    }

    fn args(&mut self, args: &[Arg], depth: usize) {
        for a in args {
            match &a.key {
                Some(k) => {
                    self.line(depth, "KeyedArg", a.span);
                    self.expr(k, depth + 1);
                    self.expr(&a.value, depth + 1);
                }
                None => self.expr(&a.value, depth),
            }
        }
    }

    fn expr(&mut self, e: &Expr, depth: usize) {
        let d = depth + 1;
        match &e.kind {
            ExprKind::Literal(lit) => self.line(depth, &literal(lit), e.span),
            ExprKind::Var(id) => self.line(depth, &format!("Var {}", id.name), e.span),
            ExprKind::Call { name, args } => {
                self.line(depth, &format!("Call {}", name.name), e.span);
                self.args(args, d);
            }
            ExprKind::MethodCall {
                receiver,
                method,
                args,
            } => {
                self.line(depth, &format!("MethodCall .{}", method.name), e.span);
                self.expr(receiver, d);
                self.args(args, d);
            }
            ExprKind::Property { receiver, name } => {
                self.line(depth, &format!("Property .{}", name.name), e.span);
                self.expr(receiver, d);
            }
            ExprKind::ZohoVar { path } => {
                self.line(depth, &format!("ZohoVar zoho.{}", dotted(path)), e.span);
            }
            ExprKind::ZohoCall { path, args } => {
                self.line(depth, &format!("ZohoCall zoho.{}", dotted(path)), e.span);
                self.args(args, d);
            }
            ExprKind::Unary { op, operand } => {
                self.line(depth, &format!("Unary {}", op.symbol()), e.span);
                self.expr(operand, d);
            }
            ExprKind::Binary { op, lhs, rhs } => {
                self.line(depth, &format!("Binary {}", op.symbol()), e.span);
                self.expr(lhs, d);
                self.expr(rhs, d);
            }
            ExprKind::IfFn {
                cond,
                then,
                otherwise,
            } => {
                self.line(depth, "IfFn", e.span);
                self.expr(cond, d);
                self.expr(then, d);
                self.expr(otherwise, d);
            }
            ExprKind::IfNull { value, fallback } => {
                self.line(depth, "IfNull", e.span);
                self.expr(value, d);
                self.expr(fallback, d);
            }
            ExprKind::IsNull { value, negated } => {
                let form = if *negated { "IsNotNull" } else { "IsNull" };
                self.line(depth, form, e.span);
                self.expr(value, d);
            }
            ExprKind::In {
                needle,
                haystack,
                negated,
            } => {
                self.line(depth, if *negated { "NotIn" } else { "In" }, e.span);
                self.expr(needle, d);
                self.expr(haystack, d);
            }
            ExprKind::TypedList { ty, args } => {
                self.line(depth, &format!("TypedList {}", ty.name), e.span);
                self.args(args, d);
            }
            ExprKind::List(items) => {
                self.line(depth, "List", e.span);
                for x in items {
                    self.expr(x, d);
                }
            }
            ExprKind::Map(entries) => {
                self.line(depth, "Map", e.span);
                for en in entries {
                    self.line(d, "Entry", en.span);
                    self.expr(&en.key, d + 1);
                    self.expr(&en.value, d + 1);
                }
            }
            ExprKind::EmptyBraces => self.line(depth, "EmptyBraces", e.span),
            ExprKind::Error => self.line(depth, "ErrorExpr", e.span),
        }
    }
}

fn dotted(path: &[Ident]) -> String {
    path.iter()
        .map(|p| p.name.as_str())
        .collect::<Vec<_>>()
        .join(".")
}

fn literal(lit: &Literal) -> String {
    match lit {
        Literal::Text(s) => format!("Text {s:?}"),
        Literal::SingleQuoted(s) => format!("SingleQuoted {s:?}"),
        Literal::Number(n) => format!("Number {n}"),
        Literal::Decimal(x) => format!("Decimal {x:?}"),
        Literal::Bool(b) => format!("Bool {b}"),
        Literal::Null => "Null".to_owned(),
    }
}
