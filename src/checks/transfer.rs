//! `yibao transfer`: can this person move their basic medical insurance from one pooling area
//! to another now, and how. Blockers (retired, origin not stopped, destination not enrolled,
//! arrears, a frozen account) make it `no`; facts not known, or a waiting period that depends
//! on local rules or unverified readings, make it `conditional`; otherwise `yes`. The plan
//! (steps, materials, deadlines as dates, waiting period, what carries over) is shown in every
//! case. Pure: facts and policy in, verdict out.

pub mod facts;
pub mod status;
pub mod waiting;
pub mod window;

#[cfg(test)]
mod tests;

use chrono::NaiveDate;

use super::balance::local_channels_for;
use super::limits::{self, Limits};
use crate::rules::Policy;
use crate::rules::procedures::channels::Shows;
use crate::rules::procedures::items::by_id;
use crate::rules::procedures::items::{ItemData, TagSet};
use crate::rules::procedures::transfer::{BLOCKERS, TAGS};
use crate::verdict::{
    Answered, Chase, Limit, Names, Said, Standing, Statement, Step, Verdict, Why,
};
use crate::vocab::{Channel, Outcome, Place, Who};
pub use facts::{Facts, Reason, Scheme};
pub use status::Status;
pub use waiting::Waiting;
pub use window::Window;

pub const SCHEMA: &str = "yibao.transfer/1";

/// The answer: the verdict, and the figures of this move.
#[derive(Debug, Clone)]
pub struct Answer<'a> {
    pub verdict: Verdict<'a>,
    pub facts: Facts,
    /// Both places are one pooling area: nothing to transfer.
    pub same_pooling_area: bool,
    /// Assessed unless the move is blocked outright or not needed.
    pub waiting: Option<Waiting>,
    /// The two agencies' time limits in force (and their dates).
    pub limits: Option<Limits<'a>>,
    /// The day the limits are counted from (the acceptance day, or the as-of date).
    pub deadlines_from: Option<NaiveDate>,
    /// Where an accepted application stands.
    pub status: Option<Status>,
    /// The step to take next (an id among the steps), for an accepted application.
    pub next_step: Option<&'static str>,
    /// Residents: the destination's annual enrolment window.
    pub window: Option<Window>,
    /// The months paid in both places (first, last), when there are any.
    pub paid_twice: Option<(crate::dates::Month, crate::dates::Month)>,
}

impl<'a> Answer<'a> {
    fn new(facts: Facts, room: Verdict<'a>) -> Answer<'a> {
        Answer {
            verdict: room.reuse(Outcome::Yes),
            facts,
            same_pooling_area: false,
            waiting: None,
            limits: None,
            deadlines_from: None,
            status: None,
            next_step: None,
            window: None,
            paid_twice: None,
        }
    }
}

/// `policy` is the destination's (`facts.to`) on the as-of date, which is also "today" for a
/// plan not yet submitted.
pub fn check<'a>(facts: &Facts, policy: &Policy<'a>) -> Answer<'a> {
    answer(facts.clone(), policy, Verdict::new(Outcome::Yes))
}

/// `check` for facts the caller hands over, in the room of an earlier verdict (`batch`
/// answers every line in the same few lists).
pub fn answer<'a>(facts: Facts, policy: &Policy<'a>, room: Verdict<'a>) -> Answer<'a> {
    let data = &policy.rules.procedures.transfer;
    let mut a = Answer::new(facts, room);
    let facts = &a.facts;
    let v = &mut a.verdict;

    if facts.from == facts.to {
        a.same_pooling_area = true;
        v.trace("same_pooling_area", true, Why::SamePoolingArea);
        if let Some(n) = by_id(&data.note, "same_area") {
            let note = v.rule(policy, n);
            v.notes.push(note);
        }
        return a;
    }

    // Inside one province the rules may move the record, or keep the balance, on their own:
    // the plan still holds, but the local agency settles what is left to do.
    for regime in (policy.rules.pooling).regimes(&facts.from, &facts.to, policy.on) {
        let unverified = v.cite(policy, &regime.entry.cite);
        v.conditions.push(Statement {
            said: Said::Regime(regime.label),
            unverified,
        });
    }

    let mut tags = facts.tags();
    if facts.retired == Some(true) && data.blocker("retired", tags).is_some() {
        // Outside the transfer rules: that, what they can do instead, and nothing else.
        assess_blockers(v, facts, policy, tags, &["retired"]);
        v.outcome = Outcome::No;
        let default = (Place::Either, Channel::Online, Who::Person);
        for s in data.instead.iter().filter(|s| shown(s, tags, policy)) {
            let step = v.rule_step(policy, Said::Rule(s), s, default);
            v.steps.push(step);
        }
        return a;
    }
    // Months paid in both places: the agencies keep one enrolment and settle the refund.
    a.paid_twice = facts.paid_twice();
    for c in data.condition.iter().filter(|c| shown(c, tags, policy)) {
        let statement = v.rule(policy, c);
        v.conditions.push(statement);
    }
    let unknown = assess_blockers(v, facts, policy, tags, BLOCKERS);
    a.window = window::assess(v, facts, policy);

    let waiting = waiting::assess(v, facts, policy);
    if waiting.payable {
        tags.add(TAGS, "gap_payable");
    }
    v.trace("waiting_period", !waiting.conditional, Why::WaitingPeriod);

    let origin = policy.in_region(Some(&facts.from));
    let start = facts.submitted.unwrap_or(policy.on);
    a.deadlines_from = Some(start);
    let limits = match limits::transfer(v, &origin, policy, Some(start)) {
        Ok(l) => Some(l),
        Err(gap) => {
            v.conditions.push(limits::gap_condition(gap));
            None
        }
    };
    if facts.destination_scheme() == Some(Scheme::Resident)
        && facts.scheme == Some(Scheme::Resident)
    {
        // Resident insurance has no personal account: only the record moves.
        for d in &mut v.deadlines {
            d.record_only = true;
        }
    }
    let dates = limits.as_ref().and_then(|l| l.dates);
    if facts.submitted.is_none() && dates.is_some() {
        v.warnings
            .push(crate::verdict::Warning::CountedFromToday(start));
    }

    plan(v, policy, tags, dates.is_some());
    if let (Some(submitted), Some(d)) = (facts.submitted, dates) {
        let st = status::of(policy.calendar(), submitted, policy.on, d);
        if st.overdue() {
            add_overdue_steps(v, policy);
        }
        // What to do next: wait for the origin, then apply for the transfer-in; once both
        // limits have passed, chase it.
        let next = match st.next {
            Some((Limit::TransferOut, _)) => "wait_transfer_out",
            Some(_) => "apply_in",
            None => "ask_destination",
        };
        a.next_step = v.steps.iter().any(|s| s.said.id() == next).then_some(next);
        a.status = Some(st);
    }

    let blocked = v.blockers.len();
    let depends = v.conditions.len() + usize::from(waiting.conditional);
    v.outcome = if blocked > 0 {
        Outcome::No
    } else if depends > 0 {
        Outcome::Conditional
    } else {
        Outcome::Yes
    };
    if waiting.conditional && unknown == 0 && blocked == 0 {
        // Unverified when only a reported reading makes it depend (no local rule decides).
        v.conditions.push(Statement {
            said: Said::WaitingDepends,
            unverified: waiting.unverified && !waiting.local,
        });
    }
    if blocked > 0 {
        // After a `no`, only what clears the blockers: the open questions wait.
        v.conditions.clear();
    }
    a.waiting = Some(waiting);
    a.limits = limits;
    a
}

/// Each blocker fact: a blocker when it fails, a condition (naming its flag) when unknown.
/// Returns how many are unknown.
fn assess_blockers<'a>(
    v: &mut Verdict<'a>,
    facts: &Facts,
    policy: &Policy<'a>,
    tags: TagSet,
    ids: &[&'static str],
) -> usize {
    let data = &policy.rules.procedures.transfer;
    let mut unknown = 0;
    for &id in ids {
        let (mut value, blocks_when) = facts.blocker_fact(id);
        // An accepted application means the agency found this condition met.
        let implied = value.is_none() && facts.submitted.is_some();
        if implied {
            value = Some(!blocks_when);
        }
        let Some(item) = data.blocker(id, tags) else {
            continue;
        };
        let answered = match value {
            _ if implied => Answered::BySubmission,
            Some(true) => Answered::Yes,
            Some(false) => Answered::No,
            None => Answered::Unknown,
        };
        // The wording names the problem, so its fix applies "if it is so".
        let standing = v.fact(
            policy,
            id,
            item,
            (value, blocks_when),
            answered,
            Names::Problem,
        );
        unknown += usize::from(standing == Standing::Unknown);
    }
    unknown
}

/// Steps (with the agencies' waits and the destination's own progress channels), materials,
/// what carries over and notes, for the person's tags.
fn plan<'a>(v: &mut Verdict<'a>, policy: &Policy<'a>, tags: TagSet, with_waits: bool) {
    let data = &policy.rules.procedures.transfer;
    let default = (Place::Either, Channel::Online, Who::Person);
    // Room for every step that may apply, the two waits and a local channel or two.
    v.steps.reserve(data.step.len() + 4);
    for s in data.step.iter().filter(|s| shown(s, tags, policy)) {
        // The agencies' own time: the transfer-out before the transfer-in application, the
        // transfer-in after it.
        let apply_in = s.id.get_ref() == "apply_in";
        if apply_in && with_waits {
            push_wait(v, Limit::TransferOut, Place::Origin);
        }
        let step = v.rule_step(policy, Said::Rule(s), s, default);
        v.steps.push(step);
        if apply_in && with_waits {
            push_wait(v, Limit::TransferComplete, Place::Destination);
        }
        if s.id.get_ref() == "track_progress" {
            // The destination's own ways to follow a transfer (e.g. Beijing's portal).
            for (c, _) in local_channels_for(policy, Shows::Transfer) {
                let step = v.channel_step(policy, c, Place::Destination);
                v.steps.push(step);
            }
        }
    }
    type List<'a> = for<'v> fn(&'v mut Verdict<'a>) -> &'v mut Vec<Statement<'a>>;
    let lists: [(&'a [ItemData], List<'a>); 3] = [
        (&data.material, |v| &mut v.materials),
        (&data.carry, |v| &mut v.carries_over),
        (&data.note, |v| &mut v.notes),
    ];
    for (items, list) in lists {
        list(v).reserve(items.len());
        for it in items.iter().filter(|it| shown(it, tags, policy)) {
            if it.id.get_ref() == "same_area" {
                continue;
            }
            let statement = v.rule(policy, it);
            list(v).push(statement);
        }
    }
}

/// Whether a statement of transfer.toml is for this person (`tags`) and this destination
/// (`policy`'s region).
fn shown(item: &ItemData, tags: TagSet, policy: &Policy) -> bool {
    item.applies(tags) && item.reaches(policy.region)
}

/// An agency's wait at `place`, up to the deadline of `limit` already on the verdict.
fn push_wait(v: &mut Verdict, limit: Limit, place: Place) {
    let Some(d) = v.deadline(limit) else {
        return;
    };
    let unverified = d.unverified;
    v.steps.push(Step {
        said: Said::Wait(limit),
        place,
        channel: Channel::Wait,
        who: Who::Agency,
        unverified,
    });
}

/// Once both limits have passed: how to chase it (from `channels.toml`'s after-transfer part).
pub(crate) fn add_overdue_steps<'a>(v: &mut Verdict<'a>, policy: &Policy<'a>) {
    let data = &policy.rules.procedures.channels;
    let default = (Place::Either, Channel::Online, Who::Person);
    for (i, c) in data.after_transfer.if_missing.iter().enumerate() {
        let when = Chase::PastLimits { first: i == 0 };
        let step = v.rule_step(policy, Said::Chase { item: c, when }, c, default);
        v.steps.push(step);
    }
    if let Some(n) = by_id(&data.note, "hotline_caveat") {
        let note = v.rule(policy, n);
        v.notes.push(note);
    }
}
