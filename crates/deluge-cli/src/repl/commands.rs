//! The `:` commands of the REPL.

use super::print;
use super::session::{Shown, Step};
use super::{Flow, Repl};
use crate::source;
use std::path::Path;

pub struct CommandDef {
    pub name: &'static str,
    /// What follows the name, for `:help`.
    pub args: &'static str,
    pub help: &'static str,
}

pub const COMMANDS: &[CommandDef] = &[
    CommandDef {
        name: ":help",
        args: "",
        help: "show this list",
    },
    CommandDef {
        name: ":quit",
        args: "",
        help: "leave the REPL (also Ctrl-D)",
    },
    CommandDef {
        name: ":vars",
        args: "",
        help: "variables with their types and values, and the functions defined",
    },
    CommandDef {
        name: ":type",
        args: "EXPR",
        help: "evaluate EXPR and show the type of its value",
    },
    CommandDef {
        name: ":load",
        args: "FILE",
        help: "define the functions of FILE, or run its statements here",
    },
    CommandDef {
        name: ":reset",
        args: "",
        help: "forget all variables, functions and info lines",
    },
    CommandDef {
        name: ":info",
        args: "",
        help: "the info lines printed so far",
    },
    CommandDef {
        name: ":requests",
        args: "",
        help: "the HTTP requests made so far (secrets redacted)",
    },
    CommandDef {
        name: ":time",
        args: "CODE",
        help: "run CODE, then show the wall time and statements executed",
    },
];

/// Runs one command line (it starts with `:`).
pub fn run(repl: &mut Repl, line: &str) -> Flow {
    let line = line.trim();
    let (name, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
    let rest = rest.trim();
    match name.to_ascii_lowercase().as_str() {
        ":help" | ":h" | ":?" => help(repl),
        ":quit" | ":q" | ":exit" => return Flow::Quit,
        ":vars" => vars(repl),
        ":type" => type_of(repl, rest),
        ":load" => load(repl, rest),
        ":reset" => {
            repl.session.reset();
            repl.say("session reset: no variables, functions or info lines");
        }
        ":info" => info(repl),
        ":requests" => requests(repl),
        ":time" => time(repl, rest),
        _ => repl.fail(&format!("unknown command {name}; :help lists the commands")),
    }
    Flow::Next
}

fn help(repl: &mut Repl) {
    let mut text = String::from(
        "Type statements as in a script (x = 1;) or an expression to see its value (x + 1).\n\
         Unfinished input (an open brace, bracket or text, a trailing operator) continues\n\
         on the next line. Tab completes names; Ctrl-C cancels the input; Ctrl-D quits.\n\n",
    );
    for c in COMMANDS {
        let usage = format!("{} {}", c.name, c.args);
        text.push_str(&format!("  {:<16}{}\n", usage.trim_end(), c.help));
    }
    repl.say(text.trim_end());
}

fn vars(repl: &mut Repl) {
    let rows: Vec<(String, &str, String)> = repl
        .session
        .variables()
        .into_iter()
        .map(|(name, value)| {
            (
                name.to_string(),
                print::type_label(value),
                print::short(value, 60),
            )
        })
        .collect();
    let mut text = String::new();
    if rows.is_empty() {
        text.push_str("(no variables)\n");
    }
    let width = rows.iter().map(|(n, _, _)| n.len()).max().unwrap_or(0);
    for (name, ty, value) in &rows {
        let row = format!("{name:<width$}  {ty:<10} {value}");
        text.push_str(row.trim_end());
        text.push('\n');
    }
    let functions = repl.session.functions();
    if !functions.is_empty() {
        text.push_str(&format!("functions: {}\n", functions.join(", ")));
    }
    repl.say(text.trim_end());
}

fn type_of(repl: &mut Repl, code: &str) {
    if code.is_empty() {
        return repl.fail("usage: :type EXPR");
    }
    let Some(entry) = repl.guarded(|s| s.evaluate(code)) else {
        return;
    };
    match entry.result {
        Ok(Shown::Value(value)) => repl.say(print::type_label(&value)),
        Ok(_) => repl.say("NULL"),
        Err(problem) => repl.problem(&problem),
    }
}

fn load(repl: &mut Repl, file: &str) {
    if file.is_empty() {
        return repl.fail("usage: :load FILE");
    }
    load_file(repl, Path::new(file));
}

/// `:load` and `--load`: read a file and hand it to the session.
pub fn load_file(repl: &mut Repl, path: &Path) {
    match source::read(path) {
        Ok(text) => {
            if let Some(entry) = repl.guarded(|s| s.load(&source::name(path), &text)) {
                repl.show(entry);
            }
        }
        Err(message) => repl.fail(&message),
    }
}

fn info(repl: &mut Repl) {
    let log = repl.session.info_log();
    let text = if log.is_empty() {
        "(no info lines yet)".to_string()
    } else {
        log.join("\n")
    };
    repl.say(&text);
}

fn requests(repl: &mut Repl) {
    let log = repl.session.request_log();
    let text = if log.is_empty() {
        "(no requests yet)".to_string()
    } else {
        log.join("\n")
    };
    repl.say(&text);
}

fn time(repl: &mut Repl, code: &str) {
    if code.is_empty() {
        return repl.fail("usage: :time CODE");
    }
    if let Some(Step::Done(entry)) = repl.guarded(|s| s.submit(code, true)) {
        let (elapsed, statements) = (entry.elapsed, entry.statements);
        repl.show(entry);
        repl.say(&format!(
            "time: {:.3} ms, statements: {statements}",
            elapsed.as_secs_f64() * 1000.0
        ));
    }
}
