//! `yibao balance`: where to see the personal-account balance in a region (the national
//! channels with the region's own first), when a moved balance should have arrived
//! (`after_transfer`), and what is credited each month (`monthly`, in `balance/monthly.rs`).
//! Pure: facts and policy in, verdict out.

mod monthly;

use chrono::NaiveDate;
use serde::Deserialize;

pub use super::Scheme;
use super::limits::{self, Limits};
use crate::rules::Policy;
use crate::rules::procedures::channels::{self, ChannelData, Shows};
use crate::rules::procedures::items::by_id;
use crate::verdict::{Chase, Said, Verdict, Warning, Why};
use crate::vocab::{Channel, Outcome, Place, Who};
pub use monthly::Credit;

pub const SCHEMA: &str = "yibao.balance/1";

/// What `yibao balance` is asked; field names are the flag names.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Facts {
    /// The pooling area or province (code) where the account is; `None` for national only.
    pub region: Option<String>,
    /// Answer "has my moved balance arrived?".
    pub after_transfer: bool,
    /// The day the transfer application was accepted.
    pub submitted: Option<NaiveDate>,
    /// The origin of the transfer (code), for its time limit.
    pub from: Option<String>,
    /// Answer "how much is credited each month?".
    pub monthly: bool,
    pub scheme: Option<Scheme>,
    /// Monthly contribution base in yuan.
    pub base: Option<f64>,
    pub retired: bool,
    pub age: Option<u32>,
}

/// Which question was answered, with its figures.
// One per answer: the size difference costs nothing worth a box.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone)]
pub enum Mode<'a> {
    /// Every way to see the balance; how many are the region's own.
    Channels { local: usize },
    /// Has a moved balance arrived: the limits, and whether the last day has passed.
    AfterTransfer {
        limits: Option<Limits<'a>>,
        overdue: bool,
    },
    /// What is credited each month.
    Monthly(Credit<'a>),
}

/// A channel listed, with the region it is from (`None`: national).
#[derive(Debug, Clone)]
pub struct Listed<'a> {
    pub channel: &'a ChannelData,
    pub region: Option<&'a str>,
    pub unverified: bool,
}

/// The answer: the verdict, the facts it answers, the mode's figures and the channels
/// listed (`None` where the answer lists none).
#[derive(Debug, Clone)]
pub struct Answer<'a> {
    pub verdict: Verdict<'a>,
    pub facts: Facts,
    pub mode: Mode<'a>,
    pub channels: Option<Vec<Listed<'a>>>,
}

/// `policy` is the policy of `facts.region` (national if none).
pub fn check<'a>(facts: &Facts, policy: &Policy<'a>) -> Answer<'a> {
    if facts.monthly {
        monthly::check(facts, policy)
    } else if facts.after_transfer {
        after_transfer(facts, policy)
    } else {
        ways(facts, policy)
    }
}

/// The channels that show `what`, for the policy's region: for each kind (online, offline,
/// phone) the region's own first, then the national ones (a national fallback only where the
/// region names none of that kind). Each comes with the region code it is from.
pub fn channels_for<'a>(
    policy: &Policy<'a>,
    what: Shows,
) -> Vec<(&'a ChannelData, Option<&'a str>)> {
    let locals = channels::local(policy);
    let national = &policy.rules.procedures.channels.channel;
    let mut out = Vec::new();
    for kind in [Channel::Online, Channel::Offline, Channel::Phone] {
        let mut local_of_kind = false;
        for l in &locals {
            for c in l.balance.channel.iter().filter(|c| c.kind() == kind) {
                local_of_kind = true;
                if c.shows.contains(&what) {
                    out.push((c, Some(l.region)));
                }
            }
        }
        for c in national.iter().filter(|c| c.kind() == kind) {
            if c.shows.contains(&what) && !(c.fallback && local_of_kind) {
                out.push((c, None));
            }
        }
    }
    out
}

/// The region's own ways to see `what` (none where its rules name none), in the order
/// `channels_for` lists them, each with the region whose file names it.
pub fn local_channels_for<'a>(policy: &Policy<'a>, what: Shows) -> Vec<(&'a ChannelData, &'a str)> {
    let locals = channels::local(policy);
    let mut out = Vec::new();
    for kind in [Channel::Online, Channel::Offline, Channel::Phone] {
        for l in &locals {
            let shown =
                (l.balance.channel.iter()).filter(|c| c.kind() == kind && c.shows.contains(&what));
            out.extend(shown.map(|c| (c, l.region)));
        }
    }
    out
}

/// Adds the channels as steps; returns them as listed.
fn add_channels<'a>(v: &mut Verdict<'a>, policy: &Policy<'a>, what: Shows) -> Vec<Listed<'a>> {
    let mut listed = Vec::new();
    for (c, region) in channels_for(policy, what) {
        let step = v.channel_step(policy, c, Place::Local);
        listed.push(Listed {
            channel: c,
            region,
            unverified: step.unverified,
        });
        v.steps.push(step);
    }
    listed
}

/// The note that the account's money is the person's own (shown with every answer about it).
fn own_money_note<'a>(v: &mut Verdict<'a>, policy: &Policy<'a>) {
    let notes = &policy.rules.procedures.channels.note;
    if let Some(own) = by_id(notes, "own_money") {
        let note = v.rule(policy, own);
        v.notes.push(note);
    }
}

/// The default answer: every way to see the balance, online first.
fn ways<'a>(facts: &Facts, policy: &Policy<'a>) -> Answer<'a> {
    let mut v = Verdict::new(Outcome::Yes);
    let listed = add_channels(&mut v, policy, Shows::Balance);
    let local = listed.iter().filter(|l| l.region.is_some()).count();
    v.trace("local_channels", local > 0, Why::LocalChannels(local));
    match &facts.region {
        None => v.warnings.push(Warning::NoRegion),
        Some(code) if local == 0 => v.warnings.push(Warning::NoLocalPortal(code.clone().into())),
        Some(_) => {}
    }
    for n in &policy.rules.procedures.channels.note {
        let note = v.rule(policy, n);
        v.notes.push(note);
    }
    Answer {
        verdict: v,
        facts: facts.clone(),
        mode: Mode::Channels { local },
        channels: Some(listed),
    }
}

/// Has the moved balance arrived? The limits as dates, how to confirm, what to do if not.
fn after_transfer<'a>(facts: &Facts, policy: &Policy<'a>) -> Answer<'a> {
    let data = &policy.rules.procedures.channels.after_transfer;
    let origin = policy.in_region(facts.from.as_deref());
    let mut v = Verdict::new(Outcome::Yes);
    let limits = match limits::transfer(&mut v, &origin, policy, facts.submitted) {
        Ok(l) => Some(l),
        Err(gap) => {
            v.outcome = Outcome::Conditional;
            v.conditions.push(limits::gap_condition(gap));
            None
        }
    };
    let on = policy.on;
    let dates = limits.as_ref().and_then(|l| l.dates);
    let overdue = dates.is_some_and(|d| on > d.in_by);
    if let Some(d) = dates {
        v.trace("overdue", overdue, Why::Overdue { on, by: d.in_by });
    }
    let dest = (Place::Destination, Channel::Online, Who::Person);
    for c in &data.confirm {
        let step = v.rule_step(policy, Said::Rule(c), c, dest);
        v.steps.push(step);
    }
    let mut listed = Vec::new();
    for (c, region) in local_channels_for(policy, Shows::Transfer) {
        let step = v.channel_step(policy, c, Place::Destination);
        listed.push(Listed {
            channel: c,
            region: Some(region),
            unverified: step.unverified,
        });
        v.steps.push(step);
    }
    for (i, c) in data.if_missing.iter().enumerate() {
        let when = Chase::NotArrived { first: i == 0 };
        let step = v.rule_step(policy, Said::Chase { item: c, when }, c, dest);
        v.steps.push(step);
    }
    for n in &data.note {
        let note = v.rule(policy, n);
        v.notes.push(note);
    }
    own_money_note(&mut v, policy);
    if facts.submitted.is_none() {
        v.warnings.push(Warning::AddSubmittedForArrival);
    }
    Answer {
        verdict: v,
        facts: facts.clone(),
        mode: Mode::AfterTransfer { limits, overdue },
        channels: Some(listed),
    }
}

#[cfg(test)]
mod tests;
