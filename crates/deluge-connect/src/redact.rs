//! Keeping credentials out of every text we print.
//!
//! Two nets: every secret value the connection layer resolved is
//! registered here and replaced wherever it appears (URLs, headers, error
//! texts); and values of names that carry credentials by convention
//! (`Authorization`, `access_token`, `client_secret`, ...) are masked even
//! when we never saw the value (a script may add its own).

use std::collections::BTreeSet;

pub const MASK: &str = "***";

/// Header names whose values are always masked.
const SECRET_HEADERS: &[&str] = &[
    "authorization",
    "proxy-authorization",
    "cookie",
    "set-cookie",
    "x-api-key",
    "api-key",
];

/// Query and form names whose values are always masked.
const SECRET_PARAMS: &[&str] = &[
    "access_token",
    "refresh_token",
    "client_secret",
    "password",
    "token",
    "api_key",
    "apikey",
    "authtoken",
    "code",
];

#[derive(Clone, Debug, Default)]
pub struct Redactor {
    /// Longest first, so a secret that contains another is masked whole.
    secrets: Vec<String>,
    names: BTreeSet<String>,
}

impl Redactor {
    /// Registers a secret value (values shorter than 4 characters are not
    /// searched for: masking every `a` would garble the log, and such a
    /// value is no secret).
    pub fn add_secret(&mut self, value: &str) {
        if value.len() >= 4 && !self.secrets.iter().any(|s| s == value) {
            self.secrets.push(value.to_string());
            self.secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
        }
    }

    /// Registers a header, query or form name whose values are injected
    /// credentials (an API key's `appid`).
    pub fn add_name(&mut self, name: &str) {
        self.names.insert(name.to_ascii_lowercase());
    }

    /// The text with every registered secret masked.
    pub fn text(&self, text: &str) -> String {
        let mut out = text.to_string();
        for secret in &self.secrets {
            if out.contains(secret.as_str()) {
                out = out.replace(secret.as_str(), MASK);
            }
        }
        out
    }

    fn is_secret_name(&self, name: &str, built_in: &[&str]) -> bool {
        let lower = name.to_ascii_lowercase();
        built_in.contains(&lower.as_str()) || self.names.contains(&lower)
    }

    /// A header value as it may be shown.
    pub fn header(&self, name: &str, value: &str) -> String {
        if self.is_secret_name(name, SECRET_HEADERS) {
            // Keep the scheme (`Bearer`, `Zoho-oauthtoken`): it helps to
            // see which kind of credential went out.
            match value.split_once(' ') {
                Some((scheme, _)) if !scheme.is_empty() => format!("{scheme} {MASK}"),
                _ => MASK.to_string(),
            }
        } else {
            self.text(value)
        }
    }

    /// A URL as it may be shown: credential query parameters masked.
    pub fn url(&self, url: &url::Url) -> String {
        let Some(query) = url.query() else {
            return self.text(url.as_str());
        };
        let masked: Vec<String> = query
            .split('&')
            .map(|pair| match pair.split_once('=') {
                Some((name, _)) if self.is_param_secret(name) => format!("{name}={MASK}"),
                _ => pair.to_string(),
            })
            .collect();
        let mut shown = url.clone();
        shown.set_query(None);
        let mut text = shown.to_string();
        if let Some(at) = text.find('#') {
            text.truncate(at);
        }
        self.text(&format!("{text}?{}", masked.join("&")))
    }

    fn is_param_secret(&self, raw_name: &str) -> bool {
        let name: String = url::form_urlencoded::parse(raw_name.as_bytes())
            .next()
            .map(|(n, _)| n.into_owned())
            .unwrap_or_default();
        self.is_secret_name(&name, SECRET_PARAMS)
    }

    /// A form pair's value as it may be shown.
    pub fn form_value(&self, name: &str, value: &str) -> String {
        if self.is_secret_name(name, SECRET_PARAMS) {
            MASK.to_string()
        } else {
            self.text(value)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_registered_secrets_and_known_names() {
        let mut r = Redactor::default();
        r.add_secret("s3cr3t-key");
        r.add_name("appid");
        assert_eq!(r.text("failed with s3cr3t-key!"), "failed with ***!");
        assert_eq!(
            r.header("Authorization", "Zoho-oauthtoken 1000.abc"),
            "Zoho-oauthtoken ***"
        );
        assert_eq!(r.header("Authorization", "abc"), "***");
        let url = url::Url::parse("https://x.test/a?q=1&appid=zzz&access_token=t#f").unwrap();
        assert_eq!(
            r.url(&url),
            "https://x.test/a?q=1&appid=***&access_token=***"
        );
        assert_eq!(r.form_value("client_secret", "x"), "***");
        assert_eq!(r.form_value("name", "s3cr3t-key"), "***");
    }
}
