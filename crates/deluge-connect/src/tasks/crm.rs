//! `zoho.crm.*`: the classic tasks on the CRM REST API v2 (integrations
//! spec §3.3).
//!
//! `getRecordById` returns the record map itself and the list tasks a
//! LIST of records, unlike Bigin and Books which return whole responses.
//! The module `users` (any case) is the Users API, whose answers come back
//! whole (`{"users":[...]}`).

use super::args::{Args, Slot};
use super::endpoint::{Call, Endpoint, Task, send};
use super::trigger::{self, OtherKeys};
use super::{connector, crm_more};
use super::{record_lists, shape};
use crate::http::Method;
use crate::task_env::TaskEnv;
use deluge_runtime::{HostError, Value};

/// The CRM API version of the classic tasks (a setting in one place).
pub const VERSION: &str = "v2";

/// The task names as Zoho spells them (matched in any case).
pub const TASKS: &[&str] = &[
    "getRecordById",
    "getRecords",
    "searchRecords",
    "createRecord",
    "create",
    "updateRecord",
    "update",
    "getRelatedRecords",
    "updateRelatedRecord",
    "getOrgVariable",
    "invokeConnector",
    "attachFile",
    "bulkCreate",
    "bulkUpdate",
    "convertLead",
];

/// Runs `zoho.crm.<task>`; `None` when CRM has no such task.
pub fn call(
    call: Call,
    task: &str,
    args: &[Value],
    env: &mut dyn TaskEnv,
) -> Option<Result<Value, HostError>> {
    let run: Task = match task {
        "getrecordbyid" => get_record_by_id,
        "getrecords" => get_records,
        "searchrecords" => search_records,
        "createrecord" | "create" => create_record,
        "updaterecord" | "update" => update_record,
        "getrelatedrecords" => get_related_records,
        "updaterelatedrecord" => crm_more::update_related_record,
        "getorgvariable" => connector::get_org_variable,
        "invokeconnector" => connector::invoke_connector,
        "attachfile" => crm_more::attach_file,
        "bulkcreate" => crm_more::bulk_create,
        "bulkupdate" => crm_more::bulk_update,
        "convertlead" => crm_more::convert_lead,
        _ => return None,
    };
    Some(run(call, args, env))
}

/// `/crm/v2/<extra...>`.
pub fn endpoint(method: Method, extra: &[&str]) -> Endpoint {
    let mut segments = vec!["crm", VERSION];
    segments.extend_from_slice(extra);
    Endpoint::new(method, &segments)
}

fn is_blank(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::Text(t) => t.trim().is_empty(),
        _ => false,
    }
}

fn is_users(module: &str) -> bool {
    module.eq_ignore_ascii_case("users")
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
    if is_users(&module) {
        return Ok(shape::whole(&response));
    }
    Ok(shape::first_item(&response))
}

fn get_records(mut call: Call, args: &[Value], env: &mut dyn TaskEnv) -> Result<Value, HostError> {
    let a = call.args(&record_lists::RECORDS_SLOTS, args)?;
    let module = a.text(0, "module")?;
    if is_users(&module) {
        return get_users(call, &a, a.options(3), env);
    }
    let endpoint = record_lists::records_endpoint(endpoint, &module, &a);
    Ok(shape::data_list(&send(env, &call, &endpoint)?))
}

/// `getRecords("users"[, page][, per_page][, {"type": T}])`: the Users API,
/// `type` defaulting to `AllUsers`.
fn get_users(
    call: Call,
    a: &Args,
    mut options: Vec<(String, Value)>,
    env: &mut dyn TaskEnv,
) -> Result<Value, HostError> {
    if !options.iter().any(|(k, _)| k.eq_ignore_ascii_case("type")) {
        options.insert(0, ("type".into(), Value::text("AllUsers")));
    }
    let endpoint = endpoint(Method::Get, &["users"])
        .params(&options)
        .param_opt("page", a.number(1))
        .param_opt("per_page", a.number(2));
    Ok(shape::whole(&send(env, &call, &endpoint)?))
}

/// The keys of a search map that replace `criteria` (§3.3).
const SEARCH_KEYS: [&str; 3] = ["email", "phone", "word"];

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
    let module = a.text(0, "module")?;
    let options = a.options(4);
    let searches_by_key = options
        .iter()
        .any(|(k, _)| SEARCH_KEYS.iter().any(|s| k.eq_ignore_ascii_case(s)));
    // With an email/phone/word key the criteria may be left blank.
    let criteria = if searches_by_key && is_blank(a.value(1)) {
        None
    } else {
        Some(a.text(1, "criteria")?)
    };
    let endpoint = endpoint(Method::Get, &[&module, "search"])
        .param_opt("criteria", criteria)
        .params(&options)
        .param_opt("page", a.number(2))
        .param_opt("per_page", a.number(3));
    let response = send(env, &call, &endpoint)?;
    if is_users(&module) {
        return Ok(shape::whole(&response));
    }
    Ok(shape::data_list(&response))
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
    let (body, _) = trigger::write_body(vec![record], &a.options(2), OtherKeys::Body);
    let endpoint = endpoint(Method::Post, &[&module]).json(&body);
    Ok(shape::write_details(&send(env, &call, &endpoint)?))
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
    let (body, _) = trigger::write_body(vec![record], &a.options(3), OtherKeys::Body);
    let endpoint = endpoint(Method::Put, &[&module, &id]).json(&body);
    Ok(shape::write_details(&send(env, &call, &endpoint)?))
}

fn get_related_records(
    mut call: Call,
    args: &[Value],
    env: &mut dyn TaskEnv,
) -> Result<Value, HostError> {
    let a = call.args(&record_lists::RELATED_SLOTS, args)?;
    let endpoint = record_lists::related_records_endpoint(endpoint, &a)?;
    Ok(shape::data_list(&send(env, &call, &endpoint)?))
}
