//! The text after the options on each subcommand's help page. Every page
//! has the same layout: what the command does, usage, arguments, options
//! (each with a description), then `Examples:` and `Exit status:`. The
//! test below keeps every subcommand, present and future, to it.

pub const RUN: &str = "\
Examples:
  deluge run examples/hello.dg
  deluge run examples/contact.dg --arg contact='{\"Contacts.ID\":\"4000000000001\"}'
  deluge run examples/functions.dg --function standalone.greet --arg name=Ann --arg times=2
  echo 'info 1 + 2;' | deluge run -

Exit status:
  0  the script ran (its return value, if any, is printed last)
  1  the script failed: a syntax error or an uncaught runtime error
  2  a usage error: a missing file, a bad option, a missing or ill-typed --arg";

pub const CHECK: &str = "\
Examples:
  deluge check examples/
  deluge check --format short examples/hello.dg
  deluge check --deny-warnings examples/hello.dg

Exit status:
  0  every file is clean (warnings allowed unless --deny-warnings)
  1  a file has an error, or a warning with --deny-warnings
  2  a usage error: a missing file or folder, a bad option";

pub const PARSE: &str = "\
Examples:
  deluge parse examples/hello.dg
  deluge parse --spans examples/hello.dg

Exit status:
  0  the file parsed without errors
  1  the file has syntax errors (the tree is printed as far as it was recovered)
  2  a usage error: a missing file, a bad option";

pub const REPL: &str = "\
Examples:
  deluge repl
  deluge repl --load examples/functions.dg --now 2026-01-05
  printf 'x = [1, 2];\\nx.size()\\n' | deluge repl

Exit status:
  0  the session ended (Ctrl-D or :quit); with piped input, every entry succeeded
  1  with piped input, some entry or command failed
  2  a usage error: a bad option";

pub const CONNECTIONS: &str = "\
Examples:
  deluge connections list --connections examples/bigin-books-sync/connections.json
  cd examples/bigin-books-sync && deluge connections list

Exit status:
  0  the file is valid (list), or every link checked got a token (check)
  1  the file is invalid, or a link could not be resolved or authorized
  2  a usage error: no connections file found, an unknown link name";

pub const SANDBOX: &str = "\
Examples:
  deluge sandbox dump --seed examples/bigin-books-sync/sandbox.json
  cd examples/bigin-books-sync && deluge sandbox dump --seed sandbox.json

Exit status:
  0  the store was printed, or the server shut down cleanly
  1  the seed or state file is invalid, or the port could not be bound
  2  a usage error: neither --seed nor --state, a bad option

Serving until Ctrl-C (the address is printed):
  deluge sandbox serve --seed examples/bigin-books-sync/sandbox.json --port 8080";

pub const TEST: &str = "\
Examples:
  deluge test examples/bigin-books-sync
  deluge test tests/conformance/text --jobs 2
  deluge test examples/bigin-books-sync --filter update --json

Exit status:
  0  every test passed
  1  a test failed, or a file could not be loaded
  2  a usage error: a missing path, a bad option";

pub const NEW: &str = "\
Examples:
  deluge new \"$(mktemp -d)/crm-sync\"
  cd \"$(mktemp -d)\" && deluge new contacts && deluge test contacts

Exit status:
  0  the project was written
  2  the folder exists already, a file could not be written, or a bad option";

pub const FMT: &str = "\
Examples:
  deluge fmt --check examples/ benches/
  deluge fmt --stdin < examples/hello.dg

Exit status:
  0  every file is formatted (with --check), or was written
  1  a file is not formatted (with --check), or has syntax errors (left untouched)
  2  a usage error: a missing file or folder, a bad option or deluge.json";

pub const LSP: &str = "\
Examples:
  deluge lsp < editors/lsp-smoke.jsonrpc
  deluge lsp --stdio < editors/lsp-smoke.jsonrpc

The file holds a whole session (initialize, shutdown, exit): the server
answers each request on standard output. Editors start `deluge lsp` and
speak to it the same way (docs/editors.md).

Exit status:
  0  the editor sent shutdown, then exit
  1  the input ended, or exit came without shutdown";

#[cfg(test)]
mod tests {
    use crate::cli::Cli;
    use clap::CommandFactory;

    #[test]
    fn every_argument_and_option_is_described() {
        let cli = Cli::command();
        for command in cli.get_subcommands() {
            for arg in command.get_arguments() {
                let id = arg.get_id().as_str();
                if id == "help" || id == "version" {
                    continue;
                }
                assert!(
                    arg.get_help().is_some(),
                    "deluge {} --help: `{id}` has no description",
                    command.get_name()
                );
            }
        }
    }

    #[test]
    fn every_subcommand_shows_examples_and_exit_status() {
        let cli = Cli::command();
        for command in cli.get_subcommands() {
            let name = command.get_name();
            let after = command
                .get_after_help()
                .map(|h| h.to_string())
                .unwrap_or_default();
            assert!(
                after.starts_with("Examples:\n"),
                "deluge {name} --help has no examples"
            );
            let examples = after
                .lines()
                .filter(|l| l.contains(&format!("deluge {name}")))
                .count();
            assert!(examples >= 2, "deluge {name} --help: two examples at least");
            assert!(
                after.contains("\nExit status:\n"),
                "deluge {name} --help has no exit status"
            );
        }
    }
}
