//! `--lang en` is complete: English output holds Chinese only inside names (places,
//! documents, issuers, channels). The names allowed are the ones the rules data itself puts
//! in its English texts, the region names and the source registry, so a Chinese string that
//! leaks from a `zh` field or from code fails here.

use std::collections::BTreeSet;
use std::path::Path;

use crate::support::Yibao;

fn han_runs(text: &str) -> Vec<String> {
    let mut runs = Vec::new();
    let mut cur = String::new();
    for c in text.chars() {
        if is_han(c) {
            cur.push(c);
        } else if !cur.is_empty() {
            runs.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        runs.push(cur);
    }
    runs
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// Every Chinese run the rules data uses in English texts, plus region and source names.
fn allowed() -> BTreeSet<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let mut names = BTreeSet::new();
    fn walk(v: &toml::Value, names: &mut BTreeSet<String>) {
        match v {
            toml::Value::Table(t) => {
                if let Some(toml::Value::String(en)) = t.get("en") {
                    names.extend(han_runs(en));
                }
                for (k, v) in t {
                    if matches!(
                        k.as_str(),
                        "title" | "doc_no" | "issuer" | "aliases" | "names" | "name"
                    ) {
                        walk_strings(v, names);
                    }
                    walk(v, names);
                }
            }
            toml::Value::Array(a) => a.iter().for_each(|v| walk(v, names)),
            _ => {}
        }
    }
    fn walk_strings(v: &toml::Value, names: &mut BTreeSet<String>) {
        match v {
            toml::Value::String(s) => names.extend(han_runs(s)),
            toml::Value::Array(a) => a.iter().for_each(|v| walk_strings(v, names)),
            _ => {}
        }
    }
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "toml") {
                let value: toml::Value =
                    toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
                walk(&value, &mut names);
            }
        }
    }
    for line in std::fs::read_to_string(root.join("regions.txt"))
        .unwrap()
        .lines()
    {
        names.extend(han_runs(line));
    }
    names
}

/// English invocations of every command (text output, the form people read), each with the
/// exit status it must end with.
const COMMANDS: &[(&[&str], i32)] = &[
    (&["regions", "北京"], 0),
    (&["regions", "beijng"], 2),
    (&["calendar", "days", "2026-09-28", "2026-10-11"], 0),
    (&["calendar", "is-workday", "2027-01-04"], 3),
    (&["rules", "show", "苏州"], 0),
    (&["rules", "check"], 0),
    (
        &[
            "rules",
            "check",
            "tests/fixtures/broken-rules/dangling-cite",
        ],
        4,
    ),
    (&["balance", "--region", "北京"], 0),
    (
        &[
            "balance",
            "--region",
            "西安",
            "--after-transfer",
            "--submitted",
            "2026-09-28",
        ],
        0,
    ),
    (
        &["balance", "--monthly", "--region", "北京", "--base", "8000"],
        0,
    ),
    (&["guide"], 0),
    (&["guide", "family"], 0),
    (&["guide", "password"], 0),
    (
        &[
            "merge",
            "--from",
            "西安",
            "--to",
            "北京",
            "--arrears",
            "no",
            "--frozen",
            "no",
            "--from-stopped",
            "yes",
            "--to-insured",
            "yes",
        ],
        0,
    ),
    (
        &[
            "merge",
            "--from",
            "西安",
            "--to",
            "北京",
            "--arrears",
            "yes",
        ],
        1,
    ),
    (
        &[
            "transfer",
            "--from",
            "西安",
            "--to",
            "苏州",
            "--scheme",
            "employee",
            "--reason",
            "job",
            "--retired",
            "no",
            "--origin-stopped",
            "no",
            "--destination-enrolled",
            "yes",
            "--arrears",
            "no",
            "--account-frozen",
            "no",
            "--last-paid",
            "2026-08",
            "--paid-from",
            "2027-02",
        ],
        1,
    ),
    (
        &[
            "transfer",
            "--from",
            "郑州",
            "--to",
            "杭州",
            "--scheme",
            "resident",
            "--reason",
            "hukou",
            "--last-paid",
            "2024-12",
            "--paid-from",
            "2027-01",
        ],
        3,
    ),
    (
        &[
            "transfer",
            "--from",
            "深圳",
            "--to",
            "赣州",
            "--scheme",
            "employee",
            "--new-scheme",
            "resident",
            "--submitted",
            "2026-09-28",
        ],
        0,
    ),
    (&["transfer", "--from", "110105", "--to", "110108"], 0),
    (
        &[
            "transfer",
            "--from",
            "成都",
            "--to",
            "深圳",
            "--scheme",
            "employee",
            "--retired",
            "yes",
        ],
        1,
    ),
    (&["refund", "--list"], 0),
    (&["refund", "--situation", "paid_twice"], 3),
    (
        &["refund", "--region", "重庆", "--case", "cq_unemployment"],
        3,
    ),
    (
        &["refund", "--region", "重庆", "--situation", "two_employers"],
        3,
    ),
    (&["refund", "--case", "退保"], 3),
    (&["refund", "--case", "cq_two_employer"], 2),
    (&["dental", "--list"], 0),
    (&["dental", "种植牙"], 3),
    (&["dental", "补牙", "--designated", "no"], 1),
    (
        &[
            "dental",
            "洁牙",
            "--scheme",
            "employee",
            "--imported-material",
            "yes",
        ],
        3,
    ),
    (&["dental", "zhongzhiy"], 2),
];

#[test]
fn english_output_has_chinese_only_in_names() {
    let allowed = allowed();
    let mut leaks = Vec::new();
    for (args, code) in COMMANDS {
        let run = Yibao::new()
            .args(*args)
            .args(["--lang", "en", "--explain"])
            .on("2026-11-23")
            .run()
            .code(*code);
        for (stream, text) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
            for run_ in han_runs(text) {
                if !allowed.iter().any(|a| a.contains(&run_)) {
                    leaks.push(format!("{args:?} {stream}: {run_}"));
                }
            }
        }
    }
    leaks.sort();
    leaks.dedup();
    assert!(
        leaks.is_empty(),
        "Chinese outside names in English output:\n{}",
        leaks.join("\n")
    );
}
