//! Zoho's services and data centers (integrations spec §4.2, §4.5), and
//! what is known about hosts: which are Zoho's, which are loopback.

use serde::Deserialize;
use std::net::IpAddr;

/// A Zoho data center.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DataCenter {
    Us,
    Eu,
    In,
    Au,
    Jp,
    Cn,
    Ca,
    Sa,
    Uk,
}

impl DataCenter {
    /// The accounts server, where tokens are refreshed.
    pub fn accounts_url(self) -> &'static str {
        match self {
            DataCenter::Us => "https://accounts.zoho.com",
            DataCenter::Eu => "https://accounts.zoho.eu",
            DataCenter::In => "https://accounts.zoho.in",
            DataCenter::Au => "https://accounts.zoho.com.au",
            DataCenter::Jp => "https://accounts.zoho.jp",
            DataCenter::Cn => "https://accounts.zoho.com.cn",
            DataCenter::Ca => "https://accounts.zohocloud.ca",
            DataCenter::Sa => "https://accounts.zoho.sa",
            DataCenter::Uk => "https://accounts.zoho.uk",
        }
    }

    /// The API domain the tasks call.
    pub fn api_domain(self) -> &'static str {
        match self {
            DataCenter::Us => "https://www.zohoapis.com",
            DataCenter::Eu => "https://www.zohoapis.eu",
            DataCenter::In => "https://www.zohoapis.in",
            DataCenter::Au => "https://www.zohoapis.com.au",
            DataCenter::Jp => "https://www.zohoapis.jp",
            DataCenter::Cn => "https://www.zohoapis.com.cn",
            DataCenter::Ca => "https://www.zohoapis.ca",
            DataCenter::Sa => "https://www.zohoapis.sa",
            DataCenter::Uk => "https://www.zohoapis.uk",
        }
    }
}

/// The US API domain: where a task with no connection goes when the
/// simulator answers as the seed's user.
pub const DEFAULT_API_DOMAIN: &str = "https://www.zohoapis.com";

/// The default Zoho services we know, by the id the connections file uses,
/// with their API base on the US data center.
pub const ZOHO_SERVICES: &[(&str, &str)] = &[
    ("zoho_bigin", "https://www.zohoapis.com/bigin/v2"),
    ("zoho_crm", "https://www.zohoapis.com/crm/v2"),
    ("zoho_books", "https://www.zohoapis.com/books/v3"),
    ("zoho_inventory", "https://www.zohoapis.com/inventory/v1"),
    ("zoho_invoice", "https://www.zohoapis.com/invoice/v3"),
    (
        "zoho_workdrive",
        "https://www.zohoapis.com/workdrive/api/v1",
    ),
    ("zoho_desk", "https://desk.zoho.com/api/v1"),
    ("zoho_projects", "https://projectsapi.zoho.com/restapi"),
    ("zoho_creator", "https://www.zohoapis.com/creator/v2.1"),
    ("zoho_mail", "https://mail.zoho.com/api"),
    ("zoho_cliq", "https://cliq.zoho.com/api/v2"),
    ("zoho_sign", "https://sign.zoho.com/api/v1"),
];

/// The service id of a custom (non-Zoho) service.
pub const CUSTOM: &str = "custom";

pub fn is_zoho_service(id: &str) -> bool {
    ZOHO_SERVICES.iter().any(|(known, _)| *known == id)
}

/// Hosts a `base_url_override` applies to by default for Zoho services.
pub const ZOHO_HOST_GLOBS: &[&str] = &["*.zohoapis.*", "zohoapis.*", "*.zoho.*", "*.zohocloud.ca"];

/// True for hosts of Zoho's domains (`www.zohoapis.eu`, `books.zoho.com`,
/// `accounts.zohocloud.ca`): they get the larger response cap, and a 401
/// from them triggers one token refresh.
pub fn is_zoho_host(host: &str) -> bool {
    let labels: Vec<&str> = host.split('.').collect();
    labels
        .iter()
        .take(labels.len().saturating_sub(1))
        .any(|l| l.eq_ignore_ascii_case("zoho") || l.eq_ignore_ascii_case("zohoapis"))
        || host.to_ascii_lowercase().ends_with(".zohocloud.ca")
}

/// 127.0.0.0/8, ::1 and `localhost`.
pub fn is_loopback_host(host: &str) -> bool {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    if bare.eq_ignore_ascii_case("localhost") {
        return true;
    }
    bare.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// Host glob: `*` stands for any run of characters; case-insensitive.
pub fn host_matches(glob: &str, host: &str) -> bool {
    let glob = glob.to_ascii_lowercase();
    let host = host.to_ascii_lowercase();
    let parts: Vec<&str> = glob.split('*').collect();
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if parts.len() == 1 {
        return glob == host;
    }
    if !host.starts_with(first) || host.len() < first.len() + last.len() || !host.ends_with(last) {
        return false;
    }
    let mut rest = &host[first.len()..host.len() - last.len()];
    for middle in &parts[1..parts.len() - 1] {
        match rest.find(middle) {
            Some(at) => rest = &rest[at + middle.len()..],
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zoho_hosts() {
        for host in [
            "www.zohoapis.com",
            "zohoapis.com.au",
            "books.zoho.eu",
            "accounts.zohocloud.ca",
        ] {
            assert!(is_zoho_host(host), "{host}");
        }
        for host in ["example.com", "zoho", "notzoho.com", "127.0.0.1"] {
            assert!(!is_zoho_host(host), "{host}");
        }
    }

    #[test]
    fn globs() {
        assert!(host_matches("*.zohoapis.*", "www.zohoapis.com.au"));
        assert!(host_matches("zohoapis.*", "zohoapis.com"));
        assert!(!host_matches("zohoapis.*", "www.zohoapis.com"));
        assert!(host_matches(
            "*.my.salesforce.com",
            "acme.my.salesforce.com"
        ));
        assert!(host_matches("API.example.test", "api.example.test"));
        assert!(!host_matches("*.zoho.*", "example.com"));
    }

    #[test]
    fn loopback() {
        assert!(is_loopback_host("127.0.0.1"));
        assert!(is_loopback_host("127.8.0.1"));
        assert!(is_loopback_host("[::1]"));
        assert!(is_loopback_host("LOCALHOST"));
        assert!(!is_loopback_host("10.0.0.1"));
        assert!(!is_loopback_host("example.com"));
    }
}
