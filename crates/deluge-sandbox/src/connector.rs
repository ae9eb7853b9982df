//! The built-in CRM connectors of `zoho.crm.invokeConnector`, sent as
//! `POST deluge-connector://crm/<name>` with the parameters as a JSON body
//! (spec §3.3): `crm.set`, `crm.getorg`, `crm.getusers`, `crm.delete`.
//! Each answer is `{"status_code":"200","response":"<JSON text>"}`. Other
//! names are not claimed, so a fixture can answer them.

use crate::exchange::{Exchange, json};
use crate::records_write::delete_one;
use crate::store::Store;
use deluge_connect::{HttpResponse, TaskService};
use serde_json::{Value, json};

const MODELLED: &[&str] = &["crm.set", "crm.getorg", "crm.getusers", "crm.delete"];

pub fn is_modelled(name: &str) -> bool {
    MODELLED.iter().any(|m| m.eq_ignore_ascii_case(name))
}

pub fn answer(store: &mut Store, name: &str, ex: &Exchange) -> HttpResponse {
    let params = ex.json_body().unwrap_or(Value::Null);
    let text = |v: Option<&Value>| match v {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    };
    let (status, response) = match name.to_ascii_lowercase().as_str() {
        "crm.set" => {
            let name = text(params.get("apiname"));
            let value = text(params.get("value"));
            if name.is_empty() {
                (
                    400,
                    json!({"code": "REQUIRED_PARAM_MISSING", "details": {"param": "apiname"}, "message": "One of the expected parameter is missing", "status": "error"}),
                )
            } else {
                store
                    .crm
                    .seed
                    .org_variables
                    .insert(name.clone(), value.clone());
                (
                    200,
                    json!({name: value, "message": "New value updated successfully."}),
                )
            }
        }
        "crm.getorg" => (200, json!({"org": [store.crm.org(&store.user)]})),
        "crm.getusers" => (200, json!({"users": store.crm.users(&store.user)})),
        _ => {
            let module = store.crm.module_name(&text(params.get("module")));
            let id = text(params.get("id"));
            match module {
                Some(module) => match delete_one(store, TaskService::Crm, &module, &id) {
                    Ok(item) => (200, json!({"data": [item]})),
                    Err(item) => (400, json!({"data": [item]})),
                },
                None => (
                    400,
                    json!({"code": "INVALID_MODULE", "details": {}, "message": "the module name given seems to be invalid", "status": "error"}),
                ),
            }
        }
    };
    json(
        status,
        json!({"status_code": status.to_string(), "response": response.to_string()}),
        ex,
    )
}
