//! The bad-input table: wrong dates, numbers, regions, flags, files. Each must exit 2 (4 for
//! rules) with a message on stderr naming the input, and never panic or print a backtrace.

use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;
use std::process::{Command, Stdio};

use crate::support::{Yibao, bin};

/// (arguments, exit code, text the message must contain).
const TABLE: &[(&[&str], i32, &str)] = &[
    // dates
    (&["calendar", "is-workday", "2026-02-30"], 2, "2026-02-30"),
    (&["calendar", "is-workday", "2026-13-01"], 2, "2026-13-01"),
    // An as-of date out of reach (no month paid before 1950; plans must end by 9999).
    (&["transfer", "--on", "1900-01-01"], 2, "1900-01-01"),
    (
        &["calendar", "is-workday", "2026-01-05", "--on", "9999-12-31"],
        2,
        "9999-12-31",
    ),
    // A date in the right shape that names no day says which part is wrong.
    (
        &["calendar", "add", "2026年2月30日", "1"],
        2,
        "只有 1 至 28 日|has days 1 to 28",
    ),
    (
        &["calendar", "is-workday", "2026/13/1"],
        2,
        "没有 13 月|no month 13",
    ),
    (&["calendar", "is-workday", "20261301"], 2, "20261301"),
    (&["calendar", "is-workday", ""], 2, "YYYY-MM-DD"),
    (&["calendar", "is-workday", "2026/10/32"], 2, "2026/10/32"),
    (&["calendar", "is-workday", "１２３"], 2, "１２３"),
    (&["calendar", "add", "2026-10-01", "ten"], 2, "ten"),
    (&["calendar", "add", "2026-10-01", "-1"], 2, "-1"),
    (
        &["calendar", "add", "2026-10-01", "99999999999999999999"],
        2,
        "99999999999999999999",
    ),
    (&["calendar", "add", "2026-10-01", "100001"], 2, "100001"),
    (
        &["calendar", "add", "+262143-12-31", "1"],
        2,
        "+262143-12-31",
    ),
    (
        &["calendar", "days", "2026-10-02", "2026-10-01"],
        2,
        "2026-10-01",
    ),
    (
        &["calendar", "days", "2000-01-01", "2026-10-01"],
        2,
        "2000-01-01",
    ),
    (&["calendar", "nope"], 2, "nope"),
    (&["--on", "2026-02-29", "rules", "show"], 2, "2026-02-29"),
    (&["--on", "yesterday", "regions", "北京"], 2, "yesterday"),
    // regions
    (&["regions", "beijng"], 2, "北京市"),
    (&["regions", "xyzzy"], 2, "xyzzy"),
    (&["regions", "999999"], 2, "999999"),
    (&["rules", "show", "海南"], 2, "海南"),
    (&["regions", "广东省杭州市"], 2, "广东省杭州市"),
    (&["rules", "show", "香港"], 2, "香港"),
    (&["rules", "show", ""], 2, "region"),
    // flags and enums
    (&["--lang", "fr", "regions"], 2, "fr"),
    (&["--color", "sometimes", "regions"], 2, "sometimes"),
    (&["--frobnicate", "regions"], 2, "--frobnicate"),
    (&["regions", "--json=yes"], 2, "--json"),
    (&["nonsense"], 2, "nonsense"),
    (&["schema", "transfers-and-more"], 2, "transfers-and-more"),
    (&["completions", "tcsh"], 2, "tcsh"),
    // rules directories and files
    (
        &["rules", "check", "/nonexistent/dir"],
        4,
        "/nonexistent/dir",
    ),
    (&["rules", "check", "Cargo.toml"], 4, "Cargo.toml"),
    (
        &["--rules-dir", "/nonexistent/dir", "rules", "show"],
        4,
        "/nonexistent/dir",
    ),
    (
        &[
            "--rules-dir",
            "tests/fixtures/broken-rules/syntax-error",
            "calendar",
            "add",
            "2026-01-05",
            "1",
        ],
        4,
        "national.toml:7:41",
    ),
    // balance, merge, guide
    (&["balance", "--monthly", "--base", "abc"], 2, "abc"),
    (&["balance", "--monthly", "--base", "-5"], 2, "-5"),
    (
        &["balance", "--monthly", "--retired", "--age", "abc"],
        2,
        "abc",
    ),
    (&["balance", "--region", "xyzzy"], 2, "xyzzy"),
    (
        &["balance", "--after-transfer", "--submitted", "2026-02-30"],
        2,
        "2026-02-30",
    ),
    (&["balance", "--monthly", "--scheme", "urban"], 2, "urban"),
    (&["merge", "--from", "xyzzy", "--to", "北京"], 2, "xyzzy"),
    (&["merge", "--from", "西安", "--to", "西安"], 2, "610100"),
    (&["merge", "--to", "北京"], 2, "--from"),
    (
        &[
            "merge",
            "--from",
            "西安",
            "--to",
            "北京",
            "--arrears",
            "perhaps",
        ],
        2,
        "perhaps",
    ),
    (&["guide", "xyzzy"], 2, "xyzzy"),
    // transfer and status
    (
        &[
            "transfer", "--from", "xyzzy", "--to", "北京", "--scheme", "employee",
        ],
        2,
        "xyzzy",
    ),
    (
        &[
            "transfer", "--from", "西安", "--to", "beijng", "--scheme", "employee",
        ],
        2,
        "beijng",
    ),
    (
        &[
            "transfer", "--from", "西安", "--to", "北京", "--scheme", "urban",
        ],
        2,
        "urban",
    ),
    (
        &[
            "transfer", "--from", "西安", "--to", "北京", "--scheme", "employee", "--reason",
            "vacation",
        ],
        2,
        "vacation",
    ),
    (
        &[
            "transfer",
            "--from",
            "西安",
            "--to",
            "北京",
            "--scheme",
            "employee",
            "--retired",
            "maybe",
        ],
        2,
        "maybe",
    ),
    (
        &[
            "transfer",
            "--from",
            "西安",
            "--to",
            "北京",
            "--scheme",
            "employee",
            "--origin-stopped",
            "1",
        ],
        2,
        "--origin-stopped",
    ),
    (
        &[
            "transfer",
            "--from",
            "西安",
            "--to",
            "北京",
            "--scheme",
            "employee",
            "--last-paid",
            "2026-13",
        ],
        2,
        "2026-13",
    ),
    (
        &[
            "transfer",
            "--from",
            "西安",
            "--to",
            "北京",
            "--scheme",
            "employee",
            "--last-paid",
            "202608",
        ],
        2,
        "202608",
    ),
    // Residents pay by the year: the message offers the year too.
    (
        &[
            "transfer",
            "--from",
            "天津",
            "--to",
            "厦门",
            "--scheme",
            "resident",
            "--paid-from",
            "明年",
        ],
        2,
        "也可只写年份|may give the year alone",
    ),
    (
        &[
            "transfer",
            "--from",
            "西安",
            "--to",
            "北京",
            "--scheme",
            "employee",
            "--paid-from",
            "",
        ],
        2,
        "--paid-from",
    ),
    (
        &[
            "transfer",
            "--from",
            "西安",
            "--to",
            "北京",
            "--scheme",
            "employee",
            "--continuous-years",
            "-1",
        ],
        2,
        "-1",
    ),
    (
        &[
            "transfer",
            "--from",
            "西安",
            "--to",
            "北京",
            "--scheme",
            "employee",
            "--continuous-years",
            "1000",
        ],
        2,
        "1000",
    ),
    (
        &[
            "transfer",
            "--from",
            "西安",
            "--to",
            "北京",
            "--scheme",
            "employee",
            "--continuous-years",
            "two",
        ],
        2,
        "two",
    ),
    (
        &[
            "transfer",
            "--from",
            "西安",
            "--to",
            "北京",
            "--scheme",
            "employee",
            "--new-scheme",
            "gold",
        ],
        2,
        "gold",
    ),
    (
        &[
            "transfer",
            "--from",
            "西安",
            "--to",
            "北京",
            "--scheme",
            "employee",
            "--submitted",
            "2026-02-30",
        ],
        2,
        "2026-02-30",
    ),
    (
        &[
            "transfer",
            "--from",
            "西安",
            "--to",
            "北京",
            "--scheme",
            "employee",
            "--submitted",
            "2026-12-01",
            "--on",
            "2026-11-23",
        ],
        2,
        "--submitted 2026-12-01",
    ),
    (
        &[
            "transfer",
            "--from",
            "西安",
            "--to",
            "北京",
            "--scheme",
            "employee",
            "--last-paid",
            "2026-09",
            "--paid-from",
            "2026/13",
        ],
        2,
        "2026/13",
    ),
    (
        &[
            "transfer",
            "--from",
            "西安",
            "--to",
            "北京",
            "--new-scheme",
            "resident",
        ],
        2,
        "--scheme",
    ),
    (&["transfer", "--from", "西安"], 2, "--to"),
    (
        &[
            "transfer", "--from", "西安", "--to", "北京", "--scheme", "employee", "--save", "/",
        ],
        2,
        "/",
    ),
    (
        &[
            "transfer", "--from", "西安", "--to", "北京", "--scheme", "employee", "--force",
        ],
        2,
        "--save",
    ),
    (
        &["status", "/nonexistent/plan.json"],
        2,
        "/nonexistent/plan.json",
    ),
    (&["status", "Cargo.toml"], 2, "Cargo.toml"),
    (&["status"], 2, "PLAN|计划文件"),
    // refund, dental
    (
        &["refund", "--case", "cq_two_employer"],
        2,
        "cq_two_employers",
    ),
    (
        &["refund", "--case", "nothing-like-it"],
        2,
        "nothing-like-it",
    ),
    (&["refund", "--situation", "paid_twise"], 2, "paid_twice"),
    // A negative number is read as the value it was meant to be, and refused as such.
    (
        &[
            "balance",
            "--monthly",
            "--region",
            "北京",
            "--base",
            "-8000",
        ],
        2,
        "--base: '-8000'",
    ),
    (
        &[
            "balance",
            "--monthly",
            "--region",
            "北京",
            "--retired",
            "--age",
            "-5",
        ],
        2,
        "--age: '-5'",
    ),
    (&["calendar", "add", "2026-11-30", "-3"], 2, "N: '-3'"),
    (
        &["transfer", "--continuous-years", "-1"],
        2,
        "--continuous-years: '-1'",
    ),
    (&["refund", "--scheme", "urban"], 2, "urban"),
    (&["refund", "--benefit-started", "maybe"], 2, "maybe"),
    (&["refund", "--region", "xyzzy"], 2, "xyzzy"),
    (
        &["refund", "--list", "--case", "cq_unemployment"],
        2,
        "--case",
    ),
    (&["dental", "zhongzhiy"], 2, "implant"),
    (&["dental", "种直牙"], 2, "种直牙"),
    (&["dental", ""], 2, "yibao dental --list"),
    (&["dental", "补牙", "--designated", "perhaps"], 2, "perhaps"),
    (
        &["dental", "补牙", "--imported-material", "1"],
        2,
        "--imported-material",
    ),
    (&["dental", "补牙", "--scheme", "urban"], 2, "urban"),
    (&["dental", "补牙", "--region", "香港"], 2, "香港"),
    (&["dental"], 2, "PROCEDURE"),
    // A flexible worker who names the kind of work is told the scheme and the flag.
    (
        &[
            "transfer",
            "--from",
            "西安",
            "--to",
            "北京",
            "--scheme",
            "灵活就业",
        ],
        2,
        "--scheme employee --flexible yes",
    ),
    (
        &[
            "transfer",
            "--from",
            "西安",
            "--to",
            "北京",
            "--new-scheme",
            "flexible",
        ],
        2,
        "--new-scheme employee --flexible yes",
    ),
];

#[test]
fn every_bad_input_exits_with_its_code_and_names_the_input() {
    let mut failures = Vec::new();
    for (args, code, needle) in TABLE {
        for lang in ["zh", "en"] {
            let run = Yibao::new().args(*args).env("YIBAO_LANG", lang).run();
            // `a|b`: the input as named in English or in Chinese.
            let ok = run.code == *code
                && needle.split('|').any(|n| run.stderr.contains(n))
                && !run.stderr.contains("panicked")
                && !run.stderr.contains("RUST_BACKTRACE")
                && run.stdout.is_empty();
            if !ok {
                failures.push(format!(
                    "{args:?} ({lang}): exit {} (want {code}), stderr lacks {needle:?}?\n{}",
                    run.code, run.stderr
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn non_utf8_arguments_are_a_usage_error() {
    let bad = OsString::from_vec(vec![0xff, 0xfe, b'a']);
    for args in [
        vec![OsString::from("regions"), bad.clone()],
        vec![
            OsString::from("calendar"),
            OsString::from("is-workday"),
            bad,
        ],
    ] {
        let out = Command::new(bin())
            .args(&args)
            .stdin(Stdio::null())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(
            stderr.contains("UTF-8") || stderr.contains("utf-8") || stderr.contains("invalid"),
            "{stderr}"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

#[test]
fn a_non_utf8_rules_directory_path_is_handled() {
    let dir = tempfile::tempdir().unwrap();
    let odd = dir.path().join(OsString::from_vec(vec![b'r', 0xff]));
    std::fs::create_dir(&odd).unwrap();
    let out = Command::new(bin())
        .arg("rules")
        .arg("check")
        .arg(&odd)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(0),
        "an empty overlay directory is valid: {stderr}"
    );
}
