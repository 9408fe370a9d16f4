//! `yibao transfer` and `yibao status`: the walk-through at a terminal (pseudo-terminal),
//! the missing-flag errors off it, and saved plans (atomic, never clobbering, re-evaluated).

use crate::support::pty::{DOWN, ENTER, answer, answer_seen, finish, spawn};
use crate::support::{READY_MOVE as READY, Yibao};

#[test]
fn the_english_walk_through_ends_with_the_plan_and_the_equivalent_command() {
    let mut s = spawn(&["transfer", "--on", "2026-11-23", "--lang", "en"]);
    // The route first: changing where insured, not retired.
    answer(&mut s, "Are you changing where you are insured", ENTER);
    answer(&mut s, "Are you retired?", ENTER);
    answer(&mut s, "Where are you insured now?", "xian\r");
    answer(&mut s, "Where are you moving to?", "beijing\r");
    answer(&mut s, "Which insurance are you in?", ENTER);
    answer(&mut s, "flexible worker (no employer", ENTER);
    answer(&mut s, "Why are you moving?", ENTER);
    answer(&mut s, "at the destination?", ENTER);
    answer(&mut s, "origin been stopped?", ENTER);
    answer(&mut s, "enrolled at the destination?", ENTER);
    answer(&mut s, "contributions owed?", ENTER);
    answer(&mut s, "frozen", ENTER);
    answer(&mut s, "Last month paid", "2026-08\r");
    answer(&mut s, "First month paid", "2026-09\r");
    answer(&mut s, "has been accepted", ENTER);
    let plan = answer_seen(&mut s, "Save this plan", ENTER);
    let (rest, code) = finish(s);
    let text = plan + &rest;
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("Outcome: yes"), "{text}");
    assert!(
        text.contains("2026-12-07") && text.contains("2026-12-14"),
        "{text}"
    );
    assert!(
        text.contains("yibao transfer --from 610100 --to 110000 --scheme employee --new-scheme employee --reason job --retired no --flexible no --origin-stopped yes --destination-enrolled yes --arrears no --account-frozen no --last-paid 2026-08 --paid-from 2026-09 --submitted unknown --lang en --no-input"),
        "{text}"
    );
}

#[test]
fn a_misspelt_place_is_offered_as_a_choice_and_a_same_area_move_asks_nothing_more() {
    let mut s = spawn(&["transfer", "--on", "2026-11-23"]);
    answer(&mut s, "您是要改变参保地", ENTER);
    answer(&mut s, "您已经退休了吗?", ENTER);
    answer(&mut s, "您原来在哪里参保?", "beijng\r");
    answer(&mut s, "您指的是哪一个?", ENTER);
    answer(&mut s, "要转到哪里?", "110108\r");
    let (text, code) = finish(s);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("不需要转移"), "{text}");
    assert!(
        text.contains("yibao transfer --from 110000 --to 110108"),
        "{text}"
    );
}

#[test]
fn a_resident_is_not_asked_about_retirement_or_an_account_and_can_save_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.json");
    let mut s = spawn(&[
        "transfer",
        "--from",
        "郑州",
        "--to",
        "杭州",
        "--on",
        "2026-11-23",
    ]);
    // The route question asks about retirement once, before the scheme is known.
    answer(&mut s, "您是要改变参保地", ENTER);
    answer(&mut s, "您已经退休了吗?", ENTER);
    answer(&mut s, "您参加的是哪种医保?", &format!("{DOWN}{ENTER}"));
    answer(&mut s, "为什么转移?", &format!("{DOWN}{DOWN}{ENTER}"));
    answer(&mut s, "到转入地后参加哪种医保?", ENTER);
    answer(&mut s, "转出地已经停保了吗?", ENTER);
    answer(&mut s, "已经在转入地参保了吗?", &format!("{DOWN}{ENTER}"));
    answer(&mut s, "有欠费吗?", ENTER);
    answer(&mut s, "最后缴费的是哪一年", "\r");
    answer(&mut s, "从哪一年开始参保", "\r");
    answer(&mut s, "受理日期", "\r");
    let shown = answer_seen(&mut s, "保存到文件吗?", &format!("{DOWN}{ENTER}"));
    answer(&mut s, "保存到哪个文件?", &format!("{}\r", plan.display()));
    let (rest, code) = finish(s);
    let text = shown + &rest;
    assert_eq!(code, 1, "{text}");
    assert!(!text.contains("您已经退休了吗"), "asked twice: {text}");
    assert!(!text.contains("个人账户被冻结或状态异常吗"), "{text}");
    assert!(text.contains("户口簿"), "{text}");
    assert!(text.contains("--reason hukou"), "{text}");
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&plan).unwrap()).unwrap();
    assert_eq!(saved["schema"], "yibao.plan/1");
    assert_eq!(saved["facts"]["scheme"], "resident");
    Yibao::new()
        .args(["status", plan.to_str().unwrap(), "--json"])
        .on("2026-11-23")
        .run()
        .code(1)
        .stdout_has("\"destination_enrolled\"");
}

#[test]
fn ctrl_c_in_the_walk_through_exits_130() {
    let mut s = spawn(&["transfer", "--from", "西安", "--to", "北京"]);
    answer(&mut s, "您是要改变参保地", "\x03");
    let (text, code) = finish(s);
    assert_eq!(code, 130, "{text}");
}

#[test]
fn off_a_terminal_every_missing_essential_is_named_at_once() {
    Yibao::new()
        .args(["transfer", "--lang", "en"])
        .stdin("xian\n")
        .run()
        .code(2)
        .stderr_has("missing --from REGION, --to REGION, --scheme employee|resident");
    Yibao::new()
        .args(["transfer", "--from", "西安", "--to", "北京"])
        .env("CI", "1")
        .run()
        .code(2)
        .stderr_has("--scheme");
    // A same-area move needs no scheme.
    Yibao::new()
        .args(["transfer", "--from", "110105", "--to", "110108"])
        .run()
        .code(0);
}

#[test]
fn a_saved_plan_is_re_evaluated_as_of_a_later_day() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.json");
    let path = plan.to_str().unwrap();
    Yibao::new()
        .args(READY)
        .args(["--submitted", "2026-09-28", "--save", path])
        .on("2026-09-30")
        .run()
        .code(0);
    let later = Yibao::new()
        .args(["status", path, "--json"])
        .on("2026-11-02")
        .run()
        .code(0);
    let v: serde_json::Value = serde_json::from_str(&later.stdout).unwrap();
    assert_eq!(v["status"]["overdue"], true);
    assert_eq!(v["plan_file"], path);
    Yibao::new()
        .args(["status", path, "--lang", "en"])
        .on("2026-10-12")
        .run()
        .code(0)
        .stdout_says(
            "the origin should complete the transfer-out by 2026-10-16 (4 working days left)",
        );
}

#[test]
fn save_never_clobbers_a_foreign_file_and_status_rejects_one() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "my own notes\n").unwrap();
    let path = notes.to_str().unwrap();
    Yibao::new()
        .args(READY)
        .args(["--save", path])
        .run()
        .code(2)
        .stderr_has("--force");
    assert_eq!(std::fs::read_to_string(&notes).unwrap(), "my own notes\n");
    Yibao::new()
        .args(["status", path])
        .run()
        .code(2)
        .stderr_has("yibao transfer --save");
    assert_eq!(std::fs::read_to_string(&notes).unwrap(), "my own notes\n");
    Yibao::new()
        .args(READY)
        .args(["--save", path, "--force"])
        .run()
        .code(0);
    Yibao::new().args(["status", path]).run().code(0);
    // A plan may be replaced by a newer plan without --force.
    Yibao::new()
        .args(READY)
        .args(["--save", path])
        .run()
        .code(0);
}

#[test]
fn a_damaged_plan_or_a_missing_one_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.json");
    std::fs::write(
        &plan,
        r#"{"schema":"yibao.plan/1","facts":{"from":"610100","to":"110000","scheme":"spaceship"}}"#,
    )
    .unwrap();
    Yibao::new()
        .args(["status", plan.to_str().unwrap(), "--lang", "en"])
        .run()
        .code(2)
        .stderr_has("damaged");
    Yibao::new()
        .args(["status", dir.path().join("none.json").to_str().unwrap()])
        .run()
        .code(2)
        .stderr_has("无法读取");
    Yibao::new()
        .args(["status", dir.path().to_str().unwrap()])
        .run()
        .code(2);
}

#[test]
fn save_into_a_read_only_folder_fails_cleanly_and_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let ro = dir.path().join("ro");
    std::fs::create_dir(&ro).unwrap();
    let mut perms = std::fs::metadata(&ro).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o555);
    std::fs::set_permissions(&ro, perms).unwrap();
    // Root ignores permissions; the check only means something for other users.
    let probe = ro.join("probe");
    if std::fs::write(&probe, "x").is_ok() {
        let _ = std::fs::remove_file(&probe);
        return;
    }
    Yibao::new()
        .args(READY)
        .args(["--save", ro.join("plan.json").to_str().unwrap()])
        .run()
        .code(2)
        .stderr_has("cannot be written");
    assert_eq!(std::fs::read_dir(&ro).unwrap().count(), 0);
}

/// The JSON contract of `yibao transfer --json`, read into types as a script would.
mod shape {
    use serde::Deserialize;

    #[derive(Deserialize)]
    pub struct Plan {
        pub schema: String,
        pub outcome: String,
        pub same_pooling_area: bool,
        pub blockers: Vec<Item>,
        pub conditions: Vec<Item>,
        pub steps: Vec<Step>,
        pub materials: Vec<Item>,
        pub deadlines: Vec<Deadline>,
        pub waiting_period: Option<Waiting>,
        pub carries_over: Vec<Item>,
        pub status: Option<Status>,
        pub citations: Vec<Citation>,
    }

    #[derive(Deserialize)]
    pub struct Item {
        pub id: String,
        pub text: String,
        pub unverified: bool,
    }

    #[derive(Deserialize)]
    pub struct Step {
        pub place: String,
        pub channel: String,
        pub who: String,
    }

    #[derive(Deserialize)]
    pub struct Deadline {
        pub id: String,
        pub working_days: u32,
        pub date: String,
        pub estimated: bool,
    }

    #[derive(Deserialize)]
    pub struct Waiting {
        pub rule: String,
        pub months: Option<u32>,
        pub conditional: bool,
    }

    #[derive(Deserialize)]
    pub struct Status {
        pub working_days_elapsed: u32,
        pub next: Option<String>,
        pub overdue: bool,
    }

    #[derive(Deserialize)]
    pub struct Citation {
        pub id: String,
        pub evidence: String,
    }
}

fn plan(args: &[&str], on: &str, code: i32) -> shape::Plan {
    let run = Yibao::new()
        .args(args)
        .args(["--json"])
        .on(on)
        .run()
        .code(code);
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}\n{}", run.stdout))
}

#[test]
fn the_json_plan_has_the_same_keys_in_every_situation() {
    let ready = plan(READY, "2026-11-23", 0);
    assert_eq!(ready.schema, "yibao.transfer/1");
    assert_eq!(ready.outcome, "yes");
    assert!(!ready.same_pooling_area);
    assert_eq!(
        ready
            .deadlines
            .iter()
            .map(|d| (d.id.as_str(), d.working_days, d.date.as_str(), d.estimated))
            .collect::<Vec<_>>(),
        [
            ("transfer_out", 10, "2026-12-07", false),
            ("transfer_complete", 5, "2026-12-14", false)
        ]
    );
    let w = ready.waiting_period.unwrap();
    assert_eq!(
        (w.rule.as_str(), w.months, w.conditional),
        ("continuous", Some(0), false)
    );
    assert!(ready.status.is_none());
    assert!(
        ready
            .steps
            .iter()
            .all(|s| !s.place.is_empty() && !s.channel.is_empty() && !s.who.is_empty())
    );
    assert!(ready.materials.iter().all(|m| !m.text.is_empty()));
    assert!(
        ready
            .carries_over
            .iter()
            .any(|c| c.id == "contribution_years" && c.unverified)
    );
    assert!(
        ready
            .citations
            .iter()
            .any(|c| c.id == "ybbf-2021-43" && c.evidence == "full_text")
    );
    assert!(ready.blockers.is_empty() && ready.conditions.is_empty());

    let same = plan(
        &["transfer", "--from", "110105", "--to", "110108"],
        "2026-11-23",
        0,
    );
    assert!(
        same.same_pooling_area && same.waiting_period.is_none() && same.carries_over.is_empty()
    );

    let accepted = plan(
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
        ],
        "2026-10-20",
        0,
    );
    let st = accepted.status.unwrap();
    assert_eq!(
        (st.working_days_elapsed, st.next.as_deref(), st.overdue),
        (12, Some("transfer_complete"), false)
    );

    let retiree = plan(
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
        "2026-11-23",
        1,
    );
    assert_eq!(retiree.blockers[0].id, "retired");
}

/// 株洲 → 长沙 inside Hunan from 2025-07-10: the record moves on its own once enrolled, so
/// even with every fact in order the answer names that regime and points to the agency.
#[test]
fn a_move_inside_hunan_names_the_automatic_transfer() {
    let doc = Yibao::new()
        .args([
            "transfer", "--from", "株洲", "--to", "长沙", "--scheme", "employee",
        ])
        .args([
            "--retired",
            "no",
            "--origin-stopped",
            "yes",
            "--destination-enrolled",
            "yes",
        ])
        .args(["--arrears", "no", "--account-frozen", "no"])
        .args(["--last-paid", "2026-01", "--paid-from", "2026-02", "--json"])
        .on("2026-03-02")
        .run()
        .code(3)
        .json();
    let ids: Vec<&str> = (doc["conditions"].as_array().unwrap().iter())
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"province_regime"), "{ids:?}");
    // Before the regime began, nothing of it is said.
    let before = Yibao::new()
        .args([
            "transfer", "--from", "株洲", "--to", "长沙", "--scheme", "employee", "--json",
        ])
        .on("2025-07-09")
        .run()
        .json();
    assert!(!before.to_string().contains("province_regime"));
}

/// A district or county typed is named with its pooling area, in both languages, while the
/// answer is the pooling area's.
#[test]
fn a_district_typed_is_named_with_its_pooling_area() {
    let zh = Yibao::new()
        .args([
            "transfer", "--from", "海淀", "--to", "昆山", "--scheme", "employee", "--json",
        ])
        .on("2026-03-02")
        .run()
        .code(3)
        .json();
    assert_eq!(zh["lines"][0]["value"], "海淀区 (110108), 北京市");
    assert_eq!(zh["lines"][1]["value"], "昆山市 (320583), 苏州市");
    assert_eq!(zh["to"]["code"], "320500");
    let en = Yibao::new()
        .args([
            "transfer", "--from", "海淀", "--to", "昆山", "--scheme", "employee",
        ])
        .args(["--json", "--lang", "en"])
        .on("2026-03-02")
        .run()
        .code(3)
        .json();
    assert!(
        en["summary"].as_str().unwrap().contains("Suzhou (苏州市)"),
        "{}",
        en["summary"]
    );
}
