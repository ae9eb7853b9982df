//! `deluge sandbox serve` over real sockets on 127.0.0.1, and
//! `deluge sandbox dump`.

use reqwest::blocking::{Client, multipart};
use serde_json::{Value, json};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

const SEED: &str = r#"{
  "user": { "name": "Test User", "id": "1000000000001", "email": "test@example.test" },
  "id_start": "4000000000100",
  "crm": { "modules": { "Leads": [ { "id": "4000000000001", "Last_Name": "Seeded" } ] } },
  "books": { "organizations": { "10234695": { "name": "Zillum", "contacts": [] } } },
  "oauth": { "valid_refresh_tokens": ["*"] }
}"#;

trait JsonBody {
    fn json_value(self) -> Value;
}

impl JsonBody for reqwest::blocking::Response {
    fn json_value(self) -> Value {
        serde_json::from_slice(&self.bytes().unwrap()).unwrap()
    }
}

/// A running server, stopped (and waited for) when dropped.
struct Server {
    child: Child,
    base: String,
}

impl Server {
    fn start(dir: &Path, extra: &[&str]) -> Server {
        let seed = dir.join("seed.json");
        std::fs::write(&seed, SEED).unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_deluge"))
            .args([
                "sandbox",
                "serve",
                "--seed",
                seed.to_str().unwrap(),
                "--port",
                "0",
            ])
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("deluge runs");
        let mut line = String::new();
        BufReader::new(child.stdout.as_mut().unwrap())
            .read_line(&mut line)
            .unwrap();
        let base = line
            .split_whitespace()
            .find(|w| w.starts_with("http://127.0.0.1:"))
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .to_string();
        Server { child, base }
    }

    /// Ctrl-C, then wait (bounded) for a clean exit.
    fn interrupt(mut self) -> String {
        let pid = self.child.id().to_string();
        Command::new("kill").args(["-INT", &pid]).status().unwrap();
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                assert!(status.success(), "exit status {status}");
                break;
            }
            assert!(Instant::now() < deadline, "the server did not stop");
            std::thread::sleep(Duration::from_millis(20));
        }
        let mut rest = String::new();
        let _ = std::io::Read::read_to_string(self.child.stdout.as_mut().unwrap(), &mut rest);
        rest
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("deluge-serve-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn client() -> Client {
    Client::builder()
        .timeout(Duration::from_secs(30))
        .connect_timeout(Duration::from_secs(10))
        .build()
        .unwrap()
}

fn token(client: &Client, base: &str) -> String {
    let body: Value = client
        .post(format!("{base}/oauth/v2/token"))
        .form(&[
            ("grant_type", "refresh_token"),
            ("refresh_token", "r"),
            ("client_id", "c"),
            ("client_secret", "s"),
        ])
        .send()
        .unwrap()
        .json_value();
    body["access_token"].as_str().unwrap().to_string()
}

#[test]
fn two_hundred_concurrent_clients_lose_no_record() {
    let dir = temp_dir("concurrency");
    let state = dir.join("state.json");
    let server = Server::start(&dir, &["--state", state.to_str().unwrap()]);
    let client = client();
    let auth = format!("Zoho-oauthtoken {}", token(&client, &server.base));
    let base = Arc::new(server.base.clone());
    const CLIENTS: usize = 200;
    const PER_CLIENT: usize = 2;
    let workers: Vec<_> = (0..CLIENTS)
        .map(|c| {
            let (client, auth, base) = (client.clone(), auth.clone(), Arc::clone(&base));
            std::thread::spawn(move || {
                let mut created = Vec::new();
                for n in 0..PER_CLIENT {
                    let response = client
                        .post(format!("{base}/crm/v2/Leads"))
                        .header("Authorization", &auth)
                        .header("content-type", "application/json")
                        .body(json!({"data": [{"Last_Name": format!("C{c}-{n}")}]}).to_string())
                        .send()
                        .unwrap();
                    assert_eq!(response.status().as_u16(), 201);
                    let body: Value = response.json_value();
                    let id = body["data"][0]["details"]["id"]
                        .as_str()
                        .unwrap()
                        .to_string();
                    let read = client
                        .get(format!("{base}/crm/v2/Leads/{id}"))
                        .header("Authorization", &auth)
                        .send()
                        .unwrap();
                    assert_eq!(read.status().as_u16(), 200);
                    let record: Value = read.json_value();
                    assert_eq!(record["data"][0]["Last_Name"], format!("C{c}-{n}"));
                    created.push(id);
                }
                created
            })
        })
        .collect();
    let mut ids: Vec<String> = workers
        .into_iter()
        .flat_map(|w| w.join().unwrap())
        .collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), CLIENTS * PER_CLIENT, "ids are unique");

    // Every record is listed, page by page.
    let mut listed = 0;
    for page in 1.. {
        let response = client
            .get(format!(
                "{}/crm/v2/Leads?page={page}&per_page=200",
                server.base
            ))
            .header("Authorization", &auth)
            .send()
            .unwrap();
        if response.status().as_u16() == 204 {
            break;
        }
        let body: Value = response.json_value();
        listed += body["data"].as_array().unwrap().len();
        if body["info"]["more_records"] == false {
            break;
        }
    }
    assert_eq!(listed, 1 + CLIENTS * PER_CLIENT);

    let said = server.interrupt();
    assert!(said.contains("state saved"), "{said}");
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&state).unwrap()).unwrap();
    assert_eq!(
        saved["crm"]["modules"]["Leads"].as_array().unwrap().len(),
        1 + CLIENTS * PER_CLIENT
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn serves_books_forms_attachments_and_unmodelled_routes() {
    let dir = temp_dir("routes");
    let server = Server::start(&dir, &[]);
    let client = client();
    let auth = format!("Zoho-oauthtoken {}", token(&client, &server.base));
    // No token → Zoho's 401.
    let anonymous = client
        .get(format!("{}/crm/v2/Leads", server.base))
        .send()
        .unwrap();
    assert_eq!(anonymous.status().as_u16(), 401);
    // Books on the old host's path, with a JSONString form.
    let created: Value = client
        .post(format!(
            "{}/api/v3/contacts?organization_id=10234695",
            server.base
        ))
        .header("Authorization", &auth)
        .form(&[(
            "JSONString",
            json!({"contact_name": "Ann Smith"}).to_string(),
        )])
        .send()
        .unwrap()
        .json_value();
    assert_eq!(created["code"], 0);
    let listed: Value = client
        .get(format!(
            "{}/books/v3/contacts?organization_id=10234695&contact_name=ann smith",
            server.base
        ))
        .header("Authorization", &auth)
        .send()
        .unwrap()
        .json_value();
    assert_eq!(
        listed["contacts"][0]["contact_id"],
        created["contact"]["contact_id"]
    );
    // A file upload.
    let form = multipart::Form::new().part(
        "file",
        multipart::Part::bytes(b"hello".to_vec()).file_name("note.txt"),
    );
    let attached: Value = client
        .post(format!(
            "{}/crm/v2/Leads/4000000000001/Attachments",
            server.base
        ))
        .header("Authorization", &auth)
        .multipart(form)
        .send()
        .unwrap()
        .json_value();
    assert_eq!(
        attached["data"][0]["message"],
        "attachment uploaded successfully"
    );
    // A route the simulator does not model says so, with a hint.
    let unmodelled = client
        .get(format!("{}/desk/api/v1/tickets", server.base))
        .header("Authorization", &auth)
        .send()
        .unwrap();
    assert_eq!(unmodelled.status().as_u16(), 404);
    assert!(unmodelled.headers().get("x-deluge-hint").is_some());
    server.interrupt();
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn dump_prints_the_state_or_the_seed() {
    let dir = temp_dir("dump");
    let seed = dir.join("seed.json");
    std::fs::write(&seed, SEED).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_deluge"))
        .args(["sandbox", "dump", "--seed", seed.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let dump: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(dump["crm"]["modules"]["Leads"][0]["Last_Name"], "Seeded");

    let state = dir.join("state.json");
    std::fs::write(&state, r#"{"crm": {"modules": {"Leads": []}}, "outbox": [{"from": "a@example.test", "to": ["b@example.test"], "subject": "Hi", "message": "m"}]}"#).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_deluge"))
        .args([
            "sandbox",
            "dump",
            "--state",
            state.to_str().unwrap(),
            "--seed",
            seed.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    let dump: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(dump["crm"]["modules"]["Leads"], json!([]));
    assert_eq!(dump["outbox"][0]["subject"], "Hi");

    let bad = dir.join("bad.json");
    std::fs::write(&bad, "{\n  \"crm\": {\"modules\": 5}\n}\n").unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_deluge"))
        .args([
            "--color",
            "never",
            "sandbox",
            "dump",
            "--seed",
            bad.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("[E620]"), "{stderr}");
    assert!(stderr.contains("bad.json:2:"), "{stderr}");
    assert!(stderr.contains("\"modules\": 5"), "{stderr}");

    let output = Command::new(env!("CARGO_BIN_EXE_deluge"))
        .args(["sandbox", "dump"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).unwrap();
}
