//! Evaluation never panics: every built-in called on receivers and
//! arguments of every type, and random programs made of common fragments,
//! either give a value or a runtime error.

use deluge_runtime::builtins::registry;
use deluge_runtime::{Interpreter, Limits, Loaded, LocalHost, Program};
use proptest::prelude::*;

/// Values of every type, as source text.
const VALUES: &[&str] = &[
    "null",
    "true",
    "0",
    "-1",
    "9223372036854775807",
    "2.5",
    "\"\"",
    "\"abc\"",
    "\"12\"",
    "\"2020-01-05\"",
    "'05-Jan-2026 10:00:00'",
    "{1, \"a\", null}",
    "{\"k\": 1, \"n\": {\"x\": [1, 2]}}",
    "Collection()",
    "\"a,b\".toFile(\"x.csv\")",
    "List:Int({1, 2})",
];

/// Runs a script; panics surface as test failures, errors are fine.
fn run(source: &str) {
    let mut program = Program::new();
    let Ok(loaded) = program.load("robust.dg", source, &[], &|_| None) else {
        return;
    };
    let Loaded::Script(f) = loaded else {
        return;
    };
    let mut host = LocalHost::default();
    let limits = Limits {
        max_statements: 2000,
        ..Limits::default()
    };
    let _ = Interpreter::new(&program, &mut host, limits).run(f, Vec::new());
}

#[test]
fn every_builtin_accepts_any_receiver_and_argument_without_panicking() {
    let names: Vec<&str> = registry().all_names().collect();
    let mut skipped = Vec::new();
    for name in &names {
        let mut script = String::new();
        for recv in VALUES {
            script.push_str(&format!(
                "try {{ x = ({recv}).{name}(); }} catch (e) {{ }}\n"
            ));
            for arg in VALUES {
                script.push_str(&format!(
                    "try {{ x = ({recv}).{name}({arg}); }} catch (e) {{ }}\n"
                ));
                script.push_str(&format!(
                    "try {{ x = ({recv}).{name}({arg}, {arg}); }} catch (e) {{ }}\n"
                ));
            }
        }
        // Function forms too (`name(args)`), which reach globals.
        for arg in VALUES {
            script.push_str(&format!("try {{ x = {name}({arg}); }} catch (e) {{ }}\n"));
        }
        let mut program = Program::new();
        // A name that is a keyword in call position may not parse; skip it.
        let Ok(Loaded::Script(f)) = program.load("all.dg", &script, &[], &|_| None) else {
            skipped.push(*name);
            continue;
        };
        let mut host = LocalHost::default();
        let limits = Limits {
            max_statements: 0,
            ..Limits::default()
        };
        let _ = Interpreter::new(&program, &mut host, limits).run(f, Vec::new());
    }
    // Only names that are keywords in call position (`List`, `Map`, ...
    // are fine; dotted `zoho.encryption.*` names are not methods) may be
    // skipped.
    assert!(
        skipped.iter().all(|n| n.contains('.')),
        "built-ins whose calls did not parse: {skipped:?}"
    );
}

const FRAGMENTS: &[&str] = &[
    "x = 1;",
    "x = x + \"a\";",
    "x = x * 2;",
    "x = x / 0;",
    "l = List();",
    "l.add(x);",
    "l.addAll(l);",
    "m = Map();",
    "m.put(x, l);",
    "m.put(\"self\", m);",
    "info m;",
    "info l;",
    "for each i in l { info i; }",
    "for each i in m { x = i; }",
    "x = l.get(0);",
    "x = m.get(\"k\").get(\"z\");",
    "if (x == 1) { x = 2; } else { x = null; }",
    "x = ifnull(x, 0) + 1;",
    "x = x.toString().length();",
    "x = l.sort();",
    "x = l == m;",
    "x = {l, m}.distinct();",
    "c = Collection(); c.insert(x); c.insert(c);",
    "x = c.duplicate();",
    "try { x = l.get(-1); } catch (e) { info e; }",
    "x = \"{\\\"a\\\":[1,{\\\"b\\\":null}]}\".toMap();",
    "x = today.addDay(x);",
    "break;",
    "return x;",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_programs_of_common_fragments_never_panic(
        picks in proptest::collection::vec(0..FRAGMENTS.len(), 1..40)
    ) {
        let source: String = picks.iter().map(|i| FRAGMENTS[*i]).collect::<Vec<_>>().join("\n");
        run(&source);
    }
}
