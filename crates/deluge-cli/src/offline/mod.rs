//! Offline runs: deciding where external calls go (the plan) and building
//! the host that answers them from fixtures, the local Zoho simulator or
//! the network (docs/offline.md).

pub mod host;
mod mail;
pub mod plan;

pub use host::{HostOptions, RunHost, SetupError, build};
pub use plan::Plan;
