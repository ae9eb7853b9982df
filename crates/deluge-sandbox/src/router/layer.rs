//! The requests the simulator claims (integrations spec §6.1): Bigin, CRM
//! and Books paths on the Zoho API hosts of every data center (with the
//! `sandbox.`/`developer.`/`content.` variants and the bare `zohoapis.*`),
//! `/api/v3/` on `books.zoho.*`, the token endpoint on the accounts hosts,
//! and `deluge-connector://crm/...`. Everything else — other Zoho products
//! such as Desk or WorkDrive, other hosts, and requests a
//! `base_url_override` sends to a mock server — passes to the next layer.

use crate::simulator::Simulator;
use deluge_connect::{Answer, HttpRequest, Layer, TaskService};
use url::Url;

/// The domain suffixes of Zoho's data centers (spec §4.5).
const DC_SUFFIXES: &[&str] = &[
    "com", "eu", "in", "com.au", "jp", "com.cn", "ca", "sa", "uk",
];

/// Prefixes of the API hosts (`www.zohoapis.eu`, `sandbox.zohoapis.com`).
const API_HOST_PREFIXES: &[&str] = &["www.", "sandbox.", "developer.", "content.", ""];

/// CRM API versions seen in real URLs.
const CRM_VERSIONS: &[&str] = &["v2", "v2.1", "v3", "v4", "v5", "v6", "v7", "v8"];

/// A claimed request, by what answers it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// Bigin or CRM records; `segments` follow the version (`Leads/123`).
    Records {
        service: TaskService,
        segments: Vec<String>,
    },
    /// A path under a simulated product that no route models.
    Unmodelled {
        service: TaskService,
    },
    /// Books v3; `segments` follow `/books/v3` or `/api/v3`.
    Books {
        segments: Vec<String>,
    },
    /// The token endpoint; `api_domain` is the data center's API domain.
    Token {
        api_domain: String,
        revoke: bool,
    },
    Connector {
        name: String,
    },
}

impl Layer for Simulator {
    fn name(&self) -> &'static str {
        "simulator"
    }

    fn try_execute(&self, request: &HttpRequest) -> Option<Answer> {
        // An override says a mock server of the user's should answer.
        if request.is_overridden() {
            return None;
        }
        let target = classify(&request.logical_url)?;
        self.answer(&target, request).map(Ok)
    }
}

/// What a URL is, judged by host and path; `None` when it is not ours.
pub fn classify(url: &Url) -> Option<Target> {
    if url.scheme() == "deluge-connector" {
        return connector(url);
    }
    let host = url.host_str()?.to_ascii_lowercase();
    let segments = segments(url);
    if is_api_host(&host) {
        return by_product(&segments);
    }
    if let Some(rest) = host.strip_prefix("books.") {
        if zoho_domain_dc(rest).is_some() && segments.len() >= 2 && segments[..2] == ["api", "v3"] {
            return Some(Target::Books {
                segments: segments[2..].to_vec(),
            });
        }
        return None;
    }
    if let Some(rest) = host.strip_prefix("accounts.") {
        let dc = zoho_domain_dc(rest)?;
        return token(&segments, format!("https://www.zohoapis.{dc}"));
    }
    None
}

/// Serving over HTTP on 127.0.0.1 the host says nothing: the path alone
/// decides (`/crm/v2/...`, `/bigin/v2/...`, `/books/v3/...`, `/api/v3/...`,
/// `/oauth/v2/token`).
pub fn classify_path(url: &Url) -> Option<Target> {
    let segments = segments(url);
    if segments.len() >= 2 && segments[..2] == ["api", "v3"] {
        return Some(Target::Books {
            segments: segments[2..].to_vec(),
        });
    }
    token(&segments, "https://www.zohoapis.com".to_string()).or_else(|| by_product(&segments))
}

fn connector(url: &Url) -> Option<Target> {
    if url.host_str() != Some("crm") {
        return None;
    }
    let name = percent_decode(url.path().trim_start_matches('/'));
    crate::connector::is_modelled(&name).then_some(Target::Connector { name })
}

fn token(segments: &[String], api_domain: String) -> Option<Target> {
    match segments {
        [a, b, c] if a == "oauth" && b == "v2" && c == "token" => Some(Target::Token {
            api_domain,
            revoke: false,
        }),
        [a, b, c, d] if a == "oauth" && b == "v2" && c == "token" && d == "revoke" => {
            Some(Target::Token {
                api_domain,
                revoke: true,
            })
        }
        _ => None,
    }
}

/// `/crm/v2/...`, `/bigin/v2/...`, `/books/v3/...`; other products
/// (`/workdrive/`, `/inventory/`, ...) are not ours.
fn by_product(segments: &[String]) -> Option<Target> {
    let (product, rest) = segments.split_first()?;
    let version = rest.first().map(String::as_str);
    let records = |service, versions: &[&str]| match version {
        Some(v) if versions.contains(&v) => Target::Records {
            service,
            segments: rest[1..].to_vec(),
        },
        _ => Target::Unmodelled { service },
    };
    match product.as_str() {
        "crm" => Some(records(TaskService::Crm, CRM_VERSIONS)),
        "bigin" => Some(records(TaskService::Bigin, &["v1", "v2"])),
        "books" => Some(match version {
            Some("v3") => Target::Books {
                segments: rest[1..].to_vec(),
            },
            _ => Target::Unmodelled {
                service: TaskService::Books,
            },
        }),
        _ => None,
    }
}

/// `www.zohoapis.eu`, `zohoapis.com`, `sandbox.zohoapis.in`, ...
fn is_api_host(host: &str) -> bool {
    API_HOST_PREFIXES.iter().any(|prefix| {
        host.strip_prefix(prefix)
            .and_then(|rest| rest.strip_prefix("zohoapis."))
            .is_some_and(|dc| DC_SUFFIXES.contains(&dc))
    })
}

/// `zoho.eu` → `eu`; Canada's hosts are `*.zohocloud.ca`.
fn zoho_domain_dc(domain: &str) -> Option<&'static str> {
    if domain == "zohocloud.ca" {
        return Some("ca");
    }
    let dc = domain.strip_prefix("zoho.")?;
    DC_SUFFIXES.iter().find(|d| **d == dc).copied()
}

fn segments(url: &Url) -> Vec<String> {
    url.path_segments()
        .map(|parts| {
            parts
                .filter(|p| !p.is_empty())
                .map(percent_decode)
                .collect()
        })
        .unwrap_or_default()
}

/// Decodes `%XX` escapes; malformed escapes stay as written.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2]))
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn class(url: &str) -> Option<Target> {
        classify(&Url::parse(url).unwrap())
    }

    #[test]
    fn claims_the_api_hosts_of_every_data_center() {
        for host in [
            "www.zohoapis.com",
            "www.zohoapis.eu",
            "zohoapis.in",
            "sandbox.zohoapis.com.au",
            "developer.zohoapis.jp",
            "content.zohoapis.com.cn",
            "www.zohoapis.ca",
            "www.zohoapis.sa",
        ] {
            let target = class(&format!("https://{host}/crm/v2/Leads/1"));
            assert_eq!(
                target,
                Some(Target::Records {
                    service: TaskService::Crm,
                    segments: vec!["Leads".into(), "1".into()]
                }),
                "{host}"
            );
        }
        assert!(matches!(
            class("https://www.zohoapis.com/crm/v2.1/Deals"),
            Some(Target::Records { .. })
        ));
        assert!(matches!(
            class("https://www.zohoapis.eu/bigin/v2/Contacts"),
            Some(Target::Records {
                service: TaskService::Bigin,
                ..
            })
        ));
    }

    #[test]
    fn claims_books_on_both_hosts() {
        let expected = Some(Target::Books {
            segments: vec!["contacts".into()],
        });
        assert_eq!(
            class("https://www.zohoapis.com/books/v3/contacts"),
            expected
        );
        assert_eq!(class("https://books.zoho.eu/api/v3/contacts"), expected);
        assert_eq!(
            class("https://books.zohocloud.ca/api/v3/contacts"),
            expected
        );
    }

    #[test]
    fn claims_token_endpoints_with_their_api_domain() {
        assert_eq!(
            class("https://accounts.zoho.eu/oauth/v2/token"),
            Some(Target::Token {
                api_domain: "https://www.zohoapis.eu".into(),
                revoke: false
            })
        );
        assert_eq!(
            class("https://accounts.zohocloud.ca/oauth/v2/token"),
            Some(Target::Token {
                api_domain: "https://www.zohoapis.ca".into(),
                revoke: false
            })
        );
    }

    #[test]
    fn declines_other_products_and_hosts() {
        assert_eq!(
            class("https://www.zohoapis.com/workdrive/api/v1/files"),
            None
        );
        assert_eq!(class("https://desk.zoho.com/api/v1/tickets"), None);
        assert_eq!(class("https://www.zohoapis.com/inventory/v1/items"), None);
        assert_eq!(class("https://api.example.test/crm/v2/Leads"), None);
        assert_eq!(class("https://www.zohoapis.evil.test/crm/v2/Leads"), None);
        assert_eq!(class("https://accounts.zoho.com/signin"), None);
        assert_eq!(class("deluge-connector://crm/acme.connector.api"), None);
    }

    #[test]
    fn unknown_versions_are_claimed_as_unmodelled() {
        assert_eq!(
            class("https://www.zohoapis.com/crm/v9/Leads"),
            Some(Target::Unmodelled {
                service: TaskService::Crm
            })
        );
    }

    #[test]
    fn path_segments_are_percent_decoded() {
        assert_eq!(percent_decode("Sales%5FOrders"), "Sales_Orders");
        assert_eq!(percent_decode("50%"), "50%");
        assert_eq!(percent_decode("%zz"), "%zz");
    }
}
