//! `yibao refund`: can money paid twice come back, how much, and how to apply. The cases are
//! the table in `rules/refund.toml`; `decide` finds the case the answers lead to (or the one
//! named with `--case`). `yes`/`no` is what the case's source says, except that a `yes` or a
//! `no` resting only on reported sources is `conditional`; a case not reached yet, a region not
//! known for a region's case, or answers no case fits are `conditional` too.

use serde::Deserialize;

use super::Scheme;
use super::answers::word;
use super::decide::{self, Answers, REGION, Row, State};
use super::procedure::{add_item, cite_all, region_json, region_label, step};
use crate::rules::Policy;
use crate::rules::procedures::refund::RefundFile;
use crate::text::Text;
use crate::worded::{Channel, Item, Outcome, Place, Verdict, Who};

pub const SCHEMA: &str = "yibao.refund/1";

/// What `yibao refund` is asked; field names are the flag names. `None`: not known.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Facts {
    /// A case id or alias, chosen directly instead of answering the questions.
    pub case: Option<String>,
    /// Where the person is insured (a division code).
    pub region: Option<String>,
    /// What happened (an answer id of the `situation` question).
    pub situation: Option<String>,
    /// The scheme of the money asked back.
    pub scheme: Option<Scheme>,
    #[serde(deserialize_with = "super::answers::yes_no")]
    pub benefit_started: Option<bool>,
    #[serde(deserialize_with = "super::answers::yes_no")]
    pub subsidised: Option<bool>,
    #[serde(deserialize_with = "super::answers::yes_no")]
    pub standard_base: Option<bool>,
    #[serde(deserialize_with = "super::answers::yes_no")]
    pub tier_one: Option<bool>,
    #[serde(deserialize_with = "super::answers::yes_no")]
    pub years_met: Option<bool>,
}

impl Facts {
    /// The answers as the table names them.
    pub fn answers(&self) -> Answers {
        let yes_no = |b: bool| word(b).to_string();
        let scheme = self.scheme.map(|s| s.flag().to_string());
        [
            (REGION, self.region.clone()),
            ("situation", self.situation.clone()),
            ("scheme", scheme),
            ("benefit_started", self.benefit_started.map(yes_no)),
            ("subsidised", self.subsidised.map(yes_no)),
            ("standard_base", self.standard_base.map(yes_no)),
            ("tier_one", self.tier_one.map(yes_no)),
            ("years_met", self.years_met.map(yes_no)),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k.to_string(), v)))
        .collect()
    }
}

impl Facts {
    /// Records one answer as the table names it (the inverse of `answers`); an answer that
    /// does not fit the fact is ignored.
    pub fn set(&mut self, question: &str, answer: &str) {
        let yes_no = match answer {
            "yes" => Some(true),
            "no" => Some(false),
            _ => None,
        };
        match question {
            REGION => self.region = Some(answer.to_string()),
            "situation" => self.situation = Some(answer.to_string()),
            "scheme" => {
                self.scheme = match answer {
                    "employee" => Some(Scheme::Employee),
                    "resident" => Some(Scheme::Resident),
                    _ => None,
                }
            }
            "benefit_started" => self.benefit_started = yes_no,
            "subsidised" => self.subsidised = yes_no,
            "standard_base" => self.standard_base = yes_no,
            "tier_one" => self.tier_one = yes_no,
            "years_met" => self.years_met = yes_no,
            _ => {}
        }
    }
}

/// `policy` is the policy of `facts.region` (national if none).
pub fn check(facts: &Facts, policy: &Policy) -> Verdict {
    let file = &policy.rules.procedures.refund;
    let answers = facts.answers();
    let named = facts
        .case
        .as_deref()
        .and_then(|name| file.find(name).map(|(layer, case)| Row { layer, case }));
    let mut v =
        Verdict::new(SCHEMA, Outcome::Conditional, Text::default()).with_detail(policy.detail);
    if let Some(row) = named {
        // A case named directly: its answers are taken as given, all but the region.
        let open = row
            .layer
            .filter(|l| !answers.get(REGION).is_some_and(|a| decide::in_region(l, a)));
        case_verdict(&mut v, policy, file, row, open.is_some(), &answers);
    } else {
        match decide::state(file, &answers) {
            State::Decided(row) => case_verdict(&mut v, policy, file, row, false, &answers),
            State::Open(rows) => open_verdict(&mut v, file, &rows, &answers),
        }
    }
    if let Some(code) = &facts.region {
        v.extra.insert("region".into(), region_json(code));
    }
    v.extra.insert(
        "answers".into(),
        serde_json::to_value(&answers).unwrap_or_default(),
    );
    v
}

fn case_verdict(
    v: &mut Verdict,
    policy: &Policy,
    file: &RefundFile,
    row: Row,
    region_open: bool,
    answers: &Answers,
) {
    let case = row.case;
    let unverified = cite_all(v, policy, case.cites());
    let stated = case.outcome;
    v.outcome = stated;
    v.summary = Text::new(
        format!("{}:{}", case.name.zh, case.refund.zh),
        format!("{}: {}", case.name.en, case.refund.en),
    );
    v.line("case", Text::new("情形", "case"), || case.name.clone());
    let applies = match row.layer {
        Some(code) => {
            let label = region_label(code);
            Text::new(format!("{label}的规定"), format!("the rule of {label}"))
        }
        None => Text::new(
            "一般规则(多地表述一致)",
            "general rule (restated alike by several cities)",
        ),
    };
    v.line("applies", Text::new("适用", "applies"), || applies);
    v.line(
        "refund",
        Text::new("能退什么", "what comes back"),
        || case.refund.clone(),
    );
    if let Some(d) = &case.deducted {
        v.line("deducted", Text::new("扣除", "deducted"), || d.clone());
    }
    for (q, a) in answers {
        v.trace(q, row.fits(&[(q.clone(), a.clone())].into()), || {
            Text::new(format!("{q} = {a}"), format!("{q} = {a}"))
        });
    }
    if region_open && let Some(code) = row.layer {
        let label = region_label(code);
        let (zh, en) = (
            crate::render::text::outcome(stated).zh,
            crate::render::text::outcome(stated).en,
        );
        let condition = match answers.get(REGION) {
            Some(place) => {
                let place = region_label(place);
                Item::new(
                    "region",
                    Text::new(
                        format!("这是{label}的规定,您在{place}参保:以{place}的规定为准"),
                        format!("this is the rule of {label}, and you are insured in {place}: the rules of {place} decide"),
                    ),
                )
                .fix(Text::new(
                    format!("向{place}的医保经办机构或税务部门咨询"),
                    format!("ask the medical-insurance agency or tax office of {place}"),
                ))
            }
            None => Item::new(
                "region",
                Text::new(
                    format!("这是{label}的规定;在其他地区以当地规定为准"),
                    format!("this is the rule of {label}; elsewhere the local rules decide"),
                ),
            )
            .fix(Text::new(
                format!("用 --region 说明参保地;在{label}参保时结论为“{zh}”"),
                format!("state where you are insured with --region; insured in {label}, the answer is \"{en}\""),
            )),
        };
        v.conditions.push(condition);
        v.outcome = Outcome::Conditional;
    }
    // Symmetry: a `no` resting only on reported sources is as open as such a `yes`.
    if stated != Outcome::Conditional && unverified {
        v.outcome = Outcome::Conditional;
        v.conditions.push(Item::new(
            "reported_only",
            Text::new(
                "依据仅见于转载或地方问答,尚未核对官方原文;申请前向参保地医保经办机构确认",
                "the sources are reprints or local Q&As, not checked against an official text; confirm with the agency where you are insured before applying",
            ),
        ));
    }
    for n in &case.note {
        add_item(v, policy, n, Verdict::add_note);
    }
    if stated != Outcome::No {
        let default = (Place::Local, Channel::Online, Who::Person);
        // A region's own steps follow the first general step of the same channel (its
        // online path after the general online step); any left over come last.
        let mut own: Vec<_> = file
            .region
            .iter()
            .filter(|r| row.layer.is_some_and(|l| l == r.code.get_ref()))
            .flat_map(|r| r.step.iter())
            .collect();
        let mut order = Vec::new();
        for general in &file.step {
            order.push(general);
            let (same, rest): (Vec<_>, Vec<_>) =
                own.into_iter().partition(|s| s.channel == general.channel);
            order.extend(same);
            own = rest;
        }
        for s in order.into_iter().chain(own) {
            let st = step(v, policy, s, default, None);
            v.add_step(st);
        }
        for m in &file.material {
            add_item(v, policy, m, Verdict::add_material);
        }
    }
    for n in &file.note {
        add_item(v, policy, n, Verdict::add_note);
    }
    v.extra.insert(
        "case".into(),
        serde_json::json!({
            "id": case.id.get_ref(),
            "name": case.name,
            "region": row.layer,
            "stated_outcome": stated,
            "unverified": unverified,
        }),
    );
}

/// No single case yet: what is still open and which flags would decide it.
fn open_verdict(v: &mut Verdict, file: &RefundFile, rows: &[Row], answers: &Answers) {
    v.outcome = Outcome::Conditional;
    if rows.is_empty() {
        v.summary = Text::new(
            "表中没有符合这些回答的情形;请向参保地医保经办机构或税务部门咨询",
            "no case in the table fits these answers; ask the medical-insurance agency or tax office where you are insured",
        );
        v.warnings.push(Text::new(
            "运行 yibao refund --list 查看全部情形",
            "run yibao refund --list to see every case",
        ));
        return;
    }
    v.summary = Text::new(
        format!("还有 {} 种情形可能适用;回答下面的问题即可确定", rows.len()),
        format!(
            "{} cases may still apply; the questions below decide",
            rows.len()
        ),
    );
    let mut asked = Vec::new();
    while let Some(q) = decide::next_question(file, rows, answers, &asked) {
        asked.push(q.to_string());
        let flag = format!("--{}", q.replace('_', "-"));
        let values = decide::options(file, rows, q).join("|");
        let question = match file.question(q) {
            Some(data) => data.text.clone(),
            None => Text::new("您在哪里参保?", "Where are you insured?"),
        };
        let values = if q == REGION {
            "REGION".to_string()
        } else {
            values
        };
        v.conditions
            .push(Item::new(q.to_string(), question).fix(Text::new(
                format!("用 {flag} {values} 说明"),
                format!("state it with {flag} {values}"),
            )));
    }
    for r in rows {
        let c = r.case;
        let outcome = crate::render::text::outcome(c.outcome);
        v.add_note(Item::new(
            c.id.get_ref().clone(),
            Text::new(
                format!(
                    "可能的情形 {}:{}(结论:{})",
                    c.id.get_ref(),
                    c.name.zh,
                    outcome.zh
                ),
                format!(
                    "possible case {}: {} (answer: {})",
                    c.id.get_ref(),
                    c.name.en,
                    outcome.en
                ),
            ),
        ));
    }
    v.extra.insert(
        "candidates".into(),
        rows.iter().map(|r| r.case.id.get_ref().clone()).collect(),
    );
}

#[cfg(test)]
#[path = "refund_tests.rs"]
mod tests;
