//! The real network: `reqwest`'s blocking client with rustls.
//!
//! The client is built on the first request and kept for the run, so
//! connections to a host are reused. reqwest sets the connect timeout per
//! client, not per request, so one client is kept per connect timeout
//! (a run normally has one). Bodies are read through a size-capped reader;
//! non-2xx answers are data, never errors.

use crate::http::{HttpRequest, HttpResponse, MultipartPart, RequestBody, TransportError};
use crate::transport::{Answer, Transport};
use reqwest::blocking::{Client, RequestBuilder, multipart};
use std::io::Read;
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

/// Redirects followed before giving up (integrations spec §2.6).
const MAX_REDIRECTS: usize = 10;

#[derive(Default)]
pub struct NetworkTransport {
    clients: Mutex<Vec<(Duration, Client)>>,
}

impl NetworkTransport {
    pub fn new() -> NetworkTransport {
        NetworkTransport::default()
    }

    fn client(&self, connect_timeout: Duration) -> Result<Client, TransportError> {
        let mut clients = self.clients.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((_, client)) = clients.iter().find(|(t, _)| *t == connect_timeout) {
            return Ok(client.clone());
        }
        let client = Client::builder()
            .connect_timeout(connect_timeout)
            .redirect(reqwest::redirect::Policy::limited(MAX_REDIRECTS))
            .build()
            .map_err(|e| TransportError::Other(format!("cannot start the HTTP client: {e}")))?;
        clients.push((connect_timeout, client.clone()));
        Ok(client)
    }
}

impl Transport for NetworkTransport {
    fn execute(&self, request: &HttpRequest) -> Answer {
        let client = self.client(request.connect_timeout)?;
        let method = reqwest::Method::from_bytes(request.method.as_str().as_bytes())
            .map_err(|e| TransportError::Other(e.to_string()))?;
        let mut builder = client
            .request(method, request.url.clone())
            .timeout(request.total_timeout);
        for (name, value) in &request.headers {
            builder = builder.header(name.as_str(), value.as_str());
        }
        builder = with_body(builder, request)?;
        let response = builder.send().map_err(|e| map_error(&e, request))?;
        read_response(response, request)
    }
}

fn with_body(
    builder: RequestBuilder,
    request: &HttpRequest,
) -> Result<RequestBuilder, TransportError> {
    let has_type = request.header("content-type").is_some();
    Ok(match &request.body {
        RequestBody::Empty => builder,
        RequestBody::Bytes { data, content_type } => {
            let builder = builder.body(data.clone());
            if has_type {
                builder
            } else {
                builder.header("content-type", content_type.as_str())
            }
        }
        RequestBody::Form(pairs) => {
            let encoded = url::form_urlencoded::Serializer::new(String::new())
                .extend_pairs(pairs)
                .finish();
            let builder = builder.body(encoded);
            if has_type {
                builder
            } else {
                builder.header("content-type", "application/x-www-form-urlencoded")
            }
        }
        RequestBody::Multipart(parts) => builder.multipart(form(parts)?),
    })
}

fn form(parts: &[MultipartPart]) -> Result<multipart::Form, TransportError> {
    let mut form = multipart::Form::new();
    for part in parts {
        form = match part {
            MultipartPart::Text { name, value } => form.text(name.clone(), value.clone()),
            MultipartPart::File {
                name,
                file_name,
                content_type,
                data,
            } => {
                let part = multipart::Part::bytes(data.clone())
                    .file_name(file_name.clone())
                    .mime_str(content_type)
                    .map_err(|e| {
                        TransportError::Other(format!("content type of part '{name}': {e}"))
                    })?;
                form.part(name.clone(), part)
            }
        };
    }
    Ok(form)
}

fn read_response(response: reqwest::blocking::Response, request: &HttpRequest) -> Answer {
    let limit = request.max_response_bytes;
    if response.content_length().is_some_and(|n| n > limit) {
        return Err(TransportError::TooLarge { limit });
    }
    let status = response.status().as_u16();
    let final_url = response.url().clone();
    let headers = response
        .headers()
        .iter()
        .map(|(n, v)| {
            (
                n.as_str().to_string(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect();
    let mut body = Vec::new();
    response
        .take(limit.saturating_add(1))
        .read_to_end(&mut body)
        .map_err(|e| read_error(&e, request))?;
    if body.len() as u64 > limit {
        return Err(TransportError::TooLarge { limit });
    }
    Ok(HttpResponse {
        status,
        headers,
        body,
        final_url,
    })
}

fn read_error(e: &std::io::Error, request: &HttpRequest) -> TransportError {
    let text = chain(e);
    if e.kind() == std::io::ErrorKind::TimedOut || text.contains("timed out") {
        TransportError::Timeout
    } else {
        TransportError::Connect(format!("{}: {text}", host(request)))
    }
}

fn host(request: &HttpRequest) -> String {
    request.url.host_str().unwrap_or("").to_string()
}

/// Sorts reqwest's error into the cases scripts see (§7), with the
/// innermost cause as the reason.
fn map_error(e: &reqwest::Error, request: &HttpRequest) -> TransportError {
    if e.is_timeout() {
        return TransportError::Timeout;
    }
    let text = chain(e);
    let lower = text.to_ascii_lowercase();
    if lower.contains("timed out") {
        TransportError::Timeout
    } else if lower.contains("dns error") || lower.contains("failed to lookup") {
        TransportError::Dns(reason(&text))
    } else if lower.contains("certificate") || lower.contains("tls") || lower.contains("handshake")
    {
        TransportError::Tls(reason(&text))
    } else if e.is_redirect() {
        TransportError::Other(format!("too many redirects from {}", host(request)))
    } else {
        TransportError::Connect(reason(&text))
    }
}

/// The last, most specific part of an error chain.
fn reason(chain: &str) -> String {
    chain.rsplit(": ").next().unwrap_or(chain).to_string()
}

fn chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(inner) = source {
        let piece = inner.to_string();
        if !text.contains(&piece) {
            text.push_str(": ");
            text.push_str(&piece);
        }
        source = inner.source();
    }
    text
}
