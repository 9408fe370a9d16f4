//! `yibao calendar`: the official notices, working-day arithmetic and estimates past 2026.

use crate::support::Yibao;

#[test]
fn the_first_working_day_after_national_day_eve_2026_is_october_8() {
    let doc = Yibao::new()
        .args(["calendar", "add", "2026-09-30", "1", "--json"])
        .run()
        .code(0)
        .json();
    assert_eq!(doc["schema"], "yibao.calendar/1");
    assert_eq!(doc["date"], "2026-10-08");
    assert_eq!(doc["estimated"], false);
    assert_eq!(doc["working_days"], 1);
}

#[test]
fn a_make_up_saturday_is_a_working_day_and_a_holiday_is_not() {
    Yibao::new()
        .args(["calendar", "is-workday", "2026-10-10"])
        .run()
        .code(0)
        .stdout_has("调休上班");
    Yibao::new()
        .args(["calendar", "is-workday", "2026-10-01", "--lang", "en"])
        .run()
        .code(1)
        .stdout_has("holiday");
}

#[test]
fn dates_in_2027_are_estimates_with_a_warning() {
    let run = Yibao::new()
        .args(["calendar", "is-workday", "2027-03-01", "--lang", "en"])
        .run()
        .code(3);
    assert!(run.stdout.contains("2027"), "{}", run.stdout);
    let doc = Yibao::new()
        .args(["calendar", "add", "2026-12-20", "10", "--json"])
        .run()
        .code(0)
        .json();
    assert_eq!(doc["estimated"], true);
    assert!(doc["warning"].as_str().unwrap().contains("2027"));
}

#[test]
fn days_lists_every_day_with_its_kind() {
    let doc = Yibao::new()
        .args(["calendar", "days", "2024-01-01", "2026-12-31", "--json"])
        .run()
        .code(0)
        .json();
    let days = doc["days"].as_array().unwrap();
    assert_eq!(days.len(), 366 + 365 + 365);
    let kind = |date: &str| {
        days.iter().find(|d| d["date"] == date).unwrap()["kind"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(kind("2024-02-04"), "makeup_workday");
    assert_eq!(kind("2025-01-28"), "holiday");
    assert_eq!(kind("2026-02-23"), "holiday");
    assert_eq!(kind("2026-02-28"), "makeup_workday");
    assert_eq!(kind("2026-03-02"), "workday");
    assert_eq!(kind("2026-03-07"), "weekend");
}

#[test]
fn bad_dates_and_numbers_exit_2_naming_the_input() {
    for (args, needle) in [
        (vec!["calendar", "is-workday", "2026-02-30"], "2026-02-30"),
        (vec!["calendar", "is-workday", "2026-13-01"], "2026-13-01"),
        (vec!["calendar", "is-workday", "20261301"], "20261301"),
        (vec!["calendar", "is-workday", ""], "YYYY-MM-DD"),
        (vec!["calendar", "add", "2026-01-01", "-3"], "-3"),
        (
            vec!["calendar", "add", "2026-01-01", "99999999999"],
            "99999999999",
        ),
        (
            vec!["calendar", "days", "2026-02-01", "2026-01-01"],
            "2026-01-01",
        ),
    ] {
        Yibao::new()
            .args(&args)
            .arg("--lang")
            .arg("en")
            .run()
            .code(2)
            .stderr_has(needle);
    }
}

#[test]
fn a_count_past_the_year_9999_is_refused_not_printed_as_a_five_digit_year() {
    Yibao::new()
        .args(["calendar", "add", "9999-12-30", "100", "--lang", "en"])
        .run()
        .code(2)
        .stderr_has("past the year 9999");
}
