//! Places as people type them, on every command: districts and county-level cities, compound
//! names, one rule for ambiguity, dated pooling areas (Hainan), and `status` evaluating the
//! places a plan names.

use crate::support::Yibao;

/// The pooling area `transfer` evaluates a typed place in (`--to 北京` keeps the other end
/// fixed), from the JSON's `from`.
#[track_caller]
fn transfer_from(place: &str) -> String {
    let doc = Yibao::new()
        .args([
            "transfer", "--from", place, "--to", "上海", "--scheme", "employee",
        ])
        .args(["--retired", "no", "--json"])
        .run()
        .json();
    doc["from"]["code"].as_str().unwrap_or_default().to_string()
}

#[test]
fn kunshan_haidian_pudong_and_yiwu_are_found_where_regions_finds_them() {
    for (typed, area) in [
        ("昆山", "320500"),
        ("海淀", "110000"),
        ("义乌", "330700"),
        ("北京市朝阳区", "110000"),
        ("北京朝阳", "110000"),
        ("江苏昆山", "320500"),
        ("苏州昆山", "320500"),
    ] {
        assert_eq!(transfer_from(typed), area, "{typed}");
    }
    // 浦东 is in Shanghai: a move to 上海 needs no transfer
    let doc = Yibao::new()
        .args(["transfer", "--from", "浦东", "--to", "上海", "--json"])
        .run()
        .code(0)
        .json();
    assert_eq!(doc["same_pooling_area"], true);
}

#[test]
fn kunshan_resolves_to_320583_in_suzhous_pooling_area() {
    let doc = Yibao::new()
        .args(["regions", "昆山", "--json"])
        .run()
        .code(0)
        .json();
    assert_eq!(doc["regions"][0]["code"], "320583");
    assert_eq!(doc["regions"][0]["pooling_area"], "320500");
}

#[test]
fn chaoyang_off_a_terminal_lists_four_candidates_and_exits_2() {
    let run = Yibao::new()
        .args([
            "transfer", "--from", "朝阳", "--to", "上海", "--scheme", "employee",
        ])
        .run()
        .code(2)
        .stderr_has("北京市 朝阳区 (110105)")
        .stderr_has("吉林省 长春市 朝阳区 (220104)")
        .stderr_has("辽宁省 朝阳市 (211300)")
        .stderr_has("辽宁省 朝阳市 朝阳县 (211321)");
    drop(run);
}

#[test]
fn a_district_typed_in_pinyin_is_found_if_its_reading_is_stored_else_told_how_both_languages() {
    // The districts people type in pinyin most have their readings in rules/regions.txt.
    for (typed, code) in [
        ("kunshan", "320500"),
        ("haidian", "110000"),
        ("pudong", "310000"),
    ] {
        assert_eq!(transfer_from(typed), code, "{typed}");
    }
    // Most county-level rows store no pinyin: say so, and how to find the code.
    for (lang, said) in [
        (
            "en",
            "Pinyin is known for provinces, prefecture-level cities and only some districts",
        ),
        ("zh", "拼音只收录了省、地级市和部分区县"),
    ] {
        let run = Yibao::new()
            .args([
                "transfer", "--from", "yanta", "--to", "上海", "--scheme", "employee",
            ])
            .args(["--lang", lang])
            .run()
            .code(2)
            .stderr_has(said)
            .stderr_has("yibao regions 3205");
        drop(run);
    }
    // A Chinese name that is not found keeps the general hint.
    let run = Yibao::new()
        .args([
            "transfer", "--from", "昆山x", "--to", "上海", "--scheme", "employee",
        ])
        .args(["--lang", "en"])
        .run()
        .code(2)
        .stderr_has("Regions are given by 6-digit code, Chinese name or pinyin");
    drop(run);
}

#[test]
fn jilin_and_shanxi_are_never_picked_on_any_command() {
    for args in [
        &[
            "transfer", "--from", "吉林", "--to", "上海", "--scheme", "employee",
        ][..],
        &["merge", "--from", "吉林", "--to", "上海"][..],
        &["balance", "--region", "shanxi"][..],
        &["refund", "--case", "x", "--region", "吉林"][..],
    ] {
        let out = Yibao::new().args(args.iter().copied()).run();
        assert_eq!(out.code, 2, "{args:?}\n{}", out.stderr);
    }
}

#[test]
fn haikou_to_sanya_needs_no_transfer_from_2020() {
    for on in ["2020-01-01", "2026-03-02"] {
        let doc = Yibao::new()
            .args(["transfer", "--from", "海口", "--to", "三亚", "--json"])
            .on(on)
            .run()
            .code(0)
            .json();
        assert_eq!(doc["same_pooling_area"], true, "{on}");
    }
    // before 2020 they were two pooling areas
    let doc = Yibao::new()
        .args([
            "transfer", "--from", "海口", "--to", "三亚", "--scheme", "employee",
        ])
        .args(["--retired", "no", "--json"])
        .on("2019-06-01")
        .run()
        .json();
    assert_eq!(doc["same_pooling_area"], false);
}

#[test]
fn two_beijing_districts_are_one_pooling_area() {
    let doc = Yibao::new()
        .args(["transfer", "--from", "110105", "--to", "110108", "--json"])
        .run()
        .code(0)
        .json();
    assert_eq!(doc["same_pooling_area"], true);
}

#[test]
fn rules_check_and_show_include_the_pooling_areas() {
    Yibao::new().args(["rules", "check"]).run().code(0);
    Yibao::new()
        .args(["rules", "show", "海南省"])
        .run()
        .code(0)
        .stdout_has("province_wide")
        .stdout_has("hainan-ybj-2021-03-27");
}

#[test]
fn a_plan_whose_destination_is_suzhou_is_evaluated_in_suzhou() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.json");
    Yibao::new()
        .args([
            "transfer", "--from", "西安", "--to", "北京", "--scheme", "employee",
        ])
        .args(["--retired", "no", "--save"])
        .arg(path.to_str().unwrap())
        .run();
    let text = std::fs::read_to_string(&path).unwrap();
    let edited = text.replacen("\"to\": \"110000\"", "\"to\": \"苏州\"", 1);
    assert_ne!(text, edited);
    std::fs::write(&path, edited).unwrap();
    let doc = Yibao::new()
        .args(["status", path.to_str().unwrap(), "--json"])
        .run()
        .json();
    assert_eq!(doc["to"]["code"], "320500");
}

#[test]
fn a_submitted_date_in_the_future_is_refused_by_merge_and_balance_as_by_transfer() {
    for args in [
        &[
            "transfer",
            "--from",
            "西安",
            "--to",
            "北京",
            "--scheme",
            "employee",
            "--submitted",
            "2026-03-03",
        ][..],
        &[
            "merge",
            "--from",
            "西安",
            "--to",
            "北京",
            "--submitted",
            "2026-03-03",
        ][..],
        &[
            "balance",
            "--after-transfer",
            "--from",
            "西安",
            "--region",
            "北京",
            "--submitted",
            "2026-03-03",
        ][..],
    ] {
        Yibao::new()
            .args(args.iter().copied())
            .on("2026-03-02")
            .run()
            .code(2)
            .stderr_has("2026-03-03");
    }
}

#[test]
fn statutory_days_of_2027_are_not_working_days() {
    Yibao::new()
        .args(["calendar", "is-workday", "2027-02-08"])
        .run()
        .code(1);
}

#[test]
fn chaoyang_at_a_terminal_is_a_pick_list_with_parents_and_the_choice_is_echoed() {
    use crate::support::pty::{ENTER, answer, answer_seen, finish, spawn};

    let mut s = spawn(&["transfer", "--on", "2026-11-23"]);
    answer(&mut s, "您是要改变参保地", ENTER);
    answer(&mut s, "您已经退休了吗?", ENTER);
    answer(&mut s, "您原来在哪里参保?", "朝阳\r");
    let seen = answer_seen(&mut s, "您指的是哪一个?", ENTER);
    assert!(seen.contains("吉林省 长春市 朝阳区 (220104)"), "{seen}");
    let seen = answer_seen(&mut s, "要转到哪里?", "海淀\r");
    assert!(
        seen.contains("✔ 转出地: 北京市 朝阳区 (110105) → 统筹地区 北京市 (110000)"),
        "{seen}"
    );
    let (text, code) = finish(s);
    assert_eq!(code, 0, "{text}");
    assert!(
        text.contains("✔ 转入地: 北京市 海淀区 (110108) → 统筹地区 北京市 (110000)"),
        "{text}"
    );
    assert!(text.contains("不需要转移"), "{text}");
}

#[test]
fn a_batch_merge_with_a_future_submitted_date_is_refused_like_on_the_command_line() {
    let run = Yibao::new()
        .args(["batch"])
        .on("2026-03-02")
        .stdin(r#"{"check":"merge","from":"西安","to":"北京","submitted":"2026-03-03"}"#.as_bytes())
        .run();
    assert!(
        run.stdout.contains("\"code\":\"contradiction\""),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("2026-03-03"), "{}", run.stdout);
}
