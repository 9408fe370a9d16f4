//! `yibao balance --monthly`: what is credited to the personal account each month. In-service
//! employees: a share of the contribution base (`account.employee_credit_ratio`; `yes` when
//! the region's own rule is in the files, `conditional` on the national guideline alone);
//! retirees: the region's fixed amount by age where a region file has a table, else the
//! national "about 2% of the average pension" guideline (`conditional`); residents have no
//! personal account (`no`).

use super::{Facts, SCHEMA, Scheme, add_channels, common_extra, own_money_note, place_name};
use crate::checks::procedure::{add_item, item};
use crate::rules::procedures::channels::{self, Shows};
use crate::rules::{Policy, Resolved};
use crate::text::Text;
use crate::verdict::{Item, Outcome, Verdict};

pub fn check(facts: &Facts, policy: &Policy) -> Verdict {
    let place = place_name(facts);
    let mut v =
        Verdict::new(SCHEMA, Outcome::Conditional, Text::default()).with_detail(policy.detail);
    v.line("region", Text::new("地区", "region"), || place.clone());
    let scheme = facts.scheme.unwrap_or_default();
    let data = &policy.rules.procedures.channels.monthly;
    let mut figure = serde_json::json!({
        "scheme": scheme,
        "retired": facts.retired,
        "base": facts.base,
        "age": facts.age,
    });
    if scheme == Scheme::Resident {
        v.outcome = Outcome::No;
        v.summary = Text::new(
            "居民医保没有个人账户,每月不会划入",
            "resident insurance has no personal account, so nothing is credited each month",
        );
        if let Some(n) = data.note.iter().find(|n| n.id.get_ref() == "resident_none") {
            let it = item(&mut v, policy, n);
            v.blockers.push(it);
        }
        v.trace("has_account", false, || {
            Text::new("居民医保", "resident scheme")
        });
    } else if facts.retired {
        retiree(facts, policy, &mut v, &place, &mut figure);
    } else {
        in_service(facts, policy, &mut v, &place, &mut figure);
    }
    if scheme == Scheme::Employee {
        add_channels(&mut v, policy, Shows::Credits);
        for n in data
            .note
            .iter()
            .filter(|n| n.id.get_ref() != "resident_none")
        {
            add_item(&mut v, policy, n, Verdict::add_note);
        }
        own_money_note(&mut v, policy);
    }
    v.extra.insert("monthly".into(), figure);
    common_extra(&mut v, facts, "monthly");
    v
}

/// "Where to look up your area's figure", as the fix of a condition.
fn look_up(v: &mut Verdict, policy: &Policy, id: &'static str, text: Text) -> Item {
    let data = &policy.rules.procedures.channels.monthly;
    let mut condition = Item::new(id, text);
    if let Some(first) = data.look_up.first() {
        let l = item(v, policy, first);
        condition.fix = Some(l.text);
        condition.cite = l.cite;
        condition.unverified = l.unverified;
    }
    condition
}

fn percent(ratio: f64) -> String {
    let p = ratio * 100.0;
    if (p - p.round()).abs() < 1e-9 {
        format!("{}%", p.round())
    } else {
        format!("{p:.2}%")
    }
}

fn in_service(
    facts: &Facts,
    policy: &Policy,
    v: &mut Verdict,
    place: &Text,
    figure: &mut serde_json::Value,
) {
    let ratio = match policy.get("account.employee_credit_ratio") {
        Ok(r) => r,
        Err(gap) => {
            v.summary = Text::new(
                "规则中没有当日有效的个人账户计入办法",
                "no personal-account credit rule is in force on that date",
            );
            let c = look_up(
                v,
                policy,
                "no_rule",
                Text::new(format!("{gap}"), format!("{gap}")),
            );
            v.conditions.push(c);
            return;
        }
    };
    let local = ratio.region.is_some();
    let unverified = v.cite_value(policy, &ratio);
    let pct = percent(ratio.number());
    let whose = rule_owner(&ratio);
    v.line("credit_ratio", ratio.label.clone(), || {
        Text::new(
            format!("缴费基数的 {pct}({})", whose.zh),
            format!("{pct} of the contribution base ({})", whose.en),
        )
    });
    v.trace("local_rule", local, || {
        Text::new(
            format!("计入比例来自 {}", ratio.file),
            format!("credit rate from {}", ratio.file),
        )
    });
    figure["ratio"] = ratio.number().into();
    figure["rule_file"] = ratio.file.clone().into();
    figure["unverified"] = unverified.into();
    let Some(base) = facts.base else {
        v.summary = Text::new(
            format!("在职职工每月划入缴费基数的 {pct};加 --base 缴费基数可算出金额"),
            format!(
                "in-service employees are credited {pct} of the contribution base each month; add --base AMOUNT for the figure"
            ),
        );
        let c = look_up(
            v,
            policy,
            "base",
            Text::new(
                "金额取决于您的月缴费基数(--base)",
                "the amount depends on your monthly contribution base (--base)",
            ),
        );
        v.conditions.push(c);
        return;
    };
    let yuan = (base * ratio.number() * 100.0).round() / 100.0;
    figure["yuan"] = yuan.into();
    v.line(
        "base",
        Text::new("月缴费基数", "monthly contribution base"),
        || Text::new(format!("{base:.2} 元"), format!("{base:.2} yuan")),
    );
    v.line(
        "monthly_credit",
        Text::new("每月划入(估算)", "monthly credit (estimate)"),
        || Text::new(format!("约 {yuan:.2} 元"), format!("about {yuan:.2} yuan")),
    );
    if local {
        v.outcome = Outcome::Yes;
        v.summary = Text::new(
            format!(
                "每月约划入 {yuan:.2} 元(缴费基数 {base:.2} 元的 {pct},{})",
                whose.zh
            ),
            format!(
                "about {yuan:.2} yuan a month ({pct} of a {base:.2} yuan base, {})",
                whose.en
            ),
        );
    } else {
        v.summary = Text::new(
            format!(
                "按国家指导意见估算每月约划入 {yuan:.2} 元(缴费基数的 {pct});具体比例由参保地确定"
            ),
            format!(
                "by the national guideline about {yuan:.2} yuan a month ({pct} of the base); the exact rate is set where you are insured"
            ),
        );
        let c = look_up(
            v,
            policy,
            "local_rate",
            Text::new(
                format!(
                    "规则中没有{}自己的计入比例;国家意见是“原则上”{pct}",
                    place.zh
                ),
                format!(
                    "the rules have no credit rate of {} itself; the national guideline says {pct} \"in principle\"",
                    place.en
                ),
            ),
        );
        v.conditions.push(c);
    }
}

fn rule_owner(value: &Resolved) -> Text {
    match &value.region {
        Some(code) => {
            let name = crate::checks::procedure::region_name(code);
            Text::new(format!("{name}规定"), format!("rule of {name}"))
        }
        None => Text::new("国家指导意见", "national guideline"),
    }
}

fn retiree(
    facts: &Facts,
    policy: &Policy,
    v: &mut Verdict,
    place: &Text,
    figure: &mut serde_json::Value,
) {
    if let Some((local, schedule)) = channels::retiree_schedule(policy) {
        let unverified = v.cite(
            policy,
            schedule.cite.source.get_ref(),
            &schedule.cite.article,
        );
        let label = crate::checks::procedure::region_name(local.region);
        let bands: Vec<serde_json::Value> = schedule
            .bands
            .iter()
            .map(|b| {
                serde_json::json!({
                    "age_from": b.age_from.get_ref(),
                    "age_to": b.age_to.as_ref().map(|t| *t.get_ref()),
                    "yuan": b.yuan.get_ref(),
                })
            })
            .collect();
        figure["bands"] = bands.into();
        figure["rule_file"] = local.file.path.clone().into();
        figure["unverified"] = unverified.into();
        for (i, b) in schedule.bands.iter().enumerate() {
            let ages = match &b.age_to {
                Some(to) if *b.age_from.get_ref() == 0 => Text::new(
                    format!("{} 岁以下", to.get_ref() + 1),
                    format!("under {}", to.get_ref() + 1),
                ),
                Some(to) => Text::new(
                    format!("{}–{} 岁", b.age_from.get_ref(), to.get_ref()),
                    format!("aged {}–{}", b.age_from.get_ref(), to.get_ref()),
                ),
                None => Text::new(
                    format!("{} 岁及以上", b.age_from.get_ref()),
                    format!("aged {} and over", b.age_from.get_ref()),
                ),
            };
            v.line(
                format!("retiree_band_{i}"),
                Text::new(
                    format!("退休人员 {}", ages.zh),
                    format!("retirees {}", ages.en),
                ),
                || {
                    Text::new(
                        format!("每月 {} 元", b.yuan.get_ref()),
                        format!("{} yuan a month", b.yuan.get_ref()),
                    )
                },
            );
        }
        match facts.age.and_then(|a| schedule.band(a)) {
            Some(band) => {
                let yuan = *band.yuan.get_ref();
                figure["yuan"] = yuan.into();
                v.outcome = Outcome::Yes;
                v.summary = Text::new(
                    format!("退休人员每月定额划入 {yuan} 元({label}规定)"),
                    format!("{yuan} yuan a month, a fixed amount for retirees (rule of {label})"),
                );
            }
            None => {
                v.summary = Text::new(
                    format!("{label}退休人员每月定额划入,金额按年龄分档(见下表)"),
                    format!(
                        "retirees in {label} get a fixed monthly amount by age (see the table)"
                    ),
                );
                v.conditions.push(
                    Item::new(
                        "age",
                        Text::new(
                            "金额取决于您的年龄(--age)",
                            "the amount depends on your age (--age)",
                        ),
                    )
                    .fix(Text::new("加 --age 年龄", "add --age YEARS")),
                );
            }
        }
        return;
    }
    match policy.get("account.retiree_pension_ratio") {
        Ok(ratio) => {
            v.cite_value(policy, &ratio);
            let pct = percent(ratio.number());
            figure["pension_ratio"] = ratio.number().into();
            v.line("retiree_ratio", ratio.label.clone(), || {
                Text::new(
                    format!("约 {pct}(国家指导意见)"),
                    format!("about {pct} (national guideline)"),
                )
            });
            v.summary = Text::new(
                format!(
                    "退休人员由统筹基金每月定额划入,约为参保地改革当年基本养老金平均水平的 {pct};规则中没有{}的具体金额",
                    place.zh
                ),
                format!(
                    "retirees get a fixed monthly amount from the pooled fund, about {pct} of the area's average basic pension in its reform year; the rules have no amount for {}",
                    place.en
                ),
            );
        }
        Err(gap) => {
            v.summary = Text::new(
                "规则中没有当日有效的退休人员划入办法",
                "no retiree credit rule is in force on that date",
            );
            v.warnings
                .push(Text::new(format!("{gap}"), format!("{gap}")));
        }
    }
    let c = look_up(
        v,
        policy,
        "local_amount",
        Text::new(
            format!("{}退休人员的定额由当地确定", place.zh),
            format!("the fixed amount for retirees is set by {}", place.en),
        ),
    );
    v.conditions.push(c);
}
