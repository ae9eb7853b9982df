//! Framed JSON-RPC over standard input and output.
//!
//! `lsp-server` provides the message types, but its stdio reader stops at
//! the first malformed message, and a server that stops answering is what
//! an editor user sees as a crash. This reader turns every bad frame into an
//! [`Invalid`] item instead, which the server answers with a JSON-RPC error
//! (`-32700` parse error, `-32600` invalid request) before reading on.

use crossbeam_channel::{Receiver, Sender, unbounded};
use lsp_server::{ErrorCode, Message, RequestId, ResponseError};
use std::io::{self, BufRead, Read, Write};
use std::thread::JoinHandle;

/// The largest message body read into memory (a whole document travels in
/// one message, so this is generous); a longer one is skipped and reported.
const MAX_BODY: usize = 64 * 1024 * 1024;

/// What the reader hands to the server.
#[derive(Debug)]
pub enum Incoming {
    Message(Message),
    Invalid(Invalid),
}

/// A frame that is not a valid message.
#[derive(Debug, Clone)]
pub struct Invalid {
    /// The request id, when one could be read.
    pub id: Option<RequestId>,
    pub code: ErrorCode,
    pub message: String,
}

/// What the server hands to the writer.
#[derive(Debug)]
pub enum Outgoing {
    Message(Message),
    /// An error answering a message whose id could not be read; JSON-RPC
    /// says its `id` is `null`, which `lsp_server::Response` cannot carry.
    ErrorWithoutId(ResponseError),
}

/// The server's ends of the two channels.
pub struct Channels {
    pub incoming: Receiver<Incoming>,
    pub outgoing: Sender<Outgoing>,
}

/// The reader and writer threads of a stdio connection.
pub struct IoThreads {
    reader: JoinHandle<()>,
    writer: JoinHandle<io::Result<()>>,
}

impl IoThreads {
    /// Waits for the writer to flush what the server sent, and for the
    /// reader (which stops after `exit` or at the end of input).
    pub fn join(self) -> io::Result<()> {
        let written = self
            .writer
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("the writer thread failed")));
        let _ = self.reader.join();
        written
    }
}

/// A connection over standard input and output.
pub fn stdio() -> io::Result<(Channels, IoThreads)> {
    let (incoming_tx, incoming) = unbounded();
    let (outgoing, outgoing_rx) = unbounded::<Outgoing>();
    let reader = std::thread::Builder::new()
        .name("lsp-reader".into())
        .spawn(move || read_all(&mut io::stdin().lock(), &incoming_tx))?;
    let writer = std::thread::Builder::new()
        .name("lsp-writer".into())
        .spawn(move || {
            let mut out = io::stdout().lock();
            outgoing_rx
                .into_iter()
                .try_for_each(|item| write(&mut out, &item))
        })?;
    Ok((
        Channels { incoming, outgoing },
        IoThreads { reader, writer },
    ))
}

/// A pair of connected in-memory channels: the server's, and the client's
/// ends (for tests and benchmarks).
pub fn memory() -> (Channels, Sender<Incoming>, Receiver<Outgoing>) {
    let (incoming_tx, incoming) = unbounded();
    let (outgoing, outgoing_rx) = unbounded();
    (Channels { incoming, outgoing }, incoming_tx, outgoing_rx)
}

/// Reads frames until the end of input or an `exit` notification.
fn read_all(input: &mut impl BufRead, to_server: &Sender<Incoming>) {
    loop {
        let frame = match read_frame(input) {
            Ok(frame) => frame,
            Err(_) => return,
        };
        if let Some(why) = frame.skipped {
            let invalid = Invalid {
                id: None,
                code: ErrorCode::ParseError,
                message: why,
            };
            if to_server.send(Incoming::Invalid(invalid)).is_err() {
                return;
            }
        }
        if frame.end {
            return;
        }
        let Some(body) = frame.body else { continue };
        let item = decode(&body);
        let is_exit =
            matches!(&item, Incoming::Message(Message::Notification(n)) if n.method == "exit");
        if to_server.send(item).is_err() || is_exit {
            return;
        }
    }
}

/// One frame: the body (none when it was skipped), what had to be skipped,
/// if anything, and whether the input ended.
#[derive(Debug, PartialEq, Default)]
struct Frame {
    body: Option<Vec<u8>>,
    skipped: Option<String>,
    end: bool,
}

/// Reads one `Content-Length`-framed body. Header lines may end with CR LF
/// or LF. Lines that are not headers (say, the tail of a body whose length
/// was given wrong) are skipped and reported, and reading resumes at a
/// `Content-Length` found later, even in the middle of such a line.
fn read_frame(input: &mut impl BufRead) -> io::Result<Frame> {
    let mut length: Option<usize> = None;
    let mut skipped: Option<String> = None;
    let mut saw_header = false;
    let mut line = Vec::new();
    loop {
        line.clear();
        if input.read_until(b'\n', &mut line)? == 0 {
            return Ok(Frame {
                skipped,
                end: true,
                ..Frame::default()
            });
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            match length {
                Some(_) => break,
                None if saw_header => {
                    skipped.get_or_insert_with(|| "no Content-Length header".into());
                    saw_header = false;
                }
                None => {}
            }
            continue;
        }
        match text.to_ascii_lowercase().find("content-length:") {
            Some(at) => {
                if at > 0 {
                    skipped = Some(format!("not a message header: {}", clip(&text[..at])));
                }
                match text[at + 15..].trim().parse::<usize>() {
                    Ok(n) => length = Some(n),
                    Err(_) => skipped = Some(format!("invalid Content-Length: {}", clip(text))),
                }
            }
            None if is_header(text) => {}
            None => skipped = Some(format!("not a message header: {}", clip(text))),
        }
        saw_header = true;
    }
    let length = length.unwrap_or(0);
    if length > MAX_BODY {
        io::copy(&mut Read::take(&mut *input, length as u64), &mut io::sink())?;
        return Ok(Frame {
            skipped: Some(format!("a message of {length} bytes is too large")),
            ..Frame::default()
        });
    }
    let mut body = vec![0; length];
    input.read_exact(&mut body)?;
    Ok(Frame {
        body: Some(body),
        skipped,
        end: false,
    })
}

/// `Name: value` with a name of letters, digits and dashes.
fn is_header(text: &str) -> bool {
    text.split_once(':').is_some_and(|(name, _)| {
        !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    })
}

/// A body as a message, or why it is not one.
fn decode(body: &[u8]) -> Incoming {
    let invalid = |id, code, message: String| Incoming::Invalid(Invalid { id, code, message });
    let Ok(text) = std::str::from_utf8(body) else {
        return invalid(None, ErrorCode::ParseError, "message is not UTF-8".into());
    };
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(e) => return invalid(None, ErrorCode::ParseError, format!("invalid JSON: {e}")),
    };
    let id = value
        .get("id")
        .and_then(|id| serde_json::from_value::<RequestId>(id.clone()).ok());
    match serde_json::from_value::<Message>(value) {
        Ok(message) => Incoming::Message(message),
        Err(_) => invalid(
            id,
            ErrorCode::InvalidRequest,
            "not a JSON-RPC request, response or notification".into(),
        ),
    }
}

fn write(out: &mut impl Write, item: &Outgoing) -> io::Result<()> {
    match item {
        Outgoing::Message(message) => message.write(out),
        Outgoing::ErrorWithoutId(error) => {
            let body = serde_json::json!({"jsonrpc": "2.0", "id": null, "error": error});
            let text = body.to_string();
            write!(out, "Content-Length: {}\r\n\r\n{text}", text.len())?;
            out.flush()
        }
    }
}

fn clip(text: &str) -> String {
    text.chars().take(60).collect()
}

#[cfg(test)]
#[path = "transport_tests.rs"]
mod tests;
