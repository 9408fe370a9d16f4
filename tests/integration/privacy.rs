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
        skipped("strace is not installed: only the source scan checks networking here");
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
            skipped(&format!(
                "strace cannot trace here: {}",
                String::from_utf8_lossy(&status.stderr).trim()
            ));
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
        skipped("no network namespaces here (unshare -n failed)");
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

/// Says on the test run's own stderr (not captured by the harness) that a test could not
/// do its work here, so a green run never hides it.
fn skipped(why: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "SKIPPED (privacy): {why}");
}

/// Words that would ask for a name or a resident ID number, in either language.
const PERSONAL: &[&str] = &[
    "姓名",
    "名字",
    "身份证号",
    "证件号",
    "your name",
    "full name",
    "id number",
    "identity number",
    "identity card number",
];

/// Every string the walk-throughs and commands can show, whatever its punctuation: no line of
/// the prompt layer, the commands or the text catalogue names personal data.
#[test]
fn no_question_asks_for_a_name_or_an_id_number() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src/commands"), &mut files);
    rust_files(&root.join("src/render"), &mut files);
    files.push(root.join("src/prompt.rs"));
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        if let Some(word) = personal(&text) {
            panic!("{} asks for {word}", file.display());
        }
    }
}

/// The personal-data word a text contains, if any (case-insensitive for English).
fn personal(text: &str) -> Option<&'static str> {
    let lower = text.to_lowercase();
    PERSONAL.iter().copied().find(|w| lower.contains(w))
}

#[test]
fn the_personal_data_scan_catches_a_question_however_it_is_punctuated() {
    for question in [
        "请告诉我们您的姓名和身份证号?",
        "请输入身份证号。",
        "What is your name",
        "Your ID number:",
    ] {
        assert!(personal(question).is_some(), "{question}");
    }
    assert!(personal("转出地已经停保了吗?").is_none());
}
