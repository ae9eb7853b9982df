//! `deluge repl` on a terminal: the test opens its own pseudo-terminal, so
//! it needs none from whoever runs it. Every wait is bounded, and the child
//! is killed when the session is dropped.
#![cfg(unix)]

use expectrl::process::unix::WaitStatus;
use expectrl::{ControlCode, Eof, Expect, Session};
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

const WAIT: Duration = Duration::from_secs(15);

type Pty = expectrl::session::OsSession;

fn state_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("deluge-repl-pty-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    dir
}

fn start(state: &PathBuf) -> Pty {
    start_with(state, &[])
}

fn start_with(state: &PathBuf, args: &[&str]) -> Pty {
    let mut command = Command::new(env!("CARGO_BIN_EXE_deluge"));
    command
        .arg("repl")
        .args(args)
        .env("XDG_STATE_HOME", state)
        .env("TERM", "xterm")
        .env("NO_COLOR", "1");
    let mut pty = Session::spawn(command).expect("deluge repl starts on a pseudo-terminal");
    pty.set_expect_timeout(Some(WAIT));
    pty
}

/// Sends a line and waits for the given text to appear. The caller has
/// waited for a prompt first: typing ahead of one races with the editor's
/// terminal setup.
fn line(pty: &mut Pty, text: &str, then: &str) {
    pty.send_line(text).expect("the line is sent");
    pty.expect(then)
        .unwrap_or_else(|e| panic!("after {text:?}, expected {then:?}: {e}"));
}

fn prompt(pty: &mut Pty) {
    pty.expect("> ").expect("a prompt");
}

/// Waits (bounded) for the child to exit and returns its status.
fn exit_status(pty: &Pty) -> WaitStatus {
    let deadline = Instant::now() + WAIT;
    loop {
        let status = pty.get_process().status().expect("the status is readable");
        if status != WaitStatus::StillAlive || Instant::now() > deadline {
            return status;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn multi_line_entries_completion_history_and_ctrl_d_on_a_terminal() {
    let state = state_dir();
    let mut pty = start(&state);
    pty.expect(":help for commands").expect("the banner");
    prompt(&mut pty);

    // A `for each` typed over several lines, with continuation prompts.
    line(&mut pty, "total = 0;", "> ");
    line(&mut pty, "for each i in {1, 2, 3} {", "... ");
    line(&mut pty, "  total = total + i;", "... ");
    line(&mut pty, "}", "> ");
    line(&mut pty, "total", "NUMBER 6");
    prompt(&mut pty);

    // Tab completes a method of a text literal.
    pty.send("\"abc\".toUp").expect("typed");
    pty.send("\t").expect("tab");
    pty.expect("perCase()").expect("the completed method name");
    line(&mut pty, "", "TEXT \"ABC\"");
    prompt(&mut pty);

    // Ctrl-C drops the unfinished entry, not the session.
    pty.send_line("l = [1,").expect("typed");
    pty.expect("... ").expect("a continuation prompt");
    pty.send(ControlCode::EndOfText).expect("Ctrl-C");
    prompt(&mut pty);
    line(&mut pty, "total + 1", "NUMBER 7");
    prompt(&mut pty);

    // Ctrl-D quits.
    pty.send(ControlCode::EndOfTransmission).expect("Ctrl-D");
    pty.expect(Eof).expect("the REPL ends");
    assert!(matches!(exit_status(&pty), WaitStatus::Exited(_, 0)));

    let history = std::fs::read_to_string(state.join("deluge/history")).expect("history saved");
    assert!(history.contains("\"abc\".toUpperCase()"), "{history}");
    assert!(history.contains("for each i in {1, 2, 3} {"), "{history}");
    assert!(
        !history.contains("l = [1,"),
        "a cancelled entry is not kept: {history}"
    );
    let _ = std::fs::remove_dir_all(&state);
}

#[test]
fn ctrl_c_stops_a_running_entry_and_the_session_goes_on() {
    let state = state_dir().join("interrupt");
    std::fs::create_dir_all(&state).expect("a state directory");
    let mut pty = start_with(&state, &["--max-statements", "0"]);
    prompt(&mut pty);
    line(&mut pty, "n = 0;", "> ");
    // A billion iterations: far longer than the test waits.
    pty.send_line(
        "l = \"x\".repeat(1000).toList(\"\"); for each a in l { for each b in l { for each c in l { n = n + 1; } } }",
    )
    .expect("the loop is sent");
    std::thread::sleep(Duration::from_millis(300));
    pty.send(ControlCode::EndOfText).expect("Ctrl-C is sent");
    pty.expect("Interrupted")
        .expect("the entry stops with E403");
    prompt(&mut pty);
    line(&mut pty, "n > 0", "BOOLEAN true");
    prompt(&mut pty);
    pty.send(ControlCode::EndOfTransmission)
        .expect("Ctrl-D is sent");
    pty.expect(Eof).expect("the REPL ends");
    let _ = std::fs::remove_dir_all(&state);
}

#[test]
fn zoho_layout_entries_without_semicolons_and_method_completion() {
    let state = state_dir().join("layout");
    std::fs::create_dir_all(&state).expect("a state directory");
    let mut pty = start(&state);
    prompt(&mut pty);

    // No `;`: the entry runs at once, with no continuation prompt.
    line(&mut pty, "x = 1", "> ");
    line(&mut pty, "x", "NUMBER 1");
    prompt(&mut pty);

    // Zoho's layout: `else` on its own line continues the `if`.
    line(&mut pty, "if (x > 0)", "... ");
    line(&mut pty, "{", "... ");
    line(&mut pty, "info \"alpha\";", "... ");
    line(&mut pty, "}", "... ");
    line(&mut pty, "else", "... ");
    line(&mut pty, "{", "... ");
    line(&mut pty, "info \"beta\";", "... ");
    pty.send_line("}").expect("the line is sent");
    let ran = pty.expect("alpha").expect("the if ran");
    assert!(!String::from_utf8_lossy(ran.before()).contains("beta"));
    prompt(&mut pty);
    pty.send_line("\"marker\"").expect("the line is sent");
    let after = pty.expect("TEXT \"marker\"").expect("the session goes on");
    assert!(
        !String::from_utf8_lossy(after.before()).contains("beta"),
        "the else branch must not run"
    );
    prompt(&mut pty);

    // An `if` with no `else` runs on the next empty line.
    line(&mut pty, "if (true) { info \"solo\"; }", "... ");
    line(&mut pty, "", "solo");
    prompt(&mut pty);

    // Completion inserts the parentheses; the cursor goes inside when the
    // method takes arguments.
    line(&mut pty, "name = \"ann\";", "> ");
    pty.send("name.toUpp").expect("typed");
    pty.send("\t").expect("tab");
    pty.expect("perCase()")
        .expect("the method with its parentheses");
    line(&mut pty, "", "TEXT \"ANN\"");
    prompt(&mut pty);
    line(&mut pty, "items = [5, 6];", "> ");
    pty.send("items.subL").expect("typed");
    pty.send("\t").expect("tab");
    pty.expect("ist()")
        .expect("the method with its parentheses");
    line(&mut pty, "1", "LIST [6]");
    prompt(&mut pty);

    pty.send(ControlCode::EndOfTransmission).expect("Ctrl-D");
    pty.expect(Eof).expect("the REPL ends");
    let _ = std::fs::remove_dir_all(&state);
}
