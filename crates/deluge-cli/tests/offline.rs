//! Offline runs through `deluge run`: fixtures answering a third-party API
//! (examples/weather-alert), recording a run against a loopback server and
//! replaying it with the server gone, and `sendmail` captured in the
//! outbox offline and refused online.

use serde_json::Value;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Arc, Mutex};
use std::time::Duration;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn deluge_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_deluge"))
        .args(["--color", "never"])
        .args(args)
        .current_dir(dir)
        .env_remove("DELUGE_CONNECTIONS")
        .output()
        .expect("the deluge binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir =
            std::env::temp_dir().join(format!("deluge-offline-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, text).unwrap();
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn the_weather_example_is_answered_by_its_fixtures() {
    let root = repo();
    let cases = [
        ("Oslo", "frost", "Frost warning for Oslo: low of -4 C"),
        ("Lisbon", "clear", "No frost in Lisbon (low of 9 C)"),
    ];
    for (city, result, info) in cases {
        let o = deluge_in(
            &root,
            &[
                "run",
                "examples/weather-alert/alert.dg",
                "--json",
                "--arg",
                &format!("city={city}"),
            ],
        );
        let report: Value = serde_json::from_slice(&o.stdout).expect("JSON");
        assert_eq!(report["result"], result, "{report}");
        assert_eq!(report["info"][0], info);
        let entry = &report["requests"]["entries"][0];
        assert_eq!(entry["answered_by"], "fixture", "{report}");
        // The API key was injected, and is masked in the log.
        assert!(
            !entry["url"].as_str().unwrap().contains("offline-key"),
            "{entry}"
        );
    }
}

#[test]
fn a_fixture_fault_is_a_catchable_timeout_and_unmatched_is_denied() {
    let root = repo();
    let o = deluge_in(
        &root,
        &[
            "run",
            "examples/weather-alert/alert.dg",
            "--arg",
            "city=Atlantis",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("invokeurl: socket timeout error"));
    let o = deluge_in(
        &root,
        &[
            "run",
            "examples/weather-alert/alert.dg",
            "--arg",
            "city=Paris",
        ],
    );
    let err = text(&o.stderr);
    assert!(
        err.contains("no fixture matches GET https://api.example-weather.test/v1/forecast"),
        "{err}"
    );
    assert!(
        err.contains("examples/weather-alert/fixtures/weather.json"),
        "{err}"
    );
}

#[test]
fn a_malformed_fixture_file_is_reported_with_its_line() {
    let dir = TempDir::new("badfixture");
    dir.write("s.dg", "return 1;");
    dir.write(
        "f.json",
        "{ \"fixtures\": [\n  { \"match\": { \"method\": \"GET\", \"hots\": \"x\" }, \"response\": {} }\n] }\n",
    );
    let o = deluge_in(
        &dir.0,
        &["run", "s.dg", "--offline", "--fixtures", "f.json"],
    );
    let err = text(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("E701") && err.contains("unknown field `hots`"),
        "{err}"
    );
    assert!(err.contains("f.json:2:"), "{err}");
}

/// A loopback server answering the weather API: `count` requests at most,
/// each connection closed after its answer. Returns the port and the
/// request lines it saw.
fn weather_server(count: usize) -> (u16, Arc<Mutex<Vec<String>>>, std::thread::JoinHandle<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
    let port = listener.local_addr().unwrap().port();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = Arc::clone(&seen);
    let handle = std::thread::spawn(move || {
        for stream in listener.incoming().take(count) {
            let Ok(mut stream) = stream else { break };
            stream
                .set_read_timeout(Some(Duration::from_secs(5)))
                .unwrap();
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut first = String::new();
            let _ = reader.read_line(&mut first);
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
            }
            log.lock().unwrap().push(first.trim().to_string());
            let body = r#"{"city":"Oslo","daily":[{"date":"2026-01-05","min_c":-7,"max_c":-1}],"note":"key wk-secret-123 accepted"}"#;
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nset-cookie: sid=s3cr3t\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    (port, seen, handle)
}

#[test]
fn a_recorded_run_replays_offline_with_the_server_stopped() {
    let dir = TempDir::new("record");
    let script = std::fs::read_to_string(repo().join("examples/weather-alert/alert.dg")).unwrap();
    dir.write("alert.dg", &script);
    let (port, seen, server) = weather_server(1);
    dir.write(
        "connections.json",
        &format!(
            r#"{{ "version": 1, "runtime": {{ "network": "loopback" }},
                 "connections": {{ "weather": {{ "service": "custom",
                   "api_base_url": "https://api.example-weather.test",
                   "base_url_override": "http://127.0.0.1:{port}",
                   "auth": {{ "type": "api_key", "params": [
                     {{ "name": "appid", "value": "${{env:WEATHER_KEY}}", "in": "query" }} ] }} }} }} }}"#
        ),
    );
    let recorded = Command::new(env!("CARGO_BIN_EXE_deluge"))
        .args(["--color", "never", "run", "alert.dg", "--arg", "city=Oslo"])
        .args(["--record", "rec.json", "--json"])
        .current_dir(&dir.0)
        .env("WEATHER_KEY", "wk-secret-123")
        .output()
        .unwrap();
    server.join().unwrap();
    let report: Value = serde_json::from_slice(&recorded.stdout)
        .unwrap_or_else(|_| panic!("{}", text(&recorded.stderr)));
    assert_eq!(report["result"], "frost", "{report}");
    assert_eq!(report["requests"]["entries"][0]["answered_by"], "network");
    let request_line = seen.lock().unwrap().join("\n");
    assert!(
        request_line.contains("appid=wk-secret-123") && request_line.contains("city=Oslo"),
        "{request_line}"
    );

    let file = std::fs::read_to_string(dir.0.join("rec.json")).expect("the recording");
    assert!(!file.contains("wk-secret-123"), "{file}");
    assert!(!file.contains("s3cr3t"), "{file}");
    assert!(
        file.contains("https://api.example-weather.test/v1/forecast"),
        "{file}"
    );

    // Replay with the server gone and without the override.
    std::fs::remove_file(dir.0.join("connections.json")).unwrap();
    let replay = TempDir::new("replay");
    replay.write("alert.dg", &script);
    std::fs::copy(
        repo().join("examples/weather-alert/connections.json"),
        replay.0.join("connections.json"),
    )
    .unwrap();
    let rec = dir.0.join("rec.json");
    let o = deluge_in(
        &replay.0,
        &[
            "run",
            "alert.dg",
            "--offline",
            "--fixtures",
            rec.to_str().unwrap(),
            "--arg",
            "city=Oslo",
            "--json",
        ],
    );
    let report: Value =
        serde_json::from_slice(&o.stdout).unwrap_or_else(|_| panic!("{}", text(&o.stderr)));
    assert_eq!(report["result"], "frost", "{report}");
    assert_eq!(report["info"][0], "Frost warning for Oslo: low of -7 C");
    assert_eq!(report["requests"]["entries"][0]["answered_by"], "fixture");
}

#[test]
fn the_example_recording_replays() {
    let root = repo();
    let o = deluge_in(
        &root,
        &[
            "run",
            "examples/weather-alert/alert.dg",
            "--no-project",
            "--offline",
            "--fixtures",
            "examples/weather-alert/recorded.json",
            "--arg",
            "city=Oslo",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(
        text(&o.stdout),
        "Frost warning for Oslo: low of -7 C\nfrost\n"
    );
}

const MAIL_SCRIPT: &str = r#"sendmail
[
	from: zoho.adminuserid
	to: "ann@example.test, bo@example.test"
	cc: {"cy@example.test"}
	subject: "Invoice " + number
	message: "Your invoice is attached."
	attachments: file: "total: 10".toFile("invoice.txt")
]
return "sent";
"#;

#[test]
fn offline_mail_goes_to_the_outbox_and_the_state_file() {
    let dir = TempDir::new("mail");
    dir.write("mail.dg", MAIL_SCRIPT);
    let o = deluge_in(
        &dir.0,
        &[
            "run",
            "mail.dg",
            "--offline",
            "--json",
            "--sandbox-state",
            "state.json",
            "--arg",
            "number=7",
        ],
    );
    let report: Value =
        serde_json::from_slice(&o.stdout).unwrap_or_else(|_| panic!("{}", text(&o.stderr)));
    assert_eq!(report["result"], "sent", "{report}");
    let mail = &report["outbox"][0];
    assert_eq!(mail["from"], "admin@example.com");
    assert_eq!(
        mail["to"],
        serde_json::json!(["ann@example.test", "bo@example.test"])
    );
    assert_eq!(mail["cc"], serde_json::json!(["cy@example.test"]));
    assert_eq!(mail["subject"], "Invoice 7");
    assert_eq!(mail["message"], "Your invoice is attached.");
    assert_eq!(mail["attachments"], serde_json::json!(["invoice.txt"]));
    let warnings = report["requests"]["warnings"].to_string();
    assert!(
        warnings.contains("sendmail to ann@example.test"),
        "{warnings}"
    );

    let state: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.0.join("state.json")).unwrap()).unwrap();
    assert_eq!(state["outbox"][0]["subject"], "Invoice 7", "{state}");

    // A second run keeps the first mail.
    let o = deluge_in(
        &dir.0,
        &[
            "run",
            "mail.dg",
            "--offline",
            "--json",
            "--sandbox-state",
            "state.json",
            "--arg",
            "number=8",
        ],
    );
    let report: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(report["outbox"].as_array().unwrap().len(), 2, "{report}");
}

#[test]
fn online_mail_without_a_mail_connection_is_an_error() {
    let dir = TempDir::new("mailonline");
    dir.write("mail.dg", MAIL_SCRIPT);
    let o = deluge_in(&dir.0, &["run", "mail.dg", "--online", "--arg", "number=7"]);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(err.contains("sendmail needs a mail connection"), "{err}");
    assert!(!text(&o.stdout).contains("sent"));
}

#[test]
fn a_state_file_that_cannot_be_written_stops_the_run_before_it_starts() {
    let dir = TempDir::new("nostate");
    dir.write("s.dg", "info \"ran\";\nreturn 1;");
    let o = deluge_in(
        &dir.0,
        &[
            "run",
            "s.dg",
            "--offline",
            "--sandbox-state",
            "missing-folder/state.json",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(text(&o.stdout), "", "the script did not run");
    assert!(
        text(&o.stderr).contains("the folder missing-folder does not exist"),
        "{}",
        text(&o.stderr)
    );
}

#[test]
fn a_malformed_seed_is_reported_with_its_line() {
    let dir = TempDir::new("badseed");
    dir.write("s.dg", "return 1;");
    dir.write("seed.json", "{\n  \"user\": { \"nmae\": \"x\" }\n}\n");
    let o = deluge_in(&dir.0, &["run", "s.dg", "--offline", "--seed", "seed.json"]);
    let err = text(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("seed.json:2:"), "{err}");
}
