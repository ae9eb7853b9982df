//! One REST call of a task, described without its host, and sent through
//! the [`TaskEnv`] that knows the connection's API domain.

use super::args::{self, Args, Slot, wire_text};
use crate::http::{CallOrigin, DEFAULT_MAX_ZOHO_BYTES, HttpRequest, HttpResponse, Method};
use crate::http::{MultipartPart, RequestBody};
use crate::task_env::{TaskEnv, TaskService};
use deluge_runtime::{HostError, Value};
use url::Url;

/// What runs one task: the call, its positional arguments, the environment.
pub type Task = fn(Call, &[Value], &mut dyn TaskEnv) -> Result<Value, HostError>;

/// Who is calling: the task name as written, its service and link name.
#[derive(Clone, Debug)]
pub struct Call<'a> {
    pub name: &'a str,
    pub service: TaskService,
    pub connection: Option<String>,
}

impl Call<'_> {
    /// Reads the call's arguments against `slots` and keeps the link name
    /// they give for the request.
    pub fn args(&mut self, slots: &[Slot], values: &[Value]) -> Result<Args, HostError> {
        let parsed = args::parse(self.name, slots, values)?;
        self.connection = parsed.connection().map(String::from);
        Ok(parsed)
    }
}

/// A request relative to the API domain: path segments (each escaped on
/// its own, so a module name or id can never change the path), query
/// pairs and body.
#[derive(Clone, Debug)]
pub struct Endpoint {
    pub method: Method,
    pub segments: Vec<String>,
    pub query: Vec<(String, String)>,
    pub body: RequestBody,
}

impl Endpoint {
    pub fn new(method: Method, segments: &[&str]) -> Endpoint {
        Endpoint {
            method,
            segments: segments.iter().map(|s| s.to_string()).collect(),
            query: Vec::new(),
            body: RequestBody::Empty,
        }
    }

    /// Appends a query pair.
    pub fn param(mut self, key: &str, value: impl Into<String>) -> Endpoint {
        self.query.push((key.to_string(), value.into()));
        self
    }

    /// Appends a query pair when there is a value.
    pub fn param_opt(self, key: &str, value: Option<impl ToString>) -> Endpoint {
        match value {
            Some(v) => self.param(key, v.to_string()),
            None => self,
        }
    }

    /// Appends each entry of an options map as a query pair.
    pub fn params(mut self, entries: &[(String, Value)]) -> Endpoint {
        for (key, value) in entries {
            self.query.push((key.clone(), wire_text(value)));
        }
        self
    }

    /// A JSON request body.
    pub fn json(mut self, body: &serde_json::Value) -> Endpoint {
        self.body = RequestBody::Bytes {
            data: body.to_string().into_bytes(),
            content_type: "application/json".into(),
        };
        self
    }

    /// A form body.
    pub fn form(mut self, pairs: Vec<(String, String)>) -> Endpoint {
        self.body = RequestBody::Form(pairs);
        self
    }

    /// A multipart body.
    pub fn multipart(mut self, parts: Vec<MultipartPart>) -> Endpoint {
        self.body = RequestBody::Multipart(parts);
        self
    }

    /// The full URL under `api_domain` (whose own path, if any, is kept).
    pub fn url(&self, api_domain: &Url) -> Url {
        let mut url = api_domain.clone();
        url.set_query(None);
        url.set_fragment(None);
        if let Ok(mut path) = url.path_segments_mut() {
            path.pop_if_empty();
            path.extend(&self.segments);
        }
        if !self.query.is_empty() {
            let mut pairs = url.query_pairs_mut();
            for (key, value) in &self.query {
                pairs.append_pair(key, value);
            }
        }
        url
    }

    /// The request, without credentials.
    pub fn request(&self, api_domain: &Url, call: &Call) -> HttpRequest {
        let mut request = HttpRequest::new(
            self.method,
            self.url(api_domain),
            CallOrigin::Task(call.name.to_string()),
        );
        request.body = self.body.clone();
        request.max_response_bytes = DEFAULT_MAX_ZOHO_BYTES;
        request.connection = call.connection.clone();
        request
    }
}

/// Sends the endpoint as `call`'s connection.
pub fn send(
    env: &mut dyn TaskEnv,
    call: &Call,
    endpoint: &Endpoint,
) -> Result<HttpResponse, HostError> {
    env.send(
        call.name,
        call.service,
        call.connection.as_deref(),
        &|api_domain| endpoint.request(api_domain, call),
    )
}
