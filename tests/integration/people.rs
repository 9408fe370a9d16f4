//! Issue 17: every kind of person and the dates they care about — a saved plan that records
//! its acceptance day (`status --submitted`) and speaks its saved language, `merge
//! --submitted` progress, and the walk-throughs of a flexible worker, a resident, a retiree
//! and someone who paid twice, in a pseudo-terminal, in Chinese and English.

use crate::support::Yibao;

fn saved_plan(dir: &tempfile::TempDir, lang: &str) -> String {
    let path = dir.path().join("plan.json");
    let path = path.to_str().unwrap().to_string();
    Yibao::new()
        .args(super::transfer::READY)
        .args(["--save", &path, "--lang", lang])
        .on("2026-09-20")
        .run()
        .code(0);
    path
}

#[test]
fn status_submitted_records_the_acceptance_day_and_counts_from_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_plan(&dir, "zh");
    let run = Yibao::new()
        .args(["status", &path, "--submitted", "2026年9月28日", "--json"])
        .on("2026-11-23")
        .run()
        .code(0);
    let doc = run.json();
    assert_eq!(doc["status"]["submitted"], "2026-09-28");
    assert_eq!(doc["status"]["overdue"], true);
    assert_eq!(doc["deadlines_from"]["basis"], "submitted");
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(saved["facts"]["submitted"], "2026-09-28");
    // Next time, without the flag, the plan counts from the day it keeps.
    let again = Yibao::new()
        .args(["status", &path, "--json"])
        .on("2026-10-09")
        .run()
        .code(0);
    assert_eq!(again.json()["status"]["next"], "transfer_out");
    // The same refusals as --save: a future day is refused and the file stays as it was.
    let before = std::fs::read_to_string(&path).unwrap();
    Yibao::new()
        .args(["status", &path, "--submitted", "2026-12-30"])
        .on("2026-11-23")
        .run()
        .code(2)
        .stderr_has("--submitted");
    Yibao::new()
        .args(["status", &path, "--submitted", "2026-13-01"])
        .run()
        .code(2);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
}

#[test]
fn status_speaks_the_language_the_plan_was_saved_in_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_plan(&dir, "en");
    Yibao::new()
        .args(["status", &path])
        .on("2026-09-21")
        .run()
        .code(0)
        .stdout_has("ready to apply");
    Yibao::new()
        .args(["status", &path, "--lang", "zh"])
        .on("2026-09-21")
        .run()
        .code(0)
        .stdout_has("可以申请");
}

#[test]
fn merge_submitted_shows_progress_and_overdue() {
    let run = Yibao::new()
        .args(
            "merge --from 西安 --to 北京 --arrears no --frozen no --from-stopped yes --to-insured yes --submitted 2026-09-28 --json"
                .split(' '),
        )
        .on("2026-11-23")
        .run()
        .code(0);
    let doc = run.json();
    assert_eq!(doc["status"]["overdue"], true, "{doc}");
    assert!(
        doc["lines"]
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l["id"] == "status"),
        "{doc}"
    );
}
