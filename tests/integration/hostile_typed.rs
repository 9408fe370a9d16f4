//! Hostile input typed at the command line, the prompts or the environment (issue 16):
//! control characters and very long names in messages, clap's errors under --json, empty
//! environment variables, odd plan names and amounts, Ctrl-D. Runs use `hostile::guarded`.

use std::time::Duration;

use super::hostile::{guarded, mkfifo};
use crate::support::pty::Expect;

#[test]
fn control_characters_typed_never_reach_the_terminal() {
    let osc = "a\u{1b}]0;PWNED\u{7}b";
    for args in [
        vec!["guide", osc],
        vec!["refund", "--case", osc],
        vec!["dental", osc],
        vec!["--on", osc, "transfer"],
        vec!["merge", "--from", osc],
    ] {
        let mut all = vec!["--lang", "en"];
        all.extend(args);
        let run = guarded(&all, &[], None).expect(2, "\\u{1b}]0;PWNED\\u{7}b");
        assert!(!run.stderr.contains('\u{1b}'), "{all:?}: {}", run.stderr);
    }
}

/// Text pasted from a web page or chat can carry marks that show nothing: a zero-width space
/// is read past in a place, and a right-to-left override (which would print the rest of the
/// message back to front) is shown escaped wherever it is typed.
#[test]
fn invisible_marks_are_read_past_in_places_and_shown_escaped_in_messages() {
    let run = guarded(
        &[
            "transfer",
            "--from",
            "\u{200b}西安",
            "--to",
            "北京\u{feff}",
            "--scheme",
            "employee",
            "--no-input",
            "--json",
        ],
        &[],
        None,
    );
    assert_ne!(run.code, 2, "{}", run.stderr);
    let rlo = "\u{202e}火星";
    for args in [
        vec!["merge", "--from", rlo, "--to", "北京"],
        vec!["guide", rlo],
        vec!["dental", rlo],
    ] {
        let mut all = vec!["--lang", "en"];
        all.extend(args);
        let run = guarded(&all, &[], None).expect(2, "\\u{202e}");
        assert!(!run.stderr.contains('\u{202e}'), "{all:?}: {}", run.stderr);
    }
}

#[test]
fn a_long_name_is_quoted_short_and_answered_at_once() {
    let long = "q".repeat(100_000);
    let run = guarded(&["--lang", "en", "dental", &long], &[], None).expect(2, "…'");
    assert!(!run.stderr.contains(&"q".repeat(101)));
    // A megabyte-long procedure in a batch: one short error record per line.
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    let huge = "q".repeat((1 << 20) - 100);
    let line = format!("{{\"check\":\"dental\",\"procedure\":\"{huge}\"}}\n");
    std::fs::write(&input, line.repeat(3)).unwrap();
    let run = guarded(&["batch", input.to_str().unwrap()], &[], None);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout.lines().count(), 3);
    for l in run.stdout.lines() {
        assert!(l.len() < 2000, "{l}");
        assert!(l.contains("unknown_procedure"), "{l}");
    }
}

#[test]
fn clap_errors_are_json_objects_under_json() {
    for args in [
        vec!["--json", "--lang", "xx", "regions"],
        vec!["--json", "transfer", "--from"],
        vec!["--json", "frobnicate"],
        vec!["regions", "--json", "--bogus"],
    ] {
        let run = guarded(&args, &[], None);
        assert_eq!(run.code, 2, "{args:?}");
        let doc: serde_json::Value = serde_json::from_str(&run.stderr)
            .unwrap_or_else(|e| panic!("{args:?}: {e}: {}", run.stderr));
        assert_eq!(doc["error"]["code"], "usage", "{args:?}");
        assert_eq!(doc["error"]["exit"], 2, "{args:?}");
        assert!(doc["error"]["message"].as_str().unwrap().len() > 10);
    }
    // Help stays help.
    let help = guarded(&["--json", "--help"], &[], None);
    assert_eq!(help.code, 0);
    assert!(help.stdout.contains("用法"));
}

#[test]
fn empty_environment_variables_count_as_unset() {
    for (var, args) in [
        ("YIBAO_LANG", vec!["regions", "北京"]),
        ("YIBAO_RULES_DIR", vec!["rules", "show", "110000"]),
        ("YIBAO_NO_INPUT", vec!["regions", "北京"]),
    ] {
        let run = guarded(&args, &[(var, "")], None);
        assert_eq!(run.code, 0, "{var}= : {}", run.stderr);
    }
    // A wrong value names its variable.
    guarded(&["regions", "北京"], &[("YIBAO_LANG", "fr")], None).expect(2, "YIBAO_LANG");
}

const SAVE: [&str; 12] = [
    "transfer",
    "--from",
    "610100",
    "--to",
    "110000",
    "--scheme",
    "employee",
    "--submitted",
    "2026-09-28",
    "--on",
    "2026-10-01",
    "--save",
];

#[test]
fn a_plan_name_near_the_file_name_limit_can_be_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("{}.json", "p".repeat(250)));
    let mut args = SAVE.to_vec();
    args.push(path.to_str().unwrap());
    let run = guarded(&args, &[], None);
    assert!(matches!(run.code, 0 | 1 | 3), "{}", run.stderr);
    assert!(path.is_file());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn save_force_never_replaces_a_fifo() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("plan.json");
    if !mkfifo(&fifo) {
        return;
    }
    let mut args = SAVE.to_vec();
    args.extend([fifo.to_str().unwrap(), "--force"]);
    guarded(&args, &[], None).expect(2, "plan.json");
    assert!(!std::fs::symlink_metadata(&fifo).unwrap().is_file());
}

#[test]
fn a_base_too_small_to_be_money_or_oddly_grouped_is_refused() {
    for base in ["0", "0.001", "8,0,0,0"] {
        let args = [
            "--lang",
            "en",
            "balance",
            "--region",
            "西安",
            "--monthly",
            "--base",
            base,
        ];
        guarded(&args, &[], None).expect(2, base);
    }
    let args = [
        "--json",
        "balance",
        "--region",
        "西安",
        "--monthly",
        "--base",
        "8,000",
    ];
    let run = guarded(&args, &[], None);
    assert!(run.stdout.contains("8000"), "{}", run.stdout);
}

#[test]
fn ctrl_d_at_a_prompt_interrupts() {
    use crate::support::pty::{answer, finish, spawn};
    let mut s = spawn(&["transfer", "--on", "2026-11-23", "--lang", "en"]);
    answer(
        &mut s,
        "Are you changing where you are insured",
        crate::support::pty::ENTER,
    );
    answer(&mut s, "Are you retired?", crate::support::pty::ENTER);
    answer(&mut s, "Where are you insured now?", "xi");
    std::thread::sleep(Duration::from_millis(200));
    s.send("\x04").unwrap();
    let (text, code) = finish(s);
    assert_eq!(code, 130, "{text}");
    assert!(text.contains("end of input (Ctrl-D)"), "{text}");
    // At a choice too.
    let mut s = spawn(&["dental", "--on", "2026-11-23", "--lang", "en"]);
    answer(&mut s, "Which treatment?", crate::support::pty::DOWN);
    std::thread::sleep(Duration::from_millis(200));
    s.send("\x04").unwrap();
    let (text, code) = finish(s);
    assert_eq!(code, 130, "{text}");
    assert!(text.contains("end of input (Ctrl-D)"), "{text}");
}
