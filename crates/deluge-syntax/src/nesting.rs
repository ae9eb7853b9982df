//! The nesting guard: keeps pathological input away from every recursive
//! stage after the lexer.
//!
//! The parser, the evaluator and even dropping the tree recurse once per
//! level of nesting. Real scripts nest a handful of levels, but a file of
//! 10,000 `(` or a chain of 100,000 `+` must give a clear error, not a stack
//! overflow. So before parsing, this pass looks for
//!
//! - brackets nested deeper than [`MAX_DEPTH`], and
//! - more than [`MAX_OPERATORS`] operator or `.` tokens within one
//!   statement or one list element (each adds a level to the tree),
//!
//! reports each offending region once (E114) and replaces it by a single
//! [`Token::Skipped`], which the parser accepts quietly as an operand or a
//! statement.

use crate::diagnostic::{Diagnostic, codes};
use crate::span::Span;
use crate::token::Token;

/// Deepest bracket nesting accepted.
pub const MAX_DEPTH: usize = 256;
/// Most operator and `.` tokens accepted in one expression segment.
pub const MAX_OPERATORS: usize = 2000;

/// One open bracket level (the file itself is the bottom level).
struct Level {
    /// Operators counted in the current segment, nested groups included.
    count: usize,
    /// The largest count of an earlier segment at this level.
    max: usize,
    /// Index in the output where the current segment starts.
    segment_start: usize,
    /// A `{ }` block or a task block's `[ ]`: its end ends a statement.
    block: bool,
}

impl Level {
    fn new(segment_start: usize, block: bool) -> Self {
        Level {
            count: 0,
            max: 0,
            segment_start,
            block,
        }
    }

    fn depth_of_tree(&self) -> usize {
        self.max.max(self.count)
    }

    fn restart(&mut self, segment_start: usize) {
        self.max = self.depth_of_tree();
        self.count = 0;
        self.segment_start = segment_start;
    }
}

fn is_opener(t: &Token<'_>) -> bool {
    matches!(t, Token::LParen | Token::LBrace | Token::LBracket)
}

fn is_closer(t: &Token<'_>) -> bool {
    matches!(t, Token::RParen | Token::RBrace | Token::RBracket)
}

/// True when the opener at `i` starts a statement block (`if (c) {`,
/// `for each x in l {`, `else {`, `try {`) or a task block, rather than a
/// collection literal: it follows something that ends an expression.
fn opens_block(tokens: &[(Token<'_>, Span)], i: usize) -> bool {
    let prev = i.checked_sub(1).map(|p| &tokens[p].0);
    match (&tokens[i].0, prev) {
        (Token::LBracket, Some(Token::InvokeUrl | Token::SendMail)) => true,
        (Token::LBrace, Some(p)) => matches!(
            p,
            Token::RParen
                | Token::RBrace
                | Token::RBracket
                | Token::Else
                | Token::Try
                | Token::Ident(_)
                | Token::Int(_)
                | Token::Decimal(_)
                | Token::Text(_)
                | Token::SingleQuoted(_)
                | Token::True
                | Token::False
                | Token::Null
        ),
        _ => false,
    }
}

/// Index just past the bracket group opened at `open` (or the end).
fn group_end(tokens: &[(Token<'_>, Span)], open: usize) -> usize {
    let mut depth = 0usize;
    for (k, (t, _)) in tokens.iter().enumerate().skip(open) {
        if is_opener(t) {
            depth += 1;
        } else if is_closer(t) {
            depth = depth.saturating_sub(1);
            if depth == 0 {
                return k + 1;
            }
        }
    }
    tokens.len()
}

/// Index of the end of the segment that contains `from`: the next `;`,
/// `,` or `:` at the same depth, or the closer of the enclosing group.
fn segment_end(tokens: &[(Token<'_>, Span)], from: usize) -> usize {
    let mut depth = 0usize;
    for (k, (t, _)) in tokens.iter().enumerate().skip(from) {
        if is_opener(t) {
            depth += 1;
        } else if is_closer(t) {
            if depth == 0 {
                return k;
            }
            depth -= 1;
        } else if depth == 0 && matches!(t, Token::Semi | Token::Comma | Token::Colon) {
            return k;
        }
    }
    tokens.len()
}

fn too_deep(span: Span, what: &str) -> Diagnostic {
    Diagnostic::error(
        codes::TOO_DEEPLY_NESTED,
        format!("{what}; this part of the script is skipped"),
    )
    .with_primary(span, "skipped")
    .with_note(format!(
        "deluge accepts at most {MAX_DEPTH} nested brackets and {MAX_OPERATORS} operators in one expression"
    ))
    .with_help("split the expression into several statements")
}

/// Replaces every region nested too deeply by one [`Token::Skipped`].
pub(crate) fn guard<'s>(tokens: &mut Vec<(Token<'s>, Span)>, diagnostics: &mut Vec<Diagnostic>) {
    // Fast path: a file this small cannot trip either limit.
    if tokens.len() <= MAX_DEPTH.min(MAX_OPERATORS) {
        return;
    }
    let input = std::mem::take(tokens);
    let mut out: Vec<(Token<'s>, Span)> = Vec::with_capacity(input.len());
    let mut levels = vec![Level::new(0, true)];
    let mut i = 0;
    while i < input.len() {
        let (token, span) = input[i];
        if is_opener(&token) && levels.len() > MAX_DEPTH {
            let end = group_end(&input, i);
            let region = span.to(input[end - 1].1);
            diagnostics.push(too_deep(region, "brackets nested too deeply"));
            out.push((Token::Skipped, region));
            i = end;
            continue;
        }
        out.push((token, span));
        i += 1;
        let tripped = step(&mut levels, &input, i - 1, out.len());
        if tripped {
            i = skip_segment(&input, i, &mut out, &mut levels, diagnostics);
        }
    }
    *tokens = out;
}

/// Updates the levels for the token just pushed; true when the operator
/// limit is exceeded.
fn step(levels: &mut Vec<Level>, input: &[(Token<'_>, Span)], i: usize, out_len: usize) -> bool {
    let token = &input[i].0;
    if is_opener(token) {
        levels.push(Level::new(out_len, opens_block(input, i)));
        return false;
    }
    if is_closer(token) {
        if levels.len() > 1
            && let Some(closed) = levels.pop()
        {
            let parent = levels.last_mut();
            if let Some(parent) = parent {
                if closed.block {
                    parent.restart(out_len);
                } else {
                    parent.count += closed.depth_of_tree() + 1;
                }
            }
        }
    } else if matches!(token, Token::Semi | Token::Comma | Token::Colon) {
        if let Some(level) = levels.last_mut() {
            level.restart(out_len);
        }
    } else if token.is_operator()
        && let Some(level) = levels.last_mut()
    {
        level.count += 1;
    }
    levels.last().is_some_and(|l| l.count > MAX_OPERATORS)
}

/// Replaces the current segment (from its start in `out` to its end in
/// `input`) by one skipped token; returns where to continue in `input`.
fn skip_segment<'s>(
    input: &[(Token<'s>, Span)],
    next: usize,
    out: &mut Vec<(Token<'s>, Span)>,
    levels: &mut [Level],
    diagnostics: &mut Vec<Diagnostic>,
) -> usize {
    let end = segment_end(input, next);
    let Some(level) = levels.last_mut() else {
        return end;
    };
    let start = level.segment_start.min(out.len().saturating_sub(1));
    let first = out[start].1;
    let last = if end > next {
        input[end - 1].1
    } else {
        out[out.len() - 1].1
    };
    let region = first.to(last);
    out.truncate(start);
    out.push((Token::Skipped, region));
    diagnostics.push(too_deep(region, "expression too long or nested too deeply"));
    level.count = 0;
    level.max = 0;
    level.segment_start = out.len();
    end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexer::lex;

    #[test]
    fn deep_parentheses_become_one_skipped_region() {
        let src = format!(
            "x = {}1{};\ninfo 2;",
            "(".repeat(10_000),
            ")".repeat(10_000)
        );
        let lexed = lex(&src);
        assert_eq!(lexed.diagnostics.len(), 1);
        assert_eq!(lexed.diagnostics[0].code, codes::TOO_DEEPLY_NESTED);
        let skipped = lexed
            .tokens
            .iter()
            .filter(|(t, _)| *t == Token::Skipped)
            .count();
        assert_eq!(skipped, 1);
        assert!(lexed.tokens.len() < 600);
    }

    #[test]
    fn long_operator_chains_are_skipped() {
        let src = format!("x = 1{};\ninfo x;", " + 1".repeat(5000));
        let lexed = lex(&src);
        assert_eq!(lexed.diagnostics.len(), 1);
        let kinds: Vec<_> = lexed.tokens.iter().map(|(t, _)| *t).collect();
        assert_eq!(
            kinds,
            vec![
                Token::Skipped,
                Token::Semi,
                Token::Info,
                Token::Ident("x"),
                Token::Semi
            ]
        );
    }

    #[test]
    fn many_statements_and_blocks_are_fine() {
        let src = "if (a > 1) { x = a + 1; } else { y = -b; }\n".repeat(3000);
        let lexed = lex(&src);
        assert!(lexed.diagnostics.is_empty());
        let list = format!("l = {{{}}};", vec!["-1"; 5000].join(", "));
        assert!(lex(&list).diagnostics.is_empty());
    }
}
