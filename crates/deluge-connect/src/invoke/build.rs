//! Building the request of an `invokeurl` block (integrations spec
//! §2.3–§2.4): URL and query, method, headers, content type and body.

use super::response::ResponseOptions;
use super::wire;
use crate::http::{CallOrigin, HttpRequest, Method, MultipartPart, RequestBody};
use deluge_runtime::value::FileObj;
use deluge_runtime::{TaskRequest, Value};
use url::Url;

/// A request ready for the connection layer, and how to read its answer.
#[derive(Debug)]
pub struct Prepared {
    pub request: HttpRequest,
    pub options: ResponseOptions,
}

/// The link name of the block, if it names one.
pub fn connection_name(task: &TaskRequest) -> Option<String> {
    task.get("connection")
        .filter(|v| !v.is_null())
        .map(|v| v.display().trim().to_string())
        .filter(|name| !name.is_empty())
}

/// Builds the request; `url_params` fill `{name}` placeholders of the URL.
/// Errors are the script's runtime error texts.
pub fn build(task: &TaskRequest, url_params: &[(String, String)]) -> Result<Prepared, String> {
    let url = url(task, url_params)?;
    let method = match task.get("type").filter(|v| !v.is_null()) {
        None => Method::Get,
        Some(v) => Method::parse(&v.display())
            .ok_or_else(|| format!("invokeurl: invalid type '{}'", v.display()))?,
    };
    let mut request = HttpRequest::new(method, url, CallOrigin::InvokeUrl);
    request.headers = headers(task)?;
    let content_type = content_type(task, &request.headers);
    let present = |key| task.get(key).filter(|v| !v.is_null());
    let (parameters, body, files) = (present("parameters"), present("body"), present("files"));
    let is_map = |v: &Value| v.map_ref().is_some();

    // Which value goes to the query string and which into the body (§2.4).
    let (query, payload) = match (method, body, parameters) {
        (Method::Get, b, p) => (p, b),
        (_, Some(b), Some(p)) if is_map(p) => (Some(p), Some(b)),
        (_, Some(b), _) => (None, Some(b)),
        (Method::Delete, None, Some(p)) if is_map(p) => (Some(p), None),
        (_, None, p) => (None, p),
    };
    if let Some(query) = query {
        add_query(&mut request.url, query)?;
    }
    request.logical_url = request.url.clone();
    let body = match files {
        Some(files) => Some(RequestBody::Multipart(multipart(files, payload)?)),
        None => payload
            .map(|p| encode(p, content_type.as_deref()))
            .transpose()?,
    };
    if let Some(body) = body {
        // The body carries its content type (a multipart one needs its
        // boundary), so the script's header is not sent twice.
        request
            .headers
            .retain(|(n, _)| !n.eq_ignore_ascii_case("content-type"));
        request.body = body;
    } else if let Some(ct) = task.get("content-type").filter(|v| !v.is_null()) {
        request
            .headers
            .retain(|(n, _)| !n.eq_ignore_ascii_case("content-type"));
        request
            .headers
            .push(("Content-Type".into(), ct.display().trim().to_string()));
    }
    Ok(Prepared {
        request,
        options: ResponseOptions::from_task(task)?,
    })
}

fn url(task: &TaskRequest, url_params: &[(String, String)]) -> Result<Url, String> {
    let mut text = task
        .get("url")
        .filter(|v| !v.is_null())
        .ok_or("invokeurl: the url key is missing")?
        .display();
    for (name, value) in url_params {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    let trimmed = text.trim();
    match Url::parse(trimmed) {
        Ok(url) if matches!(url.scheme(), "http" | "https") && url.host_str().is_some() => Ok(url),
        _ => Err(format!("invokeurl: invalid URL '{trimmed}'")),
    }
}

fn headers(task: &TaskRequest) -> Result<Vec<(String, String)>, String> {
    let Some(map) = task.get("headers").filter(|v| !v.is_null()) else {
        return Ok(Vec::new());
    };
    wire::pairs(map)
        .into_iter()
        .map(|(name, value)| {
            let text = wire::text(&value)
                .ok_or_else(|| format!("invokeurl: a FILE cannot be sent in header '{name}'"))?;
            Ok((name, text))
        })
        .collect()
}

/// The `content-type:` key, else a `Content-Type` header (§2.4).
fn content_type(task: &TaskRequest, headers: &[(String, String)]) -> Option<String> {
    task.get("content-type")
        .filter(|v| !v.is_null())
        .map(|v| v.display().trim().to_string())
        .or_else(|| {
            headers
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case("content-type"))
                .map(|(_, v)| v.trim().to_string())
        })
        .filter(|ct| !ct.is_empty())
}

fn add_query(url: &mut Url, query: &Value) -> Result<(), String> {
    if query.map_ref().is_some() {
        let pairs = wire::pairs(query);
        if pairs.is_empty() {
            return Ok(());
        }
        let mut serializer = url.query_pairs_mut();
        for (name, value) in pairs {
            let text = wire::text(&value).ok_or_else(|| {
                format!("invokeurl: a FILE cannot be sent in query parameter '{name}'")
            })?;
            serializer.append_pair(&name, &text);
        }
        return Ok(());
    }
    // A TEXT goes verbatim after `?` or `&`.
    let text = wire::text(query).ok_or("invokeurl: a FILE cannot be sent in the query string")?;
    let text = text.trim_start_matches(['?', '&']);
    if text.is_empty() {
        return Ok(());
    }
    let joined = match url.query() {
        Some(existing) if !existing.is_empty() => format!("{existing}&{text}"),
        _ => text.to_string(),
    };
    url.set_query(Some(&joined));
    Ok(())
}

fn is_json(ct: &str) -> bool {
    let base = ct
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    base == "application/json" || base.ends_with("+json")
}

fn is_form(ct: &str) -> bool {
    ct.to_ascii_lowercase()
        .starts_with("application/x-www-form-urlencoded")
}

fn is_multipart(ct: &str) -> bool {
    ct.to_ascii_lowercase().starts_with("multipart/")
}

fn has_file(map: &Value) -> bool {
    wire::pairs(map)
        .iter()
        .any(|(_, v)| matches!(v, Value::File(_)))
}

/// Encodes the chosen payload by the effective content type (§2.4).
fn encode(payload: &Value, ct: Option<&str>) -> Result<RequestBody, String> {
    let bytes = |data: Vec<u8>, default: &str| RequestBody::Bytes {
        data,
        content_type: ct.unwrap_or(default).to_string(),
    };
    Ok(match payload {
        Value::File(f) => {
            let file = f.borrow();
            let own = if file.content_type.is_empty() {
                "application/octet-stream"
            } else {
                file.content_type.as_str()
            };
            bytes(file.bytes.clone(), own)
        }
        v if v.map_ref().is_some() => {
            if ct.is_some_and(is_json) {
                bytes(v.display().into_bytes(), "application/json")
            } else if ct.is_some_and(is_multipart) || has_file(v) {
                RequestBody::Multipart(map_parts(v)?)
            } else {
                let pairs = text_pairs(v)?;
                match ct {
                    Some(ct) if !is_form(ct) => {
                        let encoded = url::form_urlencoded::Serializer::new(String::new())
                            .extend_pairs(&pairs)
                            .finish();
                        bytes(encoded.into_bytes(), ct)
                    }
                    _ => RequestBody::Form(pairs),
                }
            }
        }
        v if v.list_ref().is_some() => bytes(
            wire::text(v).unwrap_or_default().into_bytes(),
            "application/json",
        ),
        v => bytes(wire::text(v).unwrap_or_default().into_bytes(), "text/plain"),
    })
}

fn text_pairs(map: &Value) -> Result<Vec<(String, String)>, String> {
    wire::pairs(map)
        .into_iter()
        .map(|(k, v)| {
            let text = wire::text(&v)
                .ok_or_else(|| format!("invokeurl: a FILE cannot be sent in form field '{k}'"))?;
            Ok((k, text))
        })
        .collect()
}

/// A map as multipart parts: FILE values are file parts named by the key.
fn map_parts(map: &Value) -> Result<Vec<MultipartPart>, String> {
    Ok(wire::pairs(map)
        .into_iter()
        .map(|(name, value)| match &value {
            Value::File(f) => file_part(name, &f.borrow(), None, None),
            other => MultipartPart::Text {
                name,
                value: wire::text(other).unwrap_or_default(),
            },
        })
        .collect())
}

fn file_part(
    name: String,
    file: &FileObj,
    file_name: Option<String>,
    content_type: Option<String>,
) -> MultipartPart {
    let own_type = (!file.content_type.is_empty()).then(|| file.content_type.clone());
    MultipartPart::File {
        name,
        file_name: file_name.unwrap_or_else(|| file.name.clone()),
        content_type: content_type
            .or(own_type)
            .unwrap_or_else(|| "application/octet-stream".into()),
        data: file.bytes.clone(),
    }
}

/// The parts of a `files:` value (a FILE, or a LIST of FILEs and
/// string-part maps), after the text parts of a Map payload.
fn multipart(files: &Value, payload: Option<&Value>) -> Result<Vec<MultipartPart>, String> {
    let mut parts = match payload {
        Some(p) if p.map_ref().is_some() => map_parts(p)?,
        _ => Vec::new(),
    };
    let items = match files.list_ref() {
        Some(list) => list.items.clone(),
        None => vec![files.clone()],
    };
    for item in &items {
        parts.push(files_item(item)?);
    }
    Ok(parts)
}

fn files_item(item: &Value) -> Result<MultipartPart, String> {
    if let Value::File(f) = item {
        let file = f.borrow();
        let name = file.param_name.clone().unwrap_or_else(|| "file".into());
        return Ok(file_part(name, &file, None, None));
    }
    if item.map_ref().is_none() {
        return Err(format!(
            "invokeurl: files: expected a FILE or a part map, got {}",
            item.type_name()
        ));
    }
    let get = |key: &str| {
        wire::pairs(item)
            .into_iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v)
    };
    let name = get("paramName")
        .map(|v| v.display())
        .unwrap_or_else(|| "file".into());
    let content = get("content").unwrap_or_default();
    let string_part = get("stringPart").map(|v| v.display().eq_ignore_ascii_case("true"));
    match (&content, string_part) {
        (Value::File(f), Some(false) | None) => Ok(file_part(
            name,
            &f.borrow(),
            get("fileName").map(|v| v.display()),
            get("contentType").map(|v| v.display()),
        )),
        (other, _) => Ok(MultipartPart::Text {
            name,
            value: wire::text(other).unwrap_or_default(),
        }),
    }
}
