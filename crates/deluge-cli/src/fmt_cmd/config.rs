//! The layout options of `deluge fmt`: the defaults, changed by the
//! `"fmt"` entry of the project file, changed by the flags.
//!
//! ```json
//! {"fmt": {"line_width": 100, "indent": "tab"}}
//! ```

use crate::cli::{FmtArgs, MAX_INDENT};
use crate::color::Choice;
use crate::project::{Entry, ProjectFile};
use deluge_fmt::{FmtOptions, Indent};
use deluge_syntax::{Diagnostic, render};
use std::path::Path;

/// The options for this run. `Err` holds the message to print: the
/// project file cannot be read, or an entry of it is wrong.
pub fn options(args: &FmtArgs, color: Choice) -> Result<FmtOptions, String> {
    let mut options = FmtOptions::default();
    let folder = std::env::current_dir().map_err(|e| format!("deluge: no current folder: {e}"))?;
    let project = ProjectFile::find(&folder).map_err(|message| format!("deluge: {message}"))?;
    if let Some(project) = &project {
        apply_project(project, &mut options)
            .map_err(|d| render::report(&d, &project.name(), &project.text, color.stderr()))?;
    }
    flags(args, &mut options);
    Ok(options)
}

/// The options the project file nearest to `folder` sets (the defaults
/// when there is none), for a file of that folder formatted from an
/// editor. `Err` is a one-line message naming the project file, line and
/// column.
pub fn for_folder(folder: &Path) -> Result<FmtOptions, String> {
    let mut options = FmtOptions::default();
    if let Some(project) = ProjectFile::find(folder)? {
        let name = folder.join(&project.path).display().to_string();
        apply_project(&project, &mut options)
            .map_err(|d| render::short(&d, &name, &project.text))?;
    }
    Ok(options)
}

/// The flags override the project file.
fn flags(args: &FmtArgs, options: &mut FmtOptions) {
    if let Some(width) = args.line_width {
        options.line_width = width as usize;
    }
    if let Some(indent) = args.indent {
        options.indent = indent;
    }
}

/// Applies the project file's `"fmt"` entry, if it has one. Its other
/// entries belong to other commands.
fn apply_project(project: &ProjectFile, options: &mut FmtOptions) -> Result<(), Diagnostic> {
    let Some(fmt) = project.entry("fmt")? else {
        return Ok(());
    };
    for (key, value) in project.object(&fmt, "the `fmt` entry")? {
        match key.as_str() {
            "line_width" => options.line_width = line_width(project, &value)?,
            "indent" => options.indent = indent(project, &value)?,
            _ => {
                return Err(project
                    .error(
                        &value,
                        format!("unknown `fmt` option `{key}`"),
                        "the value of an unknown option",
                    )
                    .with_help("the options of `fmt` are `line_width` and `indent`"));
            }
        }
    }
    Ok(())
}

fn line_width(project: &ProjectFile, value: &Entry<'_>) -> Result<usize, Diagnostic> {
    match serde_json::from_str::<u32>(value.raw) {
        Ok(width) if width >= 1 => Ok(width as usize),
        _ => Err(project.error(
            value,
            "`line_width` must be a whole number of at least 1".to_owned(),
            "expected a number such as 120",
        )),
    }
}

fn indent(project: &ProjectFile, value: &Entry<'_>) -> Result<Indent, Diagnostic> {
    let indent = match serde_json::from_str::<serde_json::Value>(value.raw) {
        Ok(serde_json::Value::String(s)) if s.eq_ignore_ascii_case("tab") => Some(Indent::Tab),
        Ok(serde_json::Value::Number(n)) => n
            .as_u64()
            .and_then(|n| usize::try_from(n).ok())
            .filter(|n| (1..=MAX_INDENT).contains(n))
            .map(Indent::Spaces),
        _ => None,
    };
    indent.ok_or_else(|| {
        project.error(
            value,
            format!("`indent` must be \"tab\" or a number of spaces from 1 to {MAX_INDENT}"),
            "expected \"tab\" or a number such as 4",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn apply(text: &str) -> Result<FmtOptions, Diagnostic> {
        let project = ProjectFile {
            path: PathBuf::from("deluge.json"),
            text: text.to_owned(),
        };
        let mut options = FmtOptions::default();
        apply_project(&project, &mut options).map(|()| options)
    }

    #[test]
    fn the_fmt_entry_sets_the_options_and_other_entries_are_ignored() {
        let options =
            apply(r#"{"connections": {"x": 1}, "fmt": {"line_width": 100, "indent": 2}}"#)
                .expect("valid");
        assert_eq!(options.line_width, 100);
        assert_eq!(options.indent, Indent::Spaces(2));
        assert_eq!(
            apply(r#"{"test": []}"#).expect("valid"),
            FmtOptions::default()
        );
        let tab = apply(r#"{"fmt": {"indent": "tab"}}"#).expect("valid");
        assert_eq!(tab.indent, Indent::Tab);
    }

    #[test]
    fn wrong_values_point_at_the_value() {
        for (text, wrong) in [
            (r#"{"fmt": {"indent": 0}}"#, "0"),
            (r#"{"fmt": {"indent": "spaces"}}"#, "\"spaces\""),
            (r#"{"fmt": {"line_width": -3}}"#, "-3"),
            (r#"{"fmt": {"line-width": 80}}"#, "80"),
            (r#"{"fmt": [1]}"#, "[1]"),
        ] {
            let err = apply(text).expect_err("an error");
            assert_eq!(&text[err.primary_span().range()], wrong, "{text}");
        }
    }
}
