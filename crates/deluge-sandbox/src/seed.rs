//! The seed file: the JSON that fills the simulator's store (integrations
//! spec §6.3). A state file has the same shape, so a saved store can seed
//! the next run.
//!
//! Unknown keys are rejected where the shape is ours (the top level, the
//! service sections, users, OAuth settings, Books organizations), because a
//! misspelt key would otherwise silently seed nothing. Records themselves
//! are free-form maps. A malformed file becomes a [`SeedError`] that names
//! the file, line and column and shows the source line.

use deluge_syntax::Diagnostic;
use deluge_syntax::codes;
use deluge_syntax::render;
use deluge_syntax::span::{LineIndex, Span};
use indexmap::IndexMap;
use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;
use std::path::{Path, PathBuf};

/// One record: a JSON object, keys in the order given.
pub type Record = serde_json::Map<String, serde_json::Value>;

#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Seed {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<SeedUser>,
    /// The first id handed out to a new record (a state file holds the
    /// next one).
    #[serde(
        default,
        deserialize_with = "id_number",
        skip_serializing_if = "Option::is_none",
        serialize_with = "id_text"
    )]
    pub id_start: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bigin: Option<RecordsSeed>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub crm: Option<RecordsSeed>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub books: Option<BooksSeed>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oauth: Option<OAuthSeed>,
    /// Mail captured offline (kept with the state file).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outbox: Vec<Mail>,
}

/// The user every request acts as.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SeedUser {
    pub name: String,
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

impl Default for SeedUser {
    fn default() -> Self {
        SeedUser {
            name: "Sandbox User".into(),
            id: "1000000000001".into(),
            email: Some("sandbox.user@example.test".into()),
        }
    }
}

/// A Bigin or CRM section.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RecordsSeed {
    /// Module → fields a create must give (replaces the built-in list for
    /// that module).
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub mandatory: IndexMap<String, Vec<String>>,
    /// Module → fields whose values must be unique in the module.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub unique: IndexMap<String, Vec<String>>,
    /// Module → field → the module the lookup points at.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub lookups: IndexMap<String, IndexMap<String, String>>,
    #[serde(default)]
    pub modules: IndexMap<String, Vec<Record>>,
    /// `"Parent/id/Relation"` → the related records.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub related: IndexMap<String, Vec<Record>>,
    /// Files attached to records (`attachFile`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Record>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub users: Option<Vec<Record>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org: Option<Record>,
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub org_variables: IndexMap<String, String>,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct BooksSeed {
    #[serde(default)]
    pub organizations: IndexMap<String, BooksOrgSeed>,
}

/// One Books organization: its name and a list of records per module path
/// (`contacts`, `invoices`, ...; the table of `deluge_connect::tasks::books_modules`).
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct BooksOrgSeed {
    #[serde(default)]
    pub name: String,
    #[serde(flatten, deserialize_with = "books_collections")]
    pub collections: IndexMap<String, Vec<Record>>,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct OAuthSeed {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_token_ttl_seconds: Option<u64>,
    /// Refresh tokens the token endpoint accepts; `"*"` accepts any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_refresh_tokens: Option<Vec<String>>,
    /// Accept any non-empty access token on API routes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lenient: Option<bool>,
}

/// A message `sendmail` would have sent, captured offline.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Mail {
    pub from: String,
    #[serde(default)]
    pub to: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cc: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bcc: Vec<String>,
    #[serde(default)]
    pub subject: String,
    #[serde(default)]
    pub message: String,
    /// File names of the attachments.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<String>,
}

/// `"4000000000100"` or `4000000000100`.
fn id_number<'de, D: Deserializer<'de>>(de: D) -> Result<Option<u64>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Id {
        Number(u64),
        Text(String),
    }
    match Option::<Id>::deserialize(de)? {
        None => Ok(None),
        Some(Id::Number(n)) => Ok(Some(n)),
        Some(Id::Text(t)) => t.trim().parse().map(Some).map_err(|_| {
            serde::de::Error::custom(format!("id_start must be a number of digits, not {t:?}"))
        }),
    }
}

fn id_text<S: serde::Serializer>(id: &Option<u64>, ser: S) -> Result<S::Ok, S::Error> {
    match id {
        Some(n) => ser.serialize_str(&n.to_string()),
        None => ser.serialize_none(),
    }
}

/// The module lists of an organization; a key that is no Books module is
/// an error rather than a silently ignored list.
fn books_collections<'de, D: Deserializer<'de>>(
    de: D,
) -> Result<IndexMap<String, Vec<Record>>, D::Error> {
    let raw = IndexMap::<String, Vec<Record>>::deserialize(de)?;
    for key in raw.keys() {
        if deluge_connect::tasks::books_modules::by_path(key).is_none() {
            return Err(serde::de::Error::custom(format!(
                "`{key}` is not a Books module; expected one of {}",
                deluge_connect::tasks::books_modules::all_paths().join(", ")
            )));
        }
    }
    Ok(raw)
}

/// A seed or state file that could not be read or understood.
#[derive(Debug)]
pub enum SeedError {
    Read {
        path: PathBuf,
        error: std::io::Error,
    },
    Invalid {
        path: String,
        source: String,
        diagnostic: Box<Diagnostic>,
    },
}

impl SeedError {
    /// The full report: file, line and column, the source line underlined.
    pub fn render(&self, color: bool) -> String {
        match self {
            SeedError::Read { .. } => self.to_string(),
            SeedError::Invalid {
                path,
                source,
                diagnostic,
            } => render::report(diagnostic, path, source, color),
        }
    }

    /// 1-based line and column of the problem, when it has a position.
    pub fn line_col(&self) -> Option<(usize, usize)> {
        match self {
            SeedError::Read { .. } => None,
            SeedError::Invalid {
                source, diagnostic, ..
            } => {
                let index = LineIndex::new(source);
                Some(index.line_col(source, diagnostic.primary_span().start.min(source.len())))
            }
        }
    }

    /// True when the file does not exist.
    pub fn is_not_found(&self) -> bool {
        matches!(self, SeedError::Read { error, .. } if error.kind() == std::io::ErrorKind::NotFound)
    }
}

impl fmt::Display for SeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SeedError::Read { path, error } => write!(
                f,
                "error[{}]: cannot read {}: {error}",
                codes::BAD_SANDBOX_SEED,
                path.display()
            ),
            SeedError::Invalid {
                path,
                source,
                diagnostic,
            } => f.write_str(&render::short(diagnostic, path, source)),
        }
    }
}

impl std::error::Error for SeedError {}

impl Seed {
    /// Parses seed text; `path` is used in messages only.
    pub fn parse(text: &str, path: &str) -> Result<Seed, SeedError> {
        serde_json::from_str(text).map_err(|error| SeedError::Invalid {
            path: path.to_string(),
            source: text.to_string(),
            diagnostic: Box::new(diagnostic_for(&error, text)),
        })
    }

    pub fn read(path: &Path) -> Result<Seed, SeedError> {
        let text = std::fs::read_to_string(path).map_err(|error| SeedError::Read {
            path: path.to_path_buf(),
            error,
        })?;
        Seed::parse(&text, &path.display().to_string())
    }
}

fn diagnostic_for(error: &serde_json::Error, text: &str) -> Diagnostic {
    let offset = byte_offset(text, error.line(), error.column());
    // serde_json's message ends with " at line L column C"; the report
    // shows the position itself.
    let message = error.to_string();
    let message = match message.rfind(" at line ") {
        Some(cut) => message[..cut].to_string(),
        None => message,
    };
    Diagnostic::error(
        codes::BAD_SANDBOX_SEED,
        format!("malformed simulator seed: {message}"),
    )
    .with_primary(Span::new(offset, (offset + 1).min(text.len())), "here")
    .with_help("the seed format is described in docs/offline.md")
}

/// serde_json counts lines from 1 and columns (in bytes) from 1; column 0
/// means "before the first byte of the line".
fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let offset = line_start + column.saturating_sub(1);
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}
