//! `yibao balance`: where to see the personal-account balance in a region (the national
//! channels with the region's own first), when a moved balance should have arrived
//! (`after_transfer`), and what is credited each month (`monthly`, in `balance/monthly.rs`).
//! Pure: facts and policy in, verdict out.

mod monthly;

use chrono::NaiveDate;
use serde::Deserialize;

pub use super::Scheme;
use super::limits;
use super::procedure::{add_item, channel_step, region_json, region_label, step};
use crate::rules::Policy;
use crate::rules::procedures::channels::{self, ChannelData, Shows};
use crate::text::Text;
use crate::verdict::{Channel, Outcome, Place, Step, Verdict, Who};

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

/// `policy` is the policy of `facts.region` (national if none).
pub fn check(facts: &Facts, policy: &Policy) -> Verdict {
    if facts.monthly {
        monthly::check(facts, policy)
    } else if facts.after_transfer {
        after_transfer(facts, policy)
    } else {
        ways(facts, policy)
    }
}

fn place_name(facts: &Facts) -> Text {
    match &facts.region {
        Some(code) => {
            let label = region_label(code);
            Text::new(label.clone(), label)
        }
        None => Text::new("未指定(全国)", "none given (national)"),
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

fn channel_json(c: &ChannelData, region: Option<&str>, step: &Step) -> serde_json::Value {
    serde_json::json!({
        "id": c.id.get_ref(),
        "kind": c.kind(),
        "name": c.name,
        "shows": c.shows,
        "steps": c.steps,
        "region": region,
        "cite": c.cite.source.get_ref(),
        "unverified": step.unverified,
    })
}

/// Adds the channels as steps and as structured JSON; returns how many are the region's own.
fn add_channels(v: &mut Verdict, policy: &Policy, what: Shows) -> usize {
    let mut json = Vec::new();
    let mut local = 0;
    for (c, region) in channels_for(policy, what) {
        let s = channel_step(v, policy, c);
        json.push(channel_json(c, region, &s));
        local += usize::from(region.is_some());
        v.add_step(s);
    }
    v.extra
        .insert("channels".into(), serde_json::Value::Array(json));
    local
}

/// The note that the account's money is the person's own (shown with every answer about it).
fn own_money_note(v: &mut Verdict, policy: &Policy) {
    let notes = &policy.rules.procedures.channels.note;
    if let Some(own) = notes.iter().find(|n| n.id.get_ref() == "own_money") {
        add_item(v, policy, own, Verdict::add_note);
    }
}

fn common_extra(v: &mut Verdict, facts: &Facts, mode: &str) {
    v.extra.insert("mode".into(), mode.into());
    v.extra.insert(
        "region".into(),
        facts
            .region
            .as_deref()
            .map_or(serde_json::Value::Null, region_json),
    );
}

/// The default answer: every way to see the balance, online first.
fn ways(facts: &Facts, policy: &Policy) -> Verdict {
    let place = place_name(facts);
    let mut v = Verdict::new(SCHEMA, Outcome::Yes, Text::default()).with_detail(policy.detail);
    let local = add_channels(&mut v, policy, Shows::Balance);
    let n = v.steps.len();
    v.summary = Text::new(
        format!(
            "{}: 查看个人账户余额、明细和每月划入共 {n} 种方式,先线上后线下,任选其一",
            place.zh
        ),
        format!(
            "{}: {n} ways to see the personal-account balance, records and monthly credit, online first, then offline; any one will do",
            place.en
        ),
    );
    v.line("region", Text::new("地区", "region"), || place.clone());
    v.line(
        "local_channels",
        Text::new("本地渠道", "local channels"),
        || Text::new(format!("{local} 个"), format!("{local}")),
    );
    v.trace("local_channels", local > 0, || {
        Text::new(
            format!("规则文件中该地区自有的查询渠道: {local} 个"),
            format!("channels of the region's own in the rules files: {local}"),
        )
    });
    match &facts.region {
        None => v.warnings.push(Text::new(
            "未指定地区:只列出全国通用渠道;加 --region 可加上当地自有渠道",
            "no region given: nationwide channels only; add --region for the region's own channels",
        )),
        Some(_) if local == 0 => v.warnings.push(Text::new(
            format!("规则中还没有{}自有的查询平台;请用全国通用渠道,或向当地医保经办机构询问", place.zh),
            format!("the rules name no portal of {} yet; use the nationwide channels or ask the local agency", place.en),
        )),
        Some(_) => {}
    }
    for n in &policy.rules.procedures.channels.note {
        add_item(&mut v, policy, n, Verdict::add_note);
    }
    common_extra(&mut v, facts, "channels");
    v
}

/// Has the moved balance arrived? The limits as dates, how to confirm, what to do if not.
fn after_transfer(facts: &Facts, policy: &Policy) -> Verdict {
    let place = place_name(facts);
    let data = &policy.rules.procedures.channels.after_transfer;
    let origin = Policy {
        region: facts.from.as_deref(),
        ..*policy
    };
    let mut v = Verdict::new(SCHEMA, Outcome::Yes, Text::default()).with_detail(policy.detail);
    v.line(
        "region",
        Text::new("转入地(查余额的地方)", "destination (where you check)"),
        || place.clone(),
    );
    if let Some(from) = &facts.from {
        let label = region_label(from);
        v.line("from", Text::new("转出地", "origin"), || {
            Text::new(label.clone(), label)
        });
    }
    let dates = match limits::transfer(&mut v, &origin, policy, facts.submitted) {
        Ok(d) => d,
        Err(gap) => {
            v.outcome = Outcome::Conditional;
            v.conditions.push(limits::gap_condition(&gap));
            None
        }
    };
    let on = policy.on;
    let overdue = dates.is_some_and(|d| on > d.in_by);
    v.summary = match (dates, overdue) {
        (None, _) if v.outcome == Outcome::Conditional => Text::new(
            "规则中没有当日有效的转移时限,无法推算到账日期",
            "no transfer time limit is in force on that date, so no arrival date can be worked out",
        ),
        (None, _) => Text::new(
            "转移的余额在两段时限(转出 + 转入)内到账;加 --submitted 日期可算出具体日期",
            "a moved balance arrives within the two limits (out + in); add --submitted DATE for the dates",
        ),
        (Some(d), true) => Text::new(
            format!(
                "按时限,余额最迟应在 {} 前到账,已经过期;若还没到账,按下面的步骤查问",
                d.in_by
            ),
            format!(
                "by the time limits the balance should have arrived by {}, which has passed; if it has not, follow the steps below",
                d.in_by
            ),
        ),
        (Some(d), false) => Text::new(
            format!(
                "按时限,余额应在 {} 前到账(估算);今天 {on} 仍在时限内",
                d.in_by
            ),
            format!(
                "by the time limits the balance should arrive by {} (estimate); on {on} it is still within the limits",
                d.in_by
            ),
        ),
    };
    if let Some(d) = dates {
        v.extra
            .insert("transfer_out_by".into(), d.out_by.to_string().into());
        v.extra
            .insert("arrival_by".into(), d.in_by.to_string().into());
        v.extra.insert("overdue".into(), overdue.into());
        v.trace("overdue", overdue, || {
            Text::new(
                format!("{on} 晚于 {}", d.in_by),
                format!("{on} is after {}", d.in_by),
            )
        });
    }
    let dest = (Place::Destination, Channel::Online, Who::Person);
    for c in &data.confirm {
        let s = step(&mut v, policy, c, dest, None);
        v.add_step(s);
    }
    let mut local_channels = Vec::new();
    for (c, region) in channels_for(policy, Shows::Transfer) {
        if region.is_some() {
            let mut s = channel_step(&mut v, policy, c);
            s.place = Place::Destination;
            local_channels.push(channel_json(c, region, &s));
            v.add_step(s);
        }
    }
    v.extra.insert("channels".into(), local_channels.into());
    let prefix = Text::new("若未按时到账: ", "If it has not arrived in time: ");
    for (i, c) in data.if_missing.iter().enumerate() {
        let s = step(&mut v, policy, c, dest, (i == 0).then_some(&prefix));
        v.add_step(s);
    }
    for n in &data.note {
        add_item(&mut v, policy, n, Verdict::add_note);
    }
    own_money_note(&mut v, policy);
    if facts.submitted.is_none() {
        v.warnings.push(Text::new(
            "加 --submitted YYYY-MM-DD(转移申请被受理的日期)可算出应到账日期",
            "add --submitted YYYY-MM-DD (the day the transfer application was accepted) for the arrival date",
        ));
    }
    common_extra(&mut v, facts, "after_transfer");
    v
}

#[cfg(test)]
mod tests;
