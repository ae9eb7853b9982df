//! `docs/errors.md` documents every diagnostic code with a program that
//! triggers it: every code has a section, and every section's program
//! really produces its code when checked or run as the section says.

use std::path::PathBuf;
use std::process::Command;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

struct Section {
    code: String,
    program: Option<String>,
    /// `json` when the section's input is a JSON file (a seed) rather
    /// than a program.
    extension: &'static str,
    /// The documented command line after `deluge`, if any.
    command: Option<Vec<String>>,
}

fn sections(doc: &str) -> Vec<Section> {
    let mut out = Vec::new();
    for chunk in doc.split("\n## ").skip(1) {
        let code = chunk.lines().next().unwrap_or_default().trim().to_string();
        let block = |fence: &str| {
            chunk
                .split(fence)
                .nth(1)
                .and_then(|rest| rest.split("```").next())
                .map(str::to_string)
        };
        let (program, extension) = match block("```deluge\n") {
            Some(program) => (Some(program), "dg"),
            None => (block("```json\n"), "json"),
        };
        let command = chunk
            .lines()
            .find(|l| l.starts_with("`deluge ") && l.ends_with("` prints:"))
            .map(|l| {
                l.trim_start_matches("`deluge ")
                    .trim_end_matches("` prints:")
                    .split_whitespace()
                    .map(str::to_string)
                    .collect()
            });
        out.push(Section {
            code,
            program,
            extension,
            command,
        });
    }
    out
}

#[test]
fn every_code_has_a_section() {
    let doc = std::fs::read_to_string(repo().join("docs/errors.md")).expect("docs/errors.md");
    let documented: Vec<String> = sections(&doc).into_iter().map(|s| s.code).collect();
    for (code, _) in deluge_syntax::codes::ALL {
        assert!(
            documented.iter().any(|d| d == code),
            "docs/errors.md has no section `## {code}`"
        );
    }
}

#[test]
fn every_documented_program_produces_its_code() {
    let doc = std::fs::read_to_string(repo().join("docs/errors.md")).expect("docs/errors.md");
    let dir = std::env::temp_dir().join(format!("deluge-errors-doc-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let mut failures = Vec::new();
    for section in sections(&doc) {
        // A program shown abbreviated (`( ... 300 levels ... )`) cannot run.
        let Some(program) = section.program.as_ref().filter(|p| !p.contains(" ... ")) else {
            continue;
        };
        let file = format!("{}.{}", section.code, section.extension);
        std::fs::write(dir.join(&file), program).expect("write program");
        let args = match &section.command {
            Some(args) => args.clone(),
            // Syntax sections show the rendered report of `deluge check`.
            None if section.code.starts_with('E') && section.code.as_bytes()[1] == b'1' => {
                vec!["check".to_string(), file.clone()]
            }
            None => continue,
        };
        let output = Command::new(env!("CARGO_BIN_EXE_deluge"))
            .args(["--color", "never"])
            .args(&args)
            .current_dir(&dir)
            .output()
            .expect("deluge runs");
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        if !text.contains(&format!("[{}]", section.code)) {
            failures.push(format!(
                "{}: `deluge {}` printed:\n{text}",
                section.code,
                args.join(" ")
            ));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
