//! Why a call through a connection failed (integrations spec §7).

use crate::http::TransportError;
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConnectError {
    /// The link name is not in the connections file.
    UnknownLink(String),
    /// A `${env:NAME}` of the link has no value and no fallback.
    Unset { link: String, variable: String },
    /// A `${...}` of the link is not a well-formed reference.
    Malformed { link: String, field: String },
    /// No token: the refresh was refused or could not be made.
    NotAuthorized { link: String, reason: String },
    /// A task named no connection and none is the default.
    NotSpecified(String),
    /// The request got no HTTP answer.
    Transport(TransportError),
}

impl ConnectError {
    /// The message a script sees; `caller` (`invokeurl`, a task name)
    /// prefixes transport failures as Zoho does.
    pub fn message(&self, caller: &str, url: Option<&url::Url>) -> String {
        match self {
            ConnectError::Transport(e) => transport_message(e, caller, url),
            other => other.to_string(),
        }
    }
}

fn transport_message(e: &TransportError, caller: &str, url: Option<&url::Url>) -> String {
    let host = url.and_then(|u| u.host_str()).unwrap_or("the server");
    match e {
        TransportError::Connect(reason)
        | TransportError::Dns(reason)
        | TransportError::Tls(reason) => {
            format!("{caller}: unable to connect to {host}: {reason}")
        }
        other => format!("{caller}: {other}"),
    }
}

impl fmt::Display for ConnectError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConnectError::UnknownLink(name) => write!(f, "Connection '{name}' does not exist"),
            ConnectError::Unset { link, variable } => {
                write!(
                    f,
                    "Connection '{link}': environment variable {variable} is not set"
                )
            }
            ConnectError::Malformed { link, field } => {
                write!(
                    f,
                    "Connection '{link}': malformed ${{env:...}} reference in {field}"
                )
            }
            ConnectError::NotAuthorized { link, reason } => {
                write!(f, "Connection '{link}' is not authorized: {reason}")
            }
            ConnectError::NotSpecified(task) => write!(f, "Connection not specified for {task}"),
            ConnectError::Transport(e) => e.fmt(f),
        }
    }
}

impl From<TransportError> for ConnectError {
    fn from(e: TransportError) -> Self {
        ConnectError::Transport(e)
    }
}
