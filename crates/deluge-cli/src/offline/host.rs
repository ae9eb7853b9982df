//! Building the host of one run from its [`Plan`]: the connections file,
//! fixtures first, then the simulator for Zoho hosts, then the network
//! only where the policy allows (integrations spec §6.1); and `sendmail`,
//! captured in the simulator's outbox offline.
//!
//! This is the library-level entry point for anything that runs a script
//! against a project (`deluge run`, `deluge test`): [`build`] gives a
//! [`RunHost`], which is a `deluge_runtime::Host`; [`RunHost::finish`]
//! saves the simulator's state and the recording after the run.

use super::mail;
use super::plan::Plan;
use deluge_connect::fixture::record::Recording;
use deluge_connect::router::TraceSink;
use deluge_connect::{
    ConnectHost, ConnectSetup, FixtureLayer, Layer, NetworkPolicy, NetworkTransport, RequestLog,
    Transport, load_file,
};
use deluge_runtime::{Host, HostError, LocalHost, TaskRequest, Value};
use deluge_sandbox::{Mail, Simulator};
use jiff::Timestamp;
use jiff::tz::TimeZone;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A problem with a file the run is configured by, already rendered.
#[derive(Debug)]
pub struct SetupError(pub String);

/// How the host reports and what the command line overrides.
#[derive(Default)]
pub struct HostOptions {
    /// Colour in rendered errors.
    pub color: bool,
    /// `--network`: wins over `--offline`'s deny and over the file.
    pub policy: Option<NetworkPolicy>,
    /// Receives each request log entry as it is made (`--trace-http`).
    pub trace: Option<TraceSink>,
}

/// The host of a run and what must be kept after it.
pub struct RunHost {
    pub inner: ConnectHost,
    simulator: Option<Arc<Simulator>>,
    state: Option<PathBuf>,
    recording: Option<(Arc<Recording>, PathBuf)>,
    offline: bool,
    /// Warnings of the connections file, for the command to print.
    pub warnings: Vec<String>,
}

/// The simulator, shared between the router and the run that saves it.
struct SharedSimulator(Arc<Simulator>);

impl Layer for SharedSimulator {
    fn name(&self) -> &'static str {
        self.0.name()
    }

    fn try_execute(&self, request: &deluge_connect::HttpRequest) -> Option<deluge_connect::Answer> {
        self.0.try_execute(request)
    }
}

/// Builds the host: reads the connections file, the fixtures and the seed
/// (and the state file, when it exists). Errors name the file, line and
/// column.
pub fn build(plan: &Plan, local: LocalHost, options: HostOptions) -> Result<RunHost, SetupError> {
    let color = options.color;
    if let Some(state) = &plan.state {
        check_writable(state, "state file")?;
    }
    if let Some(record) = &plan.record {
        check_writable(record, "recording")?;
    }
    let file = match &plan.connections {
        Some(path) => Some(load_file(path).map_err(|e| SetupError(e.render(color)))?),
        None => None,
    };
    let warnings = file
        .iter()
        .flat_map(|f| {
            f.warnings
                .iter()
                .map(|w| format!("{}: {w}", f.path.display()))
        })
        .collect();
    let runtime = file
        .as_ref()
        .map(|f| (f.dir().to_path_buf(), &f.file.runtime));
    let mut fixture_paths = plan.fixtures.clone();
    if let Some((dir, runtime)) = &runtime {
        fixture_paths.extend(runtime.fixtures.iter().map(|p| dir.join(p)));
    }
    let fixtures = FixtureLayer::load(&fixture_paths).map_err(|e| SetupError(e.render(color)))?;
    let file_simulator = runtime
        .as_ref()
        .and_then(|(dir, r)| r.simulator.as_ref().map(|s| (dir, s)))
        .filter(|(_, s)| s.enabled);
    let seed = plan
        .seed
        .clone()
        .or_else(|| file_simulator.and_then(|(dir, s)| s.seed.as_ref().map(|p| dir.join(p))));
    let simulator = if plan.offline || file_simulator.is_some() {
        Some(Arc::new(simulator(
            seed.as_deref(),
            plan.state.as_deref(),
            color,
        )?))
    } else {
        None
    };
    let mut layers: Vec<Box<dyn Layer>> = Vec::new();
    if !fixtures.is_empty() {
        layers.push(Box::new(fixtures));
    }
    if let Some(sim) = &simulator {
        layers.push(Box::new(SharedSimulator(Arc::clone(sim))));
    }
    let recording = plan
        .record
        .as_ref()
        .map(|path| (Recording::new(), path.clone()));
    let network: Option<Box<dyn Transport>> = recording.as_ref().map(|(rec, _)| {
        Box::new(rec.wrap(Box::new(NetworkTransport::new()))) as Box<dyn Transport>
    });
    let setup = ConnectSetup {
        file,
        layers,
        network,
        policy: options
            .policy
            .or(plan.offline.then_some(NetworkPolicy::Deny)),
        simulator_enabled: simulator.is_some(),
        trace: options.trace,
        ..ConnectSetup::default()
    };
    Ok(RunHost {
        inner: ConnectHost::new(local, setup),
        simulator,
        state: plan.state.clone(),
        recording,
        offline: plan.offline,
        warnings,
    })
}

/// A file the run will write must have a folder to go in; found out before
/// the run rather than after it.
fn check_writable(path: &Path, what: &str) -> Result<(), SetupError> {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() && !dir.is_dir() => Err(SetupError(format!(
            "deluge: cannot write the {what} {}: the folder {} does not exist\n",
            path.display(),
            dir.display()
        ))),
        _ => Ok(()),
    }
}

fn simulator(
    seed: Option<&Path>,
    state: Option<&Path>,
    color: bool,
) -> Result<Simulator, SetupError> {
    let sim = match seed {
        Some(path) => Simulator::from_seed_file(path).map_err(|e| SetupError(e.render(color)))?,
        None => Simulator::from_seed(Default::default()),
    };
    if let Some(state) = state {
        sim.load_state_if_exists(state)
            .map_err(|e| SetupError(e.render(color)))?;
    }
    Ok(sim)
}

impl RunHost {
    pub fn request_log(&self) -> RequestLog {
        self.inner.request_log()
    }

    /// Mail captured in the simulator's outbox (this run and earlier runs
    /// kept in the state file).
    pub fn outbox(&self) -> Vec<Mail> {
        self.simulator
            .as_ref()
            .map(|s| s.outbox())
            .unwrap_or_default()
    }

    pub fn is_offline(&self) -> bool {
        self.offline
    }

    /// Saves the simulator's state file and the recording, if asked for.
    pub fn finish(&self) -> Result<(), String> {
        if let (Some(sim), Some(path)) = (&self.simulator, &self.state) {
            sim.save_state(path)
                .map_err(|e| format!("cannot save the state file {}: {e}", path.display()))?;
        }
        if let Some((recording, path)) = &self.recording {
            let router = self.inner.router();
            recording
                .save_masked(path, &|text| router.redact(text))
                .map_err(|e| format!("cannot write the recording {}: {e}", path.display()))?;
        }
        Ok(())
    }
}

impl Host for RunHost {
    fn info(&mut self, text: &str) {
        self.inner.info(text);
    }

    fn now(&self) -> Timestamp {
        self.inner.now()
    }

    fn time_zone(&self) -> &TimeZone {
        self.inner.time_zone()
    }

    fn system_variable(&mut self, name: &str) -> Option<Value> {
        self.inner.system_variable(name)
    }

    fn invoke_url(&mut self, request: &TaskRequest) -> Result<Value, HostError> {
        self.inner.invoke_url(request)
    }

    /// Offline, the mail goes to the simulator's outbox and the request
    /// log; online there is no mail connection to send it with.
    fn send_mail(&mut self, request: &TaskRequest) -> Result<(), HostError> {
        let mail = mail::from_task(request)?;
        match (&self.simulator, self.offline) {
            (Some(sim), true) => {
                self.inner.router().warn(&mail::log_line(&mail));
                sim.record_mail(mail);
                Ok(())
            }
            // No mail service is configured: E320, like any task without one.
            _ => Err(HostError {
                message: mail::NEEDS_CONNECTION.to_string(),
                unavailable: true,
            }),
        }
    }

    fn integration_task(&mut self, name: &str, args: &[Value]) -> Option<Result<Value, HostError>> {
        self.inner.integration_task(name, args)
    }

    fn open_url(&mut self, url: &str, target: &str) {
        self.inner.open_url(url, target);
    }
}
