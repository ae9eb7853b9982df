//! The token endpoint of every data center's accounts host
//! (`POST /oauth/v2/token`, spec §4.3, §6.3) and the check of the
//! `Authorization: Zoho-oauthtoken <token>` header on API routes.
//!
//! Tokens are answered with HTTP 200 even on failure, with an `error` key
//! instead of `access_token`, as Zoho does.

use crate::exchange::{Exchange, json};
use crate::store::Store;
use deluge_connect::{CallOrigin, HttpResponse};
use serde_json::json;

/// The prefix Zoho APIs expect before an access token.
const TOKEN_PREFIX: &str = "Zoho-oauthtoken ";

pub fn token(store: &mut Store, api_domain: &str, revoke: bool, ex: &Exchange) -> HttpResponse {
    if revoke {
        if let Some(token) = ex.form_param("token") {
            store.oauth.revoked.insert(token);
        }
        return json(200, json!({"status": "success"}), ex);
    }
    let grant = ex.form_param("grant_type").unwrap_or_default();
    let refresh_token = match grant.as_str() {
        "refresh_token" => ex.form_param("refresh_token").unwrap_or_default(),
        // A grant code is exchanged for a refresh token of ours.
        "authorization_code" => match ex.form_param("code").filter(|c| !c.is_empty()) {
            Some(_) => format!("1000.simrefresh.{}", store.oauth.issued + 1),
            None => return error("invalid_code", ex),
        },
        _ => return error("unsupported_grant_type", ex),
    };
    if grant == "refresh_token" && !store.oauth.accepts_refresh_token(&refresh_token) {
        return error("invalid_code", ex);
    }
    store.oauth.issued += 1;
    let access_token = format!("1000.sim.{}", store.oauth.issued);
    let ttl = store.oauth.ttl_seconds();
    let expires_at = ex
        .epoch_seconds
        .saturating_add(i64::try_from(ttl).unwrap_or(i64::MAX));
    store.oauth.tokens.insert(access_token.clone(), expires_at);
    let mut body = json!({
        "access_token": access_token,
        "api_domain": api_domain,
        "token_type": "Bearer",
        "expires_in": ttl,
    });
    if grant == "authorization_code" {
        body["refresh_token"] = json!(refresh_token);
    }
    json(200, body, ex)
}

fn error(code: &str, ex: &Exchange) -> HttpResponse {
    json(200, json!({"error": code}), ex)
}

/// Whether an API request may proceed: it carries a live token the
/// endpoint issued (any non-empty one when `oauth.lenient`), or it is a
/// task call with no connection, which acts as the seed's user.
pub fn authorized(store: &Store, ex: &Exchange) -> bool {
    let request = ex.request;
    match request.header("authorization") {
        Some(value) => {
            let Some(token) = strip_prefix_ignore_case(value.trim(), TOKEN_PREFIX) else {
                return false;
            };
            let token = token.trim();
            if token.is_empty() {
                return false;
            }
            if store.oauth.lenient() {
                return true;
            }
            store
                .oauth
                .tokens
                .get(token)
                .is_some_and(|expires_at| *expires_at > ex.epoch_seconds)
        }
        None => request.connection.is_none() && matches!(request.origin, CallOrigin::Task(_)),
    }
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}
