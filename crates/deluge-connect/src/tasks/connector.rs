//! Org variables and connectors: `zoho.crm.getOrgVariable` and
//! `zoho.crm.invokeConnector` (integrations spec §3.3).
//!
//! A connector call is a logical request `POST deluge-connector://crm/<name>`
//! through the same environment as every task, so a fixture or the
//! simulator can answer it; it never reaches the network. `crm.set` only
//! changes the org-variable store, so it is answered here when nothing
//! else answers it.

use super::args::{Slot, wire_text};
use super::endpoint::Call;
use super::shape;
use crate::http::{CallOrigin, HttpRequest, Method, RequestBody};
use deluge_runtime::json::to_json;
use deluge_runtime::{HostError, Value};
use url::Url;

use crate::task_env::TaskEnv;

/// The scheme and host of connector requests.
pub const CONNECTOR_BASE: &str = "deluge-connector://crm/";

/// `getOrgVariable(name[, ignored])`: the value as TEXT, or `""` and a
/// warning when the variable is not defined locally.
pub fn get_org_variable(
    mut call: Call,
    args: &[Value],
    env: &mut dyn TaskEnv,
) -> Result<Value, HostError> {
    let a = call.args(&[Slot::Required("variable name")], args)?;
    let name = a.text(0, "variable name")?;
    match env.org_variable(&name)? {
        Some(value) => Ok(Value::text(value)),
        None => {
            env.warn(format!(
                "{}: org variable '{name}' is not defined locally; it reads as \"\"",
                call.name
            ));
            Ok(Value::text(""))
        }
    }
}

/// `invokeConnector(name, params)`: `{"status_code":"200","response":"<JSON text>"}`.
pub fn invoke_connector(
    mut call: Call,
    args: &[Value],
    env: &mut dyn TaskEnv,
) -> Result<Value, HostError> {
    let slots = [Slot::Required("connector name"), Slot::Options];
    let a = call.args(&slots, args)?;
    let name = a.text(0, "connector name")?;
    let params = a.options(1);
    let set =
        if name.eq_ignore_ascii_case("crm.set") {
            Some(org_variable_change(&params).ok_or_else(|| {
                a.error("crm.set needs the keys 'apiname' and 'value'".to_string())
            })?)
        } else {
            None
        };
    let request = connector_request(&call, &name, &params)?;
    match env.send(call.name, call.service, call.connection.as_deref(), &|_| {
        request.clone()
    }) {
        Ok(response) => {
            if let Some((variable, value)) = set
                && (200..300).contains(&response.status)
            {
                env.set_org_variable(&variable, value);
            }
            Ok(shape::connector(&response))
        }
        Err(_) if set.is_some() => {
            let (variable, value) = set.unwrap_or_default();
            let mut answer = serde_json::Map::new();
            answer.insert(variable.clone(), value.clone().into());
            answer.insert("message".into(), "New value updated successfully.".into());
            let answer = serde_json::Value::Object(answer);
            env.set_org_variable(&variable, value);
            Ok(shape::connector_ok(&answer.to_string()))
        }
        Err(e) => Err(HostError::new(format!(
            "invokeConnector '{name}': no fixture or simulator answer ({})",
            e.message
        ))),
    }
}

/// The variable and new value of a `crm.set` call.
fn org_variable_change(params: &[(String, Value)]) -> Option<(String, String)> {
    let find = |key: &str| {
        params
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v)
    };
    let name = find("apiname")?.as_text()?.trim().to_string();
    let value = wire_text(find("value")?);
    Some((name, value))
}

/// `POST deluge-connector://crm/<name>` with the parameters as JSON.
fn connector_request(
    call: &Call,
    name: &str,
    params: &[(String, Value)],
) -> Result<HttpRequest, HostError> {
    let mut url = Url::parse(CONNECTOR_BASE)
        .map_err(|e| HostError::new(format!("invokeConnector '{name}': {e}")))?;
    if let Ok(mut path) = url.path_segments_mut() {
        path.pop_if_empty().push(name);
    }
    let body: serde_json::Map<String, serde_json::Value> = params
        .iter()
        .map(|(k, v)| (k.clone(), to_json(v)))
        .collect();
    let mut request = HttpRequest::new(Method::Post, url, CallOrigin::Task(call.name.to_string()));
    request.body = RequestBody::Bytes {
        data: serde_json::Value::Object(body).to_string().into_bytes(),
        content_type: "application/json".into(),
    };
    request.connection = call.connection.clone();
    Ok(request)
}
