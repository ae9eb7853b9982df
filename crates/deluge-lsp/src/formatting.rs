//! Document formatting through `deluge fmt`'s library, with the options of
//! the document's project file and not the editor's own tab settings: the
//! file must come out as `deluge fmt --check` expects it.

use crate::document::Document;
use deluge_fmt::{FmtOptions, format_source};
use deluge_syntax::Span;
use lsp_types::TextEdit;

/// The edit that lays the document out, `Some(vec![])` when it already is,
/// and `None` when it has syntax errors (they are on show as diagnostics;
/// such a file is never rewritten). `Err` carries the formatter's own
/// complaint, should it refuse a file that parses.
pub fn format(doc: &Document, options: &FmtOptions) -> Result<Option<Vec<TextEdit>>, String> {
    if doc.parsed.has_errors() {
        return Ok(None);
    }
    let formatted = match format_source(&doc.text, options) {
        Ok(text) => text,
        Err(diagnostics) => {
            let messages: Vec<String> = diagnostics.iter().map(|d| d.to_string()).collect();
            return Err(messages.join("; "));
        }
    };
    Ok(Some(
        changed(&doc.text, &formatted).map_or_else(Vec::new, |(span, text)| {
            vec![TextEdit::new(doc.range(span), text.to_string())]
        }),
    ))
}

/// The one stretch of `old` that differs from `new`, and what replaces it:
/// a small edit keeps the editor's cursor and undo history where they were.
fn changed<'a>(old: &str, new: &'a str) -> Option<(Span, &'a str)> {
    if old == new {
        return None;
    }
    let prefix = common_len(old.char_indices(), new.chars());
    let (old_rest, new_rest) = (&old[prefix..], &new[prefix..]);
    let suffix = common_len(old_rest.char_indices().rev(), new_rest.chars().rev());
    let (old_end, new_end) = (old.len() - suffix, new.len() - suffix);
    Some((Span::new(prefix, old_end), &new[prefix..new_end]))
}

/// The byte length of the common run of characters.
fn common_len(old: impl Iterator<Item = (usize, char)>, new: impl Iterator<Item = char>) -> usize {
    old.zip(new)
        .take_while(|((_, a), b)| a == b)
        .map(|((_, a), _)| a.len_utf8())
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(old: &str, new: &str) -> String {
        match changed(old, new) {
            Some((span, text)) => format!("{}{text}{}", &old[..span.start], &old[span.end..]),
            None => old.to_string(),
        }
    }

    #[test]
    fn the_edit_covers_only_what_changed() {
        let (span, text) = changed("if(x){\ny=1;\n}", "if(x)\n{\ny=1;\n}").expect("a change");
        assert_eq!((span, text), (Span::new(5, 5), "\n"));
        for (old, new) in [
            ("aé😀b", "aé😀cb"),
            ("abc", "xbc"),
            ("abc", "ab"),
            ("", "x"),
            ("x", ""),
        ] {
            assert_eq!(apply(old, new), new);
        }
    }

    #[test]
    fn a_file_with_syntax_errors_is_not_formatted() {
        let doc = Document::new("x = ;".into(), 1);
        assert_eq!(format(&doc, &FmtOptions::default()), Ok(None));
    }

    #[test]
    fn the_edit_gives_the_formatters_layout_and_then_none_is_needed() {
        let messy = "if(x>1){info \"big\";}else{info \"small\";}";
        let doc = Document::new(messy.into(), 1);
        let edits = format(&doc, &FmtOptions::default())
            .expect("formats")
            .expect("parses");
        let [edit] = &edits[..] else {
            panic!("one edit: {edits:?}")
        };
        let span = doc.lines.span(&doc.text, edit.range);
        let result = format!(
            "{}{}{}",
            &messy[..span.start],
            edit.new_text,
            &messy[span.end..]
        );
        let expected = format_source(messy, &FmtOptions::default()).expect("formats");
        assert_eq!(result, expected);
        assert_eq!(
            format(&Document::new(result, 2), &FmtOptions::default()),
            Ok(Some(Vec::new()))
        );
    }
}
