//! The project file, `deluge.json`, in the current folder or the nearest
//! parent. It is one JSON object; each feature reads its own top-level
//! entry (`"fmt"`, ...) and leaves the others alone.
//!
//! Entries come back with their place in the file, so a bad value is
//! reported like a syntax error: file, line, column and the line itself.

use deluge_syntax::{Diagnostic, Span, codes};
use serde_json::value::RawValue;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = "deluge.json";

/// A project file read into memory.
pub struct ProjectFile {
    /// The path as messages show it: relative to the folder it was looked
    /// for from (`deluge.json`, `../deluge.json`).
    pub path: PathBuf,
    pub text: String,
}

/// A JSON value of the project file: its text and where it is.
#[derive(Debug)]
pub struct Entry<'t> {
    pub raw: &'t str,
    pub span: Span,
}

impl ProjectFile {
    /// The project file of `folder`: its own `deluge.json` or the nearest
    /// parent's; `None` when there is none.
    pub fn find(folder: &Path) -> Result<Option<ProjectFile>, String> {
        let Some((up, dir)) = folder
            .ancestors()
            .enumerate()
            .find(|(_, dir)| dir.join(FILE_NAME).is_file())
        else {
            return Ok(None);
        };
        let text = crate::source::read(&dir.join(FILE_NAME))?;
        let mut path: PathBuf = std::iter::repeat_n("..", up).collect();
        path.push(FILE_NAME);
        Ok(Some(ProjectFile { path, text }))
    }

    pub fn name(&self) -> String {
        crate::source::name(&self.path)
    }

    /// The top-level entry `key`, if the file has it.
    pub fn entry(&self, key: &str) -> Result<Option<Entry<'_>>, Diagnostic> {
        let whole = Entry {
            raw: &self.text,
            span: Span::new(0, self.text.len()),
        };
        let mut top = self.object(&whole, "the project file")?;
        Ok(top.remove(key))
    }

    /// The members of an object entry; `what` names it in the error.
    pub fn object<'t>(
        &'t self,
        entry: &Entry<'t>,
        what: &str,
    ) -> Result<BTreeMap<String, Entry<'t>>, Diagnostic> {
        let members: BTreeMap<String, &'t RawValue> =
            serde_json::from_str(entry.raw).map_err(|e| self.json_error(entry, what, &e))?;
        Ok(members
            .into_iter()
            .map(|(key, raw)| {
                let raw = raw.get();
                let span = self.span_of(raw);
                (key, Entry { raw, span })
            })
            .collect())
    }

    /// An error about `entry`, pointing at it.
    pub fn error(&self, entry: &Entry<'_>, message: String, label: &str) -> Diagnostic {
        Diagnostic::error(codes::BAD_PROJECT_FILE, message).with_primary(entry.span, label)
    }

    fn json_error(&self, entry: &Entry<'_>, what: &str, e: &serde_json::Error) -> Diagnostic {
        if e.is_data() {
            return self.error(
                entry,
                format!("{what} must be a JSON object"),
                "not an object",
            );
        }
        // serde_json counts lines and columns from 1 within the entry.
        let inner = line_column_offset(entry.raw, e.line(), e.column());
        let at = (entry.span.start + inner).min(self.text.len());
        let message = e.to_string();
        let message = message
            .split(" at line ")
            .next()
            .unwrap_or(&message)
            .to_owned();
        Diagnostic::error(
            codes::BAD_PROJECT_FILE,
            format!("{} is not valid JSON: {message}", self.name()),
        )
        .with_primary(Span::point(at), "here")
    }

    /// Where `part`, a slice of the file's text, lies in it.
    fn span_of(&self, part: &str) -> Span {
        let start = (part.as_ptr() as usize).checked_sub(self.text.as_ptr() as usize);
        match start {
            Some(start) if start + part.len() <= self.text.len() => {
                Span::new(start, start + part.len())
            }
            _ => Span::point(0),
        }
    }
}

/// The byte offset of a 1-based line and column in `text`, kept on a
/// character boundary.
fn line_column_offset(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let mut at = (line_start + column.saturating_sub(1)).min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> ProjectFile {
        ProjectFile {
            path: PathBuf::from(FILE_NAME),
            text: text.to_owned(),
        }
    }

    #[test]
    fn entries_know_where_they_are() {
        let project = file("{\"other\": [1, 2],\n \"fmt\": {\"indent\": 4}}");
        let fmt = project
            .entry("fmt")
            .expect("an object")
            .expect("an fmt entry");
        assert_eq!(fmt.raw, "{\"indent\": 4}");
        let members = project.object(&fmt, "`fmt`").expect("an object");
        let indent = &members["indent"];
        assert_eq!(&project.text[indent.span.range()], "4");
        assert!(project.entry("test").expect("an object").is_none());
    }

    #[test]
    fn broken_json_is_reported_where_it_breaks() {
        let project = file("{\n  \"fmt\": {\"indent\": 4,}\n}");
        let err = project.entry("fmt").expect_err("an error");
        assert_eq!(err.code, codes::BAD_PROJECT_FILE);
        assert!(err.message.contains("is not valid JSON"), "{}", err.message);
        let at = err.primary_span().start;
        assert_eq!(&project.text[at..at + 1], "}");
    }

    #[test]
    fn a_file_that_is_not_an_object_is_an_error() {
        let err = file("[1]").entry("fmt").expect_err("an error");
        assert!(err.message.contains("must be a JSON object"));
    }
}
