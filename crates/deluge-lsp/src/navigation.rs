//! Go to definition, find references and highlights of variables and user
//! functions, and the document outline.

use crate::document::Document;
use crate::index::Access;
use deluge_syntax::Span;
use lsp_types::{
    DocumentHighlight, DocumentHighlightKind, DocumentSymbol, Location, Position, SymbolKind, Uri,
};

/// Where the variable or function at `position` is defined.
pub fn definition(doc: &Document, uri: &Uri, position: Position) -> Option<Location> {
    let index = doc.index();
    let occurrence = index.at(doc.offset(position))?;
    let span = index.definition(&occurrence.symbol)?;
    Some(Location::new(uri.clone(), doc.range(span)))
}

/// Every occurrence of the variable or function at `position`.
pub fn references(
    doc: &Document,
    uri: &Uri,
    position: Position,
    include_declaration: bool,
) -> Vec<Location> {
    spans(doc, position)
        .into_iter()
        .filter(|(_, access)| include_declaration || *access != Access::Definition)
        .map(|(span, _)| Location::new(uri.clone(), doc.range(span)))
        .collect()
}

/// The occurrences of the symbol at `position`, marked as reads or writes.
pub fn highlights(doc: &Document, position: Position) -> Vec<DocumentHighlight> {
    spans(doc, position)
        .into_iter()
        .map(|(span, access)| DocumentHighlight {
            range: doc.range(span),
            kind: Some(match access {
                Access::Read => DocumentHighlightKind::READ,
                Access::Definition | Access::Write => DocumentHighlightKind::WRITE,
            }),
        })
        .collect()
}

fn spans(doc: &Document, position: Position) -> Vec<(Span, Access)> {
    let index = doc.index();
    let Some(occurrence) = index.at(doc.offset(position)) else {
        return Vec::new();
    };
    index
        .occurrences_of(&occurrence.symbol)
        .map(|o| (o.span, o.access))
        .collect()
}

/// The functions of the file; for a bare script, its variables.
pub fn symbols(doc: &Document) -> Vec<DocumentSymbol> {
    let index = doc.index();
    if !index.functions.is_empty() {
        return index
            .functions
            .iter()
            .map(|f| {
                let detail = doc.text[f.header_span.range()].to_string();
                symbol(
                    doc,
                    &f.full_name,
                    Some(detail),
                    SymbolKind::FUNCTION,
                    f.span,
                    f.name_span,
                )
            })
            .collect();
    }
    let Some(script) = index.scopes.first() else {
        return Vec::new();
    };
    script
        .variables
        .iter()
        .filter_map(|v| {
            let at = v.definition?;
            let detail = v.kind_at(usize::MAX).map(|k| k.label().to_string());
            Some(symbol(doc, &v.name, detail, SymbolKind::VARIABLE, at, at))
        })
        .collect()
}

#[allow(deprecated)] // `deprecated` is a required field of the struct
fn symbol(
    doc: &Document,
    name: &str,
    detail: Option<String>,
    kind: SymbolKind,
    span: Span,
    name_span: Span,
) -> DocumentSymbol {
    DocumentSymbol {
        name: name.to_string(),
        detail,
        kind,
        tags: None,
        deprecated: None,
        range: doc.range(span),
        selection_range: doc.range(name_span),
        children: None,
    }
}

#[cfg(test)]
#[path = "navigation_tests.rs"]
mod tests;
