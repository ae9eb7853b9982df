//! The request log: every request a run made and what answered it, with
//! credentials masked. `deluge run --trace-http` prints it, the REPL's
//! `:requests` lists it, and test harnesses read it or dump it as JSON.

use crate::http::{CallOrigin, HttpRequest};
use crate::redact::Redactor;
use serde::Serialize;
use std::fmt;

/// One request and its outcome, safe to print.
#[derive(Clone, Debug, Serialize)]
pub struct LogEntry {
    pub method: String,
    /// The URL the script meant (before `base_url_override`).
    pub logical_url: String,
    /// The URL that went on the wire.
    pub url: String,
    pub connection: Option<String>,
    /// `invokeurl`, a task name, `token refresh`, ...
    pub origin: String,
    /// Header names as sent, credential values masked.
    pub headers: Vec<(String, String)>,
    pub status: Option<u16>,
    pub error: Option<String>,
    /// `network`, `policy`, or the name of the layer that answered
    /// (`fixture`, `simulator`).
    pub answered_by: String,
    pub duration_ms: f64,
    pub warnings: Vec<String>,
}

impl LogEntry {
    pub fn new(request: &HttpRequest, redactor: &Redactor) -> LogEntry {
        LogEntry {
            method: request.method.to_string(),
            logical_url: redactor.url(&request.logical_url),
            url: redactor.url(&request.url),
            connection: request.connection.clone(),
            origin: origin_text(&request.origin),
            headers: request
                .headers
                .iter()
                .map(|(n, v)| (n.clone(), redactor.header(n, v)))
                .collect(),
            status: None,
            error: None,
            answered_by: String::new(),
            duration_ms: 0.0,
            warnings: Vec::new(),
        }
    }
}

pub fn origin_text(origin: &CallOrigin) -> String {
    match origin {
        CallOrigin::InvokeUrl => "invokeurl".into(),
        CallOrigin::InvokeApi => "invokeapi".into(),
        CallOrigin::Task(name) => name.clone(),
        CallOrigin::TokenRefresh => "token refresh".into(),
        CallOrigin::SendMail => "sendmail".into(),
    }
}

impl fmt::Display for LogEntry {
    /// `GET https://x.test/a -> 200 (network, 1.2 ms) [link] via invokeurl`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.method, self.logical_url)?;
        if self.url != self.logical_url {
            write!(f, " (sent to {})", self.url)?;
        }
        match (&self.status, &self.error) {
            (Some(status), _) => write!(f, " -> {status}")?,
            (None, Some(error)) => write!(f, " -> error: {error}")?,
            (None, None) => {}
        }
        write!(f, " ({}, {:.1} ms)", self.answered_by, self.duration_ms)?;
        if let Some(link) = &self.connection {
            write!(f, " [{link}]")?;
        }
        write!(f, " via {}", self.origin)?;
        for (name, value) in &self.headers {
            write!(f, "\n    {name}: {value}")?;
        }
        for warning in &self.warnings {
            write!(f, "\n    warning: {warning}")?;
        }
        Ok(())
    }
}

/// The log of one run.
#[derive(Clone, Debug, Default, Serialize)]
pub struct RequestLog {
    pub entries: Vec<LogEntry>,
    /// Warnings not tied to a request (an undefined org variable).
    pub warnings: Vec<String>,
}

impl RequestLog {
    /// One JSON object per line.
    pub fn to_json_lines(&self) -> String {
        self.entries
            .iter()
            .filter_map(|e| serde_json::to_string(e).ok())
            .map(|line| line + "\n")
            .collect()
    }

    /// How many requests the network answered (the "external calls" count).
    pub fn network_calls(&self) -> usize {
        self.entries
            .iter()
            .filter(|e| e.answered_by == "network")
            .count()
    }
}
