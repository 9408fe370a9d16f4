//! A small builder for running the yibao binary and checking status, stdout and stderr
//! together: `Yibao::new().args(["regions", "北京"]).run().code(0).stdout_has("110000")`.

#![allow(dead_code)]

pub mod pty;

use std::io::Write;
use std::process::{Command, Stdio};

/// A move ready to apply for (the README's happy path), as flags.
pub const READY_MOVE: &[&str] = &[
    "transfer",
    "--from",
    "西安",
    "--to",
    "北京",
    "--scheme",
    "employee",
    "--reason",
    "job",
    "--retired",
    "no",
    "--origin-stopped",
    "yes",
    "--destination-enrolled",
    "yes",
    "--arrears",
    "no",
    "--account-frozen",
    "no",
    "--last-paid",
    "2026-08",
    "--paid-from",
    "2026-09",
];

pub struct Yibao {
    args: Vec<String>,
    env: Vec<(String, String)>,
    stdin: Option<Vec<u8>>,
}

pub struct Run {
    pub args: Vec<String>,
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// The path of the built binary.
pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_yibao")
}

impl Yibao {
    pub fn new() -> Yibao {
        Yibao {
            args: Vec::new(),
            env: Vec::new(),
            stdin: None,
        }
    }

    pub fn args<I: IntoIterator<Item = S>, S: AsRef<str>>(mut self, args: I) -> Yibao {
        self.args
            .extend(args.into_iter().map(|a| a.as_ref().to_string()));
        self
    }

    pub fn arg(self, a: &str) -> Yibao {
        self.args([a])
    }

    /// Fixes the as-of date, so results do not depend on today.
    pub fn on(self, date: &str) -> Yibao {
        self.args(["--on", date])
    }

    pub fn env(mut self, k: &str, v: &str) -> Yibao {
        self.env.push((k.into(), v.into()));
        self
    }

    pub fn stdin(mut self, bytes: impl Into<Vec<u8>>) -> Yibao {
        self.stdin = Some(bytes.into());
        self
    }

    #[track_caller]
    pub fn run(self) -> Run {
        let mut cmd = Command::new(bin());
        cmd.args(&self.args)
            .env_remove("YIBAO_LANG")
            .env_remove("YIBAO_RULES_DIR")
            .env_remove("YIBAO_NO_INPUT")
            .env_remove("NO_COLOR")
            .env_remove("COLUMNS")
            .stdin(if self.stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (k, v) in &self.env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().expect("spawn yibao");
        if let Some(bytes) = self.stdin {
            let mut pipe = child.stdin.take().unwrap();
            std::thread::spawn(move || {
                let _ = pipe.write_all(&bytes);
            });
        }
        let out = child.wait_with_output().expect("wait for yibao");
        Run {
            args: self.args,
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }
}

impl Run {
    fn show(&self) -> String {
        let ruler = "─".repeat(60);
        format!(
            "yibao {}\nexit {}\n{ruler} stdout\n{}\n{ruler} stderr\n{}\n{ruler}",
            self.args.join(" "),
            self.code,
            self.stdout,
            self.stderr
        )
    }

    #[track_caller]
    pub fn code(self, expected: i32) -> Run {
        assert_eq!(self.code, expected, "unexpected exit code\n{}", self.show());
        assert!(!self.stderr.contains("panicked"), "panic\n{}", self.show());
        self
    }

    #[track_caller]
    pub fn stdout_has(self, needle: &str) -> Run {
        assert!(
            self.stdout.contains(needle),
            "stdout lacks {needle:?}\n{}",
            self.show()
        );
        self
    }

    /// Stdout says `needle`, wherever the text wrapped it (whitespace is ignored on both
    /// sides: a line may break between Chinese characters with no space there).
    #[track_caller]
    pub fn stdout_says(self, needle: &str) -> Run {
        assert!(
            says(&self.stdout, needle),
            "stdout lacks {needle:?}\n{}",
            self.show()
        );
        self
    }

    #[track_caller]
    pub fn stdout_lacks(self, needle: &str) -> Run {
        assert!(
            !self.stdout.contains(needle),
            "stdout has {needle:?}\n{}",
            self.show()
        );
        self
    }

    #[track_caller]
    pub fn stderr_has(self, needle: &str) -> Run {
        assert!(
            self.stderr.contains(needle),
            "stderr lacks {needle:?}\n{}",
            self.show()
        );
        self
    }

    /// stdout parsed as one JSON document.
    #[track_caller]
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON: {e}\n{}", self.show()))
    }
}

/// `text` contains `needle`, whitespace ignored (wrapped lines joined).
pub fn says(text: &str, needle: &str) -> bool {
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    squeeze(text).contains(&squeeze(needle))
}
