use super::*;

fn indexed(source: &str) -> Index {
    let parsed = deluge_syntax::parse(source);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    index(&parsed.script)
}

fn at<'a>(index: &'a Index, source: &str, needle: &str, nth: usize) -> &'a Occurrence {
    let offset = source
        .match_indices(needle)
        .nth(nth)
        .map(|(i, _)| i)
        .expect("needle in source");
    index.at(offset).expect("an occurrence")
}

#[test]
fn a_variable_is_defined_by_its_first_assignment() {
    let source = "x = 1;\ny = x + 1;\nx = 2;\ninfo x;";
    let index = indexed(source);
    let read = at(&index, source, "x", 3);
    assert_eq!(read.access, Access::Read);
    assert_eq!(index.definition(&read.symbol), Some(Span::new(0, 1)));
    let all: Vec<Access> = index
        .occurrences_of(&read.symbol)
        .map(|o| o.access)
        .collect();
    assert_eq!(
        all,
        [
            Access::Definition,
            Access::Read,
            Access::Write,
            Access::Read
        ]
    );
}

#[test]
fn a_variable_knows_its_kind_after_each_assignment() {
    let source = "m = Map();\nm.put(\"a\", 1);\nm = \"text\";\ninfo m.length();";
    let index = indexed(source);
    let put = at(&index, source, "put", 0);
    assert!(
        matches!(&put.symbol, Symbol::Method { name, receiver: Some(Kind::Map) } if name == "put")
    );
    let length = at(&index, source, "length", 0);
    assert!(matches!(
        &length.symbol,
        Symbol::Method {
            receiver: Some(Kind::Text),
            ..
        }
    ));
}

#[test]
fn functions_are_found_by_full_and_short_name() {
    let source = "void standalone.notify(string who)\n{\n\tinfo who;\n}\n\
                  string run()\n{\n\tstandalone.notify(\"a\");\n\tnotify(\"b\");\n\treturn \"\";\n}\n";
    let index = indexed(source);
    assert_eq!(index.functions[0].full_name, "standalone.notify");
    let call = at(&index, source, "standalone", 1);
    assert_eq!(call.symbol, Symbol::Function(0));
    assert_eq!(&source[call.span.range()], "standalone.notify");
    assert_eq!(at(&index, source, "notify", 2).symbol, Symbol::Function(0));
    let defined = index.definition(&Symbol::Function(0)).expect("defined");
    assert_eq!(&source[defined.range()], "standalone.notify");
}

#[test]
fn a_parameter_has_its_declared_kind_and_is_its_own_definition() {
    let source = "void f(map data)\n{\n\tinfo data.keys();\n}\n";
    let index = indexed(source);
    let keys = at(&index, source, "keys", 0);
    assert!(matches!(
        &keys.symbol,
        Symbol::Method {
            receiver: Some(Kind::Map),
            ..
        }
    ));
    let read = at(&index, source, "data", 1);
    let Symbol::Variable { scope, variable } = read.symbol else {
        panic!("a variable")
    };
    let data = index.variable(scope, variable).expect("data");
    assert_eq!(data.parameter_type.as_deref(), Some("map"));
    assert_eq!(data.definition, Some(at(&index, source, "data", 0).span));
}

#[test]
fn variables_of_different_functions_are_different() {
    let source = "void a()\n{\n\tx = 1;\n}\nvoid b()\n{\n\tx = 2;\n}\n";
    let index = indexed(source);
    let first = at(&index, source, "x", 0).symbol.clone();
    let second = at(&index, source, "x", 1).symbol.clone();
    assert_ne!(first, second);
    assert_eq!(index.occurrences_of(&first).count(), 1);
}

#[test]
fn literals_builtins_zoho_names_and_task_words() {
    let source = "d = '01-Jan-2024';\nt = today;\nu = zoho.loginuser;\n\
                  r = invokeurl [ url: \"http://x\" type: GET ];\nn = len(\"ab\");";
    let index = indexed(source);
    let date = at(&index, source, "'01", 0);
    assert!(matches!(
        date.symbol,
        Symbol::Literal {
            kind: Kind::DateTime,
            ..
        }
    ));
    assert!(matches!(
        &at(&index, source, "today", 0).symbol,
        Symbol::Pseudo { .. }
    ));
    let zoho = at(&index, source, "loginuser", 0);
    assert!(matches!(&zoho.symbol, Symbol::Zoho { path, call: false } if path == "zoho.loginuser"));
    assert!(matches!(
        &at(&index, source, "type", 0).symbol,
        Symbol::TaskKey { .. }
    ));
    assert!(
        index
            .at(source.find("GET").expect("GET") + 1)
            .is_none_or(|o| !matches!(o.symbol, Symbol::Variable { .. }))
    );
    assert!(
        matches!(&at(&index, source, "len", 0).symbol, Symbol::Builtin { name } if name == "len")
    );
}
