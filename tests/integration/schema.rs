//! Every command's `--json` output validates against the schema `yibao schema NAME` publishes.

use crate::support::Yibao;

/// (schema name, arguments, expected exit) — real invocations, including errors.
const SAMPLES: &[(&str, &[&str], i32)] = &[
    ("regions", &["regions", "北京"], 0),
    ("regions", &["regions"], 0),
    ("calendar", &["calendar", "is-workday", "2026-10-10"], 0),
    ("calendar", &["calendar", "is-workday", "2027-10-10"], 3),
    ("calendar", &["calendar", "add", "2026-12-20", "10"], 0),
    (
        "calendar",
        &["calendar", "days", "2026-09-25", "2026-10-12"],
        0,
    ),
    ("rules-check", &["rules", "check"], 0),
    ("rules-check", &["rules", "check", "--on", "2028-01-01"], 0),
    ("sources", &["sources"], 0),
    ("rules-coverage", &["rules", "coverage", "北京"], 0),
    (
        "rules-coverage",
        &["rules", "coverage", "昆山", "--on", "2024-01-01"],
        0,
    ),
    ("sources", &["sources", "ybbf-2021-43"], 0),
    ("rules-show", &["rules", "show", "苏州"], 0),
    ("rules-show", &["rules", "show", "--on", "2024-01-01"], 0),
    ("balance", &["balance", "--region", "北京"], 0),
    (
        "balance",
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
        "balance",
        &["balance", "--region", "北京", "--monthly", "--retired"],
        3,
    ),
    (
        "balance",
        &["balance", "--monthly", "--scheme", "resident"],
        1,
    ),
    ("merge", &["merge", "--from", "西安", "--to", "北京"], 3),
    (
        "merge",
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
            "--submitted",
            "2026-09-28",
        ],
        0,
    ),
    ("refund", &["refund", "--situation", "paid_twice"], 3),
    (
        "refund",
        &["refund", "--region", "重庆", "--situation", "two_employers"],
        3,
    ),
    (
        "refund",
        &["refund", "--region", "重庆", "--case", "cq_unemployment"],
        3,
    ),
    (
        "refund",
        &["refund", "--region", "北京", "--situation", "lump_sum"],
        3,
    ),
    ("refund-list", &["refund", "--list"], 0),
    ("dental", &["dental", "种植牙"], 3),
    ("dental", &["dental", "补牙", "--designated", "no"], 1),
    ("dental-list", &["dental", "--list"], 0),
    (
        "filing",
        &[
            "filing",
            "--from",
            "成都",
            "--to",
            "深圳",
            "--kind",
            "resettled_retiree",
        ],
        3,
    ),
    (
        "filing",
        &[
            "filing",
            "--from",
            "临沂",
            "--to",
            "北京",
            "--kind",
            "temporary",
        ],
        3,
    ),
    ("filing", &["filing", "--from", "苏州", "--to", "南京"], 3),
    ("filing", &["filing", "--from", "海口", "--to", "三亚"], 3),
    (
        "route",
        &[
            "route",
            "--from",
            "成都",
            "--to",
            "深圳",
            "--retired",
            "yes",
        ],
        0,
    ),
    ("route", &["route"], 3),
    ("guide", &["guide"], 0),
    ("guide", &["guide", "family"], 0),
    (
        "transfer",
        &["transfer", "--from", "110105", "--to", "110108"],
        0,
    ),
    (
        "transfer",
        &[
            "transfer", "--from", "西安", "--to", "北京", "--scheme", "employee",
        ],
        3,
    ),
    (
        "transfer",
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
    (
        "transfer",
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
            "--submitted",
            "2026-03-02",
            "--last-paid",
            "2026-01",
            "--paid-from",
            "2026-06",
        ],
        3,
    ),
    (
        "transfer",
        &[
            "transfer",
            "--from",
            "郑州",
            "--to",
            "杭州",
            "--scheme",
            "resident",
            "--origin-stopped",
            "yes",
            "--destination-enrolled",
            "yes",
            "--arrears",
            "no",
            "--last-paid",
            "2023-12",
            "--paid-from",
            "2026-01",
        ],
        3,
    ),
];

/// (schema name, arguments, expected exit) — errors, validated on stderr.
const ERRORS: &[(&[&str], i32)] = &[
    (&["regions", "nowhere-at-all"], 2),
    (&["calendar", "add", "2026-02-30", "1"], 2),
    (&["rules", "check", "/nonexistent"], 4),
    (&["guide", "nothing-like-it"], 2),
    (&["merge", "--to", "北京"], 2),
    (&["refund", "--case", "nothing-like-it"], 2),
    (&["dental", "zhongzhiy"], 2),
    (&["sources", "ybbf-2021-34"], 2),
];

#[track_caller]
fn validator(name: &str) -> jsonschema::Validator {
    let doc = Yibao::new().args(["schema", name]).run().code(0).json();
    assert_eq!(doc["title"], format!("yibao.{name}/1"));
    jsonschema::validator_for(&doc)
        .unwrap_or_else(|e| panic!("schema {name} is not a valid JSON Schema: {e}"))
}

#[track_caller]
fn assert_valid(validator: &jsonschema::Validator, value: &serde_json::Value, what: &str) {
    let problems: Vec<String> = validator
        .iter_errors(value)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(
        problems.is_empty(),
        "{what}: output does not match its schema:\n{}\n{value:#}",
        problems.join("\n")
    );
}

#[test]
fn every_json_output_matches_its_published_schema() {
    for (name, args, code) in SAMPLES {
        let v = validator(name);
        for lang in ["zh", "en"] {
            let run = Yibao::new()
                .args(*args)
                .args(["--json", "--lang", lang, "--explain"])
                .run()
                .code(*code);
            assert_valid(&v, &run.json(), &args.join(" "));
        }
    }
}

#[test]
fn json_errors_on_stderr_match_the_error_schema() {
    let v = validator("error");
    for (args, code) in ERRORS {
        let run = Yibao::new().args(*args).arg("--json").run().code(*code);
        assert!(
            run.stdout.is_empty(),
            "stdout should be empty on error: {}",
            run.stdout
        );
        let err: serde_json::Value = serde_json::from_str(&run.stderr)
            .unwrap_or_else(|e| panic!("stderr is not JSON ({e}): {}", run.stderr));
        assert_valid(&v, &err, &args.join(" "));
    }
}

#[test]
fn an_unknown_schema_name_exits_2_with_a_suggestion() {
    Yibao::new()
        .args(["schema", "region", "--lang", "en"])
        .run()
        .code(2)
        .stderr_has("Did you mean 'regions'?");
}

#[test]
fn the_schemas_reject_output_of_the_wrong_shape() {
    let v = validator("regions");
    assert!(!v.is_valid(
        &serde_json::json!({ "schema": "yibao.regions/1", "regions": [{ "code": 110000 }] })
    ));
    assert!(!v.is_valid(&serde_json::json!({ "schema": "yibao.calendar/1", "regions": [] })));
}

/// Every object of an answer is closed: a key the program does not declare fails, at the top,
/// inside a nested figure, and in each shape of a union.
#[test]
fn the_schemas_reject_keys_they_do_not_declare() {
    let transfer = Yibao::new()
        .args([
            "transfer", "--from", "西安", "--to", "北京", "--scheme", "employee",
        ])
        .args(["--last-paid", "2026-01", "--paid-from", "2026-02", "--json"])
        .run()
        .code(3)
        .json();
    let v = validator("transfer");
    assert_valid(&v, &transfer, "transfer");
    let mut extra = transfer.clone();
    extra["undeclared"] = serde_json::json!(1);
    assert!(!v.is_valid(&extra), "an unknown top-level key passed");
    let mut nested = transfer.clone();
    nested["waiting_period"]["undeclared"] = serde_json::json!(1);
    assert!(
        !v.is_valid(&nested),
        "an unknown key in waiting_period passed"
    );
    let guide = Yibao::new().args(["guide", "--json"]).run().code(0).json();
    let v = validator("guide");
    assert_valid(&v, &guide, "guide");
    let mut extra = guide.clone();
    extra["undeclared"] = serde_json::json!(1);
    assert!(
        !v.is_valid(&extra),
        "an unknown key in a union's branch passed"
    );
}
