//! The one renderer for diagnostics: a full ariadne report, a one-line
//! form, and JSON. Syntax, static-check and runtime diagnostics all go
//! through here.

use crate::diagnostic::{Diagnostic, Severity};
use crate::span::{LineIndex, Span};
use ariadne::{CharSet, Color, Config, IndexType, Label, Report, ReportKind, Source};
use serde_json::{Value, json};

/// A full report: code, message, file name, line and column, the source
/// lines with each label underlined, then notes and help. ANSI colour only
/// when `color` is true.
pub fn report(diag: &Diagnostic, path: &str, source: &str, color: bool) -> String {
    let clamp = |s: Span| {
        let start = s.start.min(source.len());
        start..s.end.clamp(start, source.len())
    };
    let kind = match diag.severity {
        Severity::Error => ReportKind::Error,
        Severity::Warning => ReportKind::Warning,
    };
    let config = Config::default()
        .with_index_type(IndexType::Byte)
        .with_color(color)
        .with_char_set(CharSet::Unicode);
    let primary = clamp(diag.primary_span());
    let mut builder = Report::build(kind, (path, primary))
        .with_config(config)
        .with_code(diag.code)
        .with_message(&diag.message);
    // ariadne starts a new block whenever a label's line goes backwards,
    // so labels are given in source order.
    let mut labels: Vec<_> = diag.labels.iter().collect();
    labels.sort_by_key(|l| (l.span.start, l.span.end));
    for label in labels {
        let mut l =
            Label::new((path, clamp(label.span))).with_priority(if label.primary { 1 } else { 0 });
        if let Some(m) = &label.message {
            l = l.with_message(m);
        }
        if color {
            l = l.with_color(if label.primary {
                Color::Red
            } else {
                Color::Blue
            });
        }
        builder = builder.with_label(l);
    }
    for note in &diag.notes {
        builder = builder.with_note(note);
    }
    if let Some(help) = &diag.help {
        builder = builder.with_help(help);
    }
    let mut out = Vec::new();
    let written = builder
        .finish()
        .write((path, Source::from(source)), &mut out);
    match written {
        Ok(()) => String::from_utf8_lossy(&out).into_owned(),
        // Writing to a Vec cannot fail; keep a readable fallback anyway.
        Err(_) => format!("{}\n", short(diag, path, source)),
    }
}

/// `path:line:col: error[E102]: message`, one line, no trailing newline.
pub fn short(diag: &Diagnostic, path: &str, source: &str) -> String {
    let index = LineIndex::new(source);
    let (line, col) = index.line_col(source, diag.primary_span().start.min(source.len()));
    format!(
        "{path}:{line}:{col}: {}[{}]: {}",
        diag.severity.as_str(),
        diag.code,
        diag.message
    )
}

/// Diagnostics as a JSON array; the shape is documented in `docs/errors.md`.
pub fn json(diags: &[Diagnostic], path: &str, source: &str) -> Value {
    let index = LineIndex::new(source);
    let position = |offset: usize| index.line_col(source, offset.min(source.len()));
    let items = diags
        .iter()
        .map(|d| {
            let span = d.primary_span();
            let (line, column) = position(span.start);
            let (end_line, end_column) = position(span.end);
            let labels: Vec<Value> = d
                .labels
                .iter()
                .map(|l| {
                    let (line, column) = position(l.span.start);
                    let (end_line, end_column) = position(l.span.end);
                    json!({
                        "message": l.message,
                        "primary": l.primary,
                        "start": l.span.start,
                        "end": l.span.end,
                        "line": line,
                        "column": column,
                        "end_line": end_line,
                        "end_column": end_column,
                    })
                })
                .collect();
            json!({
                "path": path,
                "code": d.code,
                "severity": d.severity.as_str(),
                "message": d.message,
                "line": line,
                "column": column,
                "end_line": end_line,
                "end_column": end_column,
                "start": span.start,
                "end": span.end,
                "labels": labels,
                "notes": d.notes,
                "help": d.help,
            })
        })
        .collect();
    Value::Array(items)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::codes;

    fn sample() -> (Diagnostic, &'static str) {
        let src = "x = 1\ny = 2;\n";
        let d = Diagnostic::error(codes::MISSING_SEMICOLON, "missing `;`")
            .with_primary(Span::point(5), "expected `;` here")
            .with_help("add it");
        (d, src)
    }

    #[test]
    fn short_form_has_position_and_code() {
        let (d, src) = sample();
        assert_eq!(short(&d, "a.dg", src), "a.dg:1:6: error[E102]: missing `;`");
    }

    #[test]
    fn report_has_no_colour_unless_asked() {
        let (d, src) = sample();
        let plain = report(&d, "a.dg", src, false);
        assert!(!plain.contains('\u{1b}'));
        assert!(plain.contains("E102"));
        assert!(plain.contains("a.dg:1:6"));
        assert!(plain.contains("add it"));
        assert!(report(&d, "a.dg", src, true).contains('\u{1b}'));
    }

    #[test]
    fn json_has_positions_and_offsets() {
        let (d, src) = sample();
        let v = json(&[d], "a.dg", src);
        assert_eq!(v[0]["code"], "E102");
        assert_eq!(v[0]["line"], 1);
        assert_eq!(v[0]["column"], 6);
        assert_eq!(v[0]["start"], 5);
        assert_eq!(v[0]["labels"][0]["primary"], true);
        assert_eq!(v[0]["help"], "add it");
    }
}
