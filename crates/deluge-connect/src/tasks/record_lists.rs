//! The list calls CRM and Bigin make the same way (integrations spec §3.2,
//! §3.3): `getRecords` and `getRelatedRecords`. The two services differ
//! only in their base path and in how the answer is shaped, so each passes
//! its own `endpoint` builder and shapes what comes back.

use super::args::{Args, Slot};
use super::endpoint::Endpoint;
use crate::http::Method;
use deluge_runtime::HostError;

/// Builds `/<service>/<version>/<segments...>`.
pub type BaseEndpoint = fn(Method, &[&str]) -> Endpoint;

/// `getRecords(module[, page][, per_page][, options])`.
pub const RECORDS_SLOTS: [Slot; 4] = [
    Slot::Required("module"),
    Slot::Number("page"),
    Slot::Number("per_page"),
    Slot::Options,
];

/// `GET <base>/<module>`: page 1 and 200 per page unless given (the
/// defaults of integrations spec §3.3), then the options as query
/// parameters.
pub fn records_endpoint(base: BaseEndpoint, module: &str, a: &Args) -> Endpoint {
    base(Method::Get, &[module])
        .param("page", a.number(1).unwrap_or(1).to_string())
        .param("per_page", a.number(2).unwrap_or(200).to_string())
        .params(&a.options(3))
}

/// `getRelatedRecords(relation, parent_module, record_id[, page][, per_page][, options])`.
pub const RELATED_SLOTS: [Slot; 6] = [
    Slot::Required("relation"),
    Slot::Required("parent module"),
    Slot::Required("record id"),
    Slot::Number("page"),
    Slot::Number("per_page"),
    Slot::Options,
];

/// `GET <base>/<parent module>/<record id>/<relation>`, with the page
/// numbers only when given, then the options as query parameters.
pub fn related_records_endpoint(base: BaseEndpoint, a: &Args) -> Result<Endpoint, HostError> {
    let relation = a.text(0, "relation")?;
    let (module, id) = (a.text(1, "parent module")?, a.id(2, "record id")?);
    Ok(base(Method::Get, &[&module, &id, &relation])
        .param_opt("page", a.number(3))
        .param_opt("per_page", a.number(4))
        .params(&a.options(5)))
}
