//! Credentials: resolving a connection's auth section (with its
//! `${env:...}` references) and putting the credential on a request.

pub mod refresh;
pub mod token;

use crate::config::{self, Auth, ClientAuth, GrantType, KeyPlacement, TokenPlacement};
use crate::secret::{EnvLookup, Secret, Template, TemplateError};
use base64::Engine;
use std::time::SystemTime;
use url::Url;

/// A resolved connection credential.
#[derive(Clone, Debug)]
pub enum Credentials {
    /// A token from a token endpoint, or a fixed one.
    OAuth(Box<OAuthSettings>),
    /// Each key as a header, query parameter or form field.
    ApiKey(Vec<(String, Secret, KeyPlacement)>),
    /// A fixed header (`basic`, `bearer`).
    Header {
        name: String,
        value: Secret,
    },
    None,
}

/// How to get and send an OAuth token.
#[derive(Clone, Debug)]
pub struct OAuthSettings {
    /// The token endpoint as Zoho or the provider names it (logical URL).
    pub token_url: Option<Url>,
    pub grant: GrantType,
    pub client_id: String,
    pub client_secret: Option<Secret>,
    pub refresh_token: Option<Secret>,
    pub scope: Option<String>,
    pub client_auth: ClientAuth,
    pub extra: Vec<(String, String)>,
    /// A fixed token from the file, used until it expires.
    pub fixed: Option<(Secret, Option<SystemTime>)>,
    pub placement: TokenPlacement,
    pub header_name: String,
    /// `Zoho-oauthtoken` or `Bearer`; empty sends the bare token.
    pub prefix: String,
    pub query_param: String,
    /// The API domain before any token response says otherwise.
    pub api_domain: Option<String>,
}

impl OAuthSettings {
    /// True when a new token can be fetched.
    pub fn can_refresh(&self) -> bool {
        self.token_url.is_some()
            && (self.grant == GrantType::ClientCredentials || self.refresh_token.is_some())
    }
}

/// A field that could not be resolved.
#[derive(Debug)]
pub struct Unresolved {
    pub field: &'static str,
    pub error: TemplateError,
}

struct Resolver<'a> {
    env: &'a EnvLookup,
}

impl Resolver<'_> {
    fn text(&self, field: &'static str, t: &Template) -> Result<String, Unresolved> {
        t.resolve(self.env)
            .map_err(|error| Unresolved { field, error })
    }

    fn secret(&self, field: &'static str, t: &Template) -> Result<Secret, Unresolved> {
        self.text(field, t).map(Secret::new)
    }

    fn opt_text(
        &self,
        field: &'static str,
        t: &Option<Template>,
    ) -> Result<Option<String>, Unresolved> {
        t.as_ref().map(|t| self.text(field, t)).transpose()
    }

    fn opt_secret(
        &self,
        field: &'static str,
        t: &Option<Template>,
    ) -> Result<Option<Secret>, Unresolved> {
        t.as_ref().map(|t| self.secret(field, t)).transpose()
    }
}

/// Resolves an auth section. `token_host` is the accounts server to use
/// for Zoho when the section names none.
pub fn resolve(auth: &Auth, env: &EnvLookup) -> Result<Credentials, Unresolved> {
    let r = Resolver { env };
    Ok(match auth {
        Auth::ZohoOauth2(z) => Credentials::OAuth(Box::new(zoho(&r, z)?)),
        Auth::Oauth2(o) => Credentials::OAuth(Box::new(oauth2(&r, o)?)),
        Auth::ApiKey(k) => Credentials::ApiKey(
            k.params
                .iter()
                .map(|p| Ok((p.name.clone(), r.secret("value", &p.value)?, p.placement)))
                .collect::<Result<_, Unresolved>>()?,
        ),
        Auth::Basic(b) => {
            let user = r.text("username", &b.username)?;
            let password = r.secret("password", &b.password)?;
            let pair = format!("{user}:{}", password.expose());
            let encoded = base64::engine::general_purpose::STANDARD.encode(pair);
            Credentials::Header {
                name: "Authorization".into(),
                value: Secret::new(format!("Basic {encoded}")),
            }
        }
        Auth::Bearer(b) => {
            let token = r.secret("token", &b.token)?;
            let value = if b.prefix.is_empty() {
                token.expose().to_string()
            } else {
                format!("{} {}", b.prefix, token.expose())
            };
            Credentials::Header {
                name: b.header_name.clone(),
                value: Secret::new(value),
            }
        }
        Auth::None(_) => Credentials::None,
    })
}

fn zoho(r: &Resolver, z: &config::ZohoOAuth2) -> Result<OAuthSettings, Unresolved> {
    let accounts = z
        .accounts_url
        .clone()
        .unwrap_or_else(|| z.data_center.accounts_url().to_string());
    let token_url = Url::parse(&format!(
        "{}/oauth/v2/token",
        accounts.trim_end_matches('/')
    ))
    .ok();
    let fixed = r.opt_secret("access_token", &z.access_token)?.map(|token| {
        let expiry = z
            .expires_at
            .as_deref()
            .and_then(|t| t.parse::<jiff::Timestamp>().ok())
            .map(|t: jiff::Timestamp| {
                std::time::UNIX_EPOCH
                    + std::time::Duration::from_secs(t.as_second().max(0).unsigned_abs())
            });
        (token, expiry)
    });
    Ok(OAuthSettings {
        token_url: z.refresh_token.as_ref().and(token_url),
        grant: GrantType::RefreshToken,
        client_id: r.opt_text("client_id", &z.client_id)?.unwrap_or_default(),
        client_secret: r.opt_secret("client_secret", &z.client_secret)?,
        refresh_token: r.opt_secret("refresh_token", &z.refresh_token)?,
        scope: None,
        client_auth: ClientAuth::Body,
        extra: Vec::new(),
        fixed,
        placement: TokenPlacement::Header,
        header_name: "Authorization".into(),
        prefix: "Zoho-oauthtoken".into(),
        query_param: "access_token".into(),
        api_domain: Some(
            z.api_domain
                .clone()
                .unwrap_or_else(|| z.data_center.api_domain().to_string()),
        ),
    })
}

fn oauth2(r: &Resolver, o: &config::OAuth2) -> Result<OAuthSettings, Unresolved> {
    let extra = o
        .extra_token_params
        .iter()
        .map(|(k, v)| Ok((k.clone(), r.text("extra_token_params", v)?)))
        .collect::<Result<_, Unresolved>>()?;
    Ok(OAuthSettings {
        token_url: o.token_url.as_deref().and_then(|u| Url::parse(u).ok()),
        grant: o.grant_type,
        client_id: r.opt_text("client_id", &o.client_id)?.unwrap_or_default(),
        client_secret: r.opt_secret("client_secret", &o.client_secret)?,
        refresh_token: r.opt_secret("refresh_token", &o.refresh_token)?,
        scope: (!o.scopes.is_empty()).then(|| o.scopes.join(&o.scope_delimiter)),
        client_auth: o.client_auth,
        extra,
        fixed: r
            .opt_secret("access_token", &o.access_token)?
            .map(|t| (t, None)),
        placement: o.token_placement,
        header_name: o.header_name.clone(),
        prefix: o.header_prefix.clone(),
        query_param: o.query_param.clone(),
        api_domain: None,
    })
}

impl Credentials {
    /// Every secret value, for the redactor.
    pub fn secrets(&self) -> Vec<&str> {
        match self {
            Credentials::OAuth(o) => [&o.client_secret, &o.refresh_token]
                .into_iter()
                .flatten()
                .map(Secret::expose)
                .chain(o.fixed.as_ref().map(|(t, _)| t.expose()))
                .collect(),
            Credentials::ApiKey(keys) => keys.iter().map(|(_, v, _)| v.expose()).collect(),
            Credentials::Header { value, .. } => {
                // The encoded header and, for Basic, what it encodes.
                let mut out = vec![value.expose()];
                if let Some((_, rest)) = value.expose().split_once(' ') {
                    out.push(rest);
                }
                out
            }
            Credentials::None => Vec::new(),
        }
    }
}
