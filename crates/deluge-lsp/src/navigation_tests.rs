use super::*;
use lsp_types::Range;

const FUNCTIONS: &str = "string greet(string who)\n{\n\treturn \"Hi \" + who;\n}\n\
void main()\n{\n\tmsg = greet(\"Ann\");\n\tinfo msg;\n\tmsg = greet(\"Bo\");\n}\n";

fn uri() -> Uri {
    "file:///f.dg".parse().expect("uri")
}

fn doc() -> Document {
    Document::new(FUNCTIONS.to_string(), 1)
}

/// The position of the `nth` occurrence of `needle`.
fn pos(doc: &Document, needle: &str, nth: usize) -> Position {
    let offset = doc.text.match_indices(needle).nth(nth).expect("needle").0;
    doc.lines.position(&doc.text, offset)
}

fn range(line: u32, start: u32, end: u32) -> Range {
    Range::new(Position::new(line, start), Position::new(line, end))
}

#[test]
fn definition_of_a_function_call() {
    let doc = doc();
    let found = definition(&doc, &uri(), pos(&doc, "greet", 1)).expect("defined");
    assert_eq!(found.uri, uri());
    assert_eq!(found.range, range(0, 7, 12));
}

#[test]
fn definition_of_a_variable_and_a_parameter() {
    let doc = doc();
    let msg = definition(&doc, &uri(), pos(&doc, "msg", 1)).expect("defined");
    assert_eq!(msg.range, range(6, 1, 4));
    let who = definition(&doc, &uri(), pos(&doc, "who", 1)).expect("defined");
    assert_eq!(who.range, range(0, 20, 23));
}

#[test]
fn references_with_and_without_the_declaration() {
    let doc = doc();
    let at = pos(&doc, "greet", 0);
    let all = references(&doc, &uri(), at, true);
    assert_eq!(all.len(), 3);
    assert_eq!(references(&doc, &uri(), at, false).len(), 2);
    let msg = highlights(&doc, pos(&doc, "msg", 0));
    let kinds: Vec<_> = msg.iter().map(|h| h.kind).collect();
    use DocumentHighlightKind as K;
    assert_eq!(kinds, [Some(K::WRITE), Some(K::READ), Some(K::WRITE)]);
}

#[test]
fn nothing_to_find_on_a_keyword() {
    let doc = doc();
    assert!(definition(&doc, &uri(), pos(&doc, "return", 0)).is_none());
    assert!(references(&doc, &uri(), pos(&doc, "return", 0), true).is_empty());
}

#[test]
fn the_outline_lists_the_functions() {
    let doc = doc();
    let names: Vec<_> = symbols(&doc)
        .into_iter()
        .map(|s| (s.name, s.detail))
        .collect();
    assert_eq!(
        names,
        [
            (
                "greet".to_string(),
                Some("string greet(string who)".to_string())
            ),
            ("main".to_string(), Some("void main()".to_string())),
        ]
    );
}

#[test]
fn the_outline_of_a_script_lists_its_variables() {
    let doc = Document::new("total = 0;\nitems = List();\ntotal = 2;".into(), 1);
    let found: Vec<_> = symbols(&doc)
        .into_iter()
        .map(|s| (s.name, s.detail))
        .collect();
    assert_eq!(
        found,
        [
            ("total".to_string(), Some("NUMBER".to_string())),
            ("items".to_string(), Some("LIST".to_string())),
        ]
    );
}
