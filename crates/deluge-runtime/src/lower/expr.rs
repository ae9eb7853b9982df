//! Lowering of expressions.

use super::{Lowerer, syntax_error};
use crate::builtins::registry;
use crate::error::RtError;
use crate::ir::{self, ExprKind, Pseudo};
use crate::value::{ElemType, Value};
use deluge_syntax::ast::{self, BinaryOp, Literal};
use deluge_syntax::{Span, codes};

fn node(kind: ExprKind, span: Span) -> ir::Expr {
    ir::Expr { kind, span }
}

fn boxed(e: ir::Expr) -> Box<ir::Expr> {
    Box::new(e)
}

/// The values of the arguments when all of them are plain constants.
fn constant_args(args: &[ir::Arg]) -> Option<Box<[Value]>> {
    args.iter()
        .map(|a| match (&a.key, &a.value.kind) {
            (None, ExprKind::Const(v)) => Some(v.clone()),
            _ => None,
        })
        .collect()
}

fn pseudo(name: &str) -> Option<Pseudo> {
    if name.eq_ignore_ascii_case("today") {
        Some(Pseudo::Today)
    } else if name.eq_ignore_ascii_case("now") {
        Some(Pseudo::Now)
    } else {
        None
    }
}

impl Lowerer<'_> {
    pub fn expr(&mut self, e: &ast::Expr) -> ir::Expr {
        node(self.expr_kind(e), e.span)
    }

    fn exprs(&mut self, es: &[ast::Expr]) -> Vec<ir::Expr> {
        es.iter().map(|e| self.expr(e)).collect()
    }

    fn expr_kind(&mut self, e: &ast::Expr) -> ExprKind {
        use ast::ExprKind as A;
        match &e.kind {
            A::Literal(lit) => ExprKind::Const(self.literal(lit)),
            A::Var(ident) => self.variable(&ident.name),
            A::Call { name, args } => self.call(name, args),
            A::MethodCall {
                receiver,
                method,
                args,
            } => self.method_call(receiver, method, args),
            A::Property { receiver, name } => ExprKind::Property {
                receiver: boxed(self.expr(receiver)),
                name: name.name.to_ascii_lowercase(),
            },
            A::ZohoVar { path } => ExprKind::ZohoVar(
                path.iter()
                    .map(|p| p.name.to_ascii_lowercase())
                    .collect::<Vec<_>>()
                    .join("."),
            ),
            A::ZohoCall { path, args } => self.zoho_call(path, args),
            A::Unary { op, operand } => ExprKind::Unary(*op, boxed(self.expr(operand))),
            A::Binary {
                op: BinaryOp::Add,
                lhs,
                ..
            } if matches!(
                lhs.kind,
                A::Binary {
                    op: BinaryOp::Add,
                    ..
                }
            ) =>
            {
                ExprKind::AddChain(self.add_chain(e))
            }
            A::Binary { op, lhs, rhs } => {
                let (l, r) = (boxed(self.expr(lhs)), boxed(self.expr(rhs)));
                match op {
                    BinaryOp::And => ExprKind::And(l, r),
                    BinaryOp::Or => ExprKind::Or(l, r),
                    op => ExprKind::Binary(*op, l, r),
                }
            }
            A::IfFn {
                cond,
                then,
                otherwise,
            } => ExprKind::IfFn(
                boxed(self.expr(cond)),
                boxed(self.expr(then)),
                boxed(self.expr(otherwise)),
            ),
            A::IfNull { value, fallback } => {
                ExprKind::IfNull(boxed(self.expr(value)), boxed(self.expr(fallback)))
            }
            A::IsNull { value, negated } => ExprKind::IsNull(boxed(self.expr(value)), *negated),
            A::In {
                needle,
                haystack,
                negated,
            } => ExprKind::In {
                needle: boxed(self.expr(needle)),
                haystack: boxed(self.expr(haystack)),
                negated: *negated,
            },
            A::TypedList { ty, args } => match ElemType::from_name(&ty.name) {
                Some(elem) => match self.plain_args(args, "List") {
                    Ok(args) => ExprKind::TypedList { elem, args },
                    Err(err) => ExprKind::Fail(err),
                },
                None => ExprKind::Fail(RtError::not_found(&format!("List:{}", ty.name))),
            },
            A::List(items) => ExprKind::List(self.exprs(items)),
            A::Map(entries) => ExprKind::Map(
                entries
                    .iter()
                    .map(|en| (self.expr(&en.key), self.expr(&en.value)))
                    .collect(),
            ),
            A::EmptyBraces => ExprKind::EmptyCollection,
            A::Error => ExprKind::Fail(syntax_error()),
        }
    }

    /// The operands of a left-nested chain of `+`, in order.
    fn add_chain(&mut self, e: &ast::Expr) -> Vec<ir::Expr> {
        let mut rights = Vec::new();
        let mut current = e;
        while let ast::ExprKind::Binary {
            op: BinaryOp::Add,
            lhs,
            rhs,
        } = &current.kind
        {
            rights.push(rhs.as_ref());
            current = lhs;
        }
        let mut operands = vec![self.expr(current)];
        operands.extend(rights.into_iter().rev().map(|r| self.expr(r)));
        operands
    }

    fn literal(&self, lit: &Literal) -> Value {
        match lit {
            Literal::Text(s) => Value::text(s),
            Literal::SingleQuoted(s) => match (self.parse_date)(s) {
                Some(dt) => Value::DateTime(dt),
                None => Value::text(s),
            },
            Literal::Number(n) => Value::Number(*n),
            Literal::Decimal(f) => Value::Decimal(*f),
            Literal::Bool(b) => Value::Bool(*b),
            Literal::Null => Value::Null,
        }
    }

    /// A variable read (§6): a slot if the function assigns the name
    /// anywhere, `today`/`now` pseudo-variables, else "not defined".
    fn variable(&mut self, name: &str) -> ExprKind {
        match (self.slots.get(name), pseudo(name)) {
            (Some(slot), Some(p)) => ExprKind::LocalOrPseudo(slot, p),
            (Some(slot), None) => ExprKind::Local(slot),
            (None, Some(p)) => ExprKind::Pseudo(p),
            (None, None) => ExprKind::Undefined(name.to_string()),
        }
    }

    /// Arguments of a function that takes no `key : value` entries.
    fn plain_args(&mut self, args: &[ast::Arg], function: &str) -> Result<Vec<ir::Expr>, RtError> {
        if args.iter().any(|a| a.key.is_some()) {
            return Err(RtError::invalid_args(function));
        }
        Ok(args.iter().map(|a| self.expr(&a.value)).collect())
    }

    fn args(&mut self, args: &[ast::Arg]) -> Vec<ir::Arg> {
        args.iter()
            .map(|a| ir::Arg {
                key: a.key.as_ref().map(|k| self.expr(k)),
                value: self.expr(&a.value),
            })
            .collect()
    }

    /// `name(args)`: a user function, a global built-in, or the function
    /// form of a method (`len(x)` is `x.len()`).
    fn call(&mut self, name: &ast::Ident, args: &[ast::Arg]) -> ExprKind {
        if let (Some(p), true) = (pseudo(&name.name), args.is_empty()) {
            return ExprKind::Pseudo(p);
        }
        if let Some(function) = self.functions.resolve(&name.name) {
            return match self.plain_args(args, &name.name) {
                Ok(args) => ExprKind::CallUser { function, args },
                Err(err) => ExprKind::Fail(err),
            };
        }
        if let Some(kind) = self.host_call(&name.name, args) {
            return kind;
        }
        let reg = registry();
        if let Some(id) = reg.global_id(&name.name) {
            return ExprKind::Global {
                id,
                args: self.args(args),
            };
        }
        match reg.method_id(&name.name) {
            Some(method) => ExprKind::MethodForm {
                method,
                args: self.args(args),
            },
            None => ExprKind::Fail(RtError::not_found(&name.name)),
        }
    }

    /// `receiver.method(args)`, or `category.name(args)` of a user function
    /// when `category` is not a variable (§3 rule 1).
    fn method_call(
        &mut self,
        receiver: &ast::Expr,
        method: &ast::Ident,
        args: &[ast::Arg],
    ) -> ExprKind {
        if let ast::ExprKind::Var(category) = &receiver.kind {
            let is_variable =
                self.slots.get(&category.name).is_some() || pseudo(&category.name).is_some();
            // A name the function never assigns is not a value: `a.b()` can
            // only be the user function `a.b`. Without one, it is "Not able
            // to find" when `a` is a category of user functions (a misspelt
            // function), else a read of the undefined variable `a` (a
            // missing input, the usual case).
            if !is_variable {
                let full = format!("{}.{}", category.name, method.name);
                return match self.functions.resolve(&full) {
                    Some(function) => match self.plain_args(args, &full) {
                        Ok(args) => ExprKind::CallUser { function, args },
                        Err(err) => ExprKind::Fail(err),
                    },
                    None => match self.host_call(&full, args) {
                        Some(call) => call,
                        None if self.functions.has_category(&category.name) => {
                            ExprKind::Fail(RtError::not_found(&full))
                        }
                        None => ExprKind::Fail(
                            RtError::undefined(&category.name).at(category.span, self.source),
                        ),
                    },
                };
            }
        }
        let receiver = boxed(self.expr(receiver));
        match registry().method_id(&method.name) {
            Some(id) => {
                let args = self.args(args);
                ExprKind::Method {
                    receiver,
                    method: id,
                    const_args: constant_args(&args),
                    args,
                    cache: Default::default(),
                }
            }
            None => ExprKind::Fail(RtError::not_found(&method.name)),
        }
    }

    /// A call of a name the host registered for this program, if it is one.
    fn host_call(&mut self, name: &str, args: &[ast::Arg]) -> Option<ExprKind> {
        let id = self.host_functions.resolve(name)?;
        Some(match self.plain_args(args, name) {
            Ok(args) => ExprKind::HostCall { id, args },
            Err(err) => ExprKind::Fail(err),
        })
    }

    /// `zoho.encryption.*` are built in; other `zoho.x.y(...)` calls go to
    /// the host as integration tasks (§7.12).
    fn zoho_call(&mut self, path: &[ast::Ident], args: &[ast::Arg]) -> ExprKind {
        let written = std::iter::once("zoho")
            .chain(path.iter().map(|p| p.name.as_str()))
            .collect::<Vec<_>>()
            .join(".");
        if let [service, function] = path
            && service.name.eq_ignore_ascii_case("encryption")
        {
            let reg = registry();
            if let Some(id) = reg.global_id(&written) {
                return ExprKind::Global {
                    id,
                    args: self.args(args),
                };
            }
            return match reg.method_id(&function.name) {
                Some(method) => ExprKind::MethodForm {
                    method,
                    args: self.args(args),
                },
                None => ExprKind::Fail(RtError::not_found(&written)),
            };
        }
        match self.plain_args(args, &written) {
            Ok(args) => ExprKind::ZohoCall {
                name: written,
                args,
            },
            Err(_) => ExprKind::Fail(RtError::new(
                codes::INVALID_ARGUMENTS,
                format!("Invalid arguments for function '{written}'"),
            )),
        }
    }
}
