//! From a service's answer to the value a task returns (integrations spec
//! §3.2–§3.4, §3.6, §7).
//!
//! Service errors (4xx/5xx with a JSON body, a 401 that survived the
//! retry) are data: every shape returns the error map unchanged when the
//! answer lacks the part it would unwrap, so scripts can test
//! `.get("code")` or `.get("status")` as they do in Zoho.

use crate::http::HttpResponse;
use deluge_runtime::json::from_serde;
use deluge_runtime::{Value, value::Entries};

/// The body as a value: JSON when it parses (Zoho's services always send
/// JSON), TEXT otherwise; `None` for an empty body (a 204).
pub fn body(response: &HttpResponse) -> Option<Value> {
    let text = String::from_utf8_lossy(&response.body);
    if text.trim().is_empty() {
        return None;
    }
    match serde_json::from_str::<serde_json::Value>(&text) {
        Ok(json) => Some(from_serde(&json)),
        Err(_) => Some(Value::text(text.as_ref())),
    }
}

/// The whole response; an empty one is `{}` (Bigin, Books, users).
pub fn whole(response: &HttpResponse) -> Value {
    body(response).unwrap_or_else(Value::empty_map)
}

/// The first item of `data` (CRM `getRecordById`, `attachFile`,
/// `convertLead`, `updateRelatedRecord`); the whole answer when it has
/// none (an error map); `{}` when empty.
pub fn first_item(response: &HttpResponse) -> Value {
    let whole = whole(response);
    first_of_data(&whole).unwrap_or(whole)
}

/// The `data` list of a CRM list answer (`getRecords`, `searchRecords`,
/// `getRelatedRecords`, the bulk tasks). No records (a 204) is an empty
/// LIST whose text form is `""`; an error answer stays a map.
pub fn data_list(response: &HttpResponse) -> Value {
    let Some(whole) = body(response) else {
        return Value::new_list(Vec::new());
    };
    if whole.list_ref().is_some() {
        return whole;
    }
    match data(&whole) {
        Some(list) => list,
        None => whole,
    }
}

/// CRM create/update: the `details` of the written record when it
/// succeeded, else the failing item (`MANDATORY_NOT_FOUND`,
/// `DUPLICATE_DATA`, ...), which has no top-level `id`.
pub fn write_details(response: &HttpResponse) -> Value {
    let item = first_item(response);
    let succeeded = get(&item, "status")
        .and_then(|s| s.as_text().map(|t| t.eq_ignore_ascii_case("success")))
        .unwrap_or(false);
    match get(&item, "details") {
        Some(details) if succeeded && details.map_ref().is_some() => details,
        _ => item,
    }
}

/// The value of an `invokeConnector` call:
/// `{"status_code":"<status>","response":"<JSON text>"}` (Zoho's "Set
/// Organization Variable" page). An answer already in that form (the
/// simulator's, or a fixture written as the task value) is kept; any
/// other answer is the connector's own response and gets wrapped.
pub fn connector(response: &HttpResponse) -> Value {
    if let Some(value) = body(response)
        && get(&value, "status_code").is_some()
        && get(&value, "response").is_some()
    {
        return value;
    }
    let mut entries = Entries::default();
    entries.insert(key("status_code"), Value::text(response.status.to_string()));
    let text = String::from_utf8_lossy(&response.body);
    entries.insert(key("response"), Value::text(text.as_ref()));
    Value::new_map(entries)
}

/// The local answer of `crm.set` when no layer answers it.
pub fn connector_ok(response_text: &str) -> Value {
    let mut entries = Entries::default();
    entries.insert(key("status_code"), Value::text("200"));
    entries.insert(key("response"), Value::text(response_text));
    Value::new_map(entries)
}

/// The value at `name` in a map.
pub fn get(map: &Value, name: &str) -> Option<Value> {
    let map = map.map_ref()?;
    map.entries
        .iter()
        .find(|(k, _)| k.0.as_text() == Some(name))
        .map(|(_, v)| v.clone())
}

fn data(whole: &Value) -> Option<Value> {
    get(whole, "data").filter(|d| d.list_ref().is_some())
}

fn first_of_data(whole: &Value) -> Option<Value> {
    let list = data(whole)?;
    list.list_ref()?.items.first().cloned()
}

fn key(name: &str) -> deluge_runtime::value::MapKey {
    deluge_runtime::value::MapKey(Value::text(name))
}
