//! The assertions of `deluge test`: `assertEquals`, `assertNotEquals`,
//! `assertTrue`, `assertFalse`, `assertNull`, `assertNotNull`,
//! `assertContains` and `fail`.
//!
//! A failed assertion ends the test case with an uncatchable E801 error
//! (a `try` in the code under test must not swallow it); the expected and
//! actual values, and the path of their first difference, travel beside it
//! as a [`Failure`] for the report.

use deluge_runtime::value::same_family_equals;
use deluge_runtime::{RtError, RtResult, Value};
use deluge_syntax::codes;
use serde_json::Value as Json;

/// The names, as scripts write them.
pub const NAMES: &[&str] = &[
    "assertEquals",
    "assertNotEquals",
    "assertTrue",
    "assertFalse",
    "assertNull",
    "assertNotNull",
    "assertContains",
    "fail",
];

/// Details of a failed assertion.
#[derive(Debug, Clone, Default)]
pub struct Failure {
    /// The user's message, if the assertion was given one.
    pub message: Option<String>,
    /// `expected` and `actual`, rendered (collections as indented JSON).
    pub expected: Option<String>,
    pub actual: Option<String>,
    /// Where the values first differ (`data[0].Email`); empty at the root.
    pub path: Option<String>,
}

/// Runs an assertion by name (lower case); `Err(failure)` when it fails,
/// and a plain runtime error when it is called wrongly.
pub fn check(name: &str, args: &[Value]) -> RtResult<Result<(), (String, Failure)>> {
    let arity = |min: usize, max: usize| {
        if args.len() < min || args.len() > max {
            Err(RtError::invalid_args(name))
        } else {
            Ok(())
        }
    };
    let message_at = |i: usize| args.get(i).map(Value::display);
    match name {
        "assertequals" | "assertnotequals" => {
            arity(2, 3)?;
            let equal = same_family_equals(&args[0], &args[1]);
            let want_equal = name == "assertequals";
            Ok(if equal == want_equal {
                Ok(())
            } else if want_equal {
                Err(not_equal(&args[0], &args[1], message_at(2)))
            } else {
                Err((
                    "the values are equal".to_string(),
                    Failure {
                        message: message_at(2),
                        actual: Some(render(&args[1])),
                        ..Failure::default()
                    },
                ))
            })
        }
        "asserttrue" | "assertfalse" => {
            arity(1, 2)?;
            let want = name == "asserttrue";
            Ok(match &args[0] {
                Value::Bool(b) if *b == want => Ok(()),
                other => Err((
                    format!("expected {want}"),
                    Failure {
                        message: message_at(1),
                        expected: Some(want.to_string()),
                        actual: Some(render(other)),
                        ..Failure::default()
                    },
                )),
            })
        }
        "assertnull" | "assertnotnull" => {
            arity(1, 2)?;
            let want_null = name == "assertnull";
            Ok(if args[0].is_null() == want_null {
                Ok(())
            } else {
                let headline = if want_null {
                    "expected null"
                } else {
                    "expected a value, got null"
                };
                Err((
                    headline.to_string(),
                    Failure {
                        message: message_at(1),
                        actual: Some(render(&args[0])),
                        ..Failure::default()
                    },
                ))
            })
        }
        "assertcontains" => {
            arity(2, 3)?;
            Ok(if contains(&args[0], &args[1])? {
                Ok(())
            } else {
                Err((
                    format!("{} does not contain the item", args[0].type_name()),
                    Failure {
                        message: message_at(2),
                        expected: Some(render(&args[1])),
                        actual: Some(render(&args[0])),
                        ..Failure::default()
                    },
                ))
            })
        }
        "fail" => {
            arity(0, 1)?;
            Ok(Err((
                "fail() was called".to_string(),
                Failure {
                    message: message_at(0),
                    ..Failure::default()
                },
            )))
        }
        _ => Err(RtError::not_found(name)),
    }
}

/// The error that ends a test case whose assertion failed.
pub fn failure_error(headline: &str, failure: &Failure) -> RtError {
    let text = match &failure.message {
        Some(m) => format!("assertion failed: {m} ({headline})"),
        None => format!("assertion failed: {headline}"),
    };
    RtError::limit(codes::ASSERTION_FAILED, text)
}

/// `haystack` holds `item`: a list element, a map key, or a text's part.
fn contains(haystack: &Value, item: &Value) -> RtResult<bool> {
    if let Some(list) = haystack.list_ref() {
        return Ok(list.items.iter().any(|x| same_family_equals(x, item)));
    }
    if let Some(map) = haystack.map_ref() {
        return Ok(map.entries.keys().any(|k| same_family_equals(&k.0, item)));
    }
    match haystack {
        Value::Text(t) => Ok(t.contains(item.display().as_str())),
        Value::Collection(_) => Ok(false),
        _ => Err(RtError::invalid_args("assertContains")),
    }
}

fn not_equal(expected: &Value, actual: &Value, message: Option<String>) -> (String, Failure) {
    let path = first_difference(
        &deluge_runtime::json::to_json(expected),
        &deluge_runtime::json::to_json(actual),
        String::new(),
    )
    .filter(|p| !p.is_empty());
    let headline = match &path {
        Some(p) => format!("expected and actual differ at {p}"),
        None => "expected and actual differ".to_string(),
    };
    let failure = Failure {
        message,
        expected: Some(render(expected)),
        actual: Some(render(actual)),
        path,
    };
    (headline, failure)
}

/// A value as the report shows it: collections as indented JSON, text in
/// quotes, the rest in their text form with their type when it matters.
pub fn render(v: &Value) -> String {
    match v {
        Value::List(_) | Value::Map(_) | Value::Collection(_) => {
            serde_json::to_string_pretty(&deluge_runtime::json::to_json(v))
                .unwrap_or_else(|_| v.display())
        }
        Value::Text(t) => Json::String(t.to_string()).to_string(),
        Value::Null => "null".to_string(),
        Value::Number(_) | Value::Decimal(_) | Value::Bool(_) => v.display(),
        other => format!("{} ({})", other.display(), other.type_name()),
    }
}

/// The path of the first place two JSON values differ (`data[0].Email`),
/// `Some("")` when they differ at the root, `None` when they are equal.
pub fn first_difference(a: &Json, b: &Json, path: String) -> Option<String> {
    match (a, b) {
        (Json::Object(x), Json::Object(y)) => {
            for (key, xv) in x {
                let here = join_key(&path, key);
                match y.get(key) {
                    Some(yv) => {
                        if let Some(p) = first_difference(xv, yv, here) {
                            return Some(p);
                        }
                    }
                    None => return Some(here),
                }
            }
            y.keys()
                .find(|k| !x.contains_key(*k))
                .map(|k| join_key(&path, k))
        }
        (Json::Array(x), Json::Array(y)) => {
            for (i, (xv, yv)) in x.iter().zip(y).enumerate() {
                if let Some(p) = first_difference(xv, yv, format!("{path}[{i}]")) {
                    return Some(p);
                }
            }
            (x.len() != y.len()).then(|| format!("{path}[{}]", x.len().min(y.len())))
        }
        (Json::Number(x), Json::Number(y)) if x.as_f64() == y.as_f64() => None,
        _ if a == b => None,
        _ => Some(path),
    }
}

/// `data` + `Email` → `data.Email`; keys that are not plain names are
/// quoted: `data["Contacts.ID"]`.
fn join_key(path: &str, key: &str) -> String {
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    match (path.is_empty(), plain) {
        (true, true) => key.to_string(),
        (false, true) => format!("{path}.{key}"),
        (_, false) => format!("{path}[{}]", Json::String(key.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_first_difference_is_named_by_its_path() {
        let a = json!({"data": [{"Email": "a@x", "Name": "A"}]});
        let b = json!({"data": [{"Email": "b@x", "Name": "A"}]});
        assert_eq!(
            first_difference(&a, &b, String::new()).as_deref(),
            Some("data[0].Email")
        );
        assert_eq!(first_difference(&a, &a, String::new()), None);
        let longer = json!({"data": [{"Email": "a@x", "Name": "A"}, {}]});
        assert_eq!(
            first_difference(&a, &longer, String::new()).as_deref(),
            Some("data[1]")
        );
        let odd = json!({"Contacts.ID": 1});
        let odd2 = json!({"Contacts.ID": 2});
        assert_eq!(
            first_difference(&odd, &odd2, String::new()).as_deref(),
            Some("[\"Contacts.ID\"]")
        );
        assert_eq!(
            first_difference(&json!(1), &json!("1"), String::new()).as_deref(),
            Some("")
        );
    }

    #[test]
    fn assertions_pass_and_fail_as_documented() {
        let t = |s: &str| Value::text(s);
        let pass = |name: &str, args: &[Value]| check(name, args).expect("well-formed").is_ok();
        assert!(pass(
            "assertequals",
            &[Value::Number(1), Value::Decimal(1.0)]
        ));
        assert!(!pass("assertequals", &[Value::Number(1), t("1")]));
        assert!(pass("assertnotequals", &[t("a"), t("b")]));
        assert!(pass("asserttrue", &[Value::Bool(true)]));
        assert!(!pass("asserttrue", &[t("true")]));
        assert!(pass("assertfalse", &[Value::Bool(false)]));
        assert!(pass("assertnull", &[Value::Null]));
        assert!(!pass("assertnotnull", &[Value::Null]));
        let list = Value::new_list(vec![t("a"), t("b")]);
        assert!(pass("assertcontains", &[list.clone(), t("b")]));
        assert!(!pass("assertcontains", &[list, t("c")]));
        assert!(pass("assertcontains", &[t("hello world"), t("lo w")]));
        assert!(!pass("fail", &[t("never")]));
        assert!(check("asserttrue", &[]).is_err());
    }

    #[test]
    fn a_failure_carries_both_values_and_the_message() {
        let map = |v: &str| deluge_runtime::json::from_serde(&json!({"data": [{"Email": v}]}));
        let (headline, failure) = check(
            "assertequals",
            &[map("a@x"), map("b@x"), Value::text("emails match")],
        )
        .expect("well-formed")
        .expect_err("differs");
        assert_eq!(headline, "expected and actual differ at data[0].Email");
        assert_eq!(failure.message.as_deref(), Some("emails match"));
        assert!(
            failure
                .expected
                .expect("expected")
                .contains("\"Email\": \"a@x\"")
        );
        let err = failure_error(&headline, &Failure::default());
        assert_eq!(err.code, codes::ASSERTION_FAILED);
        assert!(!err.catchable);
    }
}
