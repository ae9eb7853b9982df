//! `deluge lsp` driven over its standard input and output by a small
//! JSON-RPC client. Every read has a timeout, so a server that stops
//! answering fails the test instead of hanging it.

use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(20);
const URI: &str = "file:///project/sync.dg";

/// A running `deluge lsp` and the messages it has written.
struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    next_id: i64,
}

impl Client {
    fn start() -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_deluge"))
            .args(["lsp", "--stdio"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("deluge lsp starts");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, messages) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_frame(&mut reader) {
                if tx.send(message).is_err() {
                    return;
                }
            }
        });
        Client {
            child,
            stdin,
            messages,
            next_id: 1,
        }
    }

    fn write_raw(&mut self, body: &str) {
        let frame = format!("Content-Length: {}\r\n\r\n{body}", body.len());
        self.stdin
            .write_all(frame.as_bytes())
            .expect("server reads");
        self.stdin.flush().expect("flushed");
    }

    fn notify(&mut self, method: &str, params: Value) {
        let body = json!({"jsonrpc": "2.0", "method": method, "params": params});
        self.write_raw(&body.to_string());
    }

    /// Sends a request and waits for its response, keeping notifications
    /// that arrive meanwhile out of the way.
    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        let body = json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params});
        self.write_raw(&body.to_string());
        self.wait_for(|m| m["id"] == id)
    }

    fn wait_for(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
        loop {
            let message = self
                .messages
                .recv_timeout(TIMEOUT)
                .expect("the server answers in time");
            if wanted(&message) {
                return message;
            }
        }
    }

    fn initialize(&mut self) -> Value {
        let answer = self.request(
            "initialize",
            json!({"processId": null, "rootUri": null, "capabilities": {}}),
        );
        self.notify("initialized", json!({}));
        answer
    }

    fn open(&mut self, text: &str) {
        self.open_at(URI, text);
    }

    fn open_at(&mut self, uri: &str, text: &str) {
        let document = json!({"uri": uri, "languageId": "deluge", "version": 1, "text": text});
        self.notify("textDocument/didOpen", json!({"textDocument": document}));
    }

    fn diagnostics(&mut self) -> Vec<Value> {
        let published = self.wait_for(|m| m["method"] == "textDocument/publishDiagnostics");
        assert_eq!(published["params"]["uri"], URI);
        published["params"]["diagnostics"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    /// `shutdown` then `exit`; the exit status of the server.
    fn finish(mut self) -> Option<i32> {
        let answer = self.request("shutdown", Value::Null);
        assert_eq!(answer["result"], Value::Null, "{answer}");
        assert!(answer.get("error").is_none());
        self.notify("exit", Value::Null);
        wait_with_timeout(&mut self.child)
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn wait_with_timeout(child: &mut Child) -> Option<i32> {
    let started = std::time::Instant::now();
    while started.elapsed() < TIMEOUT {
        if let Some(status) = child.try_wait().expect("status") {
            return status.code();
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("the server did not exit");
}

fn read_frame(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(value) = line.strip_prefix("Content-Length: ") {
            length = value.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

fn position(line: u32, character: u32) -> Value {
    json!({"textDocument": {"uri": URI}, "position": {"line": line, "character": character}})
}

#[test]
fn initialize_announces_the_features() {
    let mut client = Client::start();
    let answer = client.initialize();
    let capabilities = &answer["result"]["capabilities"];
    assert_eq!(capabilities["hoverProvider"], true);
    assert_eq!(capabilities["definitionProvider"], true);
    assert_eq!(
        capabilities["completionProvider"]["triggerCharacters"],
        json!(["."])
    );
    assert_eq!(capabilities["positionEncoding"], "utf-16");
    assert_eq!(answer["result"]["serverInfo"]["name"], "deluge");
    assert_eq!(client.finish(), Some(0));
}

#[test]
fn a_document_with_two_mistakes_gets_both_diagnostics() {
    let mut client = Client::start();
    client.initialize();
    // The programs of E102 and E101 in docs/errors.md, one after the other.
    client.open("total = 0\ninfo total;\nx = 1 2;\n");
    let diagnostics = client.diagnostics();
    let found: Vec<(Value, Value, Value)> = diagnostics
        .iter()
        .map(|d| {
            (
                d["code"].clone(),
                d["range"]["start"].clone(),
                d["severity"].clone(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (json!("E102"), json!({"line": 0, "character": 9}), json!(1)),
            (json!("E101"), json!({"line": 2, "character": 6}), json!(1)),
        ]
    );
    let first_line = |d: &Value| {
        d["message"]
            .as_str()
            .unwrap_or("")
            .lines()
            .next()
            .map(str::to_string)
    };
    assert_eq!(
        first_line(&diagnostics[0]).as_deref(),
        Some("missing `;` at the end of the statement")
    );
    assert_eq!(
        first_line(&diagnostics[1]).as_deref(),
        Some("expected `;` or an operator, found `2`")
    );
    assert_eq!(diagnostics[0]["source"], "deluge");
    assert_eq!(client.finish(), Some(0));
}

#[test]
fn hover_completion_and_definition() {
    let mut client = Client::start();
    client.initialize();
    let text = "string label(string name)\n{\n\treturn name.subString(0, 3);\n}\n\
                void main()\n{\n\tinfo label(\"Annabel\");\n\tm = Map();\n\tm.\n}\n";
    client.open(text);

    // docs/builtins.md: s.subString(start [, end]) — characters from start
    // to end (exclusive)
    let hover = client.request("textDocument/hover", position(2, 16));
    let shown = hover["result"]["contents"]["value"]
        .as_str()
        .unwrap_or_default();
    assert!(shown.contains("s.subString(start [, end])"), "{hover}");
    assert!(
        shown.contains("characters from start to end (exclusive)"),
        "{hover}"
    );

    let completion = client.request("textDocument/completion", position(8, 3));
    let labels: Vec<&str> = completion["result"]
        .as_array()
        .expect("a list of items")
        .iter()
        .filter_map(|item| item["label"].as_str())
        .collect();
    for method in ["put", "get", "keys"] {
        assert!(labels.contains(&method), "{method} missing from {labels:?}");
    }

    let definition = client.request("textDocument/definition", position(6, 8));
    assert_eq!(definition["result"]["uri"], URI);
    assert_eq!(
        definition["result"]["range"],
        json!({"start": {"line": 0, "character": 7}, "end": {"line": 0, "character": 12}})
    );
    assert_eq!(client.finish(), Some(0));
}

/// Applies LSP text edits to an ASCII text (so characters are bytes).
fn apply(text: &str, edits: &[Value]) -> String {
    let offset = |p: &Value| {
        let line = p["line"].as_u64().unwrap_or(0) as usize;
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        start + p["character"].as_u64().unwrap_or(0) as usize
    };
    let mut out = text.to_string();
    let mut spans: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| {
            let range = &e["range"];
            (
                offset(&range["start"]),
                offset(&range["end"]),
                e["newText"].as_str().unwrap_or(""),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    for (start, end, new) in spans {
        out.replace_range(start..end, new);
    }
    out
}

#[test]
fn formatting_gives_the_house_layout_once() {
    let mut client = Client::start();
    client.initialize();
    let messy = "total = 0;\nif(total>1){info \"big\";}else{total = total+1;}\n";
    client.open(messy);
    // The editor's own settings (spaces here) do not change the layout.
    let options = json!({"tabSize": 2, "insertSpaces": true});
    let params = json!({"textDocument": {"uri": URI}, "options": options});
    let answer = client.request("textDocument/formatting", params.clone());
    let edits = answer["result"].as_array().cloned().expect("edits");
    let formatted = apply(messy, &edits);
    // Zoho's house style: braces on their own lines, bodies indented by a tab.
    let lines: Vec<&str> = formatted.lines().collect();
    assert!(
        lines.contains(&"{") && lines.contains(&"}") && lines.contains(&"else"),
        "{formatted}"
    );
    assert!(lines.contains(&"\tinfo \"big\";"), "{formatted}");
    assert!(lines.iter().all(|l| !l.starts_with(' ')), "{formatted}");

    let change = json!({"textDocument": {"uri": URI, "version": 2},
                        "contentChanges": [{"text": formatted}]});
    client.notify("textDocument/didChange", change);
    assert!(client.diagnostics().is_empty());
    let again = client.request("textDocument/formatting", params);
    assert_eq!(again["result"], json!([]), "formatting is idempotent");

    // A file with a syntax error is left alone.
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 3}, "contentChanges": [{"text": "x = ;"}]}),
    );
    let refused = client.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": URI}, "options": options}),
    );
    assert_eq!(refused["result"], Value::Null);
    assert!(refused.get("error").is_none());
    assert_eq!(client.finish(), Some(0));
}

#[cfg(unix)] // the file URI is built from a Unix path
#[test]
fn formatting_follows_the_project_file_of_the_documents_folder() {
    let dir = std::env::temp_dir().join(format!("deluge-lsp-project-{}", std::process::id()));
    let nested = dir.join("scripts");
    std::fs::create_dir_all(&nested).expect("temp folder");
    // docs/formatting.md: "indent": N indents with N spaces.
    std::fs::write(dir.join("deluge.json"), r#"{"fmt": {"indent": 2}}"#).expect("written");
    let uri = format!("file://{}/a.dg", nested.display());
    let mut client = Client::start();
    client.initialize();
    client.open_at(&uri, "x = 1;\nif(x>0){info x;}\n");
    let params =
        json!({"textDocument": {"uri": uri}, "options": {"tabSize": 8, "insertSpaces": false}});
    let answer = client.request("textDocument/formatting", params.clone());
    let edits = answer["result"].as_array().cloned().expect("edits");
    let formatted = apply("x = 1;\nif(x>0){info x;}\n", &edits);
    assert!(formatted.lines().any(|l| l == "  info x;"), "{formatted}");

    std::fs::write(dir.join("deluge.json"), r#"{"fmt": {"indent": 0}}"#).expect("written");
    let refused = client.request("textDocument/formatting", params);
    assert_eq!(refused["error"]["code"], -32803, "{refused}");
    let message = refused["error"]["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("deluge.json:1:") && message.contains("indent"),
        "{message}"
    );
    assert_eq!(client.finish(), Some(0));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn malformed_messages_and_unknown_methods_get_errors_and_the_server_goes_on() {
    let mut client = Client::start();
    client.initialize();

    client.write_raw("{this is not json");
    let parse_error = client.wait_for(|m| m.get("error").is_some());
    assert_eq!(parse_error["error"]["code"], -32700);
    assert_eq!(parse_error["id"], Value::Null);

    client.write_raw(r#"{"jsonrpc":"2.0","id":99,"params":{}}"#);
    let invalid = client.wait_for(|m| m["id"] == 99);
    assert_eq!(invalid["error"]["code"], -32600);

    let unknown = client.request("textDocument/doesNotExist", json!({}));
    assert_eq!(unknown["error"]["code"], -32601);

    let bad_params = client.request("textDocument/hover", json!({"position": "nowhere"}));
    assert_eq!(bad_params["error"]["code"], -32602);

    // Still serving.
    client.open("x = \"abc\".length();\n");
    assert!(client.diagnostics().is_empty());
    let hover = client.request("textDocument/hover", position(0, 12));
    assert!(
        hover["result"]["contents"]["value"].as_str().is_some(),
        "{hover}"
    );
    assert_eq!(client.finish(), Some(0));
}

#[test]
fn exit_without_shutdown_is_status_1() {
    let mut client = Client::start();
    client.initialize();
    client.notify("exit", Value::Null);
    assert_eq!(wait_with_timeout(&mut client.child), Some(1));
}
