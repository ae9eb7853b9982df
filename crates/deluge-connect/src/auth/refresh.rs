//! The token request and its answer (integrations spec §4.3): Zoho's
//! refresh grant, and generic OAuth 2 refresh or client-credentials grants.

use super::OAuthSettings;
use super::token::Token;
use crate::config::{ClientAuth, GrantType};
use crate::http::{CallOrigin, HttpRequest, HttpResponse, Method, RequestBody};
use crate::secret::Secret;
use base64::Engine;
use std::time::{Duration, SystemTime};

/// Token lifetime when the response gives none.
const DEFAULT_LIFETIME: Duration = Duration::from_secs(3600);

/// The token request; `None` when the settings have no token endpoint.
pub fn request(settings: &OAuthSettings, link: &str) -> Option<HttpRequest> {
    let url = settings.token_url.clone()?;
    let mut form: Vec<(String, String)> = Vec::new();
    match settings.grant {
        GrantType::RefreshToken => {
            form.push(("grant_type".into(), "refresh_token".into()));
            let token = settings.refresh_token.as_ref()?;
            form.push(("refresh_token".into(), token.expose().to_string()));
        }
        GrantType::ClientCredentials => {
            form.push(("grant_type".into(), "client_credentials".into()));
        }
    }
    let mut request = HttpRequest::new(Method::Post, url, CallOrigin::TokenRefresh);
    let secret = settings
        .client_secret
        .as_ref()
        .map(Secret::expose)
        .unwrap_or("");
    match settings.client_auth {
        ClientAuth::Body => {
            form.push(("client_id".into(), settings.client_id.clone()));
            form.push(("client_secret".into(), secret.to_string()));
        }
        ClientAuth::Basic => {
            let pair = format!("{}:{secret}", settings.client_id);
            let encoded = base64::engine::general_purpose::STANDARD.encode(pair);
            request
                .headers
                .push(("Authorization".into(), format!("Basic {encoded}")));
        }
    }
    if let Some(scope) = &settings.scope {
        form.push(("scope".into(), scope.clone()));
    }
    form.extend(settings.extra.iter().cloned());
    request.body = RequestBody::Form(form);
    request.connection = Some(link.to_string());
    Some(request)
}

/// What a token response gave.
pub struct Granted {
    pub token: Token,
    /// A new refresh token, if the server rotated it.
    pub refresh_token: Option<Secret>,
}

/// Reads a token response: anything without `access_token` is a refusal,
/// whatever its status; the reason is the server's `error` when it gives one.
pub fn parse(response: &HttpResponse, now: SystemTime) -> Result<Granted, String> {
    let json: serde_json::Value = serde_json::from_slice(&response.body).unwrap_or_default();
    let Some(access) = json.get("access_token").and_then(|v| v.as_str()) else {
        let reason = json
            .get("error")
            .map(|e| {
                e.as_str()
                    .map(str::to_string)
                    .unwrap_or_else(|| e.to_string())
            })
            .unwrap_or_else(|| format!("token endpoint answered HTTP {}", response.status));
        return Err(reason);
    };
    let seconds = |v: &serde_json::Value| v.as_f64().or_else(|| v.as_str()?.parse().ok());
    // With the legacy `expires_in_sec` key, `expires_in` is in milliseconds.
    let lifetime = match (
        json.get("expires_in_sec"),
        json.get("expires_in").and_then(seconds),
    ) {
        (Some(_), Some(ms)) => Duration::from_secs_f64((ms / 1000.0).max(0.0)),
        (None, Some(s)) => Duration::from_secs_f64(s.max(0.0)),
        (Some(sec), None) => {
            seconds(sec).map_or(DEFAULT_LIFETIME, |s| Duration::from_secs_f64(s.max(0.0)))
        }
        (None, None) => DEFAULT_LIFETIME,
    };
    Ok(Granted {
        token: Token {
            access: Secret::new(access),
            expires_at: Some(now + lifetime),
            api_domain: json
                .get("api_domain")
                .and_then(|v| v.as_str())
                .map(str::to_string),
        },
        refresh_token: json
            .get("refresh_token")
            .and_then(|v| v.as_str())
            .map(Secret::new),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use url::Url;

    fn answer(body: &str) -> HttpResponse {
        HttpResponse {
            status: 200,
            headers: vec![],
            body: body.as_bytes().to_vec(),
            final_url: Url::parse("https://accounts.zoho.com/oauth/v2/token").unwrap(),
        }
    }

    #[test]
    fn reads_lifetimes_and_errors() {
        let now = SystemTime::UNIX_EPOCH;
        let g = parse(
            &answer(
                r#"{"access_token":"a","expires_in":3600,"api_domain":"https://www.zohoapis.eu"}"#,
            ),
            now,
        )
        .unwrap();
        assert_eq!(g.token.expires_at, Some(now + Duration::from_secs(3600)));
        assert_eq!(
            g.token.api_domain.as_deref(),
            Some("https://www.zohoapis.eu")
        );
        let legacy = parse(
            &answer(r#"{"access_token":"a","expires_in":3600000,"expires_in_sec":3600}"#),
            now,
        )
        .unwrap();
        assert_eq!(
            legacy.token.expires_at,
            Some(now + Duration::from_secs(3600))
        );
        assert_eq!(
            parse(&answer(r#"{"error":"invalid_code"}"#), now)
                .err()
                .unwrap(),
            "invalid_code"
        );
        assert!(parse(&answer("<html>"), now).is_err());
    }
}
