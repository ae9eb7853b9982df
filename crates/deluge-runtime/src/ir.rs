//! The resolved tree the evaluator runs.
//!
//! Lowering (`lower/`) turns the AST into this form once, when a script is
//! loaded: variables become slot numbers in their function's frame,
//! single-quoted literals become date-times or text, built-in names become
//! numeric ids, and user-function calls point at their target. The hot loop
//! then does no string look-ups.

use crate::builtins::{DispatchCache, GlobalId, MethodId};
use crate::error::SourceId;
use crate::value::{ElemType, Value};
use deluge_syntax::Span;
use deluge_syntax::ast::{BinaryOp, TaskKind, TypeKind, UnaryOp};

/// Index of a variable in its function's frame.
pub type Slot = u32;

/// Index of a user function in [`crate::program::Program`].
pub type FnIndex = usize;

#[derive(Debug)]
pub struct Function {
    /// `category.name` or `name`, as declared.
    pub name: String,
    /// The declared return type (`Void` for `void`); `None` for a bare
    /// script, which may return anything.
    pub return_type: Option<TypeKind>,
    pub params: Vec<ParamSlot>,
    pub body: Vec<Stmt>,
    /// Names of the frame's slots, for diagnostics and the REPL.
    pub slot_names: Vec<String>,
    pub source: SourceId,
    pub span: Span,
}

#[derive(Debug)]
pub struct ParamSlot {
    pub name: String,
    /// The declared type; `None` accepts any value unchanged.
    pub ty: Option<TypeKind>,
    pub slot: Slot,
}

#[derive(Debug)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
    /// 1-based line where the statement starts (what `e.lineNo` reports).
    pub line: u32,
}

#[derive(Debug)]
pub enum StmtKind {
    Assign {
        slot: Slot,
        value: Expr,
    },
    /// `x op= e`, evaluated as `x = x op e`.
    Compound {
        slot: Slot,
        name: String,
        op: BinaryOp,
        value: Expr,
    },
    Expr(Expr),
    Info(Expr),
    Return(Option<Expr>),
    If {
        branches: Vec<(Expr, Vec<Stmt>)>,
        else_block: Option<Vec<Stmt>>,
    },
    ForEach {
        index: bool,
        slot: Slot,
        iterable: Expr,
        body: Vec<Stmt>,
    },
    Break,
    Continue,
    Try {
        body: Vec<Stmt>,
        error_slot: Slot,
        handler: Vec<Stmt>,
    },
    Task {
        target: Option<Slot>,
        task: Task,
    },
    /// A statement that always fails when run (for example one the parser
    /// could not understand, when running was requested anyway).
    Fail(crate::error::RtError),
    Nothing,
}

#[derive(Debug)]
pub struct Task {
    pub kind: TaskKind,
    pub params: Vec<TaskParam>,
}

#[derive(Debug)]
pub struct TaskParam {
    pub key: String,
    pub value: TaskValue,
}

#[derive(Debug)]
pub enum TaskValue {
    Expr(Expr),
    Attachments(Vec<Expr>),
}

/// Pseudo-variables read without parentheses (§5.6.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pseudo {
    Today,
    Now,
}

#[derive(Debug)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Debug)]
pub enum ExprKind {
    Const(Value),
    Local(Slot),
    /// `today` / `now` that the function never assigns.
    Pseudo(Pseudo),
    /// `today` / `now` that the function assigns somewhere: the variable
    /// once set, the pseudo-variable before.
    LocalOrPseudo(Slot, Pseudo),
    /// A read of a name that is assigned nowhere: fails when evaluated.
    Undefined(String),
    Unary(UnaryOp, Box<Expr>),
    Binary(BinaryOp, Box<Expr>, Box<Expr>),
    /// `a + b + c ...` (three or more operands), evaluated left to right
    /// exactly like nested `+`, but once the running value is TEXT the rest
    /// is appended to one buffer instead of allocating a text per `+`.
    AddChain(Vec<Expr>),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    IfFn(Box<Expr>, Box<Expr>, Box<Expr>),
    IfNull(Box<Expr>, Box<Expr>),
    IsNull(Box<Expr>, bool),
    In {
        needle: Box<Expr>,
        haystack: Box<Expr>,
        negated: bool,
    },
    /// `receiver.method(args)` on a built-in.
    Method {
        receiver: Box<Expr>,
        method: MethodId,
        args: Vec<Arg>,
        /// The arguments, when every one is a constant: passed as they
        /// are, without evaluating or cloning anything.
        const_args: Option<Box<[Value]>>,
        cache: DispatchCache,
    },
    /// `name(args)` of a global built-in (`Map()`, `isNull(x)`, ...).
    Global {
        id: GlobalId,
        args: Vec<Arg>,
    },
    /// `name(receiver, args)`: the function form of a method.
    MethodForm {
        method: MethodId,
        args: Vec<Arg>,
    },
    CallUser {
        function: FnIndex,
        args: Vec<Expr>,
    },
    /// A function the host registered for this program (see `host_fns`).
    HostCall {
        id: crate::host_fns::HostFnId,
        args: Vec<Expr>,
    },
    /// `e.message` / `e.lineNo` on a caught error.
    Property {
        receiver: Box<Expr>,
        name: String,
    },
    /// `zoho.currentdate`, `zoho.loginuser` ...: the lower-case name after
    /// `zoho.`.
    ZohoVar(String),
    /// `zoho.<service>.<task>(args)`, name as written.
    ZohoCall {
        name: String,
        args: Vec<Expr>,
    },
    TypedList {
        elem: ElemType,
        args: Vec<Expr>,
    },
    List(Vec<Expr>),
    Map(Vec<(Expr, Expr)>),
    EmptyCollection,
    /// Always fails with this error when evaluated.
    Fail(crate::error::RtError),
}

/// A call argument; `key` is set for `collection("a" : 1)` entries.
#[derive(Debug)]
pub struct Arg {
    pub key: Option<Expr>,
    pub value: Expr,
}
