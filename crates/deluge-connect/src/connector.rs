//! From a link name to an authorized request: resolves the connection
//! (lazily, with its `${env:...}` references), applies the run's limits
//! and `base_url_override`, injects the credential, sends through the
//! router, and refreshes and retries once when a Zoho API answers 401.

use crate::auth::refresh;
use crate::auth::token::{Token, TokenStore};
use crate::auth::{self, Credentials, OAuthSettings};
use crate::config::{KeyPlacement, LoadedFile, RuntimeSettings, TokenPlacement};
use crate::error::ConnectError;
use crate::http::{HttpRequest, HttpResponse, Method, RequestBody};
use crate::router::Router;
use crate::secret::{EnvLookup, Secret, TemplateError};
use crate::services::{self, ZOHO_HOST_GLOBS, host_matches, is_zoho_host};
use std::collections::HashMap;
use std::rc::Rc;
use std::time::{Duration, SystemTime};
use url::Url;

/// A resolved link.
#[derive(Debug)]
pub struct Link {
    /// The name as the file spells it.
    pub name: String,
    pub credentials: Credentials,
    pub override_base: Option<Url>,
    pub match_hosts: Vec<String>,
    /// Where the token endpoint goes on the wire, when the override
    /// redirects it too.
    pub token_override: Option<Url>,
    pub url_params: Vec<(String, String)>,
}

impl Link {
    /// The API domain for tasks before any token says otherwise.
    fn configured_api_domain(&self) -> Option<&str> {
        match &self.credentials {
            Credentials::OAuth(o) => o.api_domain.as_deref(),
            _ => None,
        }
    }
}

pub struct Connector {
    file: Option<LoadedFile>,
    env: Box<EnvLookup>,
    links: HashMap<String, Rc<Link>>,
    tokens: TokenStore,
    /// Refresh tokens a server rotated during the run.
    rotated: HashMap<String, Secret>,
    settings: RuntimeSettings,
}

impl Connector {
    pub fn new(file: Option<LoadedFile>, env: Box<EnvLookup>) -> Connector {
        let settings = file
            .as_ref()
            .map(|f| f.file.runtime.clone())
            .unwrap_or_default();
        let cache = file.as_ref().and_then(|f| {
            let name = f.file.runtime.token_cache_file.as_ref()?;
            Some(f.dir().join(name))
        });
        Connector {
            file,
            env,
            links: HashMap::new(),
            tokens: TokenStore::new(cache),
            rotated: HashMap::new(),
            settings,
        }
    }

    pub fn file(&self) -> Option<&LoadedFile> {
        self.file.as_ref()
    }

    pub fn settings(&self) -> &RuntimeSettings {
        &self.settings
    }

    pub fn env(&self) -> &EnvLookup {
        &*self.env
    }

    /// The link a task uses when the call names none.
    pub fn default_for(&self, prefix: &str) -> Option<String> {
        self.file
            .as_ref()?
            .file
            .default_for(prefix)
            .map(str::to_string)
    }

    /// Resolves a link name (exact, then case-insensitive), its variables
    /// on first use; its secrets are registered with the router's redactor.
    pub fn link(&mut self, router: &Router, name: &str) -> Result<Rc<Link>, ConnectError> {
        if let Some(link) = self.links.get(name) {
            return Ok(link.clone());
        }
        let (canonical, connection) = self
            .file
            .as_ref()
            .and_then(|f| f.file.find(name))
            .ok_or_else(|| ConnectError::UnknownLink(name.to_string()))?;
        let unresolved = |field: &str, error: TemplateError| match error {
            TemplateError::Unset(variable) => ConnectError::Unset {
                link: canonical.to_string(),
                variable,
            },
            TemplateError::Malformed(_) => ConnectError::Malformed {
                link: canonical.to_string(),
                field: field.to_string(),
            },
        };
        for (field, template, secret) in connection.auth.fields() {
            let value = template
                .resolve(&*self.env)
                .map_err(|e| unresolved(field, e))?;
            if secret {
                router.add_secret(&value);
            }
        }
        let credentials = auth::resolve(&connection.auth, &*self.env)
            .map_err(|u| unresolved(u.field, u.error))?;
        for secret in credentials.secrets() {
            router.add_secret(secret);
        }
        if let Credentials::ApiKey(keys) = &credentials {
            for (key, _, _) in keys {
                router.add_secret_name(key);
            }
        }
        let url_params = connection
            .url_params
            .iter()
            .map(|(k, v)| {
                Ok((
                    k.clone(),
                    v.resolve(&*self.env)
                        .map_err(|e| unresolved("url_params", e))?,
                ))
            })
            .collect::<Result<_, ConnectError>>()?;
        let override_base = connection
            .base_url_override
            .as_deref()
            .and_then(|u| Url::parse(u).ok());
        let match_hosts = match &connection.match_hosts {
            Some(globs) => globs.clone(),
            None if services::is_zoho_service(&connection.service) => {
                ZOHO_HOST_GLOBS.iter().map(|g| g.to_string()).collect()
            }
            None => connection
                .api_base_url
                .as_deref()
                .and_then(|u| Url::parse(u).ok())
                .and_then(|u| u.host_str().map(str::to_string))
                .into_iter()
                .collect(),
        };
        let accounts_set = matches!(&connection.auth, crate::config::Auth::ZohoOauth2(z) if z.accounts_url.is_some());
        let link = Rc::new(Link {
            name: canonical.to_string(),
            credentials,
            token_override: override_base.clone().filter(|_| !accounts_set),
            override_base,
            match_hosts,
            url_params,
        });
        self.links.insert(name.to_string(), link.clone());
        Ok(link)
    }

    /// Sets the run's timeouts and the response cap for the request's host.
    pub fn apply_limits(&self, request: &mut HttpRequest) {
        request.connect_timeout = Duration::from_secs_f64(self.settings.timeouts.connect_seconds);
        request.total_timeout = Duration::from_secs_f64(self.settings.timeouts.total_seconds);
        let zoho = request.logical_url.host_str().is_some_and(is_zoho_host);
        request.max_response_bytes = if zoho {
            self.settings.max_response_bytes.zoho
        } else {
            self.settings.max_response_bytes.other
        };
    }

    /// The API domain a task should call for this link (from its token
    /// when the token response named one).
    pub fn api_domain(&mut self, router: &Router, link: &Link) -> Result<String, ConnectError> {
        if let Credentials::OAuth(settings) = &link.credentials {
            let token = self.token(router, link, settings)?;
            if let Some(domain) = token.api_domain {
                return Ok(domain);
            }
        }
        Ok(link
            .configured_api_domain()
            .unwrap_or(services::DEFAULT_API_DOMAIN)
            .to_string())
    }

    /// Sends a request with the link's credential (none when `link` is
    /// `None`): one refresh and retry on a 401 from a Zoho host.
    pub fn send(
        &mut self,
        router: &Router,
        link: Option<&Link>,
        mut request: HttpRequest,
    ) -> Result<HttpResponse, ConnectError> {
        self.apply_limits(&mut request);
        let Some(link) = link else {
            return Ok(router.send(&request, &[])?);
        };
        request.connection = Some(link.name.clone());
        if let Some(base) = &link.override_base
            && request
                .logical_url
                .host_str()
                .is_some_and(|h| link.match_hosts.iter().any(|g| host_matches(g, h)))
        {
            request.url = rewrite(&request.logical_url, base);
        }
        let response = self.send_once(router, link, &request)?;
        let retry = response.status == 401
            && request.logical_url.host_str().is_some_and(is_zoho_host)
            && matches!(&link.credentials, Credentials::OAuth(s) if s.can_refresh());
        if !retry {
            return Ok(response);
        }
        self.tokens.discard(&link.name);
        self.send_once(router, link, &request)
    }

    fn send_once(
        &mut self,
        router: &Router,
        link: &Link,
        request: &HttpRequest,
    ) -> Result<HttpResponse, ConnectError> {
        let mut request = request.clone();
        let mut warnings = Vec::new();
        self.inject(router, link, &mut request, &mut warnings)?;
        Ok(router.send(&request, &warnings)?)
    }

    fn inject(
        &mut self,
        router: &Router,
        link: &Link,
        request: &mut HttpRequest,
        warnings: &mut Vec<String>,
    ) -> Result<(), ConnectError> {
        match &link.credentials {
            Credentials::OAuth(settings) => {
                let token = self.token(router, link, settings)?;
                let access = token.access.expose();
                match settings.placement {
                    TokenPlacement::Header => {
                        let value = if settings.prefix.is_empty() {
                            access.to_string()
                        } else {
                            format!("{} {access}", settings.prefix)
                        };
                        set_header(request, &settings.header_name, value, &link.name, warnings);
                    }
                    TokenPlacement::Query => add_query(request, &settings.query_param, access),
                }
            }
            Credentials::ApiKey(keys) => {
                for (name, value, placement) in keys {
                    let value = value.expose();
                    match placement {
                        KeyPlacement::Header => {
                            set_header(request, name, value.to_string(), &link.name, warnings)
                        }
                        KeyPlacement::Query => add_query(request, name, value),
                        KeyPlacement::Form => add_form(request, name, value),
                    }
                }
            }
            Credentials::Header { name, value } => set_header(
                request,
                name,
                value.expose().to_string(),
                &link.name,
                warnings,
            ),
            Credentials::None => {}
        }
        Ok(())
    }

    /// A fresh token for the link: cached, fixed, or refreshed now.
    fn token(
        &mut self,
        router: &Router,
        link: &Link,
        settings: &OAuthSettings,
    ) -> Result<Token, ConnectError> {
        if let Some(token) = self.tokens.get(&link.name) {
            return Ok(token);
        }
        let now = SystemTime::now();
        if let Some((fixed, expires_at)) = &settings.fixed {
            let token = Token {
                access: fixed.clone(),
                expires_at: *expires_at,
                api_domain: settings.api_domain.clone(),
            };
            if token.is_fresh(now) || !settings.can_refresh() {
                return Ok(token);
            }
        }
        let not_authorized = |reason: String| ConnectError::NotAuthorized {
            link: link.name.clone(),
            reason: router.redact(&reason),
        };
        let mut settings = settings.clone();
        if let Some(rotated) = self.rotated.get(&link.name) {
            settings.refresh_token = Some(rotated.clone());
        }
        let mut request = refresh::request(&settings, &link.name)
            .ok_or_else(|| not_authorized("no refresh token or token URL".into()))?;
        if let Some(base) = &link.token_override {
            request.url = rewrite(&request.logical_url, base);
        }
        self.apply_limits(&mut request);
        let response = router
            .send(&request, &[])
            .map_err(|e| not_authorized(e.to_string()))?;
        let granted = refresh::parse(&response, now).map_err(not_authorized)?;
        router.add_secret(granted.token.access.expose());
        if let Some(rotated) = granted.refresh_token {
            router.add_secret(rotated.expose());
            self.rotated.insert(link.name.clone(), rotated);
        }
        self.tokens.put(&link.name, granted.token.clone());
        Ok(granted.token)
    }

    /// Fetches a new token now, ignoring any cached one (`connections check`).
    pub fn check(&mut self, router: &Router, name: &str) -> Result<Rc<Link>, ConnectError> {
        let link = self.link(router, name)?;
        if let Credentials::OAuth(settings) = &link.credentials {
            self.tokens.discard(&link.name);
            self.token(router, &link, settings)?;
        }
        Ok(link)
    }
}

/// `url` with its scheme, host and port from `base` and `base`'s path
/// prepended; path and query kept.
pub fn rewrite(url: &Url, base: &Url) -> Url {
    let mut out = base.clone();
    let prefix = base.path().trim_end_matches('/');
    out.set_path(&format!("{prefix}{}", url.path()));
    out.set_query(url.query());
    out
}

fn set_header(
    request: &mut HttpRequest,
    name: &str,
    value: String,
    link: &str,
    warnings: &mut Vec<String>,
) {
    let before = request.headers.len();
    request
        .headers
        .retain(|(n, _)| !n.eq_ignore_ascii_case(name));
    if request.headers.len() != before {
        warnings.push(format!(
            "connection '{link}' replaced the script's {name} header"
        ));
    }
    request.headers.push((name.to_string(), value));
}

fn add_query(request: &mut HttpRequest, name: &str, value: &str) {
    request.url.query_pairs_mut().append_pair(name, value);
}

/// A form-placed key goes into a form body; on a GET, or when the body is
/// not a form, it goes to the query string.
fn add_form(request: &mut HttpRequest, name: &str, value: &str) {
    match &mut request.body {
        RequestBody::Form(pairs) if request.method != Method::Get => {
            pairs.push((name.to_string(), value.to_string()));
        }
        RequestBody::Multipart(parts) if request.method != Method::Get => {
            parts.push(crate::http::MultipartPart::Text {
                name: name.to_string(),
                value: value.to_string(),
            });
        }
        RequestBody::Empty if request.method != Method::Get => {
            request.body = RequestBody::Form(vec![(name.to_string(), value.to_string())]);
        }
        _ => add_query(request, name, value),
    }
}
