use super::*;
use deluge_runtime::value::Kind;

fn vocabulary() -> Vocabulary {
    Vocabulary {
        variables: vec![
            ("name".to_string(), Kind::Text),
            ("items".to_string(), Kind::List),
        ],
        functions: vec!["standalone.notify".to_string()],
    }
}

fn complete(before: &str) -> (usize, Vec<String>) {
    candidates(before, &vocabulary())
}

#[test]
fn commands_at_the_start_of_a_line() {
    assert_eq!(
        complete(":re"),
        (0, vec![":requests".into(), ":reset".into()])
    );
    assert_eq!(complete(":q").1, [":quit"]);
}

#[test]
fn the_session_kinds_choose_the_methods() {
    let (start, words) = complete("name.toUp");
    assert_eq!(start, 5);
    assert_eq!(words, ["toUpperCase"]);
    let words = complete("items.s").1;
    let size = words.iter().position(|w| w == "size").expect("size");
    let sub = words.iter().position(|w| w == "subString").expect("all");
    assert!(size < sub, "{words:?}");
}

#[test]
fn session_functions_are_offered() {
    assert!(
        complete("stand")
            .1
            .contains(&"standalone.notify".to_string())
    );
}
