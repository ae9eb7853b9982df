//! `deluge connections list` and `deluge connections check`.

use crate::cli::{ConnectArgs, ConnectionsCheckArgs, ConnectionsCommand, ConnectionsFileArg};
use crate::color::Choice;
use crate::connect;
use deluge_connect::secret::process_env;
use deluge_connect::{LoadedFile, NetworkPolicy};
use deluge_runtime::LocalHost;

const OK: u8 = 0;
const FAILED: u8 = 1;
const USAGE: u8 = 2;

pub fn run(command: ConnectionsCommand, color: Choice) -> u8 {
    match command {
        ConnectionsCommand::List(args) => match file(&args, color) {
            Ok(loaded) => {
                list(&loaded);
                OK
            }
            Err(code) => code,
        },
        ConnectionsCommand::Check(args) => check(args, color),
    }
}

fn file(args: &ConnectionsFileArg, color: Choice) -> Result<LoadedFile, u8> {
    let Some(path) = connect::find(args.connections.as_deref(), None) else {
        eprintln!(
            "deluge: no connections file: pass --connections FILE, set {}, or create ./{}",
            connect::ENV_VAR,
            connect::DEFAULT_NAME
        );
        return Err(USAGE);
    };
    match connect::load(Some(path), color.stderr()) {
        Ok(Some(loaded)) => Ok(loaded),
        _ => Err(FAILED),
    }
}

/// One line per link: name, service, auth kind, default_for, and each
/// variable the link uses with whether it is set.
fn list(loaded: &LoadedFile) {
    println!("{}", loaded.path.display());
    for (name, c) in &loaded.file.connections {
        let mut line = format!("{name}  service={}  auth={}", c.service, c.auth.kind());
        if !c.default_for.is_empty() {
            line.push_str(&format!("  default_for={}", c.default_for.join(",")));
        }
        if let Some(over) = &c.base_url_override {
            line.push_str(&format!("  base_url_override={over}"));
        }
        println!("{line}");
        for (field, template, _) in c.auth.fields() {
            for (variable, has_default) in template.variables() {
                let state = match (process_env(&variable).is_some(), has_default) {
                    (true, _) => "set",
                    (false, true) => "not set (default used)",
                    (false, false) => "NOT SET",
                };
                println!("    {field}: ${{env:{variable}}} {state}");
            }
        }
    }
}

fn check(args: ConnectionsCheckArgs, color: Choice) -> u8 {
    let loaded = match file(&args.file, color) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let links: Vec<String> = match &args.link {
        Some(link) => vec![link.clone()],
        None => loaded.file.connections.keys().cloned().collect(),
    };
    let connect_args = ConnectArgs {
        connections: None,
        network: args.network,
        trace_http: args.trace_http,
    };
    // Checking means asking the accounts server, so the network is allowed
    // unless the command line or the file says otherwise.
    let policy = connect::policy(args.network)
        .or(loaded.file.runtime.network)
        .unwrap_or(NetworkPolicy::Allow);
    let mut host = connect::host(
        LocalHost::default(),
        Some(loaded),
        &connect_args,
        Some(policy),
    );
    let mut code = OK;
    for link in links {
        match host.check_link(&link) {
            Ok(()) => println!("{link}: ok"),
            Err(message) => {
                println!("{link}: FAILED: {message}");
                code = FAILED;
            }
        }
    }
    code
}
