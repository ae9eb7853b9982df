//! `deluge lsp`: the language server, over standard input and output.

use crate::cli::LspArgs;
use crate::fmt_cmd::config;
use deluge_lsp::{Config, Ending, FmtOptions};

/// Exit status 0 after `shutdown` then `exit`; 1 when the client exits
/// without `shutdown` or its input ends first (the protocol asks for it),
/// or when standard input or output fails.
pub fn lsp(_args: LspArgs) -> u8 {
    // Documents are formatted with the options `deluge fmt` would use in
    // their folder: those of the nearest deluge.json.
    let config = Config {
        format_options: Box::new(|folder| match folder {
            Some(folder) => config::for_folder(folder),
            None => Ok(FmtOptions::default()),
        }),
    };
    match deluge_lsp::run_stdio(config) {
        Ok(Ending::Clean) => 0,
        Ok(Ending::WithoutShutdown) => 1,
        Err(e) => {
            eprintln!("deluge lsp: {e}");
            1
        }
    }
}
