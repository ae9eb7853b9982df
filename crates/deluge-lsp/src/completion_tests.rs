use super::*;

/// Completion at the `|` in `source`.
fn complete_at(source: &str) -> Vec<CompletionItem> {
    let cursor = source.find('|').expect("a cursor");
    let text = source.replacen('|', "", 1);
    let doc = Document::new(text, 1);
    let position = doc.lines.position(&doc.text, cursor);
    completion(&doc, position)
}

fn labels(items: &[CompletionItem]) -> Vec<&str> {
    items.iter().map(|i| i.label.as_str()).collect()
}

#[test]
fn methods_of_a_map_variable_come_first() {
    let items = complete_at("m = Map();\nm.|");
    let labels = labels(&items);
    let own = ["put", "get", "keys"].map(|m| labels.iter().position(|l| *l == m).expect(m));
    let text = labels
        .iter()
        .position(|l| *l == "toUpperCase")
        .expect("every method");
    assert!(own.iter().all(|i| *i < text), "{labels:?}");
    let put = &items[own[0]];
    assert_eq!(put.kind, Some(CompletionItemKind::METHOD));
    assert!(
        put.detail.as_deref().is_some_and(|d| d.contains(".put(")),
        "{put:?}"
    );
}

#[test]
fn the_edit_replaces_the_word_being_typed() {
    let items = complete_at("m = Map();\nm.pu|");
    let put = items.iter().find(|i| i.label == "put").expect("put");
    let Some(CompletionTextEdit::Edit(edit)) = &put.text_edit else {
        panic!("a text edit")
    };
    assert_eq!(
        edit.range,
        Range::new(Position::new(1, 2), Position::new(1, 4))
    );
    assert_eq!(edit.new_text, "put");
}

#[test]
fn inside_a_function_its_variables_and_the_files_functions() {
    let source =
        "void a(string name)\n{\n\tnumber = 1;\n\tn|\n}\nvoid notify()\n{\n\tother = 2;\n}\n";
    let items = complete_at(source);
    let labels = labels(&items);
    assert!(
        labels.contains(&"name") && labels.contains(&"number"),
        "{labels:?}"
    );
    assert!(labels.contains(&"notify"), "{labels:?}");
    assert!(!labels.contains(&"other"), "{labels:?}");
    let name = items.iter().find(|i| i.label == "name").expect("name");
    assert_eq!(name.detail.as_deref(), Some("TEXT"));
}

#[test]
fn functions_of_a_category_after_its_name() {
    let source = "void standalone.notify()\n{\n}\nvoid main()\n{\n\tstandalone.|\n}\n";
    let items = complete_at(source);
    assert_eq!(labels(&items), ["notify"]);
    assert_eq!(items[0].detail.as_deref(), Some("void standalone.notify()"));
}

#[test]
fn zoho_tasks_and_keywords() {
    let items = complete_at("r = zoho.crm.get|");
    assert!(
        labels(&items).contains(&"zoho.crm.getRecords"),
        "{:?}",
        labels(&items)
    );
    let items = complete_at("x = 1;\nre|");
    let ret = items.iter().find(|i| i.label == "return").expect("return");
    assert_eq!(ret.kind, Some(CompletionItemKind::KEYWORD));
}
