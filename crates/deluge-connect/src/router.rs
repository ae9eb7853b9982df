//! The router: tries the layers in order, then the network if the policy
//! lets the request out, and logs every request with what answered it.

use crate::http::{HttpRequest, TransportError};
use crate::policy::NetworkPolicy;
use crate::redact::Redactor;
use crate::request_log::{LogEntry, RequestLog};
use crate::transport::{Answer, Layer, Transport};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Instant;

/// Called with each log entry as it is made (`--trace-http`).
pub type TraceSink = Box<dyn Fn(&LogEntry) + Send + Sync>;

pub struct Router {
    layers: Vec<Box<dyn Layer>>,
    network: Box<dyn Transport>,
    policy: NetworkPolicy,
    state: Mutex<State>,
    trace: Option<TraceSink>,
}

#[derive(Default)]
struct State {
    log: RequestLog,
    redactor: Redactor,
}

impl Router {
    /// `layers` answer first, in order; `network` answers what they leave
    /// when `policy` allows it.
    pub fn new(
        layers: Vec<Box<dyn Layer>>,
        network: Box<dyn Transport>,
        policy: NetworkPolicy,
    ) -> Router {
        Router {
            layers,
            network,
            policy,
            state: Mutex::new(State::default()),
            trace: None,
        }
    }

    /// Each log entry is also given to `sink` as it is made.
    pub fn with_trace(mut self, sink: TraceSink) -> Router {
        self.trace = Some(sink);
        self
    }

    pub fn policy(&self) -> NetworkPolicy {
        self.policy
    }

    fn state(&self) -> MutexGuard<'_, State> {
        // A panic while logging leaves a usable log behind.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A copy of the log so far.
    pub fn log(&self) -> RequestLog {
        self.state().log.clone()
    }

    /// Registers a resolved credential: it is masked in every later entry.
    pub fn add_secret(&self, value: &str) {
        self.state().redactor.add_secret(value);
    }

    /// Registers a parameter name whose values are credentials.
    pub fn add_secret_name(&self, name: &str) {
        self.state().redactor.add_name(name);
    }

    /// The text with every known secret masked.
    pub fn redact(&self, text: &str) -> String {
        self.state().redactor.text(text)
    }

    /// A warning not tied to one request.
    pub fn warn(&self, message: &str) {
        let mut state = self.state();
        let masked = state.redactor.text(message);
        state.log.warnings.push(masked);
    }

    /// Sends a request and logs it with `warnings` attached.
    pub fn send(&self, request: &HttpRequest, warnings: &[String]) -> Answer {
        let started = Instant::now();
        let (answer, by) = self.route(request);
        let mut state = self.state();
        let mut entry = LogEntry::new(request, &state.redactor);
        match &answer {
            Ok(response) => entry.status = Some(response.status),
            Err(e) => entry.error = Some(state.redactor.text(&e.to_string())),
        }
        entry.answered_by = by.to_string();
        entry.duration_ms = started.elapsed().as_secs_f64() * 1000.0;
        entry.warnings = warnings.iter().map(|w| state.redactor.text(w)).collect();
        if let Some(trace) = &self.trace {
            trace(&entry);
        }
        state.log.entries.push(entry);
        answer
    }

    fn route(&self, request: &HttpRequest) -> (Answer, &'static str) {
        for layer in &self.layers {
            if let Some(answer) = layer.try_execute(request) {
                return (answer, layer.name());
            }
        }
        match self.policy.check(request) {
            Ok(()) => (self.network.execute(request), "network"),
            Err(reason) => (Err(TransportError::Denied(reason)), "policy"),
        }
    }
}

impl Transport for Router {
    fn execute(&self, request: &HttpRequest) -> Answer {
        self.send(request, &[])
    }
}
