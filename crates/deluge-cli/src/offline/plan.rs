//! Deciding how a run reaches the outside world: which project file,
//! connections file, seed and fixtures apply, and whether the run is
//! offline. Pure decisions over files and flags, so they can be tested
//! without running anything.

use crate::cli::OfflineArgs;
use crate::project::{self, Project};
use deluge_connect::json_file::{self, ConfigFileError};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// Everything a run needs to build its host.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub project: Option<Project>,
    pub connections: Option<PathBuf>,
    /// Zoho calls go to the simulator, the network is denied.
    pub offline: bool,
    /// Why the run is (or is not) offline, for `--json` output and traces.
    pub reason: &'static str,
    pub seed: Option<PathBuf>,
    /// Fixture files from the flags, then the project; the connections
    /// file's `runtime.fixtures` come after these.
    pub fixtures: Vec<PathBuf>,
    pub state: Option<PathBuf>,
    pub record: Option<PathBuf>,
    /// Function files to load before the script.
    pub functions: Vec<PathBuf>,
}

/// The default name of the connections file beside a project or script.
pub const CONNECTIONS_FILE: &str = "connections.json";

/// Decides the plan for running `script`. `connections` is the file named
/// on the command line (or by `DELUGE_CONNECTIONS`), if any.
pub fn plan(
    script: &Path,
    flags: &OfflineArgs,
    connections: Option<&Path>,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Plan, ConfigFileError> {
    let project = if flags.no_project {
        None
    } else if let Some(path) = &flags.project {
        Some(Project::load(path)?)
    } else {
        Project::for_script(script)?
    };
    let home = project
        .as_ref()
        .map(|p| p.dir().to_path_buf())
        .unwrap_or_else(|| script.parent().unwrap_or(Path::new(".")).to_path_buf());
    let connections = connections
        .map(Path::to_path_buf)
        .or_else(|| project.as_ref().and_then(|p| p.connections.clone()))
        .or_else(|| existing(home.join(CONNECTIONS_FILE)));
    let seed = flags
        .seed
        .clone()
        .or_else(|| project.as_ref().and_then(|p| p.seed.clone()))
        .or_else(|| existing(home.join(project::DEFAULT_SEED)));
    let mut fixtures = flags.fixtures.clone();
    if let Some(p) = &project {
        fixtures.extend(p.fixtures.iter().cloned());
    }
    let (offline, reason) = decide(
        flags,
        project.as_ref(),
        seed.is_some(),
        || match &connections {
            Some(path) => real_credentials_set(path, env),
            None => Ok(false),
        },
    )?;
    Ok(Plan {
        functions: project
            .as_ref()
            .map(|p| p.functions.clone())
            .unwrap_or_default(),
        project,
        connections,
        offline,
        reason,
        seed,
        fixtures,
        state: flags.sandbox_state.clone(),
        record: flags.record.clone(),
    })
}

fn existing(path: PathBuf) -> Option<PathBuf> {
    path.is_file().then_some(path)
}

/// Flags first, then the project file, then the automatic rule: offline
/// when there is a seed and no real credentials.
fn decide(
    flags: &OfflineArgs,
    project: Option<&Project>,
    has_seed: bool,
    credentials: impl FnOnce() -> Result<bool, ConfigFileError>,
) -> Result<(bool, &'static str), ConfigFileError> {
    if flags.offline {
        return Ok((true, "--offline"));
    }
    if flags.record.is_some() {
        return Ok((false, "--record"));
    }
    if flags.online {
        return Ok((false, "--online"));
    }
    if let Some(forced) = project.and_then(|p| p.offline) {
        return Ok((forced, "the project file's `offline`"));
    }
    if !has_seed {
        return Ok((false, "no simulator seed"));
    }
    if credentials()? {
        return Ok((false, "real credentials are set"));
    }
    Ok((true, "a simulator seed and no real credentials"))
}

/// Fields of a connection's `auth` that hold secrets (integrations spec
/// §5.2); `value` counts inside `api_key` params only.
const SECRET_FIELDS: &[&str] = &[
    "client_secret",
    "refresh_token",
    "access_token",
    "password",
    "token",
];

/// True when some connection of the file has a real secret: a secret
/// field (`client_secret`, `refresh_token`, `access_token`, `password`,
/// `token`) written literally, or a secret field or `api_key` param value
/// whose `${env:NAME}` references a variable that is set and not empty. A
/// `:-fallback` that applies because the variable is unset is a
/// placeholder, not a credential; a literal `api_key` param value is taken
/// as configuration (`X-Client: deluge-local`).
pub fn real_credentials_set(
    path: &Path,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<bool, ConfigFileError> {
    let (file, _): (Value, String) = json_file::load(path)?;
    let Some(connections) = file.get("connections").and_then(Value::as_object) else {
        return Ok(false);
    };
    let set = |value: &str| {
        env_references(value)
            .iter()
            .any(|name| env(name).is_some_and(|v| !v.is_empty()))
    };
    for auth in connections.values().filter_map(|c| c.get("auth")) {
        let fields = SECRET_FIELDS
            .iter()
            .filter_map(|f| auth.get(*f).and_then(Value::as_str));
        for value in fields {
            let literal = env_references(value).is_empty() && !value.trim().is_empty();
            if literal || set(value) {
                return Ok(true);
            }
        }
        let params = auth.get("params").and_then(Value::as_array);
        let keys = params
            .into_iter()
            .flatten()
            .filter_map(|p| p.get("value").and_then(Value::as_str));
        if keys.into_iter().any(set) {
            return Ok(true);
        }
    }
    Ok(false)
}

/// The variable names of the `${env:NAME}` and `${env:NAME:-x}` references
/// in a text (`$${` escapes a literal `${`).
fn env_references(value: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = value;
    while let Some(at) = rest.find("${env:") {
        let escaped = at > 0 && rest.as_bytes()[at - 1] == b'$';
        let after = &rest[at + "${env:".len()..];
        let end = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        if !escaped && end > 0 {
            names.push(after[..end].to_string());
        }
        rest = &after[end..];
    }
    names
}

#[cfg(test)]
mod tests;
