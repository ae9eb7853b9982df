//! What the line editor inserts; which names are offered is tested with
//! `deluge_runtime::complete`.

use super::*;
use deluge_runtime::value::Kind;

fn vocabulary() -> Vocabulary {
    Vocabulary {
        variables: vec![
            ("name".to_string(), Some(Kind::Text)),
            ("items".to_string(), Some(Kind::List)),
        ],
        live_values: true,
        ..Vocabulary::default()
    }
}

/// The start and the replacements for the cursor at the `|` of `line`.
fn replacements(line: &str) -> (usize, Vec<String>) {
    let pos = line.find('|').expect("a cursor");
    let line = line.replacen('|', "", 1);
    let (start, pairs) = candidates(&line, pos, &vocabulary());
    (start, pairs.into_iter().map(|p| p.replacement).collect())
}

#[test]
fn methods_are_inserted_with_their_parentheses() {
    assert_eq!(
        replacements("name.toUpp|"),
        (5, vec!["toUpperCase()".into()])
    );
    assert_eq!(
        replacements("\"abc\".toUp|"),
        (6, vec!["toUpperCase()".into()])
    );
}

#[test]
fn parentheses_already_typed_are_not_doubled() {
    assert_eq!(replacements("name.toUpp|()").1, ["toUpperCase"]);
}

#[test]
fn other_names_are_inserted_as_they_are() {
    assert_eq!(replacements("na|"), (0, vec!["name".into()]));
    let (start, words) = replacements("r = zoho.crm.getRecordBy|");
    assert_eq!((start, words), (4, vec!["zoho.crm.getRecordById".into()]));
}

#[test]
fn the_cursor_goes_inside_an_inserted_call_that_needs_arguments() {
    assert!(cursor_goes_inside("subString()"));
    // Inserted without parentheses (they follow already): the cursor stays
    // after the name.
    assert!(!cursor_goes_inside("subString"));
    assert!(!cursor_goes_inside("toUpperCase()"));
}

#[test]
fn commands_at_the_start_of_a_line() {
    assert_eq!(
        replacements(":re|"),
        (0, vec![":requests".into(), ":reset".into()])
    );
    assert_eq!(replacements(":q|").1, [":quit"]);
}
