//! `deluge check` diagnostics as LSP diagnostics: the same code and
//! message, the primary label's span as the range, secondary labels as
//! related information, and the help and notes after the message.

use crate::document::Document;
use deluge_syntax::{Diagnostic, Severity};
use lsp_types::{
    DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
    PublishDiagnosticsParams, Uri,
};

/// The notification payload for one document.
pub fn publish(uri: &Uri, doc: &Document) -> PublishDiagnosticsParams {
    PublishDiagnosticsParams {
        uri: uri.clone(),
        diagnostics: doc
            .diagnostics
            .iter()
            .map(|d| convert(uri, doc, d))
            .collect(),
        version: Some(doc.version),
    }
}

fn convert(uri: &Uri, doc: &Document, diagnostic: &Diagnostic) -> lsp_types::Diagnostic {
    let mut message = diagnostic.message.clone();
    if let Some(label) = diagnostic
        .labels
        .iter()
        .find(|l| l.primary)
        .and_then(|l| l.message.as_ref())
    {
        message.push_str(&format!("\n{label}"));
    }
    for note in &diagnostic.notes {
        message.push_str(&format!("\nnote: {note}"));
    }
    if let Some(help) = &diagnostic.help {
        message.push_str(&format!("\nhelp: {help}"));
    }
    let related: Vec<_> = diagnostic
        .labels
        .iter()
        .filter(|l| !l.primary)
        .map(|l| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), doc.range(l.span)),
            message: l.message.clone().unwrap_or_default(),
        })
        .collect();
    lsp_types::Diagnostic {
        range: doc.range(diagnostic.primary_span()),
        severity: Some(match diagnostic.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
        }),
        code: Some(NumberOrString::String(diagnostic.code.to_string())),
        source: Some("deluge".into()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        ..lsp_types::Diagnostic::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_types::Position;

    fn uri() -> Uri {
        "file:///a.dg".parse().expect("uri")
    }

    #[test]
    fn code_message_and_utf16_range() {
        // W201: a variable read but never assigned (docs/errors.md).
        let doc = Document::new("s = \"😀\" + missing;".into(), 1);
        let params = publish(&uri(), &doc);
        assert_eq!(params.version, Some(1));
        let [d] = &params.diagnostics[..] else {
            panic!("one diagnostic: {:?}", params.diagnostics)
        };
        assert_eq!(d.code, Some(NumberOrString::String("W201".into())));
        assert_eq!(d.severity, Some(DiagnosticSeverity::WARNING));
        assert!(
            d.message
                .starts_with("variable `missing` is never assigned\n")
        );
        // The emoji counts two UTF-16 units: `missing` starts at unit 11.
        assert_eq!(d.range.start, Position::new(0, 11));
        assert_eq!(d.range.end, Position::new(0, 18));
    }

    #[test]
    fn help_follows_the_message() {
        let doc = Document::new("x = \"a\".lenght();".into(), 1);
        let params = publish(&uri(), &doc);
        let d = &params.diagnostics[0];
        assert_eq!(d.code, Some(NumberOrString::String("W206".into())));
        assert!(
            d.message.ends_with("help: did you mean `length`?"),
            "{}",
            d.message
        );
    }
}
