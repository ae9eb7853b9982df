//! Reading a request (query, JSON body) and writing the simulator's
//! responses (Zoho's JSON shapes, 204, the request-log hint).

use deluge_connect::{HttpRequest, HttpResponse, Method, MultipartPart, RequestBody};
use serde_json::{Value, json};
use url::Url;

/// The response header that carries a hint for the request log when the
/// simulator answers a route it does not model. The router copies it into
/// the log entry as a warning.
pub const HINT_HEADER: &str = "x-deluge-hint";

/// What the handlers need of a request, decoded once.
pub struct Exchange<'r> {
    pub request: &'r HttpRequest,
    pub method: Method,
    pub query: Vec<(String, String)>,
    /// `2024-05-01T10:00:00+00:00` at the moment of the request.
    pub now: String,
    /// The same instant in Books' format (`2024-05-01T10:00:00+0000`).
    pub now_books: String,
    pub epoch_seconds: i64,
}

impl<'r> Exchange<'r> {
    pub fn new(request: &'r HttpRequest, now: &jiff::ZonedDateTime) -> Exchange<'r> {
        Exchange {
            request,
            method: request.method,
            query: request
                .logical_url
                .query_pairs()
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
            now: now.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string(),
            now_books: now.strftime("%Y-%m-%dT%H:%M:%S%z").to_string(),
            epoch_seconds: now.timestamp().as_second(),
        }
    }

    /// The first query parameter of that name.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn logical_url(&self) -> &Url {
        &self.request.logical_url
    }

    /// The body as JSON: a body that parses as JSON whatever its content
    /// type (scripts send `map.toString()` with none), else a `JSONString`
    /// form, multipart or query field.
    pub fn json_body(&self) -> Option<Value> {
        let from_text = |text: &str| serde_json::from_str::<Value>(text).ok();
        let from_body = match &self.request.body {
            RequestBody::Empty => None,
            RequestBody::Bytes { data, .. } => {
                let text = String::from_utf8_lossy(data);
                from_text(&text).or_else(|| json_string_field(form_pairs(&text)))
            }
            RequestBody::Form(pairs) => json_string_field(pairs.clone()),
            RequestBody::Multipart(parts) => {
                json_string_field(parts.iter().filter_map(text_part).collect())
            }
        };
        from_body.or_else(|| json_string_field(self.query.clone()))
    }

    /// Named parameters of a form body (or the query), for the token
    /// endpoint.
    pub fn form_param(&self, name: &str) -> Option<String> {
        let pairs = match &self.request.body {
            RequestBody::Form(pairs) => pairs.clone(),
            RequestBody::Bytes { data, .. } => form_pairs(&String::from_utf8_lossy(data)),
            RequestBody::Multipart(parts) => parts.iter().filter_map(text_part).collect(),
            RequestBody::Empty => Vec::new(),
        };
        pairs
            .into_iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v)
            .or_else(|| self.param(name).map(str::to_string))
    }
}

fn text_part(part: &MultipartPart) -> Option<(String, String)> {
    match part {
        MultipartPart::Text { name, value } => Some((name.clone(), value.clone())),
        MultipartPart::File { .. } => None,
    }
}

fn form_pairs(text: &str) -> Vec<(String, String)> {
    url::form_urlencoded::parse(text.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn json_string_field(pairs: Vec<(String, String)>) -> Option<Value> {
    pairs
        .into_iter()
        .find(|(k, _)| k == "JSONString")
        .and_then(|(_, v)| serde_json::from_str(&v).ok())
}

pub fn json(status: u16, body: Value, exchange: &Exchange) -> HttpResponse {
    HttpResponse::json(status, &body, exchange.request.url.clone())
}

/// 204 with an empty body: Zoho's answer for "no records".
pub fn no_content(exchange: &Exchange) -> HttpResponse {
    HttpResponse {
        status: 204,
        headers: Vec::new(),
        body: Vec::new(),
        final_url: exchange.request.url.clone(),
    }
}

/// A request-level Bigin/CRM error (no `data` wrapper).
pub fn zoho_error(
    status: u16,
    code: &str,
    details: Value,
    message: &str,
    ex: &Exchange,
) -> HttpResponse {
    json(
        status,
        json!({"code": code, "details": details, "message": message, "status": "error"}),
        ex,
    )
}

pub fn invalid_token(ex: &Exchange) -> HttpResponse {
    zoho_error(401, "INVALID_TOKEN", json!({}), "invalid oauth token", ex)
}

/// A route the simulator does not model: Zoho's answer plus a hint for the
/// request log saying how to answer it instead.
pub fn with_hint(mut response: HttpResponse, ex: &Exchange) -> HttpResponse {
    let url = ex.logical_url();
    let hint = format!(
        "the simulator does not model {} {}{}; answer it with a fixture rule (see docs/offline.md)",
        ex.method,
        url.host_str().unwrap_or_default(),
        url.path()
    );
    response.headers.push((HINT_HEADER.to_string(), hint));
    response
}

pub fn invalid_url_pattern(ex: &Exchange) -> HttpResponse {
    with_hint(
        zoho_error(
            404,
            "INVALID_URL_PATTERN",
            json!({}),
            "Please check if the URL trying to access is a correct one",
            ex,
        ),
        ex,
    )
}

/// A Books error: `{"code":<n>,"message":...}`.
pub fn books_error(status: u16, code: i64, message: &str, ex: &Exchange) -> HttpResponse {
    json(status, json!({"code": code, "message": message}), ex)
}
