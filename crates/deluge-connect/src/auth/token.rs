//! Access tokens: kept in memory per connection and, when the file asks
//! for it, in a cache file (access tokens only, never refresh tokens or
//! client secrets; mode 0600; written to a temporary file and renamed so a
//! crash never leaves a torn cache).

use crate::secret::Secret;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::PathBuf;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A token is refreshed when fewer than this many seconds remain.
pub const REFRESH_MARGIN: Duration = Duration::from_secs(60);

#[derive(Clone, Debug)]
pub struct Token {
    pub access: Secret,
    pub expires_at: Option<SystemTime>,
    /// `api_domain` of a Zoho token response.
    pub api_domain: Option<String>,
}

impl Token {
    pub fn is_fresh(&self, now: SystemTime) -> bool {
        self.expires_at.is_none_or(|at| {
            at.duration_since(now)
                .is_ok_and(|left| left >= REFRESH_MARGIN)
        })
    }
}

#[derive(Serialize, Deserialize)]
struct CachedToken {
    access_token: String,
    expires_at: u64,
    #[serde(default)]
    api_domain: Option<String>,
}

#[derive(Default)]
pub struct TokenStore {
    tokens: HashMap<String, Token>,
    file: Option<PathBuf>,
    loaded: bool,
}

impl TokenStore {
    pub fn new(file: Option<PathBuf>) -> TokenStore {
        TokenStore {
            tokens: HashMap::new(),
            file,
            loaded: false,
        }
    }

    /// A token that is still fresh.
    pub fn get(&mut self, key: &str) -> Option<Token> {
        self.load_once();
        let now = SystemTime::now();
        self.tokens.get(key).filter(|t| t.is_fresh(now)).cloned()
    }

    pub fn put(&mut self, key: &str, token: Token) {
        self.load_once();
        self.tokens.insert(key.to_string(), token);
        self.save();
    }

    /// Forgets a token the server refused.
    pub fn discard(&mut self, key: &str) {
        if self.tokens.remove(key).is_some() {
            self.save();
        }
    }

    fn load_once(&mut self) {
        if self.loaded {
            return;
        }
        self.loaded = true;
        let Some(path) = &self.file else { return };
        let Ok(text) = std::fs::read_to_string(path) else {
            return;
        };
        // An unreadable cache is only a cache: start empty.
        let cached: HashMap<String, CachedToken> = serde_json::from_str(&text).unwrap_or_default();
        for (key, c) in cached {
            self.tokens.insert(
                key,
                Token {
                    access: Secret::new(c.access_token),
                    expires_at: Some(UNIX_EPOCH + Duration::from_secs(c.expires_at)),
                    api_domain: c.api_domain,
                },
            );
        }
    }

    fn save(&self) {
        let Some(path) = &self.file else { return };
        let cached: HashMap<&String, CachedToken> = self
            .tokens
            .iter()
            .filter_map(|(key, t)| {
                let expires_at = t.expires_at?.duration_since(UNIX_EPOCH).ok()?.as_secs();
                Some((
                    key,
                    CachedToken {
                        access_token: t.access.expose().to_string(),
                        expires_at,
                        api_domain: t.api_domain.clone(),
                    },
                ))
            })
            .collect();
        let Ok(text) = serde_json::to_string_pretty(&cached) else {
            return;
        };
        // Failing to write the cache costs a refresh next run, nothing more.
        let _ = write_private(path, text.as_bytes());
    }
}

/// Writes `data` to a temporary file beside `path` (mode 0600 on Unix)
/// and renames it over `path`.
fn write_private(path: &std::path::Path, data: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut temp = path.as_os_str().to_owned();
    temp.push(format!(".tmp{}", std::process::id()));
    let temp = PathBuf::from(temp);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(&temp)?;
    file.write_all(data)?;
    file.sync_all()?;
    drop(file);
    std::fs::rename(&temp, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn freshness_margin() {
        let now = SystemTime::now();
        let token = |secs| Token {
            access: Secret::new("t"),
            expires_at: Some(now + Duration::from_secs(secs)),
            api_domain: None,
        };
        assert!(token(3600).is_fresh(now));
        assert!(!token(30).is_fresh(now));
    }

    #[test]
    fn cache_file_round_trip_is_private() {
        let dir = std::env::temp_dir().join(format!("deluge-token-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("tokens.json");
        let mut store = TokenStore::new(Some(path.clone()));
        store.put(
            "link",
            Token {
                access: Secret::new("1000.abc"),
                expires_at: Some(SystemTime::now() + Duration::from_secs(3600)),
                api_domain: Some("https://www.zohoapis.eu".into()),
            },
        );
        let mut again = TokenStore::new(Some(path.clone()));
        let token = again.get("link").unwrap();
        assert_eq!(token.access.expose(), "1000.abc");
        assert_eq!(token.api_domain.as_deref(), Some("https://www.zohoapis.eu"));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
