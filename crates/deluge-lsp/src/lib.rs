//! A language server for Deluge, over standard input and output.
//!
//! It reports what `deluge check` reports as you type, explains built-ins
//! from the tables that generate `docs/builtins.md`, completes methods by
//! the type of their receiver, finds definitions and references of
//! variables and functions, lists the functions of a file, classes every
//! token for highlighting and formats documents with `deluge-fmt`.
//!
//! Built on rust-analyzer's `lsp-types` (the protocol's types) and
//! `lsp-server`'s messages, with a synchronous loop on one thread and a
//! reader of our own that answers malformed input with JSON-RPC errors
//! (`transport.rs`).
//!
//! Pipeline per document: text → `deluge_syntax::parse` →
//! `deluge_runtime::lint::diagnostics` on every change; the [`index`] of
//! names (`walk.rs`) on the first request after a change.

mod capabilities;
mod completion;
mod config;
mod diagnostics;
mod document;
mod formatting;
mod hover;
mod index;
mod infer;
mod navigation;
mod position;
mod requests;
mod semantic;
mod server;
mod transport;
mod walk;

pub use config::{Config, FormatOptions};
pub use deluge_fmt::FmtOptions;
pub use server::{Ending, serve};
pub use transport::{Channels, Incoming, Invalid, Outgoing, memory};

/// Serves one client over standard input and output until it exits.
pub fn run_stdio(config: Config) -> std::io::Result<Ending> {
    let (channels, threads) = transport::stdio()?;
    let ending = serve(channels, config);
    threads.join()?;
    Ok(ending)
}
