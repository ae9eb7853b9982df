//! `deluge repl`: an interactive Deluge prompt.
//!
//! On a terminal it reads lines with rustyline (Emacs keys, history under
//! the user's state directory, tab completion). Otherwise it reads all of
//! standard input as a sequence of entries and prints results without
//! prompts, so it can be scripted and tested. Both modes feed lines through
//! [`Repl::feed`], which asks the parser whether an entry is finished.

mod commands;
mod complete;
mod entry;
mod print;
mod session;

use crate::cli::ReplArgs;
use crate::clock::Clock;
use crate::color::Choice;
use crate::connect;
use complete::ReplHelper;
use deluge_connect::{LoadedFile, NetworkPolicy};
use deluge_runtime::complete::Vocabulary;
use deluge_runtime::{Limits, LocalHost};
use rustyline::config::{CompletionType, Config, EditMode};
use rustyline::error::ReadlineError;
use rustyline::history::FileHistory;
use rustyline::{Editor, Helper};
use session::{Entry, Problem, Session, Shown, Step};
use std::cell::RefCell;
use std::io::{IsTerminal, Read, Write};
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

const OK: u8 = 0;
const FAILED: u8 = 1;
const USAGE: u8 = 2;

const PROMPT: &str = "> ";
const CONTINUATION: &str = "... ";

pub fn repl(args: ReplArgs, color: Choice) -> u8 {
    let path = connect::find(args.connect.connections.as_deref(), None);
    let Ok(connections) = connect::load(path, color.stderr()) else {
        return USAGE;
    };
    let clock = match Clock::from_args(&args.clock) {
        Ok(clock) => clock,
        Err(message) => {
            eprintln!("deluge: {message}");
            return USAGE;
        }
    };
    let interactive = std::io::stdin().is_terminal();
    let mut repl = Repl::new(&args, clock, color, interactive, connections);
    for path in &args.load {
        commands::load_file(&mut repl, path);
    }
    let code = if interactive {
        interactive_loop(&mut repl)
    } else {
        piped(&mut repl)
    };
    code.unwrap_or_else(|message| {
        eprintln!("deluge: {message}");
        FAILED
    })
}

/// On a terminal, Ctrl-C while an entry runs stops that entry (the line
/// editor reads Ctrl-C as a key while it waits for input, so the signal
/// only arrives during a run). `None` if the handler cannot be installed;
/// Ctrl-C then ends the process as usual.
fn ctrl_c_flag() -> Option<Arc<AtomicBool>> {
    let flag = Arc::new(AtomicBool::new(false));
    let set = flag.clone();
    ctrlc::set_handler(move || set.store(true, Ordering::Relaxed)).ok()?;
    Some(flag)
}

/// What to do after a line.
pub enum Flow {
    Next,
    Quit,
}

pub struct Repl {
    session: Session,
    color_out: bool,
    color_err: bool,
    /// An entry or command failed (the exit status when input is piped).
    failed: bool,
    /// Lines of an unfinished entry.
    pending: String,
    /// `pending` is complete but ends with an `if`: the next line decides
    /// whether an `else` continues it.
    held: bool,
    /// Completed entries, for the history (interactive mode).
    finished: Vec<String>,
}

impl Repl {
    fn new(
        args: &ReplArgs,
        clock: Clock,
        color: Choice,
        interactive: bool,
        connections: Option<LoadedFile>,
    ) -> Repl {
        let local = LocalHost {
            fixed_now: clock.fixed_now,
            zone: clock.zone,
            variables: clock.variables,
            // `info` lines appear as they happen, before the entry's value.
            on_info: Some(Box::new(|line: &str| say_to(&mut std::io::stdout(), line))),
        };
        let offline = args.offline.then_some(NetworkPolicy::Deny);
        let host = connect::host(local, connections, &args.connect, offline);
        let limits = Limits {
            max_statements: args.max_statements,
            interrupt: interactive.then(ctrl_c_flag).flatten(),
            ..Limits::default()
        };
        Repl {
            session: Session::new(Box::new(host), limits),
            // Piped input gets plain output unless colour is forced.
            color_out: if interactive {
                color.stdout()
            } else {
                color.forced()
            },
            color_err: if interactive {
                color.stderr()
            } else {
                color.forced()
            },
            failed: false,
            pending: String::new(),
            held: false,
            finished: Vec::new(),
        }
    }

    /// Takes one line of input. `at_end` says no line will follow, so an
    /// unfinished entry is evaluated (and reported) as it is.
    fn feed(&mut self, line: &str, at_end: bool) -> Flow {
        if self.held {
            self.held = false;
            if !continues_if(line) {
                // No `else`: the `if` runs, then the line is an entry of
                // its own (an empty line only ends the `if`).
                self.submit(true);
                if line.trim().is_empty() {
                    return Flow::Next;
                }
            }
        }
        if self.pending.is_empty() {
            if line.trim_start().starts_with(':') {
                self.finished.push(line.trim().to_string());
                return commands::run(self, line);
            }
            if line.trim().is_empty() {
                return Flow::Next;
            }
        } else {
            self.pending.push('\n');
        }
        self.pending.push_str(line);
        self.submit(at_end);
        Flow::Next
    }

    /// Submits the pending text; with `now`, it runs (or fails) whatever
    /// the parser thinks of it.
    fn submit(&mut self, now: bool) {
        let text = self.pending.clone();
        match self.guarded(|s| s.submit(&text, now)) {
            Some(Step::Done(entry)) => {
                self.finished.push(std::mem::take(&mut self.pending));
                self.show(entry);
            }
            Some(Step::MayContinue) => self.held = true,
            Some(Step::Incomplete) | None => {}
        }
    }

    /// Evaluates what is left of an unfinished entry at the end of input.
    fn flush(&mut self) {
        self.held = false;
        if !self.pending.trim().is_empty() {
            self.submit(true);
        }
        self.pending.clear();
    }

    /// Drops the entry being typed (Ctrl-C).
    fn cancel(&mut self) {
        self.pending.clear();
        self.held = false;
    }

    /// Runs `f` on the session. A panic there is a bug in deluge, not in
    /// the user's code: it is reported and the session goes on.
    fn guarded<T>(&mut self, f: impl FnOnce(&mut Session) -> T) -> Option<T> {
        let session = &mut self.session;
        match std::panic::catch_unwind(AssertUnwindSafe(|| f(session))) {
            Ok(value) => Some(value),
            Err(_) => {
                self.cancel();
                self.fail("internal error while evaluating this entry; the session goes on");
                None
            }
        }
    }

    fn show(&mut self, entry: Entry) {
        match entry.result {
            Ok(Shown::Nothing) => {}
            Ok(Shown::Value(value)) => {
                let text = print::show(&value, self.color_out);
                self.say(&text);
            }
            Ok(Shown::Defined(names)) => self.say(&format!("defined {}", names.join(", "))),
            Err(problem) => self.problem(&problem),
        }
    }

    fn say(&self, text: &str) {
        say_to(&mut std::io::stdout(), text);
    }

    fn problem(&mut self, problem: &Problem) {
        self.failed = true;
        let _ = std::io::stdout().flush();
        let mut err = std::io::stderr().lock();
        let _ = err.write_all(problem.render(self.color_err).as_bytes());
    }

    fn fail(&mut self, message: &str) {
        self.failed = true;
        let _ = std::io::stdout().flush();
        say_to(&mut std::io::stderr(), &format!("error: {message}"));
    }

    fn vocabulary(&self) -> Vocabulary {
        self.session.vocabulary()
    }
}

/// True when the line continues an `if` entry: it starts with `else`
/// (or a spelling from another language, reported with the entry).
fn continues_if(line: &str) -> bool {
    let word: String = line
        .trim_start()
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    ["else", "elif", "elsif", "elseif"]
        .iter()
        .any(|w| word.eq_ignore_ascii_case(w))
}

/// Writes a line; a closed pipe is not worth a panic.
fn say_to(out: &mut dyn Write, text: &str) {
    let _ = writeln!(out, "{text}");
}

/// Standard input is not a terminal: every line, no prompts.
fn piped(repl: &mut Repl) -> Result<u8, String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read standard input: {e}"))?;
    let input = String::from_utf8_lossy(&bytes);
    let mut lines = input.lines().peekable();
    while let Some(line) = lines.next() {
        let flow = repl.feed(line, lines.peek().is_none());
        repl.finished.clear();
        if let Flow::Quit = flow {
            return Ok(status(repl));
        }
    }
    repl.flush();
    Ok(status(repl))
}

fn status(repl: &Repl) -> u8 {
    if repl.failed { FAILED } else { OK }
}

fn interactive_loop(repl: &mut Repl) -> Result<u8, String> {
    let vocabulary = Rc::new(RefCell::new(repl.vocabulary()));
    let mut editor = editor(ReplHelper::new(vocabulary.clone()))?;
    let history = history_path();
    if let Some(path) = &history {
        // A missing history file is the normal first run.
        let _ = editor.load_history(path);
    }
    repl.say("deluge repl: :help for commands, Ctrl-D to quit");
    loop {
        let prompt = if repl.pending.is_empty() {
            PROMPT
        } else {
            CONTINUATION
        };
        let flow = match editor.readline(prompt) {
            Ok(line) => repl.feed(&line, false),
            // Ctrl-C drops the entry being typed, not the session.
            Err(ReadlineError::Interrupted) => {
                repl.cancel();
                Flow::Next
            }
            Err(ReadlineError::Eof) => Flow::Quit,
            Err(e) => return Err(format!("cannot read the terminal: {e}")),
        };
        let added = !repl.finished.is_empty();
        for entry in repl.finished.drain(..) {
            let _ = editor.add_history_entry(entry);
        }
        // Saved after every entry: a Ctrl-C while code runs ends the
        // process without reaching the end of this loop.
        if let (true, Some(path)) = (added, &history) {
            save_history(&mut editor, path);
        }
        *vocabulary.borrow_mut() = repl.vocabulary();
        if let Flow::Quit = flow {
            break;
        }
    }
    Ok(OK)
}

fn editor(helper: ReplHelper) -> Result<Editor<ReplHelper, FileHistory>, String> {
    let config = Config::builder()
        .edit_mode(EditMode::Emacs)
        .completion_type(CompletionType::List)
        .auto_add_history(false)
        .max_history_size(1000)
        .map_err(|e| e.to_string())?
        .build();
    let mut editor =
        Editor::with_config(config).map_err(|e| format!("cannot start the line editor: {e}"))?;
    editor.set_helper(Some(helper));
    Ok(editor)
}

fn save_history<H: Helper>(editor: &mut Editor<H, FileHistory>, path: &Path) {
    let saved = path
        .parent()
        .map_or(Ok(()), std::fs::create_dir_all)
        .map_err(|e| e.to_string())
        .and_then(|()| editor.append_history(path).map_err(|e| e.to_string()));
    if let Err(e) = saved {
        eprintln!("deluge: cannot save the history to {}: {e}", path.display());
    }
}

/// `$XDG_STATE_HOME/deluge/history`, else `~/.local/state/deluge/history`.
fn history_path() -> Option<PathBuf> {
    let non_empty = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    let state = non_empty("XDG_STATE_HOME")
        .map(PathBuf::from)
        .or_else(|| non_empty("HOME").map(|home| PathBuf::from(home).join(".local/state")))?;
    Some(state.join("deluge").join("history"))
}
