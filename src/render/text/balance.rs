//! The words of `yibao balance`: the summary and key lines of each mode (the ways to see the
//! balance, a moved balance's arrival, the monthly credit), and its trace.

use std::borrow::Cow;

use super::{Context, Line, place, place_name, say, working_days};
use crate::checks::balance::{Answer, Credit, Mode};
use crate::rules::Resolved;
use crate::text::{Lang, Text};
use crate::vocab::Outcome;

/// The place asked about, or that none was.
fn region(a: &Answer, lang: Lang) -> String {
    match &a.facts.region {
        Some(code) => place(code, lang),
        None => Text::new("未指定(全国)", "none given (national)")
            .get(lang)
            .into(),
    }
}

/// Whose rule a value is: the region's, or the national guideline.
fn owner(value: &Resolved, lang: Lang) -> String {
    match &value.region {
        Some(code) => {
            let name = place_name(code);
            say!(lang, "{name}规定", "rule of {name}")
        }
        None => say!(lang, "国家指导意见", "national guideline"),
    }
}

/// The conclusion in one sentence, from the final outcome and figures.
pub fn summary(a: &Answer, lang: Lang) -> String {
    let place = region(a, lang);
    match &a.mode {
        Mode::Channels { .. } => {
            let n = a.verdict.steps.len();
            say!(
                lang,
                "{place}: 查看个人账户余额、明细和每月划入共 {n} 种方式,先线上后线下,任选其一",
                "{place}: {n} ways to see the personal-account balance, records and monthly credit, online first, then offline; any one will do"
            )
        }
        Mode::AfterTransfer { limits, overdue } => {
            let on = a.verdict.trace.iter().find_map(|t| match t.why {
                crate::verdict::Why::Overdue { on, .. } => Some(on),
                _ => None,
            });
            match (limits.as_ref().and_then(|l| l.dates), overdue) {
                (None, _) if a.verdict.outcome == Outcome::Conditional => say!(
                    lang,
                    "规则中没有当日有效的转移时限,无法推算到账日期",
                    "no transfer time limit is in force on that date, so no arrival date can be worked out"
                ),
                (None, _) => say!(
                    lang,
                    "转移的余额在两段时限(转出 + 转入)内到账;加 --submitted 日期可算出具体日期",
                    "a moved balance arrives within the two limits (out + in); add --submitted DATE for the dates"
                ),
                (Some(d), true) => {
                    let by = d.in_by;
                    say!(
                        lang,
                        "按时限,余额最迟应在 {by} 前到账,已经过期;若还没到账,按下面的步骤查问",
                        "by the time limits the balance should have arrived by {by}, which has passed; if it has not, follow the steps below"
                    )
                }
                (Some(d), false) => {
                    let by = d.in_by;
                    let on = on.map_or_else(String::new, |d| d.to_string());
                    say!(
                        lang,
                        "按时限,余额应在 {by} 前到账(估算);今天 {on} 仍在时限内",
                        "by the time limits the balance should arrive by {by} (estimate); on {on} it is still within the limits"
                    )
                }
            }
        }
        Mode::Monthly(credit) => monthly_summary(credit, &place, lang),
    }
}

fn monthly_summary(credit: &Credit, place: &str, lang: Lang) -> String {
    match credit {
        Credit::Resident => say!(
            lang,
            "居民医保没有个人账户,每月不会划入",
            "resident insurance has no personal account, so nothing is credited each month"
        ),
        Credit::NoEmployeeRule => say!(
            lang,
            "规则中没有当日有效的个人账户计入办法",
            "no personal-account credit rule is in force on that date"
        ),
        Credit::EmployeeRate {
            ratio, base, yuan, ..
        } => {
            let pct = percent(ratio.number());
            match (base, yuan) {
                (Some(base), Some(yuan)) if ratio.region.is_some() => {
                    let whose = owner(ratio, lang);
                    say!(
                        lang,
                        "每月约划入 {yuan:.2} 元(缴费基数 {base:.2} 元的 {pct},{whose})",
                        "about {yuan:.2} yuan a month ({pct} of a {base:.2} yuan base, {whose})"
                    )
                }
                (Some(_), Some(yuan)) => say!(
                    lang,
                    "按国家指导意见估算每月约划入 {yuan:.2} 元(缴费基数的 {pct});具体比例由参保地确定",
                    "by the national guideline about {yuan:.2} yuan a month ({pct} of the base); the exact rate is set where you are insured"
                ),
                _ => say!(
                    lang,
                    "在职职工每月划入缴费基数的 {pct};加 --base 缴费基数可算出金额",
                    "in-service employees are credited {pct} of the contribution base each month; add --base AMOUNT for the figure"
                ),
            }
        }
        Credit::RetireeBands { region, yuan, .. } => {
            let label = place_name(region);
            match yuan {
                Some(yuan) => say!(
                    lang,
                    "退休人员每月定额划入 {yuan} 元({label}规定)",
                    "{yuan} yuan a month, a fixed amount for retirees (rule of {label})"
                ),
                None => say!(
                    lang,
                    "{label}退休人员每月定额划入,金额按年龄分档(见下表)",
                    "retirees in {label} get a fixed monthly amount by age (see the table)"
                ),
            }
        }
        Credit::RetireeRatio(Some(ratio)) => {
            let pct = percent(ratio.number());
            say!(
                lang,
                "退休人员由统筹基金每月定额划入,约为参保地改革当年基本养老金平均水平的 {pct};规则中没有{place}的具体金额",
                "retirees get a fixed monthly amount from the pooled fund, about {pct} of the area's average basic pension in its reform year; the rules have no amount for {place}"
            )
        }
        Credit::RetireeRatio(None) => say!(
            lang,
            "规则中没有当日有效的退休人员划入办法",
            "no retiree credit rule is in force on that date"
        ),
    }
}

/// The key lines, in display order.
pub fn lines(a: &Answer, lang: Lang) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    let mut line = |id: Cow<'static, str>, label: &str, value: String| {
        out.push((id, label.to_string().into(), value));
    };
    let label = |t: Text| t.get(lang).to_string();
    match &a.mode {
        Mode::Channels { local } => {
            line(
                "region".into(),
                &label(Text::new("地区", "region")),
                region(a, lang),
            );
            let n = say!(lang, "{local} 个", "{local}");
            line(
                "local_channels".into(),
                &label(Text::new("本地渠道", "local channels")),
                n,
            );
        }
        Mode::AfterTransfer { limits, .. } => {
            let here = Text::new("转入地(查余额的地方)", "destination (where you check)");
            line("region".into(), &label(here), region(a, lang));
            if let Some(from) = &a.facts.from {
                line(
                    "from".into(),
                    &label(Text::new("转出地", "origin")),
                    place(from, lang),
                );
            }
            if let Some(l) = limits {
                let (out_label, in_label) = (l.out.label.get(lang), l.inn.label.get(lang));
                line(
                    "out_working_days".into(),
                    out_label,
                    working_days(l.out.int(), lang),
                );
                line(
                    "in_working_days".into(),
                    in_label,
                    working_days(l.inn.int(), lang),
                );
            }
        }
        Mode::Monthly(credit) => {
            line(
                "region".into(),
                &label(Text::new("地区", "region")),
                region(a, lang),
            );
            monthly_lines(credit, lang, &mut line);
        }
    }
    out
}

fn monthly_lines(
    credit: &Credit,
    lang: Lang,
    line: &mut impl FnMut(Cow<'static, str>, &str, String),
) {
    match credit {
        Credit::EmployeeRate {
            ratio, base, yuan, ..
        } => {
            let (pct, whose) = (percent(ratio.number()), owner(ratio, lang));
            let rate = say!(
                lang,
                "缴费基数的 {pct}({whose})",
                "{pct} of the contribution base ({whose})"
            );
            line("credit_ratio".into(), ratio.label.get(lang), rate);
            if let (Some(base), Some(yuan)) = (base, yuan) {
                let label = Text::new("月缴费基数", "monthly contribution base");
                line(
                    "base".into(),
                    label.get(lang),
                    say!(lang, "{base:.2} 元", "{base:.2} yuan"),
                );
                let label = Text::new("每月划入(估算)", "monthly credit (estimate)");
                let value = say!(lang, "约 {yuan:.2} 元", "about {yuan:.2} yuan");
                line("monthly_credit".into(), label.get(lang), value);
            }
        }
        Credit::RetireeBands { schedule, .. } => {
            for (i, b) in schedule.bands.iter().enumerate() {
                let from = *b.age_from.get_ref();
                let ages = match b.age_to.as_ref().map(|t| *t.get_ref()) {
                    Some(to) if from == 0 => {
                        let under = to + 1;
                        say!(lang, "{under} 岁以下", "under {under}")
                    }
                    Some(to) => say!(lang, "{from}–{to} 岁", "aged {from}–{to}"),
                    None => say!(lang, "{from} 岁及以上", "aged {from} and over"),
                };
                let yuan = b.yuan.get_ref();
                line(
                    Cow::Owned(format!("retiree_band_{i}")),
                    &say!(lang, "退休人员 {ages}", "retirees {ages}"),
                    say!(lang, "每月 {yuan} 元", "{yuan} yuan a month"),
                );
            }
        }
        Credit::RetireeRatio(Some(ratio)) => {
            let pct = percent(ratio.number());
            let value = say!(
                lang,
                "约 {pct}(国家指导意见)",
                "about {pct} (national guideline)"
            );
            line("retiree_ratio".into(), ratio.label.get(lang), value);
        }
        Credit::Resident | Credit::NoEmployeeRule | Credit::RetireeRatio(None) => {}
    }
}

/// A ratio as a percentage: `2%`, `2.50%`.
pub fn percent(ratio: f64) -> String {
    let p = ratio * 100.0;
    if (p - p.round()).abs() < 1e-9 {
        format!("{}%", p.round())
    } else {
        format!("{p:.2}%")
    }
}

/// The context the shared words need.
pub fn context<'x, 'r>(a: &'x Answer<'r>, lang: Lang) -> Context<'x, 'r> {
    Context {
        verdict: &a.verdict,
        waiting: None,
        place: Some(region(a, lang)),
        lang,
        voice: super::Voice::Flags,
    }
}
