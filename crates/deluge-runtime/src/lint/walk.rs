//! The walk over a function body behind the static checks.

use super::suggest::{closest, output_help};
use crate::builtins::registry;
use crate::lower::{FunctionNames, SlotTable};
use deluge_syntax::ast::{Arg, Expr, ExprKind, Stmt, StmtKind, TaskBlock, TaskKind, TaskValue};
use deluge_syntax::{Diagnostic, Span, codes};
use rustc_hash::FxHashSet;

const INVOKEURL_KEYS: &[&str] = &[
    "url",
    "type",
    "parameters",
    "body",
    "headers",
    "content-type",
    "files",
    "connection",
    "detailed",
    "response-format",
    "response-decoding",
];

const SENDMAIL_KEYS: &[&str] = &[
    "from",
    "to",
    "cc",
    "bcc",
    "reply to",
    "subject",
    "message",
    "content type",
    "attachments",
];

const HTTP_METHODS: &[&str] = &["GET", "POST", "PUT", "PATCH", "DELETE"];

pub struct Linter<'a> {
    functions: &'a FunctionNames,
    function_names: &'a [String],
    diags: Vec<Diagnostic>,
    /// Names assigned so far (in source order) in the current function.
    assigned: FxHashSet<String>,
    /// Names assigned anywhere in the current function.
    anywhere: SlotTable,
    /// Undefined names already reported in the current function.
    reported: FxHashSet<String>,
    loop_depth: usize,
    is_void: bool,
    is_script: bool,
}

/// The help line for a script variable that is never assigned: most often
/// it is an input the workflow supplies (or another language's `None`).
/// `deluge run` says the same.
pub fn input_help(name: &str) -> String {
    match null_help(name) {
        Some(help) => help.to_string(),
        None => format!("if the script expects it as an input, pass it with --arg {name}=VALUE"),
    }
}

/// Other languages' names for `null`.
fn null_help(name: &str) -> Option<&'static str> {
    ["None", "undefined", "nil", "nullptr"]
        .contains(&name)
        .then_some("Deluge writes `null`")
}

fn is_pseudo(name: &str) -> bool {
    name.eq_ignore_ascii_case("today") || name.eq_ignore_ascii_case("now")
}

impl<'a> Linter<'a> {
    pub fn new(functions: &'a FunctionNames, function_names: &'a [String]) -> Self {
        Linter {
            functions,
            function_names,
            diags: Vec::new(),
            assigned: FxHashSet::default(),
            anywhere: SlotTable::default(),
            reported: FxHashSet::default(),
            loop_depth: 0,
            is_void: false,
            is_script: false,
        }
    }

    pub fn finish(self) -> Vec<Diagnostic> {
        self.diags
    }

    pub fn function(&mut self, params: &[&str], is_void: bool, is_script: bool, body: &[Stmt]) {
        self.assigned = params.iter().map(|p| p.to_string()).collect();
        self.anywhere = SlotTable::default();
        self.anywhere.declare_assigned(body);
        self.reported.clear();
        self.is_void = is_void;
        self.is_script = is_script;
        self.block(body);
    }

    fn block(&mut self, stmts: &[Stmt]) {
        let mut ended_by: Option<&str> = None;
        for stmt in stmts {
            if let Some(word) = ended_by.take() {
                self.diags.push(
                    Diagnostic::warning(
                        codes::UNREACHABLE_CODE,
                        format!("unreachable code after `{word}`"),
                    )
                    .with_primary(stmt.span, "this never runs"),
                );
            }
            self.stmt(stmt);
            ended_by = match stmt.kind {
                StmtKind::Return(_) => Some("return"),
                StmtKind::Break => Some("break"),
                StmtKind::Continue => Some("continue"),
                _ => None,
            };
        }
    }

    fn stmt(&mut self, stmt: &Stmt) {
        match &stmt.kind {
            StmtKind::Assign { target, op, value } => {
                if op.binary().is_some() {
                    self.read(&target.name, target.span);
                }
                self.expr(value);
                self.assigned.insert(target.name.clone());
            }
            StmtKind::AssignTask { target, task } => {
                self.task(task);
                self.assigned.insert(target.name.clone());
            }
            StmtKind::Task(task) => self.task(task),
            StmtKind::Expr(e) | StmtKind::Info(e) => self.expr(e),
            StmtKind::Return(Some(e)) => {
                self.expr(e);
                if self.is_void {
                    self.diags.push(
                        Diagnostic::warning(
                            codes::RETURN_VALUE_IN_VOID,
                            "`return` with a value in a `void` function",
                        )
                        .with_primary(e.span, "a void function returns no value")
                        .with_help("remove the value, or declare a return type"),
                    );
                }
            }
            StmtKind::If {
                branches,
                else_block,
            } => {
                for branch in branches {
                    self.expr(&branch.condition);
                    self.block(&branch.body.stmts);
                }
                if let Some(b) = else_block {
                    self.block(&b.stmts);
                }
            }
            StmtKind::ForEach {
                var,
                iterable,
                body,
                ..
            } => {
                self.expr(iterable);
                self.assigned.insert(var.name.clone());
                // A later iteration sees what the body assigns at its end.
                let mut inside = SlotTable::default();
                inside.declare_assigned(&body.stmts);
                self.assigned.extend(inside.names().iter().cloned());
                self.loop_depth += 1;
                self.block(&body.stmts);
                self.loop_depth -= 1;
            }
            StmtKind::Break | StmtKind::Continue if self.loop_depth == 0 => {
                let word = if matches!(stmt.kind, StmtKind::Break) {
                    "break"
                } else {
                    "continue"
                };
                self.diags.push(
                    Diagnostic::warning(
                        codes::LOOP_CONTROL_OUTSIDE_LOOP,
                        format!("`{word}` outside a `for each` loop"),
                    )
                    .with_primary(stmt.span, "not inside a loop"),
                );
            }
            StmtKind::Try {
                body,
                error_var,
                handler,
            } => {
                self.block(&body.stmts);
                self.assigned.insert(error_var.name.clone());
                self.block(&handler.stmts);
            }
            _ => {}
        }
    }

    fn read(&mut self, name: &str, span: Span) {
        if self.assigned.contains(name)
            || is_pseudo(name)
            || !self.reported.insert(name.to_string())
        {
            return;
        }
        let never = self.anywhere.get(name).is_none();
        let mut d = if never {
            Diagnostic::warning(
                codes::UNDEFINED_VARIABLE,
                format!("variable `{name}` is never assigned"),
            )
            .with_primary(
                span,
                format!("read here; running this fails with \"Variable '{name}' is not defined\""),
            )
        } else {
            Diagnostic::warning(
                codes::UNDEFINED_VARIABLE,
                format!("variable `{name}` is read before it is assigned"),
            )
            .with_primary(span, "it is null here")
        };
        if let Some(help) = null_help(name) {
            d = d.with_help(help);
        } else if never && self.is_script {
            d = d.with_help(input_help(name));
        }
        self.diags.push(d);
    }

    fn args(&mut self, args: &[Arg]) {
        for a in args {
            if let Some(k) = &a.key {
                self.expr(k);
            }
            self.expr(&a.value);
        }
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Var(ident) => self.read(&ident.name, ident.span),
            ExprKind::Call { name, args } => {
                self.function_call(&name.name, name.span);
                self.args(args);
            }
            ExprKind::MethodCall {
                receiver,
                method,
                args,
            } => {
                self.method_call(receiver, &method.name, method.span);
                self.args(args);
            }
            ExprKind::Property { receiver, .. } => self.expr(receiver),
            ExprKind::ZohoCall { args, .. } | ExprKind::TypedList { args, .. } => self.args(args),
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
            ExprKind::List(items) => items.iter().for_each(|i| self.expr(i)),
            ExprKind::Map(entries) => {
                for en in entries {
                    self.expr(&en.key);
                    self.expr(&en.value);
                }
            }
            _ => {}
        }
    }

    fn function_call(&mut self, name: &str, span: Span) {
        let reg = registry();
        let known = self.functions.resolve(name).is_some()
            || reg.global_id(name).is_some()
            || reg.method_id(name).is_some()
            || (is_pseudo(name));
        if !known {
            let names = self.function_names;
            let mut candidates: Vec<&str> = reg.all_names().collect();
            candidates.extend(names.iter().map(String::as_str));
            let suggestion = closest(name, candidates).map(|s| format!("did you mean `{s}`?"));
            self.unknown_function(
                name,
                span,
                output_help(name).map(str::to_string).or(suggestion),
            );
        }
    }

    fn method_call(&mut self, receiver: &Expr, method: &str, span: Span) {
        if let ExprKind::Var(category) = &receiver.kind {
            let is_variable = self.anywhere.get(&category.name).is_some()
                || self.assigned.contains(&category.name)
                || is_pseudo(&category.name);
            let full = format!("{}.{method}", category.name);
            if !is_variable && self.functions.has_category(&category.name) {
                if self.functions.resolve(&full).is_none() {
                    let names = self.function_names;
                    let suggestion = closest(&full, names.iter().map(String::as_str))
                        .map(|s| format!("did you mean `{s}`?"));
                    self.unknown_function(&full, receiver.span.to(span), suggestion);
                }
                return;
            }
            // `console.log(x)`: not an undefined `console`, a habit.
            if let (false, Some(help)) = (is_variable, output_help(&full)) {
                self.unknown_function(&full, receiver.span.to(span), Some(help.to_string()));
                return;
            }
        }
        self.expr(receiver);
        if registry().method_id(method).is_none() {
            let suggestion =
                closest(method, registry().all_names()).map(|s| format!("did you mean `{s}`?"));
            self.unknown_function(method, span, suggestion);
        }
    }

    fn unknown_function(&mut self, name: &str, span: Span, help: Option<String>) {
        let mut d = Diagnostic::warning(
            codes::UNKNOWN_FUNCTION,
            format!("unknown function `{name}`"),
        )
        .with_primary(span, "no built-in or function of this file has this name");
        if let Some(help) = help {
            d = d.with_help(help);
        }
        self.diags.push(d);
    }

    fn task(&mut self, task: &TaskBlock) {
        let keys = match task.kind {
            TaskKind::InvokeUrl => INVOKEURL_KEYS,
            TaskKind::SendMail => SENDMAIL_KEYS,
        };
        let word = match task.kind {
            TaskKind::InvokeUrl => "invokeurl",
            TaskKind::SendMail => "sendmail",
        };
        for p in &task.params {
            if !keys.contains(&p.key.name.as_str()) {
                let mut d = Diagnostic::warning(
                    codes::UNKNOWN_TASK_KEY,
                    format!("unknown {word} key `{}`", p.key.name),
                )
                .with_primary(p.key.span, "not a key of this task");
                if let Some(s) = closest(&p.key.name, keys.iter().copied()) {
                    d = d.with_help(format!("did you mean `{s}`?"));
                }
                self.diags.push(d);
            }
            match &p.value {
                TaskValue::Expr(e) => {
                    if p.key.name == "type" {
                        self.http_method(e);
                    }
                    // A bare word stands for its own name (`connection: my_conn`).
                    if !matches!(e.kind, ExprKind::Var(_)) {
                        self.expr(e);
                    }
                }
                TaskValue::Attachments(items) => items.iter().for_each(|i| self.expr(i)),
            }
        }
    }

    fn http_method(&mut self, e: &Expr) {
        use deluge_syntax::ast::Literal;
        let written = match &e.kind {
            ExprKind::Var(w) if self.anywhere.get(&w.name).is_none() => w.name.clone(),
            ExprKind::Literal(Literal::Text(t)) => t.clone(),
            _ => return,
        };
        if !HTTP_METHODS
            .iter()
            .any(|m| m.eq_ignore_ascii_case(&written))
        {
            self.diags.push(
                Diagnostic::warning(
                    codes::BAD_HTTP_METHOD,
                    format!("`{written}` is not an HTTP method"),
                )
                .with_primary(e.span, "expected GET, POST, PUT, PATCH or DELETE"),
            );
        }
    }
}
