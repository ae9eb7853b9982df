//! The layout options of `deluge fmt`: the defaults, changed by the
//! `"fmt"` section of the project file, changed by the flags.
//!
//! ```json
//! {"fmt": {"line_width": 100, "indent": "tab"}}
//! ```

use crate::cli::{FmtArgs, MAX_INDENT};
use crate::color::Choice;
use crate::project::Project;
use deluge_connect::json_file::ConfigFileError;
use deluge_fmt::{FmtOptions, Indent};
use serde::Deserialize;
use serde::de::{self, Deserializer};
use std::path::Path;

/// The `fmt` section. Range checks happen while deserializing, so a wrong
/// value is reported at its own line and column.
#[derive(Deserialize, Debug, Default)]
#[serde(deny_unknown_fields)]
struct FmtSection {
    #[serde(default, deserialize_with = "line_width")]
    line_width: Option<usize>,
    #[serde(default, deserialize_with = "indent")]
    indent: Option<Indent>,
}

/// The options for this run. `Err` holds the report to print: the
/// project file cannot be read, or its `fmt` section is wrong.
pub fn options(args: &FmtArgs, color: Choice) -> Result<FmtOptions, String> {
    let folder = std::env::current_dir().map_err(|e| format!("deluge: no current folder: {e}"))?;
    let mut options = from_project(&folder).map_err(|e| e.render(color.stderr()))?;
    if let Some(width) = args.line_width {
        options.line_width = width as usize;
    }
    if let Some(indent) = args.indent {
        options.indent = indent;
    }
    Ok(options)
}

/// The options the project file nearest to `folder` sets (the defaults
/// when there is none), for a file of that folder formatted from an
/// editor. `Err` is a one-line message naming the file, line and column.
// Called by the language server's formatting request.
#[allow(dead_code)]
pub fn for_folder(folder: &Path) -> Result<FmtOptions, String> {
    from_project(folder).map_err(|e| e.to_string())
}

fn from_project(folder: &Path) -> Result<FmtOptions, ConfigFileError> {
    let mut options = FmtOptions::default();
    let Some(project) = Project::discover(folder)? else {
        return Ok(options);
    };
    let section: FmtSection = project.section("fmt")?.unwrap_or_default();
    if let Some(width) = section.line_width {
        options.line_width = width;
    }
    if let Some(indent) = section.indent {
        options.indent = indent;
    }
    Ok(options)
}

fn line_width<'de, D: Deserializer<'de>>(d: D) -> Result<Option<usize>, D::Error> {
    match u32::deserialize(d) {
        Ok(width) if width >= 1 => Ok(Some(width as usize)),
        _ => Err(de::Error::custom(
            "`line_width` must be a whole number of at least 1, such as 120",
        )),
    }
}

fn indent<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Indent>, D::Error> {
    let value = serde_json::Value::deserialize(d)?;
    let indent = match &value {
        serde_json::Value::String(s) if s.eq_ignore_ascii_case("tab") => Some(Indent::Tab),
        serde_json::Value::Number(n) => n
            .as_u64()
            .and_then(|n| usize::try_from(n).ok())
            .filter(|n| (1..=MAX_INDENT).contains(n))
            .map(Indent::Spaces),
        _ => None,
    };
    indent.map(Some).ok_or_else(|| {
        de::Error::custom(format!(
            "`indent` must be \"tab\" or a number of spaces from 1 to {MAX_INDENT}"
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(text: &str) -> Result<FmtOptions, ConfigFileError> {
        let dir = std::env::temp_dir().join(format!(
            "deluge-fmt-config-{}-{}",
            std::process::id(),
            name_of(text)
        ));
        std::fs::create_dir_all(&dir).expect("a temporary folder");
        std::fs::write(dir.join("deluge.json"), text).expect("a project file");
        let result = from_project(&dir);
        let _ = std::fs::remove_dir_all(&dir);
        result
    }

    /// A folder name per text, so tests running at once do not collide.
    fn name_of(text: &str) -> u64 {
        text.bytes()
            .fold(7u64, |h, b| h.wrapping_mul(31).wrapping_add(b as u64))
    }

    #[test]
    fn the_fmt_section_sets_the_options() {
        let options = apply(r#"{"fmt": {"line_width": 100, "indent": 2}}"#).expect("valid");
        assert_eq!(options.line_width, 100);
        assert_eq!(options.indent, Indent::Spaces(2));
        let tab = apply(r#"{"fmt": {"indent": "tab"}}"#).expect("valid");
        assert_eq!(tab.indent, Indent::Tab);
        assert_eq!(apply(r#"{}"#).expect("valid"), FmtOptions::default());
    }

    #[test]
    fn wrong_values_are_located_errors() {
        for (text, line) in [
            ("{\"fmt\": {\n\"indent\": 0}}", 2),
            ("{\"fmt\": {\n\"indent\": \"spaces\"}}", 2),
            ("{\"fmt\": {\n\"line_width\": -3}}", 2),
            ("{\"fmt\": {\n\"line-width\": 80}}", 2),
        ] {
            let err = apply(text).expect_err("an error");
            let shown = err.to_string();
            assert!(shown.contains(&format!(":{line}:")), "{text}: {shown}");
        }
    }
}
