//! Offline runs: deciding where external calls go (the plan) and building
//! the host that answers them from fixtures, the local Zoho simulator or
//! the network (docs/offline.md).

pub mod plan;
