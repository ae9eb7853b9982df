use super::*;
use crate::transport::memory;
use crossbeam_channel::{Receiver, Sender};
use serde_json::json;
use std::thread::JoinHandle;
use std::time::Duration;

/// A server on a thread, and the client's ends of its channels.
struct Session {
    to_server: Sender<Incoming>,
    from_server: Receiver<Outgoing>,
    server: JoinHandle<Ending>,
}

impl Session {
    fn start() -> Session {
        let (channels, to_server, from_server) = memory();
        let server = std::thread::spawn(move || serve(channels, Config::default()));
        Session {
            to_server,
            from_server,
            server,
        }
    }

    fn send(&self, message: serde_json::Value) {
        let message = serde_json::from_value(message).expect("a message");
        self.to_server
            .send(Incoming::Message(message))
            .expect("server alive");
    }

    fn next(&self) -> Message {
        match self.from_server.recv_timeout(Duration::from_secs(10)) {
            Ok(Outgoing::Message(m)) => m,
            other => panic!("expected a message, got {other:?}"),
        }
    }

    /// Sends a request and returns its response (skipping notifications).
    fn request(&self, id: i32, method: &str, params: serde_json::Value) -> Response {
        self.send(json!({"id": id, "method": method, "params": params}));
        loop {
            if let Message::Response(r) = self.next() {
                assert_eq!(r.id, id.into());
                return r;
            }
        }
    }

    fn initialized(self) -> Session {
        let r = self.request(1, "initialize", json!({"capabilities": {}}));
        assert!(r.response_result.is_ok());
        self.send(json!({"method": "initialized", "params": {}}));
        self
    }

    fn end(self) -> Ending {
        drop(self.to_server);
        self.server.join().expect("server thread")
    }
}

fn error_code(r: &Response) -> i32 {
    r.response_result.as_ref().expect_err("an error").code
}

#[test]
fn requests_before_initialize_are_refused() {
    let session = Session::start();
    let r = session.request(5, "textDocument/hover", json!({}));
    assert_eq!(error_code(&r), ErrorCode::ServerNotInitialized as i32);
    let session = session.initialized();
    assert_eq!(session.end(), Ending::WithoutShutdown);
}

#[test]
fn unknown_methods_and_bad_parameters_are_errors_and_the_server_goes_on() {
    let session = Session::start().initialized();
    let r = session.request(2, "textDocument/noSuchThing", json!({}));
    assert_eq!(error_code(&r), ErrorCode::MethodNotFound as i32);
    let r = session.request(3, "textDocument/hover", json!({"textDocument": 1}));
    assert_eq!(error_code(&r), ErrorCode::InvalidParams as i32);
    let r = session.request(4, "shutdown", json!(null));
    assert!(r.response_result.is_ok());
    let r = session.request(5, "textDocument/hover", json!({}));
    assert_eq!(error_code(&r), ErrorCode::InvalidRequest as i32);
    session.send(json!({"method": "exit"}));
    assert_eq!(session.server.join().expect("server"), Ending::Clean);
}

#[test]
fn invalid_frames_are_answered() {
    let session = Session::start();
    let invalid = Invalid {
        id: None,
        code: ErrorCode::ParseError,
        message: "invalid JSON".into(),
    };
    session
        .to_server
        .send(Incoming::Invalid(invalid))
        .expect("alive");
    match session.from_server.recv_timeout(Duration::from_secs(10)) {
        Ok(Outgoing::ErrorWithoutId(e)) => assert_eq!(e.code, -32700),
        other => panic!("{other:?}"),
    }
    assert_eq!(session.end(), Ending::WithoutShutdown);
}

#[test]
fn opening_and_changing_a_document_publishes_its_diagnostics() {
    let session = Session::start().initialized();
    let uri = "file:///w.dg";
    session.send(
        json!({"method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "deluge", "version": 1, "text": "x = 1;"}}}),
    );
    let published = |session: &Session| loop {
        if let Message::Notification(n) = session.next() {
            assert_eq!(n.method, "textDocument/publishDiagnostics");
            return n.params;
        }
    };
    let first = published(&session);
    assert_eq!(first["diagnostics"], json!([]));
    session.send(json!({"method": "textDocument/didChange", "params": {
        "textDocument": {"uri": uri, "version": 2},
        "contentChanges": [{"range": {"start": {"line": 0, "character": 4},
                                      "end": {"line": 0, "character": 5}}, "text": ""}]}}));
    let second = published(&session);
    assert_eq!(second["version"], 2);
    assert_eq!(second["diagnostics"][0]["code"], "E101");
    session
        .send(json!({"method": "textDocument/didClose", "params": {"textDocument": {"uri": uri}}}));
    assert_eq!(published(&session)["diagnostics"], json!([]));
    assert_eq!(session.end(), Ending::WithoutShutdown);
}
