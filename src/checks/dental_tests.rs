//! Unit tests of `checks::dental` on the shipped `rules/dental.toml`.

use super::*;
use crate::rules::RuleSet;

/// An answer, with how `--json` shows it in Chinese (`extra`) and English (`en`).
struct Seen {
    answer: Answer<'static>,
    extra: serde_json::Value,
    /// `extra` in English.
    en: serde_json::Value,
}

impl std::ops::Deref for Seen {
    type Target = crate::verdict::Verdict<'static>;
    fn deref(&self) -> &Self::Target {
        &self.answer.verdict
    }
}

fn run(f: Facts) -> Seen {
    static RULES: std::sync::LazyLock<RuleSet> =
        std::sync::LazyLock::new(|| RuleSet::embedded().unwrap());
    let on = crate::dates::parse_date("2026-03-02").unwrap();
    let region = f.region.as_deref().and_then(crate::region::kept_code);
    let answer = check(&f, &RULES.policy(region, on));
    let json = |lang| {
        let wire =
            crate::render::wire::DentalJson::new(&answer, &RULES, lang, false, Default::default());
        serde_json::to_value(&wire).unwrap()
    };
    let (zh, en) = (json(crate::text::Lang::Zh), json(crate::text::Lang::En));
    Seen {
        extra: zh,
        en,
        answer,
    }
}

fn ask(procedure: &str) -> Facts {
    Facts {
        procedure: procedure.into(),
        ..Facts::default()
    }
}

#[test]
fn a_filling_at_a_designated_clinic_is_conditional_because_coverage_is_only_reported() {
    let v = run(Facts {
        designated: Some(true),
        imported_material: Some(false),
        ..ask("补牙")
    });
    assert_eq!(v.outcome, Outcome::Conditional);
    assert_eq!(v.conditions.len(), 1);
    assert_eq!(v.conditions[0].said.id(), "reported_only");
}

#[test]
fn a_non_designated_clinic_makes_it_no() {
    let v = run(Facts {
        designated: Some(false),
        ..ask("root canal treatment")
    });
    assert_eq!(v.outcome, Outcome::No);
    assert_eq!(v.blockers[0].said.id(), "designated");
}

#[test]
fn implants_differ_by_scheme() {
    assert_eq!(run(ask("zhongzhiya")).outcome, Outcome::Conditional);
    let resident = run(Facts {
        scheme: Some(Scheme::Resident),
        ..ask("种植牙")
    });
    // "not covered" rests on reported sources only: conditional, like a reported "covered"
    assert_eq!(resident.outcome, Outcome::Conditional);
    let notes = resident.en["notes"].as_array().unwrap();
    assert!(
        notes
            .iter()
            .any(|n| n["text"].as_str().unwrap().contains("4,500"))
    );
    let employee = run(Facts {
        scheme: Some(Scheme::Employee),
        designated: Some(true),
        ..ask("implant")
    });
    assert_eq!(employee.outcome, Outcome::Conditional);
}

#[test]
fn dentures_are_not_covered_for_both_schemes_but_only_reportedly() {
    let v = run(ask("假牙"));
    assert_eq!(v.outcome, Outcome::Conditional);
    let conditions = v.extra["conditions"].as_array().unwrap();
    let reported = conditions.iter().find(|c| c["id"] == "reported_only");
    assert!(
        reported.is_some_and(|c| c["text"].as_str().unwrap().contains("不报销")),
        "{conditions:?}"
    );
}

#[test]
fn names_match_loosely_and_unknown_ones_are_conditional() {
    assert_eq!(
        run(ask("Wisdom-Tooth")).extra["procedure"]["id"],
        "extraction"
    );
    let v = run(ask("teeth straightening"));
    assert_eq!(v.outcome, Outcome::Conditional);
    assert!(v.extra.get("procedure").is_none());
}

#[test]
fn facts_read_from_json_use_the_flag_names_and_refuse_unknown_ones() {
    let f: Facts =
        serde_json::from_str(r#"{"procedure":"补牙","designated":true,"imported_material":true}"#)
            .unwrap();
    assert_eq!(run(f).blockers[0].said.id(), "imported_material");
    assert!(serde_json::from_str::<Facts>(r#"{"procedure":"补牙","imported":true}"#).is_err());
}

#[test]
fn whitening_is_not_said_to_be_paid_by_the_account_in_unnamed_regions() {
    let v = run(Facts {
        scheme: Some(Scheme::Employee),
        ..ask("美白")
    });
    assert_ne!(v.outcome, Outcome::Yes);
    let lines = v.extra["lines"].as_array().unwrap();
    assert!(
        lines
            .iter()
            .all(|l| !l["value"].as_str().unwrap().contains("部分地区")),
        "{lines:?}"
    );
    assert_eq!(v.extra["pays"]["employee"], "none");
}
