//! A local Zoho: an in-memory store seeded from JSON that answers the
//! Bigin, CRM and Books REST routes and the OAuth token endpoint, as a
//! transport layer in the same process or over HTTP on 127.0.0.1.
//!
//! Entry point: [`Simulator`]. It implements [`deluge_connect::Layer`]
//! (name `simulator`): it answers the requests it claims
//! ([`router::layer::classify`]) and passes on the rest.

// Handlers return early with the response to send (`Err(response)`); it is
// built once per request, so its size does not matter.
#![allow(clippy::result_large_err)]

mod books;
mod books_write;
pub mod clock;
mod connector;
mod convert;
pub mod criteria;
pub mod exchange;
mod oauth;
mod persist;
mod records;
mod records_write;
pub mod router;
pub mod seed;
mod simulator;
mod store;

pub use clock::{Clock, FixedClock, SystemClock};
pub use exchange::HINT_HEADER;
pub use seed::{Mail, Record, Seed, SeedError};
pub use simulator::{InspectError, Simulator};
