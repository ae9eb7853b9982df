//! The `zoho.*` integration tasks as REST calls (integrations spec §3).
//!
//! [`call`] takes a task as the script wrote it (`zoho.CRM.getRecordByID`),
//! reads its positional arguments (`args`), builds the REST request of its
//! service (`bigin`, `crm`, `books`), sends it through the [`TaskEnv`] —
//! which owns connections, auth, routing and logging — and shapes the
//! answer into the value Zoho gives the script (`shape`).

mod args;
mod bigin;
mod books;
pub mod books_modules;
mod connector;
mod crm;
mod crm_more;
mod endpoint;
mod record_lists;
mod shape;
mod trigger;

pub use books_modules::{BooksModule, books_module};
pub use connector::CONNECTOR_BASE;

use crate::task_env::{TaskEnv, TaskService};
use deluge_runtime::{HostError, Value};
use endpoint::Call;

/// Runs the integration task `name` (`zoho.<service>.<task>`, any case).
/// `None` when `name` is not of that form; a task or service that is not
/// provided is a clear error naming it.
pub fn call(name: &str, args: &[Value], env: &mut dyn TaskEnv) -> Option<Result<Value, HostError>> {
    let mut parts = name.splitn(3, '.');
    let (zoho, service, task) = (parts.next()?, parts.next()?, parts.next()?);
    if !zoho.eq_ignore_ascii_case("zoho") {
        return None;
    }
    let service = service.to_ascii_lowercase();
    let task = task.to_ascii_lowercase();
    let (kind, known): (TaskService, &[&str]) = match service.as_str() {
        "bigin" => (TaskService::Bigin, bigin::TASKS),
        "crm" => (TaskService::Crm, crm::TASKS),
        "books" => (TaskService::Books, books::TASKS),
        _ => return Some(Err(unmodelled_service(name, &service))),
    };
    let call = Call {
        name,
        service: kind,
        connection: None,
    };
    let answer = match kind {
        TaskService::Bigin => bigin::call(call, &task, args, env),
        TaskService::Crm => crm::call(call, &task, args, env),
        TaskService::Books => books::call(call, &task, args, env),
    };
    Some(answer.unwrap_or_else(|| Err(unknown_task(name, kind, known))))
}

/// Every task this module runs, as Zoho spells it
/// (`zoho.crm.getRecordById`), for completion and documentation checks.
pub fn task_names() -> impl Iterator<Item = String> {
    let services = [
        (TaskService::Bigin, bigin::TASKS),
        (TaskService::Crm, crm::TASKS),
        (TaskService::Books, books::TASKS),
    ];
    services.into_iter().flat_map(|(service, tasks)| {
        tasks
            .iter()
            .map(move |t| format!("{}.{t}", service.prefix()))
    })
}

/// `zoho.crm.fooBar(...)`: the service is modelled, the task is not.
fn unknown_task(name: &str, service: TaskService, known: &[&str]) -> HostError {
    HostError {
        message: format!(
            "{name} is not a task of {} that runs locally; the known tasks are {}",
            service.prefix(),
            known.join(", ")
        ),
        unavailable: true,
    }
}

/// `zoho.desk.getRecords(...)`: a service whose tasks are not modelled.
fn unmodelled_service(name: &str, service: &str) -> HostError {
    HostError {
        message: format!(
            "{name}: the zoho.{service} tasks are not available locally; call the \
             zoho.{service} REST API with invokeurl instead and answer it with a fixture"
        ),
        unavailable: true,
    }
}

#[cfg(test)]
mod tests;
