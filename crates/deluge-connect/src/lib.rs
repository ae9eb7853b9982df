//! Connections and HTTP for Deluge: the connections file, auth, the
//! transports that answer requests, `invokeurl` and the `zoho.*` tasks as
//! REST calls, and the `Host` implementation that ties them together.
//!
//! See ARCHITECTURE.md for the layering.

pub mod fixture;
pub mod http;
pub mod json_file;
pub mod task_env;
pub mod transport;

pub use fixture::FixtureLayer;
pub use http::{
    CallOrigin, HttpRequest, HttpResponse, Method, MultipartPart, RequestBody, TransportError,
};
pub use json_file::ConfigFileError;
pub use task_env::{TaskEnv, TaskService, TaskSettings};
pub use transport::{Answer, Layer, Transport};
