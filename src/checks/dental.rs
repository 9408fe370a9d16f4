//! `yibao dental PROCEDURE`: does basic medical insurance pay for a dental treatment, from
//! `rules/dental.toml`. The cover entry that fits the scheme and region best gives the
//! outcome; a scheme not known where the schemes differ, a `yes` resting only on reports,
//! and the caveats (designated institution, imported materials) can only lower it.

use serde::Deserialize;

use super::Scheme;
use super::decide::in_region;
use super::procedure::{add_item, cite_all, item, region_json, region_label};
use crate::rules::Policy;
use crate::rules::procedures::dental::{Cover, Procedure};
use crate::text::Text;
use crate::worded::{Item, Outcome, Verdict};

pub const SCHEMA: &str = "yibao.dental/1";

/// What `yibao dental` is asked; field names are the flag names. `None`: not known.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Facts {
    /// The procedure: its id or any name it answers to.
    pub procedure: String,
    pub scheme: Option<Scheme>,
    /// Where the person is insured (a division code).
    pub region: Option<String>,
    /// Treated at an institution designated by the insurance?
    #[serde(deserialize_with = "super::answers::yes_no")]
    pub designated: Option<bool>,
    /// Imported materials or special consumables used?
    #[serde(deserialize_with = "super::answers::yes_no")]
    pub imported_material: Option<bool>,
}

impl Facts {
    fn fact(&self, id: &str) -> Option<bool> {
        match id {
            "designated" => self.designated,
            _ => self.imported_material,
        }
    }
}

/// The lower of two outcomes (no < conditional < yes).
fn lower(a: Outcome, b: Outcome) -> Outcome {
    let rank = |o| match o {
        Outcome::No => 0,
        Outcome::Conditional => 1,
        Outcome::Yes => 2,
    };
    if rank(b) < rank(a) { b } else { a }
}

/// The cover entry for one scheme: region-specific before general, scheme-specific before
/// both-schemes.
fn cover_for<'a>(p: &'a Procedure, scheme: Scheme, region: Option<&str>) -> Option<&'a Cover> {
    p.cover
        .iter()
        .filter(|c| c.scheme.is_none_or(|s| s == scheme))
        .filter(|c| match (&c.region, region) {
            (None, _) => true,
            (Some(layer), Some(code)) => in_region(layer.get_ref(), code),
            (Some(_), None) => false,
        })
        .max_by_key(|c| (c.region.is_some(), c.scheme.is_some()))
}

/// `policy` is the policy of `facts.region` (national if none). A procedure not in the
/// catalogue is `conditional` with a warning (the command refuses it earlier, with
/// suggestions).
pub fn check(facts: &Facts, policy: &Policy) -> Verdict {
    let file = &policy.rules.procedures.dental;
    let Some(p) = file.find(&facts.procedure) else {
        let name = &facts.procedure;
        let mut v = Verdict::new(
            SCHEMA,
            Outcome::Conditional,
            Text::new(
                format!("目录里没有“{name}”;请问参保地医保经办机构"),
                format!("\"{name}\" is not in the catalogue; ask the agency where you are insured"),
            ),
        )
        .with_detail(policy.detail);
        v.warnings.push(Text::new(
            "运行 yibao dental --list 查看目录",
            "run yibao dental --list to see the catalogue",
        ));
        return v;
    };
    let region = facts.region.as_deref();
    let mut v =
        Verdict::new(SCHEMA, Outcome::Conditional, Text::default()).with_detail(policy.detail);
    v.line("procedure", Text::new("项目", "procedure"), || {
        p.name.clone()
    });
    let schemes = match facts.scheme {
        Some(s) => vec![s],
        None => vec![Scheme::Employee, Scheme::Resident],
    };
    let covers: Vec<(Scheme, &Cover)> = schemes
        .iter()
        .filter_map(|s| cover_for(p, *s, region).map(|c| (*s, c)))
        .collect();
    let same = covers.windows(2).all(|w| std::ptr::eq(w[0].1, w[1].1));
    // Schemes that differ leave it open, unless both say no.
    let mut outcome = match covers.first() {
        Some((_, first)) if covers.iter().all(|(_, c)| c.outcome == first.outcome) => first.outcome,
        _ => Outcome::Conditional,
    };
    let pays: serde_json::Map<String, serde_json::Value> = covers
        .iter()
        .map(|(s, c)| {
            (
                Scheme::flag(*s).to_string(),
                serde_json::to_value(c.pays).unwrap_or_default(),
            )
        })
        .collect();
    // Symmetry: a `yes` or a `no` resting only on reported sources is conditional.
    let mut reported: Option<Outcome> = None;
    for (scheme, cover) in &covers {
        let unverified = cite_all(&mut v, policy, cover.cites());
        let label = if same && facts.scheme.is_none() {
            Text::new("谁来付", "who pays")
        } else {
            let s = crate::render::text::scheme(*scheme);
            Text::new(format!("谁来付({})", s.zh), format!("who pays ({})", s.en))
        };
        v.line("pays", label, || cover.text.clone());
        if cover.outcome == outcome && outcome != Outcome::Conditional && unverified {
            reported = Some(outcome);
        }
        if same {
            break;
        }
    }
    if let Some(said) = reported {
        outcome = Outcome::Conditional;
        let said = match said {
            Outcome::Yes => Text::new("“可以报销”", "\"covered\""),
            _ => Text::new("“不报销”", "\"not covered\""),
        };
        v.conditions.push(Item::new(
            "reported_only",
            Text::new(
                format!("{}仅见于转载和内容网站,未见官方清单;以参保地医保目录为准", said.zh),
                format!("{} is only reported by reprints and content sites, with no official list seen; the local catalogue decides", said.en),
            ),
        ));
    }
    if !same && outcome != Outcome::No {
        v.conditions.push(
            Item::new(
                "scheme",
                Text::new(
                    "职工医保和居民医保的结论不同",
                    "the employee and the resident scheme differ",
                ),
            )
            .fix(Text::new(
                "用 --scheme employee|resident 说明",
                "state it with --scheme employee|resident",
            )),
        );
    }
    if let Some(code) = region {
        v.line("region", Text::new("参保地", "insured in"), || {
            Text::new(region_label(code), region_label(code))
        });
        v.extra.insert("region".into(), region_json(code));
    }
    for c in &file.caveat {
        let data = c.item();
        let it = item(&mut v, policy, &data);
        let holds = facts.fact(c.fact.get_ref());
        let triggered = holds == Some(c.answer);
        let answer = match holds {
            Some(true) => Text::new("是", "yes"),
            Some(false) => Text::new("否", "no"),
            None => Text::new("未知", "unknown"),
        };
        let fact = c.fact.get_ref();
        v.trace(c.id.get_ref(), holds.is_some() && !triggered, || {
            Text::new(
                format!("{fact} = {}", answer.zh),
                format!("{fact} = {}", answer.en),
            )
        });
        if triggered {
            outcome = lower(outcome, c.outcome);
            v.blockers.push(it);
        } else if holds.is_none() && lower(outcome, c.outcome) != outcome {
            outcome = lower(outcome, Outcome::Conditional);
            v.conditions.push(it);
        }
    }
    v.outcome = outcome;
    v.summary = summary(p, outcome);
    for n in p.note.iter().chain(&file.note) {
        add_item(&mut v, policy, n, Verdict::add_note);
    }
    v.extra.insert("pays".into(), pays.into());
    v.extra.insert(
        "procedure".into(),
        serde_json::json!({ "id": p.id.get_ref(), "name": p.name }),
    );
    v
}

fn summary(p: &Procedure, outcome: Outcome) -> Text {
    let (zh, en) = (&p.name.zh, &p.name.en);
    match outcome {
        Outcome::Yes => Text::new(format!("{zh}可以报销"), format!("{en} is covered")),
        Outcome::No => Text::new(
            format!("{zh}基本医保一般不报销"),
            format!("{en} is generally not covered by basic medical insurance"),
        ),
        Outcome::Conditional => Text::new(
            format!("{zh}能否报销要看下面的条件"),
            format!("whether {en} is covered depends on the points below"),
        ),
    }
}

#[cfg(test)]
#[path = "dental_tests.rs"]
mod tests;
