//! The waiting-period risk of a move, from the gap between the last month paid at the origin
//! and the first month paid at the destination: employees (gap up to 3 months: pay up, no
//! waiting period; longer: local rules, capped nationally and lower in some regions),
//! cross-scheme moves (the same, after 2 continuous years), and residents from 2025 (a fixed
//! period plus a month for each further year without cover). The rules are resolved on the
//! first day paid at the destination, so a move before a rule existed is not judged by it.

use serde::Serialize;

use super::facts::{Facts, Scheme};
use crate::rules::{Policy, Resolved, RuleGap};
use crate::text::{Str, Text};
use crate::verdict::Verdict;

/// The assessment, as shown and as JSON (`waiting_period`).
#[derive(Debug, Clone, Serialize)]
pub struct Waiting {
    /// What it comes to (first in JSON).
    #[serde(flatten)]
    pub figures: Figures,
    pub text: Text,
    /// The sources of the values used.
    pub cites: Vec<Str>,
    /// Some value used rests only on reports.
    pub unverified: bool,
    /// The answer depends on local rules or unverified readings (outcome conditional).
    pub conditional: bool,
    /// The gap may be paid up with no waiting period (adds the `gap_payable` step).
    #[serde(skip)]
    pub payable: bool,
}

/// The waiting period as figures.
#[derive(Debug, Clone, Serialize)]
pub struct Figures {
    /// Which reading applies: `unknown`, `continuous`, `overlap`, `gap_payable`,
    /// `gap_over_limit`, `cross_scheme_years_unknown`, `cross_scheme_short`,
    /// `resident_missed_years`, `no_rule_in_force`.
    pub rule: &'static str,
    /// Whole months with no contributions between the two places.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gap_months: Option<i32>,
    /// Resident scheme: whole years without cover.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub missed_years: Option<i32>,
    /// The waiting period in months, where the rules fix it.
    pub months: Option<u32>,
    /// The longest it can be, where only a ceiling is known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub up_to_months: Option<u32>,
    /// Residents: the shortest it can become by paying for the missed years.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_after_repair_months: Option<u32>,
}

impl Waiting {
    fn new(rule: &'static str, text: Text) -> Waiting {
        Waiting {
            figures: Figures {
                rule,
                gap_months: None,
                missed_years: None,
                months: None,
                up_to_months: None,
                min_after_repair_months: None,
            },
            text,
            cites: Vec::new(),
            unverified: false,
            conditional: false,
            payable: false,
        }
    }

    /// The figures and flags as a JSON object, without the text and sources (what a compact
    /// `batch` answer shows): the same keys, in the same order, as this type's own JSON.
    /// Written by hand: serializing through serde cost more than the rest of the answer.
    pub fn figures_json(&self) -> String {
        let f = &self.figures;
        let mut json = String::with_capacity(128);
        // `rule` is one of the plain ids listed on `Figures`: nothing to escape.
        json.push_str("{\"rule\":\"");
        json.push_str(f.rule);
        json.push('"');
        let mut field = |key: &str, value: Option<i64>, or_null: bool| {
            let mut digits = itoa::Buffer::new();
            let shown = match value {
                Some(n) => digits.format(n),
                None if or_null => "null",
                None => return,
            };
            for part in [",\"", key, "\":", shown] {
                json.push_str(part);
            }
        };
        field("gap_months", f.gap_months.map(i64::from), false);
        field("missed_years", f.missed_years.map(i64::from), false);
        field("months", f.months.map(i64::from), true);
        field("up_to_months", f.up_to_months.map(i64::from), false);
        let after_repair = f.min_after_repair_months.map(i64::from);
        field("min_after_repair_months", after_repair, false);
        for (key, flag) in [
            ("unverified", self.unverified),
            ("conditional", self.conditional),
        ] {
            for part in [",\"", key, "\":", if flag { "true" } else { "false" }] {
                json.push_str(part);
            }
        }
        json.push('}');
        json
    }

    /// Uses a resolved value: cites it on the verdict and marks unverified readings.
    fn uses(&mut self, v: &mut Verdict, policy: &Policy, value: &Resolved) -> u32 {
        let reported = v.cite_value(policy, value);
        v.trace(&value.key, true, || {
            Text::new(
                format!(
                    "{} = {} (自 {} 起; {}; 依据 {} {})",
                    value.key, value.value, value.since, value.file, value.source, value.evidence
                ),
                format!(
                    "{} = {} (since {}; {}; source {} {})",
                    value.key, value.value, value.since, value.file, value.source, value.evidence
                ),
            )
        });
        if !self.cites.contains(&value.source) {
            self.cites.push(value.source.clone());
        }
        if reported {
            self.unverified = true;
            self.conditional = true;
        }
        value.int()
    }

    fn gap(rule: &'static str, gap: RuleGap) -> Waiting {
        let mut w = Waiting::new(
            rule,
            Text::new(
                format!("规则中没有当时有效的等待期规定 ({gap}):按当地规定,请问转入地医保经办机构"),
                format!(
                    "no waiting-period rule in force then ({gap}): local rules apply; ask the destination agency"
                ),
            ),
        );
        w.conditional = true;
        w
    }
}

/// Assesses the waiting period; `policy` is the destination's.
pub fn assess(v: &mut Verdict, facts: &Facts, policy: &Policy) -> Waiting {
    let (Some(last), Some(first)) = (facts.last_paid, facts.paid_from) else {
        return Waiting::new(
            "unknown",
            Text::new(
                "未给出缴费月份,无法判断等待期;用 --last-paid YYYY-MM(转出地最后缴费月)和 --paid-from YYYY-MM(转入地开始缴费月)说明",
                "no months given, so the waiting period cannot be judged; state them with --last-paid YYYY-MM (last month paid at the origin) and --paid-from YYYY-MM (first month paid at the destination)",
            ),
        );
    };
    let at = Policy {
        on: first.first_day(),
        ..*policy
    };
    let both_resident = facts.scheme == Some(Scheme::Resident)
        && facts.destination_scheme() == Some(Scheme::Resident);
    if both_resident {
        return resident(v, &at, last.year(), first.year());
    }
    let gap = last.months_until(first) - 1;
    let mut w = if gap < 0 {
        Waiting::new(
            "overlap",
            v.text(|| Text::new(
                format!(
                    "{first} 两地都缴了费:没有中断,没有等待期;重复缴的费用能否退,见 yibao refund"
                ),
                format!(
                    "both places were paid for {first}: no gap and no waiting period; whether the double payment comes back, see yibao refund"
                ),
            )),
        )
    } else if gap == 0 {
        Waiting::new(
            "continuous",
            Text::new(
                "缴费没有中断:没有等待期",
                "contributions run on without a break: no waiting period",
            ),
        )
    } else {
        match gapped(v, facts, &at, gap) {
            Ok(w) => w,
            Err(g) => Waiting::gap("no_rule_in_force", g),
        }
    };
    w.figures.gap_months = Some(gap.max(0));
    if gap <= 0 {
        w.figures.months = Some(0);
    }
    w
}

/// A gap of one month or more, employee or cross-scheme.
fn gapped(v: &mut Verdict, facts: &Facts, at: &Policy, gap: i32) -> Result<Waiting, RuleGap> {
    let limit_value = at.get("waiting.employee_gap_max_months")?;
    let cap_value = at.get("waiting.local_cap_months")?;
    let limit = limit_value.int() as i32;
    if gap > limit {
        let mut w = Waiting::new("gap_over_limit", Text::default());
        w.uses(v, at, &limit_value);
        let cap = w.uses(v, at, &cap_value);
        w.figures.up_to_months = Some(cap);
        w.conditional = true;
        w.text = v.text(|| {
            let whose = match &cap_value.region {
                Some(code) => {
                    let name = crate::checks::procedure::region_name(code);
                    Text::new(format!("{name}的规定"), format!("the rule of {name}"))
                }
                None => Text::new("全国规定", "the national rule"),
            };
            Text::new(
            format!(
                "中断缴费 {gap} 个月,超过 {limit} 个月:待遇按转入地规定,可设不超过 {cap} 个月的等待期({});具体月数请问转入地医保经办机构",
                whose.zh
            ),
            format!(
                "a gap of {gap} months, more than {limit}: benefits follow the destination's rules, which may set a waiting period of up to {cap} months ({}); ask the destination agency for the exact months",
                whose.en
            ),
        )
        });
        return Ok(w);
    }
    if facts.cross_scheme() {
        let min_value = at.get("waiting.cross_scheme_min_years")?;
        let min = min_value.int();
        // Without enough continuous years the national rule does not decide: local rules do.
        let local = |v: &mut Verdict, rule, text| {
            let mut w = Waiting::new(rule, text);
            w.uses(v, at, &min_value);
            w.conditional = true;
            Ok(w)
        };
        let Some(years) = facts.continuous_years else {
            let text = v.text(|| {
                Text::new(
                    format!(
                        "换险种且中断 {gap} 个月:连续参保满 {min} 年的可补缴、不设等待期;请用 --continuous-years 说明连续参保年数"
                    ),
                    format!(
                        "a change of scheme with a {gap}-month gap: after {min} continuous years insured you may pay up with no waiting period; state your continuous years with --continuous-years"
                    ),
                )
            });
            return local(v, "cross_scheme_years_unknown", text);
        };
        if years < min {
            let text = v.text(|| {
                Text::new(
                    format!(
                        "换险种、连续参保 {years} 年(不满 {min} 年)、中断 {gap} 个月:国家规定没有覆盖这种情况,按转入地规定;请问转入地医保经办机构"
                    ),
                    format!(
                        "a change of scheme after {years} continuous years (less than {min}) with a {gap}-month gap: the national rule does not cover this, so local rules apply; ask the destination agency"
                    ),
                )
            });
            return local(v, "cross_scheme_short", text);
        }
        let mut w = payable(v, at, &limit_value, gap);
        w.uses(v, at, &min_value);
        return Ok(w);
    }
    Ok(payable(v, at, &limit_value, gap))
}

/// A gap within the limit: pay it up, no waiting period.
fn payable(v: &mut Verdict, at: &Policy, limit_value: &Resolved, gap: i32) -> Waiting {
    let mut w = Waiting::new("gap_payable", Text::default());
    let limit = w.uses(v, at, limit_value);
    w.figures.months = Some(0);
    w.payable = true;
    w.text = v.text(|| Text::new(
        format!(
            "中断缴费 {gap} 个月(不超过 {limit} 个月):按转入地规定补缴后不设等待期,从补缴当月起享受待遇,中断期间的医疗费用可按规定报销"
        ),
        format!(
            "a gap of {gap} months (no more than {limit}): once paid up under the destination's rules there is no waiting period, benefits start the month you pay, and costs during the gap can be claimed"
        ),
    ));
    w
}

/// Resident to resident: whole years without cover under the 2025 rules.
fn resident(v: &mut Verdict, at: &Policy, last_year: i32, first_year: i32) -> Waiting {
    let missed = first_year - last_year - 1;
    if missed <= 0 {
        let mut w = Waiting::new(
            "continuous",
            Text::new(
                "居民医保逐年连续参保:没有因断保产生的等待期(仍须在集中参保期参保)",
                "resident insurance held year after year: no waiting period for a break (you still need to enrol in the annual enrolment period)",
            ),
        );
        w.figures.missed_years = Some(0);
        w.figures.months = Some(0);
        return w;
    }
    match resident_missed(v, at, missed) {
        Ok(w) => w,
        Err(g) => {
            let mut w = Waiting::gap("no_rule_in_force", g);
            w.figures.missed_years = Some(missed);
            w
        }
    }
}

fn resident_missed(v: &mut Verdict, at: &Policy, missed: i32) -> Result<Waiting, RuleGap> {
    let keys = [
        "waiting.resident_fixed_months",
        "waiting.resident_months_per_missed_year",
        "waiting.resident_free_missed_years",
        "waiting.resident_floor_missed_years",
        "waiting.resident_floor_months",
        "waiting.resident_repair_months_per_year",
    ];
    let values = keys
        .iter()
        .map(|k| at.get(*k))
        .collect::<Result<Vec<_>, _>>()?;
    let mut w = Waiting::new("resident_missed_years", Text::default());
    let [fixed, per_year, free, floor_years, floor, repair] =
        [0, 1, 2, 3, 4, 5].map(|i| w.uses(v, at, &values[i]));
    let missed_u = missed as u32;
    let variable = missed_u.saturating_sub(free) * per_year;
    let total = fixed + variable;
    // Repair removes variable months only; a long break keeps the floor.
    let floor = if missed_u >= floor_years { floor } else { 0 };
    let min_after = fixed.max(floor).min(total);
    w.figures.missed_years = Some(missed);
    w.figures.months = Some(total);
    w.figures.min_after_repair_months = Some(min_after);
    w.text = v.text(|| Text::new(
        format!(
            "居民医保断保 {missed} 年:固定等待期 {fixed} 个月 + 变动等待期 {variable} 个月 = {total} 个月;每多补缴 1 年可减少 {repair} 个月变动等待期,最少 {min_after} 个月(固定部分不能减少;\"每多断保 1 年\"按断保年数减 1 计算,这一读法只见于地方解读)"
        ),
        format!(
            "{missed} year(s) without resident cover: a fixed {fixed}-month waiting period + {variable} variable month(s) = {total} months; each extra year paid removes {repair} variable month(s), down to {min_after} months at least (the fixed part cannot be reduced; 'each further year' is read as missed years minus one, a reading seen only in local explanations)"
        ),
    ));
    Ok(w)
}
