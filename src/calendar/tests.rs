use super::*;
use chrono::Days;
use std::collections::BTreeSet;

use proptest::prelude::*;

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn real_files() -> Vec<(String, String)> {
    [
        (
            "rules/calendar/2024.toml",
            include_str!("../../rules/calendar/2024.toml"),
        ),
        (
            "rules/calendar/2025.toml",
            include_str!("../../rules/calendar/2025.toml"),
        ),
        (
            "rules/calendar/2026.toml",
            include_str!("../../rules/calendar/2026.toml"),
        ),
        (
            "rules/calendar/statutory.toml",
            include_str!("../../rules/calendar/statutory.toml"),
        ),
    ]
    .into_iter()
    .map(|(p, s)| (p.to_string(), s.to_string()))
    .collect()
}

fn real() -> Calendar {
    Calendar::from_files(&real_files()).unwrap_or_else(|e| panic!("{e:?}"))
}

// The notices' expanded day lists, copied from policy-facts §7 (not derived from the files).
const REST_2024: &str = "2024-01-01 2024-02-10 2024-02-11 2024-02-12 2024-02-13 2024-02-14 \
    2024-02-15 2024-02-16 2024-02-17 2024-04-04 2024-04-05 2024-04-06 2024-05-01 2024-05-02 \
    2024-05-03 2024-05-04 2024-05-05 2024-06-10 2024-09-15 2024-09-16 2024-09-17 2024-10-01 \
    2024-10-02 2024-10-03 2024-10-04 2024-10-05 2024-10-06 2024-10-07";
const WORK_2024: &str = "2024-02-04 2024-02-18 2024-04-07 2024-04-28 2024-05-11 2024-09-14 \
    2024-09-29 2024-10-12";
const REST_2025: &str = "2025-01-01 2025-01-28 2025-01-29 2025-01-30 2025-01-31 2025-02-01 \
    2025-02-02 2025-02-03 2025-02-04 2025-04-04 2025-04-05 2025-04-06 2025-05-01 2025-05-02 \
    2025-05-03 2025-05-04 2025-05-05 2025-05-31 2025-06-01 2025-06-02 2025-10-01 2025-10-02 \
    2025-10-03 2025-10-04 2025-10-05 2025-10-06 2025-10-07 2025-10-08";
const WORK_2025: &str = "2025-01-26 2025-02-08 2025-04-27 2025-09-28 2025-10-11";
const REST_2026: &str = "2026-01-01 2026-01-02 2026-01-03 2026-02-15 2026-02-16 2026-02-17 \
    2026-02-18 2026-02-19 2026-02-20 2026-02-21 2026-02-22 2026-02-23 2026-04-04 2026-04-05 \
    2026-04-06 2026-05-01 2026-05-02 2026-05-03 2026-05-04 2026-05-05 2026-06-19 2026-06-20 \
    2026-06-21 2026-09-25 2026-09-26 2026-09-27 2026-10-01 2026-10-02 2026-10-03 2026-10-04 \
    2026-10-05 2026-10-06 2026-10-07";
const WORK_2026: &str = "2026-01-04 2026-02-14 2026-02-28 2026-05-09 2026-09-20 2026-10-10";

#[test]
fn every_day_of_2024_to_2026_matches_the_notices() {
    let cal = real();
    for (year, rest, work, n_rest, n_work) in [
        (2024, REST_2024, WORK_2024, 28, 8),
        (2025, REST_2025, WORK_2025, 28, 5),
        (2026, REST_2026, WORK_2026, 33, 6),
    ] {
        let rest: BTreeSet<_> = rest.split_whitespace().map(date).collect();
        let work: BTreeSet<_> = work.split_whitespace().map(date).collect();
        assert_eq!((rest.len(), work.len()), (n_rest, n_work));
        let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap();
        for d in first.iter_days().take_while(|d| d.year() == year) {
            let info = cal.day(d);
            let expected = if rest.contains(&d) {
                DayKind::Holiday
            } else if work.contains(&d) {
                DayKind::MakeupWorkday
            } else if is_weekend(d) {
                DayKind::Weekend
            } else {
                DayKind::Workday
            };
            assert_eq!(info.kind, expected, "{d}");
            let workday = matches!(expected, DayKind::Workday | DayKind::MakeupWorkday);
            assert_eq!((info.workday, cal.is_workday(d)), (workday, workday), "{d}");
            assert_eq!(
                info.name.is_some(),
                rest.contains(&d) || work.contains(&d),
                "{d}"
            );
            // 2027 is not loaded, so the last days of 2026 stay open (module doc).
            let open = year == 2026 && d >= date("2026-12-25");
            assert_eq!(info.estimated, open, "{d}");
        }
    }
}

#[test]
fn named_days_and_the_edges_of_blocks() {
    let cal = real();
    let spring = cal.day(date("2026-02-14"));
    assert_eq!(spring.kind, DayKind::MakeupWorkday);
    assert!(spring.workday);
    assert_eq!(&*spring.name.unwrap().zh, "春节");
    assert_eq!(
        &*cal.day(date("2025-10-05")).name.unwrap().zh,
        "国庆节、中秋节"
    );
    // 2024: 除夕 rest was only encouraged; 元旦/端午 weekends are plain weekends.
    assert_eq!(cal.day(date("2024-02-09")).kind, DayKind::Workday);
    assert_eq!(cal.day(date("2024-06-08")).kind, DayKind::Weekend);
    assert_eq!(cal.day(date("2023-12-31")).kind, DayKind::Weekend);
    assert!(cal.day(date("2023-12-31")).estimated);
}

#[test]
fn adding_working_days_across_national_day_2026() {
    let cal = real();
    assert_eq!(
        cal.add_working_days(date("2026-09-30"), 1),
        (date("2026-10-08"), false)
    );
    let (ten, est) = cal.add_working_days(date("2026-09-28"), 10);
    // 09-29, 09-30, 10-08, 10-09, 10-10 (make-up Saturday), 10-12 … 10-16.
    assert_eq!((ten, est), (date("2026-10-16"), false));
    assert_eq!(cal.add_working_days(ten, 5), (date("2026-10-23"), false));
    assert_eq!(
        cal.working_days_between(date("2026-09-28"), date("2026-10-23")),
        (15, false)
    );
    assert_eq!(
        cal.add_working_days(date("2026-10-07"), 0),
        (date("2026-10-07"), false)
    );
    // A holiday start still counts forward to the first working day after it.
    assert_eq!(
        cal.add_working_days(date("2026-10-03"), 1).0,
        date("2026-10-08")
    );
    assert_eq!(
        cal.working_days_between(date("2026-10-23"), date("2026-09-28")),
        (0, false)
    );
}

#[test]
fn years_without_a_notice_are_estimated_weekends_and_statutory_days() {
    let cal = real();
    let d = cal.day(date("2027-10-01"));
    assert_eq!(
        (d.kind, d.workday, d.estimated),
        (DayKind::Holiday, false, false)
    );
    let d = cal.day(date("2027-10-04"));
    assert_eq!(
        (d.kind, d.workday, d.estimated),
        (DayKind::Workday, true, true)
    );
    assert!(cal.day(date("2027-01-02")).estimated);
    assert!(!cal.day(date("2026-12-24")).estimated);
    assert!(cal.day(date("2026-12-25")).estimated);
    assert_eq!(
        cal.add_working_days(date("2026-12-10"), 5),
        (date("2026-12-17"), false)
    );
    assert_eq!(
        cal.add_working_days(date("2026-12-21"), 5),
        (date("2026-12-28"), true)
    );
    assert_eq!(
        cal.add_working_days(date("2027-03-01"), 5),
        (date("2027-03-08"), true)
    );
    let dec = (date("2026-12-01"), date("2026-12-24"));
    assert_eq!(cal.working_days_between(dec.0, dec.1), (17, false));
    // 2027-01-01 (a Friday) is a statutory rest day; the rest of the count is an estimate.
    let across = (date("2026-12-01"), date("2027-01-04"));
    assert_eq!(cal.working_days_between(across.0, across.1), (23, true));
    assert_eq!(
        cal.working_days_between(date("2023-12-29"), date("2024-01-02")),
        (1, true)
    );
    assert_eq!(cal.covered_years(), vec![2024, 2025, 2026]);
    assert_eq!(cal.last_covered_year(), Some(2026));
    let years: Vec<_> = cal
        .sources()
        .iter()
        .map(|s| (s.year, s.doc_no.as_str()))
        .collect();
    assert_eq!(
        years,
        [
            (2024, "国办发明电〔2023〕7号"),
            (2025, "国办发明电〔2024〕12号"),
            (2026, "国办发明电〔2025〕7号")
        ]
    );
}

#[test]
fn the_2027_statutory_days_on_weekdays_are_not_working_days() {
    // The seven weekdays policy-facts-2 §1.7 lists (typed from there, not from the file).
    let cal = real();
    for d in [
        "2027-01-01",
        "2027-02-05",
        "2027-02-08",
        "2027-04-05",
        "2027-06-09",
        "2027-09-15",
        "2027-10-01",
    ] {
        let day = cal.day(date(d));
        assert!(!day.workday && !day.estimated, "{d}: {day:?}");
        assert!(!cal.is_workday(date(d)), "{d}");
    }
    // the days between are an estimate until the notice: 02-09 counts as a working day
    assert!(cal.day(date("2027-02-09")).workday && cal.day(date("2027-02-09")).estimated);
    assert_eq!(cal.covered_years(), vec![2024, 2025, 2026]);
}

#[test]
fn a_statutory_date_outside_its_year_is_an_error() {
    let text = include_str!("../../rules/calendar/statutory.toml")
        .replace("[2027, 2027-02-05", "[2027, 2026-02-05");
    let Err(problems) = Calendar::from_files(&[("rules/calendar/statutory.toml".into(), text)])
    else {
        panic!("a 除夕 outside its year must be reported");
    };
    assert!(
        problems[0].message.contains("every date must lie in 2027"),
        "{problems:?}"
    );
}

#[test]
fn a_notice_year_ignores_the_statutory_table() {
    // A table row for 2026 (here with a made-up 10-08 rest day) gives way to 2026's notice.
    let table = include_str!("../../rules/calendar/statutory.toml")
        .replace("[2027, 2027", "[2026, 2026")
        .replace(
            "2027-04-05, 2027-06-09, 2027-09-15",
            "2026-04-05, 2026-06-19, 2026-09-25",
        )
        .replace("\"10-03\"]", "\"10-03\", \"10-08\"]");
    let mut files = real_files();
    files.retain(|(p, _)| !p.ends_with("statutory.toml"));
    files.push(("rules/calendar/statutory.toml".into(), table.clone()));
    let cal = Calendar::from_files(&files).unwrap();
    assert!(cal.day(date("2026-10-08")).workday);
    assert!(!cal.day(date("2026-10-08")).estimated);
    // without the notice the same table would make it a rest day
    let alone = Calendar::from_files(&[("rules/calendar/statutory.toml".into(), table)]).unwrap();
    assert!(!alone.day(date("2026-10-08")).workday);
}

#[test]
fn extreme_inputs_saturate_quickly() {
    let cal = real();
    assert_eq!(
        cal.add_working_days(NaiveDate::MIN, u32::MAX),
        (NaiveDate::MAX, true)
    );
    assert_eq!(
        cal.add_working_days(NaiveDate::MAX, 1),
        (NaiveDate::MAX, true)
    );
    assert_eq!(
        cal.add_working_days(NaiveDate::MAX, 0),
        (NaiveDate::MAX, false)
    );
    let (n, est) = cal.working_days_between(NaiveDate::MIN, NaiveDate::MAX);
    assert!(n > 100_000_000 && est);
    let (far, est) = cal.add_working_days(date("2024-01-01"), 10_000);
    assert!(est && far.year() > 2060);
    assert_eq!(cal.working_days_between(date("2024-01-01"), far).0, 10_000);
}

#[test]
fn day_info_serializes_with_iso_dates() {
    let json = serde_json::to_value(real().day(date("2026-02-28"))).unwrap();
    assert_eq!(json["date"], "2026-02-28");
    assert_eq!(json["kind"], "makeup_workday");
    assert_eq!(json["name"]["en"], "Spring Festival");
}

// --- validation -------------------------------------------------------------------------

const BASE: &str = r#"year = 2026
[source]
title = "国务院办公厅关于2026年部分节假日安排的通知"
doc_no = ""
published = 2025-11-04
url = "https://example.org/notice"
evidence = "official"
[[holiday]]
name = { zh = "春节", en = "Spring Festival" }
rest = [2026-02-15, 2026-02-23]
work = [2026-02-14, 2026-02-28]
"#;

/// The diagnostics for BASE with `from` replaced by `to`, as `line:col: message`.
fn problems_in(path: &str, from: &str, to: &str) -> Vec<String> {
    assert!(BASE.contains(from), "{from}");
    let src = BASE.replacen(from, to, 1);
    match Calendar::from_files(&[(path.to_string(), src)]) {
        Ok(_) => vec![],
        Err(ds) => ds
            .iter()
            .map(|d| format!("{}:{}: {}", d.line, d.col, d.message))
            .collect(),
    }
}

fn problems(from: &str, to: &str) -> Vec<String> {
    problems_in("rules/calendar/2026.toml", from, to)
}

fn assert_one(found: Vec<String>, at: &str, says: &str) {
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with(&format!("{at}: ")),
        "{found:?} not at {at}"
    );
    assert!(found[0].contains(says), "{found:?} does not say {says}");
}

#[test]
fn the_base_file_is_valid() {
    assert_eq!(problems("year", "year"), Vec::<String>::new());
}

#[test]
fn toml_syntax_errors_are_located() {
    assert_one(problems("doc_no = \"\"", "doc_no = "), "4:10", "");
}

#[test]
fn unknown_keys_are_rejected() {
    assert_one(
        problems("work = [", "statutory = 1\nwork = ["),
        "11:1",
        "statutory",
    );
    // Columns count characters, not bytes, after Chinese text.
    assert_one(
        problems(
            "en = \"Spring Festival\" }",
            "en = \"Spring Festival\", x = 1 }",
        ),
        "9:45",
        "x",
    );
}

#[test]
fn the_file_name_must_match_the_year() {
    assert_one(
        problems_in("rules/calendar/2025.toml", "year", "year"),
        "1:8",
        "2025",
    );
    assert_one(
        problems_in("rules/calendar/notice.toml", "year", "year"),
        "1:1",
        "2026.toml",
    );
}

#[test]
fn rest_must_be_an_ordered_pair_of_dates() {
    let single = problems("rest = [2026-02-15, 2026-02-23]", "rest = [2026-02-15]");
    assert_one(single, "10:8", "two dates");
    let reversed = problems(
        "rest = [2026-02-15, 2026-02-23]",
        "rest = [2026-02-23, 2026-02-15]",
    );
    assert_one(reversed, "10:8", "reversed");
    let with_time = problems("2026-02-15,", "2026-02-15T08:00:00,");
    assert_one(with_time, "10:8", "two dates");
}

#[test]
fn days_must_lie_in_the_notice_year() {
    let rest = problems("rest = [2026-02-15", "rest = [2025-12-31");
    assert_one(rest, "10:9", "not in 2026");
    // A make-up day in the previous year is allowed (2011-12-31 was one); two years back is not.
    assert_eq!(
        problems("work = [2026-02-14", "work = [2025-12-27"),
        Vec::<String>::new()
    );
    assert_one(
        problems("work = [2026-02-14", "work = [2024-12-28"),
        "11:9",
        "not in 2026 or 2025",
    );
}

#[test]
fn make_up_days_must_be_weekends() {
    assert_one(
        problems("work = [2026-02-14", "work = [2026-02-13"),
        "11:9",
        "Fri",
    );
}

#[test]
fn a_day_cannot_be_both_rest_and_work() {
    let found = problems("2026-02-28]", "2026-02-21]");
    assert_one(found, "11:21", "both a rest day and a make-up");
}

#[test]
fn a_year_may_come_from_one_file_only() {
    let files = [
        ("a/2026.toml".to_string(), BASE.to_string()),
        ("b/2026.toml".to_string(), BASE.to_string()),
    ];
    let found: Vec<String> = Calendar::from_files(&files)
        .unwrap_err()
        .iter()
        .map(|d| d.to_string())
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("b/2026.toml:1:8: year 2026 is also in a/2026.toml"),
        "{found:?}"
    );
}

#[test]
fn title_and_url_must_not_be_empty() {
    assert_one(
        problems("url = \"https://example.org/notice\"", "url = \"\""),
        "6:7",
        "url",
    );
    let title = problems(
        "title = \"国务院办公厅关于2026年部分节假日安排的通知\"",
        "title = \" \"",
    );
    assert_one(title, "3:9", "title");
}

#[test]
fn evidence_is_one_of_three_levels() {
    assert_one(problems("\"official\"", "\"rumoured\""), "7:12", "rumoured");
    assert_eq!(
        problems("\"official\"", "\"reported\""),
        Vec::<String>::new()
    );
    assert_eq!(
        problems("\"official\"", "\"full_text\""),
        Vec::<String>::new()
    );
    // The two-level word of old is no longer a level.
    assert_one(
        problems("\"official\"", "\"confirmed\""),
        "7:12",
        "confirmed",
    );
}

#[test]
fn all_problems_are_reported_at_once() {
    let src = BASE
        .replace("\"official\"", "\"x\"")
        .replace("https://example.org/notice", "");
    let files = [
        ("c/2025.toml".to_string(), src),
        ("c/2024.toml".to_string(), "year = ".to_string()),
    ];
    assert_eq!(Calendar::from_files(&files).unwrap_err().len(), 4);
}

#[test]
fn statutory_days_of_a_year_without_its_notice_are_certain_and_the_days_around_them_are_not() {
    let cal = real();
    // 2027 has no notice: 1 October is a statutory rest day all the same, so counting only
    // that day is no estimate; a range taking in an ordinary day of 2027 is.
    assert_eq!(
        cal.working_days_between(date("2027-09-30"), date("2027-10-01")),
        (0, false)
    );
    assert!(!cal.day(date("2027-10-01")).estimated);
    assert_eq!(
        cal.working_days_between(date("2027-09-29"), date("2027-10-01")),
        (1, true)
    );
    assert!(cal.day(date("2027-09-30")).estimated);
    // Ending on New Year's Day 2027 (statutory) after the last week of 2026, which waits for
    // 2027's notice: estimated.
    assert!(
        cal.working_days_between(date("2026-12-20"), date("2027-01-01"))
            .1
    );
}

// --- invariants ---------------------------------------------------------------------------

fn any_day() -> impl Strategy<Value = NaiveDate> {
    (0u64..365 * 6).prop_map(|k| date("2023-01-01") + Days::new(k))
}

proptest! {
    #[test]
    fn adding_then_counting_back_gives_n(from in any_day(), n in 0u32..3000) {
        let cal = real();
        let (to, est) = cal.add_working_days(from, n);
        prop_assert_eq!(cal.working_days_between(from, to), (n, est));
        if n >= 1 {
            prop_assert!(cal.is_workday(to));
            prop_assert!(cal.add_working_days(from, n - 1).0 < to);
        }
    }

    #[test]
    fn counting_matches_a_day_by_day_walk(from in any_day(), len in 0u64..800) {
        let cal = real();
        let to = from + Days::new(len);
        let days = from.iter_days().skip(1).take_while(|d| *d <= to);
        let walked = days.clone().filter(|d| cal.is_workday(*d)).count() as u32;
        let est = days.clone().any(|d| cal.day(d).estimated);
        prop_assert_eq!(cal.working_days_between(from, to), (walked, est));
    }

    #[test]
    fn weekday_arithmetic_matches_chrono(k in -400_000i64..400_000) {
        let d = NaiveDate::from_num_days_from_ce_opt(k as i32).unwrap();
        let step = weekdays_upto(k) - weekdays_upto(k - 1);
        prop_assert_eq!(step == 1, !is_weekend(d));
    }
}
