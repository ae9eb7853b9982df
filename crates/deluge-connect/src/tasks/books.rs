//! `zoho.books.*`: the Books REST API v3 (integrations spec §3.4).
//!
//! Every call carries `organization_id` in the query, and every task
//! returns the whole Books response (`{"code":0,"message":"success",...}`).
//! Records are written as the form field `JSONString`, Books' classic
//! format that every Books endpoint accepts.

use super::args::{Slot, wire_text};
use super::books_modules::books_module;
use super::endpoint::{Call, Endpoint, Task, send};
use super::shape;
use crate::http::Method;
use crate::task_env::TaskEnv;
use deluge_runtime::json::to_json;
use deluge_runtime::{HostError, Value};

/// The task names as Zoho spells them (matched in any case).
pub const TASKS: &[&str] = &[
    "getRecords",
    "getRecordsByID",
    "createRecord",
    "updateRecord",
    "getOrganizations",
    "getTemplates",
];

/// Runs `zoho.books.<task>`; `None` when Books has no such task.
pub fn call(
    call: Call,
    task: &str,
    args: &[Value],
    env: &mut dyn TaskEnv,
) -> Option<Result<Value, HostError>> {
    let run: Task = match task {
        "getrecords" => get_records,
        "getrecordsbyid" => get_records_by_id,
        "createrecord" => create_record,
        "updaterecord" => update_record,
        "getorganizations" => get_organizations,
        "gettemplates" => get_templates,
        _ => return None,
    };
    Some(run(call, args, env))
}

/// `/books/v3/<extra...>?organization_id=<org>`.
fn endpoint(method: Method, extra: &[&str], org: Option<&str>) -> Endpoint {
    let mut segments = vec!["books", "v3"];
    segments.extend_from_slice(extra);
    Endpoint::new(method, &segments).param_opt("organization_id", org)
}

/// The `JSONString` form body of a create or update.
fn json_string(record: &Value) -> Vec<(String, String)> {
    vec![("JSONString".into(), to_json(record).to_string())]
}

fn get_records(mut call: Call, args: &[Value], env: &mut dyn TaskEnv) -> Result<Value, HostError> {
    let slots = [
        Slot::Required("module"),
        Slot::Required("organization id"),
        Slot::Search,
    ];
    let a = call.args(&slots, args)?;
    let module = books_module(&a.text(0, "module")?);
    let org = a.id(1, "organization id")?;
    let search = match a.value(2) {
        Value::Text(query) => split_query(query),
        _ => a
            .options(2)
            .iter()
            .map(|(k, v)| (k.clone(), wire_text(v)))
            .collect(),
    };
    let mut endpoint = endpoint(Method::Get, &[&module.path], Some(&org));
    endpoint.query.extend(search);
    Ok(shape::whole(&send(env, &call, &endpoint)?))
}

fn get_records_by_id(
    mut call: Call,
    args: &[Value],
    env: &mut dyn TaskEnv,
) -> Result<Value, HostError> {
    let slots = [
        Slot::Required("module"),
        Slot::Required("organization id"),
        Slot::Required("record id"),
    ];
    let a = call.args(&slots, args)?;
    let module = books_module(&a.text(0, "module")?);
    let (org, id) = (a.id(1, "organization id")?, a.id(2, "record id")?);
    let endpoint = endpoint(Method::Get, &[&module.path, &id], Some(&org));
    Ok(shape::whole(&send(env, &call, &endpoint)?))
}

fn create_record(
    mut call: Call,
    args: &[Value],
    env: &mut dyn TaskEnv,
) -> Result<Value, HostError> {
    let slots = [
        Slot::Required("module"),
        Slot::Required("organization id"),
        Slot::Required("record"),
    ];
    let a = call.args(&slots, args)?;
    let module = books_module(&a.text(0, "module")?);
    let org = a.id(1, "organization id")?;
    let record = a.map(2, "record")?;
    let endpoint = endpoint(Method::Post, &[&module.path], Some(&org)).form(json_string(&record));
    Ok(shape::whole(&send(env, &call, &endpoint)?))
}

fn update_record(
    mut call: Call,
    args: &[Value],
    env: &mut dyn TaskEnv,
) -> Result<Value, HostError> {
    let slots = [
        Slot::Required("module"),
        Slot::Required("organization id"),
        Slot::Required("record id"),
        Slot::Required("record"),
    ];
    let a = call.args(&slots, args)?;
    let module = books_module(&a.text(0, "module")?);
    let (org, id) = (a.id(1, "organization id")?, a.id(2, "record id")?);
    let record = a.map(3, "record")?;
    let endpoint =
        endpoint(Method::Put, &[&module.path, &id], Some(&org)).form(json_string(&record));
    Ok(shape::whole(&send(env, &call, &endpoint)?))
}

fn get_organizations(
    mut call: Call,
    args: &[Value],
    env: &mut dyn TaskEnv,
) -> Result<Value, HostError> {
    call.args(&[], args)?;
    let endpoint = endpoint(Method::Get, &["organizations"], None);
    Ok(shape::whole(&send(env, &call, &endpoint)?))
}

fn get_templates(
    mut call: Call,
    args: &[Value],
    env: &mut dyn TaskEnv,
) -> Result<Value, HostError> {
    let slots = [Slot::Required("module"), Slot::Required("organization id")];
    let a = call.args(&slots, args)?;
    let module = books_module(&a.text(0, "module")?);
    let org = a.id(1, "organization id")?;
    let endpoint = endpoint(Method::Get, &[&module.path, "templates"], Some(&org));
    Ok(shape::whole(&send(env, &call, &endpoint)?))
}

/// A TEXT search (`"contact_name=" + encodeUrl(n) + "&status=active"`)
/// as query pairs: split on `&` and the first `=`; each part is decoded
/// when it is valid form encoding and taken literally otherwise, so it is
/// encoded exactly once on the wire.
pub fn split_query(query: &str) -> Vec<(String, String)> {
    query
        .trim()
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.trim().is_empty())
        .map(|pair| match pair.split_once('=') {
            Some((key, value)) => (decode(key.trim()), decode(value)),
            None => (decode(pair.trim()), String::new()),
        })
        .filter(|(key, _)| !key.is_empty())
        .collect()
}

/// Form-decodes `text` (`+` is a space, `%XX` a byte) when every `%`
/// starts a valid escape and the bytes are UTF-8; else returns it as is
/// (`50%` stays `50%`).
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = bytes
                    .get(i + 1..i + 3)
                    .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
                    .and_then(|h| std::str::from_utf8(h).ok());
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(byte) => out.push(byte),
                    None => return text.to_string(),
                }
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            byte => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}
