//! Who answers a request.
//!
//! A [`Transport`] answers every request it is given (the real network
//! does). A [`Layer`] answers only the requests it claims (a fixture rule
//! that matches, the simulator for Zoho hosts) and passes the rest on. The
//! router tries its layers in order and falls back to a transport, recording
//! in the request log which of them answered.

use crate::http::{HttpRequest, HttpResponse, TransportError};

pub type Answer = Result<HttpResponse, TransportError>;

/// Answers every request: the end of the chain.
pub trait Transport: Send + Sync {
    fn execute(&self, request: &HttpRequest) -> Answer;
}

/// Answers the requests it claims and passes on the rest.
pub trait Layer: Send + Sync {
    /// A short name for the request log (`fixture`, `simulator`).
    fn name(&self) -> &'static str;

    /// `None` passes the request to the next layer.
    fn try_execute(&self, request: &HttpRequest) -> Option<Answer>;
}
