//! Examples of builtins §6 (collection functions), expectations from the
//! spec.

use crate::builtins::test_support::{call, global, show};
use crate::builtins::{collection_of_entries, insert_entries, registry};
use crate::value::Value;

fn n(i: i64) -> Value {
    Value::Number(i)
}

fn t(s: &str) -> Value {
    Value::text(s)
}

fn run(recv: &Value, name: &str, args: &[Value]) -> String {
    show(call(recv, name, args))
}

fn empty() -> Value {
    global("Collection", &[]).unwrap()
}

fn kv(pairs: Vec<(Value, Value)>) -> Value {
    collection_of_entries("collection", pairs).unwrap()
}

#[test]
fn empty_collection_basics() {
    let c = empty();
    assert_eq!(run(&c, "size", &[]), "0");
    assert_eq!(run(&c, "isEmpty", &[]), "true");
    assert_eq!(run(&c, "toString", &[]), "{}");
    assert_eq!(c.display(), "{}");
    assert_eq!(run(&c, "get", &[t("a")]), "null");
    assert_eq!(
        run(&c, "get", &[n(0)]),
        "error: Index 0 is out of range for a list of size 0"
    );
    assert_eq!(run(&c, "contains", &[n(1)]), "false");
    assert_eq!(run(&c, "values", &[]), "");
    assert_eq!(run(&c, "keys", &[]), "");
    assert_eq!(run(&c, "clear", &[]), "null");
    assert_eq!(run(&c, "distinct", &[]), "");
    assert_eq!(run(&c, "duplicate", &[]), "{}");
    assert_eq!(run(&c, "remove", &[t("k")]), "null");
    assert_eq!(run(&c, "delete", &[t("k")]), "null");
    assert_eq!(
        c.display(),
        "{}",
        "reads and no-op writes keep it without a kind"
    );
}

#[test]
fn insert_plain_values_and_entries() {
    let c = empty();
    call(&c, "insert", &[n(1), n(2)]).unwrap();
    assert_eq!(c.display(), "1,2");
    let id = registry().method_id("insert").unwrap();
    assert_eq!(
        show(insert_entries(&c, id, vec![(t("a"), n(1))]).map_err(|e| e.message.clone())),
        "error: Invalid arguments for function 'insert'"
    );
    let d = empty();
    insert_entries(&d, id, vec![(t("a"), n(1))]).unwrap();
    assert_eq!(d.display(), "{\"a\":1}");
    assert_eq!(
        run(&d, "insert", &[n(3)]),
        "error: Invalid arguments for function 'insert'"
    );
}

#[test]
fn get_by_index_or_key() {
    assert_eq!(run(&kv(vec![(t("a"), n(1))]), "get", &[t("a")]), "1");
    let l = global("Collection", &[n(7), n(8)]).unwrap();
    assert_eq!(run(&l, "get", &[n(1)]), "8");
    assert_eq!(
        run(&l, "get", &[n(2)]),
        "error: Index 2 is out of range for a list of size 2"
    );
}

#[test]
fn values_and_keys() {
    let c = kv(vec![
        (t("Creator"), n(5)),
        (t("CRM"), n(2)),
        (t("Mail"), n(8)),
    ]);
    assert_eq!(run(&c, "values", &[]), "5,2,8");
    assert_eq!(run(&c, "keys", &[]), "Creator,CRM,Mail");
    let l = global("Collection", &[t("x"), t("y")]).unwrap();
    assert_eq!(run(&l, "values", &[]), "x,y");
    assert_eq!(run(&l, "keys", &[]), "0,1");
    assert_eq!(
        run(&Value::new_list(vec![]), "keys", &[]),
        "error: Not able to find 'keys' function"
    );
}

#[test]
fn update_existing_slots_only() {
    let c = global("Collection", &[n(1), n(2)]).unwrap();
    call(&c, "update", &[n(0), n(9)]).unwrap();
    assert_eq!(c.display(), "9,2");
    assert_eq!(
        run(&c, "update", &[n(2), n(0)]),
        "error: Index 2 is out of range for a list of size 2"
    );
    let k = kv(vec![(t("a"), n(1))]);
    call(&k, "update", &[t("a"), n(3)]).unwrap();
    assert_eq!(k.display(), "{\"a\":3}");
    assert_eq!(
        run(&k, "update", &[t("b"), n(3)]),
        "error: Invalid arguments for function 'update'"
    );
}

#[test]
fn delete_by_index_or_key() {
    let c = global("Collection", &[n(1), n(2)]).unwrap();
    call(&c, "delete", &[n(0)]).unwrap();
    assert_eq!(c.display(), "2");
    assert_eq!(
        run(&c, "delete", &[n(4)]),
        "error: Index 4 is out of range for a list of size 1"
    );
    let k = kv(vec![(t("a"), n(1)), (t("b"), n(2))]);
    call(&k, "delete", &[t("a")]).unwrap();
    call(&k, "delete", &[t("zz")]).unwrap();
    assert_eq!(k.display(), "{\"b\":2}");
    assert_eq!(run(&k, "deleteKey", &[t("b")]), "null");
    assert_eq!(
        run(&c, "deleteKey", &[n(0)]),
        "error: Not able to find 'deleteKey' function"
    );
}

#[test]
fn duplicate_is_deep() {
    let inner = Value::new_list(vec![n(1)]);
    let c = global("Collection", std::slice::from_ref(&inner)).unwrap();
    let copy = call(&c, "duplicate", &[]).unwrap();
    call(&inner, "add", &[n(2)]).unwrap();
    assert_eq!(copy.display(), "[1]");
    assert_eq!(c.display(), "[1,2]");
    assert!(matches!(copy, Value::Collection(_)));
}

#[test]
fn shared_functions_follow_the_kind() {
    let l = global("Collection", &[n(3), n(1), n(3)]).unwrap();
    assert_eq!(run(&l, "distinct", &[]), "3,1");
    assert_eq!(run(&l, "sort", &[]), "1,3,3");
    assert_eq!(run(&l, "notContains", &[n(2)]), "true");
    let k = kv(vec![(t("a"), n(1))]);
    assert_eq!(run(&k, "containsKey", &[t("a")]), "true");
    assert_eq!(run(&k, "containsValue", &[n(1)]), "true");
    assert_eq!(
        run(&k, "sort", &[]),
        "error: Not able to find 'sort' function"
    );
}
