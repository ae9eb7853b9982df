use super::*;

const CONNECTIONS: &str = r#"{
  "version": 1,
  "connections": {
    "books_link": { "service": "zoho_books", "auth": { "type": "zoho_oauth2", "data_center": "us",
      "client_id": "${env:ZOHO_CLIENT_ID:-offline-client}",
      "client_secret": "${env:ZOHO_CLIENT_SECRET:-offline-secret}",
      "refresh_token": "${env:BOOKS_REFRESH_TOKEN:-offline-refresh}" } },
    "weather": { "service": "custom", "auth": { "type": "api_key",
      "params": [ { "name": "appid", "value": "${env:WEATHER_KEY}", "in": "query" },
                  { "name": "X-Client", "value": "deluge-local", "in": "header" } ] } }
  }
}"#;

struct Folder(PathBuf);

impl Folder {
    fn new(name: &str) -> Folder {
        let dir = std::env::temp_dir().join(format!("deluge-plan-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Folder(dir)
    }

    fn file(&self, name: &str, text: &str) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, text).unwrap();
        path
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn unset(_: &str) -> Option<String> {
    None
}

#[test]
fn fallback_secrets_are_not_real_credentials() {
    let dir = Folder::new("fallback");
    let path = dir.file("connections.json", CONNECTIONS);
    assert!(!real_credentials_set(&path, &unset).unwrap());
}

#[test]
fn a_set_variable_behind_a_secret_field_is_a_real_credential() {
    let dir = Folder::new("set");
    let path = dir.file("connections.json", CONNECTIONS);
    let books = |n: &str| (n == "BOOKS_REFRESH_TOKEN").then(|| "1000.abc".to_string());
    assert!(real_credentials_set(&path, &books).unwrap());
    // The client id is not a secret; an empty variable is not set.
    let id_only = |n: &str| (n == "ZOHO_CLIENT_ID").then(|| "1000.X".to_string());
    assert!(!real_credentials_set(&path, &id_only).unwrap());
    let empty = |n: &str| (n == "ZOHO_CLIENT_SECRET").then(String::new);
    assert!(!real_credentials_set(&path, &empty).unwrap());
    // An api_key value counts too; the plain header value does not.
    let key = |n: &str| (n == "WEATHER_KEY").then(|| "k".to_string());
    assert!(real_credentials_set(&path, &key).unwrap());
}

#[test]
fn a_literal_secret_is_a_real_credential() {
    let dir = Folder::new("literal");
    let path = dir.file(
        "connections.json",
        r#"{ "connections": { "gh": { "service": "custom", "auth": { "type": "bearer", "token": "ghp_x" } } } }"#,
    );
    assert!(real_credentials_set(&path, &unset).unwrap());
}

#[test]
fn env_references_skip_escapes() {
    assert_eq!(
        env_references("a ${env:A} $${env:B} ${env:C:-x}"),
        ["A", "C"]
    );
}

#[test]
fn a_seed_and_no_credentials_make_a_run_offline_by_default() {
    let dir = Folder::new("auto");
    dir.file("connections.json", CONNECTIONS);
    dir.file("sandbox.json", "{}");
    let script = dir.file("s.dg", "return 1;");
    let plan = plan(&script, &OfflineArgs::default(), None, &unset).unwrap();
    assert!(plan.offline, "{}", plan.reason);
    assert_eq!(plan.seed, Some(dir.0.join("sandbox.json")));
    assert_eq!(plan.connections, Some(dir.0.join("connections.json")));

    let real = |n: &str| (n == "ZOHO_CLIENT_SECRET").then(|| "s".to_string());
    let online = super::plan(&script, &OfflineArgs::default(), None, &real).unwrap();
    assert!(!online.offline);
    assert_eq!(online.reason, "real credentials are set");
}

#[test]
fn without_a_seed_a_run_is_online_unless_asked() {
    let dir = Folder::new("noseed");
    let script = dir.file("s.dg", "return 1;");
    assert!(
        !plan(&script, &OfflineArgs::default(), None, &unset)
            .unwrap()
            .offline
    );
    let flags = OfflineArgs {
        offline: true,
        ..OfflineArgs::default()
    };
    assert!(plan(&script, &flags, None, &unset).unwrap().offline);
}

#[test]
fn flags_override_the_project_file() {
    let dir = Folder::new("flags");
    dir.file("sandbox.json", "{}");
    dir.file("other-seed.json", "{}");
    dir.file(
        "deluge.json",
        r#"{ "fixtures": ["p.json"], "functions": ["lib.dg"], "offline": false }"#,
    );
    let script = dir.file("s.dg", "return 1;");
    let from_project = plan(&script, &OfflineArgs::default(), None, &unset).unwrap();
    assert!(!from_project.offline, "the project says offline: false");
    let dir_abs = std::path::absolute(&dir.0).unwrap();
    assert_eq!(from_project.fixtures, vec![dir_abs.join("p.json")]);
    assert_eq!(from_project.functions, vec![dir_abs.join("lib.dg")]);

    let flags = OfflineArgs {
        offline: true,
        seed: Some(dir.0.join("other-seed.json")),
        fixtures: vec![dir.0.join("f.json")],
        ..OfflineArgs::default()
    };
    let overridden = plan(&script, &flags, None, &unset).unwrap();
    assert!(overridden.offline);
    assert_eq!(overridden.seed, Some(dir.0.join("other-seed.json")));
    assert_eq!(
        overridden.fixtures,
        vec![dir.0.join("f.json"), dir_abs.join("p.json")]
    );

    let ignored = OfflineArgs {
        no_project: true,
        ..OfflineArgs::default()
    };
    let plain = plan(&script, &ignored, None, &unset).unwrap();
    assert!(plain.project.is_none() && plain.functions.is_empty());
    assert!(plain.offline, "sandbox.json beside the script still counts");
}

#[test]
fn recording_is_never_offline() {
    let dir = Folder::new("record");
    dir.file("sandbox.json", "{}");
    let script = dir.file("s.dg", "return 1;");
    let flags = OfflineArgs {
        record: Some(dir.0.join("rec.json")),
        ..OfflineArgs::default()
    };
    assert!(!plan(&script, &flags, None, &unset).unwrap().offline);
}
