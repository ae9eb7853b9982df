//! The simulator: the store behind a mutex, the clock, the dispatch of a
//! claimed request to its handler, and the inspection API tests and the CLI
//! use (records, dump, state files, the outbox, token expiry).

use crate::clock::{Clock, SystemClock};
use crate::exchange::{Exchange, invalid_token, invalid_url_pattern};
use crate::persist::write_atomically;
use crate::router::layer::{Target, classify_path};
use crate::seed::{Mail, Record, Seed, SeedError};
use crate::store::Store;
use crate::{books, connector, oauth, records};
use deluge_connect::tasks::books_modules;
use deluge_connect::{HttpRequest, HttpResponse, Method, TaskService};
use serde_json::Value;
use std::fmt;
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};

/// A local Zoho. Thread-safe: every request locks the store for the time
/// of its handler, so concurrent requests see each other's writes whole.
pub struct Simulator {
    store: Mutex<Store>,
    clock: Arc<dyn Clock>,
}

/// A request of the inspection API that names nothing in the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InspectError {
    UnknownModule(String),
    UnknownOrganization(String),
    /// Books records need an organization id.
    MissingOrganization,
}

impl fmt::Display for InspectError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InspectError::UnknownModule(m) => write!(f, "the simulator has no module `{m}`"),
            InspectError::UnknownOrganization(o) => {
                write!(f, "the simulator has no Books organization `{o}`")
            }
            InspectError::MissingOrganization => {
                f.write_str("Books records need an organization id")
            }
        }
    }
}

impl std::error::Error for InspectError {}

impl Simulator {
    pub fn from_seed(seed: Seed) -> Simulator {
        Simulator {
            store: Mutex::new(Store::from_seed(seed)),
            clock: Arc::new(SystemClock),
        }
    }

    /// Seed text; `path` names it in error messages.
    pub fn from_seed_json(text: &str, path: &str) -> Result<Simulator, SeedError> {
        Seed::parse(text, path).map(Simulator::from_seed)
    }

    pub fn from_seed_file(path: &Path) -> Result<Simulator, SeedError> {
        Seed::read(path).map(Simulator::from_seed)
    }

    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> Simulator {
        self.clock = clock;
        self
    }

    fn lock(&self) -> MutexGuard<'_, Store> {
        // A handler never panics with the store half-written (failed
        // requests are rolled back), so a poisoned lock is still usable.
        self.store.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Answers a request the layer claimed; `None` passes it on (an
    /// invokeConnector name the simulator does not model).
    pub(crate) fn answer(&self, target: &Target, request: &HttpRequest) -> Option<HttpResponse> {
        let now = self.clock.now();
        let ex = Exchange::new(request, &now);
        let mut store = self.lock();
        // A request that fails (status 400 or more) changes nothing. The
        // handlers check everything before they write; a request that
        // writes several records in steps runs on a copy kept to undo it.
        let snapshot = writes_in_steps(target, request.method).then(|| store.clone());
        let response = dispatch(&mut store, target, &ex);
        if response.status >= 400
            && let Some(snapshot) = snapshot
        {
            *store = snapshot;
        }
        Some(response)
    }

    /// Answers a request that reached the simulator over HTTP, where only
    /// the path says what it is for (`deluge sandbox serve`).
    pub fn serve(&self, request: &HttpRequest) -> HttpResponse {
        match classify_path(&request.url) {
            Some(target) => {
                let mut routed = request.clone();
                routed.logical_url = request.url.clone();
                self.answer(&target, &routed)
                    .unwrap_or_else(|| unmodelled(request, &self.clock.now()))
            }
            None => unmodelled(request, &self.clock.now()),
        }
    }

    /// The records of a module (`org` for Books, where `module` is the
    /// path such as `contacts`).
    pub fn records(
        &self,
        service: TaskService,
        module: &str,
        org: Option<&str>,
    ) -> Result<Vec<Record>, InspectError> {
        let store = self.lock();
        match service {
            TaskService::Books => {
                let (org, module) = books_target(&store, module, org)?;
                Ok(store.books[org.as_str()]
                    .collections
                    .get(module)
                    .cloned()
                    .unwrap_or_default())
            }
            _ => {
                let records = store.records(service);
                let name = records
                    .module_name(module)
                    .ok_or_else(|| InspectError::UnknownModule(module.to_string()))?;
                Ok(records.module(&name).to_vec())
            }
        }
    }

    /// Adds records as they are (no system fields, no checks); a record of
    /// Bigin or CRM without an `id` gets one. A new custom module is made
    /// when the name is no module yet.
    pub fn add_records(
        &self,
        service: TaskService,
        module: &str,
        org: Option<&str>,
        new: Vec<Record>,
    ) -> Result<(), InspectError> {
        let mut store = self.lock();
        match service {
            TaskService::Books => {
                let (org, module) = books_target(&store, module, org)?;
                let id_field = books_modules::by_path(module).map(|m| m.id_field());
                let mut new = new;
                for record in new.iter_mut() {
                    if let Some(field) = &id_field
                        && !record.contains_key(field)
                    {
                        record.insert(field.clone(), Value::String(store.new_id()));
                    }
                }
                if let Some(org) = store.books.get_mut(&org) {
                    org.collections
                        .entry(module.to_string())
                        .or_default()
                        .extend(new);
                }
            }
            _ => {
                let name = store
                    .records(service)
                    .module_name(module)
                    .unwrap_or_else(|| module.to_string());
                for mut record in new {
                    if !record.contains_key("id") {
                        record.insert("id".into(), Value::String(store.new_id()));
                    }
                    store.records_mut(service).module_mut(&name).push(record);
                }
            }
        }
        Ok(())
    }

    /// The whole store in the seed's shape, with the outbox. Access tokens
    /// are never included.
    pub fn dump(&self) -> Value {
        let seed = self.lock().to_seed();
        serde_json::to_value(seed).unwrap_or(Value::Null)
    }

    /// Makes every issued access token expired: the next API request with
    /// one answers 401 INVALID_TOKEN, so the refresh-and-retry path runs.
    pub fn expire_all_tokens(&self) {
        self.lock().oauth.tokens.clear();
    }

    /// Replaces the store with a state file's contents.
    pub fn load_state(&self, path: &Path) -> Result<(), SeedError> {
        let seed = Seed::read(path)?;
        *self.lock() = Store::from_seed(seed);
        Ok(())
    }

    /// Loads a state file when it exists; `Ok(false)` when it does not.
    pub fn load_state_if_exists(&self, path: &Path) -> Result<bool, SeedError> {
        match self.load_state(path) {
            Ok(()) => Ok(true),
            Err(e) if e.is_not_found() => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// Writes the store (as a seed, with the outbox) to a temporary file
    /// and renames it over `path`, so the file is never torn.
    pub fn save_state(&self, path: &Path) -> std::io::Result<()> {
        let store = self.lock();
        let mut bytes =
            serde_json::to_vec_pretty(&store.to_seed()).map_err(std::io::Error::other)?;
        bytes.push(b'\n');
        write_atomically(path, &bytes)
    }

    /// Keeps a mail that `sendmail` would have sent.
    pub fn record_mail(&self, mail: Mail) {
        self.lock().outbox.push(mail);
    }

    pub fn outbox(&self) -> Vec<Mail> {
        self.lock().outbox.clone()
    }

    /// The seed's CRM org variables, as changed by `crm.set`.
    pub fn org_variables(&self) -> Vec<(String, String)> {
        let store = self.lock();
        store
            .crm
            .seed
            .org_variables
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    }

    /// An org variable by name: exact first, then any case.
    pub fn org_variable(&self, name: &str) -> Option<String> {
        let store = self.lock();
        let vars = &store.crm.seed.org_variables;
        vars.get(name).cloned().or_else(|| {
            vars.iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.clone())
        })
    }

    pub fn set_org_variable(&self, name: &str, value: &str) {
        self.lock()
            .crm
            .seed
            .org_variables
            .insert(name.to_string(), value.to_string());
    }
}

fn books_target(
    store: &Store,
    module: &str,
    org: Option<&str>,
) -> Result<(String, &'static str), InspectError> {
    let org = org.ok_or(InspectError::MissingOrganization)?;
    if !store.books.contains_key(org) {
        return Err(InspectError::UnknownOrganization(org.to_string()));
    }
    let module = books_modules::by_path(module)
        .ok_or_else(|| InspectError::UnknownModule(module.to_string()))?;
    Ok((org.to_string(), module.path))
}

fn dispatch(store: &mut Store, target: &Target, ex: &Exchange) -> HttpResponse {
    match target {
        Target::Token { api_domain, revoke } => oauth::token(store, api_domain, *revoke, ex),
        Target::Connector { name } => connector::answer(store, name, ex),
        Target::Books { segments } => {
            if !oauth::authorized(store, ex) {
                return books::unauthorized(ex);
            }
            books::answer(store, segments, ex)
        }
        Target::Records { service, segments } => {
            if !oauth::authorized(store, ex) {
                return invalid_token(ex);
            }
            records::answer(store, *service, segments, ex)
        }
        Target::Unmodelled { service } => {
            if !oauth::authorized(store, ex) {
                return invalid_token(ex);
            }
            match service {
                TaskService::Books => books::invalid_url(ex),
                _ => invalid_url_pattern(ex),
            }
        }
    }
}

/// Lead conversion creates and deletes several records, any of which may
/// fail after the others were written.
fn writes_in_steps(target: &Target, method: Method) -> bool {
    match target {
        Target::Records { segments, .. } => {
            method == Method::Post
                && segments.len() == 4
                && segments[2] == "actions"
                && segments[3] == "convert"
        }
        _ => false,
    }
}

fn unmodelled(request: &HttpRequest, now: &jiff::ZonedDateTime) -> HttpResponse {
    invalid_url_pattern(&Exchange::new(request, now))
}
