//! Static checks that need no evaluation (`deluge check`): warnings about
//! code that parses but is very likely wrong.
//!
//! - W201 a variable read before any assignment (or never assigned)
//! - W202 `break` / `continue` outside a loop
//! - W203 `return` with a value in a `void` function
//! - W204 an unknown `invokeurl` / `sendmail` key
//! - W205 a `type:` that is not an HTTP method
//! - W206 an unknown function name, with a "did you mean" suggestion
//! - W207 code after `return`, `break` or `continue`

mod partial;
mod suggest;
mod walk;

use crate::lower::FunctionNames;
use deluge_syntax::ast::{Script, ScriptBody, TypeKind};
use deluge_syntax::{Diagnostic, Parse};
pub use partial::check_recovered;
pub use suggest::{closest, output_help};
pub use walk::input_help;

/// Every diagnostic `deluge check` reports for a parsed file, in source
/// order: its syntax errors and the static warnings. The parser recovers,
/// so a file with a syntax error still gets the warnings of the part that
/// parsed. Editors report the same list.
pub fn diagnostics(parsed: &Parse, text: &str) -> Vec<Diagnostic> {
    let mut all = parsed.diagnostics.clone();
    all.extend(check_recovered(&parsed.script, text, &parsed.diagnostics));
    all.sort_by_key(|d| d.primary_span().start);
    all
}

/// Every warning for a parsed script, in source order.
pub fn check(script: &Script) -> Vec<Diagnostic> {
    let mut functions = FunctionNames::default();
    let mut names = Vec::new();
    if let ScriptBody::Functions(defs) = &script.body {
        for (i, def) in defs.iter().enumerate() {
            functions.insert(&def.full_name(), &def.name.name, i);
            names.push(def.full_name());
        }
    }
    let mut linter = walk::Linter::new(&functions, &names);
    match &script.body {
        ScriptBody::Statements(stmts) => linter.function(&[], false, true, stmts),
        ScriptBody::Functions(defs) => {
            for def in defs {
                let params: Vec<&str> = def.params.iter().map(|p| p.name.name.as_str()).collect();
                let is_void = def.return_type.kind == TypeKind::Void;
                linter.function(&params, is_void, false, &def.body.stmts);
            }
        }
    }
    let mut diags = linter.finish();
    diags.sort_by_key(|d| d.primary_span().start);
    diags
}

#[cfg(test)]
mod tests;
