//! Examples of builtins §1 and §11 (global functions), expectations from
//! the spec.

use crate::builtins::test_support::{call, global, show};
use crate::value::Value;

fn n(i: i64) -> Value {
    Value::Number(i)
}

#[test]
fn constructors() {
    assert_eq!(show(call(&global("Map", &[]).unwrap(), "size", &[])), "0");
    assert_eq!(
        show(call(
            &global("List", &[Value::text("a,b,,c")]).unwrap(),
            "size",
            &[]
        )),
        "4"
    );
    assert_eq!(
        show(global("List", &[n(1)])),
        "error: Invalid arguments for function 'List'"
    );
    assert_eq!(
        show(global("Map", &[n(1)])),
        "error: Invalid arguments for function 'Map'"
    );
    let empty = global("Collection", &[]).unwrap();
    assert_eq!(show(global("Map", std::slice::from_ref(&empty))), "{}");
    assert_eq!(show(global("List", &[empty])), "");
    let l = global("List", &[]).unwrap();
    let copy = global("List", std::slice::from_ref(&l)).unwrap();
    call(&copy, "add", &[n(1)]).unwrap();
    assert_eq!(l.display(), "", "List(l) is a copy");
    assert_eq!(show(global("Collection", &[n(1), n(2)])), "1,2");
}

#[test]
fn random_number_bounds() {
    assert_eq!(show(global("randomNumber", &[n(1), n(1)])), "1");
    for _ in 0..50 {
        let Ok(Value::Number(r)) = global("randomNumber", &[n(-2), n(2)]) else {
            panic!("randomNumber gives a NUMBER");
        };
        assert!((-2..=2).contains(&r));
        let Ok(Value::Number(r)) = global("randomNumber", &[]) else {
            panic!("randomNumber gives a NUMBER");
        };
        assert!((0..=2_147_483_647).contains(&r));
    }
    assert_eq!(
        show(global("randomNumber", &[n(5), n(1)])),
        "error: Invalid arguments for function 'randomNumber'"
    );
    assert_eq!(
        show(global("randomNumber", &[n(5)])),
        "error: Invalid arguments for function 'randomNumber'"
    );
}

#[test]
fn open_url_produces_no_value() {
    let r = global(
        "openUrl",
        &[
            Value::text("https://example.com"),
            Value::text("new window"),
        ],
    );
    assert!(matches!(r, Ok(Value::Null)));
}

#[test]
fn get_url_and_post_url_are_unavailable() {
    assert_eq!(
        show(global("getUrl", &[Value::text("https://example.com")])),
        "error: getUrl is not available in this environment"
    );
    assert_eq!(
        show(global("postUrl", &[])),
        "error: postUrl is not available in this environment"
    );
}
