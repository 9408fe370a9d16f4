//! `yibao merge`: can the accounts held in two places be merged now, and how. The account in
//! `from` is closed and its record and balance move to the one kept in `to` (a transfer, so
//! the transfer time limits apply). `no` while a condition fails (arrears, a freeze, the
//! origin still paying, the destination not enrolled), `conditional` while one is unknown,
//! `yes` otherwise; the plan (steps, materials, deadlines) is shown in every case.

use chrono::NaiveDate;
use serde::Deserialize;

use super::limits::{self, Limits};
use crate::rules::Policy;
use crate::rules::procedures::guides::MERGE_CONDITIONS;
use crate::verdict::{Answered, Names, Said, Verdict, Warning};
use crate::vocab::{Channel, Outcome, Place, Who};

pub const SCHEMA: &str = "yibao.merge/1";

/// What `yibao merge` is asked; field names are the flag names. `None`: not known yet.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Facts {
    /// Pooling area (code) of the account to close.
    pub from: String,
    /// Pooling area (code) of the account to keep.
    pub to: String,
    /// Is either account in arrears?
    #[serde(deserialize_with = "super::answers::yes_no")]
    pub arrears: Option<bool>,
    /// Is either account frozen or otherwise abnormal?
    #[serde(deserialize_with = "super::answers::yes_no")]
    pub frozen: Option<bool>,
    /// Has the insurance at `from` stopped?
    #[serde(deserialize_with = "super::answers::yes_no")]
    pub from_stopped: Option<bool>,
    /// Is the person enrolled and paying at `to`?
    #[serde(deserialize_with = "super::answers::yes_no")]
    pub to_insured: Option<bool>,
    /// The day the transfer application was accepted, for the deadlines.
    #[serde(deserialize_with = "super::answers::submitted")]
    pub submitted: Option<NaiveDate>,
}

impl Facts {
    /// The fact behind a condition id, and whether that value blocks the merge.
    fn state(&self, id: &str) -> (Option<bool>, bool) {
        match id {
            "arrears" => (self.arrears, true),
            "frozen" => (self.frozen, true),
            "from_stopped" => (self.from_stopped, false),
            _ => (self.to_insured, false),
        }
    }
}

/// The answer: the verdict, the facts it answers and the time limits in force.
#[derive(Debug, Clone)]
pub struct Answer<'a> {
    pub verdict: Verdict<'a>,
    pub facts: Facts,
    /// The two agencies' time limits (and their dates, given the acceptance day).
    pub limits: Option<Limits<'a>>,
    /// Where an accepted application stands on the as-of date (as for a transfer).
    pub status: Option<super::transfer::Status>,
}

/// `policy` is the policy of `facts.to` (the account kept).
pub fn check<'a>(facts: &Facts, policy: &Policy<'a>) -> Answer<'a> {
    answer(facts.clone(), policy, Verdict::new(Outcome::Yes))
}

/// `check` for facts the caller hands over, in the room of an earlier verdict (`batch`
/// answers every line in the same few lists).
pub fn answer<'a>(facts: Facts, policy: &Policy<'a>, room: Verdict<'a>) -> Answer<'a> {
    let data = &policy.rules.procedures.merge;
    let origin = policy.in_region(Some(&facts.from));
    let mut v = room.reuse(Outcome::Yes);
    for &id in MERGE_CONDITIONS {
        let (value, blocks_when) = facts.state(id);
        let Some(item) = data.condition(id) else {
            continue;
        };
        let answered = match value {
            Some(true) => Answered::Yes,
            Some(false) => Answered::No,
            None => Answered::Unknown,
        };
        // The wording states the condition, so its fix applies when it does not hold.
        v.fact(
            policy,
            id,
            item,
            (value, blocks_when),
            answered,
            Names::Condition,
        );
    }
    let limits = match limits::transfer(&mut v, &origin, policy, facts.submitted) {
        Ok(l) => Some(l),
        Err(gap) => {
            v.conditions.push(limits::gap_condition(gap));
            None
        }
    };
    v.outcome = if !v.blockers.is_empty() {
        Outcome::No
    } else if !v.conditions.is_empty() {
        Outcome::Conditional
    } else {
        Outcome::Yes
    };
    plan(&mut v, policy);
    if facts.submitted.is_none() {
        v.warnings.push(Warning::AddSubmitted);
    }
    // Progress since acceptance, and how to chase it once both limits have passed.
    let dates = limits.as_ref().and_then(|l| l.dates);
    let status = facts.submitted.zip(dates).map(|(submitted, d)| {
        super::transfer::status::of(policy.calendar(), submitted, policy.on, d)
    });
    if status
        .as_ref()
        .is_some_and(super::transfer::Status::overdue)
    {
        super::transfer::add_overdue_steps(&mut v, policy);
    }
    Answer {
        verdict: v,
        facts,
        limits,
        status,
    }
}

/// The steps, materials and notes of a merge.
fn plan<'a>(v: &mut Verdict<'a>, policy: &Policy<'a>) {
    let data = &policy.rules.procedures.merge;
    let default = (Place::Either, Channel::Online, Who::Person);
    for s in &data.step {
        let step = v.rule_step(policy, Said::Rule(s), s, default);
        v.steps.push(step);
    }
    for m in &data.material {
        let it = v.rule(policy, m);
        v.materials.push(it);
    }
    for n in &data.note {
        let it = v.rule(policy, n);
        v.notes.push(it);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleSet;

    fn d(s: &str) -> NaiveDate {
        crate::dates::parse_date(s).unwrap()
    }

    fn facts() -> Facts {
        Facts {
            from: "610100".into(),
            to: "110000".into(),
            ..Facts::default()
        }
    }

    fn run(f: &Facts) -> Verdict<'static> {
        let rules = Box::leak(Box::new(RuleSet::embedded().unwrap()));
        check(f, &rules.policy(Some("110000"), d("2026-03-02"))).verdict
    }

    #[test]
    fn with_nothing_known_the_merge_is_conditional_on_all_four_facts() {
        let v = run(&facts());
        assert_eq!(v.outcome, Outcome::Conditional);
        assert_eq!(v.conditions.len(), 4);
        assert!(matches!(
            v.conditions[0].said,
            Said::Unknown {
                fact: "arrears",
                ..
            }
        ));
        assert!(!v.steps.is_empty() && !v.materials.is_empty());
    }

    #[test]
    fn arrears_block_the_merge_with_their_fix() {
        let v = run(&Facts {
            arrears: Some(true),
            ..facts()
        });
        assert_eq!(v.outcome, Outcome::No);
        assert_eq!(v.blockers[0].said.id(), "arrears");
    }

    #[test]
    fn an_origin_still_paying_blocks_the_merge() {
        let v = run(&Facts {
            arrears: Some(false),
            frozen: Some(false),
            from_stopped: Some(false),
            to_insured: Some(true),
            ..facts()
        });
        assert_eq!(v.outcome, Outcome::No);
        assert_eq!(v.blockers.len(), 1);
        assert_eq!(v.blockers[0].said.id(), "from_stopped");
    }

    #[test]
    fn all_conditions_met_is_yes_with_dates_from_the_acceptance_day() {
        let v = run(&Facts {
            arrears: Some(false),
            frozen: Some(false),
            from_stopped: Some(true),
            to_insured: Some(true),
            submitted: Some(d("2026-09-28")),
            ..facts()
        });
        assert_eq!(v.outcome, Outcome::Yes);
        // 10 working days after 2026-09-28 skip the National Day week and count the make-up
        // Saturday 10-10: 10-16; then 5 more.
        assert_eq!(v.deadlines[0].date, d("2026-10-16"));
        assert_eq!(v.deadlines[1].date, d("2026-10-23"));
    }
}
