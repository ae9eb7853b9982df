//! The `deluge` command: run, check and explore Deluge scripts locally.

mod bind;
mod check;
mod cli;
mod clock;
mod color;
mod connect;
mod connections_cmd;
mod fmt_cmd;
mod help;
mod inputs;
mod lsp;
mod new_project;
mod offline;
mod parse_cmd;
mod project;
mod repl;
mod run;
mod sandbox_cmd;
mod source;
mod test;

use clap::Parser;
use std::process::ExitCode;

/// The interpreter walks trees recursively; a generous stack keeps deep
/// (but limited) nesting and 75 nested calls far from overflowing.
const STACK_SIZE: usize = 256 * 1024 * 1024;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    let worker = std::thread::Builder::new()
        .name("deluge".into())
        .stack_size(STACK_SIZE)
        .spawn(move || dispatch(cli));
    match worker.map(|handle| handle.join()) {
        Ok(Ok(code)) => ExitCode::from(code),
        _ => {
            eprintln!("deluge: internal error: the interpreter thread failed");
            ExitCode::from(70)
        }
    }
}

/// Runs a subcommand and returns the process exit code
/// (0 success, 1 a Deluge error, 2 a usage error).
fn dispatch(cli: cli::Cli) -> u8 {
    let color = color::Choice::from(cli.color);
    match cli.command {
        cli::Command::Run(args) => run::run(args, color),
        cli::Command::Check(args) => check::check(args, color),
        cli::Command::Parse(args) => parse_cmd::parse(args, color),
        cli::Command::Repl(args) => repl::repl(args, color),
        cli::Command::Test(args) => test::test(args, color),
        cli::Command::New(args) => new_project::new_project(&args.name),
        cli::Command::Connections(command) => connections_cmd::run(command, color),
        cli::Command::Sandbox(command) => sandbox_cmd::sandbox(command, color),
        cli::Command::Fmt(args) => fmt_cmd::fmt(args, color),
        cli::Command::Lsp(args) => lsp::lsp(args),
    }
}
