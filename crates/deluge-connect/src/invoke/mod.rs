//! `invokeurl` (integrations spec §2): the task block becomes an
//! [`HttpRequest`](crate::HttpRequest) and the response a Deluge value.

pub mod build;
pub mod response;
pub mod wire;

pub use build::{Prepared, build, connection_name};
pub use response::{ResponseFormat, ResponseOptions, convert};
