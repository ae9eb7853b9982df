//! The HTTP exchange as plain data.
//!
//! Every external call of a script (`invokeurl`, a `zoho.*` task, a token
//! refresh) becomes one [`HttpRequest`] and is answered by one
//! [`HttpResponse`] or a [`TransportError`]. The types know nothing of how
//! they are carried: the real network, canned fixtures and the local Zoho
//! simulator all take and give the same values, so every layer can be
//! tested without a socket.

use std::fmt;
use std::time::Duration;
use url::Url;

/// The HTTP methods Deluge can send.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Method {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

impl Method {
    /// Parses a method name case-insensitively (`get`, `POST`).
    pub fn parse(name: &str) -> Option<Method> {
        match name.trim().to_ascii_uppercase().as_str() {
            "GET" => Some(Method::Get),
            "POST" => Some(Method::Post),
            "PUT" => Some(Method::Put),
            "PATCH" => Some(Method::Patch),
            "DELETE" => Some(Method::Delete),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What made a request: used for matching, logging and error texts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CallOrigin {
    InvokeUrl,
    InvokeApi,
    /// An integration task, by its name as written (`zoho.crm.getRecordById`).
    Task(String),
    /// A token request made by the connection layer.
    TokenRefresh,
    /// A `sendmail` block sent through a mail connection.
    SendMail,
}

/// One part of a `multipart/form-data` body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MultipartPart {
    Text {
        name: String,
        value: String,
    },
    File {
        name: String,
        file_name: String,
        content_type: String,
        data: Vec<u8>,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum RequestBody {
    #[default]
    Empty,
    Bytes {
        data: Vec<u8>,
        content_type: String,
    },
    /// `application/x-www-form-urlencoded`, pairs in order.
    Form(Vec<(String, String)>),
    Multipart(Vec<MultipartPart>),
}

/// A request, ready to send.
#[derive(Clone, Debug)]
pub struct HttpRequest {
    pub method: Method,
    /// The URL that goes on the wire, query string included (after
    /// `base_url_override` rewriting).
    pub url: Url,
    /// The URL as the script meant it, before any `base_url_override`:
    /// fixtures and the simulator match on this one.
    pub logical_url: Url,
    /// Header names as given, order kept.
    pub headers: Vec<(String, String)>,
    pub body: RequestBody,
    pub connect_timeout: Duration,
    pub total_timeout: Duration,
    /// Responses with a longer body fail with [`TransportError::TooLarge`].
    pub max_response_bytes: u64,
    /// The link name the request was made with, if any.
    pub connection: Option<String>,
    pub origin: CallOrigin,
}

/// The defaults of integrations spec §2.6.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
pub const DEFAULT_TOTAL_TIMEOUT: Duration = Duration::from_secs(40);
/// 15 MB for Zoho hosts, 5 MB for the rest.
pub const DEFAULT_MAX_ZOHO_BYTES: u64 = 15 * 1024 * 1024;
pub const DEFAULT_MAX_OTHER_BYTES: u64 = 5 * 1024 * 1024;

impl HttpRequest {
    /// A request with no headers, no body and the default limits; the
    /// logical URL is the wire URL.
    pub fn new(method: Method, url: Url, origin: CallOrigin) -> HttpRequest {
        HttpRequest {
            method,
            logical_url: url.clone(),
            url,
            headers: Vec::new(),
            body: RequestBody::Empty,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            total_timeout: DEFAULT_TOTAL_TIMEOUT,
            max_response_bytes: DEFAULT_MAX_OTHER_BYTES,
            connection: None,
            origin,
        }
    }

    /// The first header of that name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }

    /// True when a `base_url_override` sent the request elsewhere.
    pub fn is_overridden(&self) -> bool {
        self.url != self.logical_url
    }
}

/// A response, whatever its status: non-2xx answers are data, not errors.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpResponse {
    pub status: u16,
    /// Header names as received, order kept, repeated names kept.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub final_url: Url,
}

impl HttpResponse {
    /// A response with a JSON body and `content-type: application/json`.
    pub fn json(status: u16, body: &serde_json::Value, final_url: Url) -> HttpResponse {
        HttpResponse {
            status,
            headers: vec![(
                "content-type".into(),
                "application/json;charset=UTF-8".into(),
            )],
            body: body.to_string().into_bytes(),
            final_url,
        }
    }

    /// The first header of that name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }
}

fn find_header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// A request that got no HTTP answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TransportError {
    Timeout,
    Connect(String),
    Dns(String),
    Tls(String),
    TooLarge {
        limit: u64,
    },
    /// Refused by the network policy or by a fixture file whose
    /// `unmatched` is `error`; the text says why.
    Denied(String),
    Other(String),
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TransportError::Timeout => f.write_str("socket timeout error"),
            TransportError::Connect(reason)
            | TransportError::Dns(reason)
            | TransportError::Tls(reason) => f.write_str(reason),
            TransportError::TooLarge { limit } => {
                write!(f, "response exceeds the {} MB limit", limit / (1024 * 1024))
            }
            TransportError::Denied(reason) | TransportError::Other(reason) => f.write_str(reason),
        }
    }
}
