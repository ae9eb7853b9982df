//! The cost of one keystroke in a 2,000-line file: the change notification,
//! a completion request at the cursor, and the diagnostics the server then
//! publishes, measured from sending the change to receiving both answers.
//! The server runs its real loop on a thread, over in-memory channels.
//!
//! The file is a file of functions built from the repository's realistic
//! CRM automation script, its categories renamed per copy.

use criterion::{Criterion, criterion_group, criterion_main};
use crossbeam_channel::{Receiver, Sender};
use deluge_lsp::{Config, Incoming, Outgoing, memory, serve};
use lsp_server::Message;
use serde_json::{Value, json};
use std::path::Path;

const LINES: usize = 2_000;
const URI: &str = "file:///bench/large.dg";

/// About 2,000 lines of functions.
fn large_file() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let unit = std::fs::read_to_string(root.join("tests/parse/crm_automation.dg"))
        .unwrap_or_else(|e| panic!("the fixture is readable: {e}"));
    let mut text = String::new();
    let mut copy = 0;
    while text.lines().count() < LINES {
        copy += 1;
        let renamed = unit
            .replace("automation.", &format!("automation{copy}."))
            .replace("standalone.", &format!("standalone{copy}."));
        text.push_str(&renamed);
        text.push('\n');
    }
    text
}

struct Client {
    to_server: Sender<Incoming>,
    from_server: Receiver<Outgoing>,
    next_id: i32,
}

impl Client {
    fn send(&self, message: Value) {
        let message = serde_json::from_value(message).expect("a message");
        self.to_server
            .send(Incoming::Message(message))
            .expect("server alive");
    }

    fn request(&mut self, method: &str, params: Value) -> i32 {
        self.next_id += 1;
        self.send(json!({"id": self.next_id, "method": method, "params": params}));
        self.next_id
    }

    /// Waits until the response to `id` and a diagnostics notification
    /// have both arrived.
    fn wait(&self, id: i32) {
        let (mut answered, mut published) = (false, false);
        while !(answered && published) {
            match self.from_server.recv() {
                Ok(Outgoing::Message(Message::Response(r))) => answered |= r.id == id.into(),
                Ok(Outgoing::Message(Message::Notification(_))) => published = true,
                Ok(_) => {}
                Err(_) => panic!("the server stopped"),
            }
        }
    }
}

fn keystroke(c: &mut Criterion) {
    let text = large_file();
    let (channels, to_server, from_server) = memory();
    let server = std::thread::spawn(move || serve(channels, Config::default()));
    let mut client = Client {
        to_server,
        from_server,
        next_id: 0,
    };
    let init = client.request("initialize", json!({"capabilities": {}}));
    client.send(json!({"method": "initialized", "params": {}}));
    let document = json!({"uri": URI, "languageId": "deluge", "version": 1, "text": text});
    client.send(json!({"method": "textDocument/didOpen", "params": {"textDocument": document}}));
    client.wait(init);

    // Typing at the start of a statement in the middle of the file: the
    // statement `amount = ...` becomes `xamount = ...` and back again.
    let line = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.trim_start().starts_with("amount ="))
        .map(|(i, _)| i)
        .find(|i| *i >= LINES / 2)
        .expect("a statement in the middle");
    let at = json!({"line": line, "character": 1});
    let after = json!({"line": line, "character": 2});
    let mut version = 1;
    let mut group = c.benchmark_group("lsp");
    group.sample_size(50);
    group.bench_function("keystroke_2000_lines", |b| {
        b.iter(|| {
            version += 1;
            let (range, insert) = if version % 2 == 0 {
                (json!({"start": at, "end": at}), "x")
            } else {
                (json!({"start": at, "end": after}), "")
            };
            client.send(json!({"method": "textDocument/didChange", "params": {
                "textDocument": {"uri": URI, "version": version},
                "contentChanges": [{"range": range, "text": insert}]}}));
            let position = json!({"textDocument": {"uri": URI}, "position": after});
            let id = client.request("textDocument/completion", position);
            client.wait(id);
        })
    });
    group.finish();
    drop(client);
    let _ = server.join();
}

criterion_group!(benches, keystroke);
criterion_main!(benches);
