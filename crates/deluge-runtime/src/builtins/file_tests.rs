//! Examples of builtins §11 (FILE functions), expectations from the spec.

use crate::builtins::test_support::{call, show};
use crate::value::Value;

fn t(s: &str) -> Value {
    Value::text(s)
}

fn file(content: &str, name: &str) -> Value {
    call(&t(content), "toFile", &[t(name)]).unwrap()
}

#[test]
fn to_file_names_and_types() {
    let f = file("a,b", "x.csv");
    assert_eq!(show(call(&f, "getFileName", &[])), "x.csv");
    assert_eq!(show(call(&f, "getFileType", &[])), "text/csv");
    assert_eq!(f.display(), "x.csv");
    for (name, ty) in [
        ("a.txt", "text/plain"),
        ("a.JSON", "application/json"),
        ("a.html", "text/html"),
        ("a.xml", "application/xml"),
        ("a.bin", "application/octet-stream"),
        ("noext", "application/octet-stream"),
    ] {
        assert_eq!(show(call(&file("", name), "getFileType", &[])), ty);
    }
    assert_eq!(show(call(&f, "isFile", &[])), "true");
}

#[test]
fn content_round_trips() {
    let f = file("héllo", "a.txt");
    assert_eq!(show(call(&f, "getFileContent", &[])), "héllo");
}

#[test]
fn setters_change_the_file_in_place() {
    let f = file("x", "a.txt");
    assert!(matches!(call(&f, "getParamName", &[]), Ok(Value::Null)));
    assert!(matches!(
        call(&f, "setParamName", &[t("attachment")]),
        Ok(Value::Null)
    ));
    assert_eq!(show(call(&f, "getParamName", &[])), "attachment");
    call(&f, "setFileName", &[t("b.csv")]).unwrap();
    assert_eq!(show(call(&f, "getFileName", &[])), "b.csv");
    assert_eq!(
        show(call(&f, "setFileName", &[Value::Null])),
        "error: Invalid arguments for function 'setFileName'"
    );
}

#[test]
fn file_functions_need_a_file() {
    assert_eq!(
        show(call(&t("x"), "getFileName", &[])),
        "error: Not able to find 'getFileName' function"
    );
}
