//! Small parsers shared by the productions: names, words, the statement
//! terminator and the statement-level recovery.

use super::{Extra, In, PErr, span};
use crate::ast::{Expr, ExprKind, Ident};
use crate::diagnostic::{Diagnostic, codes};
use crate::span::Span;
use crate::token::Token;
use chumsky::error::{LabelError, RichPattern};
use chumsky::prelude::*;
use chumsky::util::MaybeRef;

/// A custom error carrying a finished diagnostic.
pub(super) fn err_at<'a, E: PErr<'a>>(s: SimpleSpan, diag: Diagnostic) -> E {
    E::diagnostic(s, diag)
}

pub(super) fn error_expr(s: SimpleSpan) -> Expr {
    Expr {
        kind: ExprKind::Error,
        span: span(s),
    }
}

/// `IDENT`: a name that is not a hard-reserved word.
pub(super) fn ident<'a, E: PErr<'a>>() -> impl Parser<'a, In<'a>, Ident, Extra<'a, E>> + Clone {
    select! { Token::Ident(name) = e => Ident { name: name.to_owned(), span: span(e.span()) } }
        .labelled("a name")
}

/// A particular soft word such as `index` or `list`, in any letter case.
/// Yields nothing, so a failed attempt allocates nothing.
pub(super) fn word<'a, E: PErr<'a>>(
    w: &'static str,
) -> impl Parser<'a, In<'a>, (), Extra<'a, E>> + Clone {
    select! { Token::Ident(name) if name.eq_ignore_ascii_case(w) => () }.labelled(w)
}

/// An identifier's text and span, without allocating; see [`ident`].
pub(super) fn raw_ident<'a, E: PErr<'a>>()
-> impl Parser<'a, In<'a>, (&'a str, SimpleSpan), Extra<'a, E>> + Clone {
    select! { Token::Ident(name) = e => (name, e.span()) }.labelled("a name")
}

pub(super) fn make_ident((name, s): (&str, SimpleSpan)) -> Ident {
    Ident {
        name: name.to_owned(),
        span: span(s),
    }
}

/// A name after `.`: any word, keywords included (`.get`, `.toString`,
/// `zoho.crm.getRecords`), since nothing else can follow a `.`.
pub(super) fn member_name<'a, E: PErr<'a>>() -> impl Parser<'a, In<'a>, Ident, Extra<'a, E>> + Clone
{
    any()
        .try_map(|t: Token<'a>, s: SimpleSpan| match t {
            Token::Ident(name) => Ok(Ident {
                name: name.to_owned(),
                span: span(s),
            }),
            other => match other.keyword() {
                Some(k) => Ok(Ident {
                    name: k.to_owned(),
                    span: span(s),
                }),
                None => Err(LabelError::<In<'a>, _>::expected_found(
                    [RichPattern::Label("a name".into())],
                    Some(MaybeRef::Val(t)),
                    s,
                )),
            },
        })
        .labelled("a name")
}

/// A variable name where a reserved word is a likely slip (`for each`
/// variable, `catch` variable, parameter): accepted with an E111 error.
pub(super) fn variable_name<'a, E: PErr<'a>>()
-> impl Parser<'a, In<'a>, Ident, Extra<'a, E>> + Clone {
    let reserved =
        any()
            .filter(|t: &Token<'a>| t.is_keyword())
            .validate(|t: Token<'a>, e, emitter| {
                let s = e.span();
                emitter.emit(err_at(s, reserved_word(&t.to_string(), span(s))));
                Ident {
                    name: t.to_string(),
                    span: span(s),
                }
            });
    ident().or(reserved).labelled("a name")
}

pub(super) fn reserved_word(name: &str, at: Span) -> Diagnostic {
    Diagnostic::error(
        codes::RESERVED_WORD,
        format!("`{name}` is a reserved word and cannot be used as a name"),
    )
    .with_primary(at, "reserved word")
    .with_help("choose another name")
}

/// The `;` that ends a simple statement.
///
/// When it is missing at a line break, before `}` or at the end of input,
/// this reports E102 just after the previous token and carries on as if it
/// were there, so one forgotten `;` costs one diagnostic.
pub(super) fn semicolon<'a, E: PErr<'a>>() -> impl Parser<'a, In<'a>, (), Extra<'a, E>> + Clone {
    custom::<_, In<'a>, _, Extra<'a, E>>(|inp| {
        let before = inp.cursor();
        let index = before.inner().0;
        match inp.peek() {
            Some(Token::Semi) => {
                inp.skip();
                Ok(())
            }
            found => {
                let layout: super::Layout<'a> = inp.state().0;
                if layout.follows_reported(index) {
                    // A broken literal or skipped region ends here; it is
                    // already reported.
                    return Ok(());
                }
                let at_break =
                    matches!(found, None | Some(Token::RBrace)) || layout.starts_line(index);
                if at_break {
                    let at = layout.end_before(index);
                    let point = SimpleSpan::from(at..at);
                    inp.emit(err_at(point, missing_semicolon(Span::point(at))));
                    Ok(())
                } else {
                    let s = next_span(inp);
                    Err(LabelError::<In<'a>, _>::expected_found(
                        [RichPattern::Token(MaybeRef::Val(Token::Semi))],
                        found.map(MaybeRef::Val),
                        s,
                    ))
                }
            }
        }
    })
}

pub(super) fn missing_semicolon(at: Span) -> Diagnostic {
    Diagnostic::error(
        codes::MISSING_SEMICOLON,
        "missing `;` at the end of the statement",
    )
    .with_primary(at, "expected `;` here")
    .with_help("every simple statement ends with `;`")
}

/// Statement-level recovery: skips the rest of a broken statement, to and
/// including its `;` (when no block is open), or to the `}` that ends a
/// block statement. Fails without consuming when it cannot skip anything,
/// for instance at the `}` that closes the enclosing block.
pub(super) fn skip_statement<'a, E: PErr<'a>>() -> impl Parser<'a, In<'a>, (), Extra<'a, E>> + Clone
{
    custom::<_, In<'a>, _, Extra<'a, E>>(|inp| {
        let mut open: Vec<Token<'a>> = Vec::new();
        let mut consumed = false;
        while let Some(t) = inp.peek() {
            match t {
                Token::Semi if !open.contains(&Token::LBrace) => {
                    inp.skip();
                    return Ok(());
                }
                Token::LParen | Token::LBrace | Token::LBracket => open.push(t),
                Token::RParen | Token::RBrace | Token::RBracket => {
                    if open.is_empty() {
                        break;
                    }
                    // Close the nearest matching opener; brackets left
                    // open inside it were never closed.
                    let opener = match t {
                        Token::RParen => Token::LParen,
                        Token::RBracket => Token::LBracket,
                        _ => Token::LBrace,
                    };
                    if let Some(pos) = open.iter().rposition(|o| *o == opener) {
                        open.truncate(pos);
                    }
                    // A block statement ends at the `}` that closes its
                    // last block, unless `else` or `catch` follows.
                    if t == Token::RBrace && !open.contains(&Token::LBrace) {
                        inp.skip();
                        if !matches!(inp.peek(), Some(Token::Else | Token::Catch)) {
                            return Ok(());
                        }
                        continue;
                    }
                }
                _ => {}
            }
            inp.skip();
            consumed = true;
        }
        if consumed {
            Ok(())
        } else {
            let s = next_span(inp);
            Err(LabelError::<In<'a>, _>::expected_found(
                [RichPattern::Label("a statement".into())],
                inp.peek().map(MaybeRef::Val),
                s,
            ))
        }
    })
}

/// Skips a balanced bracket group starting at the opener `open`,
/// returning the tokens' span; used for Creator criteria and blocks.
pub(super) fn balanced<'a, E: PErr<'a>>(
    open: Token<'a>,
) -> impl Parser<'a, In<'a>, SimpleSpan, Extra<'a, E>> + Clone {
    balanced_noting(open, None, |_| false).map(|(span, _)| span)
}

/// Skips a balanced bracket group starting at the opener `open`, returning
/// its span and whether any token inside (at any depth) is one that
/// `noted` picks out: what tells a counting loop's header or a Creator
/// fetch from the ordinary construct. A group left open expects `closing`,
/// or any closing bracket when `None`.
pub(super) fn balanced_noting<'a, E: PErr<'a>>(
    open: Token<'a>,
    closing: Option<Token<'a>>,
    noted: fn(&Token<'a>) -> bool,
) -> impl Parser<'a, In<'a>, (SimpleSpan, bool), Extra<'a, E>> + Clone {
    custom::<_, In<'a>, _, Extra<'a, E>>(move |inp| {
        let before = inp.cursor();
        if inp.peek() != Some(open) {
            let s = next_span(inp);
            return Err(LabelError::<In<'a>, _>::expected_found(
                [RichPattern::Token(MaybeRef::Val(open))],
                inp.peek().map(MaybeRef::Val),
                s,
            ));
        }
        let mut depth = 0usize;
        let mut seen = false;
        while let Some(t) = inp.next() {
            match t {
                Token::LParen | Token::LBrace | Token::LBracket => depth += 1,
                Token::RParen | Token::RBrace | Token::RBracket => {
                    depth -= 1;
                    if depth == 0 {
                        return Ok((inp.span_since(&before), seen));
                    }
                }
                other => seen |= noted(&other),
            }
        }
        let s = inp.span_since(&before);
        let expected = match closing {
            Some(token) => RichPattern::Token(MaybeRef::Val(token)),
            None => RichPattern::Label("a closing bracket".into()),
        };
        Err(LabelError::<In<'a>, _>::expected_found([expected], None, s))
    })
}

/// The span of the next token (or the end of input), for an error raised
/// by a custom parser that consumed nothing.
pub(super) fn next_span<'a, E: PErr<'a>>(
    inp: &mut chumsky::input::InputRef<'a, '_, In<'a>, Extra<'a, E>>,
) -> SimpleSpan {
    let before = inp.save();
    inp.next();
    let s = inp.span_since(before.cursor());
    inp.rewind(before);
    s
}

/// Tokens that the lexer or the nesting guard already reported.
pub(super) fn reported<'a, E: PErr<'a>>()
-> impl Parser<'a, In<'a>, SimpleSpan, Extra<'a, E>> + Clone {
    select! { Token::Error(_) = e => e.span(), Token::Skipped = e => e.span() }
}

/// Runs `parser` with at least 1 MiB of stack left, growing the stack on
/// the heap when needed. Used at the points where the grammar recurses
/// (statement inside a block, expression inside brackets): chumsky's own
/// guard leaves too little room for one level of this grammar in an
/// unoptimised build.
pub(super) fn deep<'a, E: PErr<'a>, O, P>(
    parser: P,
) -> impl Parser<'a, In<'a>, O, Extra<'a, E>> + Clone
where
    P: Parser<'a, In<'a>, O, Extra<'a, E>> + Clone,
{
    custom::<_, In<'a>, _, Extra<'a, E>>(move |inp| {
        stacker::maybe_grow(1024 * 1024, 8 * 1024 * 1024, || inp.parse(&parser))
    })
}
