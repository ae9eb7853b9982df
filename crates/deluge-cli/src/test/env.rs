//! What test cases run against: the project (its function files and its
//! simulator seed) and the hosts built from it, a fresh one per case.

use super::services::OfflineParts;
use deluge_runtime::datetime::DateTime;
use deluge_runtime::host::{Host, LocalHost};
use deluge_runtime::{Loaded, Program};
use deluge_sandbox::Seed;
use jiff::Timestamp;
use jiff::tz::TimeZone;
use std::path::{Path, PathBuf};

/// The simulator, fixtures and request log behind a case's host, for the
/// `test.` functions that inspect or change them.
pub trait Services {
    /// The requests made so far, oldest first: maps with `method`, `url`,
    /// `connection`, `query`, `body`, `status` and `layer`, credentials
    /// redacted.
    fn requests(&self) -> Vec<serde_json::Value>;
    /// The simulator's records of a module.
    fn records(
        &self,
        service: &str,
        module: &str,
        org: Option<&str>,
    ) -> Result<serde_json::Value, String>;
    /// Adds records to the simulator; returns them as stored (with ids).
    fn seed(
        &mut self,
        service: &str,
        module: &str,
        records: serde_json::Value,
        org: Option<&str>,
    ) -> Result<serde_json::Value, String>;
    /// Adds a fixture rule that answers matching requests.
    fn mock(
        &mut self,
        method: &str,
        pattern: &str,
        response: serde_json::Value,
    ) -> Result<(), String>;
    /// `test.setNow` moved the clock.
    fn set_now(&mut self, now: Timestamp);
}

/// A case's host, and the services behind it when there is a project.
pub type CaseHost = (Box<dyn Host>, Option<Box<dyn Services>>);

/// A project's function file, read once.
struct FunctionFile {
    name: String,
    text: String,
}

pub struct Env {
    /// The project folder (of `deluge.json`), if there is a project.
    pub project_dir: Option<PathBuf>,
    functions: Vec<FunctionFile>,
    /// The project's simulator seed, parsed once; each case starts a fresh
    /// simulator from it.
    pub seed: Option<Seed>,
    offline: OfflineParts,
    /// Outside a project nothing external is configured: cases run on a
    /// [`LocalHost`], where every network task is "not available", as in
    /// `deluge run` and the conformance suite.
    in_project: bool,
}

/// What a project gives its tests.
#[derive(Default)]
pub struct ProjectFiles {
    pub dir: Option<PathBuf>,
    pub functions: Vec<PathBuf>,
    pub seed: Option<PathBuf>,
    pub connections: Option<PathBuf>,
    pub fixtures: Vec<PathBuf>,
}

impl Env {
    /// The environment of a project (or of no project), with its files
    /// read and checked.
    pub fn new(project: ProjectFiles) -> Result<Env, String> {
        let in_project = project.dir.is_some();
        let project_dir = project.dir;
        let mut functions = Vec::new();
        for path in &project.functions {
            let text = crate::source::read(path)?;
            let name = display_name(project_dir.as_deref(), path);
            functions.push(FunctionFile { name, text });
        }
        let seed = project.seed.as_deref().map(read_seed).transpose()?;
        let connections = project
            .connections
            .as_deref()
            .map(|p| deluge_connect::load_file(p).map_err(|e| e.render(false)))
            .transpose()?;
        let mut fixtures = Vec::new();
        for path in project.fixtures {
            let text = crate::source::read(&path)?;
            deluge_connect::fixture::FixtureFile::parse(&path, &text).map_err(|e| e.to_string())?;
            fixtures.push((path, text));
        }
        let env = Env {
            project_dir,
            functions,
            seed,
            offline: OfflineParts {
                connections,
                fixtures,
            },
            in_project,
        };
        env.load_functions(&mut Program::new(), &|_| None)?;
        Ok(env)
    }

    /// Loads the project's function files into a program, so that tests and
    /// `test.run` scripts can call them.
    pub fn load_functions(
        &self,
        program: &mut Program,
        parse_date: &dyn Fn(&str) -> Option<DateTime>,
    ) -> Result<(), String> {
        for file in &self.functions {
            match program.load(&file.name, &file.text, &[], parse_date) {
                Ok(Loaded::Functions(_)) => {}
                Ok(Loaded::Script(_)) => {
                    return Err(format!(
                        "{}: a function file must hold only function definitions",
                        file.name
                    ));
                }
                Err(diags) => {
                    let rendered: Vec<String> = diags
                        .iter()
                        .map(|d| deluge_syntax::render::short(d, &file.name, &file.text))
                        .collect();
                    return Err(rendered.join("\n"));
                }
            }
        }
        Ok(())
    }

    /// A fresh host for one test case, with its clock fixed at `now`;
    /// `seed` replaces the project's seed (a `// sandbox:` header).
    pub fn host(
        &self,
        now: Timestamp,
        zone: TimeZone,
        seed: Option<&Seed>,
    ) -> Result<CaseHost, String> {
        if !self.in_project && seed.is_none() {
            let host = LocalHost {
                fixed_now: Some(now),
                zone,
                ..LocalHost::default()
            };
            return Ok((Box::new(host), None));
        }
        let seed = seed.or(self.seed.as_ref());
        let (host, services) = super::services::build(&self.offline, now, zone, seed)?;
        Ok((Box::new(host), Some(Box::new(services))))
    }
}

/// Reads a simulator seed, with the file, line and column of a problem.
pub fn read_seed(path: &Path) -> Result<Seed, String> {
    Seed::read(path).map_err(|e| e.render(false))
}

/// A path as reports show it: relative to the project folder when inside.
pub fn display_name(project_dir: Option<&Path>, path: &Path) -> String {
    let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    project_dir
        .and_then(|dir| {
            absolute(path)
                .strip_prefix(absolute(dir))
                .ok()
                .map(Path::to_path_buf)
        })
        .unwrap_or_else(|| path.to_path_buf())
        .display()
        .to_string()
}
