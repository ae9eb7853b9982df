//! Examples of builtins §1 and §11 (functions for any receiver),
//! expectations from the spec.

use crate::builtins::test_support::{call, global, show};
use crate::value::Value;

fn t(s: &str) -> Value {
    Value::text(s)
}

fn run(recv: &Value, name: &str) -> String {
    show(call(recv, name, &[]))
}

#[test]
fn is_null() {
    assert_eq!(run(&Value::Null, "isNull"), "true");
    assert_eq!(run(&t(""), "isNull"), "true");
    assert_eq!(run(&t(" "), "isNull"), "false");
    assert_eq!(run(&Value::new_list(vec![]), "isNull"), "false");
    assert_eq!(run(&Value::Number(0), "isNull"), "false");
}

#[test]
fn is_empty() {
    assert_eq!(run(&global("Collection", &[]).unwrap(), "isEmpty"), "true");
    assert_eq!(run(&Value::new_list(vec![t("a")]), "isEmpty"), "false");
    assert_eq!(run(&t(""), "isEmpty"), "true");
    assert_eq!(run(&t(" "), "isEmpty"), "false");
    assert_eq!(run(&Value::Null, "isEmpty"), "true");
    assert_eq!(run(&Value::Number(0), "isEmpty"), "false");
    assert_eq!(run(&global("Map", &[]).unwrap(), "isEmpty"), "true");
}

#[test]
fn is_blank() {
    assert_eq!(run(&t("  "), "isBlank"), "true");
    assert_eq!(run(&t(" a "), "isBlank"), "false");
    assert_eq!(run(&Value::Null, "isBlank"), "true");
    assert_eq!(run(&Value::new_list(vec![]), "isBlank"), "true");
    assert_eq!(run(&Value::Bool(false), "isBlank"), "false");
}

#[test]
fn type_tests() {
    assert_eq!(run(&t("42"), "isNumber"), "true");
    assert_eq!(run(&t(" -42 "), "isNumber"), "true");
    assert_eq!(run(&t("4.2"), "isNumber"), "false");
    assert_eq!(run(&Value::Number(4), "isNumber"), "true");
    assert_eq!(run(&Value::Decimal(4.5), "isNumber"), "false");
    assert_eq!(run(&t("4.2"), "isDecimal"), "true");
    assert_eq!(run(&t("4."), "isDecimal"), "true");
    assert_eq!(run(&t(".5"), "isDecimal"), "true");
    assert_eq!(run(&t("."), "isDecimal"), "false");
    assert_eq!(run(&t("42"), "isDecimal"), "false");
    assert_eq!(run(&Value::Decimal(1.0), "isDecimal"), "true");
    assert_eq!(run(&Value::Number(5), "isText"), "false");
    assert_eq!(run(&t("5"), "isText"), "true");
    assert_eq!(run(&t("x"), "isFile"), "false");
}

#[test]
fn null_receivers_only_for_tolerant_functions() {
    for name in ["isNumber", "isDecimal", "isText", "isFile"] {
        assert_eq!(
            run(&Value::Null, name),
            format!("error: Value is empty and '{name}' function cannot be applied")
        );
    }
    assert_eq!(
        run(&Value::Null, "size"),
        "error: Value is empty and 'size' function cannot be applied"
    );
}

#[test]
fn to_string_is_the_text_form() {
    assert_eq!(run(&Value::Null, "toString"), "null");
    assert_eq!(run(&Value::Null, "toText"), "null");
    assert_eq!(run(&Value::Bool(true), "toString"), "true");
    let l = Value::new_list(vec![Value::Number(1), Value::Number(2)]);
    assert_eq!(run(&l, "toString"), "1,2");
}

#[test]
fn out_of_scope_names_say_so() {
    for name in [
        "executeXPath",
        "toXML",
        "toXmlList",
        "extract",
        "compress",
        "getAll",
    ] {
        assert!(crate::builtins::always_fails(name), "{name}");
        assert_eq!(
            show(call(&t("<a/>"), name, &[t("/a")])),
            format!("error: Function '{name}' is not supported by deluge")
        );
    }
    assert!(!crate::builtins::always_fails("toString"));
}
