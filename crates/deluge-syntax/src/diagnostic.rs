//! Diagnostics as plain data.
//!
//! Syntax errors, static-check warnings and runtime errors all become a
//! [`Diagnostic`]; one renderer (`render.rs`) turns any of them into text.
//! Codes are stable identifiers listed in [`codes::ALL`] and documented in
//! `docs/errors.md` (a test keeps the two in step).

use crate::span::Span;
use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// A span with an optional message. The primary label is the one the
/// diagnostic's line and column come from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Label {
    pub span: Span,
    pub message: Option<String>,
    pub primary: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// A stable code such as `E101`; see [`codes`].
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub labels: Vec<Label>,
    pub notes: Vec<String>,
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity: Severity::Error,
            message: message.into(),
            labels: Vec::new(),
            notes: Vec::new(),
            help: None,
        }
    }

    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, message)
        }
    }

    /// Adds the primary label (where the problem is).
    pub fn with_primary(mut self, span: Span, message: impl Into<String>) -> Self {
        let message = message.into();
        self.labels.push(Label {
            span,
            message: (!message.is_empty()).then_some(message),
            primary: true,
        });
        self
    }

    /// Adds a secondary label (context, such as the brace that opened a block).
    pub fn with_secondary(mut self, span: Span, message: impl Into<String>) -> Self {
        let message = message.into();
        self.labels.push(Label {
            span,
            message: (!message.is_empty()).then_some(message),
            primary: false,
        });
        self
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// The span the diagnostic is reported at: the primary label's, else the
    /// first label's, else the start of the file.
    pub fn primary_span(&self) -> Span {
        self.labels
            .iter()
            .find(|l| l.primary)
            .or_else(|| self.labels.first())
            .map(|l| l.span)
            .unwrap_or_default()
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    /// `error[E102]: missing `;``, without position (see `render.rs` for that).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}[{}]: {}",
            self.severity.as_str(),
            self.code,
            self.message
        )
    }
}

/// Every diagnostic code, with a one-line title.
///
/// `E1xx` syntax errors, `W2xx` static-check warnings, `E3xx` runtime
/// errors, `E4xx` execution-limit errors, `E5xx` problems with how deluge
/// was invoked on a script (missing function, bad argument).
pub mod codes {
    // Syntax (E1xx)
    pub const UNEXPECTED_TOKEN: &str = "E101";
    pub const MISSING_SEMICOLON: &str = "E102";
    pub const UNCLOSED_DELIMITER: &str = "E103";
    pub const UNTERMINATED_TEXT: &str = "E104";
    pub const UNTERMINATED_COMMENT: &str = "E105";
    pub const INVALID_CHARACTER: &str = "E106";
    pub const NUMBER_OUT_OF_RANGE: &str = "E107";
    pub const BAD_TASK_KEY: &str = "E108";
    pub const DUPLICATE_TASK_KEY: &str = "E109";
    pub const CREATOR_STATEMENT: &str = "E110";
    pub const RESERVED_WORD: &str = "E111";
    pub const NOT_A_CALL_STATEMENT: &str = "E112";
    pub const MIXED_COLLECTION_LITERAL: &str = "E113";
    pub const TOO_DEEPLY_NESTED: &str = "E114";
    pub const BAD_FUNCTION_HEADER: &str = "E115";
    pub const STATEMENT_OUTSIDE_FUNCTION: &str = "E116";
    pub const DUPLICATE_FUNCTION: &str = "E117";
    pub const FORMAT_CHANGES_PROGRAM: &str = "E118";

    // Static checks (W2xx)
    pub const UNDEFINED_VARIABLE: &str = "W201";
    pub const LOOP_CONTROL_OUTSIDE_LOOP: &str = "W202";
    pub const RETURN_VALUE_IN_VOID: &str = "W203";
    pub const UNKNOWN_TASK_KEY: &str = "W204";
    pub const BAD_HTTP_METHOD: &str = "W205";
    pub const UNKNOWN_FUNCTION: &str = "W206";
    pub const UNREACHABLE_CODE: &str = "W207";

    // Runtime (E3xx)
    pub const TYPE_MISMATCH: &str = "E301";
    pub const CONDITION_NOT_BOOLEAN: &str = "E302";
    pub const DIVISION_BY_ZERO: &str = "E303";
    pub const NUMBER_OVERFLOW: &str = "E304";
    pub const NULL_RECEIVER: &str = "E305";
    pub const UNKNOWN_FUNCTION_CALL: &str = "E306";
    pub const INVALID_ARGUMENTS: &str = "E307";
    pub const INDEX_OUT_OF_RANGE: &str = "E308";
    pub const CONVERSION_FAILED: &str = "E309";
    pub const INVALID_JSON: &str = "E310";
    pub const UNDEFINED_VARIABLE_READ: &str = "E311";
    pub const BAD_LOOP_SOURCE: &str = "E312";
    pub const TYPED_LIST_VIOLATION: &str = "E313";
    pub const RETURN_TYPE_MISMATCH: &str = "E314";
    pub const ARGUMENT_TYPE_MISMATCH: &str = "E315";
    pub const MISSING_RETURN: &str = "E316";
    pub const INVALID_REGEX: &str = "E317";
    pub const INVALID_DATE_FORMAT: &str = "E318";
    pub const INVALID_DATETIME: &str = "E319";
    pub const TASK_UNAVAILABLE: &str = "E320";
    pub const EXTERNAL_CALL_FAILED: &str = "E321";
    pub const INVALID_DECIMAL: &str = "E322";
    pub const NOT_SUPPORTED: &str = "E323";
    pub const BAD_TASK_VALUE: &str = "E324";
    pub const LOOP_CONTROL_ESCAPED: &str = "E325";

    // Limits (E4xx)
    pub const STATEMENT_LIMIT: &str = "E401";
    pub const RECURSION_LIMIT: &str = "E402";
    pub const INTERRUPTED: &str = "E403";

    // Invocation (E5xx)
    pub const NO_SUCH_FUNCTION: &str = "E501";
    pub const BAD_ARGUMENT: &str = "E502";
    pub const BAD_PROJECT_FILE: &str = "E503";

    /// Every code with its title, for docs and tooling.
    pub const ALL: &[(&str, &str)] = &[
        (UNEXPECTED_TOKEN, "unexpected token"),
        (MISSING_SEMICOLON, "missing `;`"),
        (UNCLOSED_DELIMITER, "unclosed delimiter"),
        (UNTERMINATED_TEXT, "unterminated text literal"),
        (UNTERMINATED_COMMENT, "unterminated block comment"),
        (INVALID_CHARACTER, "invalid character"),
        (NUMBER_OUT_OF_RANGE, "number literal out of range"),
        (BAD_TASK_KEY, "malformed task-block parameter"),
        (DUPLICATE_TASK_KEY, "task-block key given twice"),
        (CREATOR_STATEMENT, "Zoho Creator statement, not supported"),
        (RESERVED_WORD, "reserved word used as a name"),
        (
            NOT_A_CALL_STATEMENT,
            "expression statement that is not a call",
        ),
        (
            MIXED_COLLECTION_LITERAL,
            "list and map entries mixed in one literal",
        ),
        (TOO_DEEPLY_NESTED, "expression or block nested too deeply"),
        (BAD_FUNCTION_HEADER, "malformed function header"),
        (
            STATEMENT_OUTSIDE_FUNCTION,
            "statement outside a function definition",
        ),
        (DUPLICATE_FUNCTION, "function defined twice"),
        (
            FORMAT_CHANGES_PROGRAM,
            "formatting would change the program",
        ),
        (UNDEFINED_VARIABLE, "variable read but never assigned"),
        (
            LOOP_CONTROL_OUTSIDE_LOOP,
            "`break` or `continue` outside a loop",
        ),
        (
            RETURN_VALUE_IN_VOID,
            "`return` with a value in a `void` function",
        ),
        (UNKNOWN_TASK_KEY, "unknown task-block key"),
        (BAD_HTTP_METHOD, "`type:` is not an HTTP method"),
        (UNKNOWN_FUNCTION, "unknown function"),
        (
            UNREACHABLE_CODE,
            "code after `return`, `break` or `continue`",
        ),
        (TYPE_MISMATCH, "operator applied to the wrong types"),
        (CONDITION_NOT_BOOLEAN, "condition is not a BOOLEAN"),
        (DIVISION_BY_ZERO, "division by zero"),
        (NUMBER_OVERFLOW, "number overflow"),
        (NULL_RECEIVER, "function applied to null"),
        (UNKNOWN_FUNCTION_CALL, "function not found"),
        (INVALID_ARGUMENTS, "invalid arguments"),
        (INDEX_OUT_OF_RANGE, "index out of range"),
        (CONVERSION_FAILED, "value cannot be converted"),
        (INVALID_JSON, "invalid JSON text"),
        (UNDEFINED_VARIABLE_READ, "variable is not defined"),
        (
            BAD_LOOP_SOURCE,
            "`for each` over a value that is not a list",
        ),
        (TYPED_LIST_VIOLATION, "element not valid for a typed list"),
        (RETURN_TYPE_MISMATCH, "return type mismatch"),
        (ARGUMENT_TYPE_MISMATCH, "argument type mismatch"),
        (MISSING_RETURN, "missing return statement"),
        (INVALID_REGEX, "invalid regular expression"),
        (INVALID_DATE_FORMAT, "invalid date-time format pattern"),
        (INVALID_DATETIME, "invalid date-time value"),
        (TASK_UNAVAILABLE, "task not available in this environment"),
        (EXTERNAL_CALL_FAILED, "external call failed"),
        (INVALID_DECIMAL, "invalid decimal result"),
        (NOT_SUPPORTED, "feature not supported by deluge"),
        (BAD_TASK_VALUE, "invalid task-block value"),
        (
            LOOP_CONTROL_ESCAPED,
            "`break` or `continue` ran outside a loop",
        ),
        (STATEMENT_LIMIT, "statement limit exceeded"),
        (RECURSION_LIMIT, "recursion limit exceeded"),
        (INTERRUPTED, "run interrupted"),
        (NO_SUCH_FUNCTION, "function to run not found"),
        (BAD_ARGUMENT, "bad script argument"),
        (BAD_PROJECT_FILE, "bad `deluge.json` project file"),
    ];

    /// The title of a code, if it is one of ours.
    pub fn title(code: &str) -> Option<&'static str> {
        ALL.iter().find(|(c, _)| *c == code).map(|(_, t)| *t)
    }
}
