//! Lost output is never reported as success: a write that fails (a full disk, a stdout closed
//! before start) is an error naming stdout with exit 2, for every kind of command; a reader
//! that stops early (`| head`) ends the run quietly.

use std::process::{Command, Stdio};

use crate::support::bin;

/// One command of each kind: a document, an informational listing, an answer.
const RUNS: &[&[&str]] = &[
    &["man"],
    &["regions", "北京"],
    &[
        "transfer", "--from", "西安", "--to", "北京", "--scheme", "employee",
    ],
    &["merge", "--from", "西安", "--to", "北京", "--json"],
];

fn skipped(why: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "SKIPPED (output): {why}");
}

#[test]
fn a_full_disk_is_an_error_naming_stdout() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        skipped("no /dev/full here");
        return;
    };
    for args in RUNS {
        let out = Command::new(bin())
            .args(*args)
            .env("YIBAO_NO_INPUT", "1")
            .stdin(Stdio::null())
            .stdout(full.try_clone().unwrap())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains("stdout"), "{args:?}: {stderr}");
    }
}

#[test]
fn a_stdout_closed_before_start_is_an_error() {
    for args in RUNS {
        let script = format!("exec \"$0\" {} >&-", shell_words(args));
        let out = Command::new("sh")
            .args(["-c", &script, bin()])
            .env("YIBAO_NO_INPUT", "1")
            .stdin(Stdio::null())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
    }
}

#[test]
fn a_reader_that_stops_early_ends_the_run_quietly() {
    let mut child = Command::new(bin())
        .arg("man")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Close the pipe without reading: the write fails with EPIPE.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn shell_words(args: &[&str]) -> String {
    (args.iter())
        .map(|a| format!("'{a}'"))
        .collect::<Vec<_>>()
        .join(" ")
}
