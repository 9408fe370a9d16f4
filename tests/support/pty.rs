//! Driving the interactive walk-throughs in a pseudo-terminal (expectrl), the way a person
//! at a terminal uses them. Keys: `DOWN` moves a selection, `ENTER` confirms.

use std::process::Command;
use std::time::Duration;

pub use expectrl::Expect;
use expectrl::session::OsSession;

pub const DOWN: &str = "\x1b[B";
pub const ENTER: &str = "\r";

/// Starts `yibao ARGS` in a pseudo-terminal with a fixed as-of date and no colour.
pub fn spawn(args: &[&str]) -> OsSession {
    let mut cmd = Command::new(super::bin());
    cmd.args(args)
        .env_remove("CI")
        .env_remove("YIBAO_NO_INPUT")
        .env_remove("YIBAO_LANG")
        .env("NO_COLOR", "1")
        .env("TERM", "xterm");
    let mut session = expectrl::Session::spawn(cmd).expect("spawn yibao in a pty");
    session.set_expect_timeout(Some(Duration::from_secs(20)));
    session
}

/// Waits for `text` and answers by sending `keys`.
#[track_caller]
pub fn answer(session: &mut OsSession, text: &str, keys: &str) {
    if let Err(e) = session.expect(text) {
        panic!("prompt {text:?} not shown: {e}");
    }
    session.send(keys).expect("send keys");
}

/// Like `answer`, and returns what the program showed before `text`.
#[track_caller]
pub fn answer_seen(session: &mut OsSession, text: &str, keys: &str) -> String {
    let seen = match session.expect(text) {
        Ok(found) => String::from_utf8_lossy(found.before()).into_owned(),
        Err(e) => panic!("prompt {text:?} not shown: {e}"),
    };
    session.send(keys).expect("send keys");
    seen
}

/// Reads everything until the program exits and returns it with the exit code.
#[track_caller]
pub fn finish(mut session: OsSession) -> (String, i32) {
    let captured = session.expect(expectrl::Eof).expect("program ends");
    let text = String::from_utf8_lossy(captured.as_bytes()).into_owned();
    let status = session.get_process_mut().wait().expect("wait");
    let code = match status {
        expectrl::process::unix::WaitStatus::Exited(_, code) => code,
        other => panic!("yibao did not exit normally: {other:?}\n{text}"),
    };
    (text, code)
}
