//! A summary always agrees with the outcome it sums up: over every check, in both languages,
//! on dates with and without rules in force, the sentence is the one written for that outcome.

use crate::support::Yibao;

/// Words that open or mark the summary of each outcome, per check (English).
fn agrees(check: &str, outcome: &str, summary: &str) -> bool {
    let has = |w: &str| summary.contains(w);
    match (check, outcome) {
        ("merge", "yes") => summary.starts_with("yes:"),
        ("merge", "no") => summary.starts_with("not yet"),
        ("merge", "conditional") => has("depends on"),
        ("transfer", "yes") => {
            has("ready to apply") || has("is accepted") || has("no transfer needed")
        }
        ("transfer", "no") => summary.starts_with("not yet") || has("no transfer:"),
        ("transfer", "conditional") => has("depend on"),
        _ => true,
    }
}

const CASES: &[&[&str]] = &[
    &["merge", "--from", "西安", "--to", "北京"],
    &[
        "merge",
        "--from",
        "西安",
        "--to",
        "北京",
        "--arrears",
        "yes",
    ],
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
    &[
        "transfer", "--from", "西安", "--to", "北京", "--scheme", "employee",
    ],
    &[
        "transfer",
        "--from",
        "西安",
        "--to",
        "北京",
        "--scheme",
        "employee",
        "--retired",
        "yes",
    ],
    &[
        "transfer",
        "--from",
        "西安",
        "--to",
        "北京",
        "--scheme",
        "employee",
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
        "2019-12",
        "--paid-from",
        "2020-01",
    ],
    &["transfer", "--from", "110105", "--to", "110108"],
];

#[test]
fn every_summary_is_the_one_written_for_its_outcome() {
    // 2020-06-01: before the 2021 transfer measure, no time limit is in force.
    for on in ["2020-06-01", "2026-03-02"] {
        for args in CASES {
            let run = Yibao::new()
                .args(*args)
                .args(["--json", "--lang", "en"])
                .on(on)
                .run();
            let doc = run.json();
            let (outcome, summary) = (
                doc["outcome"].as_str().unwrap(),
                doc["summary"].as_str().unwrap(),
            );
            assert!(
                agrees(args[0], outcome, summary),
                "{args:?} on {on}: outcome {outcome}, summary {summary:?}"
            );
        }
    }
}
