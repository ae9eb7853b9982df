//! Every Zoho Creator form of usage.md and language spec §7.14 is one E110
//! diagnostic and one `StmtKind::Creator` statement; the statement after it
//! parses normally.

use deluge_syntax::ast::{ScriptBody, StmtKind};
use deluge_syntax::{codes, parse};

const FORMS: &[&str] = &[
    "insert into Orders [ Name = \"a\" Total = 5 ]",
    "id = insert into Orders [ Name = input.Name ];",
    "delete from Orders[ID == 5];",
    "fetch records from Orders;",
    "alert \"Saved\";",
    "alert(\"Saved\");",
    "cancel submit;",
    "hide Discount;",
    "show Discount;",
    "enable Discount;",
    "disable Discount;",
    "set Total = 5;",
    "clear Notes;",
    "reload;",
    "input.Status = \"Done\";",
    "input.Total += 1;",
    "rec.Status = \"Closed\";",
    "x = input.Name;",
    "info row.Amount;",
    "r = Orders[Status == \"Open\"];",
    "r = Orders[Status = \"Open\" && Total > 5 sort by Total];",
    "all = Orders[ID != 0].getAll();",
    "for each r in Orders[Status == \"Open\"] { info r; }",
    "if (input.Status == \"x\") { info 1; }",
    "thisapp.notify.send(\"x\");",
    "v = thisapp.util.compute(1);",
];

#[test]
fn each_creator_form_is_one_diagnostic_and_one_node() {
    for form in FORMS {
        let src = format!("{form}\ninfo \"next\";\n");
        let parsed = parse(&src);
        let codes: Vec<_> = parsed.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, [codes::CREATOR_STATEMENT], "{form}");
        let ScriptBody::Statements(stmts) = &parsed.script.body else {
            panic!("statements expected");
        };
        assert_eq!(stmts.len(), 2, "{form}: {stmts:#?}");
        assert!(matches!(stmts[0].kind, StmtKind::Creator { .. }), "{form}");
        assert!(matches!(stmts[1].kind, StmtKind::Info(_)), "{form}");
    }
}

#[test]
fn creator_words_remain_usable_as_names() {
    let src = "alert = 1;\nshow = alert + 1;\nset = {1};\nset.add(2);\nopenUrl(\"https://x.com\", \"new window\");\n";
    let parsed = parse(src);
    assert!(parsed.diagnostics.is_empty(), "{:#?}", parsed.diagnostics);
}

#[test]
fn error_properties_are_not_creator_fields() {
    let src = "try { x = 1; } catch (e) { info e.message + e.lineNo; info e.Message; }";
    assert!(parse(src).diagnostics.is_empty());
}
