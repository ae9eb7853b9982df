//! Runtime errors (language spec §9).
//!
//! A runtime error is a value: a code, the message of §9.2, the span of the
//! failing expression, the line of the failing statement (what `e.lineNo`
//! reports) and the trace of user-function calls. Built-in functions create
//! errors without a span; the evaluator adds the call site's span (only if
//! the built-in did not set one) as the error passes through it.

use deluge_syntax::{Diagnostic, Span, codes};

/// Which loaded source a span refers to (the script, or a file loaded
/// beside it).
pub type SourceId = usize;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TraceFrame {
    /// The called function's name, as declared.
    pub function: String,
    /// Where it was called.
    pub call_span: Span,
    pub source: SourceId,
}

/// Boxed so that `Result<Value, RtError>` stays small on the hot path;
/// fields are reached through `Deref`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RtError(Box<ErrorData>);

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorData {
    pub code: &'static str,
    pub message: String,
    pub span: Option<Span>,
    pub source: Option<SourceId>,
    /// 1-based line of the statement that failed.
    pub line: Option<usize>,
    /// Innermost call first.
    pub trace: Vec<TraceFrame>,
    /// Limit errors stop the run; `try/catch` cannot catch them (§7.8).
    pub catchable: bool,
}

pub type RtResult<T> = Result<T, RtError>;

impl RtError {
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        RtError(Box::new(ErrorData {
            code,
            message: message.into(),
            span: None,
            source: None,
            line: None,
            trace: Vec::new(),
            catchable: true,
        }))
    }

    /// An execution-limit error, which `try/catch` cannot catch.
    pub fn limit(code: &'static str, message: impl Into<String>) -> Self {
        let mut err = RtError::new(code, message);
        err.catchable = false;
        err
    }

    /// Sets the span unless a more precise one is already there.
    pub fn at(mut self, span: Span, source: SourceId) -> Self {
        if self.span.is_none() {
            self.span = Some(span);
            self.source = Some(source);
        }
        self
    }

    /// `Left expression is of type X and right expression is of type Y and
    /// operator + is not valid` (the documented template).
    pub fn binary_types(op: &str, left: &str, right: &str) -> Self {
        RtError::new(
            codes::TYPE_MISMATCH,
            format!(
                "Left expression is of type {left} and right expression is of type {right} and operator {op} is not valid"
            ),
        )
    }

    pub fn unary_type(op: &str, ty: &str) -> Self {
        RtError::new(
            codes::TYPE_MISMATCH,
            format!("Operator {op} is not valid for type {ty}"),
        )
    }

    pub fn invalid_args(function: &str) -> Self {
        RtError::new(
            codes::INVALID_ARGUMENTS,
            format!("Invalid arguments for function '{function}'"),
        )
    }

    pub fn null_receiver(function: &str) -> Self {
        RtError::new(
            codes::NULL_RECEIVER,
            format!("Value is empty and '{function}' function cannot be applied"),
        )
    }

    pub fn not_found(function: &str) -> Self {
        RtError::new(
            codes::UNKNOWN_FUNCTION_CALL,
            format!("Not able to find '{function}' function"),
        )
    }

    /// A read of a name that is never assigned (language spec §6).
    pub fn undefined(name: &str) -> Self {
        RtError::new(
            codes::UNDEFINED_VARIABLE_READ,
            format!("Variable '{name}' is not defined"),
        )
    }

    pub fn list_index(index: i64, size: usize) -> Self {
        RtError::new(
            codes::INDEX_OUT_OF_RANGE,
            format!("Index {index} is out of range for a list of size {size}"),
        )
    }

    pub fn text_index(index: i64, length: usize) -> Self {
        RtError::new(
            codes::INDEX_OUT_OF_RANGE,
            format!("Index {index} is out of range for a text of length {length}"),
        )
    }

    pub fn overflow() -> Self {
        RtError::new(codes::NUMBER_OVERFLOW, "Number overflow")
    }

    pub fn division_by_zero() -> Self {
        RtError::new(codes::DIVISION_BY_ZERO, "Division by zero")
    }

    pub fn invalid_decimal() -> Self {
        RtError::new(codes::INVALID_DECIMAL, "Invalid decimal result")
    }

    pub fn invalid_json() -> Self {
        RtError::new(codes::INVALID_JSON, "Invalid JSON text")
    }

    pub fn invalid_datetime(text: &str) -> Self {
        RtError::new(
            codes::INVALID_DATETIME,
            format!("Invalid date-time value '{text}'"),
        )
    }

    /// `Cannot convert '12a' to NUMBER`.
    pub fn conversion(text: &str, target: &str) -> Self {
        RtError::new(
            codes::CONVERSION_FAILED,
            format!("Cannot convert '{text}' to {target}"),
        )
    }

    /// The diagnostic the CLI renders for an uncaught error.
    pub fn to_diagnostic(&self) -> Diagnostic {
        let mut d = Diagnostic::error(self.code, self.message.clone());
        if let Some(span) = self.span {
            d = d.with_primary(span, "this failed");
        }
        if let Some(line) = self.line {
            d = d.with_note(format!("Error at line number : {line} : {}", self.message));
        }
        for frame in &self.trace {
            d = d.with_note(format!("in a call of {}", frame.function));
        }
        d
    }
}

impl std::ops::Deref for RtError {
    type Target = ErrorData;
    fn deref(&self) -> &ErrorData {
        &self.0
    }
}

impl std::ops::DerefMut for RtError {
    fn deref_mut(&mut self) -> &mut ErrorData {
        &mut self.0
    }
}

impl RtError {
    /// The message, moved out.
    pub fn into_message(self) -> String {
        self.0.message
    }
}

impl std::fmt::Display for RtError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "Error at line number : {line} : {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for RtError {}
