//! The load-time checks of integrations spec §5.4.

use super::{Auth, ConnectionsFile, GrantType};
use crate::policy::NetworkPolicy;
use crate::services::{self, is_loopback_host};
use regex::Regex;
use std::sync::LazyLock;
use url::Url;

/// A problem and the key path it is about (used to point at it).
pub struct Problem {
    pub path: Vec<String>,
    pub message: String,
}

#[derive(Default)]
pub struct Report {
    pub errors: Vec<Problem>,
    pub warnings: Vec<String>,
    /// Literal secrets found: masked in the source shown with the errors.
    pub secrets: Vec<String>,
}

impl Report {
    fn error(&mut self, path: &[&str], message: String) {
        self.errors.push(Problem {
            path: path.iter().map(|s| s.to_string()).collect(),
            message,
        });
    }
}

static LINK_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new("^[A-Za-z][A-Za-z0-9_]{0,49}$").expect("valid pattern"));

const TASK_PREFIXES: &[&str] = &["zoho.bigin", "zoho.crm", "zoho.books"];

pub fn validate(file: &ConnectionsFile) -> Report {
    let mut report = Report::default();
    if file.version != 1 {
        report.error(
            &["version"],
            format!("version: unsupported version {} (expected 1)", file.version),
        );
    }
    check_runtime(file, &mut report);
    let mut owners: Vec<(String, &str)> = Vec::new();
    let names: Vec<&String> = file.connections.keys().collect();
    for (i, (name, connection)) in file.connections.iter().enumerate() {
        let at = ["connections", name.as_str()];
        if !LINK_NAME.is_match(name) {
            report.error(
                &at,
                format!(
                    "connections.{name}: invalid link name (letters, digits and _, starting with a letter, at most 50 characters)"
                ),
            );
        }
        if let Some(other) = names[..i].iter().find(|o| o.eq_ignore_ascii_case(name)) {
            report.error(
                &at,
                format!("connections.{name}: link name differs from `{other}` only in case"),
            );
        }
        check_connection(file, name, connection, &mut report);
        for prefix in &connection.default_for {
            let lower = prefix.to_ascii_lowercase();
            if !TASK_PREFIXES.contains(&lower.as_str()) {
                report.error(
                    &[at[0], at[1], "default_for"],
                    format!(
                        "connections.{name}.default_for: unknown task prefix `{prefix}` (expected zoho.bigin, zoho.crm or zoho.books)"
                    ),
                );
            } else if let Some((_, owner)) = owners.iter().find(|(p, _)| *p == lower) {
                report.error(
                    &[at[0], at[1], "default_for"],
                    format!("connections.{name}.default_for: `{prefix}` is already the default of `{owner}`"),
                );
            } else {
                owners.push((lower, name));
            }
        }
    }
    report
}

fn check_runtime(file: &ConnectionsFile, report: &mut Report) {
    for (name, value) in &file.runtime.org_variables {
        match value {
            serde_json::Value::String(text) => {
                if crate::secret::Template::new(text.clone()).check().is_err() {
                    report.error(
                        &["runtime", "org_variables", name],
                        format!("runtime.org_variables.{name}: malformed ${{env:...}} reference"),
                    );
                }
            }
            serde_json::Value::Number(_) => {}
            _ => report.error(
                &["runtime", "org_variables", name],
                format!("runtime.org_variables.{name}: value must be text or a number"),
            ),
        }
    }
    let t = &file.runtime.timeouts;
    let positive = |x: f64| x > 0.0 && x.is_finite();
    if !(positive(t.connect_seconds) && positive(t.total_seconds)) {
        report.error(
            &["runtime", "timeouts"],
            "runtime.timeouts: timeouts must be positive numbers of seconds".into(),
        );
    }
}

fn check_connection(
    file: &ConnectionsFile,
    name: &str,
    connection: &super::Connection,
    report: &mut Report,
) {
    let at = ["connections", name];
    let service = connection.service.as_str();
    if service != services::CUSTOM && !services::is_zoho_service(service) {
        report.error(
            &[at[0], at[1], "service"],
            format!("connections.{name}.service: unknown service `{service}`"),
        );
    }
    if service == services::CUSTOM && connection.api_base_url.is_none() {
        report.error(
            &[at[0], at[1], "service"],
            format!("connections.{name}.api_base_url: a custom service needs api_base_url"),
        );
    }
    if let Some(base) = &connection.api_base_url
        && Url::parse(base).is_err()
    {
        report.error(
            &[at[0], at[1], "api_base_url"],
            format!("connections.{name}.api_base_url: not an absolute URL: {base}"),
        );
    }
    if let Some(over) = &connection.base_url_override {
        match Url::parse(over) {
            Ok(url) if url.host_str().is_some() => {
                let policy = file.runtime.network.unwrap_or(NetworkPolicy::Deny);
                if policy == NetworkPolicy::Deny && !url.host_str().is_some_and(is_loopback_host) {
                    report.warnings.push(format!(
                        "connections.{name}.base_url_override points at {over}, which network \"deny\" never reaches"
                    ));
                }
            }
            _ => report.error(
                &[at[0], at[1], "base_url_override"],
                format!("connections.{name}.base_url_override: not an absolute URL: {over}"),
            ),
        }
    }
    check_auth(file, name, &connection.auth, report);
}

fn check_auth(file: &ConnectionsFile, name: &str, auth: &Auth, report: &mut Report) {
    let at = ["connections", name, "auth"];
    match auth {
        Auth::ZohoOauth2(z) => {
            let refreshable =
                z.refresh_token.is_some() && z.client_id.is_some() && z.client_secret.is_some();
            if !refreshable && z.access_token.is_none() {
                report.error(
                    &at,
                    format!(
                        "connections.{name}.auth: zoho_oauth2 needs client_id, client_secret and refresh_token (or an access_token)"
                    ),
                );
            }
            if let Some(expiry) = &z.expires_at
                && expiry.parse::<jiff::Timestamp>().is_err()
            {
                report.error(
                    &[at[0], at[1], at[2], "expires_at"],
                    format!(
                        "connections.{name}.auth.expires_at: not an RFC 3339 date-time: {expiry}"
                    ),
                );
            }
        }
        Auth::Oauth2(o) => {
            match &o.token_url {
                None if o.access_token.is_none() => report.error(
                    &at,
                    format!("connections.{name}.auth: oauth2 needs token_url"),
                ),
                Some(u) if Url::parse(u).is_err() => report.error(
                    &[at[0], at[1], at[2], "token_url"],
                    format!("connections.{name}.auth.token_url: not an absolute URL: {u}"),
                ),
                _ => {}
            }
            if o.grant_type == GrantType::RefreshToken
                && o.refresh_token.is_none()
                && o.access_token.is_none()
            {
                report.error(
                    &at,
                    format!("connections.{name}.auth: the refresh_token grant needs refresh_token"),
                );
            }
        }
        _ => {}
    }
    for (field, template, secret) in auth.fields() {
        if template.check().is_err() {
            report.error(
                &[at[0], at[1], at[2], field],
                format!("connections.{name}.auth.{field}: malformed ${{env:...}} reference"),
            );
        } else if secret && file.runtime.strict_secrets && !template.is_env_reference() {
            report.secrets.push(template.raw().to_string());
            report.error(
                &[at[0], at[1], at[2], field],
                format!(
                    "connections.{name}.auth.{field}: literal secret; write ${{env:NAME}} (or set runtime.strict_secrets to false)"
                ),
            );
        }
    }
}
