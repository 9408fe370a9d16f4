//! `yibao filing` and `yibao route` at a terminal (pseudo-terminal), in Chinese and English,
//! and the route question at the start of `yibao transfer`'s walk-through; batch and schema.

use crate::support::Yibao;
use crate::support::pty::{DOWN, ENTER, answer, answer_seen, finish, spawn};

/// Waits for the walk-through to end, checks it exited 3 and showed every one of `shown`;
/// returns what it showed.
#[track_caller]
fn ends_showing(s: expectrl::session::OsSession, shown: &[&str]) -> String {
    let (text, code) = finish(s);
    // Conditional: every filing and route answer rests on the 2022 notice, read only in
    // reports (DESIGN: such an answer is conditional, yes and no alike).
    assert_eq!(code, 3, "{text}");
    for part in shown {
        assert!(
            crate::support::says(&text, part),
            "{part:?} not shown: {text}"
        );
    }
    text
}

#[test]
fn a_retiree_starting_a_transfer_is_handed_to_the_filing_walk_through() {
    let mut s = spawn(&["transfer", "--on", "2026-11-23"]);
    answer(&mut s, "您是要改变参保地", ENTER);
    // 是 is the second choice (否 first).
    answer(&mut s, "您已经退休了吗?", &format!("{DOWN}{ENTER}"));
    answer(&mut s, "您会在那里待多久?", ENTER);
    answer(&mut s, "您在哪里参保?", "成都\r");
    answer(&mut s, "要在哪里就医或居住?", "深圳\r");
    let text = ends_showing(
        s,
        &[
            "长期备案(异地安置退休人员)",
            "长期有效",
            "yibao filing --from 510100 --to 440300 --kind resettled_retiree",
        ],
    );
    assert!(
        !text.contains("您属于哪种情况"),
        "the kind is known: {text}"
    );
}

#[test]
fn a_posted_worker_starting_a_transfer_in_english_files_instead() {
    let mut s = spawn(&[
        "transfer",
        "--from",
        "西安",
        "--to",
        "上海",
        "--on",
        "2026-11-23",
        "--lang",
        "en",
    ]);
    answer(
        &mut s,
        "Are you changing where you are insured",
        &format!("{DOWN}{ENTER}"),
    );
    answer(&mut s, "Are you retired?", ENTER);
    answer(
        &mut s,
        "Has your employer posted you elsewhere",
        &format!("{DOWN}{ENTER}"),
    );
    ends_showing(
        s,
        &[
            "posted worker",
            "employer's proof of the posting",
            "yibao filing --from 610100 --to 310000 --kind posted_worker",
        ],
    );
}

#[test]
fn the_filing_walk_through_in_english_asks_the_kind_and_the_hospital_stay() {
    let mut s = spawn(&["filing", "--on", "2026-11-23", "--lang", "en"]);
    answer(&mut s, "Where are you insured?", "xian\r");
    answer(&mut s, "Where will you get care or live?", "hangzhou\r");
    // The fifth kind: emergency.
    answer(
        &mut s,
        "Which fits you?",
        &format!("{DOWN}{DOWN}{DOWN}{DOWN}{ENTER}"),
    );
    answer(
        &mut s,
        "already in hospital there",
        &format!("{DOWN}{ENTER}"),
    );
    ends_showing(
        s,
        &[
            "counts as filed",
            "file before you are discharged",
            "yibao filing --from 610100 --to 330100 --kind emergency --admitted yes",
        ],
    );
}

#[test]
fn the_route_walk_through_in_chinese_finds_a_care_trip() {
    let mut s = spawn(&[
        "route",
        "--from",
        "西安",
        "--to",
        "北京",
        "--on",
        "2026-11-23",
    ]);
    answer(&mut s, "您是要改变参保地", &format!("{DOWN}{ENTER}"));
    answer(&mut s, "您已经退休了吗?", ENTER);
    answer(&mut s, "是单位派您到外地工作", ENTER);
    answer(&mut s, "您会在那里待多久?", &format!("{DOWN}{ENTER}"));
    answer(&mut s, "为什么在那里看病?", ENTER);
    ends_showing(
        s,
        &[
            "异地转诊人员",
            "yibao route --from 610100 --to 110000 --change no --retired no --posted no --stay short --care referral",
            "yibao filing --from 610100 --to 110000 --kind referral",
        ],
    );
}

#[test]
fn a_transfer_with_its_state_given_skips_the_route_question() {
    let mut s = spawn(&[
        "transfer",
        "--from",
        "西安",
        "--to",
        "北京",
        "--origin-stopped",
        "yes",
        "--on",
        "2026-11-23",
    ]);
    answer(&mut s, "您参加的是哪种医保?", "\x03");
    let (text, code) = finish(s);
    assert_eq!(code, 130, "{text}");
    assert!(!text.contains("您是要改变参保地"), "{text}");
}

#[test]
fn batch_answers_filing_lines_and_full_lines_match_the_single_command() {
    let input = concat!(
        r#"{"check":"filing","id":"a","from":"成都","to":"深圳","kind":"resettled_retiree"}"#,
        "\n",
        r#"{"check":"filing","id":"b","from":"北京朝阳","to":"海淀"}"#,
        "\n",
        r#"{"check":"filing","id":"c","from":"西安","kind":"emergency"}"#,
        "\n",
    );
    let run = Yibao::new()
        .args(["batch"])
        .on("2026-03-02")
        .stdin(input.as_bytes())
        .run();
    let lines: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines[0]["needed"], true, "{}", run.stdout);
    assert_eq!(lines[0]["outcome"], "conditional");
    assert_eq!(lines[1]["needed"], false);
    assert_eq!(lines[2]["error"]["code"], "missing_fact");
    let full = Yibao::new()
        .args(["batch", "--full"])
        .on("2026-03-02")
        .stdin(input.as_bytes())
        .run();
    let first: serde_json::Value =
        serde_json::from_str(full.stdout.lines().next().unwrap()).unwrap();
    assert_eq!(first["schema"], "yibao.filing/1");
    assert_eq!(first["kind"], "resettled_retiree");
    assert_eq!(first["line"], 1);
}

#[test]
fn the_route_walk_through_asks_the_places_first_and_stops_at_one_pooling_area() {
    let mut s = spawn(&["route", "--on", "2026-11-23", "--lang", "en"]);
    answer(&mut s, "Where are you insured now?", "海淀\r");
    answer(&mut s, "Where are you going", "朝阳区\r");
    // 朝阳区 is in Beijing and in Changchun: the Beijing one comes first, each named as
    // English output names places.
    answer(&mut s, "Which one do you mean?", ENTER);
    let text = ends_showing(s, &["nothing to apply for"]);
    assert!(
        text.contains("Chaoyang (朝阳区, 110105), Beijing (北京市)")
            && text.contains("Chaoyang (朝阳区, 220104), Changchun (长春市)"),
        "{text}"
    );
    assert!(!text.contains("Are you changing"), "{text}");
}

#[test]
fn a_retiree_given_as_a_flag_goes_straight_to_the_length_of_stay() {
    let mut s = spawn(&[
        "transfer",
        "--retired",
        "yes",
        "--from",
        "chengdu",
        "--to",
        "shenzhen",
        "--on",
        "2026-11-23",
    ]);
    answer(&mut s, "您会在那里待多久?", ENTER);
    let text = ends_showing(s, &["异地安置退休人员"]);
    assert!(!text.contains("您是要改变参保地"), "{text}");
}

#[test]
fn a_region_file_adds_its_own_filing_values() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/filing-overlay");
    // The waiver (cited to a confirmed source here): care inside the province needs no filing.
    let run = Yibao::new()
        .args([
            "filing", "--from", "福州", "--to", "厦门", "--kind", "referral", "--json",
        ])
        .args(["--rules-dir", dir])
        .on("2026-03-02")
        .run()
        // Yes, firmly: the waiver's own source is confirmed, so reports decide nothing.
        .code(0);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["needed"], false, "{}", run.stdout);
    assert_eq!(v["scope"], "in_province");
    // Its own validity for care in another province.
    let run = Yibao::new()
        .args([
            "filing", "--from", "福州", "--to", "北京", "--kind", "referral", "--json",
        ])
        .args(["--rules-dir", dir])
        .on("2026-03-02")
        .run()
        .code(3);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let valid = &v["figures"][0];
    assert_eq!(valid["key"], "filing.temporary_valid_min_months");
    assert_eq!(valid["value"], 12.0);
    assert_eq!(valid["region"], "350000");
    // Before the overlay's date the built-in rules apply: a filing, the province's rules.
    Yibao::new()
        .args([
            "filing", "--from", "福州", "--to", "厦门", "--kind", "referral",
        ])
        .args(["--rules-dir", dir])
        .on("2023-06-01")
        .run()
        .code(3);
}

#[test]
fn the_filing_walk_through_in_chinese_for_a_resettled_retiree_asks_no_hospital_question() {
    let mut s = spawn(&["filing", "--on", "2026-11-23"]);
    answer(&mut s, "您在哪里参保?", "成都\r");
    // The place is echoed by the filing's own word for it, not a transfer's.
    let seen = answer_seen(&mut s, "要在哪里就医或居住?", "深圳\r");
    assert!(
        crate::support::says(&seen, "参保地: 四川省 成都市"),
        "{seen}"
    );
    assert!(!seen.contains("转出地"), "{seen}");
    answer(&mut s, "您属于哪种情况?", ENTER);
    let text = ends_showing(
        s,
        &[
            "个人承诺书",
            "yibao filing --from 510100 --to 440300 --kind resettled_retiree",
        ],
    );
    assert!(!text.contains("住院"), "{text}");
}

#[test]
fn a_kind_answered_not_sure_is_left_open_without_naming_a_flag() {
    let mut s = spawn(&["filing", "--on", "2026-11-23"]);
    answer(&mut s, "您在哪里参保?", "成都\r");
    answer(&mut s, "要在哪里就医或居住?", "深圳\r");
    // 不确定 is the last of seven choices.
    answer(
        &mut s,
        "您属于哪种情况?",
        &format!("{}{ENTER}", DOWN.repeat(6)),
    );
    answer(&mut s, "已经在那里住院", ENTER);
    let text = ends_showing(s, &["还不知道属于哪一类备案", "您答了“不确定”"]);
    assert!(!text.contains("用 --kind"), "{text}");
}

#[test]
fn ctrl_c_in_the_filing_walk_through_exits_130() {
    let mut s = spawn(&[
        "filing", "--lang", "en", "--from", "xian", "--to", "beijing",
    ]);
    answer(&mut s, "Which fits you?", "\x03");
    let (text, code) = finish(s);
    assert_eq!(code, 130, "{text}");
}
