//! What the editor features need to know about one file: its functions,
//! its variables per function (with the kinds their values are known to
//! have), and every occurrence of a name or literal with what it refers
//! to. Built by one walk over the tree (`walk.rs`) on the first request
//! after a change.

use deluge_runtime::value::Kind;
use deluge_syntax::Span;

#[derive(Debug, Default)]
pub struct Index {
    pub functions: Vec<FunctionSymbol>,
    /// One per function body, or one for a bare script.
    pub scopes: Vec<Scope>,
    /// Sorted by start; literals may contain other occurrences.
    pub occurrences: Vec<Occurrence>,
}

/// A function defined in the file.
#[derive(Debug, Clone)]
pub struct FunctionSymbol {
    /// `category.name`, or `name`.
    pub full_name: String,
    /// The name as written in the header, category included.
    pub name_span: Span,
    /// From the return type to the closing `)`.
    pub header_span: Span,
    pub span: Span,
}

/// The variables of one function (Deluge has function scope, spec §6).
#[derive(Debug, Clone, Default)]
pub struct Scope {
    pub span: Span,
    pub variables: Vec<Variable>,
}

#[derive(Debug, Clone)]
pub struct Variable {
    pub name: String,
    /// The parameter, or the first assignment (`None` when the variable is
    /// only read).
    pub definition: Option<Span>,
    /// The declared type of a parameter, as written.
    pub parameter_type: Option<String>,
    /// Each assignment in source order: the offset from which its value is
    /// visible, and the value's kind when it is known without running code.
    pub assignments: Vec<(usize, Option<Kind>)>,
}

impl Variable {
    /// The kind of the value at `offset`: that of the last assignment
    /// before it.
    pub fn kind_at(&self, offset: usize) -> Option<Kind> {
        self.assignments
            .iter()
            .take_while(|(at, _)| *at <= offset)
            .last()
            .and_then(|(_, kind)| *kind)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Symbol {
    Variable {
        scope: usize,
        variable: usize,
    },
    /// A function of the file, by index into [`Index::functions`].
    Function(usize),
    /// `receiver.name(...)` where `name` is a built-in.
    Method {
        name: String,
        receiver: Option<Kind>,
    },
    /// A built-in called without a receiver: a global function, or the
    /// function form of a method (`length(s)`).
    Builtin {
        name: String,
    },
    /// `zoho.a.b` or `zoho.a.b(...)`.
    Zoho {
        path: String,
        call: bool,
    },
    /// `today` or `now` read before the file assigns them.
    Pseudo {
        name: String,
    },
    /// A literal, with its type.
    Literal {
        kind: Kind,
        note: Option<&'static str>,
    },
    /// A key of an `invokeurl` or `sendmail` block.
    TaskKey {
        name: String,
    },
    /// A type name in a function header.
    Type,
    /// `e.message`, `e.lineNo`.
    Property,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Definition,
    Write,
    Read,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Occurrence {
    pub span: Span,
    pub symbol: Symbol,
    pub access: Access,
}

impl Index {
    /// The innermost occurrence at `offset` (a cursor just after a name
    /// still counts as on it).
    pub fn at(&self, offset: usize) -> Option<&Occurrence> {
        self.occurrences
            .iter()
            .take_while(|o| o.span.start <= offset)
            .filter(|o| offset <= o.span.end)
            .min_by_key(|o| (o.span.len(), usize::MAX - o.span.start))
    }

    /// Every occurrence of the symbol, in source order.
    pub fn occurrences_of<'a>(
        &'a self,
        symbol: &'a Symbol,
    ) -> impl Iterator<Item = &'a Occurrence> {
        self.occurrences
            .iter()
            .filter(move |o| same(&o.symbol, symbol))
    }

    /// Where the symbol is defined, if in this file.
    pub fn definition(&self, symbol: &Symbol) -> Option<Span> {
        match symbol {
            Symbol::Variable { scope, variable } => {
                self.scopes
                    .get(*scope)?
                    .variables
                    .get(*variable)?
                    .definition
            }
            Symbol::Function(i) => self.functions.get(*i).map(|f| f.name_span),
            _ => None,
        }
    }

    /// The scope holding `offset`; in a file of functions, outside every
    /// function, none.
    pub fn scope_at(&self, offset: usize) -> Option<usize> {
        self.scopes
            .iter()
            .position(|s| s.span.start <= offset && offset <= s.span.end)
    }

    pub fn variable(&self, scope: usize, variable: usize) -> Option<&Variable> {
        self.scopes.get(scope)?.variables.get(variable)
    }
}

/// Two occurrences refer to the same variable or function. Other symbols
/// (built-ins, literals) have no identity worth navigating.
fn same(a: &Symbol, b: &Symbol) -> bool {
    match (a, b) {
        (Symbol::Variable { .. }, Symbol::Variable { .. })
        | (Symbol::Function(_), Symbol::Function(_)) => a == b,
        _ => false,
    }
}
