//! The boundary between the interpreter and the world.
//!
//! Every side effect of a script goes through [`Host`]: `info` output, the
//! clock, `zoho.*` system variables, `invokeurl`, `sendmail`, `zoho.*`
//! integration tasks and `openUrl`. The runtime itself has no network,
//! filesystem or clock, so it is deterministic under test; the command line
//! supplies a host, and the connections layer will supply one that speaks
//! HTTP or answers from the local Zoho simulator.

use crate::error::{RtError, RtResult};
use crate::host_fns::HostFnId;
use crate::value::Value;
use deluge_syntax::ast::TaskKind;
use jiff::Timestamp;
use jiff::tz::TimeZone;

/// A task block after its values were evaluated, in source order.
#[derive(Clone, Debug)]
pub struct TaskRequest {
    pub kind: TaskKind,
    /// Keys normalised to lower case (`content-type`, `reply to`), values
    /// evaluated. A bare `type: GET` arrives as the TEXT `"GET"`.
    pub params: Vec<(String, Value)>,
    /// 1-based line of the `invokeurl` / `sendmail` keyword.
    pub line: usize,
}

impl TaskRequest {
    /// The value of a key (keys are unique within a block).
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.params.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
}

/// A failed external call; it becomes a catchable runtime error whose
/// message is `message`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HostError {
    pub message: String,
    /// No service is configured for the task (E320), as opposed to a call
    /// that was made and failed (E321).
    pub unavailable: bool,
}

impl HostError {
    /// A call that was made and failed: a timeout, a refused connection, a
    /// response over the size limit.
    pub fn new(message: impl Into<String>) -> Self {
        HostError {
            message: message.into(),
            unavailable: false,
        }
    }

    /// `<task> is not available in this environment`.
    pub fn unavailable(task: &str) -> Self {
        HostError {
            message: format!("{task} is not available in this environment"),
            unavailable: true,
        }
    }

    /// The code of the runtime error this failure becomes.
    pub fn code(&self) -> &'static str {
        if self.unavailable {
            deluge_syntax::codes::TASK_UNAVAILABLE
        } else {
            deluge_syntax::codes::EXTERNAL_CALL_FAILED
        }
    }
}

pub trait Host {
    /// One `info` entry, as it happens (after the size cap was applied).
    fn info(&mut self, text: &str);

    /// The current instant.
    fn now(&self) -> Timestamp;

    /// The zone in which date-times are interpreted (default UTC).
    fn time_zone(&self) -> &TimeZone;

    /// A `zoho.<name>` system variable (name in lower case, without the
    /// `zoho.` prefix); `None` when there is no such variable.
    fn system_variable(&mut self, name: &str) -> Option<Value>;

    /// Runs an `invokeurl` block.
    fn invoke_url(&mut self, request: &TaskRequest) -> Result<Value, HostError>;

    /// Runs a `sendmail` block.
    fn send_mail(&mut self, request: &TaskRequest) -> Result<(), HostError>;

    /// Runs a `zoho.<service>.<task>(...)` integration task. `name` is the
    /// dotted name as written (`zoho.crm.getRecordById`). `None` means no
    /// layer provides that task ("Not able to find").
    fn integration_task(&mut self, name: &str, args: &[Value]) -> Option<Result<Value, HostError>>;

    /// `openUrl(url, target)`: may be ignored.
    fn open_url(&mut self, url: &str, target: &str);

    /// A call of a function this host registered in the program's
    /// [`HostFunctions`](crate::HostFunctions) (`deluge test`'s assertions
    /// and `test.` namespace). Only registered names reach it; the error
    /// may be uncatchable ([`RtError::limit`]) to end the run.
    fn host_function(&mut self, id: HostFnId, name: &str, args: &[Value]) -> RtResult<Value> {
        let _ = (id, args);
        Err(RtError::not_found(name))
    }
}

/// Defaults for the `zoho.*` system variables (language spec §5.10).
#[derive(Clone, Debug)]
pub struct SystemVariables {
    pub login_user: String,
    pub admin_user: String,
    pub app_name: String,
    pub app_uri: String,
    pub ip_address: String,
}

impl Default for SystemVariables {
    fn default() -> Self {
        SystemVariables {
            login_user: "user@example.com".into(),
            admin_user: "admin@example.com".into(),
            app_name: String::new(),
            app_uri: String::new(),
            ip_address: String::new(),
        }
    }
}

impl SystemVariables {
    /// The text-valued variables; `currentdate` and `currenttime` come from
    /// the clock and are answered by the evaluator.
    pub fn get(&self, name: &str) -> Option<Value> {
        let text = match name {
            "loginuser" | "loginuserid" => &self.login_user,
            "adminuser" | "adminuserid" => &self.admin_user,
            "appname" => &self.app_name,
            "appuri" => &self.app_uri,
            "ipaddress" => &self.ip_address,
            _ => return None,
        };
        Some(Value::text(text))
    }
}

/// A host with no external services: `info` lines go to an optional
/// callback, the clock is fixed or real, and every
/// network task fails with "... is not available in this environment".
/// Receives each `info` entry as it happens (to print it).
pub type InfoSink = Box<dyn FnMut(&str)>;

pub struct LocalHost {
    pub on_info: Option<InfoSink>,
    pub fixed_now: Option<Timestamp>,
    pub zone: TimeZone,
    pub variables: SystemVariables,
}

impl Default for LocalHost {
    fn default() -> Self {
        LocalHost {
            on_info: None,
            fixed_now: None,
            zone: TimeZone::UTC,
            variables: SystemVariables::default(),
        }
    }
}

impl Host for LocalHost {
    fn info(&mut self, text: &str) {
        if let Some(callback) = &mut self.on_info {
            callback(text);
        }
    }

    fn now(&self) -> Timestamp {
        self.fixed_now.unwrap_or_else(Timestamp::now)
    }

    fn time_zone(&self) -> &TimeZone {
        &self.zone
    }

    fn system_variable(&mut self, name: &str) -> Option<Value> {
        self.variables.get(name)
    }

    fn invoke_url(&mut self, _request: &TaskRequest) -> Result<Value, HostError> {
        Err(HostError::unavailable("invokeurl"))
    }

    fn send_mail(&mut self, _request: &TaskRequest) -> Result<(), HostError> {
        Err(HostError::unavailable("sendmail"))
    }

    fn integration_task(
        &mut self,
        name: &str,
        _args: &[Value],
    ) -> Option<Result<Value, HostError>> {
        Some(Err(HostError::unavailable(name)))
    }

    fn open_url(&mut self, _url: &str, _target: &str) {}
}
