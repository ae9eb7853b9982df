use super::*;

fn hover_text(source: &str, needle: &str) -> Option<String> {
    let doc = Document::new(source.to_string(), 1);
    let offset = source.find(needle).expect("needle") + 1;
    let position = doc.lines.position(&doc.text, offset);
    let found = hover(&doc, position)?;
    match found.contents {
        HoverContents::Markup(markup) => Some(markup.value),
        other => panic!("markdown expected: {other:?}"),
    }
}

#[test]
fn a_method_shows_both_forms_and_its_documentation() {
    let text = hover_text("s = \"abc\";\nt = s.subString(1);", "subString").expect("hover");
    // docs/builtins.md: `subString` | `substring`, `subText`, `mid` | 1 to 2 |
    // s.subString(start [, end]) — characters from start to end (exclusive)
    assert!(text.contains("s.subString(start [, end])"), "{text}");
    assert!(text.contains("subString(s, start [, end])"), "{text}");
    assert!(
        text.contains("characters from start to end (exclusive)"),
        "{text}"
    );
    assert!(text.contains("`mid`"), "{text}");
    assert!(text.contains("arguments: 1 to 2"), "{text}");
}

#[test]
fn the_receiver_kind_picks_the_entry() {
    // `toString` is documented for values of any kind and for TEXT with a
    // format; a TEXT receiver shows the TEXT one first.
    let text = hover_text("s = \"a\";\nt = s.toString();", "toString").expect("hover");
    assert!(
        text.starts_with("```deluge\ns.toString([format [, timeZone]])"),
        "{text}"
    );
}

#[test]
fn a_function_form_call_is_documented_too() {
    let text = hover_text("n = length(\"abc\");", "length").expect("hover");
    assert!(text.contains("length(s)"), "{text}");
}

#[test]
fn a_user_function_shows_its_header_and_comment() {
    let source = "// Greets someone.\nstring greet(string who)\n{\n\treturn \"Hi \" + who;\n}\n\
                  void main()\n{\n\tinfo greet(\"Ann\");\n}\n";
    let text = hover_text(source, "greet(\"Ann").expect("hover");
    assert_eq!(
        text,
        "```deluge\nstring greet(string who)\n```\nGreets someone."
    );
}

#[test]
fn literals_and_variables_show_their_type() {
    let source = "m = Map();\nd = '2024-01-31';\ninfo m;";
    assert!(hover_text(source, "Map()").is_some());
    assert!(
        hover_text(source, "'2024")
            .expect("date")
            .starts_with("```deluge\nDATE-TIME\n```")
    );
    let m = hover_text(source, "m;").expect("variable");
    assert!(
        m.starts_with("```deluge\nm: MAP\n```\nvariable, first assigned on line 1"),
        "{m}"
    );
}

#[test]
fn zoho_names_are_described() {
    let text = hover_text("u = zoho.loginuser;", "loginuser").expect("hover");
    assert!(text.contains("system variable"), "{text}");
    let text = hover_text("h = zoho.encryption.md5(\"a\");", "encryption").expect("hover");
    assert!(text.contains("zoho.encryption.md5(text)"), "{text}");
}
