//! `yibao rules coverage REGION`: how much of an answer for a place is local. Every rules
//! value as the place gets it (its pooling area's own file, its province's, or national), the
//! other data of its own (pooling, balance channels, refund cases), and the questions yibao
//! cannot answer there yet because no regional data has been found and encoded.

use serde_json::Value;

use crate::error::Error;
use crate::region::regions;
use crate::render::Report;
use crate::render::coverage::{
    CoverageReport, CoveredValue, Gap, Layer, LayerCounts, LeadJson, LocalData, PlaceRef,
};
use crate::render::text::coverage as words;
use crate::request::{Request, rules_region};
use crate::rules::RuleSet;
use crate::rules::documents::{Cite, Evidence};
use crate::rules::procedures::channels;
use crate::text::Lang;

fn place(code: &str) -> PlaceRef {
    PlaceRef {
        code: code.to_string(),
        name: regions()
            .get(code)
            .map(|r| r.name.clone())
            .unwrap_or_default(),
    }
}

fn level(rules: &RuleSet, cite: &Cite) -> Evidence {
    cite.doc(&rules.documents)
        .map_or(Evidence::Reported, |d| rules.documents.get(d).level)
}

pub fn run(region: &str, req: &Request) -> Result<CoverageReport, Error> {
    let rolled = rules_region("REGION", region)?;
    let rules = req.rules()?;
    let area = rules.pooling.area_of(rolled, req.on);
    // The place as typed (a district or county-level city), when the name is that place.
    let typed = regions().lookup(region).unwrap_or(rolled);
    let area_code = area.code.as_str();
    let province = format!("{}0000", area_code.get(..2).unwrap_or("00"));
    let layer_of = |code: Option<&str>| match code {
        None => Layer::National,
        Some(c) if c == area_code => Layer::Own,
        Some(_) => Layer::Province,
    };
    let policy = req.policy(Some(area_code))?;

    let mut values = Vec::new();
    for (key, result) in policy.all() {
        let layer = match &result {
            Ok(r) => layer_of(r.region.map(|c| c.as_str())),
            // Not in force yet: the most specific file that has the key.
            Err(_) => (policy.layers())
                .find(|(_, l)| {
                    let (section, name) = key.split_once('.').unwrap_or(("", ""));
                    (l.file.sections().iter()).any(|(s, p)| *s == section && p.contains_key(name))
                })
                .map_or(Layer::National, |(code, _)| {
                    layer_of(code.map(|c| c.as_str()))
                }),
        };
        let (label, value, source, evidence, file) = match result {
            Ok(r) => (
                r.label.clone(),
                Some(r.value.clone()),
                Some(r.source.to_string()),
                Some(
                    r.doc
                        .map_or(Evidence::Reported, |d| rules.documents.get(d).level),
                ),
                r.file.to_string(),
            ),
            Err(_) => (
                crate::text::Text::new(key.clone(), key.clone()),
                None,
                None,
                None,
                String::new(),
            ),
        };
        values.push(CoveredValue {
            key,
            label,
            layer,
            value,
            source,
            evidence,
            file,
        });
    }

    let mut local_data = Vec::new();
    for (section, params) in rules.pooling.sections() {
        for (code, param) in params {
            if *code != province {
                continue;
            }
            for entry in &param.values {
                local_data.push(LocalData {
                    item: format!("pooling.{section}"),
                    layer: layer_of(Some(code)),
                    source: entry.cite.source.get_ref().to_string(),
                    evidence: level(rules, &entry.cite),
                    file: rules.pooling.path.clone(),
                });
            }
        }
    }
    let local = channels::local(&policy);
    for l in &local {
        let layer = layer_of(Some(l.region));
        for c in &l.balance.channel {
            local_data.push(LocalData {
                item: format!("balance.channel.{}", c.id.get_ref()),
                layer,
                source: c.cite.source.get_ref().to_string(),
                evidence: level(rules, &c.cite),
                file: l.file.path.to_string(),
            });
        }
        for r in &l.balance.retiree_credit {
            local_data.push(LocalData {
                item: "balance.retiree_credit".into(),
                layer,
                source: r.cite.source.get_ref().to_string(),
                evidence: level(rules, &r.cite),
                file: l.file.path.to_string(),
            });
        }
    }
    let refund = &rules.procedures.refund;
    for region in &refund.region {
        let code = region.code.get_ref().as_str();
        if code != area_code && code != province {
            continue;
        }
        for case in &region.case {
            local_data.push(LocalData {
                item: format!("refund.case.{}", case.id.get_ref()),
                layer: layer_of(Some(code)),
                source: case.cite.source.get_ref().to_string(),
                evidence: level(rules, &case.cite),
                file: "rules/refund.toml".into(),
            });
        }
    }

    let national = |key: &str| {
        values
            .iter()
            .any(|v| v.key == key && v.layer == Layer::National)
    };
    let has = |prefix: &str| local_data.iter().any(|d| d.item.starts_with(prefix));
    let mut gaps: Vec<&'static str> = Vec::new();
    if national("waiting.local_cap_months") {
        gaps.push("waiting_after_long_gap");
    }
    if national("waiting.resident_free_missed_years") {
        gaps.push("missed_years_reading");
    }
    if national("account.employee_credit_ratio") {
        gaps.push("credit_rate");
    }
    if national("account.retiree_pension_ratio") && !has("balance.retiree_credit") {
        gaps.push("retiree_credit");
    }
    if !has("balance.channel.") {
        gaps.push("own_portal");
    }
    if !has("refund.case.") {
        gaps.push("refund_cases");
    }
    if !has("pooling.") {
        gaps.push("moves_inside_province");
    }
    let gaps = gaps
        .into_iter()
        .map(|id| {
            let (question, instead) = words::gap(id, req.lang);
            Gap {
                id,
                question,
                instead,
            }
        })
        .collect();

    let count = |layer: Layer| values.iter().filter(|v| v.layer == layer).count();
    let counts = LayerCounts {
        own: count(Layer::Own),
        province: count(Layer::Province),
        national: count(Layer::National),
        reported: (values.iter())
            .filter(|v| v.evidence == Some(Evidence::Reported))
            .count(),
    };
    let leads = (rules.leads.about(area_code, &province))
        .map(|l| LeadJson {
            region: l.region.get_ref().clone(),
            topic: l.topic.get(req.lang).to_string(),
            seen: l.seen.clone(),
            why: l.why.clone(),
        })
        .collect();
    Ok(CoverageReport {
        leads,
        place: place(&typed.code),
        pooling_area: place(area_code),
        on: req.on,
        counts,
        values,
        local_data,
        gaps,
    })
}

impl Report for CoverageReport {
    fn schema(&self) -> &'static str {
        crate::render::coverage::SCHEMA
    }

    fn json(&self, _explain: bool) -> Value {
        serde_json::to_value(self).unwrap_or_default()
    }

    fn human(&self, lang: Lang, _explain: bool) -> String {
        words::show(self, lang)
    }
}
