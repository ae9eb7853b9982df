//! The offline host of a test case: the connections layer with the
//! project's fixtures, the test's mocks and the local Zoho simulator in
//! front of a network that is always denied, and the [`Services`] view of
//! them that the `test.` functions use.

use super::env::Services;
use deluge_connect::fixture::FixtureFile;
use deluge_connect::redact::Redactor;
use deluge_connect::{
    Answer, ConnectHost, ConnectSetup, FixtureLayer, HttpRequest, Layer, LoadedFile, LogEntry,
    NetworkPolicy, RequestBody, TaskService, Transport, TransportError,
};
use deluge_runtime::LocalHost;
use deluge_sandbox::{FixedClock, Seed, Simulator};
use jiff::Timestamp;
use jiff::tz::TimeZone;
use serde_json::{Map, Value, json};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};

/// What the hosts of a project are built from, read once.
pub struct OfflineParts {
    pub connections: Option<LoadedFile>,
    /// Fixture files: path and text (parsed afresh per case, since rules
    /// count their uses).
    pub fixtures: Vec<(PathBuf, String)>,
}

/// Builds a case's host: `seed` starts a fresh simulator.
pub fn build(
    parts: &OfflineParts,
    now: Timestamp,
    zone: TimeZone,
    seed: Option<&Seed>,
) -> Result<(ConnectHost, OfflineServices), String> {
    let clock = Arc::new(FixedClock::new(now.to_zoned_datetime(zone.clone())));
    let simulator =
        seed.map(|s| Arc::new(Simulator::from_seed(s.clone()).with_clock(clock.clone())));
    let spy = Arc::new(Spy::default());
    let mocks = Arc::new(Mocks::default());
    let log: Arc<Mutex<Vec<LogEntry>>> = Arc::default();
    let mut fixture_files = Vec::new();
    for (path, text) in &parts.fixtures {
        fixture_files.push(FixtureFile::parse(path, text).map_err(|e| e.to_string())?);
    }
    let mut layers: Vec<Box<dyn Layer>> = vec![
        Box::new(SpyLayer(spy.clone())),
        Box::new(MockLayer(mocks.clone())),
        Box::new(FixtureLayer::from_files(fixture_files)),
    ];
    if let Some(sim) = &simulator {
        layers.push(Box::new(SimLayer(sim.clone())));
    }
    let sink = log.clone();
    let setup = ConnectSetup {
        file: parts.connections.clone(),
        layers,
        network: Some(Box::new(NoNetwork)),
        policy: Some(NetworkPolicy::Deny),
        simulator_enabled: simulator.is_some(),
        trace: Some(Box::new(move |entry: &LogEntry| {
            lock(&sink).push(entry.clone());
        })),
        ..ConnectSetup::default()
    };
    let local = LocalHost {
        fixed_now: Some(now),
        zone,
        ..LocalHost::default()
    };
    let services = OfflineServices {
        simulator,
        clock,
        spy,
        mocks,
        log,
        now,
    };
    Ok((ConnectHost::new(local, setup), services))
}

/// Tests never reach the network, whatever the connections file says.
struct NoNetwork;

impl Transport for NoNetwork {
    fn execute(&self, _request: &HttpRequest) -> Answer {
        Err(TransportError::Denied(
            "deluge test never uses the network: add a fixture (test.mock) or seed the simulator"
                .into(),
        ))
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Request bodies and queries as the script sent them, in order; the
/// request log has the rest (status, which layer answered).
#[derive(Default)]
struct Spy {
    seen: Mutex<Vec<(Value, Value)>>,
}

/// The first layer: claims nothing, remembers every request.
struct SpyLayer(Arc<Spy>);

impl Layer for SpyLayer {
    fn name(&self) -> &'static str {
        "spy"
    }

    fn try_execute(&self, request: &HttpRequest) -> Option<Answer> {
        let redactor = Redactor::default();
        let query: Map<String, Value> = request
            .logical_url
            .query_pairs()
            .map(|(k, v)| {
                let shown = redactor.form_value(&k, &v);
                (k.into_owned(), Value::String(shown))
            })
            .collect();
        lock(&self.0.seen).push((Value::Object(query), body(&request.body, &redactor)));
        None
    }
}

/// A body as a test sees it: a form as a map, JSON as its value, other
/// bytes as text; credential fields masked.
fn body(body: &RequestBody, redactor: &Redactor) -> Value {
    match body {
        RequestBody::Empty => Value::Null,
        RequestBody::Form(pairs) => Value::Object(
            pairs
                .iter()
                .map(|(k, v)| (k.clone(), Value::String(redactor.form_value(k, v))))
                .collect(),
        ),
        RequestBody::Bytes { data, .. } => {
            let text = String::from_utf8_lossy(data);
            match serde_json::from_str::<Value>(&text) {
                Ok(json) => mask_json(json, redactor),
                Err(_) => Value::String(redactor.text(&text)),
            }
        }
        RequestBody::Multipart(parts) => Value::Array(
            parts
                .iter()
                .map(|p| match p {
                    deluge_connect::MultipartPart::Text { name, value } => {
                        json!({"name": name, "value": redactor.form_value(name, value)})
                    }
                    deluge_connect::MultipartPart::File {
                        name, file_name, ..
                    } => json!({"name": name, "file": file_name}),
                })
                .collect(),
        ),
    }
}

fn mask_json(value: Value, redactor: &Redactor) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| {
                    let v = match v {
                        Value::String(s) => Value::String(redactor.form_value(&k, &s)),
                        other => mask_json(other, redactor),
                    };
                    (k, v)
                })
                .collect(),
        ),
        Value::Array(items) => {
            Value::Array(items.into_iter().map(|v| mask_json(v, redactor)).collect())
        }
        Value::String(s) => Value::String(redactor.text(&s)),
        other => other,
    }
}

/// Rules added by `test.mock`, newest first.
#[derive(Default)]
struct Mocks {
    layers: Mutex<Vec<FixtureLayer>>,
}

struct MockLayer(Arc<Mocks>);

impl Layer for MockLayer {
    fn name(&self) -> &'static str {
        "fixture"
    }

    fn try_execute(&self, request: &HttpRequest) -> Option<Answer> {
        lock(&self.0.layers)
            .iter()
            .rev()
            .find_map(|layer| layer.try_execute(request))
    }
}

/// The simulator, shared with the `test.` functions that inspect it.
struct SimLayer(Arc<Simulator>);

impl Layer for SimLayer {
    fn name(&self) -> &'static str {
        self.0.name()
    }

    fn try_execute(&self, request: &HttpRequest) -> Option<Answer> {
        self.0.try_execute(request)
    }
}

pub struct OfflineServices {
    simulator: Option<Arc<Simulator>>,
    clock: Arc<FixedClock>,
    spy: Arc<Spy>,
    mocks: Arc<Mocks>,
    log: Arc<Mutex<Vec<LogEntry>>>,
    now: Timestamp,
}

impl OfflineServices {
    fn simulator(&self) -> Result<&Simulator, String> {
        self.simulator.as_deref().ok_or_else(|| {
            "the project has no simulator seed (sandbox.json, or a `// sandbox:` header)".into()
        })
    }
}

/// `bigin`, `crm`, `books` (with or without `zoho.`).
fn service(name: &str) -> Result<TaskService, String> {
    match name
        .trim_start_matches("zoho.")
        .to_ascii_lowercase()
        .as_str()
    {
        "bigin" => Ok(TaskService::Bigin),
        "crm" => Ok(TaskService::Crm),
        "books" => Ok(TaskService::Books),
        _ => Err(format!("unknown service `{name}`: use bigin, crm or books")),
    }
}

impl Services for OfflineServices {
    fn requests(&self) -> Vec<Value> {
        let seen = lock(&self.spy.seen);
        lock(&self.log)
            .iter()
            .zip(seen.iter())
            .map(|(entry, (query, body))| {
                let url = entry.logical_url.split('?').next().unwrap_or_default();
                json!({
                    "method": entry.method,
                    "url": url,
                    "connection": entry.connection,
                    "query": query,
                    "body": body,
                    "status": entry.status,
                    "layer": entry.answered_by,
                    "origin": entry.origin,
                })
            })
            .collect()
    }

    fn records(
        &self,
        service_name: &str,
        module: &str,
        org: Option<&str>,
    ) -> Result<Value, String> {
        let records = self
            .simulator()?
            .records(service(service_name)?, module, org)
            .map_err(|e| e.to_string())?;
        Ok(Value::Array(
            records.into_iter().map(Value::Object).collect(),
        ))
    }

    fn seed(
        &mut self,
        service_name: &str,
        module: &str,
        records: Value,
        org: Option<&str>,
    ) -> Result<Value, String> {
        let Value::Array(items) = records else {
            return Err("records must be a map or a list of maps".into());
        };
        let mut new = Vec::new();
        for item in items {
            match item {
                Value::Object(map) => new.push(map),
                _ => return Err("records must be a map or a list of maps".into()),
            }
        }
        let service = service(service_name)?;
        let sim = self.simulator()?;
        let before = sim
            .records(service, module, org)
            .map(|r| r.len())
            .unwrap_or(0);
        sim.add_records(service, module, org, new)
            .map_err(|e| e.to_string())?;
        let after = sim
            .records(service, module, org)
            .map_err(|e| e.to_string())?;
        Ok(Value::Array(
            after.into_iter().skip(before).map(Value::Object).collect(),
        ))
    }

    fn mock(&mut self, method: &str, pattern: &str, response: Value) -> Result<(), String> {
        let reply = match response {
            Value::Object(map)
                if map
                    .keys()
                    .any(|k| matches!(k.as_str(), "status" | "json" | "text")) =>
            {
                Value::Object(map)
            }
            body => json!({"status": 200, "json": body}),
        };
        let rule = json!({
            "fixtures": [{
                "name": format!("test.mock {method} {pattern}"),
                "match": {"method": method, "url_regex": url_regex(pattern)},
                "response": reply,
            }]
        });
        let file = FixtureFile::parse(&PathBuf::from("test.mock"), &rule.to_string())
            .map_err(|e| e.to_string())?;
        lock(&self.mocks.layers).push(FixtureLayer::from_files(vec![file]));
        Ok(())
    }

    fn set_now(&mut self, now: Timestamp) {
        let by = now.duration_since(self.now);
        self.clock.advance(by);
        self.now = now;
    }
}

/// A URL pattern as a regex: `*` stands for any text; the query string
/// may follow unless the pattern has one.
fn url_regex(pattern: &str) -> String {
    let body: Vec<String> = pattern.split('*').map(regex_escape).collect();
    let tail = if pattern.contains('?') {
        ""
    } else {
        r"(\?.*)?"
    };
    format!("^{}{tail}$", body.join(".*"))
}

fn regex_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\.+*?()|[]{}^$#&-~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_patterns_match_as_documented() {
        let re = regex::Regex::new(&url_regex("https://api.example.com/v1/*")).expect("valid");
        assert!(re.is_match("https://api.example.com/v1/items?page=2"));
        assert!(!re.is_match("https://api.example.com/v2/items"));
        let exact = regex::Regex::new(&url_regex("https://a.test/x")).expect("valid");
        assert!(exact.is_match("https://a.test/x?y=1"));
        assert!(!exact.is_match("https://a.test/xy"));
    }
}
