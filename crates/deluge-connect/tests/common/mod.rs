//! Running a script against a `ConnectHost` whose connections file and
//! environment the test gives.
#![allow(dead_code)]

use deluge_connect::config::{LoadedFile, parse_text};
use deluge_connect::{ConnectHost, ConnectSetup, Layer, NetworkPolicy, RequestLog, Transport};
use deluge_runtime::{Interpreter, Limits, Loaded, LocalHost, Program, RtError, Value};
use std::collections::HashMap;
use std::path::PathBuf;

pub struct Outcome {
    pub result: Result<Option<Value>, RtError>,
    pub log: RequestLog,
    pub info: Vec<String>,
}

impl Outcome {
    /// The returned value's display form, or the error text.
    pub fn shown(&self) -> String {
        match &self.result {
            Ok(Some(v)) => v.display(),
            Ok(None) => "(nothing)".into(),
            Err(e) => format!("error: {}", e.message),
        }
    }

    pub fn error(&self) -> &RtError {
        self.result.as_ref().expect_err("the script should fail")
    }
}

pub struct Setup {
    pub file: Option<String>,
    pub env: HashMap<String, String>,
    pub policy: NetworkPolicy,
    pub network: Option<Box<dyn Transport>>,
    pub layers: Vec<Box<dyn Layer>>,
    pub simulator_enabled: bool,
}

impl Default for Setup {
    fn default() -> Self {
        Setup {
            file: None,
            env: HashMap::new(),
            policy: NetworkPolicy::Loopback,
            network: None,
            layers: Vec::new(),
            simulator_enabled: false,
        }
    }
}

impl Setup {
    pub fn file(mut self, json: &str) -> Setup {
        self.file = Some(json.to_string());
        self
    }

    pub fn env(mut self, name: &str, value: &str) -> Setup {
        self.env.insert(name.into(), value.into());
        self
    }

    pub fn host(self) -> ConnectHost {
        let file = self.file.map(|text| {
            let (file, warnings) =
                parse_text("connections.json", &text).expect("valid connections file");
            LoadedFile {
                path: PathBuf::from("connections.json"),
                file,
                warnings,
            }
        });
        let env = self.env;
        ConnectHost::new(
            LocalHost::default(),
            ConnectSetup {
                file,
                network: self.network,
                layers: self.layers,
                policy: Some(self.policy),
                simulator_enabled: self.simulator_enabled,
                env: Box::new(move |name| env.get(name).cloned()),
                ..ConnectSetup::default()
            },
        )
    }

    pub fn run(self, script: &str) -> Outcome {
        let mut host = self.host();
        run_with(&mut host, script)
    }
}

pub fn run_with(host: &mut ConnectHost, script: &str) -> Outcome {
    let mut program = Program::new();
    let loaded = program
        .load("test.dg", script, &[], &|_| None)
        .expect("script parses");
    let Loaded::Script(f) = loaded else {
        panic!("not a script")
    };
    let outcome = Interpreter::new(&program, host, Limits::default()).run(f, Vec::new());
    Outcome {
        result: outcome.result,
        log: host.request_log(),
        info: outcome.info,
    }
}

/// A JSON text with `{url}` replaced by the server's URL.
pub fn with_url(template: &str, url: &str) -> String {
    template.replace("{url}", url)
}
