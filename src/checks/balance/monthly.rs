//! `yibao balance --monthly`: what is credited to the personal account each month. In-service
//! employees: a share of the contribution base (`account.employee_credit_ratio`; `yes` when
//! the region's own rule is in the files, `conditional` on the national guideline alone);
//! retirees: the region's fixed amount by age where a region file has a table, else the
//! national "about 2% of the average pension" guideline (`conditional`); residents have no
//! personal account (`no`).

use super::{Answer, Facts, Mode, Scheme, add_channels, own_money_note};
use crate::rules::procedures::channels::{self, RetireeSchedule, Shows};
use crate::rules::procedures::items::ItemData;
use crate::rules::procedures::items::by_id;
use crate::rules::{Policy, Resolved};
use crate::text::Str;
use crate::verdict::{LookUp, Said, Statement, Verdict, Warning, Why};
use crate::vocab::Outcome;

/// What is credited each month, and on what rule.
#[derive(Debug, Clone)]
pub enum Credit<'a> {
    /// Resident insurance: no personal account.
    Resident,
    /// In service, but no credit rule in force.
    NoEmployeeRule,
    /// In service: a share of the contribution base (the region's own rule when `ratio` is
    /// from a region file); the amount when the base is given.
    EmployeeRate {
        ratio: Resolved<'a>,
        unverified: bool,
        base: Option<f64>,
        yuan: Option<f64>,
    },
    /// Retirees: the region's fixed amounts by age; the amount for the age given.
    RetireeBands {
        region: &'a str,
        file: Str,
        schedule: &'a RetireeSchedule,
        unverified: bool,
        yuan: Option<f64>,
    },
    /// Retirees where no region gives amounts: the national guideline, if in force.
    RetireeRatio(Option<Resolved<'a>>),
}

pub fn check<'a>(facts: &Facts, policy: &Policy<'a>) -> Answer<'a> {
    let mut v = Verdict::new(Outcome::Conditional);
    let scheme = facts.scheme.unwrap_or_default();
    let data = &policy.rules.procedures.channels.monthly;
    let credit = if scheme == Scheme::Resident {
        v.outcome = Outcome::No;
        if let Some(n) = by_id(&data.note, "resident_none") {
            let blocker = v.rule(policy, n);
            v.blockers.push(blocker);
        }
        v.trace("has_account", false, Why::HasAccount);
        Credit::Resident
    } else if facts.retired {
        retiree(facts, policy, &mut v)
    } else {
        in_service(facts, policy, &mut v)
    };
    let mut channels = None;
    if scheme == Scheme::Employee {
        channels = Some(add_channels(&mut v, policy, Shows::Credits));
        for n in (data.note.iter()).filter(|n| n.id.get_ref() != "resident_none") {
            let note = v.rule(policy, n);
            v.notes.push(note);
        }
        own_money_note(&mut v, policy);
    }
    Answer {
        verdict: v,
        facts: facts.clone(),
        mode: Mode::Monthly(credit),
        channels,
    }
}

/// A condition settled by the local figure, with where to look it up as its fix.
fn look_up<'a>(v: &mut Verdict<'a>, policy: &Policy<'a>, what: LookUp) -> Statement<'a> {
    let data = &policy.rules.procedures.channels.monthly;
    let first: Option<&'a ItemData> = data.look_up.first();
    let unverified = first.is_some_and(|l| v.cite_all(policy, l.cites()));
    Statement {
        said: Said::LookUp { what, fix: first },
        unverified,
    }
}

fn in_service<'a>(facts: &Facts, policy: &Policy<'a>, v: &mut Verdict<'a>) -> Credit<'a> {
    let ratio = match policy.get("account.employee_credit_ratio") {
        Ok(r) => r,
        Err(gap) => {
            let c = look_up(v, policy, LookUp::NoRule(gap));
            v.conditions.push(c);
            return Credit::NoEmployeeRule;
        }
    };
    let local = ratio.region.is_some();
    let unverified = v.cite_value(policy, &ratio);
    v.trace("local_rule", local, Why::CreditRate(ratio.file.clone()));
    let Some(base) = facts.base else {
        let c = look_up(v, policy, LookUp::Base);
        v.conditions.push(c);
        return Credit::EmployeeRate {
            ratio,
            unverified,
            base: None,
            yuan: None,
        };
    };
    let yuan = (base * ratio.number() * 100.0).round() / 100.0;
    if local {
        v.outcome = Outcome::Yes;
    } else {
        let c = look_up(v, policy, LookUp::LocalRate(ratio.number()));
        v.conditions.push(c);
    }
    Credit::EmployeeRate {
        ratio,
        unverified,
        base: Some(base),
        yuan: Some(yuan),
    }
}

fn retiree<'a>(facts: &Facts, policy: &Policy<'a>, v: &mut Verdict<'a>) -> Credit<'a> {
    if let Some((local, schedule)) = channels::retiree_schedule(policy) {
        let unverified = v.cite(policy, &schedule.cite);
        let yuan = facts
            .age
            .and_then(|a| schedule.band(a))
            .map(|b| *b.yuan.get_ref());
        match yuan {
            Some(_) => v.outcome = Outcome::Yes,
            None => v.conditions.push(Statement {
                said: Said::NeedAge,
                unverified: false,
            }),
        }
        return Credit::RetireeBands {
            region: local.region,
            file: local.file.path.clone(),
            schedule,
            unverified,
            yuan,
        };
    }
    let ratio = match policy.get("account.retiree_pension_ratio") {
        Ok(ratio) => {
            v.cite_value(policy, &ratio);
            Some(ratio)
        }
        Err(gap) => {
            v.warnings.push(Warning::Gap(gap));
            None
        }
    };
    let c = look_up(v, policy, LookUp::LocalAmount);
    v.conditions.push(c);
    Credit::RetireeRatio(ratio)
}
