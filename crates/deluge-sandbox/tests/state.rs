//! Seeds, dumps and state files: malformed seeds are reported with file,
//! line and column; a dump has the seed's shape; a saved state seeds the
//! next simulator; a killed writer never leaves a torn file.

mod common;

use common::*;
use deluge_connect::TaskService;
use deluge_sandbox::{Mail, Seed, Simulator};
use serde_json::json;
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("deluge-sandbox-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn malformed_seed_names_file_line_and_column() {
    let text = "{\n  \"user\": {\"name\": \"A\", \"id\": \"1\"},\n  \"crm\": {\"modules\": {\"Leads\": [}\n}\n";
    let error = Simulator::from_seed_json(text, "sandbox.json")
        .err()
        .unwrap();
    assert_eq!(error.line_col().map(|(line, _)| line), Some(3));
    let report = error.render(false);
    assert!(report.contains("E620"), "{report}");
    assert!(report.contains("sandbox.json:3:"), "{report}");
    assert!(report.contains("\"Leads\": [}"), "{report}");
    assert!(error.to_string().starts_with("sandbox.json:3:"), "{error}");
}

#[test]
fn unknown_keys_are_rejected_where_the_shape_is_ours() {
    for (text, word) in [
        (r#"{"usr": {}}"#, "usr"),
        (r#"{"crm": {"module": {}}}"#, "module"),
        (r#"{"oauth": {"ttl": 5}}"#, "ttl"),
        (
            r#"{"books": {"organizations": {"1": {"name": "x", "contact": []}}}}"#,
            "contact",
        ),
        (r#"{"id_start": "abc"}"#, "id_start"),
    ] {
        let error = Simulator::from_seed_json(text, "s.json").err().unwrap();
        assert!(error.to_string().contains(word), "{text}: {error}");
        assert!(error.line_col().is_some());
    }
}

#[test]
fn a_missing_seed_file_is_a_read_error() {
    let error = Simulator::from_seed_file(std::path::Path::new("no/such/seed.json"))
        .err()
        .unwrap();
    assert!(error.is_not_found());
    assert!(error.to_string().contains("no/such/seed.json"));
}

#[test]
fn dump_has_the_seed_shape_and_seeds_an_equal_store() {
    let sim = sim();
    post(
        &sim,
        &format!("{CRM}/Leads"),
        json!({"data": [{"Last_Name": "New"}]}),
    );
    let dump = sim.dump();
    assert_eq!(dump["id_start"], "4000000000101");
    assert_eq!(dump["crm"]["modules"]["Leads"][2]["Last_Name"], "New");
    assert_eq!(
        dump["books"]["organizations"]["10234695"]["items"][0]["sku"],
        "W-1"
    );
    let again = Simulator::from_seed_json(&dump.to_string(), "dump.json").unwrap();
    assert_eq!(again.dump(), dump);
}

#[test]
fn seeded_ids_become_text_and_missing_ids_are_given() {
    let sim = Simulator::from_seed_json(
        r#"{"id_start": 500, "crm": {"modules": {"Leads": [{"id": 42, "Last_Name": "A"}, {"Last_Name": "B"}]}}}"#,
        "s.json",
    )
    .unwrap();
    let leads = sim.records(TaskService::Crm, "leads", None).unwrap();
    assert_eq!(leads[0]["id"], "42");
    assert_eq!(leads[1]["id"], "500");
}

#[test]
fn inspection_api_reads_and_adds_records() {
    let sim = sim();
    let mut record = serde_json::Map::new();
    record.insert("Last_Name".into(), json!("Added"));
    sim.add_records(TaskService::Crm, "leads", None, vec![record])
        .unwrap();
    let (status, body) = get(
        &sim,
        &format!("{CRM}/Leads/search?criteria=(Last_Name:equals:Added)"),
    );
    assert_eq!(status, 200);
    assert!(body["data"][0]["id"].is_string());
    let mut item = serde_json::Map::new();
    item.insert("name".into(), json!("Bolt"));
    sim.add_records(TaskService::Books, "Items", Some("10234695"), vec![item])
        .unwrap();
    assert_eq!(
        sim.records(TaskService::Books, "items", Some("10234695"))
            .unwrap()
            .len(),
        2
    );
    assert!(sim.records(TaskService::Books, "items", Some("1")).is_err());
    assert!(sim.records(TaskService::Books, "items", None).is_err());
    assert!(sim.records(TaskService::Crm, "Nonsense", None).is_err());
}

#[test]
fn state_files_round_trip_with_the_outbox() {
    let dir = temp_dir("roundtrip");
    let path = dir.join("state.json");
    let sim = sim();
    post(
        &sim,
        &format!("{CRM}/Leads"),
        json!({"data": [{"Last_Name": "Kept"}]}),
    );
    let mail = Mail {
        from: "test@example.test".into(),
        to: vec!["ann@example.test".into()],
        cc: vec![],
        bcc: vec!["audit@example.test".into()],
        subject: "Hello".into(),
        message: "<b>hi</b>".into(),
        attachments: vec!["quote.pdf".into()],
    };
    sim.record_mail(mail.clone());
    sim.save_state(&path).unwrap();
    let next = Simulator::from_seed(Seed::default());
    assert!(next.load_state_if_exists(&path).unwrap());
    assert_eq!(next.dump(), sim.dump());
    assert_eq!(next.outbox(), vec![mail]);
    // Ids continue where the saved store stopped.
    let (_, body) = post(
        &next,
        &format!("{CRM}/Leads"),
        json!({"data": [{"Last_Name": "Next"}]}),
    );
    assert_eq!(body["data"][0]["details"]["id"], "4000000000101");
    assert!(!next.load_state_if_exists(&dir.join("absent.json")).unwrap());
    // No temporary files are left behind.
    let names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("state.json")]);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The child half of the crash test: saves a growing store in a loop
/// until it is killed.
#[test]
#[ignore = "run by state_file_survives_a_killed_writer"]
fn state_writer_child() {
    let Some(path) = std::env::var_os("DELUGE_SANDBOX_STATE_CHILD") else {
        return;
    };
    let sim = sim();
    for i in 0u64.. {
        let mut record = serde_json::Map::new();
        record.insert("Last_Name".into(), json!(format!("L{i}")));
        // A big record makes each write take a while, widening the window.
        record.insert("Notes".into(), json!("x".repeat(20_000)));
        sim.add_records(TaskService::Crm, "Leads", None, vec![record])
            .unwrap();
        sim.save_state(std::path::Path::new(&path)).unwrap();
    }
}

#[test]
fn state_file_survives_a_killed_writer() {
    let dir = temp_dir("crash");
    let path = dir.join("state.json");
    for round in 0..5u64 {
        let _ = std::fs::remove_file(&path);
        let mut child = std::process::Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "state_writer_child", "--ignored", "--nocapture"])
            .env("DELUGE_SANDBOX_STATE_CHILD", &path)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(20);
        while !path.exists() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(5));
        }
        // Kill it at a different moment each round, mid-write or not.
        std::thread::sleep(Duration::from_millis(20 + round * 37));
        child.kill().unwrap();
        child.wait().unwrap();
        let loaded = Simulator::from_seed(Seed::default());
        loaded.load_state(&path).expect("the state file is whole");
        let leads = loaded.records(TaskService::Crm, "Leads", None).unwrap();
        assert!(leads.len() > 2, "round {round}: {} leads", leads.len());
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
