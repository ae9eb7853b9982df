//! The JSON body of a write (`{"data":[...],"trigger":[...]}`) and where
//! the other option keys go (integrations spec §3.2, §3.3).

use deluge_runtime::Value;
use deluge_runtime::json::to_json;

/// Where option keys other than `trigger` are sent.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum OtherKeys {
    /// Bigin: as query parameters.
    Query,
    /// CRM: as body keys beside `data` (`lar_id`, ...).
    Body,
}

/// The write body for `records` and the options that become query
/// parameters.
pub fn write_body(
    records: Vec<Value>,
    options: &[(String, Value)],
    other: OtherKeys,
) -> (serde_json::Value, Vec<(String, Value)>) {
    let mut body = serde_json::Map::new();
    body.insert(
        "data".into(),
        serde_json::Value::Array(records.iter().map(to_json).collect()),
    );
    let mut query = Vec::new();
    for (key, value) in options {
        if key.eq_ignore_ascii_case("trigger") {
            body.insert("trigger".into(), trigger_list(value));
        } else if other == OtherKeys::Body {
            body.insert(key.clone(), to_json(value));
        } else {
            query.push((key.clone(), value.clone()));
        }
    }
    (serde_json::Value::Object(body), query)
}

/// A `trigger` option as a JSON list. Scripts mostly pass a LIST; a TEXT
/// such as `"[workflow,blueprint]"` or `"workflow"` is split on commas with
/// the brackets removed (seen in a live-org script).
fn trigger_list(value: &Value) -> serde_json::Value {
    match value {
        Value::Text(text) => serde_json::Value::Array(
            text.split(',')
                .map(|part| part.trim().trim_matches(|c| c == '[' || c == ']').trim())
                .filter(|part| !part.is_empty())
                .map(|part| serde_json::Value::String(part.to_string()))
                .collect(),
        ),
        Value::Null => serde_json::Value::Array(Vec::new()),
        other => match to_json(other) {
            list @ serde_json::Value::Array(_) => list,
            // An empty COLLECTION converts to an object: no triggers.
            serde_json::Value::Object(map) if map.is_empty() => {
                serde_json::Value::Array(Vec::new())
            }
            single => serde_json::Value::Array(vec![single]),
        },
    }
}
