//! `yibao batch`: order, error records and exit codes, `--fail-on`, `--full` equal to the
//! single commands' `--json`, odd input (empty, CRLF, not UTF-8) and a closed output pipe.

use std::io::{Read, Write};
use std::process::{Command, Stdio};

use serde_json::Value;

use crate::support::{Yibao, bin};

const ON: &str = "2026-03-02";

/// Runs `yibao batch ARGS` on `input` and returns the exit code and the output lines as JSON.
#[track_caller]
fn batch(args: &[&str], input: &[u8], code: i32) -> Vec<Value> {
    let run = Yibao::new()
        .arg("batch")
        .args(args)
        .on(ON)
        .stdin(input.to_vec())
        .run()
        .code(code);
    run.stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

/// Cases as JSON Lines and as the arguments of their single command.
const CASES: &[(&str, &str)] = &[
    (
        r#"{"check":"transfer","id":"a","from":"西安","to":"北京","scheme":"employee"}"#,
        "transfer --from 西安 --to 北京 --scheme employee",
    ),
    (
        r#"{"check":"transfer","id":2,"from":"xian","to":"110000","scheme":"employee","retired":"no","origin_stopped":"yes","destination_enrolled":true,"arrears":"no","account_frozen":false,"last_paid":"2026-01","paid_from":"2026-02","submitted":"2026-02-20"}"#,
        "transfer --from xian --to 110000 --scheme employee --retired no --origin-stopped yes --destination-enrolled yes --arrears no --account-frozen no --last-paid 2026-01 --paid-from 2026-02 --submitted 2026-02-20",
    ),
    (
        r#"{"check":"transfer","id":{"k":[1]},"from":"上海","to":"苏州","scheme":"resident","reason":"hukou","arrears":"yes","last_paid":"2023-12","paid_from":"2026-01"}"#,
        "transfer --from 上海 --to 苏州 --scheme resident --reason hukou --arrears yes --last-paid 2023-12 --paid-from 2026-01",
    ),
    (
        r#"{"check":"transfer","id":4,"from":"成都","to":"重庆","scheme":"employee","new_scheme":"resident","continuous_years":2,"last_paid":"2025-09","paid_from":"2025-12"}"#,
        "transfer --from 成都 --to 重庆 --scheme employee --new-scheme resident --continuous-years 2 --last-paid 2025-09 --paid-from 2025-12",
    ),
    (
        r#"{"check":"transfer","id":5,"from":"110105","to":"北京"}"#,
        "transfer --from 110105 --to 北京",
    ),
    (
        r#"{"check":"transfer","id":6,"from":"西安","to":"北京","scheme":"employee","retired":true}"#,
        "transfer --from 西安 --to 北京 --scheme employee --retired yes",
    ),
    (
        r#"{"check":"merge","id":7,"from":"西安","to":"北京","arrears":"no","frozen":false,"from_stopped":"yes","to_insured":true,"submitted":"2026-02-27"}"#,
        "merge --from 西安 --to 北京 --arrears no --frozen no --from-stopped yes --to-insured yes --submitted 2026-02-27",
    ),
    (
        r#"{"check":"merge","id":8,"from":"广州","to":"shenzhen","frozen":"yes"}"#,
        "merge --from 广州 --to shenzhen --frozen yes",
    ),
    (
        r#"{"check":"refund","id":9,"region":"重庆","situation":"two_employers"}"#,
        "refund --region 重庆 --situation two_employers",
    ),
    (
        r#"{"check":"refund","id":10,"situation":"paid_twice","scheme":"resident","benefit_started":"no"}"#,
        "refund --situation paid_twice --scheme resident --benefit-started no",
    ),
    (
        r#"{"check":"refund","id":11,"case":"cq_unemployment","region":"chongqing"}"#,
        "refund --case cq_unemployment --region chongqing",
    ),
    (
        r#"{"check":"dental","id":12,"procedure":"补牙","scheme":"employee","designated":"yes"}"#,
        "dental 补牙 --scheme employee --designated yes",
    ),
    (
        r#"{"check":"dental","id":13,"procedure":"zhongzhiya","scheme":"resident","region":"北京","imported_material":true}"#,
        "dental zhongzhiya --scheme resident --region 北京 --imported-material yes",
    ),
];

fn input_of(lines: &[&str]) -> Vec<u8> {
    lines
        .iter()
        .flat_map(|l| format!("{l}\n").into_bytes())
        .collect()
}

#[test]
fn full_answers_equal_the_single_commands_json_apart_from_line_and_id() {
    for lang in ["zh", "en"] {
        let lines: Vec<&str> = CASES.iter().map(|(l, _)| *l).collect();
        let answers = batch(&["--full", "--lang", lang], &input_of(&lines), 0);
        assert_eq!(answers.len(), CASES.len());
        for (i, ((line, args), mut got)) in CASES.iter().zip(answers).enumerate() {
            let record: Value = serde_json::from_str(line).unwrap();
            assert_eq!(got["line"], i + 1);
            assert_eq!(got["id"], record["id"]);
            let map = got.as_object_mut().unwrap();
            map.remove("line");
            map.remove("id");
            let single = Yibao::new()
                .args(args.split_whitespace())
                .args(["--json", "--no-input", "--lang", lang])
                .on(ON)
                .run();
            assert_eq!(
                got,
                single.json(),
                "case {} differs from yibao {args}",
                i + 1
            );
        }
    }
}

#[test]
fn a_full_answer_written_again_is_written_the_same() {
    // The second time round, the parts written before are copied (`render::reuse`): whole
    // lists of rules items, steps, citations. Debug builds also check each copy.
    let lines: Vec<&str> = CASES.iter().map(|(l, _)| *l).collect();
    let twice: Vec<&str> = lines.iter().chain(&lines).copied().collect();
    for lang in ["zh", "en"] {
        let mut answers = batch(&["--full", "--lang", lang], &input_of(&twice), 0);
        assert_eq!(answers.len(), 2 * lines.len());
        for answer in &mut answers {
            answer.as_object_mut().unwrap().remove("line");
        }
        let (first, again) = answers.split_at(lines.len());
        for (i, (a, b)) in first.iter().zip(again).enumerate() {
            assert_eq!(a, b, "case {} differs when written again", i + 1);
        }
    }
}

/// What a compact answer says, taken from a full verdict (`--full`).
fn compact_of(full: &Value) -> Value {
    let ids = |key: &str| -> Value {
        full[key]
            .as_array()
            .map(|items| items.iter().map(|i| i["id"].clone()).collect())
            .unwrap_or_default()
    };
    let deadlines: Vec<Value> = full["deadlines"]
        .as_array()
        .map(|d| {
            d.iter()
                .map(|d| {
                    serde_json::json!({
                        "id": d["id"], "date": d["date"],
                        "working_days": d["working_days"], "estimated": d["estimated"],
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    let mut compact = serde_json::json!({
        "line": full["line"], "outcome": full["outcome"], "deadlines": deadlines,
        "blockers": ids("blockers"), "conditions": ids("conditions"), "citations": ids("citations"),
    });
    if let Some(w) = full["waiting_period"].as_object() {
        let mut w = w.clone();
        w.remove("text");
        w.remove("cites");
        w.remove("benefits_text");
        w.remove("missed_years_reading");
        compact["waiting_period"] = Value::Object(w);
    }
    compact
}

/// The same keys of a compact answer, to compare with `compact_of`.
fn comparable(compact: &Value) -> Value {
    let mut c = compact.clone();
    let map = c.as_object_mut().unwrap();
    for key in ["schema", "id", "check"] {
        map.remove(key);
    }
    c
}

#[test]
fn compact_answers_say_what_the_full_verdicts_say() {
    // Compact answers come from an outline of the verdict (no texts are made); the outline
    // must agree with the full verdict on everything a compact answer carries.
    let generated = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/generated-cases.jsonl"
    ))
    .unwrap();
    let mut lines: Vec<&str> = generated.lines().collect();
    lines.extend(CASES.iter().map(|(l, _)| *l));
    let input = input_of(&lines);
    let compact = batch(&[], &input, 0);
    let full = batch(&["--full"], &input, 0);
    assert_eq!(compact.len(), lines.len());
    assert_eq!(full.len(), lines.len());
    for (c, f) in compact.iter().zip(&full) {
        assert_eq!(comparable(c), compact_of(f), "line {}", c["line"]);
    }
}

#[test]
fn compact_answers_keep_the_order_and_carry_ids_dates_and_outcomes() {
    let lines: Vec<&str> = CASES.iter().map(|(l, _)| *l).collect();
    let answers = batch(&[], &input_of(&lines), 0);
    let outcomes: Vec<&str> = answers
        .iter()
        .map(|a| a["outcome"].as_str().unwrap())
        .collect();
    assert_eq!(
        outcomes,
        [
            "conditional",
            "yes",
            "no",
            "conditional",
            "yes",
            "no",
            "yes",
            "no",
            // a refund or dental `no` resting only on reported sources is conditional
            "conditional",
            "yes",
            "conditional",
            "conditional",
            "conditional"
        ]
    );
    let second = &answers[1];
    assert_eq!(second["schema"], "yibao.batch/1");
    assert_eq!(second["check"], "transfer");
    assert_eq!(second["deadlines"][0]["id"], "transfer_out");
    assert_eq!(second["deadlines"][0]["date"], "2026-03-06");
    assert_eq!(second["deadlines"][1]["date"], "2026-03-13");
    assert_eq!(second["waiting_period"]["rule"], "continuous");
    assert_eq!(answers[2]["blockers"][0], "arrears");
    assert!(answers[0]["citations"].as_array().unwrap().len() > 1);
    // Many lines: still one answer per line, in order.
    let many: Vec<String> = (1..=3000)
        .map(|i| format!(r#"{{"check":"merge","id":{i},"from":"西安","to":"北京"}}"#))
        .collect();
    let refs: Vec<&str> = many.iter().map(String::as_str).collect();
    let answers = batch(&[], &input_of(&refs), 0);
    for (i, a) in answers.iter().enumerate() {
        assert_eq!(
            (&a["line"], &a["id"]),
            (&Value::from(i + 1), &Value::from(i + 1))
        );
    }
}

#[test]
fn bad_lines_get_error_records_the_stream_goes_on_and_the_exit_is_2() {
    let input = input_of(&[
        r#"{"check":"merge","id":1,"from":"西安","to":"北京"}"#,
        "not json",
        r#"{"id":3,"from":"西安"}"#,
        r#"{"check":"tranfer","id":4}"#,
        r#"{"check":"transfer","id":5,"from":"西安","to":"北京","scheme":"employee","retird":"no"}"#,
        r#"{"check":"transfer","id":6,"from":"火星","to":"北京","scheme":"employee"}"#,
        r#"{"check":"transfer","id":7,"from":"西安"}"#,
        r#"{"check":"transfer","id":8,"from":"西安","to":"北京","scheme":"employee","submitted":"2027-01-01"}"#,
        r#"{"check":"transfer","id":9,"from":"西安","to":"北京","scheme":"employee","arrears":"maybe"}"#,
        "",
        r#"[1,2]"#,
        r#"{"check":"merge","id":12,"from":"北京","to":"110105"}"#,
        r#"{"check":"merge","id":13,"from":"西安","to":"北京"}"#,
    ]);
    let answers = batch(&["--lang", "en"], &input, 2);
    let codes: Vec<&str> = answers
        .iter()
        .map(|a| a["error"]["code"].as_str().unwrap_or("-"))
        .collect();
    assert_eq!(
        codes,
        [
            "-",
            "invalid_json",
            "missing_check",
            "unknown_check",
            "bad_fact",
            "region",
            "missing_fact",
            "contradiction",
            "bad_fact",
            "bad_record",
            "contradiction",
            "-"
        ]
    );
    assert!(answers[2]["id"] == 3 && answers[1].get("id").is_none());
    assert!(
        answers[3]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("transfer")
    );
    assert!(
        answers[6]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("to, scheme")
    );
    // Every line keeps its number; the blank line 10 has no answer (issue 20).
    for (i, a) in answers.iter().enumerate() {
        assert_eq!(a["line"], if i < 9 { i + 1 } else { i + 2 });
    }
}

#[test]
fn fail_on_lets_outcomes_set_the_exit_status() {
    let yes = r#"{"check":"merge","from":"西安","to":"北京","arrears":"no","frozen":"no","from_stopped":"yes","to_insured":"yes"}"#;
    let maybe = r#"{"check":"merge","from":"西安","to":"北京"}"#;
    let no = r#"{"check":"merge","from":"西安","to":"北京","arrears":"yes"}"#;
    batch(&["--fail-on", "no"], &input_of(&[yes, maybe]), 0);
    batch(&["--fail-on", "no"], &input_of(&[yes, no, maybe]), 1);
    batch(&["--fail-on", "conditional"], &input_of(&[yes, maybe]), 3);
    batch(&["--fail-on", "conditional"], &input_of(&[maybe, no]), 1);
    batch(&["--fail-on", "conditional"], &input_of(&[yes]), 0);
    batch(&["--fail-on", "no"], &input_of(&[no, "{"]), 2);
    batch(&[], &input_of(&[no, maybe]), 0);
}

#[test]
fn empty_input_crlf_endings_and_invalid_utf8_are_handled() {
    assert!(batch(&[], b"", 0).is_empty());
    let crlf = b"{\"check\":\"merge\",\"id\":1,\"from\":\"xian\",\"to\":\"beijing\"}\r\n{\"check\":\"merge\",\"id\":2,\"from\":\"xian\",\"to\":\"beijing\"}";
    let answers = batch(&[], crlf, 0);
    assert_eq!(answers.len(), 2);
    assert_eq!(answers[1]["outcome"], "conditional");
    let mut bad = b"{\"check\":\"merge\",\"from\":\"\xff\xfe\"}\n".to_vec();
    bad.extend_from_slice(&crlf[..]);
    let answers = batch(&[], &bad, 2);
    assert_eq!(answers[0]["error"]["code"], "not_utf8");
    assert_eq!(answers[2]["id"], 2);
}

#[test]
fn a_file_argument_and_a_missing_file_are_handled() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cases.jsonl");
    std::fs::write(&path, CASES[0].0).unwrap();
    Yibao::new()
        .args(["batch", path.to_str().unwrap()])
        .on(ON)
        .run()
        .code(0)
        .stdout_has("\"id\":\"a\"");
    Yibao::new()
        .args(["batch", "/nonexistent/cases.jsonl", "--lang", "en"])
        .run()
        .code(2)
        .stderr_has("cannot open the input");
}

#[test]
fn a_closed_output_pipe_ends_quietly() {
    let mut child = Command::new(bin())
        .args(["batch", "--on", ON])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let line = format!("{}\n", CASES[0].0);
        for _ in 0..50_000 {
            if stdin.write_all(line.as_bytes()).is_err() {
                break;
            }
        }
    });
    // Read one answer, then close our end, as `| head -1` does.
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    let _ = writer.join();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.is_empty(), "stderr: {stderr}");
    assert_eq!(out.status.code(), Some(0), "{:?}", out.status);
}

#[test]
fn every_compact_line_and_error_record_matches_the_published_schema() {
    let doc = Yibao::new().args(["schema", "batch"]).run().code(0).json();
    assert_eq!(doc["title"], "yibao.batch/1");
    let schema = jsonschema::validator_for(&doc).expect("a valid JSON Schema");
    let mut lines: Vec<&str> = CASES.iter().map(|(l, _)| *l).collect();
    lines.extend(["{", r#"{"check":"x"}"#, r#"{"check":"merge","from":"x"}"#]);
    for answer in batch(&[], &input_of(&lines), 2) {
        let problems: Vec<String> = schema.iter_errors(&answer).map(|e| e.to_string()).collect();
        assert!(problems.is_empty(), "{answer}\n{}", problems.join("\n"));
    }
}

#[test]
fn dates_and_months_in_records_are_read_as_people_type_them_and_refused_by_their_keys() {
    let input = input_of(&[
        r#"{"check":"transfer","from":"西安","to":"北京","scheme":"employee","submitted":"2026年2月3日"}"#,
        r#"{"check":"merge","from":"西安","to":"北京","submitted":"2026/2/3"}"#,
        r#"{"check":"transfer","from":"西安","to":"北京","scheme":"employee","submitted":"2026-11-31"}"#,
        r#"{"check":"transfer","from":"西安","to":"北京","scheme":"employee","paid_from":"2026-13"}"#,
        r#"{"check":"transfer","from":"西安","to":"北京","scheme":"employee","last_paid":"0226-03"}"#,
        r#"{"check":"transfer","from":"西安","to":"北京","scheme":"employee","submitted":"2026-02-03"}"#,
        r#"{"check":"merge","from":"西安","to":"北京","submitted":"2026-02-03"}"#,
        r#"{"check":"transfer","from":"西安","to":"北京","scheme":"employee","submitted":"2027-01-01"}"#,
    ]);
    let answers = batch(&["--lang", "en"], &input, 2);
    // Typed the Chinese way or with slashes: the same answer as the ISO day.
    let answer = |i: usize| {
        let mut a = answers[i].clone();
        a.as_object_mut().unwrap().remove("line");
        a
    };
    assert_eq!(answer(0), answer(5));
    assert_eq!(answer(1), answer(6));
    assert!(answers[0]["deadlines"][0]["date"].is_string());
    let said = |i: usize| answers[i]["error"]["message"].as_str().unwrap().to_string();
    assert!(
        said(2).starts_with("submitted: '2026-11-31' is not a real calendar date"),
        "{}",
        said(2)
    );
    assert!(said(3).starts_with("paid_from: '2026-13'"), "{}", said(3));
    // A contradiction names the record's keys, not the command line's flags.
    assert_eq!(answers[4]["error"]["code"], "contradiction");
    assert!(said(4).starts_with("last_paid: '0226-03'"), "{}", said(4));
    assert!(
        said(4).contains("1950-01") && said(4).contains("2031-12"),
        "{}",
        said(4)
    );
    assert!(
        said(7).starts_with("submitted 2027-01-01 is after"),
        "{}",
        said(7)
    );
    assert!(!said(7).contains("--"), "{}", said(7));
}

#[test]
fn a_scheme_given_as_flexible_work_is_told_the_scheme_and_the_key_that_fit() {
    // As `--scheme flexible` is: a flexible worker is insured as an employee. A plain
    // misspelling gets no such hint.
    let input = input_of(&[
        r#"{"check":"transfer","from":"海淀","to":"昆山","scheme":"flexible"}"#,
        r#"{"check":"transfer","from":"海淀","to":"昆山","scheme":"employee","new_scheme":"灵活就业"}"#,
        r#"{"check":"transfer","from":"海淀","to":"昆山","scheme":"emploee"}"#,
    ]);
    let message = |a: &Value| a["error"]["message"].as_str().unwrap_or("").to_string();
    let en = batch(&["--lang", "en"], &input, 2);
    let zh = batch(&[], &input, 2);
    for a in en.iter().chain(&zh) {
        assert_eq!(a["error"]["code"], "bad_fact", "{a}");
    }
    for a in &en[..2] {
        assert!(
            message(a)
                .contains(r#"give "scheme":"employee" (or "new_scheme") and "flexible":"yes""#),
            "{a}"
        );
    }
    for a in &zh[..2] {
        assert!(message(a).contains("灵活就业人员参加的是职工医保"), "{a}");
    }
    assert!(!message(&en[2]).contains("flexible"), "{}", en[2]);
    // Each message names the key whose value is wrong.
    for (a, key) in en.iter().zip(["scheme: ", "new_scheme: ", "scheme: "]) {
        assert!(message(a).starts_with(key), "{a}");
    }
    assert!(!message(&zh[2]).contains("灵活就业"), "{}", zh[2]);
}

#[test]
fn a_misspelt_fact_name_is_told_the_name_it_is_close_to() {
    let input = input_of(&[
        r#"{"check":"transfer","from":"海淀","to":"昆山","scheme":"employee","retird":"no"}"#,
        r#"{"check":"transfer","from":"海淀","to":"昆山","scheme":"employee","zzzzzzzz":"no"}"#,
    ]);
    let en = batch(&["--lang", "en"], &input, 2);
    let zh = batch(&[], &input, 2);
    let message = |a: &Value| a["error"]["message"].as_str().unwrap_or("").to_string();
    assert!(
        message(&en[0]).ends_with("; did you mean `retired`?"),
        "{}",
        en[0]
    );
    assert!(
        message(&zh[0]).ends_with(";您是不是要写 `retired`?"),
        "{}",
        zh[0]
    );
    // Nothing close: no guess.
    assert!(!message(&en[1]).contains("did you mean"), "{}", en[1]);
}

#[test]
fn a_resident_s_years_of_payment_may_be_numbers() {
    // A script writing JSON may give a resident's years as numbers, as the flags take
    // `--last-paid 2025`; a number that is no year is refused by its key.
    let input = input_of(&[
        r#"{"check":"transfer","from":"青岛","to":"厦门","scheme":"resident","last_paid":2025,"paid_from":2026}"#,
        r#"{"check":"transfer","from":"青岛","to":"厦门","scheme":"resident","last_paid":"2025","paid_from":"2026"}"#,
        r#"{"check":"transfer","from":"青岛","to":"厦门","scheme":"resident","last_paid":202510}"#,
    ]);
    let answers = batch(&["--lang", "en"], &input, 2);
    let compared = |a: &Value| {
        let mut a = a.clone();
        a.as_object_mut().unwrap().remove("line");
        a
    };
    assert_eq!(compared(&answers[0]), compared(&answers[1]));
    assert!(answers[0].get("error").is_none(), "{}", answers[0]);
    let message = answers[2]["error"]["message"].as_str().unwrap_or("");
    assert!(
        message.starts_with("last_paid: 202510 is not a year"),
        "{message}"
    );
}
