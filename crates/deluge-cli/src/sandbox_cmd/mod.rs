//! `deluge sandbox serve` and `deluge sandbox dump`.

mod multipart;
mod serve;

use crate::cli::{SandboxCommand, SandboxDumpArgs};
use crate::color::Choice;
use deluge_sandbox::{SeedError, Simulator};
use std::io::Write;
use std::path::Path;

pub fn sandbox(command: SandboxCommand, color: Choice) -> u8 {
    match command {
        SandboxCommand::Serve(args) => serve::serve(args, color),
        SandboxCommand::Dump(args) => dump(args, color),
    }
}

/// Prints the store of the state file, or else of the seed.
fn dump(args: SandboxDumpArgs, color: Choice) -> u8 {
    if args.state.is_none() && args.seed.is_none() {
        eprintln!("deluge: sandbox dump needs --state FILE or --seed FILE");
        return 2;
    }
    let simulator = match open(args.seed.as_deref(), args.state.as_deref(), color) {
        Some(simulator) => simulator,
        None => return 1,
    };
    match serde_json::to_string_pretty(&simulator.dump()) {
        Ok(text) => {
            // A closed pipe (`| head`) is not an error worth a message.
            let _ = writeln!(std::io::stdout().lock(), "{text}");
            0
        }
        Err(e) => {
            eprintln!("deluge: cannot print the store: {e}");
            1
        }
    }
}

/// The simulator of a state file when it exists, else of the seed (an
/// empty store when neither is given). Errors are printed.
pub fn open(seed: Option<&Path>, state: Option<&Path>, color: Choice) -> Option<Simulator> {
    let report = |e: SeedError| {
        eprint!("{}", ensure_newline(e.render(color.stderr())));
        None
    };
    let simulator = match seed {
        Some(path) => match Simulator::from_seed_file(path) {
            Ok(simulator) => simulator,
            Err(e) => return report(e),
        },
        None => Simulator::from_seed(Default::default()),
    };
    if let Some(path) = state {
        match simulator.load_state_if_exists(path) {
            Ok(true) => {}
            Ok(false) if seed.is_some() => {}
            Ok(false) => {
                eprintln!("deluge: state file {} does not exist", path.display());
                return None;
            }
            Err(e) => return report(e),
        }
    }
    Some(simulator)
}

fn ensure_newline(mut text: String) -> String {
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text
}
