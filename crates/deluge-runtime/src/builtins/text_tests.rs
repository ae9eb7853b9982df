//! Examples of builtins §2 and §11 (TEXT).

use crate::builtins::test_support::{call, global, show};
use crate::value::Value;

fn t(s: &str) -> Value {
    Value::text(s)
}

fn n(i: i64) -> Value {
    Value::Number(i)
}

/// `recv.name(args)` shown as text.
fn run(recv: &str, name: &str, args: &[Value]) -> String {
    show(call(&t(recv), name, args))
}

#[test]
fn length_and_case() {
    assert_eq!(run("Zoho", "length", &[]), "4");
    assert_eq!(run("", "len", &[]), "0");
    assert_eq!(show(call(&Value::Decimal(1000000.05), "len", &[])), "10");
    assert_eq!(run("Zoho 1", "toUpperCase", &[]), "ZOHO 1");
    assert_eq!(run("ZoHo", "toLowerCase", &[]), "zoho");
    assert_eq!(run("café", "toUpperCase", &[]), "CAFÉ");
}

#[test]
fn trimming() {
    assert_eq!(run("  a  b ", "trim", &[]), "a  b");
    assert_eq!(run("  a ", "ltrim", &[]), "a ");
    assert_eq!(run("  a ", "rtrim", &[]), "  a");
    assert_eq!(run("\u{1}x\t", "trim", &[]), "x");
}

#[test]
fn slicing() {
    let hw = "Hello World";
    assert_eq!(run(hw, "subString", &[n(6)]), "World");
    assert_eq!(run(hw, "subString", &[n(0), n(5)]), "Hello");
    assert_eq!(run(hw, "subString", &[n(6), n(-1)]), "World");
    assert_eq!(run(hw, "subString", &[n(3), n(3)]), "");
    assert_eq!(
        run(hw, "subString", &[n(4), n(2)]),
        "error: Index 2 is out of range for a text of length 11"
    );
    assert_eq!(run("Zoho Creator", "left", &[n(4)]), "Zoho");
    assert_eq!(run("Zoho Creator", "right", &[n(7)]), "Creator");
    assert_eq!(
        show(call(&Value::Decimal(1000000.05), "right", &[n(6)])),
        "000.05"
    );
    assert_eq!(
        run("ab", "left", &[n(-1)]),
        "error: Invalid arguments for function 'left'"
    );
}

#[test]
fn padding_and_building() {
    assert_eq!(run("7", "leftpad", &[n(3)]), "  7");
    assert_eq!(run("ab", "rightpad", &[n(4)]), "ab  ");
    assert_eq!(run("abc", "reverse", &[]), "cba");
    assert_eq!(run(",", "repeat", &[n(2)]), ",,");
    assert_eq!(
        run("a", "repeat", &[n(-1)]),
        "error: Invalid arguments for function 'repeat'"
    );
    assert_eq!(run("hELLO wORLD-foo", "proper", &[]), "Hello World-foo");
    assert_eq!(run("Zoho", "concat", &[t(" ")]), "Zoho ");
    assert_eq!(run("café", "isAscii", &[]), "false");
}

#[test]
fn equality() {
    assert_eq!(run("Zoho", "equals", &[t("Zoho")]), "true");
    assert_eq!(run("Zoho", "equals", &[t("zoho")]), "false");
    assert_eq!(run("Zoho", "equals", &[Value::Null]), "false");
    assert_eq!(run("ZOHO", "equalsIgnoreCase", &[t("zoho")]), "true");
}

#[test]
fn filters_and_hex() {
    assert_eq!(run("Zoho 123!", "removeAllAlpha", &[]), " 123!");
    assert_eq!(run("Zoho 123!", "removeAllAlphaNumeric", &[]), " !");
    assert_eq!(run("Zoho 123!", "getAlpha", &[]), "Zoho");
    assert_eq!(run("Zo-ho 1.2", "getAlphaNumeric", &[]), "Zoho12");
    assert_eq!(run("5a6f686f", "hexToText", &[]), "Zoho");
    assert_eq!(run("Zoho", "textToHex", &[]), "5a6f686f");
    assert_eq!(
        run("5", "hexToText", &[]),
        "error: Invalid arguments for function 'hexToText'"
    );
}

#[test]
fn searching() {
    assert_eq!(run("Zoho Creator", "indexOf", &[t("o")]), "1");
    assert_eq!(run("Zoho Creator", "indexOf", &[t("x")]), "-1");
    assert_eq!(run("Zoho", "lastIndexOf", &[t("o")]), "3");
    assert_eq!(run("Zoho", "lastIndexOf", &[t("")]), "4");
    assert_eq!(run("abc", "find", &[t("c")]), "2");
    assert_eq!(run("héllo", "indexOf", &[t("l")]), "2");
    assert_eq!(run("Hello World", "contains", &[t("World")]), "true");
    assert_eq!(run("abc1", "contains", &[n(1)]), "true");
    assert_eq!(run("abc", "notContains", &[t("d")]), "true");
    assert_eq!(run("Hello", "containsIgnoreCase", &[t("hELL")]), "true");
    assert_eq!(run("Zoho", "startsWith", &[t("Zo")]), "true");
    assert_eq!(run("Zoho", "endsWithIgnoreCase", &[t("HO")]), "true");
    assert_eq!(run("Zoho", "startsWithIgnoreCase", &[t("zOH")]), "true");
}

#[test]
fn prefixes_and_counts() {
    assert_eq!(
        run(
            "Zoho Creator is an online database service, which helps",
            "getPrefix",
            &[t(",")]
        ),
        "Zoho Creator is an online database service"
    );
    assert_eq!(run("abc", "getPrefix", &[t("x")]), "null");
    assert_eq!(run("user@zoho.com", "getSuffix", &[t("@")]), "zoho.com");
    assert_eq!(
        run("Split the text and get", "getPrefixIgnoreCase", &[t("AND")]),
        "Split the text "
    );
    assert_eq!(run("ÉTÉ x", "getSuffixIgnoreCase", &[t("été")]), " x");
    assert_eq!(run("banana", "getOccurenceCount", &[t("an")]), "2");
    assert_eq!(run("aaaa", "getOccurenceCount", &[t("aa")]), "2");
    assert_eq!(run("banana", "count", &[t("a")]), "3");
    assert_eq!(run("a b c", "remove", &[t(" ")]), "abc");
    assert_eq!(run("a-b-c", "removeFirstOccurence", &[t("-")]), "ab-c");
    assert_eq!(run("a-b-c", "removeLastOccurence", &[t("-")]), "a-bc");
}

#[test]
fn regex_replacement() {
    assert_eq!(run("a.b.c", "replaceAll", &[t("."), t("-")]), "-----");
    assert_eq!(
        run("a.b.c", "replaceAll", &[t("."), t("-"), Value::Bool(true)]),
        "a-b-c"
    );
    assert_eq!(
        run("2020-12-09T17:25", "replaceAll", &[t("T"), t(" ")]),
        "2020-12-09 17:25"
    );
    assert_eq!(
        run("John Smith", "replaceAll", &[t(r"(\w+) (\w+)"), t("$2 $1")]),
        "Smith John"
    );
    assert_eq!(run("aaa", "replaceFirst", &[t("a"), t("b")]), "baa");
    assert_eq!(
        run("AbcABC", "replaceAllIgnoreCase", &[t("abc"), t("x")]),
        "xx"
    );
    assert_eq!(
        run("AbcABC", "replaceFirstIgnoreCase", &[t("abc"), t("x")]),
        "xABC"
    );
    assert_eq!(
        run("a", "replaceAll", &[t("("), t("")]),
        "error: Invalid regular expression '('"
    );
    assert_eq!(run("12345", "matches", &[t("[0-9]+")]), "true");
    assert_eq!(run("12a", "matches", &[t("[0-9]+")]), "false");
}

#[test]
fn conversions() {
    assert_eq!(
        run("ZohoCreator/ZohoCRM", "toList", &[t("/")]),
        "ZohoCreator,ZohoCRM"
    );
    assert_eq!(
        show(call(
            &call(&t(",,"), "toList", &[t(",")]).unwrap(),
            "size",
            &[]
        )),
        "3"
    );
    assert_eq!(run("1,2,3", "toListString", &[]), "1,2,3");
    assert_eq!(
        run("{company:Zoho, product:Creator}", "toMap", &[]),
        "{\"company\":\"Zoho\",\"product\":\"Creator\"}"
    );
    assert_eq!(run("not json", "toMap", &[]), "error: Invalid JSON text");
    assert_eq!(run("[1,\"a\"]", "toJSONList", &[]), "[1,\"a\"]");
    assert_eq!(run("{\"id\":7}", "get", &[t("id")]), "7");
    assert_eq!(run("{\"id\":7}", "getJSON", &[t("x")]), "null");
    assert_eq!(
        run("{company:Zoho}", "toCollection", &[]),
        "{\"company\":\"Zoho\"}"
    );
    assert_eq!(run("a<b<c", "toCollection", &[t("<")]), "a,b,c");
    assert_eq!(run("  42 ", "toLong", &[]), "42");
    assert_eq!(
        run("12.5", "toLong", &[]),
        "error: Cannot convert '12.5' to NUMBER"
    );
    assert_eq!(run("12", "toDecimal", &[]), "12.0");
    assert_eq!(run("-0.5", "toDecimal", &[]), "-0.5");
    assert_eq!(
        run("x", "toDecimal", &[]),
        "error: Cannot convert 'x' to DECIMAL"
    );
}

#[test]
fn null_receivers_and_missing_functions() {
    assert_eq!(
        show(call(&Value::Null, "trim", &[])),
        "error: Value is empty and 'trim' function cannot be applied"
    );
    assert!(global("zoho.encryption.aesEncode", &[]).is_err());
}
