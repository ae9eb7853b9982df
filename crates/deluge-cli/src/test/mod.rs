//! `deluge test`: golden files and test suites, run in parallel with
//! fresh state per case, reported like `cargo test`.
//!
//! Files are spread over worker threads (values are `Rc`, so each file runs
//! wholly on one thread); results are printed in file order whatever
//! order they finish in.

mod assert;
mod coverage;
mod discover;
mod env;
mod exec;
mod host;
mod namespace;
mod report;
mod services;

use crate::cli::TestArgs;
use crate::color::Choice;
use crate::project::Project;
use coverage::CoverageLog;
pub use discover::Shard;
use discover::TestFile;
use env::{Env, ProjectFiles};
use exec::{CaseResult, Settings};
use report::Counts;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

/// Each worker's stack: the interpreter walks trees recursively.
const WORKER_STACK: usize = 64 * 1024 * 1024;

pub fn test(args: TestArgs, color: Choice) -> u8 {
    let prepared = match prepare(&args) {
        Ok(p) => p,
        Err(message) => {
            eprintln!("deluge: error: {message}");
            return 2;
        }
    };
    let Prepared { env, mut files } = prepared;
    discover::select(&mut files, args.filter.as_deref(), args.shard);
    let settings = Settings {
        max_statements: args.max_statements,
        coverage: args.coverage.is_some(),
        color: color.stdout() && !args.json,
        stop: args.fail_fast.then(|| AtomicBool::new(false)),
    };
    let jobs = args
        .jobs
        .filter(|j| *j > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let (results, log) = run_all(&files, &env, &settings, jobs, !args.json);
    finish(&args, &env, &results, &log)
}

struct Prepared {
    env: Env,
    files: Vec<TestFile>,
}

/// The project, its environment and the test files under the paths.
fn prepare(args: &TestArgs) -> Result<Prepared, String> {
    let start = args
        .paths
        .first()
        .cloned()
        .unwrap_or_else(|| PathBuf::from("."));
    let from = if start.is_file() {
        start.parent().map(Path::to_path_buf).unwrap_or_default()
    } else {
        start
    };
    let project = Project::discover(&from).map_err(|e| e.to_string())?;
    let project_dir = project.as_ref().map(|p| {
        let dir = relative(p.dir());
        if dir.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            dir
        }
    });
    let files = match &project {
        Some(p) => ProjectFiles {
            dir: project_dir.clone(),
            functions: p.functions.clone(),
            seed: p.seed.clone(),
            connections: p.connections.clone().or_else(|| {
                let beside = p.dir().join(crate::offline::plan::CONNECTIONS_FILE);
                beside.is_file().then_some(beside)
            }),
            fixtures: p.fixtures.clone(),
        },
        None => ProjectFiles::default(),
    };
    let env = Env::new(files)?;
    let paths = if args.paths.is_empty() {
        vec![default_folder(
            project_dir.as_deref().unwrap_or(Path::new(".")),
        )]
    } else {
        args.paths
            .iter()
            .map(|p| {
                // A project folder means its tests.
                if p.join(crate::project::FILE_NAME).is_file() {
                    default_folder(p)
                } else {
                    p.clone()
                }
            })
            .collect()
    };
    let mut files = Vec::new();
    for path in &paths {
        let explicit = path.is_file();
        for file in crate::source::collect(path)? {
            let name = env::display_name(project_dir.as_deref(), &relative(&file));
            if let Some(found) = discover::classify(&file, name, explicit)? {
                files.push(found);
            }
        }
    }
    Ok(Prepared { env, files })
}

/// A project's `tests/` folder, else the folder itself.
fn default_folder(dir: &Path) -> PathBuf {
    let tests = dir.join("tests");
    if tests.is_dir() {
        tests
    } else {
        dir.to_path_buf()
    }
}

/// Paths in reports are as the user wrote them; absolute ones become
/// relative to the current folder when inside it.
fn relative(path: &Path) -> PathBuf {
    let cwd = std::env::current_dir().unwrap_or_default();
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    absolute
        .strip_prefix(&cwd)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| path.to_path_buf())
}

/// Runs every file on `jobs` worker threads, printing each file's lines
/// (when `print`) as soon as every earlier file has been printed.
fn run_all(
    files: &[TestFile],
    env: &Env,
    settings: &Settings,
    jobs: usize,
    print: bool,
) -> (Vec<CaseResult>, CoverageLog) {
    let total: usize = files.iter().map(|f| f.cases.len()).sum();
    let bar = progress_bar(total as u64, print);
    let next = AtomicUsize::new(0);
    let (sender, receiver) = mpsc::channel::<FileResults>();
    let mut slots: Vec<Option<Vec<CaseResult>>> = vec![None; files.len()];
    let mut log = CoverageLog::default();
    let mut results = Vec::with_capacity(total);
    std::thread::scope(|scope| {
        let mut started = 0;
        for _ in 0..jobs.min(files.len()).max(1) {
            let sender = sender.clone();
            let next = &next;
            let spawned = std::thread::Builder::new()
                .stack_size(WORKER_STACK)
                .spawn_scoped(scope, move || work(files, env, settings, next, &sender));
            match spawned {
                Ok(_) => started += 1,
                Err(e) => eprintln!("deluge: warning: cannot start a test worker: {e}"),
            }
        }
        // No worker could start: this thread (which has a large stack)
        // runs the files itself.
        if started == 0 {
            work(files, env, settings, &next, &sender);
        }
        drop(sender);
        let mut printed = 0;
        for (i, file_results, file_log) in receiver {
            bar.inc(file_results.len() as u64);
            log.merge(file_log);
            slots[i] = Some(file_results);
            while let Some(Some(done)) = slots.get_mut(printed).map(Option::take) {
                if print {
                    bar.suspend(|| {
                        for r in &done {
                            println!("{}", report::case_line(r));
                        }
                    });
                }
                results.extend(done);
                printed += 1;
            }
        }
    });
    bar.finish_and_clear();
    (results, log)
}

/// A worker: takes the next file until none is left, and sends its
/// results with their index.
fn work(
    files: &[TestFile],
    env: &Env,
    settings: &Settings,
    next: &AtomicUsize,
    sender: &mpsc::Sender<FileResults>,
) {
    loop {
        let i = next.fetch_add(1, Ordering::Relaxed);
        let Some(file) = files.get(i) else { break };
        let mut file_log = CoverageLog::default();
        let results = exec::run_file(file, env, settings, &mut file_log);
        if sender.send((i, results, file_log)).is_err() {
            break;
        }
    }
}

/// A file's results, its index in the file list, and its coverage.
type FileResults = (usize, Vec<CaseResult>, CoverageLog);

/// A bar on standard error, only when both outputs are terminals.
fn progress_bar(total: u64, print: bool) -> indicatif::ProgressBar {
    let terminal = std::io::stdout().is_terminal() && std::io::stderr().is_terminal();
    if !(print && terminal) || total < 2 {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(total);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} tests {elapsed}")
    {
        bar.set_style(style);
    }
    bar
}

/// The failures, the counts, the files asked for, and the exit code.
fn finish(args: &TestArgs, env: &Env, results: &[CaseResult], log: &CoverageLog) -> u8 {
    let counts = Counts::of(results);
    if args.json {
        println!("{}", report::json(results));
    } else {
        print!("{}", report::failures(results));
        if args.coverage.is_some() {
            print!("\n{}", log.summary());
        }
        println!("\n{}", counts.line());
    }
    if let Some(path) = &args.junit {
        let written = report::junit(results)
            .map_err(|e| e.to_string())
            .and_then(|xml| std::fs::write(path, xml).map_err(|e| e.to_string()));
        if let Err(e) = written {
            eprintln!("deluge: error: cannot write {}: {e}", path.display());
            return 2;
        }
    }
    if let Some(path) = &args.coverage {
        let root = std::path::absolute(env.project_dir.as_deref().unwrap_or(Path::new(".")))
            .unwrap_or_default();
        if let Err(e) = std::fs::write(path, log.lcov(&root)) {
            eprintln!("deluge: error: cannot write {}: {e}", path.display());
            return 2;
        }
    }
    u8::from(counts.failed > 0)
}
