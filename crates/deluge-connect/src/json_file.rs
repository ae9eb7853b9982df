//! Errors in the JSON files that configure a run (fixture files, the
//! project file), located for humans.
//!
//! serde_json reports a 1-based line and column for syntax errors and for
//! errors raised while a value is converted (an unknown key, a bad regex in
//! a `TryFrom`), so every problem can be shown the way script errors are:
//! file, line, column and the source line underlined.

use deluge_syntax::codes;
use deluge_syntax::diagnostic::Diagnostic;
use deluge_syntax::render;
use deluge_syntax::span::Span;
use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone)]
pub enum ConfigFileError {
    /// The file could not be read at all.
    Read { path: PathBuf, message: String },
    /// The file was read but its content is wrong at a position.
    Invalid {
        path: PathBuf,
        text: String,
        /// 1-based, as serde_json counts.
        line: usize,
        /// 1-based, in characters.
        column: usize,
        message: String,
    },
}

impl ConfigFileError {
    pub fn read(path: &Path, err: &std::io::Error) -> ConfigFileError {
        ConfigFileError::Read {
            path: path.to_path_buf(),
            message: err.to_string(),
        }
    }

    /// Locates a serde_json error in `text`.
    pub fn from_json(path: &Path, text: &str, err: &serde_json::Error) -> ConfigFileError {
        ConfigFileError::Invalid {
            path: path.to_path_buf(),
            text: text.to_string(),
            line: err.line(),
            column: err.column(),
            message: strip_position(&err.to_string()),
        }
    }

    pub fn path(&self) -> &Path {
        match self {
            ConfigFileError::Read { path, .. } | ConfigFileError::Invalid { path, .. } => path,
        }
    }

    /// The error as a diagnostic with its span, when it has a position.
    pub fn to_diagnostic(&self) -> Diagnostic {
        match self {
            ConfigFileError::Read { path, message } => Diagnostic::error(
                codes::BAD_CONFIG_FILE,
                format!("cannot read {}: {message}", path.display()),
            ),
            ConfigFileError::Invalid {
                text,
                line,
                column,
                message,
                ..
            } => {
                let at = offset_of(text, *line, *column);
                Diagnostic::error(codes::BAD_CONFIG_FILE, message.clone())
                    .with_primary(token_span(text, at), "here")
            }
        }
    }

    /// A full report: message, `path:line:column` and the source line.
    pub fn render(&self, color: bool) -> String {
        match self {
            ConfigFileError::Read { .. } => format!("{}\n", self.to_diagnostic()),
            ConfigFileError::Invalid { path, text, .. } => render::report(
                &self.to_diagnostic(),
                &path.display().to_string(),
                text,
                color,
            ),
        }
    }
}

impl fmt::Display for ConfigFileError {
    /// One line: `path:line:column: message`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigFileError::Read { path, message } => {
                write!(f, "cannot read {}: {message}", path.display())
            }
            ConfigFileError::Invalid {
                path,
                line,
                column,
                message,
                ..
            } => write!(f, "{}:{line}:{column}: {message}", path.display()),
        }
    }
}

impl std::error::Error for ConfigFileError {}

/// serde_json appends ` at line L column C`; the diagnostic shows the
/// position itself.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_string(),
        None => message.to_string(),
    }
}

/// The byte offset of a 1-based line and column (serde_json counts the
/// column in bytes and points just past the offending token; step back
/// onto it when possible).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let mut at = (line_start + column.saturating_sub(1)).min(text.len());
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The JSON string that ends at or just before `at` (serde_json points
/// just past a key or value it rejects), else the one character at `at`.
fn token_span(text: &str, at: usize) -> Span {
    let bytes = text.as_bytes();
    let mut end = at.min(bytes.len());
    if bytes.get(end) == Some(&b'"') {
        end += 1;
    }
    while end > 0 && matches!(bytes[end - 1], b' ' | b':' | b',' | b'\t') {
        end -= 1;
    }
    if end > 0 && bytes[end - 1] == b'"' {
        let line_start = text[..end - 1].rfind('\n').map_or(0, |n| n + 1);
        if let Some(open) = text[line_start..end - 1].rfind('"') {
            return Span::new(line_start + open, end);
        }
    }
    Span::new(at, (at + 1).min(text.len()))
}

/// Reads and parses a JSON file into `T`, locating every error.
pub fn load<T: serde::de::DeserializeOwned>(path: &Path) -> Result<(T, String), ConfigFileError> {
    let bytes = std::fs::read(path).map_err(|e| ConfigFileError::read(path, &e))?;
    let text = String::from_utf8(bytes).map_err(|e| ConfigFileError::Read {
        path: path.to_path_buf(),
        message: format!(
            "not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ),
    })?;
    let value = parse(path, &text)?;
    Ok((value, text))
}

/// Parses JSON text into `T`, locating every error in `path`.
pub fn parse<T: serde::de::DeserializeOwned>(
    path: &Path,
    text: &str,
) -> Result<T, ConfigFileError> {
    serde_json::from_str(text).map_err(|e| ConfigFileError::from_json(path, text, &e))
}

/// Writes a file so that readers see either the old content or the new,
/// never a torn mix: the bytes go to a temporary file beside it, which is
/// flushed to disk and then renamed over the target.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "file".into());
    let temp = dir.join(format!(".{file_name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Small {
        name: String,
    }

    #[test]
    fn unknown_key_is_located_and_rendered_with_the_source_line() {
        let text = "{\n  \"name\": \"a\",\n  \"nmae\": 1\n}\n";
        let err = parse::<Small>(Path::new("cfg.json"), text).unwrap_err();
        let ConfigFileError::Invalid { line, message, .. } = &err else {
            panic!("expected a located error: {err:?}");
        };
        assert_eq!(*line, 3);
        assert!(message.contains("unknown field `nmae`"), "{message}");
        assert!(!message.contains("at line"), "{message}");
        let shown = err.render(false);
        assert!(shown.contains("cfg.json:3:"), "{shown}");
        assert!(shown.contains("\"nmae\": 1"), "{shown}");
        assert!(err.to_string().starts_with("cfg.json:3:"));
    }

    #[test]
    fn syntax_error_points_into_the_text() {
        let text = "{ \"name\": \"a\" ,, }";
        let err = parse::<Small>(Path::new("x.json"), text).unwrap_err();
        assert!(err.to_string().starts_with("x.json:1:"), "{err}");
    }

    #[test]
    fn atomic_write_replaces_the_whole_file_and_leaves_no_temporary() {
        let dir = std::env::temp_dir().join(format!("deluge-atomic-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let target = dir.join("state.json");
        write_atomically(&target, b"{\"a\":1}").unwrap();
        write_atomically(&target, b"{}").unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "{}");
        let names: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().collect();
        assert_eq!(names.len(), 1, "{names:?}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn missing_file_names_the_path() {
        let err = load::<Small>(Path::new("no/such/file.json")).unwrap_err();
        assert!(err.to_string().contains("no/such/file.json"), "{err}");
    }
}
