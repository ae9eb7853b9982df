//! Connections and HTTP for Deluge: the connections file, auth, the
//! transports that answer requests, `invokeurl` and the `zoho.*` tasks as
//! REST calls, and the `Host` implementation that ties them together.
//!
//! See ARCHITECTURE.md for the layering.

pub mod auth;
pub mod config;
pub mod connector;
pub mod error;
pub mod fixture;
pub mod host;
pub mod http;
pub mod invoke;
pub mod json_file;
pub mod net;
pub mod policy;
pub mod redact;
pub mod request_log;
pub mod router;
pub mod secret;
pub mod services;
pub mod task_env;
pub mod tasks;
pub mod testing;
pub mod transport;

pub use config::{ConfigError, ConnectionsFile, LoadedFile, load_file};
pub use connector::Connector;
pub use error::ConnectError;
pub use fixture::FixtureLayer;
pub use host::{ConnectHost, ConnectSetup};
pub use http::{
    CallOrigin, HttpRequest, HttpResponse, Method, MultipartPart, RequestBody, TransportError,
};
pub use json_file::ConfigFileError;
pub use net::NetworkTransport;
pub use policy::NetworkPolicy;
pub use request_log::{LogEntry, RequestLog};
pub use router::Router;
pub use secret::Secret;
pub use task_env::{TaskEnv, TaskService, TaskSettings};
pub use transport::{Answer, Layer, Transport};
