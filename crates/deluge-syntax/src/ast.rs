//! The abstract syntax tree of a Deluge script.
//!
//! Every node carries the byte [`Span`] of the source it came from. The tree
//! is plain data: no chumsky or logos type appears here, and nothing in it
//! depends on evaluation. Where the parser recovered from a mistake it leaves
//! an `Error` node and reports a diagnostic, so a tree always exists.
//!
//! Names follow `docs/grammar.md`; where a choice is made at run time
//! (is `a.b(...)` a method call or a call of user function `a.b`?) the tree
//! keeps the neutral form and the runtime decides (language spec §3 rule 1).

use crate::span::Span;

/// A whole source file: either a list of statements or a list of function
/// definitions (language spec §3 rule 10).
#[derive(Debug, Clone, PartialEq)]
pub struct Script {
    pub body: ScriptBody,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ScriptBody {
    /// A bare statement list, run top to bottom.
    Statements(Vec<Stmt>),
    /// One or more function definitions.
    Functions(Vec<FunctionDef>),
}

/// An identifier as written, with its span. Variable names are case-sensitive;
/// keywords and function names are compared case-insensitively by consumers.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Ident {
    pub name: String,
    pub span: Span,
}

/// `string standalone.name(int id, map data) { ... }`
#[derive(Debug, Clone, PartialEq)]
pub struct FunctionDef {
    pub return_type: TypeName,
    /// `standalone` in `string standalone.name(...)`.
    pub category: Option<Ident>,
    pub name: Ident,
    pub params: Vec<Param>,
    pub body: Block,
    /// The header, from the return type to the closing `)`.
    pub header_span: Span,
    pub span: Span,
}

impl FunctionDef {
    /// `category.name`, or `name` when there is no category.
    pub fn full_name(&self) -> String {
        match &self.category {
            Some(cat) => format!("{}.{}", cat.name, self.name.name),
            None => self.name.name.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    pub ty: TypeName,
    pub name: Ident,
    pub span: Span,
}

/// A type name in a function header (language spec §8.2), in any letter case.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeName {
    pub kind: TypeKind,
    /// The name as written (`String`, `int`, `key-value`, ...).
    pub text: String,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TypeKind {
    /// `string`, `text`
    Text,
    /// `int`, `integer`, `long`, `number`, `bigint`
    Number,
    /// `decimal`, `float`, `double`
    Decimal,
    /// `bool`, `boolean`
    Bool,
    /// `date`, `datetime`, `timestamp`, `time`
    DateTime,
    /// `map`, `key-value`
    Map,
    /// `list`
    List,
    /// `collection`
    Collection,
    /// `void` (return type only)
    Void,
}

impl TypeKind {
    /// Recognise a type name of §8.2, case-insensitively.
    pub fn from_name(name: &str) -> Option<TypeKind> {
        let lower = name.to_ascii_lowercase();
        Some(match lower.as_str() {
            "string" | "text" => TypeKind::Text,
            "int" | "integer" | "long" | "number" | "bigint" => TypeKind::Number,
            "decimal" | "float" | "double" => TypeKind::Decimal,
            "bool" | "boolean" => TypeKind::Bool,
            "date" | "datetime" | "timestamp" | "time" => TypeKind::DateTime,
            "map" | "key-value" => TypeKind::Map,
            "list" => TypeKind::List,
            "collection" => TypeKind::Collection,
            "void" => TypeKind::Void,
            _ => return None,
        })
    }
}

/// `{ statements }`
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub stmts: Vec<Stmt>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum StmtKind {
    /// `x = e;`, `x += e;` ...
    Assign {
        target: Ident,
        op: AssignOp,
        value: Expr,
    },
    /// `r = invokeurl [ ... ];`
    AssignTask {
        target: Ident,
        task: TaskBlock,
    },
    /// A call used as a statement: `l.add(1);`, `f(x);`.
    Expr(Expr),
    /// `info e;`
    Info(Expr),
    /// `return;` / `return e;`
    Return(Option<Expr>),
    /// `if (c) {..} else if (c) {..} else {..}`; `branches` is never empty.
    If {
        branches: Vec<IfBranch>,
        else_block: Option<Block>,
    },
    /// `for each x in e {..}` / `for each index i in e {..}`
    ForEach {
        index: bool,
        var: Ident,
        iterable: Expr,
        body: Block,
    },
    Break,
    Continue,
    /// `try {..} catch (e) {..}`
    Try {
        body: Block,
        error_var: Ident,
        handler: Block,
    },
    /// `invokeurl [...]` or `sendmail [...]` as a statement.
    Task(TaskBlock),
    /// A lone `;`.
    Empty,
    /// A Zoho Creator statement (`insert into`, `alert`, `input.X = ..`, ...),
    /// recognised and reported once; never executed.
    Creator {
        what: String,
    },
    /// The parser could not make sense of this statement; a diagnostic says why.
    Error,
}

#[derive(Debug, Clone, PartialEq)]
pub struct IfBranch {
    pub condition: Expr,
    pub body: Block,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AssignOp {
    /// `=`
    Set,
    /// `+=`
    Add,
    /// `-=`
    Sub,
    /// `*=`
    Mul,
    /// `/=`
    Div,
    /// `%=`
    Rem,
}

impl AssignOp {
    /// The binary operator a compound assignment applies (`x += e` is `x = x + e`).
    pub fn binary(self) -> Option<BinaryOp> {
        Some(match self {
            AssignOp::Set => return None,
            AssignOp::Add => BinaryOp::Add,
            AssignOp::Sub => BinaryOp::Sub,
            AssignOp::Mul => BinaryOp::Mul,
            AssignOp::Div => BinaryOp::Div,
            AssignOp::Rem => BinaryOp::Rem,
        })
    }
}

/// `invokeurl [ key: value ... ]` / `sendmail [ ... ]`
#[derive(Debug, Clone, PartialEq)]
pub struct TaskBlock {
    pub kind: TaskKind,
    /// Span of the `invokeurl` / `sendmail` keyword (errors report its line).
    pub keyword_span: Span,
    pub params: Vec<TaskParam>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TaskKind {
    InvokeUrl,
    SendMail,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TaskParam {
    pub key: TaskKey,
    pub value: TaskValue,
    pub span: Span,
}

/// A task-block key such as `url`, `content-type` or `reply to`.
#[derive(Debug, Clone, PartialEq)]
pub struct TaskKey {
    /// Normalised: lower case, words joined by a single space or by `-` as
    /// written (`Content Type` becomes `content type`, `Content-Type`
    /// becomes `content-type`).
    pub name: String,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum TaskValue {
    /// Any expression. A bare word such as `GET`, `HTML` or `my_conn` is an
    /// `ExprKind::Var`; whether it names a variable or stands for its own
    /// text is decided by the runtime (language spec §7.10, §7.11).
    Expr(Expr),
    /// `attachments: file: a, file: b` (sendmail only).
    Attachments(Vec<Expr>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    Literal(Literal),
    /// A variable read (also `today` / `now` written without parentheses).
    Var(Ident),
    /// `name(args)`: a built-in or user function call.
    Call {
        name: Ident,
        args: Vec<Arg>,
    },
    /// `receiver.method(args)`. Also `a.b(args)` where `a` may turn out to
    /// be the category of a user function (decided at run time).
    MethodCall {
        receiver: Box<Expr>,
        method: Ident,
        args: Vec<Arg>,
    },
    /// `receiver.name` without parentheses (only `e.message`, `e.lineNo`).
    Property {
        receiver: Box<Expr>,
        name: Ident,
    },
    /// `zoho.a.b` read as a value (system variable, §5.10).
    ZohoVar {
        path: Vec<Ident>,
    },
    /// `zoho.a.b(args)`: an integration task or `zoho.encryption.*`.
    ZohoCall {
        path: Vec<Ident>,
        args: Vec<Arg>,
    },
    Unary {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    Binary {
        op: BinaryOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    /// `if(cond, a, b)` as an expression; only the chosen branch runs.
    IfFn {
        cond: Box<Expr>,
        then: Box<Expr>,
        otherwise: Box<Expr>,
    },
    /// `ifnull(a, b)`; `b` runs only when `a` is null.
    IfNull {
        value: Box<Expr>,
        fallback: Box<Expr>,
    },
    /// `x is null` / `x is not null`.
    IsNull {
        value: Box<Expr>,
        negated: bool,
    },
    /// `x in l` / `x not in l` (true when `l.contains(x)`).
    In {
        needle: Box<Expr>,
        haystack: Box<Expr>,
        negated: bool,
    },
    /// `list:String(args)`: a typed list constructor; `ty` as written.
    TypedList {
        ty: Ident,
        args: Vec<Arg>,
    },
    /// `{a, b}` or `[a, b]`, and `[]`.
    List(Vec<Expr>),
    /// `{k: v, ...}` with at least one entry.
    Map(Vec<MapEntry>),
    /// `{}`: an empty COLLECTION (§5.9).
    EmptyBraces,
    /// Recovery placeholder; a diagnostic says what went wrong.
    Error,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MapEntry {
    pub key: Expr,
    pub value: Expr,
    pub span: Span,
}

/// A call argument: a plain value or a `key : value` entry
/// (`collection("a" : 1)`, language spec §3 rule 11).
#[derive(Debug, Clone, PartialEq)]
pub struct Arg {
    pub key: Option<Expr>,
    pub value: Expr,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Literal {
    /// A double-quoted text with escapes already applied.
    Text(String),
    /// A single-quoted literal, escapes applied. The runtime decides whether
    /// it is a date-time or text (language spec §2.4.2).
    SingleQuoted(String),
    Number(i64),
    Decimal(f64),
    Bool(bool),
    Null,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    /// `!`
    Not,
    /// `-`
    Neg,
    /// `+`
    Plus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BinaryOp {
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    And,
    Or,
}

impl BinaryOp {
    /// The operator as written in source.
    pub fn symbol(self) -> &'static str {
        match self {
            BinaryOp::Add => "+",
            BinaryOp::Sub => "-",
            BinaryOp::Mul => "*",
            BinaryOp::Div => "/",
            BinaryOp::Rem => "%",
            BinaryOp::Eq => "==",
            BinaryOp::Ne => "!=",
            BinaryOp::Lt => "<",
            BinaryOp::Le => "<=",
            BinaryOp::Gt => ">",
            BinaryOp::Ge => ">=",
            BinaryOp::And => "&&",
            BinaryOp::Or => "||",
        }
    }
}

impl UnaryOp {
    pub fn symbol(self) -> &'static str {
        match self {
            UnaryOp::Not => "!",
            UnaryOp::Neg => "-",
            UnaryOp::Plus => "+",
        }
    }
}
