//! `--format md` (a printable Markdown page) and `--format text` (a short message for a
//! chat) on `transfer` and `status`, in both languages.

use crate::support::{READY_MOVE as MOVE, Yibao};

#[test]
fn the_markdown_page_has_the_facts_a_checklist_a_deadline_table_and_the_sources() {
    for (lang, facts, table, sources) in [
        (
            "zh",
            "## 基本情况",
            "| 事项 | 最迟日期 | 计算方法 |",
            "## 依据",
        ),
        (
            "en",
            "## The facts",
            "| What | By | How counted |",
            "## Sources",
        ),
    ] {
        let run = Yibao::new()
            .args(MOVE)
            .args(["--format", "md", "--lang", lang])
            .on("2026-10-20")
            .run()
            .code(0);
        let page = &run.stdout;
        assert!(page.starts_with("# "), "{page}");
        for part in [
            facts,
            table,
            sources,
            "- [ ] 1. ",
            "| **2026-11-03** |",
            "医保办发〔2021〕43号",
        ] {
            assert!(page.contains(part), "{lang}: no {part:?} in\n{page}");
        }
        // A table row is one line with four bars; no text breaks out of its cell.
        for row in page.lines().filter(|l| l.starts_with("| ")) {
            assert_eq!(row.matches(" | ").count() + 2, 4, "{row}");
        }
        // One A4 page: well under 70 lines.
        assert!(page.lines().count() < 70, "{} lines", page.lines().count());
    }
}

#[test]
fn the_chat_message_has_at_most_eight_steps_and_no_tables() {
    for lang in ["zh", "en"] {
        let run = Yibao::new()
            .args(MOVE)
            .args(["--format", "text", "--lang", lang])
            .on("2026-10-20")
            .run()
            .code(0);
        let text = &run.stdout;
        assert!(!text.contains('|') && !text.contains("##"), "{text}");
        let steps = text
            .lines()
            .filter(|l| {
                l.split_once(". ")
                    .is_some_and(|(n, _)| n.parse::<u32>().is_ok())
            })
            .count();
        assert!((1..=8).contains(&steps), "{steps} steps:\n{text}");
        assert!(text.contains("2026-11-03"), "{text}");
    }
}

#[test]
fn a_blocked_plan_prints_what_to_clear_first() {
    Yibao::new()
        .args([
            "transfer", "--from", "成都", "--to", "深圳", "--scheme", "employee",
        ])
        .args(["--retired", "yes", "--format", "text"])
        .on("2026-10-20")
        .run()
        .code(1)
        .stdout_has("需先解决");
}

#[test]
fn status_prints_a_saved_plan_the_same_ways() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.json");
    Yibao::new()
        .args(MOVE)
        .args([
            "--submitted",
            "2026-09-28",
            "--save",
            plan.to_str().unwrap(),
        ])
        .on("2026-10-20")
        .run()
        .code(0);
    Yibao::new()
        .args(["status", plan.to_str().unwrap(), "--format", "md"])
        .on("2026-10-20")
        .run()
        .code(0)
        .stdout_has("**计划文件**")
        .stdout_has("**进度**");
    Yibao::new()
        .args(["status", plan.to_str().unwrap(), "--format", "text"])
        .on("2026-10-20")
        .run()
        .code(0)
        .stdout_has("进度");
}

#[test]
fn format_does_not_go_with_json_or_with_a_bad_value() {
    Yibao::new()
        .args(MOVE)
        .args(["--format", "md", "--json"])
        .run()
        .code(2)
        .stderr_has("--format");
    Yibao::new()
        .args(MOVE)
        .args(["--format", "pdf"])
        .run()
        .code(2);
}

#[test]
fn after_a_walk_through_the_plan_is_printed_in_the_form_asked_for() {
    use crate::support::pty::{ENTER, answer, answer_seen, finish, spawn};
    let mut args = MOVE.to_vec();
    args.extend(["--on", "2026-11-23", "--lang", "en", "--format", "text"]);
    let mut s = spawn(&args);
    answer(&mut s, "flexible worker", ENTER);
    answer(&mut s, "at the destination?", ENTER);
    answer(&mut s, "has been accepted", ENTER);
    let plan = answer_seen(&mut s, "Save this plan", ENTER);
    let (rest, code) = finish(s);
    let text = plan + &rest;
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("What to do:"), "{text}");
    assert!(!text.contains("Materials"), "{text}");
}
