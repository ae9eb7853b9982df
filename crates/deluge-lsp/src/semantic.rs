//! Semantic tokens: the lexical classes of the text (keywords, literals,
//! comments, operators), with each identifier classed by what the index
//! says it names: a variable or parameter, a user function or its category,
//! a built-in method or function, a `zoho.*` name, a task key, a type.

use crate::document::Document;
use crate::index::{Access, Index, Occurrence, Symbol};
use crate::position::utf16_len;
use deluge_syntax::Span;
use deluge_syntax::lexical::{TokenClass, classify};
use lsp_types::{
    SemanticToken, SemanticTokenModifier, SemanticTokenType, SemanticTokens, SemanticTokensLegend,
};

/// The token types, in legend order.
const TYPES: &[SemanticTokenType] = &[
    SemanticTokenType::NAMESPACE,
    SemanticTokenType::TYPE,
    SemanticTokenType::PARAMETER,
    SemanticTokenType::VARIABLE,
    SemanticTokenType::PROPERTY,
    SemanticTokenType::FUNCTION,
    SemanticTokenType::METHOD,
    SemanticTokenType::KEYWORD,
    SemanticTokenType::COMMENT,
    SemanticTokenType::STRING,
    SemanticTokenType::NUMBER,
    SemanticTokenType::OPERATOR,
];

/// The modifiers, in legend order (bit `i` is modifier `i`).
const MODIFIERS: &[SemanticTokenModifier] = &[
    SemanticTokenModifier::DECLARATION,
    SemanticTokenModifier::DEFAULT_LIBRARY,
    SemanticTokenModifier::READONLY,
];

const DECLARATION: u32 = 1;
const LIBRARY: u32 = 2;
const READONLY: u32 = 4;

pub fn legend() -> SemanticTokensLegend {
    SemanticTokensLegend {
        token_types: TYPES.to_vec(),
        token_modifiers: MODIFIERS.to_vec(),
    }
}

fn type_index(ty: &SemanticTokenType) -> u32 {
    TYPES.iter().position(|t| t == ty).unwrap_or(0) as u32
}

pub fn tokens(doc: &Document) -> SemanticTokens {
    let index = doc.index();
    // Names never nest, so one pass over them in order finds each
    // identifier's occurrence.
    let mut names = index
        .occurrences
        .iter()
        .filter(|o| !matches!(o.symbol, Symbol::Literal { .. }))
        .peekable();
    let mut encoder = Encoder::new(doc);
    for (span, class) in classify(&doc.text) {
        let kind = match class {
            TokenClass::Identifier => {
                while names.next_if(|o| o.span.end < span.end).is_some() {}
                names
                    .peek()
                    .filter(|o| o.span.start <= span.start)
                    .and_then(|o| identifier(index, o, span))
            }
            TokenClass::Keyword => Some((SemanticTokenType::KEYWORD, 0)),
            TokenClass::Text => Some((SemanticTokenType::STRING, 0)),
            TokenClass::Number => Some((SemanticTokenType::NUMBER, 0)),
            TokenClass::Comment => Some((SemanticTokenType::COMMENT, 0)),
            TokenClass::Operator => Some((SemanticTokenType::OPERATOR, 0)),
            TokenClass::Punctuation | TokenClass::Invalid => None,
        };
        if let Some((ty, modifiers)) = kind {
            encoder.push(span, type_index(&ty), modifiers);
        }
    }
    SemanticTokens {
        result_id: None,
        data: encoder.data,
    }
}

/// The type and modifiers of the identifier at `span`, part of `o`.
fn identifier(index: &Index, o: &Occurrence, span: Span) -> Option<(SemanticTokenType, u32)> {
    let declared = if o.access == Access::Definition {
        DECLARATION
    } else {
        0
    };
    // In `standalone.notify` or `zoho.crm.getRecords` only the last word is
    // the function; the words before it are namespaces.
    let last = span.end == o.span.end;
    Some(match &o.symbol {
        Symbol::Variable { scope, variable } => {
            let var = index.variable(*scope, *variable)?;
            match var.parameter_type {
                Some(_) => (SemanticTokenType::PARAMETER, declared),
                None => (SemanticTokenType::VARIABLE, declared),
            }
        }
        Symbol::Function(_) if last => (SemanticTokenType::FUNCTION, declared),
        Symbol::Method { .. } => (SemanticTokenType::METHOD, LIBRARY),
        Symbol::Builtin { .. } => (SemanticTokenType::FUNCTION, LIBRARY),
        Symbol::Zoho { call: true, .. } if last => (SemanticTokenType::FUNCTION, LIBRARY),
        Symbol::Zoho { .. } if last => (SemanticTokenType::VARIABLE, LIBRARY | READONLY),
        Symbol::Function(_) | Symbol::Zoho { .. } => (SemanticTokenType::NAMESPACE, 0),
        Symbol::Pseudo { .. } => (SemanticTokenType::VARIABLE, LIBRARY | READONLY),
        Symbol::TaskKey { .. } | Symbol::Property => (SemanticTokenType::PROPERTY, 0),
        Symbol::Type => (SemanticTokenType::TYPE, 0),
        Symbol::Literal { .. } => return None,
    })
}

/// Encodes tokens as the protocol's relative five-number groups, one line
/// at a time (a token across lines, such as a block comment, is split).
struct Encoder<'a> {
    doc: &'a Document,
    data: Vec<SemanticToken>,
    /// Line, UTF-16 column and byte offset of the previous token's start.
    line: u32,
    column: u32,
    offset: usize,
}

impl<'a> Encoder<'a> {
    fn new(doc: &'a Document) -> Encoder<'a> {
        Encoder {
            doc,
            data: Vec::new(),
            line: 0,
            column: 0,
            offset: 0,
        }
    }

    fn push(&mut self, span: Span, token_type: u32, modifiers: u32) {
        let lines = &self.doc.lines;
        let text = &self.doc.text;
        let (first, last) = (lines.line_of(span.start), lines.line_of(span.end));
        for line in first..=last {
            let start = lines.line_start(line).unwrap_or(0).max(span.start);
            let end = lines.content_end(text, line).min(span.end);
            if start < end {
                self.piece(line as u32, Span::new(start, end), token_type, modifiers);
            }
        }
    }

    fn piece(&mut self, line: u32, span: Span, token_type: u32, modifiers: u32) {
        let text = &self.doc.text;
        let column = if line == self.line {
            self.column + utf16_len(&text[self.offset..span.start]) as u32
        } else {
            let line_start = self.doc.lines.line_start(line as usize).unwrap_or(0);
            utf16_len(&text[line_start..span.start]) as u32
        };
        self.data.push(SemanticToken {
            delta_line: line - self.line,
            delta_start: if line == self.line {
                column - self.column
            } else {
                column
            },
            length: utf16_len(&text[span.range()]) as u32,
            token_type,
            token_modifiers_bitset: modifiers,
        });
        (self.line, self.column, self.offset) = (line, column, span.start);
    }
}

#[cfg(test)]
#[path = "semantic_tests.rs"]
mod tests;
