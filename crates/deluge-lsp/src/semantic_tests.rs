use super::*;

/// (text, type, modifiers) of every token, decoded from the relative form.
fn decoded(source: &str) -> Vec<(String, String, u32)> {
    let doc = Document::new(source.to_string(), 1);
    let lines: Vec<Vec<u16>> = source
        .split('\n')
        .map(|l| l.encode_utf16().collect())
        .collect();
    let (mut line, mut column) = (0usize, 0usize);
    tokens(&doc)
        .data
        .into_iter()
        .map(|t| {
            if t.delta_line > 0 {
                line += t.delta_line as usize;
                column = 0;
            }
            column += t.delta_start as usize;
            let units = &lines[line][column..column + t.length as usize];
            let ty = TYPES[t.token_type as usize].as_str().to_string();
            (
                String::from_utf16_lossy(units),
                ty,
                t.token_modifiers_bitset,
            )
        })
        .collect()
}

fn find<'a>(tokens: &'a [(String, String, u32)], text: &str) -> &'a (String, String, u32) {
    tokens.iter().find(|t| t.0 == text).expect(text)
}

#[test]
fn names_are_classed_by_what_they_name() {
    let source = "void standalone.notify(map data)\n{\n\t// tell\n\tm = Map();\n\tm.put(\"k\", data);\n\
                  \tinfo zoho.loginuser;\n}\n";
    let tokens = decoded(source);
    assert_eq!(find(&tokens, "void"), &("void".into(), "keyword".into(), 0));
    assert_eq!(find(&tokens, "standalone").1, "namespace");
    assert_eq!(
        find(&tokens, "notify"),
        &("notify".into(), "function".into(), DECLARATION)
    );
    assert_eq!(find(&tokens, "map").1, "type");
    assert_eq!(
        find(&tokens, "data"),
        &("data".into(), "parameter".into(), DECLARATION)
    );
    assert_eq!(find(&tokens, "// tell").1, "comment");
    assert_eq!(
        find(&tokens, "m"),
        &("m".into(), "variable".into(), DECLARATION)
    );
    assert_eq!(
        find(&tokens, "Map"),
        &("Map".into(), "function".into(), LIBRARY)
    );
    assert_eq!(
        find(&tokens, "put"),
        &("put".into(), "method".into(), LIBRARY)
    );
    assert_eq!(find(&tokens, "\"k\"").1, "string");
    assert_eq!(find(&tokens, "loginuser").2, LIBRARY | READONLY);
    assert_eq!(find(&tokens, "=").1, "operator");
}

#[test]
fn tokens_are_relative_and_counted_in_utf16() {
    let tokens = decoded("s = \"😀\"; n = 1;");
    let texts: Vec<&str> = tokens.iter().map(|t| t.0.as_str()).collect();
    assert_eq!(texts, ["s", "=", "\"😀\"", "n", "=", "1"]);
}

#[test]
fn a_block_comment_over_lines_is_split_per_line() {
    let tokens = decoded("/* one\ntwo */\nx = 1;");
    assert_eq!(tokens[0], ("/* one".into(), "comment".into(), 0));
    assert_eq!(tokens[1], ("two */".into(), "comment".into(), 0));
}
