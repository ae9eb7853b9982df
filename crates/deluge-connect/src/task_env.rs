//! What the `zoho.*` tasks need from the connection layer.
//!
//! The tasks (in `tasks/`) turn a call such as
//! `zoho.bigin.getRecordById("Contacts", id, Map(), "bigin_link")` into a
//! REST request and its answer back into the value Zoho gives the script.
//! Everything about *who* is calling (which connection, which API domain,
//! which credentials, which layer answers) stays behind this trait, so the
//! tasks can be tested against a fake environment and the host can change
//! how connections work without touching them.

use crate::http::{HttpRequest, HttpResponse};
use deluge_runtime::HostError;
use url::Url;

/// The task families, by the prefix a script writes.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum TaskService {
    /// `zoho.bigin`
    Bigin,
    /// `zoho.crm`
    Crm,
    /// `zoho.books`
    Books,
}

impl TaskService {
    /// The prefix as written in scripts and in `default_for`.
    pub fn prefix(self) -> &'static str {
        match self {
            TaskService::Bigin => "zoho.bigin",
            TaskService::Crm => "zoho.crm",
            TaskService::Books => "zoho.books",
        }
    }
}

/// Settings of the connections file that change what tasks return.
#[derive(Clone, Debug, Default)]
pub struct TaskSettings {
    /// `runtime.bigin_unwrap_single_record` (integrations spec §3.2).
    pub bigin_unwrap_single_record: bool,
}

pub trait TaskEnv {
    /// Sends one request of a task. `connection` is the link name the
    /// script passed, or `None` for the connection that is `default_for`
    /// the service (or the simulator's user when there is none). `build`
    /// receives the API domain of that connection (`https://www.zohoapis.com`)
    /// and returns the request without credentials; the environment
    /// resolves the connection, injects auth, applies `base_url_override`,
    /// routes, logs, and refreshes and retries once on a 401.
    fn send(
        &mut self,
        task: &str,
        service: TaskService,
        connection: Option<&str>,
        build: &dyn Fn(&Url) -> HttpRequest,
    ) -> Result<HttpResponse, HostError>;

    /// The value of an org variable (`zoho.crm.getOrgVariable`), `None`
    /// when it is not defined.
    fn org_variable(&mut self, name: &str) -> Result<Option<String>, HostError>;

    /// Changes an org variable for the rest of the run (`crm.set`).
    fn set_org_variable(&mut self, name: &str, value: String);

    /// A warning for the request log (an undefined org variable, say).
    fn warn(&mut self, message: String);

    fn settings(&self) -> &TaskSettings;
}
