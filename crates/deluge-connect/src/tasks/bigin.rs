//! `zoho.bigin.*`: the Bigin REST API v2 (integrations spec §3.2).
//!
//! Every task returns the whole response (`{"data":[...]}`), which is what
//! the seed script reads with `.get("data").get(0)`; the connections file
//! can ask `getRecordById` to unwrap the record like CRM does.

use super::args::Slot;
use super::endpoint::{Call, Endpoint, Task, send};
use super::trigger::{self, OtherKeys};
use super::{record_lists, shape};
use crate::http::Method;
use crate::task_env::TaskEnv;
use deluge_runtime::{HostError, Value};

const BASE: [&str; 2] = ["bigin", "v2"];

/// The task names as Zoho spells them (matched in any case).
pub const TASKS: &[&str] = &[
    "createRecord",
    "getRecordById",
    "getRecords",
    "updateRecord",
    "searchRecords",
    "getRelatedRecords",
    "deleteRecord",
];

/// Runs `zoho.bigin.<task>`; `None` when Bigin has no such task.
pub fn call(
    call: Call,
    task: &str,
    args: &[Value],
    env: &mut dyn TaskEnv,
) -> Option<Result<Value, HostError>> {
    let run: Task = match task {
        "createrecord" => create_record,
        "getrecordbyid" => get_record_by_id,
        "getrecords" => get_records,
        "updaterecord" => update_record,
        "searchrecords" => search_records,
        "getrelatedrecords" => get_related_records,
        "deleterecord" => delete_record,
        _ => return None,
    };
    Some(run(call, args, env))
}

/// `/bigin/v2/<extra...>`.
fn endpoint(method: Method, extra: &[&str]) -> Endpoint {
    let mut segments = BASE.to_vec();
    segments.extend_from_slice(extra);
    Endpoint::new(method, &segments)
}

fn create_record(
    mut call: Call,
    args: &[Value],
    env: &mut dyn TaskEnv,
) -> Result<Value, HostError> {
    let slots = [
        Slot::Required("module"),
        Slot::Required("record"),
        Slot::Options,
    ];
    let a = call.args(&slots, args)?;
    let module = a.text(0, "module")?;
    let record = a.map(1, "record")?;
    let (body, query) = trigger::write_body(vec![record], &a.options(2), OtherKeys::Query);
    let endpoint = endpoint(Method::Post, &[&module])
        .params(&query)
        .json(&body);
    Ok(shape::whole(&send(env, &call, &endpoint)?))
}

fn get_record_by_id(
    mut call: Call,
    args: &[Value],
    env: &mut dyn TaskEnv,
) -> Result<Value, HostError> {
    let slots = [
        Slot::Required("module"),
        Slot::Required("record id"),
        Slot::Options,
    ];
    let a = call.args(&slots, args)?;
    let (module, id) = (a.text(0, "module")?, a.id(1, "record id")?);
    let endpoint = endpoint(Method::Get, &[&module, &id]).params(&a.options(2));
    let response = send(env, &call, &endpoint)?;
    if env.settings().bigin_unwrap_single_record {
        return Ok(shape::first_item(&response));
    }
    Ok(shape::whole(&response))
}

fn get_records(mut call: Call, args: &[Value], env: &mut dyn TaskEnv) -> Result<Value, HostError> {
    let a = call.args(&record_lists::RECORDS_SLOTS, args)?;
    let module = a.text(0, "module")?;
    let endpoint = record_lists::records_endpoint(endpoint, &module, &a);
    Ok(shape::whole(&send(env, &call, &endpoint)?))
}

fn update_record(
    mut call: Call,
    args: &[Value],
    env: &mut dyn TaskEnv,
) -> Result<Value, HostError> {
    let slots = [
        Slot::Required("module"),
        Slot::Required("record id"),
        Slot::Required("record"),
        Slot::Options,
    ];
    let a = call.args(&slots, args)?;
    let (module, id) = (a.text(0, "module")?, a.id(1, "record id")?);
    let record = a.map(2, "record")?;
    let (body, query) = trigger::write_body(vec![record], &a.options(3), OtherKeys::Query);
    let endpoint = endpoint(Method::Put, &[&module, &id])
        .params(&query)
        .json(&body);
    Ok(shape::whole(&send(env, &call, &endpoint)?))
}

fn search_records(
    mut call: Call,
    args: &[Value],
    env: &mut dyn TaskEnv,
) -> Result<Value, HostError> {
    let slots = [
        Slot::Required("module"),
        Slot::Required("criteria"),
        Slot::Number("page"),
        Slot::Number("per_page"),
        Slot::Options,
    ];
    let a = call.args(&slots, args)?;
    let (module, criteria) = (a.text(0, "module")?, a.text(1, "criteria")?);
    let endpoint = endpoint(Method::Get, &[&module, "search"])
        .param("criteria", criteria)
        .param_opt("page", a.number(2))
        .param_opt("per_page", a.number(3))
        .params(&a.options(4));
    Ok(shape::whole(&send(env, &call, &endpoint)?))
}

fn get_related_records(
    mut call: Call,
    args: &[Value],
    env: &mut dyn TaskEnv,
) -> Result<Value, HostError> {
    let a = call.args(&record_lists::RELATED_SLOTS, args)?;
    let endpoint = record_lists::related_records_endpoint(endpoint, &a)?;
    Ok(shape::whole(&send(env, &call, &endpoint)?))
}

fn delete_record(
    mut call: Call,
    args: &[Value],
    env: &mut dyn TaskEnv,
) -> Result<Value, HostError> {
    let slots = [Slot::Required("module"), Slot::Required("record id")];
    let a = call.args(&slots, args)?;
    let (module, id) = (a.text(0, "module")?, a.id(1, "record id")?);
    let endpoint = endpoint(Method::Delete, &[&module, &id]);
    Ok(shape::whole(&send(env, &call, &endpoint)?))
}
