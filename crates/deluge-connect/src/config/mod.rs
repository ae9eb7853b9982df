//! The connections file (integrations spec §5): link names, services,
//! auth and runtime settings, as typed data.
//!
//! Every struct denies unknown fields, so a misspelt key is a load error
//! naming it rather than a setting silently ignored. Strings that may hold
//! credentials are [`Template`]s, resolved only when a link is first used.

mod load;
mod validate;

pub use load::{ConfigError, LoadedFile, load_file, parse_text};

use crate::policy::NetworkPolicy;
use crate::secret::Template;
use crate::services::DataCenter;
use indexmap::IndexMap;
use serde::Deserialize;

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConnectionsFile {
    /// Must be 1.
    pub version: u32,
    #[serde(default)]
    pub runtime: RuntimeSettings,
    #[serde(default)]
    pub connections: IndexMap<String, Connection>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RuntimeSettings {
    /// `None` when the file does not say (the command line or the default
    /// `deny` decides).
    pub network: Option<NetworkPolicy>,
    /// Fixture files, relative to the connections file (read by the
    /// offline layer).
    pub fixtures: Vec<String>,
    pub simulator: Option<SimulatorSettings>,
    pub token_cache_file: Option<String>,
    pub timeouts: Timeouts,
    pub max_response_bytes: MaxResponseBytes,
    pub strict_ports: bool,
    pub strict_secrets: bool,
    pub bigin_unwrap_single_record: bool,
    /// TEXT or numbers; TEXT may hold `${env:...}`.
    pub org_variables: IndexMap<String, serde_json::Value>,
}

impl Default for RuntimeSettings {
    fn default() -> Self {
        RuntimeSettings {
            network: None,
            fixtures: Vec::new(),
            simulator: None,
            token_cache_file: None,
            timeouts: Timeouts::default(),
            max_response_bytes: MaxResponseBytes::default(),
            strict_ports: false,
            strict_secrets: true,
            bigin_unwrap_single_record: false,
            org_variables: IndexMap::new(),
        }
    }
}

/// `runtime.simulator`, read by the simulator's owner.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SimulatorSettings {
    pub enabled: bool,
    /// The seed file, relative to the connections file.
    pub seed: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Timeouts {
    pub connect_seconds: f64,
    pub total_seconds: f64,
}

impl Default for Timeouts {
    fn default() -> Self {
        Timeouts {
            connect_seconds: crate::http::DEFAULT_CONNECT_TIMEOUT.as_secs_f64(),
            total_seconds: crate::http::DEFAULT_TOTAL_TIMEOUT.as_secs_f64(),
        }
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MaxResponseBytes {
    pub zoho: u64,
    pub other: u64,
}

impl Default for MaxResponseBytes {
    fn default() -> Self {
        MaxResponseBytes {
            zoho: crate::http::DEFAULT_MAX_ZOHO_BYTES,
            other: crate::http::DEFAULT_MAX_OTHER_BYTES,
        }
    }
}

/// One link name's entry.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Connection {
    /// A default-service id (`zoho_bigin`, ...) or `custom`.
    pub service: String,
    pub auth: Auth,
    #[serde(default)]
    pub api_base_url: Option<String>,
    /// Task prefixes (`zoho.crm`) that use this link when a call names none.
    #[serde(default)]
    pub default_for: Vec<String>,
    #[serde(default)]
    pub base_url_override: Option<String>,
    #[serde(default)]
    pub match_hosts: Option<Vec<String>>,
    #[serde(default)]
    pub url_params: IndexMap<String, Template>,
    #[serde(default)]
    pub description: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Auth {
    ZohoOauth2(ZohoOAuth2),
    Oauth2(OAuth2),
    ApiKey(ApiKey),
    Basic(Basic),
    Bearer(Bearer),
    None(NoAuth),
}

impl Auth {
    /// The kind as the file spells it.
    pub fn kind(&self) -> &'static str {
        match self {
            Auth::ZohoOauth2(_) => "zoho_oauth2",
            Auth::Oauth2(_) => "oauth2",
            Auth::ApiKey(_) => "api_key",
            Auth::Basic(_) => "basic",
            Auth::Bearer(_) => "bearer",
            Auth::None(_) => "none",
        }
    }

    /// Every string field with its name and whether it holds a secret, for
    /// validation and for `connections list`.
    pub fn fields(&self) -> Vec<(&'static str, &Template, bool)> {
        let mut out: Vec<(&'static str, &Template, bool)> = Vec::new();
        fn push<'a>(
            out: &mut Vec<(&'static str, &'a Template, bool)>,
            name: &'static str,
            t: &'a Option<Template>,
            secret: bool,
        ) {
            if let Some(t) = t {
                out.push((name, t, secret));
            }
        }
        match self {
            Auth::ZohoOauth2(z) => {
                push(&mut out, "client_id", &z.client_id, false);
                push(&mut out, "client_secret", &z.client_secret, true);
                push(&mut out, "refresh_token", &z.refresh_token, true);
                push(&mut out, "access_token", &z.access_token, true);
            }
            Auth::Oauth2(o) => {
                push(&mut out, "client_id", &o.client_id, false);
                push(&mut out, "client_secret", &o.client_secret, true);
                push(&mut out, "refresh_token", &o.refresh_token, true);
                push(&mut out, "access_token", &o.access_token, true);
            }
            Auth::ApiKey(k) => {
                for p in &k.params {
                    out.push(("value", &p.value, true));
                }
            }
            Auth::Basic(b) => {
                out.push(("username", &b.username, false));
                out.push(("password", &b.password, true));
            }
            Auth::Bearer(b) => out.push(("token", &b.token, true)),
            Auth::None(_) => {}
        }
        out
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ZohoOAuth2 {
    #[serde(default = "default_data_center")]
    pub data_center: DataCenter,
    #[serde(default)]
    pub client_id: Option<Template>,
    #[serde(default)]
    pub client_secret: Option<Template>,
    #[serde(default)]
    pub refresh_token: Option<Template>,
    /// A fixed token for short tests, instead of the refresh flow.
    #[serde(default)]
    pub access_token: Option<Template>,
    /// RFC 3339 expiry of `access_token`.
    #[serde(default)]
    pub expires_at: Option<String>,
    #[serde(default)]
    pub scopes: Vec<String>,
    #[serde(default)]
    pub accounts_url: Option<String>,
    #[serde(default)]
    pub api_domain: Option<String>,
}

fn default_data_center() -> DataCenter {
    DataCenter::Us
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GrantType {
    RefreshToken,
    ClientCredentials,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClientAuth {
    Body,
    Basic,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenPlacement {
    Header,
    Query,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OAuth2 {
    #[serde(default)]
    pub token_url: Option<String>,
    #[serde(default)]
    pub client_id: Option<Template>,
    #[serde(default)]
    pub client_secret: Option<Template>,
    #[serde(default = "default_grant")]
    pub grant_type: GrantType,
    #[serde(default)]
    pub refresh_token: Option<Template>,
    #[serde(default)]
    pub scopes: Vec<String>,
    #[serde(default = "default_scope_delimiter")]
    pub scope_delimiter: String,
    #[serde(default = "default_client_auth")]
    pub client_auth: ClientAuth,
    #[serde(default = "default_placement")]
    pub token_placement: TokenPlacement,
    #[serde(default = "default_authorization")]
    pub header_name: String,
    #[serde(default = "default_bearer")]
    pub header_prefix: String,
    #[serde(default = "default_query_param")]
    pub query_param: String,
    #[serde(default)]
    pub extra_token_params: IndexMap<String, Template>,
    #[serde(default)]
    pub access_token: Option<Template>,
}

fn default_grant() -> GrantType {
    GrantType::RefreshToken
}
fn default_scope_delimiter() -> String {
    " ".into()
}
fn default_client_auth() -> ClientAuth {
    ClientAuth::Body
}
fn default_placement() -> TokenPlacement {
    TokenPlacement::Header
}
fn default_authorization() -> String {
    "Authorization".into()
}
fn default_bearer() -> String {
    "Bearer".into()
}
fn default_query_param() -> String {
    "access_token".into()
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApiKey {
    pub params: Vec<ApiKeyParam>,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyPlacement {
    Header,
    Query,
    Form,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApiKeyParam {
    pub name: String,
    pub value: Template,
    #[serde(rename = "in")]
    pub placement: KeyPlacement,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Basic {
    pub username: Template,
    pub password: Template,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bearer {
    pub token: Template,
    #[serde(default = "default_authorization")]
    pub header_name: String,
    #[serde(default = "default_bearer")]
    pub prefix: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoAuth {}

impl ConnectionsFile {
    /// The entry of a link name: exact match first, then case-insensitive
    /// (names that differ only in case are refused at load time, so the
    /// second lookup is unambiguous). Returns the name as the file has it.
    pub fn find(&self, link: &str) -> Option<(&str, &Connection)> {
        if let Some((name, c)) = self.connections.get_key_value(link) {
            return Some((name.as_str(), c));
        }
        self.connections
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(link))
            .map(|(name, c)| (name.as_str(), c))
    }

    /// The link that is `default_for` a task prefix (`zoho.crm`).
    pub fn default_for(&self, prefix: &str) -> Option<&str> {
        self.connections
            .iter()
            .find(|(_, c)| c.default_for.iter().any(|p| p.eq_ignore_ascii_case(prefix)))
            .map(|(name, _)| name.as_str())
    }
}
