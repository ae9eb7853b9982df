//! [`ConnectHost`]: the runtime's [`Host`] with real external calls.
//!
//! `info`, the clock and the `zoho.*` system variables behave as in
//! [`LocalHost`]; `invokeurl` and the tasks' requests go through the
//! [`Connector`] (connections, auth) and the [`Router`] (layers, policy,
//! network, request log).

use crate::config::LoadedFile;
use crate::connector::Connector;
use crate::error::ConnectError;
use crate::http::{HttpRequest, HttpResponse};
use crate::invoke;
use crate::net::NetworkTransport;
use crate::policy::NetworkPolicy;
use crate::request_log::RequestLog;
use crate::router::{Router, TraceSink};
use crate::secret::{EnvLookup, Template, TemplateError, process_env};
use crate::services::DEFAULT_API_DOMAIN;
use crate::task_env::{TaskEnv, TaskService, TaskSettings};
use crate::transport::{Layer, Transport};
use deluge_runtime::{Host, HostError, LocalHost, TaskRequest, Value};
use jiff::Timestamp;
use jiff::tz::TimeZone;
use std::collections::HashMap;
use url::Url;

/// Everything a [`ConnectHost`] is made from.
pub struct ConnectSetup {
    /// The connections file, if one was found.
    pub file: Option<LoadedFile>,
    /// Answer before the network, in order (fixtures, the simulator).
    pub layers: Vec<Box<dyn Layer>>,
    /// The network; `None` for the real one.
    pub network: Option<Box<dyn Transport>>,
    /// The command line's `--network`; wins over the file's
    /// `runtime.network`; both absent means `deny`.
    pub policy: Option<NetworkPolicy>,
    /// Tasks with no connection go to the simulator's seed user.
    pub simulator_enabled: bool,
    /// Where `${env:NAME}` is looked up.
    pub env: Box<EnvLookup>,
    /// Receives each request log entry as it is made.
    pub trace: Option<TraceSink>,
}

impl Default for ConnectSetup {
    fn default() -> Self {
        ConnectSetup {
            file: None,
            layers: Vec::new(),
            network: None,
            policy: None,
            simulator_enabled: false,
            env: Box::new(process_env),
            trace: None,
        }
    }
}

pub struct ConnectHost {
    /// Info output, clock, zone and system variables.
    pub local: LocalHost,
    router: Router,
    connector: Connector,
    simulator_enabled: bool,
    task_settings: TaskSettings,
    /// Org variables changed by the script (`crm.set`) or already resolved.
    org_values: HashMap<String, String>,
}

impl ConnectHost {
    pub fn new(local: LocalHost, setup: ConnectSetup) -> ConnectHost {
        let policy = setup
            .policy
            .or_else(|| setup.file.as_ref().and_then(|f| f.file.runtime.network))
            .unwrap_or_default();
        let network = setup
            .network
            .unwrap_or_else(|| Box::new(NetworkTransport::new()));
        let mut router = Router::new(setup.layers, network, policy);
        if let Some(trace) = setup.trace {
            router = router.with_trace(trace);
        }
        let connector = Connector::new(setup.file, setup.env);
        let task_settings = TaskSettings {
            bigin_unwrap_single_record: connector.settings().bigin_unwrap_single_record,
        };
        ConnectHost {
            local,
            router,
            connector,
            simulator_enabled: setup.simulator_enabled,
            task_settings,
            org_values: HashMap::new(),
        }
    }

    pub fn router(&self) -> &Router {
        &self.router
    }

    /// The requests made so far, credentials masked.
    pub fn request_log(&self) -> RequestLog {
        self.router.log()
    }

    pub fn connector(&mut self) -> &mut Connector {
        &mut self.connector
    }

    /// Fetches a token for a link now (`deluge connections check`).
    pub fn check_link(&mut self, name: &str) -> Result<(), String> {
        self.connector
            .check(&self.router, name)
            .map(|_| ())
            .map_err(|e| self.router.redact(&e.to_string()))
    }

    fn error(&self, e: &ConnectError, caller: &str, url: Option<&Url>) -> HostError {
        HostError::new(self.router.redact(&e.message(caller, url)))
    }

    fn invoke(&mut self, task: &TaskRequest) -> Result<Value, HostError> {
        let link = match invoke::connection_name(task) {
            Some(name) => Some(
                self.connector
                    .link(&self.router, &name)
                    .map_err(|e| self.error(&e, "invokeurl", None))?,
            ),
            None => None,
        };
        let params = link
            .as_ref()
            .map(|l| l.url_params.as_slice())
            .unwrap_or(&[]);
        let prepared = invoke::build(task, params).map_err(HostError::new)?;
        let url = prepared.request.logical_url.clone();
        let response = self
            .connector
            .send(&self.router, link.as_deref(), prepared.request)
            .map_err(|e| self.error(&e, "invokeurl", Some(&url)))?;
        invoke::convert(&response, &prepared.options).map_err(HostError::new)
    }

    fn resolve_org_variable(&self, name: &str) -> Result<Option<String>, HostError> {
        let settings = self.connector.settings();
        let Some(value) = settings.org_variables.get(name) else {
            return Ok(None);
        };
        let text = match value {
            serde_json::Value::String(raw) => Template::new(raw.clone())
                .resolve(self.connector.env())
                .map_err(|e| match e {
                    TemplateError::Unset(variable) => HostError::new(format!(
                        "Org variable '{name}': environment variable {variable} is not set"
                    )),
                    TemplateError::Malformed(_) => HostError::new(format!(
                        "Org variable '{name}': malformed ${{env:...}} reference"
                    )),
                })?,
            other => other.to_string(),
        };
        self.router.add_secret(&text);
        Ok(Some(text))
    }
}

impl Host for ConnectHost {
    fn info(&mut self, text: &str) {
        self.local.info(text);
    }

    fn now(&self) -> Timestamp {
        self.local.now()
    }

    fn time_zone(&self) -> &TimeZone {
        self.local.time_zone()
    }

    fn system_variable(&mut self, name: &str) -> Option<Value> {
        self.local.system_variable(name)
    }

    fn invoke_url(&mut self, request: &TaskRequest) -> Result<Value, HostError> {
        self.invoke(request)
    }

    fn send_mail(&mut self, request: &TaskRequest) -> Result<(), HostError> {
        self.local.send_mail(request)
    }

    /// `zoho.bigin/crm/books.*` run as REST calls with this host as their
    /// [`TaskEnv`]; other `zoho.*` names are errors that name them.
    fn integration_task(&mut self, name: &str, args: &[Value]) -> Option<Result<Value, HostError>> {
        crate::tasks::call(name, args, self)
    }

    fn open_url(&mut self, url: &str, target: &str) {
        self.local.open_url(url, target);
    }
}

impl TaskEnv for ConnectHost {
    fn send(
        &mut self,
        task: &str,
        service: TaskService,
        connection: Option<&str>,
        build: &dyn Fn(&Url) -> HttpRequest,
    ) -> Result<HttpResponse, HostError> {
        let name = connection
            .map(str::to_string)
            .or_else(|| self.connector.default_for(service.prefix()));
        let Some(name) = name else {
            if !self.simulator_enabled {
                return Err(self.error(&ConnectError::NotSpecified(task.to_string()), task, None));
            }
            // The simulator answers as its seed user, with no credentials.
            let domain =
                Url::parse(DEFAULT_API_DOMAIN).map_err(|e| HostError::new(e.to_string()))?;
            let request = build(&domain);
            let url = request.logical_url.clone();
            return self
                .connector
                .send(&self.router, None, request)
                .map_err(|e| self.error(&e, task, Some(&url)));
        };
        let link = self
            .connector
            .link(&self.router, &name)
            .map_err(|e| self.error(&e, task, None))?;
        let domain = self
            .connector
            .api_domain(&self.router, &link)
            .map_err(|e| self.error(&e, task, None))?;
        let domain = Url::parse(&domain)
            .map_err(|_| HostError::new(format!("{task}: invalid API domain '{domain}'")))?;
        let request = build(&domain);
        let url = request.logical_url.clone();
        self.connector
            .send(&self.router, Some(&link), request)
            .map_err(|e| self.error(&e, task, Some(&url)))
    }

    fn org_variable(&mut self, name: &str) -> Result<Option<String>, HostError> {
        if let Some(value) = self.org_values.get(name) {
            return Ok(Some(value.clone()));
        }
        let value = self.resolve_org_variable(name)?;
        if let Some(v) = &value {
            self.org_values.insert(name.to_string(), v.clone());
        }
        Ok(value)
    }

    fn set_org_variable(&mut self, name: &str, value: String) {
        self.org_values.insert(name.to_string(), value);
    }

    fn warn(&mut self, message: String) {
        self.router.warn(&message);
    }

    fn settings(&self) -> &TaskSettings {
        &self.task_settings
    }
}
