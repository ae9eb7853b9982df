//! Secrets and `${env:NAME}` references.
//!
//! Every string of the connections file may name environment variables
//! (`${env:NAME}`, `${env:NAME:-fallback}`, `$${` for a literal `${`). They
//! are resolved lazily, when a link is first used, so an unused entry with
//! an unset variable does not break a run. A resolved credential is held in
//! a [`Secret`], which never prints its value.

use serde::Deserialize;
use std::fmt;

/// A credential. `Debug` and `Display` print `***`; only [`Secret::expose`]
/// gives the value, at the one place it goes on the wire.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

/// Where `${env:NAME}` looks its names up; tests pass a map instead of the
/// process environment.
pub type EnvLookup = dyn Fn(&str) -> Option<String>;

/// The process environment.
pub fn process_env(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

/// A string of the file, with its `${env:...}` references unresolved.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct Template(String);

/// One piece of a template.
#[derive(Debug, PartialEq, Eq)]
enum Piece<'a> {
    Literal(&'a str),
    Env {
        name: &'a str,
        fallback: Option<&'a str>,
    },
}

/// A template that cannot be resolved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TemplateError {
    /// `${env:NAME}` with no fallback and no such variable.
    Unset(String),
    /// `${` that does not start a well-formed reference.
    Malformed(String),
}

impl Template {
    pub fn new(raw: impl Into<String>) -> Template {
        Template(raw.into())
    }

    /// The text as written in the file.
    pub fn raw(&self) -> &str {
        &self.0
    }

    /// True when the text holds at least one `${env:...}` reference (a
    /// secret written that way is not a literal secret).
    pub fn is_env_reference(&self) -> bool {
        parse(&self.0).is_ok_and(|pieces| pieces.iter().any(|p| matches!(p, Piece::Env { .. })))
    }

    /// The variables the text refers to, with whether each has a fallback.
    pub fn variables(&self) -> Vec<(String, bool)> {
        parse(&self.0)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|p| match p {
                Piece::Env { name, fallback } => Some((name.to_string(), fallback.is_some())),
                Piece::Literal(_) => None,
            })
            .collect()
    }

    /// Checks the syntax without resolving anything (load-time validation).
    pub fn check(&self) -> Result<(), TemplateError> {
        parse(&self.0).map(|_| ())
    }

    /// The text with every reference replaced.
    pub fn resolve(&self, env: &EnvLookup) -> Result<String, TemplateError> {
        let mut out = String::with_capacity(self.0.len());
        for piece in parse(&self.0)? {
            match piece {
                Piece::Literal(text) => out.push_str(text),
                Piece::Env { name, fallback } => match (env(name), fallback) {
                    (Some(value), _) => out.push_str(&value),
                    (None, Some(fallback)) => out.push_str(fallback),
                    (None, None) => return Err(TemplateError::Unset(name.to_string())),
                },
            }
        }
        Ok(out)
    }
}

fn parse(text: &str) -> Result<Vec<Piece<'_>>, TemplateError> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find('$') {
        let after = &rest[at..];
        if let Some(escaped) = after.strip_prefix("$${") {
            // `$${` is an escaped `${`: keep `${`, drop the first `$`.
            pieces.push(Piece::Literal(&rest[..at]));
            pieces.push(Piece::Literal("${"));
            rest = escaped;
        } else if let Some(body) = after.strip_prefix("${") {
            pieces.push(Piece::Literal(&rest[..at]));
            let end = body
                .find('}')
                .ok_or_else(|| TemplateError::Malformed(text.to_string()))?;
            pieces.push(
                reference(&body[..end])
                    .ok_or_else(|| TemplateError::Malformed(text.to_string()))?,
            );
            rest = &body[end + 1..];
        } else {
            pieces.push(Piece::Literal(&rest[..=at]));
            rest = &after[1..];
        }
    }
    pieces.push(Piece::Literal(rest));
    pieces.retain(|p| !matches!(p, Piece::Literal("")));
    Ok(pieces)
}

/// `env:NAME` or `env:NAME:-fallback`.
fn reference(inner: &str) -> Option<Piece<'_>> {
    let spec = inner.strip_prefix("env:")?;
    let (name, fallback) = match spec.split_once(":-") {
        Some((name, fallback)) => (name, Some(fallback)),
        None => (spec, None),
    };
    let mut chars = name.chars();
    let first_ok = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
    (first_ok && chars.all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .then_some(Piece::Env { name, fallback })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(name: &str) -> Option<String> {
        (name == "SET").then(|| "value".to_string())
    }

    #[test]
    fn resolves_references_defaults_and_escapes() {
        let t = |s: &str| Template::new(s).resolve(&env);
        assert_eq!(t("${env:SET}"), Ok("value".into()));
        assert_eq!(t("a-${env:SET}-b"), Ok("a-value-b".into()));
        assert_eq!(t("${env:UNSET:-fallback}"), Ok("fallback".into()));
        assert_eq!(t("${env:SET:-fallback}"), Ok("value".into()));
        assert_eq!(t("$${env:SET}"), Ok("${env:SET}".into()));
        assert_eq!(t("cost $5"), Ok("cost $5".into()));
        assert_eq!(t("${env:UNSET}"), Err(TemplateError::Unset("UNSET".into())));
        assert!(matches!(t("${env:1BAD}"), Err(TemplateError::Malformed(_))));
        assert!(matches!(t("${env:OPEN"), Err(TemplateError::Malformed(_))));
    }

    #[test]
    fn knows_references_from_literals() {
        assert!(Template::new("${env:X}").is_env_reference());
        assert!(!Template::new("$${env:X}").is_env_reference());
        assert!(!Template::new("hunter2").is_env_reference());
        assert_eq!(
            Template::new("${env:A}${env:B:-x}").variables(),
            vec![("A".to_string(), false), ("B".to_string(), true)]
        );
    }

    #[test]
    fn secrets_never_print() {
        let s = Secret::new("hunter2");
        assert_eq!(format!("{s} {s:?}"), "*** ***");
        assert_eq!(s.expose(), "hunter2");
    }
}
