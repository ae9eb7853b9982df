//! Constructs of other languages that people type in Deluge: JavaScript's
//! `===`, SQL's `<>`, Python's `**`, C's `while` and counting `for`, ...
//!
//! Each is reported once, as E118, saying what Deluge writes instead, and
//! parsing goes on as if the Deluge form had been written, so one habit
//! costs one diagnostic rather than a cascade. The operators are fixed up
//! here, right after lexing; the statements in `parser/foreign.rs`.

use crate::diagnostic::{Diagnostic, codes};
use crate::span::Span;
use crate::token::Token;

/// The E118 diagnostic: `what` Deluge does not have, and how it is written.
pub(crate) fn diagnostic(what: &str, at: Span, help: &str) -> Diagnostic {
    Diagnostic::error(codes::FOREIGN_CONSTRUCT, format!("Deluge has no {what}"))
        .with_primary(at, "not Deluge")
        .with_help(help.to_owned())
}

/// An operator of another language written as two adjacent Deluge tokens,
/// the one token it stands for, and the advice.
struct Merge {
    first: Token<'static>,
    second: Token<'static>,
    becomes: Token<'static>,
    what: &'static str,
    help: &'static str,
}

const MERGES: &[Merge] = &[
    Merge {
        first: Token::EqEq,
        second: Token::Assign,
        becomes: Token::EqEq,
        what: "`===` operator",
        help: "compare with `==` (text with text, numbers with numbers)",
    },
    Merge {
        first: Token::NotEq,
        second: Token::Assign,
        becomes: Token::NotEq,
        what: "`!==` operator",
        help: "compare with `!=`",
    },
    Merge {
        first: Token::Lt,
        second: Token::Gt,
        becomes: Token::NotEq,
        what: "`<>` operator",
        help: "write `!=` for \"not equal\"",
    },
    Merge {
        first: Token::Star,
        second: Token::Star,
        becomes: Token::Star,
        what: "`**` operator",
        help: "raise to a power with `x.power(n)`",
    },
];

/// Replaces each adjacent pair of [`MERGES`] by the token it stands for,
/// with one diagnostic.
pub(crate) fn merge_operators(
    tokens: &mut Vec<(Token<'_>, Span)>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    // Nearly every script has none: check before rebuilding the vector.
    let found = |pair: &[(Token<'_>, Span)]| {
        MERGES.iter().find(|m| {
            pair[0].0 == m.first && pair[1].0 == m.second && pair[0].1.end == pair[1].1.start
        })
    };
    if !tokens.windows(2).any(|pair| found(pair).is_some()) {
        return;
    }
    let mut out = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        if let Some(merge) = tokens.get(i..i + 2).and_then(found) {
            let at = Span::new(tokens[i].1.start, tokens[i + 1].1.end);
            diagnostics.push(diagnostic(merge.what, at, merge.help));
            out.push((merge.becomes, at));
            i += 2;
        } else {
            out.push(tokens[i]);
            i += 1;
        }
    }
    *tokens = out;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexer::lex;

    #[test]
    fn adjacent_pairs_become_one_token_and_one_diagnostic() {
        let lexed = lex("a === b; c !== d; e <> f; g ** 2; h = = i;");
        let codes: Vec<_> = lexed.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, vec![codes::FOREIGN_CONSTRUCT; 4]);
        let kinds: Vec<_> = lexed.tokens.iter().map(|(t, _)| *t).collect();
        assert_eq!(kinds[1], Token::EqEq);
        assert_eq!(lexed.tokens[1].1, Span::new(2, 5));
        assert_eq!(kinds[5], Token::NotEq);
        assert_eq!(kinds[9], Token::NotEq);
        assert_eq!(kinds[13], Token::Star);
        // `= =` with a space is two tokens, and Deluge's own error.
        assert_eq!(kinds[17], Token::Assign);
    }
}
