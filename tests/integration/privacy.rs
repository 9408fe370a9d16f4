//! Privacy: yibao opens no network connection and never asks for a name or an ID number.
//! The source and dependency scan always runs; where strace or network namespaces exist on the
//! machine, real runs are watched too.

use std::path::Path;
use std::process::Command;

use crate::support::{Yibao, bin};

/// Commands that together reach every check and the rules loader.
const RUNS: &[&[&str]] = &[
    &["regions", "北京"],
    &["rules", "check"],
    &[
        "transfer",
        "--from",
        "西安",
        "--to",
        "北京",
        "--scheme",
        "employee",
        "--submitted",
        "2026-09-28",
        "--on",
        "2026-10-20",
    ],
    &[
        "balance",
        "--region",
        "北京",
        "--after-transfer",
        "--submitted",
        "2026-09-28",
    ],
    &["merge", "--from", "西安", "--to", "北京"],
    &["guide", "family"],
];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_networking_code_or_crate_is_built_in() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for word in [
            "std::net",
            "TcpStream",
            "UdpSocket",
            "TcpListener",
            "ToSocketAddrs",
        ] {
            assert!(!text.contains(word), "{} uses {word}", file.display());
        }
    }
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).unwrap();
    for krate in [
        "reqwest",
        "hyper",
        "ureq",
        "curl",
        "tokio",
        "mio",
        "socket2",
        "rustls",
        "native-tls",
    ] {
        assert!(
            !lock.contains(&format!("name = \"{krate}\"")),
            "Cargo.lock has the networking crate {krate}"
        );
    }
}

#[test]
fn no_run_creates_an_internet_socket_when_watched_by_strace() {
    if Command::new("strace").arg("-V").output().is_err() {
        eprintln!("strace not installed: only the source scan checks networking here");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for (i, args) in RUNS.iter().enumerate() {
        let log = dir.path().join(format!("trace{i}"));
        let status = Command::new("strace")
            .args(["-f", "-qq", "-e", "trace=execve,socket,connect", "-o"])
            .arg(&log)
            .arg(bin())
            .args(*args)
            .env("YIBAO_NO_INPUT", "1")
            .output()
            .unwrap();
        let trace = std::fs::read_to_string(&log).unwrap_or_default();
        // A working trace always shows the program being started.
        if !trace.contains("execve(") {
            eprintln!(
                "strace cannot trace here: {}",
                String::from_utf8_lossy(&status.stderr)
            );
            return;
        }
        assert!(
            !trace.contains("AF_INET") && !trace.contains("connect("),
            "{args:?} touched the network:\n{trace}"
        );
    }
}

#[test]
fn every_check_works_in_an_empty_network_namespace() {
    if !Command::new("unshare")
        .args(["-n", "true"])
        .status()
        .is_ok_and(|s| s.success())
    {
        eprintln!("no network namespaces here: skipped");
        return;
    }
    for args in RUNS {
        let plain = Yibao::new().args(*args).run();
        let isolated = Command::new("unshare")
            .arg("-n")
            .arg(bin())
            .args(*args)
            .env("YIBAO_NO_INPUT", "1")
            .output()
            .unwrap();
        assert_eq!(isolated.status.code(), Some(plain.code), "{args:?}");
        assert_eq!(
            String::from_utf8_lossy(&isolated.stdout),
            plain.stdout,
            "{args:?}"
        );
    }
}

#[test]
fn no_question_asks_for_a_name_or_an_id_number() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src/commands"), &mut files);
    files.push(root.join("src/prompt.rs"));
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for line in text
            .lines()
            .filter(|l| l.contains("Text::new(\"") && l.contains('?'))
        {
            for word in ["姓名", "身份证号", "your name", "ID number"] {
                assert!(
                    !line.contains(word),
                    "{}: a question asks for {word}: {line}",
                    file.display()
                );
            }
        }
    }
}
