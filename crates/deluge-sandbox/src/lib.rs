//! A local Zoho: an in-memory store seeded from JSON that answers the
//! Bigin, CRM and Books REST routes and the OAuth token endpoint, as a
//! transport layer in the same process or over HTTP on 127.0.0.1.
