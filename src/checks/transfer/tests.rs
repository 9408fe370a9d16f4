//! The transfer check on the embedded rules: outcomes, blockers, the waiting-period readings
//! and the deadlines, each named by the situation it answers.

use chrono::NaiveDate;

use super::*;
use crate::checks::answers::Naming;
use crate::dates::parse_month;
use crate::rules::RuleSet;
use crate::verdict::Limit;

fn d(s: &str) -> NaiveDate {
    crate::dates::parse_date(s).unwrap()
}

/// An employee moving from 西安 to 北京 for a new job, everything done, no gap.
fn ready() -> Facts {
    Facts {
        from: "610100".into(),
        to: "110000".into(),
        scheme: Some(Scheme::Employee),
        reason: Some(Reason::Job),
        retired: Some(false),
        flexible: Some(false),
        origin_stopped: Some(true),
        destination_enrolled: Some(true),
        arrears: Some(false),
        account_frozen: Some(false),
        last_paid: Some(parse_month("2026-08").unwrap()),
        paid_from: Some(parse_month("2026-09").unwrap()),
        ..Facts::default()
    }
}

fn rules() -> &'static RuleSet {
    static RULES: std::sync::LazyLock<RuleSet> =
        std::sync::LazyLock::new(|| RuleSet::embedded().unwrap());
    &RULES
}

fn run(f: &Facts, on: &str) -> Answer<'static> {
    let to = crate::region::kept_code(&f.to);
    check(f, &rules().policy(to, d(on)))
}

/// The waiting period as `--json` shows it.
fn waiting(a: &Answer) -> serde_json::Value {
    json(a)["waiting_period"].clone()
}

/// The whole answer as `--json` shows it (Chinese).
fn json(a: &Answer) -> serde_json::Value {
    let wire = crate::render::wire::TransferJson::new(
        a,
        rules(),
        crate::text::Lang::Zh,
        false,
        Default::default(),
    );
    serde_json::to_value(&wire).unwrap()
}

/// How to clear a blocker, in `lang`.
fn fix(a: &Answer, s: &crate::verdict::Statement, lang: crate::text::Lang) -> String {
    let cx = crate::render::text::transfer::context(a, lang, crate::render::text::Voice::Flags);
    cx.fix(&s.said).unwrap().into_owned()
}

#[test]
fn an_employee_with_everything_done_and_no_gap_is_ready_with_dates_from_today() {
    let a = run(&ready(), "2026-11-23");
    let v = &a.verdict;
    assert_eq!(v.outcome, Outcome::Yes);
    assert!(v.blockers.is_empty() && v.conditions.is_empty());
    assert_eq!(waiting(&a)["rule"], "continuous");
    assert_eq!(waiting(&a)["months"], 0);
    assert_eq!(v.deadlines[0].limit, Limit::TransferOut);
    assert_eq!(v.deadlines[0].date, d("2026-12-07"));
    assert_eq!(v.deadlines[1].limit, Limit::TransferComplete);
    assert_eq!(v.deadlines[1].date, d("2026-12-14"));
    assert_eq!(json(&a)["deadlines_from"]["basis"], "if_applied_today");
    assert!(v.materials.iter().any(|m| m.said.id() == "job_proof"));
    assert!(
        v.carries_over
            .iter()
            .any(|c| c.said.id() == "account_balance")
    );
    assert!(
        v.carries_over
            .iter()
            .any(|c| c.said.id() == "contribution_years")
    );
}

#[test]
fn a_move_within_one_pooling_area_needs_no_transfer() {
    let f = Facts {
        from: "110000".into(),
        to: "110000".into(),
        ..Facts::default()
    };
    let a = run(&f, "2026-03-02");
    let v = &a.verdict;
    assert_eq!(v.outcome, Outcome::Yes);
    assert!(a.same_pooling_area);
    assert!(v.steps.is_empty() && v.deadlines.is_empty());
    assert_eq!(v.notes[0].said.id(), "same_area");
}

#[test]
fn a_retiree_is_outside_the_transfer_rules() {
    let a = run(
        &Facts {
            retired: Some(true),
            ..ready()
        },
        "2026-03-02",
    );
    let v = &a.verdict;
    assert_eq!(v.outcome, Outcome::No);
    assert_eq!(v.blockers.len(), 1);
    assert_eq!(v.blockers[0].said.id(), "retired");
    // What they can do instead: a resettled retiree's filing, and nothing of a transfer.
    let steps: Vec<&str> = v.steps.iter().map(|s| s.said.id()).collect();
    assert_eq!(steps, ["resettled_filing", "treated_both_places"]);
    assert!(v.conditions.is_empty());
}

#[test]
fn after_a_no_only_what_clears_the_blocker_is_listed() {
    let a = run(
        &Facts {
            arrears: Some(true),
            origin_stopped: None,
            ..ready()
        },
        "2026-03-02",
    );
    assert_eq!(a.verdict.outcome, Outcome::No);
    assert!(a.verdict.conditions.is_empty());
}

#[test]
fn months_paid_in_both_places_are_a_condition_not_an_error() {
    let f = Facts {
        last_paid: Some(parse_month("2026-09").unwrap()),
        paid_from: Some(parse_month("2026-08").unwrap()),
        ..ready()
    };
    assert!(f.contradiction(d("2026-11-23"), Naming::Flags).is_none());
    let a = run(&f, "2026-11-23");
    assert_eq!(a.verdict.outcome, Outcome::Conditional);
    assert!(
        a.verdict
            .conditions
            .iter()
            .any(|c| c.said.id() == "paid_twice")
    );
    assert_eq!(
        a.paid_twice,
        Some((
            parse_month("2026-08").unwrap(),
            parse_month("2026-09").unwrap()
        ))
    );
}

/// The sources of an answer, by id, as `--json` lists them.
fn sources(a: &Answer) -> Vec<String> {
    let cited = json(a)["citations"].clone();
    (cited.as_array().unwrap().iter())
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn who_paid_twice_is_told_the_rule_of_their_own_scheme_and_which_refund_to_ask_about() {
    let twice = |scheme, new_scheme| Facts {
        scheme: Some(scheme),
        new_scheme,
        last_paid: Some(parse_month("2026-09").unwrap()),
        paid_from: Some(parse_month("2026-08").unwrap()),
        ..ready()
    };
    let refund = crate::render::text::transfer::refund_command;
    // Two employee enrolments: the employees' rule, not the residents' refund rule.
    let employee = run(&twice(Scheme::Employee, None), "2026-11-23");
    assert!(sources(&employee).contains(&"yunfu-refund-qa".to_string()));
    assert!(!sources(&employee).contains(&"longan-2024-03-27".to_string()));
    assert_eq!(
        refund(&employee).unwrap(),
        "yibao refund --situation paid_twice --region 610100 --scheme employee"
    );
    // Two resident enrolments: the residents' refund rule.
    let resident = run(&twice(Scheme::Resident, None), "2026-11-23");
    assert!(sources(&resident).contains(&"longan-2024-03-27".to_string()));
    assert!(
        refund(&resident)
            .unwrap()
            .ends_with("--situation paid_twice --region 610100 --scheme resident")
    );
    // Employee at the origin, resident at the destination: employee insurance is kept, and
    // the resident payments (at the destination) are the ones to ask about.
    let across = run(
        &twice(Scheme::Employee, Some(Scheme::Resident)),
        "2026-11-23",
    );
    let said = |a: &Answer| {
        (a.verdict.conditions.iter())
            .filter(|c| c.said.id() == "paid_twice")
            .count()
    };
    assert_eq!((said(&employee), said(&resident), said(&across)), (1, 1, 1));
    assert!(sources(&across).contains(&"luoyang-duplicate-cleanup".to_string()));
    assert_eq!(
        refund(&across).unwrap(),
        "yibao refund --situation employee_and_resident --region 110000 --scheme resident"
    );
    let back = run(
        &twice(Scheme::Resident, Some(Scheme::Employee)),
        "2026-11-23",
    );
    assert_eq!(
        refund(&back).unwrap(),
        "yibao refund --situation employee_and_resident --region 610100 --scheme resident"
    );
}

#[test]
fn a_flexible_worker_stops_and_enrols_without_an_employer() {
    let a = run(
        &Facts {
            flexible: Some(true),
            origin_stopped: Some(false),
            destination_enrolled: Some(false),
            ..ready()
        },
        "2026-03-02",
    );
    let v = &a.verdict;
    let employer = v
        .steps
        .iter()
        .filter(|s| s.who == crate::vocab::Who::Employer);
    assert_eq!(employer.count(), 0);
    assert!(v.notes.iter().all(|n| n.said.id() != "employer_may_apply"));
    assert!(v.notes.iter().any(|n| n.said.id() == "flexible_hukou"));
}

#[test]
fn benefits_start_on_a_date() {
    let a = run(&ready(), "2026-03-02");
    let w = a.waiting.unwrap();
    assert_eq!(w.benefits_from, Some(d("2026-09-01")));
    // Qingdao's example: 2025 and 2026 missed, 2027 paid → 3 + 1 months → 2027-05-01.
    let r = run(
        &Facts {
            scheme: Some(Scheme::Resident),
            account_frozen: None,
            last_paid: Some(parse_month("2024-12").unwrap()),
            paid_from: Some(parse_month("2027-01").unwrap()),
            ..ready()
        },
        "2026-11-23",
    );
    let w = r.waiting.unwrap();
    assert_eq!(w.benefits_from, Some(d("2027-05-01")));
    assert_eq!(w.benefits_from_after_repair, Some(d("2027-04-01")));
    let readings = w.readings.unwrap();
    assert_eq!(readings.used(), "missed_minus_one");
    assert_eq!(readings.other_months, 5);
    assert_eq!(readings.other_benefits_from, Some(d("2027-06-01")));
}

#[test]
fn a_resident_sees_the_enrolment_window_and_its_warning() {
    let f = Facts {
        scheme: Some(Scheme::Resident),
        account_frozen: None,
        destination_enrolled: Some(false),
        last_paid: Some(parse_month("2026-12").unwrap()),
        paid_from: Some(parse_month("2027-01").unwrap()),
        ..ready()
    };
    let open = run(&f, "2026-11-25").window.unwrap();
    // 2026-11-25 to 2026-12-31, both counted.
    assert_eq!(open.standing, super::window::Standing::Open(37));
    let a = run(&f, "2026-12-05");
    let w = a.window.unwrap();
    assert_eq!(
        (w.from, w.to, w.for_year),
        (d("2026-09-01"), d("2026-12-31"), 2027)
    );
    assert!(w.estimated);
    assert_eq!(w.standing, super::window::Standing::Closing(27));
    assert!(
        a.verdict
            .warnings
            .iter()
            .any(|w| matches!(w, crate::verdict::Warning::EnrolmentClosing { .. }))
    );
    // For 2026, the window closed at the end of 2025: the fixed waiting period.
    let late = run(
        &Facts {
            paid_from: Some(parse_month("2026-01").unwrap()),
            last_paid: Some(parse_month("2025-12").unwrap()),
            ..f
        },
        "2026-11-25",
    );
    let w = late.window.unwrap();
    assert_eq!(w.standing, super::window::Standing::Closed);
    assert_eq!(w.late_benefits_from, Some(d("2027-02-25")));
}

#[test]
fn every_failing_condition_is_a_blocker_with_the_right_fix_for_the_scheme() {
    let a = run(
        &Facts {
            origin_stopped: Some(false),
            destination_enrolled: Some(false),
            arrears: Some(true),
            account_frozen: Some(true),
            ..ready()
        },
        "2026-03-02",
    );
    let v = &a.verdict;
    assert_eq!(v.outcome, Outcome::No);
    let ids: Vec<&str> = v.blockers.iter().map(|b| b.said.id()).collect();
    assert_eq!(
        ids,
        [
            "origin_stopped",
            "destination_enrolled",
            "arrears",
            "account_frozen"
        ]
    );
    assert!(fix(&a, &v.blockers[0], crate::text::Lang::Zh).contains("单位人事部门"));
    // The employer's steps come first.
    assert_eq!(v.steps[0].said.id(), "stop_origin");
    assert_eq!(v.steps[0].who, Who::Employer);
}

#[test]
fn a_resident_stops_the_origin_herself_and_is_not_asked_about_an_account() {
    let f = Facts {
        scheme: Some(Scheme::Resident),
        reason: Some(Reason::Hukou),
        retired: None,
        account_frozen: None,
        origin_stopped: Some(false),
        ..ready()
    };
    let a = run(&f, "2026-03-02");
    let v = &a.verdict;
    assert_eq!(v.outcome, Outcome::No);
    assert!(fix(&a, &v.blockers[0], crate::text::Lang::Zh).contains("本人"));
    assert!(v.conditions.is_empty(), "{:?}", v.conditions);
    assert_eq!(v.steps[0].who, Who::Person);
    assert!(
        v.materials
            .iter()
            .any(|m| m.said.id() == "household_register")
    );
    assert!(
        !v.carries_over
            .iter()
            .any(|c| c.said.id() == "account_balance")
    );
}

#[test]
fn a_resident_not_yet_enrolled_at_the_destination_waits_for_next_year() {
    let f = Facts {
        scheme: Some(Scheme::Resident),
        destination_enrolled: Some(false),
        ..ready()
    };
    let a = run(&f, "2026-03-02");
    let v = &a.verdict;
    assert_eq!(v.outcome, Outcome::No);
    let b = &v.blockers[0];
    assert_eq!(b.said.id(), "destination_enrolled");
    assert!(fix(&a, b, crate::text::Lang::En).contains("next year"));
}

#[test]
fn unknown_facts_make_it_conditional_and_name_their_flags() {
    let f = Facts {
        from: "610100".into(),
        to: "110000".into(),
        scheme: Some(Scheme::Employee),
        ..Facts::default()
    };
    let a = run(&f, "2026-03-02");
    let v = &a.verdict;
    assert_eq!(v.outcome, Outcome::Conditional);
    assert_eq!(v.conditions.len(), 5);
    assert!(fix(&a, &v.conditions[1], crate::text::Lang::En).contains("--origin-stopped"));
    assert_eq!(waiting(&a)["rule"], "unknown");
}

#[test]
fn an_employee_gap_of_two_months_may_be_paid_up_firmly_on_a_state_media_report() {
    let a = run(
        &Facts {
            paid_from: Some(parse_month("2026-11").unwrap()),
            ..ready()
        },
        "2026-11-23",
    );
    let v = &a.verdict;
    let w = waiting(&a);
    assert_eq!(w["rule"], "gap_payable");
    assert_eq!(w["gap_months"], 2);
    assert_eq!(w["months"], 0);
    // The 3-month rule rests on 人民日报海外版 read on a state-media host (official).
    assert_eq!(w["unverified"], false);
    assert_eq!(v.outcome, Outcome::Yes);
    assert!(v.steps.iter().any(|s| s.said.id() == "pay_gap"));
}

#[test]
fn a_five_month_gap_leaves_the_waiting_period_to_local_rules_up_to_six_months() {
    let a = run(
        &Facts {
            paid_from: Some(parse_month("2027-02").unwrap()),
            ..ready()
        },
        "2026-11-23",
    );
    let v = &a.verdict;
    let w = waiting(&a);
    assert_eq!(w["rule"], "gap_over_limit");
    assert_eq!(w["gap_months"], 5);
    assert_eq!(w["up_to_months"], 6);
    assert!(w["months"].is_null());
    assert_eq!(v.outcome, Outcome::Conditional);
}

#[test]
fn jiangsu_caps_the_waiting_period_after_a_long_gap_at_three_months() {
    let a = run(
        &Facts {
            to: "320500".into(),
            paid_from: Some(parse_month("2027-02").unwrap()),
            ..ready()
        },
        "2026-11-23",
    );
    assert_eq!(waiting(&a)["up_to_months"], 3);
}

#[test]
fn a_change_of_scheme_needs_two_continuous_years_for_the_gap_rule() {
    let base = Facts {
        new_scheme: Some(Scheme::Resident),
        paid_from: Some(parse_month("2026-10").unwrap()),
        ..ready()
    };
    let unknown = run(&base, "2026-11-23");
    assert_eq!(waiting(&unknown)["rule"], "cross_scheme_years_unknown");
    let short = run(
        &Facts {
            continuous_years: Some(1),
            ..base.clone()
        },
        "2026-11-23",
    );
    assert_eq!(waiting(&short)["rule"], "cross_scheme_short");
    let long = run(
        &Facts {
            continuous_years: Some(5),
            ..base.clone()
        },
        "2026-11-23",
    );
    assert_eq!(waiting(&long)["rule"], "gap_payable");
    assert!(
        long.verdict
            .carries_over
            .iter()
            .any(|c| c.said.id() == "account_to_resident")
    );
}

#[test]
fn a_resident_who_missed_two_years_waits_three_plus_one_months() {
    let f = Facts {
        scheme: Some(Scheme::Resident),
        last_paid: Some(parse_month("2024-12").unwrap()),
        paid_from: Some(parse_month("2027-01").unwrap()),
        ..ready()
    };
    let w = waiting(&run(&f, "2026-11-23"));
    assert_eq!(w["rule"], "resident_missed_years");
    assert_eq!(w["missed_years"], 2);
    assert_eq!(w["months"], 4);
    assert_eq!(w["min_after_repair_months"], 3);
}

#[test]
fn a_resident_who_missed_five_years_cannot_repair_below_six_months() {
    let f = Facts {
        scheme: Some(Scheme::Resident),
        last_paid: Some(parse_month("2021-12").unwrap()),
        paid_from: Some(parse_month("2027-01").unwrap()),
        ..ready()
    };
    let w = waiting(&run(&f, "2026-11-23"));
    assert_eq!(w["missed_years"], 5);
    assert_eq!(w["months"], 7);
    assert_eq!(w["min_after_repair_months"], 6);
}

#[test]
fn before_2025_there_is_no_national_resident_waiting_rule() {
    let f = Facts {
        scheme: Some(Scheme::Resident),
        last_paid: Some(parse_month("2021-12").unwrap()),
        paid_from: Some(parse_month("2024-01").unwrap()),
        ..ready()
    };
    let w = waiting(&run(&f, "2024-03-01"));
    assert_eq!(w["rule"], "no_rule_in_force");
    assert_eq!(w["conditional"], true);
}

#[test]
fn an_application_accepted_before_national_day_counts_the_holiday_and_make_up_day() {
    let f = Facts {
        submitted: Some(d("2026-09-28")),
        origin_stopped: None,
        destination_enrolled: None,
        ..ready()
    };
    let a = run(&f, "2026-10-20");
    let v = &a.verdict;
    assert_eq!(v.outcome, Outcome::Yes, "{:?}", v.conditions);
    assert_eq!(v.deadlines[0].date, d("2026-10-16"));
    assert_eq!(v.deadlines[1].date, d("2026-10-23"));
    let full = json(&a);
    let st = &full["status"];
    assert_eq!(st["next"], "transfer_complete");
    assert_eq!(st["passed"], serde_json::json!(["transfer_out"]));
    assert_eq!(st["overdue"], false);
    // 09-29, 09-30, 10-08, 10-09, 10-10 (make-up Saturday), 10-12..16, 10-19, 10-20
    assert_eq!(st["working_days_elapsed"], 12);
    assert!(!v.steps.iter().any(|s| s.said.id() == "apply_online"));
}

#[test]
fn past_both_limits_the_plan_says_how_to_chase_it() {
    let f = Facts {
        submitted: Some(d("2026-09-28")),
        ..ready()
    };
    let a = run(&f, "2026-11-02");
    let v = &a.verdict;
    assert!(a.status.as_ref().unwrap().overdue());
    assert!(v.steps.iter().any(|s| s.said.id() == "ask_destination"));
    assert!(v.notes.iter().any(|n| n.said.id() == "hotline_caveat"));
}

#[test]
fn dates_past_the_calendar_are_marked_estimated() {
    let a = run(
        &Facts {
            submitted: Some(d("2027-03-01")),
            ..ready()
        },
        "2027-03-02",
    );
    let v = &a.verdict;
    assert!(v.deadlines.iter().all(|d| d.estimated));
    assert!(!v.warnings.is_empty());
}

/// A contradiction as the message in English says it.
fn said(c: crate::checks::answers::Contradiction) -> String {
    crate::error::Error::Contradiction(c)
        .lines(crate::text::Lang::En)
        .join(" ")
}

#[test]
fn contradictions_are_named() {
    let g = Facts {
        submitted: Some(d("2026-12-01")),
        ..ready()
    };
    assert!(said(g.contradiction(d("2026-11-23"), Naming::Flags).unwrap()).contains("--submitted"));
    assert!(
        ready()
            .contradiction(d("2026-11-23"), Naming::Flags)
            .is_none()
    );
}

#[test]
fn the_equivalent_command_states_every_known_fact() {
    assert_eq!(
        ready().command(),
        "yibao transfer --from 610100 --to 110000 --scheme employee --reason job --retired no --flexible no --origin-stopped yes --destination-enrolled yes --arrears no --account-frozen no --last-paid 2026-08 --paid-from 2026-09"
    );
}

#[test]
fn facts_read_from_json_accept_yes_no_words_and_booleans() {
    let f: Facts = serde_json::from_str(
        r#"{"from":"610100","to":"110000","scheme":"employee","retired":"no","arrears":false,"last_paid":"2026-08"}"#,
    )
    .unwrap();
    assert_eq!(f.retired, Some(false));
    assert_eq!(f.arrears, Some(false));
    assert!(serde_json::from_str::<Facts>(r#"{"retired":"maybe"}"#).is_err());
    assert!(serde_json::from_str::<Facts>(r#"{"last_paid":"2026-13"}"#).is_err());
    assert!(serde_json::from_str::<Facts>(r#"{"colour":"red"}"#).is_err());
}
