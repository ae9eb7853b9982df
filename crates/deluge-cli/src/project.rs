//! The project file, `deluge.json`: what a folder of scripts needs to run
//! (connections, the simulator's seed, fixtures, function files, default
//! arguments) and the settings of `deluge fmt` and `deluge test`.
//!
//! It is found in a starting folder or the nearest parent that has one.
//! Paths in it are relative to the file's folder. Unknown keys are an
//! error with the file, line and column, so a misspelt key never silently
//! does nothing. Command-line flags override what the file says.

use deluge_connect::json_file::{self, ConfigFileError};
use serde::Deserialize;
use serde::de::{DeserializeOwned, DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use std::fmt;
use std::marker::PhantomData;
use std::path::{Path, PathBuf};

/// The file name looked for.
pub const FILE_NAME: &str = "deluge.json";

/// The simulator seed used when the project file names none.
pub const DEFAULT_SEED: &str = "sandbox.json";

/// A loaded project file, paths resolved against its folder.
#[derive(Debug, Clone, Default)]
pub struct Project {
    /// The project file itself.
    pub path: PathBuf,
    pub connections: Option<PathBuf>,
    /// The simulator's seed: `seed`, else `sandbox.json` beside the
    /// project file when it exists.
    pub seed: Option<PathBuf>,
    pub fixtures: Vec<PathBuf>,
    /// Files of function definitions loaded before the script, so calls
    /// such as `standalone.normalize_phone(x)` resolve.
    pub functions: Vec<PathBuf>,
    /// Default script arguments, by name; `--arg` replaces them.
    pub args: serde_json::Map<String, serde_json::Value>,
    /// `true`/`false` forces offline or online runs; absent: decided by
    /// the seed and the credentials (see `offline.rs`).
    pub offline: Option<bool>,
    text: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProjectFile {
    connections: Option<PathBuf>,
    seed: Option<PathBuf>,
    #[serde(default)]
    fixtures: Vec<PathBuf>,
    #[serde(default)]
    functions: Vec<PathBuf>,
    #[serde(default)]
    args: serde_json::Map<String, serde_json::Value>,
    offline: Option<bool>,
    /// Read by `deluge fmt` through [`Project::section`].
    #[serde(default, rename = "fmt")]
    _fmt: Option<serde_json::Map<String, serde_json::Value>>,
    /// Read by `deluge test` through [`Project::section`].
    #[serde(default, rename = "test")]
    _test: Option<serde_json::Map<String, serde_json::Value>>,
}

impl Project {
    /// The project file in `start` or its nearest parent, if any.
    pub fn discover(start: &Path) -> Result<Option<Project>, ConfigFileError> {
        let start = if start.as_os_str().is_empty() {
            Path::new(".")
        } else {
            start
        };
        let absolute = std::path::absolute(start).unwrap_or_else(|_| start.to_path_buf());
        let cwd = std::env::current_dir().unwrap_or_default();
        for dir in absolute.ancestors() {
            let candidate = dir.join(FILE_NAME);
            if candidate.is_file() {
                // Messages name the file as the user would, from the
                // current folder, when it is below it.
                let shown = candidate.strip_prefix(&cwd).unwrap_or(&candidate);
                return Project::load(shown).map(Some);
            }
        }
        Ok(None)
    }

    /// The project of a script: the file in the script's folder or above.
    pub fn for_script(script: &Path) -> Result<Option<Project>, ConfigFileError> {
        Project::discover(script.parent().unwrap_or(Path::new(".")))
    }

    pub fn load(path: &Path) -> Result<Project, ConfigFileError> {
        let (file, text): (ProjectFile, String) = json_file::load(path)?;
        let dir = path.parent().unwrap_or(Path::new("."));
        let resolve = |p: PathBuf| if p.is_absolute() { p } else { dir.join(p) };
        let seed = file.seed.map(resolve).or_else(|| {
            let beside = dir.join(DEFAULT_SEED);
            beside.is_file().then_some(beside)
        });
        Ok(Project {
            path: path.to_path_buf(),
            connections: file.connections.map(resolve),
            seed,
            fixtures: file.fixtures.into_iter().map(resolve).collect(),
            functions: file.functions.into_iter().map(resolve).collect(),
            args: file.args,
            offline: file.offline,
            text,
        })
    }

    /// The folder of the project file, against which its paths resolve.
    pub fn dir(&self) -> &Path {
        self.path.parent().unwrap_or(Path::new("."))
    }

    /// A section (`fmt`, `test`) read as `T`, with errors located in the
    /// project file; `None` when the file has no such section.
    // Called by `deluge fmt` and `deluge test`, which read their sections.
    #[allow(dead_code)]
    pub fn section<T: DeserializeOwned>(&self, name: &str) -> Result<Option<T>, ConfigFileError> {
        let mut de = serde_json::Deserializer::from_str(&self.text);
        SectionSeed::<T> {
            name,
            marker: PhantomData,
        }
        .deserialize(&mut de)
        .map_err(|e| ConfigFileError::from_json(&self.path, &self.text, &e))
    }
}

/// Reads one key of the top-level object as `T` and skips the others, so
/// serde_json still knows the position of any error inside the section.
struct SectionSeed<'a, T> {
    name: &'a str,
    marker: PhantomData<T>,
}

impl<'de, T: DeserializeOwned> DeserializeSeed<'de> for SectionSeed<'_, T> {
    type Value = Option<T>;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Option<T>, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, T: DeserializeOwned> Visitor<'de> for SectionSeed<'_, T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<T>, A::Error> {
        let mut found = None;
        while let Some(key) = map.next_key::<String>()? {
            if key == self.name {
                found = Some(map.next_value::<T>()?);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(found)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_project(name: &str, text: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("deluge-project-{name}-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("scripts/deep")).unwrap();
        std::fs::write(dir.join(FILE_NAME), text).unwrap();
        dir
    }

    #[test]
    fn found_from_a_subfolder_with_paths_resolved_against_the_file() {
        let dir = temp_project(
            "find",
            r#"{ "connections": "connections.json", "fixtures": ["http.json"],
                 "functions": ["lib/phone.dg"], "args": { "n": 2 }, "offline": true }"#,
        );
        std::fs::write(dir.join(DEFAULT_SEED), "{}").unwrap();
        let project = Project::discover(&dir.join("scripts/deep"))
            .unwrap()
            .expect("found in a parent");
        let dir = std::path::absolute(&dir).unwrap();
        assert_eq!(project.connections, Some(dir.join("connections.json")));
        assert_eq!(project.fixtures, vec![dir.join("http.json")]);
        assert_eq!(project.functions, vec![dir.join("lib/phone.dg")]);
        assert_eq!(project.seed, Some(dir.join(DEFAULT_SEED)));
        assert_eq!(project.args["n"], 2);
        assert_eq!(project.offline, Some(true));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn no_seed_without_a_sandbox_file() {
        let dir = temp_project("noseed", "{}");
        let project = Project::load(&dir.join(FILE_NAME)).unwrap();
        assert_eq!(project.seed, None);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn unknown_keys_are_located_errors() {
        let dir = temp_project("unknown", "{\n  \"fixtures\": [],\n  \"fixture\": []\n}\n");
        let err = Project::load(&dir.join(FILE_NAME)).unwrap_err();
        let text = err.render(false);
        assert!(text.contains("unknown field `fixture`"), "{text}");
        assert!(text.contains("deluge.json:3:"), "{text}");
        assert!(text.contains("\"fixture\": []"), "{text}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[derive(Deserialize, Debug, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct FmtSection {
        indent: String,
    }

    #[test]
    fn sections_are_read_by_their_commands_with_located_errors() {
        let dir = temp_project(
            "section",
            "{\n  \"test\": { \"x\": 1 },\n  \"fmt\": {\n    \"indent\": \"tab\",\n    \"width\": 3\n  }\n}\n",
        );
        let project = Project::load(&dir.join(FILE_NAME)).unwrap();
        let err = project.section::<FmtSection>("fmt").unwrap_err();
        assert!(err.to_string().contains("deluge.json:5:"), "{err}");
        assert!(err.to_string().contains("unknown field `width`"), "{err}");
        assert_eq!(project.section::<FmtSection>("lint").unwrap(), None);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_section_must_be_an_object() {
        let dir = temp_project("badsection", "{ \"fmt\": 3 }");
        assert!(Project::load(&dir.join(FILE_NAME)).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
