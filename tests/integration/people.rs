//! Issue 17: every kind of person and the dates they care about — a saved plan that records
//! its acceptance day (`status --submitted`) and speaks its saved language, `merge
//! --submitted` progress, and the walk-throughs of a flexible worker, a resident, a retiree
//! and someone who paid twice, in a pseudo-terminal, in Chinese and English.

use crate::support::Yibao;
use crate::support::says;

fn saved_plan(dir: &tempfile::TempDir, lang: &str) -> String {
    let path = dir.path().join("plan.json");
    let path = path.to_str().unwrap().to_string();
    Yibao::new()
        .args(crate::support::READY_MOVE)
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

/// A plan saved with facts left open, checked on later: `status` takes none of the facts'
/// flags, so its hints name none of them (only flags `yibao status` itself takes).
#[test]
fn a_plan_with_open_facts_is_told_what_to_find_out_not_flags_status_does_not_take() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("open.json");
    let path = path.to_str().unwrap();
    let made = [
        "transfer", "--from", "海淀", "--to", "昆山", "--scheme", "employee",
    ];
    Yibao::new()
        .args(made)
        .args(["--retired", "no", "--reason", "job", "--save", path])
        .on("2026-11-30")
        .run()
        .code(3);
    let help = Yibao::new()
        .args(["status", "--help", "--lang", "en"])
        .run()
        .code(0);
    for lang in ["zh", "en"] {
        let run = Yibao::new()
            .args(["status", path, "--lang", lang])
            .on("2026-12-10")
            .run()
            .code(3);
        for flag in run
            .stdout
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        {
            if flag.starts_with("--") && flag.len() > 2 {
                assert!(
                    help.stdout.contains(flag),
                    "{lang}: status does not take {flag}:\n{}",
                    run.stdout
                );
            }
        }
        let open = if lang == "en" {
            "the plan does not say"
        } else {
            "计划里没有说明"
        };
        assert!(says(&run.stdout, open), "{}", run.stdout);
    }
}

/// A plan made for districts (海淀 to 昆山) names them again when checked on later, as the
/// plan printed when it was saved did: not only the pooling areas (北京, 苏州) they lie in.
#[test]
fn a_saved_plan_names_the_districts_it_was_made_for() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.json");
    let path = path.to_str().unwrap();
    // The README's ready move, between two districts.
    let args = crate::support::READY_MOVE.iter().map(|a| match *a {
        "西安" => "海淀",
        "北京" => "昆山",
        a => a,
    });
    let made = Yibao::new()
        .args(args)
        .args(["--submitted", "2026-11-20", "--json", "--save", path])
        .on("2026-11-30")
        .run()
        .code(0);
    let later = Yibao::new()
        .args(["status", path, "--json"])
        .on("2026-11-30")
        .run()
        .code(0);
    for key in ["from", "to", "summary"] {
        assert_eq!(made.json()[key], later.json()[key], "{key}");
    }
    let summary = later.json()["summary"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(
        summary.contains("海淀区") && summary.contains("昆山市"),
        "{summary}"
    );
    Yibao::new()
        .args(["status", path])
        .on("2026-12-01")
        .run()
        .code(0)
        .stdout_has("海淀区");
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

use crate::support::pty::{DOWN, ENTER, answer, answer_seen, finish, spawn};

/// The "run this next time" line, run off a terminal: the same exit, no question.
fn rerun(text: &str, code: i32, on: &str) {
    let line = text
        .lines()
        .find_map(|l| l.split_once("yibao transfer ").map(|(_, rest)| rest))
        .unwrap_or_else(|| panic!("no command line in {text}"));
    Yibao::new()
        .arg("transfer")
        .args(line.split_whitespace())
        .on(on)
        .run()
        .code(code);
}

#[test]
fn a_flexible_worker_walks_through_in_chinese_and_is_told_to_stop_it_themselves() {
    let mut s = spawn(&["transfer", "--on", "2026-11-23"]);
    // The route first: changing where insured (a transfer), not retired.
    answer(&mut s, "您是要改变参保地", ENTER);
    answer(&mut s, "您已经退休了吗?", ENTER);
    answer(&mut s, "您原来在哪里参保?", "武汉\r");
    answer(&mut s, "要转到哪里?", "成都\r");
    answer(&mut s, "您参加的是哪种医保?", ENTER);
    // A term is explained on `?`, under its question (the prompt says so).
    answer(
        &mut s,
        "灵活就业人员吗(两地都没有用人单位)? (? 看解释)",
        "?",
    );
    answer(&mut s, "? 灵活就业:个体户", &format!("{DOWN}{ENTER}"));
    answer(&mut s, "为什么转移?", ENTER);
    answer(&mut s, "到转入地后参加哪种医保?", ENTER);
    answer(&mut s, "转出地已经停保了吗? (? 看解释)", "?");
    answer(&mut s, "? 停保:", &format!("{DOWN}{ENTER}"));
    answer(
        &mut s,
        "已经在转入地参保了吗?",
        &format!("{DOWN}{DOWN}{ENTER}"),
    );
    answer(&mut s, "有欠费吗?", ENTER);
    answer(&mut s, "冻结", ENTER);
    // Typed with a Chinese input method in full-width mode.
    answer(&mut s, "最后缴费的月份", "２０２６年１０月\r");
    answer(&mut s, "开始缴费", "2026/11\r");
    answer(&mut s, "受理日期", ENTER);
    let shown = answer_seen(&mut s, "保存到文件吗?", ENTER);
    let (rest, code) = finish(s);
    let text = shown + &rest;
    assert_eq!(code, 1, "{text}");
    assert!(says(&text, "灵活就业人员暂停参保"), "{text}");
    assert!(!says(&text, "原单位人事部门"), "{text}");
    // The plan speaks to the person who answered, naming no flag.
    assert!(!says(&text, "用 --"), "{text}");
    assert!(!says(&text, "加 --submitted"), "{text}");
    assert!(
        says(&text, "--flexible yes")
            && says(&text, "--destination-enrolled unknown")
            && says(&text, "--submitted unknown --no-input"),
        "{text}"
    );
    rerun(&text, 1, "2026-11-23");
}

#[test]
fn a_resident_moving_with_their_hukou_late_in_november_gives_years_in_english() {
    let mut s = spawn(&["transfer", "--on", "2026-11-28", "--lang", "en"]);
    answer(&mut s, "Are you changing where you are insured", ENTER);
    answer(&mut s, "Are you retired?", ENTER);
    answer(&mut s, "Where are you insured now?", "qingdao\r");
    answer(&mut s, "Where are you moving to?", "xiamen\r");
    answer(
        &mut s,
        "Which insurance are you in?",
        &format!("{DOWN}{ENTER}"),
    );
    answer(
        &mut s,
        "Why are you moving?",
        &format!("{DOWN}{DOWN}{ENTER}"),
    );
    answer(&mut s, "at the destination?", ENTER);
    answer(&mut s, "origin been stopped?", ENTER);
    answer(
        &mut s,
        "enrolled at the destination?",
        &format!("{DOWN}{ENTER}"),
    );
    answer(&mut s, "contributions owed?", ENTER);
    answer(&mut s, "Last year paid for", "2026\r");
    answer(&mut s, "First year paid", "?\r");
    answer(&mut s, "? enrolment window (集中参保期)", "");
    answer(&mut s, "First year paid", "2027\r");
    answer(&mut s, "has been accepted", ENTER);
    let shown = answer_seen(&mut s, "Save this plan", ENTER);
    let (rest, code) = finish(s);
    let text = shown + &rest;
    assert_eq!(code, 1, "{text}");
    assert!(says(&text, "for 2027: 2026-09-01 to 2026-12-31"), "{text}");
    assert!(says(&text, "cover starts: from 2027-01-01"), "{text}");
    assert!(!says(&text, "credits the balance"), "{text}");
    assert!(
        says(&text, "--last-paid 2026-12 --paid-from 2027-01"),
        "{text}"
    );
    rerun(&text, 1, "2026-11-28");
}

#[test]
fn a_retiree_moving_to_their_children_is_pointed_to_the_filing() {
    let mut s = spawn(&["transfer", "--on", "2026-11-23"]);
    // The route question finds the filing route before anything about a transfer is asked.
    answer(&mut s, "您是要改变参保地", ENTER);
    answer(&mut s, "您已经退休了吗?", &format!("{DOWN}{ENTER}"));
    answer(&mut s, "您会在那里待多久?", ENTER);
    answer(&mut s, "您在哪里参保?", "哈尔滨\r");
    answer(&mut s, "要在哪里就医或居住?", "杭州\r");
    let (text, code) = finish(s);
    // Conditional: the filing rests on the 2022 notice, read only in reports.
    assert_eq!(code, 3, "{text}");
    assert!(says(&text, "异地安置"), "{text}");
    assert!(!says(&text, "转出地已经停保了吗"), "{text}");
    // Off a terminal, a retiree's transfer still says no and points to the filing.
    Yibao::new()
        .args([
            "transfer",
            "--from",
            "哈尔滨",
            "--to",
            "杭州",
            "--scheme",
            "employee",
        ])
        .args(["--retired", "yes"])
        .on("2026-11-23")
        .run()
        .code(1)
        .stdout_says("yibao filing");
}

#[test]
fn someone_who_paid_twice_is_told_as_soon_as_the_second_month_is_typed() {
    let args = "transfer --on 2026-11-23 --lang en --from 西安 --to 北京 --scheme employee --retired no --flexible no --reason job --new-scheme employee --origin-stopped yes --destination-enrolled yes --arrears no --account-frozen no";
    let mut s = spawn(&args.split(' ').collect::<Vec<_>>());
    answer(&mut s, "Last month paid", "2026-09\r");
    answer(&mut s, "First month paid", "2026.07\r");
    let noticed = answer_seen(&mut s, "has been accepted", ENTER);
    assert!(
        noticed.contains("2026-07 to 2026-09 were paid for in both places"),
        "{noticed}"
    );
    let shown = answer_seen(&mut s, "Save this plan", ENTER);
    let (rest, code) = finish(s);
    let text = shown + &rest;
    assert_eq!(code, 3, "{text}");
    assert!(says(&text, "yibao refund"), "{text}");
    rerun(&text, 3, "2026-11-23");
}
