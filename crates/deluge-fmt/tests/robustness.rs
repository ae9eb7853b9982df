//! Formatting never panics, and every script without syntax errors is
//! formatted (never refused with E118) to a fixed point that keeps every
//! comment, whatever its comments and line breaks: random scripts of valid
//! statements with comments slipped in between any two tokens, at any line
//! width.

use deluge_fmt::{FmtOptions, Indent, format_source};
use proptest::prelude::*;

/// Statements, written with a space between every two tokens so a comment
/// can go at any space.
const STATEMENTS: &[&str] = &[
    "x = 1 ;",
    "info x ;",
    "if ( a ) { b = 1 ; }",
    "if ( a ) { } else if ( b = 2 ) { c = 3 ; } else { }",
    "for each i in l { continue ; }",
    "for each index i in l { break ; }",
    "try { x = 1 ; } catch ( e ) { info e . message ; }",
    "m = { \"a\" : 1 , \"b\" : [ 1 , 2 ] , \"c\" : { } } ;",
    "r = invokeurl [ url : \"https://example.com\" type : GET headers : m ] ;",
    "sendmail [ from : a to : b subject : \"s\" message : \"m\" Attachments : file : f , file : g ]",
    "x = a + b * ( c - d ) / e % f ;",
    "y = f ( a , b ) . g ( ) . h ( 1 ) . i ( ) ;",
    "z = if ( a , b , c ) && ! d || e == null ;",
    "w = x is not null && y not in { 1 , 2 } ;",
    "l = List : String ( { \"a\" } ) ;",
    "c = collection ( \"a\" : 1 ) ;",
    "v = - ( a + b ) - - c ;",
    "u = ( ( a ) ) ;",
    "d = zoho . currentdate . addDay ( 1 ) ;",
    "q = zoho . crm . getRecordById ( \"Leads\" , id ) ;",
    "s = \"text // not a comment /* nor this */\" ;",
    "t = 'x /* y */' ;",
    "total += 1 ;",
    ";",
    "return ;",
    "return a + b ;",
];

const COMMENTS: &[&str] = &[
    "// c",
    "/* c */",
    "/* two\n lines */",
    "/**\n * doc\n   */",
    "// expect: 1",
];

const SEPARATORS: &[&str] = &[" ", "\n", "\n\n\n", "\t", "\r\n"];

/// One statement with a comment at one of its spaces (or none).
fn statement_with_comment() -> impl Strategy<Value = String> {
    (
        0..STATEMENTS.len(),
        0..COMMENTS.len() + 1,
        any::<prop::sample::Index>(),
    )
        .prop_map(|(s, c, at)| {
            let words: Vec<&str> = STATEMENTS[s].split(' ').collect();
            let Some(comment) = COMMENTS.get(c) else {
                return words.join(" ");
            };
            let at = at.index(words.len() + 1);
            let mut out = words[..at].join(" ");
            // A `//` comment ends at the line break after it.
            let tail = if comment.starts_with("//") { "\n" } else { " " };
            out.push_str(&format!(" {comment}{tail}"));
            out.push_str(&words[at..].join(" "));
            out
        })
}

fn statements() -> impl Strategy<Value = String> {
    proptest::collection::vec((statement_with_comment(), 0..SEPARATORS.len()), 0..10).prop_map(
        |parts| {
            parts
                .into_iter()
                .map(|(statement, sep)| format!("{statement}{}", SEPARATORS[sep]))
                .collect()
        },
    )
}

/// Blocks and functions around the statements.
const WRAPPERS: &[&str] = &[
    "BODY",
    "BODY BODY",
    "if ( a ) { BODY } else { BODY }",
    "for each x in l { BODY } BODY",
    "try { BODY } /* c */ catch ( e ) { BODY }",
    "string standalone . f ( string a /* c */ , int b ) { BODY } // c\n void g ( ) { BODY }",
];

fn script() -> impl Strategy<Value = String> {
    (
        0..WRAPPERS.len(),
        proptest::collection::vec(statements(), 2),
    )
        .prop_map(|(w, bodies)| {
            let mut parts = WRAPPERS[w].split("BODY");
            let mut out = parts.next().unwrap_or_default().to_owned();
            for (i, part) in parts.enumerate() {
                out.push_str(&bodies[i % 2]);
                out.push_str(part);
            }
            out
        })
}

fn options() -> impl Strategy<Value = FmtOptions> {
    (
        prop_oneof![Just(1usize), Just(24), Just(120)],
        any::<bool>(),
    )
        .prop_map(|(width, tabs)| FmtOptions {
            indent: if tabs { Indent::Tab } else { Indent::Spaces(2) },
            line_width: width,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn valid_scripts_always_format_to_a_fixed_point(source in script(), options in options()) {
        let parsed = deluge_syntax::parse(&source);
        prop_assume!(!parsed.has_errors());
        let once = format_source(&source, &options);
        prop_assert!(once.is_ok(), "refused:\n{source}\n{once:?}");
        let once = once.unwrap_or_default();
        for marker in ["// c", "/* c */", "/* two", "/**", "// expect: 1"] {
            prop_assert_eq!(
                source.matches(marker).count(),
                once.matches(marker).count(),
                "comments lost or added: {}\n{}", marker, once
            );
        }
        let twice = format_source(&once, &options).unwrap_or_default();
        prop_assert_eq!(&twice, &once, "not idempotent for\n{}", source);
    }

    #[test]
    fn any_input_is_formatted_or_refused_without_panicking(
        bytes in proptest::collection::vec(any::<u8>(), 0..300)
    ) {
        let source = String::from_utf8_lossy(&bytes);
        let _ = format_source(&source, &FmtOptions::default());
    }
}
