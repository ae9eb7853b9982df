//! The less common `zoho.crm.*` tasks (integrations spec §3.3):
//! `attachFile`, `bulkCreate`, `bulkUpdate`, `convertLead` and
//! `updateRelatedRecord`.

use super::args::Slot;
use super::crm::endpoint;
use super::endpoint::{Call, send};
use super::shape;
use super::trigger::{self, OtherKeys};
use crate::http::{Method, MultipartPart};
use crate::task_env::TaskEnv;
use deluge_runtime::json::to_json;
use deluge_runtime::{HostError, Value};

/// `attachFile(module, record_id, file[, connection])`: a multipart upload
/// under the field `file`; returns the item `data[0]`.
pub fn attach_file(
    mut call: Call,
    args: &[Value],
    env: &mut dyn TaskEnv,
) -> Result<Value, HostError> {
    let slots = [
        Slot::Required("module"),
        Slot::Required("record id"),
        Slot::Required("file"),
    ];
    let a = call.args(&slots, args)?;
    let (module, id) = (a.text(0, "module")?, a.id(1, "record id")?);
    let Value::File(file) = a.value(2) else {
        return Err(a.error(format!(
            "the file must be a FILE, not {}",
            a.value(2).type_name()
        )));
    };
    let part = {
        let file = file.borrow();
        MultipartPart::File {
            name: "file".into(),
            file_name: file.name.clone(),
            content_type: if file.content_type.is_empty() {
                "application/octet-stream".into()
            } else {
                file.content_type.clone()
            },
            data: file.bytes.clone(),
        }
    };
    let endpoint = endpoint(Method::Post, &[&module, &id, "Attachments"]).multipart(vec![part]);
    Ok(shape::first_item(&send(env, &call, &endpoint)?))
}

/// `bulkCreate(module, records[, options][, connection])`: one POST with
/// all records; returns the LIST of per-record items.
pub fn bulk_create(call: Call, args: &[Value], env: &mut dyn TaskEnv) -> Result<Value, HostError> {
    bulk(call, Method::Post, args, env)
}

/// `bulkUpdate(module, records[, options][, connection])`: one PUT; each
/// record carries its `id`.
pub fn bulk_update(call: Call, args: &[Value], env: &mut dyn TaskEnv) -> Result<Value, HostError> {
    bulk(call, Method::Put, args, env)
}

/// Zoho's limit of records in one write.
const MAX_BULK_RECORDS: usize = 100;

fn bulk(
    mut call: Call,
    method: Method,
    args: &[Value],
    env: &mut dyn TaskEnv,
) -> Result<Value, HostError> {
    let slots = [
        Slot::Required("module"),
        Slot::Required("records"),
        Slot::Options,
    ];
    let a = call.args(&slots, args)?;
    let module = a.text(0, "module")?;
    let records = a.list(1, "records")?;
    if records.len() > MAX_BULK_RECORDS {
        return Err(a.error(format!(
            "at most {MAX_BULK_RECORDS} records can be written at once, {} were given",
            records.len()
        )));
    }
    let (body, _) = trigger::write_body(records, &a.options(2), OtherKeys::Body);
    let endpoint = endpoint(method, &[&module]).json(&body);
    Ok(shape::data_list(&send(env, &call, &endpoint)?))
}

/// `convertLead(lead_id, values[, connection])`: returns
/// `{"Contacts":..,"Deals":..,"Accounts":..}`, the item `data[0]`.
pub fn convert_lead(
    mut call: Call,
    args: &[Value],
    env: &mut dyn TaskEnv,
) -> Result<Value, HostError> {
    let slots = [Slot::Required("lead id"), Slot::Options];
    let a = call.args(&slots, args)?;
    let id = a.id(0, "lead id")?;
    let values: serde_json::Map<String, serde_json::Value> = a
        .options(1)
        .iter()
        .map(|(k, v)| (k.clone(), to_json(v)))
        .collect();
    let body = serde_json::json!({ "data": [values] });
    let endpoint = endpoint(Method::Post, &["Leads", &id, "actions", "convert"]).json(&body);
    Ok(shape::first_item(&send(env, &call, &endpoint)?))
}

/// `updateRelatedRecord(relation, related_id, parent_module, parent_id,
/// values[, connection])`: returns the item `data[0]`.
pub fn update_related_record(
    mut call: Call,
    args: &[Value],
    env: &mut dyn TaskEnv,
) -> Result<Value, HostError> {
    let slots = [
        Slot::Required("relation"),
        Slot::Required("related id"),
        Slot::Required("parent module"),
        Slot::Required("parent id"),
        Slot::Required("values"),
    ];
    let a = call.args(&slots, args)?;
    let relation = a.text(0, "relation")?;
    let related = a.id(1, "related id")?;
    let (module, parent) = (a.text(2, "parent module")?, a.id(3, "parent id")?);
    let values = a.map(4, "values")?;
    let body = serde_json::json!({ "data": [to_json(&values)] });
    let endpoint = endpoint(Method::Put, &[&module, &parent, &relation, &related]).json(&body);
    Ok(shape::first_item(&send(env, &call, &endpoint)?))
}
