//! The network policy: which requests may leave the process (§6.1).

use crate::http::HttpRequest;
use crate::services::is_loopback_host;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

#[derive(Copy, Clone, Debug, PartialEq, Eq, Deserialize, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum NetworkPolicy {
    /// Nothing reaches the network (offline).
    #[default]
    Deny,
    /// Only 127.0.0.0/8, ::1 and localhost.
    Loopback,
    Allow,
}

impl NetworkPolicy {
    /// `Err` with the denial text when the request may not be sent.
    pub fn check(self, request: &HttpRequest) -> Result<(), String> {
        let allowed = match self {
            NetworkPolicy::Allow => true,
            NetworkPolicy::Loopback => request.url.host_str().is_some_and(is_loopback_host),
            NetworkPolicy::Deny => false,
        };
        if allowed {
            return Ok(());
        }
        let mode = match self {
            NetworkPolicy::Deny => "offline mode",
            _ => "loopback mode",
        };
        Err(format!(
            "network access denied in {mode}: {} {}",
            request.method,
            without_query(&request.url)
        ))
    }
}

/// The URL without its query and fragment (which may carry keys).
pub fn without_query(url: &url::Url) -> String {
    let mut bare = url.clone();
    bare.set_query(None);
    bare.set_fragment(None);
    bare.to_string()
}

impl FromStr for NetworkPolicy {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "deny" => Ok(NetworkPolicy::Deny),
            "loopback" => Ok(NetworkPolicy::Loopback),
            "allow" => Ok(NetworkPolicy::Allow),
            _ => Err(format!(
                "unknown network policy `{s}` (deny, loopback or allow)"
            )),
        }
    }
}

impl fmt::Display for NetworkPolicy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            NetworkPolicy::Deny => "deny",
            NetworkPolicy::Loopback => "loopback",
            NetworkPolicy::Allow => "allow",
        })
    }
}
