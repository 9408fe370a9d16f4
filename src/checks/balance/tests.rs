//! Unit tests of `yibao balance` on the shipped rules.

use chrono::NaiveDate;

use super::*;
use crate::rules::RuleSet;

fn d(s: &str) -> NaiveDate {
    crate::dates::parse_date(s).unwrap()
}

/// The answer, and how `--json` shows it.
fn run(f: &Facts, on: &str) -> (Answer<'static>, serde_json::Value) {
    static RULES: std::sync::LazyLock<RuleSet> =
        std::sync::LazyLock::new(|| RuleSet::embedded().unwrap());
    let region = f.region.as_deref().and_then(crate::region::kept_code);
    let a = check(f, &RULES.policy(region, d(on)));
    let wire = crate::render::wire::BalanceJson::new(
        &a,
        &RULES,
        crate::text::Lang::Zh,
        false,
        Default::default(),
    );
    let json = serde_json::to_value(&wire).unwrap();
    (a, json)
}

fn beijing() -> Facts {
    Facts {
        region: Some("110000".into()),
        ..Facts::default()
    }
}

#[test]
fn beijing_lists_its_own_channel_first_and_drops_the_generic_website() {
    let (v_answer, _) = run(&beijing(), "2026-03-02");
    let v = &v_answer.verdict;
    assert_eq!(v.outcome, Outcome::Yes);
    let ids: Vec<&str> = v.steps.iter().map(|s| s.said.id()).collect();
    assert_eq!(ids[0], "beijing_tong");
    assert!(!ids.contains(&"local_website"));
    assert!(ids.contains(&"hotline_12393") && ids.contains(&"bank"));
    // online before offline before phone
    let kinds: Vec<Channel> = v.steps.iter().map(|s| s.channel).collect();
    let mut sorted = kinds.clone();
    sorted.sort_by_key(|c| match c {
        Channel::Online => 0,
        Channel::Offline => 1,
        _ => 2,
    });
    assert_eq!(kinds, sorted);
}

#[test]
fn a_region_without_local_channels_gets_the_generic_website_and_a_warning() {
    let (v_answer, _) = run(
        &Facts {
            region: Some("610100".into()),
            ..Facts::default()
        },
        "2026-03-02",
    );
    let v = &v_answer.verdict;
    assert!(v.steps.iter().any(|s| s.said.id() == "local_website"));
    assert_eq!(v.warnings.len(), 1);
}

#[test]
fn after_transfer_gives_the_arrival_date_and_says_when_it_has_passed() {
    let f = Facts {
        after_transfer: true,
        submitted: Some(d("2026-09-28")),
        ..beijing()
    };
    let (v_answer, v_json) = run(&f, "2026-10-20");
    let v = &v_answer.verdict;
    assert_eq!(v_json["arrival_by"], "2026-10-23");
    assert_eq!(v_json["overdue"], false);
    assert!(v.steps.iter().any(|s| s.said.id() == "beijing_portal"));
    let (late_answer, late_json) = run(&f, "2026-11-02");
    let late = &late_answer.verdict;
    assert_eq!(late_json["overdue"], true);
    assert_eq!(late.outcome, Outcome::Yes);
}

#[test]
fn beijing_in_service_credit_is_two_percent_of_the_base() {
    let f = Facts {
        monthly: true,
        base: Some(8000.0),
        ..beijing()
    };
    let (v_answer, v_json) = run(&f, "2026-03-02");
    let v = &v_answer.verdict;
    assert_eq!(v.outcome, Outcome::Yes);
    assert_eq!(v_json["monthly"]["yuan"], 160.0);
}

#[test]
fn national_guideline_alone_gives_a_conditional_estimate() {
    let f = Facts {
        region: Some("610100".into()),
        monthly: true,
        base: Some(5000.0),
        ..Facts::default()
    };
    let (v_answer, v_json) = run(&f, "2026-03-02");
    let v = &v_answer.verdict;
    assert_eq!(v.outcome, Outcome::Conditional);
    assert_eq!(v_json["monthly"]["yuan"], 100.0);
    assert!(v_json["conditions"][0]["fix"].is_string());
}

#[test]
fn beijing_retirees_get_the_band_for_their_age() {
    let f = Facts {
        monthly: true,
        retired: true,
        age: Some(72),
        ..beijing()
    };
    let (v_answer, v_json) = run(&f, "2026-03-02");
    let v = &v_answer.verdict;
    assert_eq!(v.outcome, Outcome::Yes);
    assert_eq!(v_json["monthly"]["yuan"], 110.0);
    let (unknown_age_answer, _) = run(
        &Facts {
            age: None,
            ..f.clone()
        },
        "2026-03-02",
    );
    let unknown_age = &unknown_age_answer.verdict;
    assert_eq!(unknown_age.outcome, Outcome::Conditional);
}

#[test]
fn residents_have_no_personal_account() {
    let f = Facts {
        monthly: true,
        scheme: Some(Scheme::Resident),
        ..beijing()
    };
    let (v_answer, _) = run(&f, "2026-03-02");
    let v = &v_answer.verdict;
    assert_eq!(v.outcome, Outcome::No);
    assert_eq!(v.blockers.len(), 1);
}

#[test]
fn before_the_reform_no_credit_rule_is_in_force() {
    let f = Facts {
        monthly: true,
        base: Some(5000.0),
        ..Facts::default()
    };
    let (v_answer, v_json) = run(&f, "2020-06-01");
    let v = &v_answer.verdict;
    assert_eq!(v.outcome, Outcome::Conditional);
    assert!(v_json["monthly"].get("yuan").is_none());
}
