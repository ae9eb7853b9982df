//! Every command the documentation shows works when pasted: each `deluge`
//! command in a ```sh block of README.md and docs/*.md, and each example
//! of every `deluge <command> --help` page, is run from the repository
//! root and must succeed.
//!
//! Conventions of the ```sh blocks:
//! - without `$ ` lines, every line that is not empty or a comment is a
//!   command;
//! - with `$ ` lines, those are the commands and the lines after each,
//!   up to the next `$ `, are its exact standard output;
//! - `# exits N` at the end of a command says it ends with status N
//!   (default 0);
//! - `# online` at the end of a command says it needs real credentials
//!   and the network, so it is not run here (tests never leave the
//!   machine);
//! - commands that do not run `deluge` are not run (building with cargo),
//!   but a script they name (`scripts/check.sh`) must exist.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Longer than any documented command needs; a command still running
/// then is killed and reported.
const WAIT: Duration = Duration::from_secs(30);

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[derive(Debug)]
struct Documented {
    /// Where it is written, for messages.
    place: String,
    command: String,
    status: i32,
    /// The documented standard output, when the block shows it.
    output: Option<String>,
}

fn expected_status(command: &str) -> i32 {
    command
        .rsplit_once("# exits ")
        .and_then(|(_, rest)| {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            digits.parse().ok()
        })
        .unwrap_or(0)
}

fn runs_deluge(command: &str) -> bool {
    command.starts_with("deluge ") || command == "deluge" || command.contains("| deluge")
}

/// The commands of the ```sh blocks of one Markdown file.
fn commands_in(path: &Path) -> Vec<Documented> {
    let text = std::fs::read_to_string(path).expect("a documentation file");
    let name = path
        .strip_prefix(repo())
        .unwrap_or(path)
        .display()
        .to_string();
    let mut found = Vec::new();
    let mut block: Option<(usize, Vec<&str>)> = None;
    for (i, line) in text.lines().enumerate() {
        match &mut block {
            None if line.trim_start() == "```sh" => block = Some((i + 2, Vec::new())),
            None => {}
            Some((start, lines)) if line.trim_start() == "```" => {
                found.extend(block_commands(&name, *start, lines));
                block = None;
            }
            Some((_, lines)) => lines.push(line),
        }
    }
    found
}

fn block_commands(file: &str, start: usize, lines: &[&str]) -> Vec<Documented> {
    let place = |i: usize| format!("{file}:{}", start + i);
    let mut out: Vec<Documented> = Vec::new();
    if lines.iter().any(|l| l.starts_with("$ ")) {
        for (i, line) in lines.iter().enumerate() {
            match line.strip_prefix("$ ") {
                Some(command) => out.push(Documented {
                    place: place(i),
                    command: command.to_string(),
                    status: expected_status(command),
                    output: Some(String::new()),
                }),
                None => {
                    if let Some(Documented {
                        output: Some(o), ..
                    }) = out.last_mut()
                    {
                        o.push_str(line);
                        o.push('\n');
                    }
                }
            }
        }
        return out;
    }
    for (i, line) in lines.iter().enumerate() {
        let command = line.trim();
        if command.is_empty() || command.starts_with('#') || command.ends_with("# online") {
            continue;
        }
        out.push(Documented {
            place: place(i),
            command: command.to_string(),
            status: expected_status(command),
            output: None,
        });
    }
    out
}

/// The examples of every subcommand's help page.
fn help_examples(deluge: &Path) -> Vec<Documented> {
    let top = run_shell(deluge, "deluge --help").1;
    let subcommands: Vec<String> = top
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .filter(|c| c != "help")
        .collect();
    assert!(
        !subcommands.is_empty(),
        "deluge --help lists commands:\n{top}"
    );
    let mut out = Vec::new();
    for sub in subcommands {
        let page = run_shell(deluge, &format!("deluge {sub} --help")).1;
        for line in page
            .lines()
            .skip_while(|l| *l != "Examples:")
            .skip(1)
            .take_while(|l| !l.is_empty())
        {
            out.push(Documented {
                place: format!("deluge {sub} --help"),
                command: line.trim().to_string(),
                status: 0,
                output: None,
            });
        }
    }
    out
}

/// Runs a command line with `sh` from the repository root, with the
/// built `deluge` first on the PATH and nothing on standard input.
fn run_shell(deluge: &Path, command: &str) -> (Option<i32>, String, String) {
    let bin = deluge.parent().expect("the binary's folder");
    let path = std::env::var_os("PATH").unwrap_or_default();
    let mut paths = vec![bin.to_path_buf()];
    paths.extend(std::env::split_paths(&path));
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(command)
        .current_dir(repo())
        .env("PATH", std::env::join_paths(paths).expect("a PATH"))
        .env("NO_COLOR", "1")
        .env(
            "XDG_STATE_HOME",
            std::env::temp_dir().join("deluge-docs-state"),
        )
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("sh runs");
    let deadline = Instant::now() + WAIT;
    while child.try_wait().ok().flatten().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let o = child.wait_with_output().expect("the command ends");
    (
        o.status.code(),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn every_documented_command_works() {
    let deluge = PathBuf::from(env!("CARGO_BIN_EXE_deluge"));
    let mut files = vec![repo().join("README.md")];
    let mut docs: Vec<PathBuf> = std::fs::read_dir(repo().join("docs"))
        .expect("docs/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    docs.sort();
    files.extend(docs);
    let mut documented: Vec<Documented> = files.iter().flat_map(|f| commands_in(f)).collect();
    documented.extend(help_examples(&deluge));
    let mut failures = Vec::new();
    let mut ran = 0;
    for doc in &documented {
        if !runs_deluge(&doc.command) {
            let first = doc.command.split_whitespace().next().unwrap_or_default();
            if first.contains('/') && !repo().join(first).is_file() {
                failures.push(format!(
                    "{}: `{}` names a missing file",
                    doc.place, doc.command
                ));
            }
            continue;
        }
        ran += 1;
        let (status, stdout, stderr) = run_shell(&deluge, &doc.command);
        if status != Some(doc.status) {
            failures.push(format!(
                "{}: `{}` exited with {status:?}, not {}\n{stdout}{stderr}",
                doc.place, doc.command, doc.status
            ));
            continue;
        }
        if let Some(want) = &doc.output {
            let got: String = stdout
                .lines()
                .map(|l| format!("{}\n", l.trim_end()))
                .collect();
            let want: String = want
                .lines()
                .map(|l| format!("{}\n", l.trim_end()))
                .collect();
            if got != want {
                failures.push(format!(
                    "{}: `{}` printed\n{got}instead of\n{want}",
                    doc.place, doc.command
                ));
            }
        }
    }
    assert!(ran >= 10, "only {ran} documented commands were found");
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

#[test]
fn blocks_are_read_as_documented() {
    let lines = [
        "$ deluge run x.dg   # exits 1: it fails",
        "out 1",
        "out 2",
        "$ echo 'a' | deluge repl",
    ];
    let found = block_commands("f.md", 3, &lines);
    assert_eq!(found.len(), 2);
    assert_eq!(found[0].status, 1);
    assert_eq!(found[0].output.as_deref(), Some("out 1\nout 2\n"));
    assert!(runs_deluge(&found[1].command));
    assert_eq!(found[1].place, "f.md:6");
    let plain = block_commands(
        "f.md",
        1,
        &["# a comment", "", "cargo build", "deluge check x"],
    );
    let commands: Vec<&str> = plain.iter().map(|d| d.command.as_str()).collect();
    assert_eq!(commands, ["cargo build", "deluge check x"]);
    assert!(!runs_deluge("cargo build"));
}
