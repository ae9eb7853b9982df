//! What test cases run against: the project (its function files and its
//! simulator seed) and the hosts built from it, a fresh one per case.

use deluge_runtime::datetime::DateTime;
use deluge_runtime::host::{Host, LocalHost};
use deluge_runtime::{Loaded, Program};
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

/// A project's function file, read once.
struct FunctionFile {
    name: String,
    text: String,
}

pub struct Env {
    /// The project folder (of `deluge.json`), if there is a project.
    pub project_dir: Option<PathBuf>,
    functions: Vec<FunctionFile>,
    /// The project's simulator seed.
    pub seed: Option<PathBuf>,
}

impl Env {
    /// The environment of a project folder (or of no project), with its
    /// function files read and checked to load.
    pub fn new(
        project_dir: Option<PathBuf>,
        function_files: &[PathBuf],
        seed: Option<PathBuf>,
    ) -> Result<Env, String> {
        let mut functions = Vec::new();
        for path in function_files {
            let text = crate::source::read(path)?;
            let name = display_name(project_dir.as_deref(), path);
            functions.push(FunctionFile { name, text });
        }
        let env = Env {
            project_dir,
            functions,
            seed,
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
        seed: Option<&Path>,
    ) -> Result<(Box<dyn Host>, Option<Box<dyn Services>>), String> {
        let _seed = seed.or(self.seed.as_deref());
        let host = LocalHost {
            fixed_now: Some(now),
            zone,
            ..LocalHost::default()
        };
        Ok((Box::new(host), None))
    }
}

/// A path as reports show it: relative to the project folder when inside.
pub fn display_name(project_dir: Option<&Path>, path: &Path) -> String {
    project_dir
        .and_then(|dir| path.strip_prefix(dir).ok())
        .unwrap_or(path)
        .display()
        .to_string()
}
