//! Bigin and CRM writes: create (mandatory and unique fields, lookups,
//! system fields, ids), update (a shallow merge), delete and attachments.
//!
//! Each item of a request succeeds or fails on its own and the response
//! says which (R-write, spec §3.6). An item is checked completely before
//! anything is written for it (its id is taken last), so a failing item
//! leaves no trace and a request whose items all fail changes nothing.

use crate::exchange::{Exchange, json, zoho_error};
use crate::records::invalid_id;
use crate::seed::Record;
use crate::store::{Store, record_id};
use deluge_connect::{HttpResponse, MultipartPart, RequestBody, TaskService};
use serde_json::{Value, json};

/// Most records one create or update may carry.
const MAX_RECORDS: usize = 100;

/// Fields the simulator writes itself; input values for them are ignored.
const SYSTEM_FIELDS: &[&str] = &[
    "id",
    "Created_Time",
    "Modified_Time",
    "Created_By",
    "Modified_By",
];

/// Fields whose value is shown as a lookup's display name, first present.
const NAME_FIELDS: &[&str] = &[
    "Full_Name",
    "Account_Name",
    "Deal_Name",
    "Name",
    "Last_Name",
];

pub fn create(
    store: &mut Store,
    service: TaskService,
    module: &str,
    ex: &Exchange,
) -> HttpResponse {
    let items = match data_items(ex) {
        Ok(items) => items,
        Err(response) => return response,
    };
    let results: Vec<Result<Value, Value>> = items
        .iter()
        .map(|item| {
            create_one(store, service, module, item, ex).map(|r| write_details(&r, "record added"))
        })
        .collect();
    write_response(results, 201, ex)
}

/// Creates one record from an input map; the error is Zoho's failing item.
pub fn create_one(
    store: &mut Store,
    service: TaskService,
    module: &str,
    input: &Value,
    ex: &Exchange,
) -> Result<Record, Value> {
    let input = input.as_object().ok_or_else(|| invalid_data_item("data"))?;
    for field in store.records(service).mandatory(module) {
        if is_blank(input.get(&field)) {
            return Err(mandatory_item(&field));
        }
    }
    check_unique(store, service, module, input, None)?;
    let mut record = Record::new();
    record.insert("id".into(), Value::String(store.new_id()));
    for (field, value) in input {
        if !SYSTEM_FIELDS.contains(&field.as_str()) {
            let value = lookup_value(store, service, module, field, value);
            record.insert(field.clone(), value);
        }
    }
    if !record.contains_key("Owner") {
        record.insert("Owner".into(), store.user_ref());
    }
    let by = json!({"name": store.user.name, "id": store.user.id});
    record.insert("Created_Time".into(), Value::String(ex.now.clone()));
    record.insert("Modified_Time".into(), Value::String(ex.now.clone()));
    record.insert("Created_By".into(), by.clone());
    record.insert("Modified_By".into(), by);
    store
        .records_mut(service)
        .module_mut(module)
        .push(record.clone());
    Ok(record)
}

pub fn update(
    store: &mut Store,
    service: TaskService,
    module: &str,
    path_id: Option<&str>,
    ex: &Exchange,
) -> HttpResponse {
    let items = match data_items(ex) {
        Ok(items) => items,
        Err(response) => return response,
    };
    let results = items
        .iter()
        .map(|item| {
            let input = item.as_object().ok_or_else(|| invalid_data_item("data"))?;
            let id = match path_id {
                Some(id) => id.to_string(),
                None => id_text(input.get("id")).ok_or_else(|| invalid_data_item("id"))?,
            };
            update_one(store, service, module, &id, input, ex)
                .map(|r| write_details(&r, "record updated"))
        })
        .collect();
    write_response(results, 200, ex)
}

fn update_one(
    store: &mut Store,
    service: TaskService,
    module: &str,
    id: &str,
    input: &Record,
    ex: &Exchange,
) -> Result<Record, Value> {
    if store.records(service).find(module, id).is_none() {
        return Err(invalid_data_item("id"));
    }
    for field in store.records(service).mandatory(module) {
        if input.contains_key(&field) && is_blank(input.get(&field)) {
            return Err(mandatory_item(&field));
        }
    }
    check_unique(store, service, module, input, Some(id))?;
    let values: Vec<(String, Value)> = input
        .iter()
        .filter(|(field, _)| !SYSTEM_FIELDS.contains(&field.as_str()))
        .map(|(field, value)| {
            (
                field.clone(),
                lookup_value(store, service, module, field, value),
            )
        })
        .collect();
    let by = json!({"name": store.user.name, "id": store.user.id});
    let records = store.records_mut(service).module_mut(module);
    let record = records
        .iter_mut()
        .find(|r| record_id(r) == Some(id))
        .ok_or_else(|| invalid_data_item("id"))?;
    for (field, value) in values {
        record.insert(field, value);
    }
    record.insert("Modified_Time".into(), Value::String(ex.now.clone()));
    record.insert("Modified_By".into(), by);
    Ok(record.clone())
}

pub fn delete(
    store: &mut Store,
    service: TaskService,
    module: &str,
    path_id: Option<&str>,
    ex: &Exchange,
) -> HttpResponse {
    let ids: Vec<String> = match path_id {
        Some(id) => vec![id.to_string()],
        None => ex
            .param("ids")
            .unwrap_or_default()
            .split(',')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect(),
    };
    if ids.is_empty() {
        return missing_param("ids", ex);
    }
    let results = ids
        .iter()
        .map(|id| delete_one(store, service, module, id))
        .collect();
    write_response(results, 200, ex)
}

pub fn delete_one(
    store: &mut Store,
    service: TaskService,
    module: &str,
    id: &str,
) -> Result<Value, Value> {
    let records = store.records_mut(service).module_mut(module);
    let position = records
        .iter()
        .position(|r| record_id(r) == Some(id))
        .ok_or_else(|| invalid_data_item("id"))?;
    records.remove(position);
    Ok(
        json!({"code": "SUCCESS", "details": {"id": id}, "message": "record deleted", "status": "success"}),
    )
}

/// `POST /{module}/{id}/Attachments` with a multipart `file` part.
pub fn attach(
    store: &mut Store,
    service: TaskService,
    module: &str,
    id: &str,
    ex: &Exchange,
) -> HttpResponse {
    let Some(parent) = store.records(service).find(module, id) else {
        return invalid_id(ex);
    };
    let parent_ref = json!({"name": display_name(parent), "id": id});
    let file = match &ex.request.body {
        RequestBody::Multipart(parts) => parts.iter().find_map(|p| match p {
            MultipartPart::File {
                file_name, data, ..
            } => Some((file_name.clone(), data.len())),
            MultipartPart::Text { .. } => None,
        }),
        _ => None,
    };
    let Some((file_name, size)) = file else {
        return missing_param("file", ex);
    };
    let by = json!({"name": store.user.name, "id": store.user.id});
    let attachment_id = store.new_id();
    let attachment = json!({
        "id": attachment_id,
        "File_Name": file_name,
        "Size": size.to_string(),
        "Parent_Id": parent_ref,
        "$se_module": module,
        "Created_Time": ex.now,
        "Modified_Time": ex.now,
        "Created_By": by,
        "Modified_By": by,
        "Owner": store.user_ref(),
    });
    let Value::Object(attachment) = attachment else {
        return invalid_id(ex);
    };
    let mut details = write_details(&attachment, "attachment uploaded successfully");
    details["details"]
        .as_object_mut()
        .map(|d| d.remove("Owner"));
    store.records_mut(service).seed.attachments.push(attachment);
    json(200, json!({"data": [details]}), ex)
}

/// The `data` list of a write body (a single object is taken as one item).
fn data_items(ex: &Exchange) -> Result<Vec<Value>, HttpResponse> {
    let items = match ex.json_body() {
        Some(Value::Object(mut body)) => match body.remove("data") {
            Some(Value::Array(items)) => items,
            Some(item @ Value::Object(_)) => vec![item],
            _ => return Err(missing_param("data", ex)),
        },
        _ => return Err(missing_param("data", ex)),
    };
    if items.is_empty() {
        return Err(missing_param("data", ex));
    }
    if items.len() > MAX_RECORDS {
        return Err(zoho_error(
            400,
            "LIMIT_EXCEEDED",
            json!({"limit": MAX_RECORDS}),
            "the number of records exceeds the limit",
            ex,
        ));
    }
    Ok(items)
}

fn missing_param(param: &str, ex: &Exchange) -> HttpResponse {
    zoho_error(
        400,
        "REQUIRED_PARAM_MISSING",
        json!({"param": param}),
        "One of the expected parameter is missing",
        ex,
    )
}

/// All items succeeded → `ok_status`; all failed → 400; mixed → 202.
pub fn write_response(
    results: Vec<Result<Value, Value>>,
    ok_status: u16,
    ex: &Exchange,
) -> HttpResponse {
    let failed = results.iter().filter(|r| r.is_err()).count();
    let status = match failed {
        0 => ok_status,
        n if n == results.len() => 400,
        _ => 202,
    };
    let items: Vec<Value> = results
        .into_iter()
        .map(|r| r.unwrap_or_else(|e| e))
        .collect();
    json(status, json!({"data": items}), ex)
}

/// The success item of R-write for a record.
pub fn write_details(record: &Record, message: &str) -> Value {
    let field = |name: &str| record.get(name).cloned().unwrap_or(Value::Null);
    json!({
        "code": "SUCCESS",
        "details": {
            "Modified_Time": field("Modified_Time"),
            "Modified_By": field("Modified_By"),
            "Created_Time": field("Created_Time"),
            "id": field("id"),
            "Created_By": field("Created_By"),
        },
        "message": message,
        "status": "success",
    })
}

fn mandatory_item(field: &str) -> Value {
    json!({"code": "MANDATORY_NOT_FOUND", "details": {"api_name": field}, "message": "required field not found", "status": "error"})
}

fn invalid_data_item(field: &str) -> Value {
    json!({"code": "INVALID_DATA", "details": {"api_name": field}, "message": "invalid data", "status": "error"})
}

fn check_unique(
    store: &Store,
    service: TaskService,
    module: &str,
    input: &Record,
    own_id: Option<&str>,
) -> Result<(), Value> {
    let records = store.records(service);
    for field in records.unique(module) {
        let Some(wanted) = input.get(field).and_then(text).filter(|t| !t.is_empty()) else {
            continue;
        };
        let existing = records.module(module).iter().find(|r| {
            record_id(r) != own_id
                && r.get(field)
                    .and_then(text)
                    .is_some_and(|t| t.eq_ignore_ascii_case(&wanted))
        });
        if let Some(existing) = existing {
            return Err(json!({
                "code": "DUPLICATE_DATA",
                "details": {"api_name": field, "id": record_id(existing)},
                "message": "duplicate data",
                "status": "error",
            }));
        }
    }
    Ok(())
}

/// A value written to a lookup field becomes `{"name","id"}` (spec §6.3):
/// when the field is declared in `lookups`, is `Owner`, the value is a map
/// with an `id`, or the value is the id of a stored record or user.
fn lookup_value(
    store: &Store,
    service: TaskService,
    module: &str,
    field: &str,
    value: &Value,
) -> Value {
    let records = store.records(service);
    let declared = records.lookup_target(module, field);
    let is_owner = field == "Owner";
    let (id, given_name) = match value {
        Value::Object(map) => match id_text(map.get("id")) {
            Some(id) => (id, map.get("name").filter(|n| !n.is_null()).cloned()),
            None => return value.clone(),
        },
        Value::String(_) | Value::Number(_) => match id_text(Some(value)) {
            Some(id) if is_id_like(&id) => (id, None),
            _ => return value.clone(),
        },
        _ => return value.clone(),
    };
    let users = records.users(&store.user);
    let user_name = || {
        users
            .iter()
            .find(|u| record_id(u) == Some(id.as_str()))
            .and_then(|u| u.get("full_name").cloned())
    };
    let record_name = || match declared {
        Some(target) => records
            .module_name(target)
            .and_then(|m| records.find(&m, &id).map(display_name)),
        None => records.find_anywhere(&id).map(|(_, r)| display_name(r)),
    };
    let known = is_owner || declared.is_some() || value.is_object();
    let name = if is_owner {
        user_name()
    } else {
        record_name().or_else(user_name)
    };
    if !known && name.is_none() {
        return value.clone();
    }
    let name = given_name.or(name).unwrap_or(Value::Null);
    json!({"name": name, "id": id})
}

/// The first name-like field of a record, or null.
pub fn display_name(record: &Record) -> Value {
    NAME_FIELDS
        .iter()
        .find_map(|f| record.get(*f).filter(|v| !v.is_null()).cloned())
        .unwrap_or(Value::Null)
}

fn id_text(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) if n.is_u64() => Some(n.to_string()),
        _ => None,
    }
}

fn is_id_like(text: &str) -> bool {
    text.len() >= 5 && text.bytes().all(|b| b.is_ascii_digit())
}

fn text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn is_blank(value: Option<&Value>) -> bool {
    match value {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.trim().is_empty(),
        _ => false,
    }
}
