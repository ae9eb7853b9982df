//! The server loop: the protocol's life cycle (initialize, shutdown, exit),
//! open documents and their diagnostics. Requests are answered in
//! `requests.rs`.
//!
//! Everything runs on one thread, one message at a time: every request is
//! answered in microseconds to milliseconds, so there is nothing to gain
//! from concurrency. Diagnostics are published once no message is waiting,
//! so a burst of keystrokes is checked once, after its last change.

use crate::capabilities;
use crate::config::{Config, folder_of};
use crate::document::Document;
use crate::transport::{Channels, Incoming, Invalid, Outgoing};
use crate::{diagnostics, requests};
use lsp_server::{ErrorCode, Message, Notification, Request, Response, ResponseError};
use lsp_types::notification::{
    DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, Notification as _,
    PublishDiagnostics,
};
use lsp_types::{PublishDiagnosticsParams, Uri};
use serde::de::DeserializeOwned;
use std::collections::{BTreeSet, HashMap};
use std::panic::{AssertUnwindSafe, catch_unwind};

/// How the session ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    /// `exit` after `shutdown`.
    Clean,
    /// `exit` without `shutdown`, or the input ended first; the protocol
    /// asks for exit status 1.
    WithoutShutdown,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    Uninitialized,
    Running,
    ShutDown,
}

/// Serves one client until `exit` or the end of its input.
pub fn serve(channels: Channels, config: Config) -> Ending {
    let mut server = Server {
        config,
        phase: Phase::Uninitialized,
        documents: HashMap::new(),
        unpublished: BTreeSet::new(),
        outgoing: channels.outgoing,
    };
    while let Ok(item) = channels.incoming.recv() {
        if let Some(ending) = server.handle(item) {
            return ending;
        }
        if channels.incoming.is_empty() {
            server.publish_diagnostics();
        }
    }
    match server.phase {
        Phase::ShutDown => Ending::Clean,
        _ => Ending::WithoutShutdown,
    }
}

pub struct Server {
    config: Config,
    phase: Phase,
    pub documents: HashMap<Uri, Document>,
    /// Documents changed since their diagnostics were last published.
    unpublished: BTreeSet<Uri>,
    outgoing: crossbeam_channel::Sender<Outgoing>,
}

impl Server {
    fn handle(&mut self, item: Incoming) -> Option<Ending> {
        match item {
            Incoming::Invalid(invalid) => self.reject(invalid),
            Incoming::Message(Message::Request(request)) => self.request(request),
            Incoming::Message(Message::Notification(n)) => return self.notification(n),
            // The server sends no requests, so no response is awaited.
            Incoming::Message(Message::Response(_)) => {}
        }
        None
    }

    /// The layout options for a document, from its folder's project file.
    pub fn format_options(&self, uri: &Uri) -> Result<deluge_fmt::FmtOptions, String> {
        (self.config.format_options)(folder_of(uri).as_deref())
    }

    fn send(&self, message: impl Into<Message>) {
        // The writer stops only when the client is gone; nothing to do then.
        let _ = self.outgoing.send(Outgoing::Message(message.into()));
    }

    fn reject(&self, invalid: Invalid) {
        let error = ResponseError {
            code: invalid.code as i32,
            message: invalid.message,
            data: None,
        };
        let _ = self.outgoing.send(match invalid.id {
            Some(id) => Outgoing::Message(Message::Response(Response {
                id,
                response_result: Err(error),
            })),
            None => Outgoing::ErrorWithoutId(error),
        });
    }

    fn request(&mut self, request: Request) {
        let Request { id, method, params } = request;
        let result = match (self.phase, method.as_str()) {
            (Phase::Uninitialized, "initialize") => {
                self.phase = Phase::Running;
                to_value(capabilities::initialize_result())
            }
            (Phase::Uninitialized, _) => Err(error(
                ErrorCode::ServerNotInitialized,
                "the server is not initialized yet",
            )),
            (Phase::Running, "initialize") => Err(error(
                ErrorCode::InvalidRequest,
                "the server is already initialized",
            )),
            (Phase::Running, "shutdown") => {
                self.phase = Phase::ShutDown;
                Ok(serde_json::Value::Null)
            }
            (Phase::Running, _) => guarded(&method, || requests::answer(self, &method, params)),
            (Phase::ShutDown, _) => Err(error(
                ErrorCode::InvalidRequest,
                "the server is shutting down",
            )),
        };
        self.send(Response {
            id,
            response_result: result,
        });
    }

    fn notification(&mut self, n: Notification) -> Option<Ending> {
        match (self.phase, n.method.as_str()) {
            (Phase::ShutDown, "exit") => return Some(Ending::Clean),
            (_, "exit") => return Some(Ending::WithoutShutdown),
            // Before `initialize`, notifications are dropped (the protocol says so).
            (Phase::Uninitialized, _) => {}
            (_, method) => {
                let method = method.to_string();
                let outcome = guarded(&method, || self.document_notification(&method, n.params));
                if let Err(e) = outcome {
                    // A notification has no response; the client's log
                    // (our standard error) is the place to say so.
                    eprintln!("deluge lsp: {method}: {}", e.message);
                }
            }
        }
        None
    }

    fn document_notification(
        &mut self,
        method: &str,
        params: serde_json::Value,
    ) -> Result<serde_json::Value, ResponseError> {
        match method {
            DidOpenTextDocument::METHOD => {
                let p: lsp_types::DidOpenTextDocumentParams = parse(params)?;
                let doc = Document::new(p.text_document.text, p.text_document.version);
                self.documents.insert(p.text_document.uri.clone(), doc);
                self.unpublished.insert(p.text_document.uri);
            }
            DidChangeTextDocument::METHOD => {
                let p: lsp_types::DidChangeTextDocumentParams = parse(params)?;
                let uri = p.text_document.uri;
                let doc = self.documents.get_mut(&uri).ok_or_else(|| not_open(&uri))?;
                doc.change(p.content_changes, p.text_document.version);
                self.unpublished.insert(uri);
            }
            DidCloseTextDocument::METHOD => {
                let p: lsp_types::DidCloseTextDocumentParams = parse(params)?;
                let uri = p.text_document.uri;
                self.documents.remove(&uri);
                self.unpublished.remove(&uri);
                // Closing a file clears its problems from the editor's list.
                self.notify::<PublishDiagnostics>(PublishDiagnosticsParams {
                    uri,
                    diagnostics: Vec::new(),
                    version: None,
                });
            }
            // Saves, configuration changes, cancellations and the like
            // change nothing here.
            _ => {}
        }
        Ok(serde_json::Value::Null)
    }

    fn notify<N: lsp_types::notification::Notification>(&self, params: N::Params) {
        self.send(Notification::new(N::METHOD.to_string(), params));
    }

    fn publish_diagnostics(&mut self) {
        for uri in std::mem::take(&mut self.unpublished) {
            if let Some(doc) = self.documents.get(&uri) {
                self.notify::<PublishDiagnostics>(diagnostics::publish(&uri, doc));
            }
        }
    }
}

/// Runs a handler; a panic (a bug, never expected) becomes an internal
/// error answer instead of the end of the session.
fn guarded(
    method: &str,
    handler: impl FnOnce() -> Result<serde_json::Value, ResponseError>,
) -> Result<serde_json::Value, ResponseError> {
    catch_unwind(AssertUnwindSafe(handler)).unwrap_or_else(|_| {
        Err(error(
            ErrorCode::InternalError,
            &format!("internal error while handling {method}"),
        ))
    })
}

pub fn error(code: ErrorCode, message: &str) -> ResponseError {
    ResponseError {
        code: code as i32,
        message: message.to_string(),
        data: None,
    }
}

pub fn parse<P: DeserializeOwned>(params: serde_json::Value) -> Result<P, ResponseError> {
    serde_json::from_value(params).map_err(|e| {
        error(
            ErrorCode::InvalidParams,
            &format!("invalid parameters: {e}"),
        )
    })
}

pub fn to_value(result: impl serde::Serialize) -> Result<serde_json::Value, ResponseError> {
    serde_json::to_value(result).map_err(|e| error(ErrorCode::InternalError, &e.to_string()))
}

fn not_open(uri: &Uri) -> ResponseError {
    error(
        ErrorCode::InvalidParams,
        &format!("document not open: {}", uri.as_str()),
    )
}

#[cfg(test)]
#[path = "server_tests.rs"]
mod tests;
