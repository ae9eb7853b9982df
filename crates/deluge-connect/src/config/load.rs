//! Reading a connections file, with errors reported like every other
//! diagnostic: the path, the line and column of the bad spot, the source
//! line and a message naming the field.

use super::ConnectionsFile;
use deluge_syntax::{Diagnostic, Span, codes, render};
use std::fmt;
use std::path::{Path, PathBuf};

/// A file that loaded, with where it came from (relative paths in it are
/// relative to its folder) and the warnings of §5.4.
#[derive(Clone, Debug)]
pub struct LoadedFile {
    pub path: PathBuf,
    pub file: ConnectionsFile,
    pub warnings: Vec<String>,
}

impl LoadedFile {
    /// The folder the file's relative paths start from.
    pub fn dir(&self) -> &Path {
        self.path.parent().unwrap_or(Path::new("."))
    }
}

/// A connections file that could not be used.
#[derive(Clone, Debug)]
pub struct ConfigError {
    /// The path as given, for messages.
    pub path: String,
    /// The text of the file (empty when it could not be read).
    pub source: String,
    pub diagnostics: Vec<Diagnostic>,
}

impl ConfigError {
    /// The diagnostics rendered with the source line, as `deluge check` does.
    pub fn render(&self, color: bool) -> String {
        self.diagnostics
            .iter()
            .map(|d| {
                if d.labels.is_empty() {
                    format!("error[{}]: {}: {}\n", d.code, self.path, d.message)
                } else {
                    render::report(d, &self.path, &self.source, color)
                }
            })
            .collect()
    }
}

impl fmt::Display for ConfigError {
    /// `path:line:col: error[E503]: message`, one line per problem.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.diagnostics.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            if d.labels.is_empty() {
                write!(f, "{}: error[{}]: {}", self.path, d.code, d.message)?;
            } else {
                f.write_str(&render::short(d, &self.path, &self.source))?;
            }
        }
        Ok(())
    }
}

impl std::error::Error for ConfigError {}

/// Reads, parses and validates a connections file.
pub fn load_file(path: &Path) -> Result<LoadedFile, ConfigError> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
        path: shown.clone(),
        source: String::new(),
        diagnostics: vec![Diagnostic::error(
            codes::BAD_CONNECTIONS_FILE,
            format!("cannot read the connections file: {e}"),
        )],
    })?;
    let (file, warnings) = parse_text(&shown, &text)?;
    Ok(LoadedFile {
        path: path.to_path_buf(),
        file,
        warnings,
    })
}

/// Parses and validates the text of a connections file; `path` is only
/// used in messages.
pub fn parse_text(path: &str, text: &str) -> Result<(ConnectionsFile, Vec<String>), ConfigError> {
    let error = |diagnostics| ConfigError {
        path: path.to_string(),
        source: text.to_string(),
        diagnostics,
    };
    let mut de = serde_json::Deserializer::from_str(text);
    let file: ConnectionsFile = serde_path_to_error::deserialize(&mut de)
        .map_err(|e| error(vec![syntax_diagnostic(text, &e)]))?;
    let report = super::validate::validate(&file);
    if !report.errors.is_empty() {
        // The source line is shown with the errors: a literal secret in
        // it is masked, byte for byte, so the spans stay valid.
        let mut shown = text.to_string();
        for secret in report.secrets.iter().filter(|s| !s.is_empty()) {
            shown = shown.replace(
                &format!("\"{secret}\""),
                &format!("\"{}\"", "*".repeat(secret.len())),
            );
        }
        let diagnostics = report
            .errors
            .iter()
            .map(|p| {
                let span = locate(text, &p.path);
                Diagnostic::error(codes::BAD_CONNECTIONS_FILE, p.message.clone())
                    .with_primary(span, "here")
            })
            .collect();
        return Err(ConfigError {
            path: path.to_string(),
            source: shown,
            diagnostics,
        });
    }
    Ok((file, report.warnings))
}

/// A serde error at its line and column, the message prefixed with the
/// path of the field (`connections.crm.auth: unknown field `secret``).
fn syntax_diagnostic(text: &str, e: &serde_path_to_error::Error<serde_json::Error>) -> Diagnostic {
    let inner = e.inner();
    let suffix = format!(" at line {} column {}", inner.line(), inner.column());
    let bare = inner.to_string();
    let message = bare.strip_suffix(&suffix).unwrap_or(&bare);
    let field = e.path().to_string();
    let message = if field.is_empty() || field == "." {
        message.to_string()
    } else {
        format!("{field}: {message}")
    };
    let offset = offset_of(text, inner.line(), inner.column());
    Diagnostic::error(codes::BAD_CONNECTIONS_FILE, message)
        .with_primary(key_before(text, offset), "here")
}

/// serde_json reports a bad key at its closing quote: the span of the
/// whole quoted key reads better. Elsewhere, the point itself.
fn key_before(text: &str, offset: usize) -> Span {
    let end = if text[offset..].starts_with('"') {
        offset + 1
    } else {
        offset
    };
    let before = &text[..end];
    if before.ends_with('"')
        && let Some(open) = before[..before.len() - 1].rfind('"')
    {
        return Span::new(open, end);
    }
    Span::point(offset)
}

/// The byte offset of serde_json's 1-based line and column (the column
/// points just after the offending character; column 0 means the line's
/// start).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>();
    let line_text = text[start..].split('\n').next().unwrap_or("");
    let within = column.saturating_sub(1).min(line_text.len());
    let mut at = start + within;
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Finds the key path (`connections`, `my-link`, `auth`, `client_secret`)
/// in the text by searching each quoted key after the previous one: good
/// enough to point at the entry a validation error is about, since JSON
/// keys appear in the text in the order they nest.
fn locate(text: &str, path: &[String]) -> Span {
    let mut from = 0;
    let mut found = Span::point(0);
    for key in path {
        let quoted = format!("\"{}\"", key.replace('\\', "\\\\").replace('"', "\\\""));
        match text[from..].find(&quoted) {
            Some(at) => {
                found = Span::new(from + at, from + at + quoted.len());
                from = found.end;
            }
            None => break,
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_follow_serde_positions() {
        let text = "{\n  \"a\": 1,\n  \"b\": x\n}";
        assert_eq!(&text[offset_of(text, 3, 8)..offset_of(text, 3, 8) + 1], "x");
    }

    #[test]
    fn locates_nested_keys() {
        let text = r#"{"connections": {"a": {"auth": {}}, "b": {"auth": {"password": "x"}}}}"#;
        let span = locate(
            text,
            &[
                "connections".into(),
                "b".into(),
                "auth".into(),
                "password".into(),
            ],
        );
        assert_eq!(&text[span.start..span.end], "\"password\"");
        assert!(span.start > text.find("\"b\"").unwrap());
    }
}
