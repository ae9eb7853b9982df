//! Responses as Deluge values (integrations spec §2.7): JSON becomes a
//! Map or List in the server's key order, text stays TEXT, binary bodies
//! become FILEs, and `detailed: true` wraps the value with the status and
//! headers. Non-2xx answers are data like any other.

use crate::http::HttpResponse;
use deluge_runtime::value::{Entries, FileObj, MapKey};
use deluge_runtime::{TaskRequest, Value, json};
use encoding_rs::Encoding;
use std::cell::RefCell;
use std::rc::Rc;

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ResponseFormat {
    /// Always a FILE.
    File,
    /// Never parsed as JSON.
    Text,
    /// Parsed as JSON, or an error.
    Json,
}

#[derive(Clone, Debug, Default)]
pub struct ResponseOptions {
    pub detailed: bool,
    pub format: Option<ResponseFormat>,
    pub decoding: Option<&'static Encoding>,
}

impl ResponseOptions {
    pub fn from_task(task: &TaskRequest) -> Result<ResponseOptions, String> {
        let detailed = match task.get("detailed") {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => *b,
            Some(other) => other.display().eq_ignore_ascii_case("true"),
        };
        let format = match task.get("response-format").filter(|v| !v.is_null()) {
            None => None,
            Some(v) => Some(match v.display().trim().to_ascii_uppercase().as_str() {
                "FILE" => ResponseFormat::File,
                "TEXT" => ResponseFormat::Text,
                "JSON" => ResponseFormat::Json,
                other => {
                    return Err(format!(
                        "invokeurl: unknown response-format '{other}' (FILE, TEXT or JSON)"
                    ));
                }
            }),
        };
        let decoding = match task.get("response-decoding").filter(|v| !v.is_null()) {
            None => None,
            Some(v) => {
                let name = v.display();
                Some(Encoding::for_label(name.trim().as_bytes()).ok_or_else(|| {
                    format!("invokeurl: unknown response-decoding charset '{name}'")
                })?)
            }
        };
        Ok(ResponseOptions {
            detailed,
            format,
            decoding,
        })
    }
}

/// The value the script receives.
pub fn convert(response: &HttpResponse, options: &ResponseOptions) -> Result<Value, String> {
    let body = body_value(response, options)?;
    if !options.detailed {
        return Ok(body);
    }
    let mut headers: Vec<(String, String)> = Vec::new();
    for (name, value) in &response.headers {
        let lower = name.to_ascii_lowercase();
        match headers.iter_mut().find(|(n, _)| *n == lower) {
            Some((_, joined)) => {
                joined.push_str(", ");
                joined.push_str(value);
            }
            None => headers.push((lower, value.clone())),
        }
    }
    let header_map: Entries = headers
        .into_iter()
        .map(|(n, v)| (MapKey(Value::text(n)), Value::text(v)))
        .collect();
    let mut detailed = Entries::default();
    detailed.insert(MapKey(Value::text("responseText")), body);
    detailed.insert(
        MapKey(Value::text("responseHeader")),
        Value::new_map(header_map),
    );
    detailed.insert(
        MapKey(Value::text("responseCode")),
        Value::Number(i64::from(response.status)),
    );
    Ok(Value::new_map(detailed))
}

fn media_type(response: &HttpResponse) -> Option<String> {
    response
        .header("content-type")
        .map(|ct| {
            ct.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        })
        .filter(|ct| !ct.is_empty())
}

fn is_json_type(ct: &str) -> bool {
    ct == "application/json" || ct == "text/json" || ct.ends_with("+json")
}

fn is_textual(ct: &str) -> bool {
    ct.starts_with("text/")
        || matches!(
            ct,
            "application/xml"
                | "application/javascript"
                | "application/x-www-form-urlencoded"
                | "application/xhtml+xml"
        )
        || ct.ends_with("+xml")
}

fn body_value(response: &HttpResponse, options: &ResponseOptions) -> Result<Value, String> {
    let ct = media_type(response);
    if options.format == Some(ResponseFormat::File) {
        return Ok(file(response, ct));
    }
    let json_type = ct.as_deref().is_some_and(is_json_type);
    if response.body.is_empty() && options.format != Some(ResponseFormat::Text) {
        return Ok(if response.status == 204 || json_type {
            Value::empty_map()
        } else {
            Value::text("")
        });
    }
    let attachment = response
        .header("content-disposition")
        .is_some_and(|d| d.trim().to_ascii_lowercase().starts_with("attachment"));
    let textual = ct.as_deref().is_none_or(is_textual);
    if options.format.is_none() && (attachment || !(json_type || textual)) {
        return Ok(file(response, ct));
    }
    let text = decode(response, options);
    match options.format {
        Some(ResponseFormat::Text) => return Ok(Value::from_string(text)),
        Some(ResponseFormat::Json) => {
            return parse_json(&text)
                .ok_or_else(|| "invokeurl: the response is not JSON".to_string());
        }
        _ => {}
    }
    let looks_json = matches!(text.trim_start().as_bytes().first(), Some(b'{' | b'['));
    if (json_type || looks_json)
        && let Some(value) = parse_json(&text)
    {
        return Ok(value);
    }
    Ok(Value::from_string(text))
}

fn parse_json(text: &str) -> Option<Value> {
    let parsed: serde_json::Value = serde_json::from_str(text.trim()).ok()?;
    Some(json::from_serde(&parsed))
}

/// The body as text: `response-decoding`, else the charset of the
/// content type, else UTF-8 (bad sequences replaced).
fn decode(response: &HttpResponse, options: &ResponseOptions) -> String {
    let declared = response.header("content-type").and_then(|ct| {
        ct.split(';').skip(1).find_map(|p| {
            let (k, v) = p.split_once('=')?;
            k.trim()
                .eq_ignore_ascii_case("charset")
                .then(|| Encoding::for_label(v.trim().trim_matches('"').as_bytes()))
                .flatten()
        })
    });
    let encoding = options.decoding.or(declared).unwrap_or(encoding_rs::UTF_8);
    encoding.decode(&response.body).0.into_owned()
}

fn file(response: &HttpResponse, ct: Option<String>) -> Value {
    Value::File(Rc::new(RefCell::new(FileObj {
        name: file_name(response),
        param_name: None,
        content_type: ct.unwrap_or_else(|| "application/octet-stream".into()),
        bytes: response.body.clone(),
    })))
}

/// `Content-Disposition` `filename*=` / `filename=`, else the last URL
/// path segment, else `file`.
fn file_name(response: &HttpResponse) -> String {
    let from_header = response.header("content-disposition").and_then(|d| {
        let params: Vec<(&str, &str)> = d
            .split(';')
            .filter_map(|p| p.split_once('='))
            .map(|(k, v)| (k.trim(), v.trim().trim_matches('"')))
            .collect();
        let extended = params
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("filename*"))
            .map(|(_, v)| {
                let encoded = v.rsplit("''").next().unwrap_or(v);
                percent_decode(encoded)
            });
        extended.or_else(|| {
            params
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case("filename"))
                .map(|(_, v)| v.to_string())
        })
    });
    from_header
        .filter(|n| !n.is_empty())
        .or_else(|| {
            response
                .final_url
                .path_segments()
                .and_then(|mut s| s.next_back())
                .filter(|s| !s.is_empty())
                .map(percent_decode)
        })
        .unwrap_or_else(|| "file".into())
}

fn percent_decode(text: &str) -> String {
    url::form_urlencoded::parse(format!("x={}", text.replace('+', "%2B")).as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_else(|| text.to_string())
}
