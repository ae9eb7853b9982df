//! Examples of builtins §5 (map functions), expectations from the spec.

use crate::builtins::test_support::{call, global, show};
use crate::value::{Entries, MapKey, Value};

fn n(i: i64) -> Value {
    Value::Number(i)
}

fn t(s: &str) -> Value {
    Value::text(s)
}

fn map(pairs: &[(&str, Value)]) -> Value {
    let mut m = Entries::default();
    for (k, v) in pairs {
        m.insert(MapKey::from(*k), v.clone());
    }
    Value::new_map(m)
}

fn run(recv: &Value, name: &str, args: &[Value]) -> String {
    show(call(recv, name, args))
}

#[test]
fn put_keeps_the_position_of_an_existing_key() {
    let p = global("Map", &[]).unwrap();
    call(&p, "put", &[t("Creator"), n(4)]).unwrap();
    call(&p, "put", &[t("CRM"), n(3)]).unwrap();
    call(&p, "put", &[t("Creator"), n(5)]).unwrap();
    assert_eq!(p.display(), "{\"Creator\":5,\"CRM\":3}");
    call(&p, "put", &[t("n"), Value::Null]).unwrap();
    assert_eq!(run(&p, "size", &[]), "3");
    assert_eq!(
        run(&p, "put", &[p.clone(), n(1)]),
        "error: Invalid arguments for function 'put'"
    );
}

#[test]
fn put_all_overwrites_in_order() {
    let a = map(&[("x", n(1))]);
    call(&a, "putAll", &[map(&[("x", n(2)), ("y", n(3))])]).unwrap();
    assert_eq!(a.display(), "{\"x\":2,\"y\":3}");
    assert_eq!(
        run(&a, "putAll", &[n(1)]),
        "error: Invalid arguments for function 'putAll'"
    );
    call(&a, "putAll", std::slice::from_ref(&a)).unwrap();
    assert_eq!(a.display(), "{\"x\":2,\"y\":3}");
}

#[test]
fn get_is_case_sensitive_and_null_when_absent() {
    let m = map(&[("Product", t("Creator")), ("Company", t("Zoho"))]);
    assert_eq!(run(&m, "get", &[t("Product")]), "Creator");
    assert!(matches!(call(&m, "get", &[t("Creator")]), Ok(Value::Null)));
    let nested = map(&[("a", map(&[("b", n(1))]))]);
    let inner = call(&nested, "getJSON", &[t("a")]).unwrap();
    assert_eq!(run(&inner, "getJson", &[t("b")]), "1");
}

#[test]
fn key_and_value_tests() {
    let m = map(&[("Product", t("Creator"))]);
    assert_eq!(run(&m, "containKey", &[t("product")]), "false");
    assert_eq!(run(&m, "containsKey", &[t("Product")]), "true");
    assert_eq!(run(&m, "containValue", &[t("Creator")]), "true");
    assert_eq!(run(&m, "containsValue", &[t("creator")]), "false");
    let s = map(&[("state", t("failed"))]);
    assert_eq!(run(&s, "contains", &[t("failed")]), "true");
    assert_eq!(run(&s, "contains", &[t("state")]), "true");
    assert_eq!(run(&s, "contains", &[t("ok")]), "false");
    let nums = global("Map", &[]).unwrap();
    call(&nums, "put", &[n(1), t("one")]).unwrap();
    assert_eq!(run(&nums, "containKey", &[Value::Decimal(1.0)]), "true");
    assert_eq!(run(&nums, "containKey", &[t("1")]), "false");
}

#[test]
fn keys_and_values_in_order() {
    let m = map(&[("Product", t("Zoho Creator")), ("Version", n(5))]);
    assert_eq!(run(&m, "keys", &[]), "Product,Version");
    assert_eq!(run(&map(&[("a", n(1)), ("b", n(2))]), "values", &[]), "1,2");
    assert_eq!(run(&m, "size", &[]), "2");
    assert_eq!(run(&m, "count", &[]), "2");
}

#[test]
fn remove_and_delete_key() {
    let d = map(&[("Company", t("Zoho")), ("Version", n(5)), ("Z", n(0))]);
    assert_eq!(run(&d, "remove", &[t("Version")]), "5");
    assert_eq!(d.display(), "{\"Company\":\"Zoho\",\"Z\":0}");
    assert!(matches!(call(&d, "remove", &[t("nope")]), Ok(Value::Null)));
    let e = map(&[("a", n(1)), ("b", n(2))]);
    call(&e, "deleteKey", &[t("a")]).unwrap();
    assert_eq!(e.display(), "{\"b\":2}");
    call(&e, "deleteKey", &[t("zz")]).unwrap();
    assert_eq!(e.display(), "{\"b\":2}");
}

#[test]
fn clear_to_map_to_string() {
    let m = map(&[("a", n(1)), ("b", t("x"))]);
    assert_eq!(run(&m, "toString", &[]), "{\"a\":1,\"b\":\"x\"}");
    assert_eq!(run(&m, "toText", &[]), "{\"a\":1,\"b\":\"x\"}");
    let copy = call(&m, "toMap", &[]).unwrap();
    call(&m, "clear", &[]).unwrap();
    assert_eq!(run(&m, "isEmpty", &[]), "true");
    assert_eq!(copy.display(), "{\"a\":1,\"b\":\"x\"}");
    assert_eq!(run(&global("Map", &[]).unwrap(), "isEmpty", &[]), "true");
}

#[test]
fn empty_collections_become_key_value() {
    let c = global("Collection", &[]).unwrap();
    assert_eq!(run(&c, "containKey", &[t("a")]), "false");
    assert_eq!(run(&c, "keys", &[]), "");
    call(&c, "put", &[t("a"), n(1)]).unwrap();
    assert_eq!(c.display(), "{\"a\":1}");
    assert_eq!(
        run(&c, "add", &[n(1)]),
        "error: Not able to find 'add' function"
    );
    let d = global("Collection", &[]).unwrap();
    call(&d, "putAll", &[map(&[("b", n(2))])]).unwrap();
    assert_eq!(run(&d, "get", &[t("b")]), "2");
}

#[test]
fn put_is_not_a_list_function() {
    assert_eq!(
        run(&Value::new_list(vec![]), "put", &[n(1), n(2)]),
        "error: Not able to find 'put' function"
    );
}
