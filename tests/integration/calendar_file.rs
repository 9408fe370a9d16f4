//! `--ics FILE`: the dates of an answer as an iCalendar file, read back with an independent
//! parser (the `ical` crate): one all-day event per deadline and a reminder before each,
//! stable UIDs, folded CRLF lines, atomic writes and refusals with exit 2.

use std::path::Path;

use crate::support::{READY_MOVE as MOVE, Yibao};

/// An event as the parser read it: each property's name and value.
type Props = Vec<(String, String)>;

fn events(path: &Path) -> Vec<Props> {
    let file = std::io::BufReader::new(std::fs::File::open(path).unwrap());
    let mut calendars = ical::IcalParser::new(file);
    let cal = calendars.next().expect("one calendar").expect("it parses");
    assert!(calendars.next().is_none(), "one calendar only");
    cal.events
        .into_iter()
        .map(|e| {
            e.properties
                .into_iter()
                .map(|p| (p.name, p.value.unwrap_or_default()))
                .collect()
        })
        .collect()
}

fn get<'a>(event: &'a Props, name: &str) -> &'a str {
    event
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or_else(|| panic!("no {name} in {event:?}"))
}

fn run_ics(args: &[&str], on: &str, file: &Path) -> crate::support::Run {
    Yibao::new()
        .args(args)
        .on(on)
        .args(["--ics", file.to_str().unwrap()])
        .run()
}

#[test]
fn a_transfer_plan_gives_each_deadline_and_a_reminder_three_working_days_before() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plan.ics");
    run_ics(MOVE, "2026-10-20", &file)
        .code(0)
        .stdout_has("2026-11-03");
    let list = events(&file);
    let days: Vec<(&str, &str)> = list
        .iter()
        .map(|e| (get(e, "UID"), get(e, "DTSTART")))
        .collect();
    // transfer_out 2026-11-03 (reminder 3 working days before: 10-29), transfer_complete
    // 2026-11-10 (reminder 11-05).
    let dates: Vec<&str> = days.iter().map(|(_, d)| *d).collect();
    assert_eq!(dates, ["20261029", "20261103", "20261105", "20261110"]);
    assert!(
        days[0].0.ends_with("-transfer_out-reminder@yibao"),
        "{days:?}"
    );
    assert!(days[1].0.ends_with("-transfer_out@yibao"));
    for e in &list {
        assert_eq!(get(e, "DTSTAMP"), "20261020T000000Z");
        // All-day: the end is the next day.
        let start: u32 = get(e, "DTSTART").parse().unwrap();
        assert!(get(e, "DTEND").parse::<u32>().unwrap() > start);
    }
    // Escaped text comes back as written: the parser unfolds lines, the commas stay escaped
    // in the raw value (ical leaves TEXT unescaping to the caller).
    let summary = get(&list[1], "SUMMARY");
    assert!(summary.contains("转出地办结转出"), "{summary}");
    assert!(get(&list[1], "DESCRIPTION").contains("--submitted"));
}

#[test]
fn the_file_has_crlf_lines_of_at_most_75_octets() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plan.ics");
    run_ics(MOVE, "2026-10-20", &file).code(0);
    let bytes = std::fs::read(&file).unwrap();
    let text = String::from_utf8(bytes).expect("UTF-8, no character split");
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
        assert!(!line.contains('\n') && !line.contains('\r'), "{line:?}");
    }
    assert!(text.contains("\r\n "), "long lines are folded");
}

#[test]
fn the_same_case_gives_the_same_file_and_an_acceptance_date_updates_the_same_events() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b, c) = (
        dir.path().join("a.ics"),
        dir.path().join("b.ics"),
        dir.path().join("c.ics"),
    );
    run_ics(MOVE, "2026-10-20", &a).code(0);
    run_ics(MOVE, "2026-10-20", &b).code(0);
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    let mut accepted = MOVE.to_vec();
    accepted.extend(["--submitted", "2026-09-28"]);
    run_ics(&accepted, "2026-10-20", &c).code(0);
    let uids = |p: &Path| -> Vec<String> {
        events(p)
            .iter()
            .map(|e| get(e, "UID").to_string())
            .collect()
    };
    assert_eq!(uids(&a), uids(&c));
    let dates: Vec<String> = events(&c)
        .iter()
        .map(|e| get(e, "DTSTART").to_string())
        .collect();
    // From 2026-09-28: the 10th working day skips the National Day holiday.
    assert_eq!(dates[1], "20261016");
    // Another move has other UIDs.
    let other = dir.path().join("other.ics");
    let mut elsewhere = MOVE.to_vec();
    elsewhere[4] = "上海";
    run_ics(&elsewhere, "2026-10-20", &other).code(0);
    assert!(uids(&other).iter().all(|u| !uids(&a).contains(u)));
}

#[test]
fn a_fixed_waiting_period_adds_the_day_benefits_start() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("w.ics");
    run_ics(
        &[
            "transfer",
            "--from",
            "西安",
            "--to",
            "北京",
            "--scheme",
            "resident",
            "--last-paid",
            "2024-12",
            "--paid-from",
            "2027-01",
        ],
        "2026-10-20",
        &file,
    )
    .code(3);
    let list = events(&file);
    let end = list
        .iter()
        .find(|e| get(e, "UID").contains("waiting_period_end"))
        .expect("a waiting-period event");
    // Two years missed: 3 + 1 months from January 2027.
    assert_eq!(get(end, "DTSTART"), "20270501");
    // A resident also gets the last day of the enrolment window for 2027, with its reminder.
    let window = list
        .iter()
        .find(|e| get(e, "UID").ends_with("-enrolment_window_end@yibao"))
        .expect("an enrolment-window event");
    assert_eq!(get(window, "DTSTART"), "20261231");
    assert_eq!(list.len(), 7, "no reminder for the waiting period");
}

#[test]
fn status_merge_and_balance_write_the_same_move_under_the_same_uids() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.json");
    let mut save = MOVE.to_vec();
    save.extend([
        "--submitted",
        "2026-09-28",
        "--save",
        plan.to_str().unwrap(),
    ]);
    Yibao::new().args(&save).on("2026-10-20").run().code(0);
    let status = dir.path().join("status.ics");
    run_ics(&["status", plan.to_str().unwrap()], "2026-10-20", &status).code(0);
    let merge = dir.path().join("merge.ics");
    run_ics(
        &[
            "merge",
            "--from",
            "西安",
            "--to",
            "北京",
            "--submitted",
            "2026-09-28",
        ],
        "2026-10-20",
        &merge,
    )
    .code(3);
    let balance = dir.path().join("balance.ics");
    run_ics(
        &[
            "balance",
            "--region",
            "北京",
            "--after-transfer",
            "--from",
            "西安",
            "--submitted",
            "2026-09-28",
        ],
        "2026-10-20",
        &balance,
    )
    .code(0);
    let key = |p: &Path| -> Vec<(String, String)> {
        events(p)
            .iter()
            .map(|e| (get(e, "UID").to_string(), get(e, "DTSTART").to_string()))
            .collect()
    };
    assert_eq!(key(&status), key(&merge));
    assert_eq!(key(&status), key(&balance));
    assert_eq!(key(&status)[1].1, "20261016");
}

#[test]
fn a_failed_or_refused_write_is_exit_2_and_prints_no_answer() {
    let dir = tempfile::tempdir().unwrap();
    // A folder that does not exist.
    let missing = dir.path().join("no-such-folder").join("plan.ics");
    run_ics(MOVE, "2026-10-20", &missing)
        .code(2)
        .stdout_lacks("2026-11-03")
        .stderr_has("plan.ics");
    // A file yibao did not write is left alone.
    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "my notes\n").unwrap();
    run_ics(MOVE, "2026-10-20", &notes).code(2);
    assert_eq!(std::fs::read_to_string(&notes).unwrap(), "my notes\n");
    // A directory.
    run_ics(MOVE, "2026-10-20", dir.path()).code(2);
    // Its own earlier file is replaced, and no temporary file is left behind.
    let ours = dir.path().join("ours.ics");
    run_ics(MOVE, "2026-10-20", &ours).code(0);
    run_ics(MOVE, "2026-10-21", &ours).code(0);
    assert!(
        std::fs::read_to_string(&ours)
            .unwrap()
            .contains("DTSTAMP:20261021")
    );
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
}

#[test]
fn an_answer_without_dates_writes_no_calendar() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("none.ics");
    // Within one pooling area there is nothing to move.
    run_ics(
        &["transfer", "--from", "110105", "--to", "110108"],
        "2026-10-20",
        &file,
    )
    .code(2)
    .stderr_has("--submitted");
    assert!(!file.exists());
    // A blocked transfer has no dates either.
    run_ics(
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
        "2026-10-20",
        &file,
    )
    .code(2)
    .stderr_has("未写文件");
    assert!(!file.exists());
    // --ics on balance needs --after-transfer.
    Yibao::new()
        .args([
            "balance",
            "--region",
            "北京",
            "--ics",
            file.to_str().unwrap(),
        ])
        .run()
        .code(2);
}

#[test]
fn calendar_words_are_in_the_language_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("en.ics");
    let mut en = MOVE.to_vec();
    en.extend(["--lang", "en"]);
    run_ics(&en, "2026-10-20", &file).code(0);
    let list = events(&file);
    assert!(get(&list[0], "SUMMARY").starts_with("Reminder"), "{list:?}");
}
