//! The Bigin-to-Books scenario of examples/bigin-books-sync, offline, as
//! its README lists the four cases: return value, info line, Books records
//! afterwards (from the state file) and the requests made (from `--json`).

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const SCRIPT: &str = "examples/bigin-books-sync/sync_contact.dg";
const ORG: &str = "10234695";

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs `deluge` from the repository root, with no credentials in the
/// environment.
fn deluge(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_deluge"))
        .args(["--color", "never"])
        .args(args)
        .current_dir(repo())
        .env_remove("ZOHO_CLIENT_SECRET")
        .env_remove("BIGIN_REFRESH_TOKEN")
        .env_remove("BOOKS_REFRESH_TOKEN")
        .env_remove("DELUGE_CONNECTIONS")
        .output()
        .expect("the deluge binary runs")
}

fn contact(id: &str) -> String {
    format!(r#"contact={{"Contacts.ID":"{id}"}}"#)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

struct State(PathBuf);

impl State {
    fn new(name: &str) -> State {
        let path = std::env::temp_dir().join(format!(
            "deluge-scenario-{name}-{}.json",
            std::process::id()
        ));
        let _ = std::fs::remove_file(&path);
        State(path)
    }

    fn arg(&self) -> &str {
        self.0.to_str().expect("UTF-8 temp path")
    }

    /// The Books contacts of the organization after the run, as
    /// `deluge sandbox dump --state` shows them.
    fn books_contacts(&self) -> Vec<Value> {
        let o = deluge(&["sandbox", "dump", "--state", self.arg()]);
        assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
        let state: Value = serde_json::from_slice(&o.stdout).expect("the dump is JSON");
        state["books"]["organizations"][ORG]["contacts"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }
}

impl Drop for State {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn run_json(id: &str, state: &State) -> Value {
    let o = deluge(&[
        "run",
        SCRIPT,
        "--offline",
        "--json",
        "--sandbox-state",
        state.arg(),
        "--arg",
        &contact(id),
    ]);
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("--json output: {e}\n{}{}", text(&o.stdout), text(&o.stderr)))
}

fn requested_hosts(report: &Value) -> Vec<String> {
    report["requests"]["entries"]
        .as_array()
        .expect("a request log")
        .iter()
        .map(|e| e["logical_url"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn the_readme_command_creates_the_contact_with_no_network() {
    let o = deluge(&[
        "run",
        SCRIPT,
        "--offline",
        "--arg",
        &contact("4000000000001"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(
        lines[0].starts_with("Created Books contact ")
            && lines[0].ends_with(" for ann@example.test"),
        "{out}"
    );
    assert_eq!(lines[1], "created");
}

#[test]
fn case_1_created_with_one_primary_contact_person() {
    let state = State::new("created");
    let report = run_json("4000000000001", &state);
    assert_eq!(report["result"], "created", "{report}");
    let entries = report["requests"]["entries"].as_array().unwrap();
    assert!(
        entries.iter().all(|e| e["answered_by"] != "network"),
        "{report}"
    );
    let contacts = state.books_contacts();
    assert_eq!(contacts.len(), 2, "{contacts:?}");
    let created = &contacts[1];
    assert_eq!(created["contact_name"], "Ann Smith");
    let info = report["info"][0].as_str().unwrap();
    assert_eq!(
        info,
        format!(
            "Created Books contact {} for ann@example.test",
            created["contact_id"].as_str().unwrap()
        )
    );
    let persons = created["contact_persons"].as_array().unwrap();
    assert_eq!(persons.len(), 1);
    assert_eq!(persons[0]["is_primary_contact"], true);
    assert_eq!(persons[0]["email"], "ann@example.test");
}

#[test]
fn case_2_updates_the_contact_with_the_same_email() {
    let state = State::new("updated");
    let report = run_json("4000000000002", &state);
    assert_eq!(report["result"], "updated", "{report}");
    let info = report["info"][0].as_str().unwrap();
    assert!(
        info.starts_with("Updated Books contact 460000000026049: ") && info.len() > 40,
        "{info}"
    );
    let contacts = state.books_contacts();
    assert_eq!(contacts.len(), 1, "{contacts:?}");
    assert_eq!(contacts[0]["contact_id"], "460000000026049");
    assert_eq!(contacts[0]["contact_name"], "Bo Chen");
}

#[test]
fn case_3_skips_without_any_books_request() {
    let state = State::new("skipped");
    let report = run_json("4000000000003", &state);
    assert_eq!(report["result"], "skipped", "{report}");
    assert_eq!(
        report["info"][0],
        "Contact 4000000000003 has no email address; nothing to sync."
    );
    let urls = requested_hosts(&report);
    assert!(urls.iter().any(|u| u.contains("/bigin/")), "{urls:?}");
    assert!(!urls.iter().any(|u| u.contains("books")), "{urls:?}");
    let contacts = state.books_contacts();
    assert_eq!(contacts.len(), 1);
    assert_eq!(contacts[0]["contact_name"], "Bo Chen (old)");
}

#[test]
fn case_4_unknown_record_is_a_runtime_error_at_the_fetch_line() {
    let state = State::new("missing");
    let o = deluge(&[
        "run",
        SCRIPT,
        "--offline",
        "--sandbox-state",
        state.arg(),
        "--arg",
        &contact("4000000009999"),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(err.contains("sync_contact.dg:15:"), "{err}");
    assert!(
        err.contains(r#"person = fetched.get("data").get(0);"#),
        "{err}"
    );
    let contacts = state.books_contacts();
    assert_eq!(contacts.len(), 1);
    assert_eq!(contacts[0]["contact_name"], "Bo Chen (old)");
}

#[test]
fn a_second_run_with_the_state_file_takes_the_update_path() {
    let state = State::new("twice");
    let first = run_json("4000000000001", &state);
    assert_eq!(first["result"], "created", "{first}");
    let o = deluge(&[
        "run",
        SCRIPT,
        "--offline",
        "--sandbox-state",
        state.arg(),
        "--arg",
        &contact("4000000000001"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(out.starts_with("Updated Books contact "), "{out}");
    assert!(out.ends_with("updated\n"), "{out}");
    assert_eq!(state.books_contacts().len(), 2, "no duplicate");
}

#[test]
fn the_project_makes_the_run_offline_without_the_flag() {
    let o = deluge(&["run", SCRIPT, "--json"]);
    let report: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(report["offline"], true, "{report}");
    // The project file's default argument is the first contact.
    assert_eq!(report["result"], "created", "{report}");
}

#[test]
fn real_credentials_turn_the_automatic_offline_mode_off() {
    let o = Command::new(env!("CARGO_BIN_EXE_deluge"))
        .args(["run", SCRIPT, "--json"])
        .current_dir(repo())
        .env("BOOKS_REFRESH_TOKEN", "1000.real-looking-token")
        .output()
        .expect("runs");
    let report: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(report["offline"], false, "{report}");
    assert_eq!(report["offline_reason"], "real credentials are set");
    // The network policy defaults to deny: nothing left the machine.
    let entries = report["requests"]["entries"].as_array().unwrap();
    assert!(
        entries.iter().all(|e| e["answered_by"] != "network"),
        "{report}"
    );
    assert!(!text(&o.stdout).contains("real-looking-token"));
}

/// `deluge sandbox serve` on a loopback port, stopped when dropped.
struct Serve(std::process::Child);

impl Serve {
    fn start() -> (Serve, String) {
        use std::io::{BufRead, BufReader};
        let mut child = Command::new(env!("CARGO_BIN_EXE_deluge"))
            .args(["sandbox", "serve", "--port", "0", "--seed"])
            .arg(repo().join("examples/bigin-books-sync/sandbox.json"))
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("deluge sandbox serve starts");
        let mut line = String::new();
        BufReader::new(child.stdout.as_mut().expect("piped stdout"))
            .read_line(&mut line)
            .expect("the address line");
        let base = line
            .split_whitespace()
            .find(|w| w.starts_with("http://127.0.0.1:"))
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .to_string();
        (Serve(child), base)
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn the_scenario_runs_against_sandbox_serve_over_real_sockets() {
    let (_server, base) = Serve::start();
    let dir = std::env::temp_dir().join(format!("deluge-scenario-serve-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // The example's connections, each sent to the local server.
    let mut file: Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("examples/bigin-books-sync/connections.json"))
            .unwrap(),
    )
    .unwrap();
    for link in ["bigin_link", "books_link"] {
        file["connections"][link]["base_url_override"] = Value::from(base.trim_end_matches('/'));
    }
    file["runtime"] = serde_json::json!({ "network": "loopback" });
    let connections = dir.join("connections.json");
    std::fs::write(&connections, file.to_string()).unwrap();
    let run = || {
        let o = deluge(&[
            "run",
            SCRIPT,
            "--no-project",
            "--online",
            "--json",
            "--connections",
            connections.to_str().unwrap(),
            "--arg",
            &contact("4000000000001"),
        ]);
        let report: Value =
            serde_json::from_slice(&o.stdout).unwrap_or_else(|_| panic!("{}", text(&o.stderr)));
        report
    };
    let first = run();
    assert_eq!(first["result"], "created", "{first}");
    let entries = first["requests"]["entries"].as_array().unwrap();
    assert!(!entries.is_empty());
    for entry in entries {
        assert_eq!(entry["answered_by"], "network", "{entry}");
        assert!(entry["url"].as_str().unwrap().starts_with(&base), "{entry}");
    }
    // The server keeps its store: the same contact now takes the update path.
    let second = run();
    assert_eq!(second["result"], "updated", "{second}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_state_file_is_never_left_torn() {
    let state = State::new("atomic");
    run_json("4000000000001", &state);
    let dir = state.0.parent().unwrap();
    let stem = state.0.file_name().unwrap().to_string_lossy().into_owned();
    let leftovers: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.contains(&stem) && name.ends_with(".tmp")
        })
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    assert!(Path::new(&state.0).is_file());
}
