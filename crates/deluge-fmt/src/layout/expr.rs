//! Expressions. Operands, names and literals are printed as written
//! (texts and decimals from the source, so escapes and digits stay as the
//! author typed them); keywords in lower case. Parentheses the author wrote
//! are kept (one pair where there were several); parentheses the grammar
//! needs are added. Long expressions break:
//!
//! - `&&` / `||` chains and comparisons before every operator of the chain;
//! - `+ - * / %` chains before the operators that no longer fit, filling
//!   each line;
//! - method chains of three or more calls before each `.`;
//! - argument lists and collection literals one item per line.

use super::Formatter;
use crate::doc::{Doc, Docs, concat, group, indent, text};
use deluge_syntax::Span;
use deluge_syntax::ast::{Arg, BinaryOp, Expr, ExprKind, Ident, Literal, MapEntry};

/// Stack kept free below an expression before going deeper, and how much
/// more to take when it runs short: operator chains nest one node per
/// operator, up to the parser's limit of 2,000.
const RED_ZONE: usize = 64 * 1024;
const STACK_GROWTH: usize = 1024 * 1024;

/// Binding strength (language spec §4.1): higher binds tighter.
fn precedence(e: &Expr) -> u8 {
    match &e.kind {
        ExprKind::Binary { op, .. } => binary_precedence(*op),
        ExprKind::In { .. } | ExprKind::IsNull { .. } => 4,
        ExprKind::Unary { .. } => 7,
        _ => 8,
    }
}

fn binary_precedence(op: BinaryOp) -> u8 {
    match op {
        BinaryOp::Or => 1,
        BinaryOp::And => 2,
        BinaryOp::Eq | BinaryOp::Ne => 3,
        BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge => 4,
        BinaryOp::Add | BinaryOp::Sub => 5,
        BinaryOp::Mul | BinaryOp::Div | BinaryOp::Rem => 6,
    }
}

impl Formatter<'_> {
    pub(super) fn expr(&mut self, e: &Expr) -> Doc {
        stacker::maybe_grow(RED_ZONE, STACK_GROWTH, || self.expr_here(e))
    }

    fn expr_here(&mut self, e: &Expr) -> Doc {
        let lead = self.leading_inline(e.span.start);
        let inner = self.src.strip_parens(e.span);
        let body = self.expr_body(e, inner);
        let body = if inner == e.span {
            body
        } else {
            concat(vec![text("("), body, text(")")])
        };
        concat(vec![lead, body])
    }

    /// An operand, in parentheses when `needs_parens` and the author did
    /// not write them.
    fn operand(&mut self, e: &Expr, needs_parens: bool) -> Doc {
        let doc = self.expr(e);
        if needs_parens && !self.src.is_parenthesised(e.span) {
            concat(vec![text("("), doc, text(")")])
        } else {
            doc
        }
    }

    /// The expression without the parentheses around it; `inner` is its
    /// span without them.
    fn expr_body(&mut self, e: &Expr, inner: Span) -> Doc {
        let close = inner.end.saturating_sub(1);
        match &e.kind {
            ExprKind::Literal(lit) => self.literal(lit, inner),
            ExprKind::Var(name) => text(name.name.clone()),
            ExprKind::Call { name, args } => {
                concat(vec![text(name.name.clone()), self.args(args, close)])
            }
            ExprKind::MethodCall { .. } | ExprKind::Property { .. } => self.chain(e, close),
            ExprKind::ZohoVar { path } => text(zoho_path(path)),
            ExprKind::ZohoCall { path, args } => {
                concat(vec![text(zoho_path(path)), self.args(args, close)])
            }
            ExprKind::Unary { op, operand } => {
                let needs = precedence(operand) < 7;
                concat(vec![text(op.symbol()), self.operand(operand, needs)])
            }
            ExprKind::Binary { .. } => self.binary(e),
            ExprKind::IfFn {
                cond,
                then,
                otherwise,
            } => self.call_form("if", &[cond, then, otherwise], close),
            ExprKind::IfNull { value, fallback } => {
                self.call_form("ifnull", &[value, fallback], close)
            }
            ExprKind::IsNull { value, negated } => {
                let needs = precedence(value) <= 4;
                let test = if *negated { " is not null" } else { " is null" };
                concat(vec![self.operand(value, needs), text(test)])
            }
            ExprKind::In {
                needle,
                haystack,
                negated,
            } => {
                let needle = self.operand(needle, precedence(needle) < 4);
                let op = if *negated { " not in " } else { " in " };
                let haystack = self.operand(haystack, precedence(haystack) <= 4);
                concat(vec![needle, text(op), haystack])
            }
            ExprKind::TypedList { ty, args } => {
                // `list` as written: `List:String()`, `list:Int()`.
                let list = self
                    .src
                    .text
                    .get(inner.start..inner.start + 4)
                    .unwrap_or("list");
                let head = text(format!("{list}:{}", ty.name));
                concat(vec![head, self.args(args, close)])
            }
            ExprKind::List(items) => {
                let brackets = if self.src.text.as_bytes().get(inner.start) == Some(&b'[') {
                    ("[", "]")
                } else {
                    ("{", "}")
                };
                self.delimited(brackets, items, close, |x| x.span, Self::expr)
            }
            ExprKind::Map(entries) => {
                self.delimited(("{", "}"), entries, close, |x| x.span, Self::map_entry)
            }
            ExprKind::EmptyBraces => text("{}"),
            // Only in trees with syntax errors, which are never laid out.
            ExprKind::Error => text(self.src.slice(inner).to_owned()),
        }
    }

    fn literal(&self, lit: &Literal, at: Span) -> Doc {
        match lit {
            Literal::Bool(true) => text("true"),
            Literal::Bool(false) => text("false"),
            Literal::Null => text("null"),
            Literal::Number(n) => text(n.to_string()),
            Literal::Text(_) | Literal::SingleQuoted(_) | Literal::Decimal(_) => {
                text(self.src.slice(at).to_owned())
            }
        }
    }

    fn map_entry(&mut self, entry: &MapEntry) -> Doc {
        let key = self.expr(&entry.key);
        let value = self.expr(&entry.value);
        concat(vec![key, text(": "), value])
    }

    pub(super) fn args(&mut self, args: &[Arg], close: usize) -> Doc {
        self.delimited(
            ("(", ")"),
            args,
            close,
            |a| a.span,
            |f, a| match &a.key {
                Some(key) => {
                    let key = f.expr(key);
                    let value = f.expr(&a.value);
                    concat(vec![key, text(": "), value])
                }
                None => f.expr(&a.value),
            },
        )
    }

    /// `if(c, a, b)` and `ifnull(a, b)`: written like calls.
    fn call_form(&mut self, name: &'static str, operands: &[&Expr], close: usize) -> Doc {
        let args = self.delimited(("(", ")"), operands, close, |x| x.span, |f, x| f.expr(x));
        concat(vec![text(name), args])
    }

    /// A chain of operators of one precedence, `a + b - c`, flattened
    /// (operators are left-associative, so the chain runs down the left).
    fn binary(&mut self, e: &Expr) -> Doc {
        let level = precedence(e);
        let mut rights = Vec::new();
        let mut left = e;
        while let ExprKind::Binary { op, lhs, rhs } = &left.kind {
            let inner_parens = !std::ptr::eq(left, e) && self.src.is_parenthesised(left.span);
            if binary_precedence(*op) != level || inner_parens {
                break;
            }
            rights.push((*op, &**rhs));
            left = lhs;
        }
        rights.reverse();
        let first = self.operand(left, precedence(left) < level);
        let mut rest = Docs::new();
        for (op, rhs) in rights {
            let comments = self.after_code(rhs.span.start);
            let operand = self.operand(rhs, precedence(rhs) <= level);
            let step = concat(vec![
                comments,
                Doc::Line,
                text(format!("{} ", op.symbol())),
                operand,
            ]);
            // Arithmetic fills each line; logic and comparisons break at
            // every operator of the chain or at none.
            rest.push(if level >= 5 { group(step) } else { step });
        }
        let chain = concat(vec![first, indent(rest.build())]);
        if level >= 5 { chain } else { group(chain) }
    }

    /// `receiver.method(args).other(args)...`: the receiver, then one
    /// segment per `.`. A chain of three or more segments breaks before
    /// each `.` (the first stays with a plain name: `resp.get("data")`).
    fn chain(&mut self, e: &Expr, close: usize) -> Doc {
        let mut links = Vec::new();
        let mut receiver_of = e;
        while let ExprKind::MethodCall { receiver, .. } | ExprKind::Property { receiver, .. } =
            &receiver_of.kind
        {
            let own_parens =
                !std::ptr::eq(receiver_of, e) && self.src.is_parenthesised(receiver_of.span);
            if own_parens {
                break;
            }
            links.push(receiver_of);
            receiver_of = receiver;
        }
        links.reverse();
        let head = self.operand(receiver_of, precedence(receiver_of) < 8);
        let mut segments = Vec::new();
        for link in &links {
            let close = if std::ptr::eq(*link, e) {
                close
            } else {
                link.span.end - 1
            };
            segments.push(self.segment(link, close));
        }
        if segments.len() < 3 {
            let mut d = Docs::from_iter([head]);
            for (comments, segment) in segments {
                d.push(comments).push(segment);
            }
            return d.build();
        }
        let plain_head = matches!(
            receiver_of.kind,
            ExprKind::Var(_) | ExprKind::ZohoVar { .. }
        ) && !self.src.is_parenthesised(receiver_of.span);
        let mut d = Docs::from_iter([head]);
        let mut broken = Docs::new();
        for (i, (comments, segment)) in segments.into_iter().enumerate() {
            if i == 0 && plain_head {
                d.push(comments).push(segment);
            } else {
                broken.push(comments).push(Doc::SoftLine).push(segment);
            }
        }
        d.push(indent(broken.build()));
        group(d.build())
    }

    /// One `.name(args)` or `.name` of a chain, and the comments before it.
    fn segment(&mut self, link: &Expr, close: usize) -> (Doc, Doc) {
        match &link.kind {
            ExprKind::MethodCall { method, args, .. } => {
                let comments = self.after_code(method.span.start);
                let args = self.args(args, close);
                (
                    comments,
                    concat(vec![text(format!(".{}", method.name)), args]),
                )
            }
            ExprKind::Property { name, .. } => {
                let comments = self.after_code(name.span.start);
                (comments, text(format!(".{}", name.name)))
            }
            _ => (Doc::Nil, Doc::Nil),
        }
    }
}

fn zoho_path(path: &[Ident]) -> String {
    let mut s = String::from("zoho");
    for part in path {
        s.push('.');
        s.push_str(&part.name);
    }
    s
}
