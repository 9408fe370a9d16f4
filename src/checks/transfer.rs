//! `yibao transfer`: can this person move their basic medical insurance from one pooling area
//! to another now, and how. Blockers (retired, origin not stopped, destination not enrolled,
//! arrears, a frozen account) make it `no`; facts not known, or a waiting period that depends
//! on local rules or unverified readings, make it `conditional`; otherwise `yes`. The plan
//! (steps, materials, deadlines as dates, waiting period, what carries over) is shown in every
//! case. Pure: facts and policy in, verdict out.

pub mod facts;
pub mod status;
pub mod waiting;

#[cfg(test)]
mod tests;

use super::balance::channels_for;
use super::limits;
use super::procedure::{
    add_item, add_plan, add_step, channel_step, cite_all, flag_hint, item_of, region_json,
    region_label, step,
};
use crate::rules::Policy;
use crate::rules::procedures::channels::Shows;
use crate::rules::procedures::transfer::{BLOCKERS, applies};
use crate::text::Text;
use crate::verdict::{Channel, Item, Outcome, Place, Step, Verdict, Who};
pub use facts::{Facts, Reason, Scheme};

pub const SCHEMA: &str = "yibao.transfer/1";

/// `policy` is the destination's (`facts.to`) on the as-of date, which is also "today" for a
/// plan not yet submitted.
pub fn check(facts: &Facts, policy: &Policy) -> Verdict {
    let data = &policy.rules.procedures.transfer;
    let mut v = Verdict::new(SCHEMA, Outcome::Yes, Text::default()).with_detail(policy.detail);
    let (from, to) = match v.is_full() {
        true => (region_label(&facts.from), region_label(&facts.to)),
        false => Default::default(),
    };
    v.line("from", Text::new("转出地", "origin"), || plain(&from));
    v.line("to", Text::new("转入地", "destination"), || plain(&to));
    v.data("from", || region_json(&facts.from));
    v.data("to", || region_json(&facts.to));
    // Always present, so scripts can rely on the keys: null until assessed.
    for key in [
        "same_pooling_area",
        "waiting_period",
        "status",
        "deadlines_from",
    ] {
        v.data(key, || serde_json::Value::Null);
    }

    if facts.from == facts.to {
        v.summary = v.text(|| {
            Text::new(
                format!("不需要转移:转出地和转入地都属于 {to} 这一个统筹地区"),
                format!("no transfer needed: both places are in one pooling area, {to}"),
            )
        });
        v.trace("same_pooling_area", true, || {
            Text::new(
                format!("同一统筹地区 {to}"),
                format!("one pooling area {to}"),
            )
        });
        if let Some(n) = data.note.iter().find(|n| n.id.get_ref() == "same_area") {
            add_item(&mut v, policy, n, Verdict::add_note);
        }
        v.data("same_pooling_area", || true.into());
        return v;
    }
    v.data("same_pooling_area", || false.into());
    if let Some(s) = facts.scheme {
        v.line("scheme", Text::new("险种", "scheme"), || s.name());
    }
    if let Some(s) = facts.new_scheme.filter(|_| facts.cross_scheme()) {
        v.line(
            "new_scheme",
            Text::new("转入后的险种", "scheme at the destination"),
            || s.name(),
        );
    }
    if let Some(r) = facts.reason {
        v.line("reason", Text::new("原因", "reason"), || r.name());
    }

    let mut tags = facts.tags();
    let unknown = assess_blockers(&mut v, facts, policy, &tags);
    if v.blockers.iter().any(|b| b.id == "retired") {
        v.outcome = Outcome::No;
        v.summary = Text::new(
            "不能转移:退休人员不在医保关系转移接续的适用范围内",
            "no transfer: retirees are outside the transfer rules",
        );
        return v;
    }

    let waiting = waiting::assess(&mut v, facts, policy);
    if waiting.payable {
        tags.push("gap_payable");
    }
    v.line(
        "waiting_period",
        Text::new("等待期", "waiting period"),
        || waiting.text.clone(),
    );
    v.trace("waiting_period", !waiting.conditional, || {
        Text::new(
            format!("{}: {}", waiting.figures.rule, waiting.text.zh),
            format!("{}: {}", waiting.figures.rule, waiting.text.en),
        )
    });

    let origin = Policy {
        region: Some(&facts.from),
        ..*policy
    };
    let start = facts.submitted.unwrap_or(policy.on);
    let dates = match limits::transfer(&mut v, &origin, policy, Some(start)) {
        Ok(d) => d,
        Err(gap) => {
            v.conditions.push(limits::gap_condition(&gap));
            None
        }
    };
    v.data("deadlines_from", || {
        serde_json::json!({
            "date": start,
            "basis": if facts.submitted.is_some() { "submitted" } else { "if_applied_today" },
        })
    });
    if facts.submitted.is_none() && dates.is_some() && v.is_full() {
        v.warnings.push(Text::new(
            format!("还没有受理日期,期限按今天 ({start}) 受理计算;受理后加 --submitted YYYY-MM-DD 重新计算"),
            format!("no acceptance date yet, so the limits are counted as if accepted today ({start}); once accepted, add --submitted YYYY-MM-DD"),
        ));
    }

    let with_waits = dates.is_some();
    add_plan(&mut v, policy, SCHEMA, &tags, |v| {
        plan(v, policy, &tags, with_waits)
    });
    if let (Some(submitted), Some(d)) = (facts.submitted, dates) {
        let st = status::of(policy.calendar(), submitted, policy.on, d, v.detail);
        v.line("status", Text::new("办理进度", "progress"), || {
            st.text.clone()
        });
        if st.overdue {
            add_overdue_steps(&mut v, policy);
        }
        // What to do next: wait for the origin, then apply for the transfer-in; once both
        // limits have passed, chase it.
        let next = match st.next {
            Some("transfer_out") => "wait_transfer_out",
            Some(_) => "apply_in",
            None => "ask_destination",
        };
        let next_step = v
            .steps
            .iter()
            .find(|s| s.id == next)
            .map(|s| s.text.clone());
        v.data("status", || {
            let mut json = serde_json::to_value(&st).unwrap_or_default();
            if next_step.is_some() {
                json["next_step"] = next.into();
            }
            json
        });
        if let Some(text) = next_step {
            v.line("next_step", Text::new("下一步", "next step"), || text);
        }
    }
    v.data("waiting_period", || {
        serde_json::to_value(&waiting).unwrap_or_default()
    });
    v.figures = Some(("waiting_period", waiting.figures_json()));

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
        v.conditions.push(
            Item::new(
                "waiting_period",
                Text::new(
                    format!("等待期要看当地规定或尚待核对的读法: {}", waiting.text.zh),
                    format!(
                        "the waiting period depends on local rules or an unverified reading: {}",
                        waiting.text.en
                    ),
                ),
            )
            .fix(Text::new(
                "向转入地医保经办机构确认等待期",
                "confirm the waiting period with the destination agency",
            )),
        );
    }
    if v.is_full() {
        v.summary = summary(&v, facts, &from, &to);
    }
    v
}

fn plain(s: &str) -> Text {
    let s = crate::text::Str::from(s.to_string());
    Text::new(s.clone(), s)
}

/// Each blocker fact: a blocker when it fails, a condition (naming its flag) when unknown.
/// Returns how many are unknown.
fn assess_blockers(v: &mut Verdict, facts: &Facts, policy: &Policy, tags: &[&str]) -> usize {
    let data = &policy.rules.procedures.transfer;
    let mut unknown = 0;
    for id in BLOCKERS {
        let (mut value, blocks_when) = facts.blocker_fact(id);
        // An accepted application means the agency found this condition met.
        let implied = value.is_none() && facts.submitted.is_some();
        if implied {
            value = Some(!blocks_when);
        }
        let Some(wording) = data.blocker(id, tags) else {
            continue;
        };
        // Every blocker checked is cited; its item is made only where it is shown.
        let unverified = cite_all(v, policy, wording.cites());
        let it = || item_of(wording, unverified);
        let answer = match value {
            _ if implied => "(--submitted)",
            Some(true) => "yes",
            Some(false) => "no",
            None => "?",
        };
        let detail = |state: &str, en: &str| {
            let flag = id.replace('_', "-");
            let source = wording.cite.source.get_ref();
            Text::new(
                format!(
                    "--{flag} {answer} → {state} (查的是: {}) [transfer.toml; {source}]",
                    wording.text.zh
                ),
                format!(
                    "--{flag} {answer} → {en} (checks: {}) [transfer.toml; {source}]",
                    wording.text.en
                ),
            )
        };
        match value {
            Some(b) if b == blocks_when => {
                v.trace(id, false, || detail("受阻", "blocks"));
                v.blockers.push(it());
            }
            Some(_) => v.trace(id, true, || detail("没有问题", "clear")),
            None => {
                v.trace(id, false, || detail("未知", "unknown"));
                unknown += 1;
                // The wording names the problem, so its fix applies "if it is so".
                let if_so = Text::new("若是这种情况", "if it is so");
                let it = if v.is_full() {
                    flag_hint(it(), id, &if_so)
                } else {
                    it()
                };
                v.conditions.push(it);
            }
        }
    }
    unknown
}

/// Steps (with the agencies' waits and the destination's own progress channels), materials,
/// what carries over and notes, for the person's tags.
fn plan(v: &mut Verdict, policy: &Policy, tags: &[&str], with_waits: bool) {
    let data = &policy.rules.procedures.transfer;
    let default = (Place::Either, Channel::Online, Who::Person);
    for s in data.step.iter().filter(|s| applies(s, tags)) {
        // The agencies' own time: the transfer-out before the transfer-in application, the
        // transfer-in after it.
        let apply_in = s.id.get_ref() == "apply_in";
        if apply_in && with_waits {
            push_wait(v, "transfer_out", "wait_transfer_out", Place::Origin);
        }
        let track = s.id.get_ref() == "track_progress";
        add_step(v, policy, s, default);
        if apply_in && with_waits {
            push_wait(
                v,
                "transfer_complete",
                "wait_transfer_complete",
                Place::Destination,
            );
        }
        if track {
            // The destination's own ways to follow a transfer (e.g. Beijing's portal).
            for (c, region) in channels_for(policy, Shows::Transfer) {
                if region.is_some() {
                    let mut s = channel_step(v, policy, c);
                    s.place = Place::Destination;
                    v.add_step(s);
                }
            }
        }
    }
    for m in data.material.iter().filter(|m| applies(m, tags)) {
        add_item(v, policy, m, Verdict::add_material);
    }
    for c in data.carry.iter().filter(|c| applies(c, tags)) {
        add_item(v, policy, c, Verdict::add_carry);
    }
    for n in data
        .note
        .iter()
        .filter(|n| applies(n, tags) && n.id.get_ref() != "same_area")
    {
        add_item(v, policy, n, Verdict::add_note);
    }
}

/// An agency's wait as step `id` at `place`, from the `deadline` already on the verdict.
fn push_wait(v: &mut Verdict, deadline: &str, id: &'static str, place: Place) {
    let Some(d) = v.deadlines.iter().find(|d| d.id == deadline) else {
        return;
    };
    let wait = Step {
        id: id.into(),
        place,
        channel: Channel::Wait,
        who: Who::Agency,
        text: v.text(|| {
            Text::new(
                format!(
                    "{}:{} 个工作日内,最迟 {}",
                    d.label.zh, d.working_days, d.date
                ),
                format!(
                    "{}: within {} working days, by {}",
                    d.label.en, d.working_days, d.date
                ),
            )
        }),
        cite: Some(d.cite.clone()),
        unverified: d.unverified,
    };
    v.add_step(wait);
}

/// Once both limits have passed: how to chase it (from `channels.toml`'s after-transfer part).
fn add_overdue_steps(v: &mut Verdict, policy: &Policy) {
    let data = &policy.rules.procedures.channels;
    let prefix = Text::new("已过时限仍未办结: ", "Past the limits and not done: ");
    let default = (Place::Either, Channel::Online, Who::Person);
    for (i, c) in data.after_transfer.if_missing.iter().enumerate() {
        let s = step(v, policy, c, default, (i == 0).then_some(&prefix));
        v.add_step(s);
    }
    if let Some(n) = data
        .note
        .iter()
        .find(|n| n.id.get_ref() == "hotline_caveat")
    {
        add_item(v, policy, n, Verdict::add_note);
    }
}

fn summary(v: &Verdict, facts: &Facts, from: &str, to: &str) -> Text {
    let n = v.blockers.len();
    let c = v.conditions.len();
    match v.outcome {
        Outcome::No => Text::new(
            format!("现在还不能从{from}转到{to}:先解决下面 {n} 个问题,再按步骤申请"),
            format!(
                "not yet: clear the {n} problem(s) below, then apply to move from {from} to {to} as shown"
            ),
        ),
        Outcome::Conditional => Text::new(
            format!("从{from}转到{to}:能否现在申请、结果如何,取决于下面 {c} 个情况"),
            format!(
                "moving from {from} to {to}: whether you can apply now, and the result, depend on the {c} point(s) below"
            ),
        ),
        Outcome::Yes if facts.submitted.is_some() => {
            let progress = v
                .lines
                .iter()
                .find(|l| l.id == "status")
                .map(|l| l.value.clone())
                .unwrap_or_default();
            Text::new(
                format!("转移申请已受理(从{from}转到{to}):{}", progress.zh),
                format!(
                    "the application is accepted (from {from} to {to}): {}",
                    progress.en
                ),
            )
        }
        Outcome::Yes => Text::new(
            format!("可以申请:把医保关系从{from}转到{to},按下面的步骤办理"),
            format!("ready to apply: move your insurance from {from} to {to} as shown below"),
        ),
    }
}
