//! The kind of a value where the source alone tells it: literals,
//! constructors, typed parameters, and operators over those. Anything that
//! needs running code (a method's result, a task's response) is unknown.

use deluge_runtime::value::Kind;
use deluge_syntax::ast::{BinaryOp, Expr, ExprKind, Literal, TypeKind, UnaryOp};
use jiff::civil::Date;
use jiff::tz::TimeZone;

/// Infers kinds; `today` anchors two-digit years when a single-quoted
/// literal is tried as a date-time, as when a script is loaded.
pub struct Inference {
    today: Date,
}

impl Inference {
    pub fn new() -> Inference {
        Inference {
            today: TimeZone::UTC.to_datetime(jiff::Timestamp::now()).date(),
        }
    }

    /// The kind of `expr`; `variable` gives the kind a variable has at the
    /// point of use, when known.
    pub fn kind(&self, expr: &Expr, variable: &dyn Fn(&str) -> Option<Kind>) -> Option<Kind> {
        match &expr.kind {
            ExprKind::Literal(literal) => Some(self.literal(literal)),
            ExprKind::Var(name) => variable(&name.name),
            ExprKind::List(_) | ExprKind::TypedList { .. } => Some(Kind::List),
            ExprKind::Map(_) => Some(Kind::Map),
            ExprKind::EmptyBraces => Some(Kind::EmptyCollection),
            ExprKind::Call { name, args } => constructor(&name.name, args.len()),
            ExprKind::IsNull { .. } | ExprKind::In { .. } => Some(Kind::Bool),
            ExprKind::Unary { op, operand } => match op {
                UnaryOp::Not => Some(Kind::Bool),
                UnaryOp::Neg | UnaryOp::Plus => self.kind(operand, variable),
            },
            ExprKind::Binary { op, lhs, rhs } => {
                let (l, r) = (self.kind(lhs, variable), self.kind(rhs, variable));
                binary(*op, l, r)
            }
            ExprKind::IfFn {
                then, otherwise, ..
            } => {
                let (a, b) = (self.kind(then, variable), self.kind(otherwise, variable));
                (a == b).then_some(a).flatten()
            }
            ExprKind::IfNull { value, fallback } => self
                .kind(value, variable)
                .or_else(|| self.kind(fallback, variable)),
            _ => None,
        }
    }

    pub fn literal(&self, literal: &Literal) -> Kind {
        match literal {
            Literal::Text(_) => Kind::Text,
            Literal::SingleQuoted(text) => {
                let date =
                    deluge_runtime::datetime::parse::parse_text(text, self.today, &TimeZone::UTC);
                if date.is_some() {
                    Kind::DateTime
                } else {
                    Kind::Text
                }
            }
            Literal::Number(_) => Kind::Number,
            Literal::Decimal(_) => Kind::Decimal,
            Literal::Bool(_) => Kind::Bool,
            Literal::Null => Kind::Null,
        }
    }
}

/// `Map()`, `List()`, `Collection(...)`.
fn constructor(name: &str, args: usize) -> Option<Kind> {
    if name.eq_ignore_ascii_case("map") {
        Some(Kind::Map)
    } else if name.eq_ignore_ascii_case("list") {
        Some(Kind::List)
    } else if name.eq_ignore_ascii_case("collection") && args == 0 {
        Some(Kind::EmptyCollection)
    } else {
        None
    }
}

/// The result kind of an operator (language spec §4), where the operand
/// kinds decide it.
pub fn binary(op: BinaryOp, lhs: Option<Kind>, rhs: Option<Kind>) -> Option<Kind> {
    use BinaryOp::*;
    match op {
        Eq | Ne | Lt | Le | Gt | Ge | And | Or => Some(Kind::Bool),
        Add if lhs == Some(Kind::Text) || rhs == Some(Kind::Text) => Some(Kind::Text),
        Add | Sub | Mul | Div | Rem => match (lhs?, rhs?) {
            // N / N is N when the division is exact, else D (spec §4.3).
            (Kind::Number, Kind::Number) if op == Div => None,
            (Kind::Number, Kind::Number) => Some(Kind::Number),
            (Kind::Number | Kind::Decimal, Kind::Number | Kind::Decimal) => Some(Kind::Decimal),
            _ => None,
        },
    }
}

/// The kind a parameter of this declared type holds.
pub fn parameter(kind: TypeKind) -> Option<Kind> {
    Some(match kind {
        TypeKind::Text => Kind::Text,
        TypeKind::Number => Kind::Number,
        TypeKind::Decimal => Kind::Decimal,
        TypeKind::Bool => Kind::Bool,
        TypeKind::DateTime => Kind::DateTime,
        TypeKind::Map => Kind::Map,
        TypeKind::List => Kind::List,
        TypeKind::Collection => Kind::EmptyCollection,
        TypeKind::Void => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind_of(source: &str) -> Option<Kind> {
        let (expr, diagnostics) = deluge_syntax::parse_expression(source);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let expr = expr.expect("an expression");
        Inference::new().kind(&expr, &|name| (name == "m").then_some(Kind::Map))
    }

    #[test]
    fn literals_and_constructors() {
        assert_eq!(kind_of("\"a\""), Some(Kind::Text));
        assert_eq!(kind_of("'01-Jan-2024'"), Some(Kind::DateTime));
        assert_eq!(kind_of("'code'"), Some(Kind::Text));
        assert_eq!(kind_of("1.5"), Some(Kind::Decimal));
        assert_eq!(kind_of("{1, 2}"), Some(Kind::List));
        assert_eq!(kind_of("{\"a\": 1}"), Some(Kind::Map));
        assert_eq!(kind_of("{}"), Some(Kind::EmptyCollection));
        assert_eq!(kind_of("map()"), Some(Kind::Map));
        assert_eq!(kind_of("List()"), Some(Kind::List));
    }

    #[test]
    fn operators_and_variables() {
        assert_eq!(kind_of("\"n = \" + 1"), Some(Kind::Text));
        assert_eq!(kind_of("1 + 2"), Some(Kind::Number));
        assert_eq!(kind_of("1 / 2"), None);
        assert_eq!(kind_of("1.0 / 2"), Some(Kind::Decimal));
        assert_eq!(kind_of("x > 1"), Some(Kind::Bool));
        assert_eq!(kind_of("m"), Some(Kind::Map));
        assert_eq!(kind_of("x"), None);
        assert_eq!(kind_of("s.trim()"), None);
    }
}
