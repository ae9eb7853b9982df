//! Finding the connections file and building the host that makes the
//! script's external calls.

use crate::cli::{ConnectArgs, NetworkArg};
use deluge_connect::{ConnectHost, ConnectSetup, LoadedFile, NetworkPolicy};
use deluge_runtime::LocalHost;
use std::path::{Path, PathBuf};

/// The environment variable naming a connections file.
pub const ENV_VAR: &str = "DELUGE_CONNECTIONS";
pub const DEFAULT_NAME: &str = "connections.json";

/// `--connections`, else `$DELUGE_CONNECTIONS`, else `connections.json`
/// in `beside` (the script's folder) if it exists. An explicit path must
/// exist; the default one is optional.
pub fn find(explicit: Option<&Path>, beside: Option<&Path>) -> Option<PathBuf> {
    if let Some(path) = explicit {
        return Some(path.to_path_buf());
    }
    if let Some(path) = std::env::var_os(ENV_VAR).filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    let candidate = match beside {
        Some(dir) => dir.join(DEFAULT_NAME),
        None => PathBuf::from(DEFAULT_NAME),
    };
    candidate.is_file().then_some(candidate)
}

/// Loads the file, printing its problems (rendered with the source line)
/// to stderr; `Err(())` means they were printed. Warnings go to stderr too.
pub fn load(path: Option<PathBuf>, color: bool) -> Result<Option<LoadedFile>, ()> {
    let Some(path) = path else { return Ok(None) };
    match deluge_connect::load_file(&path) {
        Ok(loaded) => {
            for warning in &loaded.warnings {
                eprintln!("deluge: warning: {}: {warning}", path.display());
            }
            Ok(Some(loaded))
        }
        Err(e) => {
            eprint!("{}", e.render(color));
            Err(())
        }
    }
}

pub fn policy(arg: Option<NetworkArg>) -> Option<NetworkPolicy> {
    arg.map(|a| match a {
        NetworkArg::Deny => NetworkPolicy::Deny,
        NetworkArg::Loopback => NetworkPolicy::Loopback,
        NetworkArg::Allow => NetworkPolicy::Allow,
    })
}

/// A host with the file's connections, the command line's policy and,
/// with `--trace-http`, each request printed to stderr.
pub fn host(
    local: LocalHost,
    file: Option<LoadedFile>,
    args: &ConnectArgs,
    policy_override: Option<NetworkPolicy>,
) -> ConnectHost {
    let mut setup = ConnectSetup {
        file,
        policy: policy_override.or_else(|| policy(args.network)),
        ..ConnectSetup::default()
    };
    if args.trace_http {
        setup.trace = Some(Box::new(|entry| eprintln!("http: {entry}")));
    }
    ConnectHost::new(local, setup)
}
