//! Examples of builtins §4 (list functions), expectations from the spec.

use crate::builtins::test_support::{call, global, show};
use crate::value::{ElemType, ListObj, Value};
use std::cell::RefCell;
use std::rc::Rc;

fn n(i: i64) -> Value {
    Value::Number(i)
}

fn t(s: &str) -> Value {
    Value::text(s)
}

fn list(items: Vec<Value>) -> Value {
    Value::new_list(items)
}

fn nums(xs: &[i64]) -> Value {
    list(xs.iter().copied().map(Value::Number).collect())
}

fn typed(elem: ElemType) -> Value {
    Value::List(Rc::new(RefCell::new(ListObj {
        elem: Some(elem),
        ..ListObj::default()
    })))
}

fn run(recv: &Value, name: &str, args: &[Value]) -> String {
    show(call(recv, name, args))
}

#[test]
fn add_appends_one_element() {
    let l = nums(&[1]);
    assert_eq!(run(&l, "add", &[nums(&[2, 3])]), "null");
    assert_eq!(run(&l, "size", &[]), "2");
    assert_eq!(l.display(), "1,[2,3]");
}

#[test]
fn add_converts_for_typed_lists() {
    let l = typed(ElemType::Text);
    call(&l, "add", &[n(1)]).unwrap();
    call(&l, "add", &[Value::Bool(true)]).unwrap();
    assert_eq!(run(&l, "get", &[n(0)]), "1");
    assert!(matches!(call(&l, "get", &[n(0)]), Ok(Value::Text(_))));
    let ints = typed(ElemType::Number);
    assert_eq!(
        run(&ints, "add", &[t("a")]),
        "error: Element 'a' is not valid for a list of type INT"
    );
    call(&ints, "add", &[t("42")]).unwrap();
    assert!(matches!(call(&ints, "get", &[n(0)]), Ok(Value::Number(42))));
    let dates = typed(ElemType::DateTime);
    call(&dates, "add", &[t("15-Aug-1947")]).unwrap();
    assert_eq!(dates.display(), "15-Aug-1947");
}

#[test]
fn add_all_appends_in_order() {
    let l = nums(&[1]);
    call(&l, "addAll", &[nums(&[2, 3])]).unwrap();
    assert_eq!(l.display(), "1,2,3");
    call(&l, "addAll", std::slice::from_ref(&l)).unwrap();
    assert_eq!(l.display(), "1,2,3,1,2,3");
    assert_eq!(
        run(&l, "addAll", &[n(5)]),
        "error: Invalid arguments for function 'addAll'"
    );
    let big = list(vec![Value::Null; 25_001]);
    assert_eq!(
        run(&l, "addAll", &[big]),
        "error: addAll supports at most 25000 elements"
    );
    let ints = typed(ElemType::Number);
    assert_eq!(
        run(&ints, "addAll", &[list(vec![t("1"), t("x")])]),
        "error: Element 'x' is not valid for a list of type INT"
    );
    assert_eq!(ints.display(), "", "a failed typed addAll adds nothing");
}

#[test]
fn empty_collections_become_list_like() {
    let c = global("Collection", &[]).unwrap();
    call(&c, "add", &[n(1)]).unwrap();
    call(&c, "addAll", &[nums(&[2])]).unwrap();
    assert_eq!(c.display(), "1,2");
    assert_eq!(
        run(&c, "put", &[t("k"), n(1)]),
        "error: Not able to find 'put' function"
    );
}

#[test]
fn get_reads_by_index() {
    let l = list(vec![
        t("Creator"),
        t("CRM"),
        list(vec![t("Projects"), t("Reports")]),
    ]);
    assert_eq!(
        show(call(&l, "get", &[n(2)]).map(|v| Value::text(v.display()))),
        "Projects,Reports"
    );
    assert_eq!(
        run(&nums(&[1, 2]), "get", &[n(2)]),
        "error: Index 2 is out of range for a list of size 2"
    );
    assert_eq!(
        run(&nums(&[1, 2]), "get", &[n(-1)]),
        "error: Index -1 is out of range for a list of size 2"
    );
    assert_eq!(run(&nums(&[1, 2]), "get", &[t("0")]), "1");
    assert_eq!(
        run(&nums(&[1, 2]), "get", &[t("x")]),
        "error: Invalid arguments for function 'get'"
    );
}

#[test]
fn remove_takes_an_index_and_returns_the_element() {
    let p = list(vec![t("Creator"), t("CRM"), t("Projects")]);
    assert_eq!(run(&p, "remove", &[n(1)]), "CRM");
    assert_eq!(p.display(), "Creator,Projects");
    assert_eq!(
        run(&p, "remove", &[n(5)]),
        "error: Index 5 is out of range for a list of size 2"
    );
}

#[test]
fn remove_element_removes_the_first_match_only() {
    let l = nums(&[1, 2, 1]);
    call(&l, "removeElement", &[n(1)]).unwrap();
    assert_eq!(l.display(), "2,1");
    call(&l, "removeElement", &[t("2")]).unwrap();
    assert_eq!(l.display(), "2,1", "text never equals a number here");
}

#[test]
fn remove_all_removes_every_match() {
    let l = list(vec![t("Cricket"), t("Hockey"), t("Soccer"), t("Hockey")]);
    call(&l, "removeAll", &[list(vec![t("Hockey")])]).unwrap();
    assert_eq!(l.display(), "Cricket,Soccer");
    call(&l, "removeAll", std::slice::from_ref(&l)).unwrap();
    assert_eq!(l.display(), "");
    let long = list((0..100).map(Value::Number).collect());
    call(
        &long,
        "removeAll",
        &[list((1..100).map(Value::Number).collect())],
    )
    .unwrap();
    assert_eq!(long.display(), "0");
}

#[test]
fn clear_size_count() {
    let l = nums(&[1, 2, 3]);
    assert_eq!(run(&l, "size", &[]), "3");
    assert_eq!(run(&l, "count", &[]), "3");
    call(&l, "clear", &[]).unwrap();
    assert_eq!(run(&l, "size", &[]), "0");
    assert_eq!(run(&global("List", &[]).unwrap(), "isEmpty", &[]), "true");
}

#[test]
fn contains_and_index_of_use_family_equality() {
    assert_eq!(run(&list(vec![t("a"), n(1)]), "contains", &[n(1)]), "true");
    assert_eq!(run(&list(vec![t("1")]), "contains", &[n(1)]), "false");
    assert_eq!(run(&nums(&[1]), "notContains", &[n(2)]), "true");
    let l = list(vec![t("Creator"), t("CRM"), t("Projects")]);
    assert_eq!(run(&l, "indexOf", &[t("Creator")]), "0");
    assert_eq!(run(&l, "indexOf", &[t("x")]), "-1");
    assert_eq!(run(&nums(&[1, 2, 1]), "lastIndexOf", &[n(1)]), "2");
    assert_eq!(run(&nums(&[1, 2, 1]), "lastIndexOf", &[n(7)]), "-1");
    assert_eq!(run(&nums(&[1]), "contains", &[Value::Decimal(1.0)]), "true");
}

#[test]
fn distinct_and_intersect_make_new_lists() {
    let l = nums(&[1, 2, 1, 3]);
    assert_eq!(run(&l, "distinct", &[]), "1,2,3");
    assert_eq!(l.display(), "1,2,1,3");
    assert_eq!(
        run(&nums(&[1, 2, 3]), "intersect", &[nums(&[3, 1, 5])]),
        "1,3"
    );
    assert_eq!(run(&nums(&[1, 1, 2]), "intersect", &[nums(&[1])]), "1");
    assert_eq!(run(&list(vec![t("1")]), "intersect", &[nums(&[1])]), "");
}

#[test]
fn sub_list_bounds() {
    let l = nums(&[1, 2, 3, 4]);
    assert_eq!(run(&l, "subList", &[n(0), n(3)]), "1,2,3");
    assert_eq!(run(&l, "subList", &[n(2)]), "3,4");
    assert_eq!(run(&l, "subList", &[n(4)]), "");
    assert_eq!(
        run(&l, "subList", &[n(-1)]),
        "error: Index -1 is out of range for a list of size 4"
    );
    assert_eq!(
        run(&l, "subList", &[n(0), n(5)]),
        "error: Index 5 is out of range for a list of size 4"
    );
    assert_eq!(
        run(&l, "subList", &[n(3), n(2)]),
        "error: Index 3 is out of range for a list of size 4"
    );
}

#[test]
fn conversions() {
    let l = list(vec![n(1), Value::Bool(true)]);
    let s = call(&l, "toListString", &[]).unwrap();
    assert!(matches!(call(&s, "get", &[n(1)]), Ok(Value::Text(t)) if &*t == "true"));
    assert_eq!(
        run(&list(vec![n(1), t("a")]), "toJSONList", &[]),
        "[1,\"a\"]"
    );
    let copy = call(&l, "toList", &[]).unwrap();
    call(&copy, "add", &[n(3)]).unwrap();
    assert_eq!(l.display(), "1,true");
}

#[test]
fn to_string_with_and_without_separator() {
    assert_eq!(run(&list(vec![n(1), t("a")]), "toString", &[]), "1,a");
    assert_eq!(
        run(&list(vec![t("a"), t("b")]), "toString", &[t("; ")]),
        "a; b"
    );
    assert_eq!(
        run(&list(vec![t("a"), t("b")]), "toText", &[t("\n")]),
        "a\nb"
    );
    let json = Value::new_json_list(vec![n(1), list(vec![t("x")])]);
    assert_eq!(run(&json, "toString", &[t("|")]), "1|[\"x\"]");
    assert_eq!(run(&json, "toString", &[]), "[1,[\"x\"]]");
}

#[test]
fn insert_is_not_a_list_function() {
    assert_eq!(
        run(&nums(&[1]), "insert", &[n(2)]),
        "error: Not able to find 'insert' function"
    );
}

#[test]
fn lists_and_maps_containing_themselves_do_not_panic() {
    let l = nums(&[1]);
    call(&l, "add", std::slice::from_ref(&l)).unwrap();
    assert_eq!(run(&l, "contains", std::slice::from_ref(&l)), "true");
    assert_eq!(run(&l, "indexOf", std::slice::from_ref(&l)), "1");
    assert!(call(&l, "distinct", &[]).is_ok());
    assert!(matches!(call(&l, "sort", &[]), Ok(Value::Null)));
    call(&l, "removeAll", &[list(vec![l.clone()])]).unwrap();
    assert_eq!(l.display(), "1");
    call(&l, "add", std::slice::from_ref(&l)).unwrap();
    call(&l, "removeElement", std::slice::from_ref(&l)).unwrap();
    assert_eq!(l.display(), "1");
    let m = global("Map", &[]).unwrap();
    call(&m, "put", &[t("self"), m.clone()]).unwrap();
    assert_eq!(run(&m, "containValue", std::slice::from_ref(&m)), "true");
    assert_eq!(run(&m, "contains", std::slice::from_ref(&m)), "true");
    call(&m, "putAll", std::slice::from_ref(&m)).unwrap();
    assert_eq!(run(&m, "size", &[]), "1");
}
