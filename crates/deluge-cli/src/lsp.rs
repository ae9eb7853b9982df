//! `deluge lsp`: the language server, over standard input and output.

use crate::cli::LspArgs;
use deluge_lsp::Ending;

/// Exit status 0 after `shutdown` then `exit`; 1 when the client exits
/// without `shutdown` or its input ends first (the protocol asks for it),
/// or when standard input or output fails.
pub fn lsp(_args: LspArgs) -> u8 {
    match deluge_lsp::run_stdio() {
        Ok(Ending::Clean) => 0,
        Ok(Ending::WithoutShutdown) => 1,
        Err(e) => {
            eprintln!("deluge lsp: {e}");
            1
        }
    }
}
