//! `yibao merge`: can the accounts held in two places be merged now, and how. The account in
//! `from` is closed and its record and balance move to the one kept in `to` (a transfer, so
//! the transfer time limits apply). `no` while a condition fails (arrears, a freeze, the
//! origin still paying, the destination not enrolled), `conditional` while one is unknown,
//! `yes` otherwise; the plan (steps, materials, deadlines) is shown in every case.

use chrono::NaiveDate;
use serde::Deserialize;

use super::limits;
use super::procedure::{
    add_item, add_plan, add_step, cite_all, flag_hint, item_of, region_json, region_label,
};
use crate::rules::Policy;
use crate::rules::procedures::guides::MERGE_CONDITIONS;
use crate::text::Text;
use crate::verdict::{Channel, Outcome, Place, Verdict, Who};

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

/// How a condition stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Holds,
    Fails,
    Unknown,
}

/// `policy` is the policy of `facts.to` (the account kept).
pub fn check(facts: &Facts, policy: &Policy) -> Verdict {
    let data = &policy.rules.procedures.merge;
    let origin = Policy {
        region: Some(&facts.from),
        ..*policy
    };
    let mut v = Verdict::new(SCHEMA, Outcome::Yes, Text::default()).with_detail(policy.detail);
    let (from, to) = match v.is_full() {
        true => (region_label(&facts.from), region_label(&facts.to)),
        false => Default::default(),
    };
    v.line(
        "from",
        Text::new("注销的账户(转出地)", "account closed (origin)"),
        || Text::new(from.clone(), from.clone()),
    );
    v.line(
        "to",
        Text::new("保留的账户(转入地)", "account kept (destination)"),
        || Text::new(to.clone(), to.clone()),
    );

    let mut unknown = 0;
    for id in MERGE_CONDITIONS {
        let (value, blocks_when) = facts.state(id);
        let state = match value {
            None => State::Unknown,
            Some(b) if b == blocks_when => State::Fails,
            Some(_) => State::Holds,
        };
        let Some(wording) = data.condition(id) else {
            continue;
        };
        // Every condition checked is cited; its item is made only where it is shown.
        let unverified = cite_all(&mut v, policy, wording.cites());
        let it = || item_of(wording, unverified);
        let text = &wording.text;
        v.trace(id, state == State::Holds, || match state {
            State::Holds => Text::new(format!("满足: {}", text.zh), format!("holds: {}", text.en)),
            State::Fails => Text::new(
                format!("不满足: {}", text.zh),
                format!("fails: {}", text.en),
            ),
            State::Unknown => Text::new(
                format!("未知: {}", text.zh),
                format!("unknown: {}", text.en),
            ),
        });
        match state {
            State::Fails => v.blockers.push(it()),
            State::Unknown => {
                unknown += 1;
                // The wording states the condition, so its fix applies when it does not hold.
                let if_not = Text::new("若不满足", "if it does not hold");
                let it = if v.is_full() {
                    flag_hint(it(), id, &if_not)
                } else {
                    it()
                };
                v.conditions.push(it);
            }
            State::Holds => {}
        }
    }
    let blocked = v.blockers.len();
    v.outcome = if blocked > 0 {
        Outcome::No
    } else if unknown > 0 {
        Outcome::Conditional
    } else {
        Outcome::Yes
    };
    v.summary = match v.outcome {
        _ if !v.is_full() => Text::default(),
        Outcome::No => Text::new(
            format!("现在还不能合并:先解决下面 {blocked} 个问题,再按步骤把{from}的账户转入{to}"),
            format!(
                "not yet: clear the {blocked} problem(s) below, then move the {from} account into {to} as shown"
            ),
        ),
        Outcome::Conditional => Text::new(
            format!("把{from}的账户转入{to}后注销;能否现在办理取决于下面 {unknown} 个情况"),
            format!(
                "move the {from} account into {to}, which closes it; whether you can start now depends on the {unknown} point(s) below"
            ),
        ),
        Outcome::Yes => Text::new(
            format!("可以合并:把{from}的账户(记录和余额)转入{to},{from}的账户随后注销"),
            format!(
                "yes: move the {from} account (record and balance) into {to}; the {from} account is then closed"
            ),
        ),
    };

    if let Err(gap) = limits::transfer(&mut v, &origin, policy, facts.submitted) {
        v.conditions.push(limits::gap_condition(&gap));
        if v.outcome == Outcome::Yes {
            v.outcome = Outcome::Conditional;
        }
    }
    add_plan(&mut v, policy, SCHEMA, &[], |v| plan(v, policy));
    if facts.submitted.is_none() {
        v.warnings.push(Text::new(
            "申请被受理后,加 --submitted YYYY-MM-DD 可算出各环节的最迟日期",
            "once the application is accepted, add --submitted YYYY-MM-DD for the date each step is due",
        ));
    }
    v.data("from", || region_json(&facts.from));
    v.data("to", || region_json(&facts.to));
    v
}

/// The steps, materials and notes of a merge.
fn plan(v: &mut Verdict, policy: &Policy) {
    let data = &policy.rules.procedures.merge;
    let default = (Place::Either, Channel::Online, Who::Person);
    for s in &data.step {
        add_step(v, policy, s, default);
    }
    for m in &data.material {
        add_item(v, policy, m, Verdict::add_material);
    }
    for n in &data.note {
        add_item(v, policy, n, Verdict::add_note);
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

    fn run(f: &Facts) -> Verdict {
        let rules = RuleSet::embedded().unwrap();
        check(f, &rules.policy(Some(&f.to), d("2026-03-02")))
    }

    #[test]
    fn with_nothing_known_the_merge_is_conditional_on_all_four_facts() {
        let v = run(&facts());
        assert_eq!(v.outcome, Outcome::Conditional);
        assert_eq!(v.conditions.len(), 4);
        assert!(
            v.conditions[0]
                .fix
                .as_ref()
                .unwrap()
                .en
                .contains("--arrears")
        );
        assert!(!v.steps.is_empty() && !v.materials.is_empty());
    }

    #[test]
    fn arrears_block_the_merge_with_their_fix() {
        let v = run(&Facts {
            arrears: Some(true),
            ..facts()
        });
        assert_eq!(v.outcome, Outcome::No);
        assert_eq!(v.blockers[0].id, "arrears");
        assert!(v.blockers[0].fix.is_some());
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
        assert_eq!(v.blockers[0].id, "from_stopped");
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
