//! Unit tests of `checks::refund` and the table walk of `checks::decide`, on the shipped
//! `rules/refund.toml`.

use super::*;
use crate::rules::RuleSet;

/// An answer, with how `--json` shows it (`extra`) and its summary in both languages.
struct Seen {
    answer: Answer<'static>,
    extra: serde_json::Value,
    summary: crate::text::Text,
}

impl std::ops::Deref for Seen {
    type Target = crate::verdict::Verdict<'static>;
    fn deref(&self) -> &Self::Target {
        &self.answer.verdict
    }
}

fn run(f: &Facts) -> Seen {
    static RULES: std::sync::LazyLock<RuleSet> =
        std::sync::LazyLock::new(|| RuleSet::embedded().unwrap());
    let on = crate::dates::parse_date("2026-03-02").unwrap();
    let region = f.region.as_deref().and_then(crate::region::kept_code);
    let answer = check(f, &RULES.policy(region, on));
    let json = |lang| {
        let wire =
            crate::render::wire::RefundJson::new(&answer, &RULES, lang, false, Default::default());
        serde_json::to_value(&wire).unwrap()
    };
    let (zh, en) = (json(crate::text::Lang::Zh), json(crate::text::Lang::En));
    let summary = crate::text::Text::new(
        zh["summary"].as_str().unwrap().to_string(),
        en["summary"].as_str().unwrap().to_string(),
    );
    Seen {
        extra: zh,
        summary,
        answer,
    }
}

fn chongqing(situation: &str) -> Facts {
    Facts {
        region: Some("500000".into()),
        situation: Some(situation.into()),
        ..Facts::default()
    }
}

fn case_id(v: &Seen) -> &str {
    v.extra["case"]["id"].as_str().unwrap()
}

#[test]
fn two_employers_in_chongqing_get_no_refund_of_the_employer_part() {
    let v = run(&chongqing("two_employers"));
    assert_eq!(case_id(&v), "cq_two_employers");
    assert_eq!(v.extra["case"]["stated_outcome"], "no");
    // the `no` rests on one reported article: conditional, like a reported `yes`
    assert_eq!(v.outcome, Outcome::Conditional);
    assert!(v.conditions.iter().any(|c| c.said.id() == "reported_only"));
    assert!(v.steps.is_empty(), "no steps to apply for a refused refund");
}

#[test]
fn a_refund_resting_only_on_reports_is_conditional_not_yes() {
    let v = run(&Facts {
        situation: Some("paid_twice".into()),
        scheme: Some(Scheme::Employee),
        benefit_started: Some(false),
        ..Facts::default()
    });
    assert_eq!(case_id(&v), "employee_twice_before_benefit");
    assert_eq!(v.extra["case"]["stated_outcome"], "yes");
    assert_eq!(v.outcome, Outcome::Conditional);
    assert!(v.conditions.iter().any(|c| c.said.id() == "reported_only"));
    assert!(!v.steps.is_empty() && !v.materials.is_empty());
}

#[test]
fn in_chongqing_its_own_rule_overrides_the_general_one() {
    let v = run(&Facts {
        benefit_started: Some(true),
        ..chongqing("employee_and_resident")
    });
    assert_eq!(case_id(&v), "cq_employee_and_resident");
    assert_eq!(v.extra["case"]["stated_outcome"], "no");
    let elsewhere = run(&Facts {
        region: Some("110000".into()),
        ..chongqing("employee_and_resident")
    });
    assert_eq!(elsewhere.outcome, Outcome::Conditional);
    assert!(
        elsewhere
            .conditions
            .iter()
            .any(|c| c.said.id() == "benefit_started")
    );
}

#[test]
fn with_nothing_known_the_first_question_is_what_happened() {
    let rules = RuleSet::embedded().unwrap();
    let file = &rules.procedures.refund;
    let answers = Answers::new();
    let rows = decide::candidates(file, &answers);
    assert_eq!(
        decide::next_question(file, &rows, &answers, &[]),
        Some("situation")
    );
}

#[test]
fn every_case_is_reached_by_answering_its_own_when() {
    let rules = RuleSet::embedded().unwrap();
    let file = &rules.procedures.refund;
    for (layer, case) in file.cases() {
        let mut answers: Answers = case
            .when
            .iter()
            .map(|(q, a)| (q.get_ref().clone(), a[0].get_ref().clone()))
            .collect();
        if let Some(code) = layer {
            answers.insert(REGION.into(), code.into());
        }
        match decide::state(file, &answers) {
            State::Decided(row) => assert_eq!(row.case.id.get_ref(), case.id.get_ref()),
            State::Open(rows) => panic!(
                "{} not decided: {:?}",
                case.id.get_ref(),
                rows.iter().map(|r| r.case.id.get_ref()).collect::<Vec<_>>()
            ),
        }
    }
}

#[test]
fn answers_no_case_fits_are_conditional_with_no_candidates() {
    let v = run(&Facts {
        situation: Some("lump_sum".into()),
        region: Some("110000".into()),
        ..Facts::default()
    });
    assert_eq!(v.outcome, Outcome::Conditional);
    assert!(v.extra.get("candidates").is_none());
    assert!(v.summary.en.contains("no case"));
}

#[test]
fn a_case_named_without_its_region_is_conditional_on_the_region() {
    let v = run(&Facts {
        case: Some("cq_two_employers".into()),
        ..Facts::default()
    });
    assert_eq!(v.outcome, Outcome::Conditional);
    assert_eq!(v.conditions[0].said.id(), "region");
    let there = run(&Facts {
        case: Some("两个单位缴费".into()),
        region: Some("500000".into()),
        ..Facts::default()
    });
    assert_eq!(there.outcome, Outcome::Conditional);
    assert!(!there.conditions.iter().any(|c| c.said.id() == "region"));
}

#[test]
fn facts_read_from_json_use_the_flag_names_and_refuse_unknown_ones() {
    let f: Facts = serde_json::from_str(
        r#"{"region":"500000","situation":"two_employers","scheme":"employee","tier_one":false}"#,
    )
    .unwrap();
    assert_eq!(f.scheme, Some(Scheme::Employee));
    assert_eq!(run(&f).extra["case"]["stated_outcome"], "no");
    assert!(serde_json::from_str::<Facts>(r#"{"situaton":"died"}"#).is_err());
}

#[test]
fn in_chongqing_a_resident_who_paid_twice_before_the_benefit_period_still_gets_the_national_refund()
{
    let v = run(&Facts {
        scheme: Some(Scheme::Resident),
        benefit_started: Some(false),
        ..chongqing("employee_and_resident")
    });
    assert_eq!(case_id(&v), "resident_before_benefit");
    // the national floor is restated on a government host: a firm yes
    assert_eq!(v.outcome, Outcome::Yes);
}

#[test]
fn a_tier_one_death_in_chongqing_is_a_partial_refund_and_conditional() {
    let v = run(&Facts {
        scheme: Some(Scheme::Employee),
        tier_one: Some(true),
        ..chongqing("died")
    });
    assert_eq!(case_id(&v), "cq_tier_one_death");
    assert_eq!(v.outcome, Outcome::Conditional);
    assert!(v.summary.zh.contains("部分退还"));
    assert!(v.notes.iter().any(|n| n.said.id() == "era_2009"));
}

#[test]
fn no_chongqing_case_is_a_firm_no_where_the_national_rule_refunds() {
    let rules = RuleSet::embedded().unwrap();
    let file = &rules.procedures.refund;
    for (layer, case) in file.cases() {
        if layer.is_none() || case.outcome != Outcome::No {
            continue;
        }
        let allows = |q: &str, a: &str| case.allows(q).is_none_or(|v| v.contains(&a));
        let floor = [
            "paid_twice",
            "employee_and_resident",
            "became_employee",
            "died",
        ]
        .iter()
        .any(|s| allows("situation", s))
            && allows("scheme", "resident")
            && allows("benefit_started", "no");
        assert!(
            !floor,
            "{} contradicts the national refund rule",
            case.id.get_ref()
        );
    }
}
