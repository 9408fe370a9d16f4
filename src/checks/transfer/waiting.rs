//! The waiting-period risk of a move, from the gap between the last month paid at the origin
//! and the first month paid at the destination: employees (gap up to 3 months: pay up, no
//! waiting period; longer: local rules, capped nationally and lower in some regions),
//! cross-scheme moves (the same, after 2 continuous years), and residents from 2025 (a fixed
//! period plus a month for each further year without cover). The rules are resolved on the
//! first day paid at the destination, so a move before a rule existed is not judged by it.

use chrono::NaiveDate;

use super::facts::{Facts, Scheme};
use crate::dates::Month;
use crate::rules::{Policy, Resolved, RuleGap};
use crate::text::Str;
use crate::verdict::{Verdict, Why};

/// Which reading applies, with the figures its explanation needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reading {
    /// No months given.
    Unknown,
    /// Both places were paid for `first`.
    Overlap { first: Month },
    /// Contributions run on without a break.
    Continuous,
    /// Resident insurance held year after year.
    ResidentContinuous,
    /// A gap within the limit: pay it up, no waiting period.
    GapPayable { gap: i32, limit: u32 },
    /// A gap over the limit: local rules, up to `cap` months (the rule of `cap_region`, or
    /// national).
    GapOverLimit {
        gap: i32,
        limit: u32,
        cap: u32,
        cap_region: Option<Str>,
    },
    /// A change of scheme, continuous years not given.
    CrossSchemeYearsUnknown { gap: i32, min: u32 },
    /// A change of scheme after fewer continuous years than the national rule needs.
    CrossSchemeShort { gap: i32, min: u32, years: u32 },
    /// Residents: whole years without cover under the 2025 rules.
    ResidentMissedYears {
        missed: i32,
        fixed: u32,
        variable: u32,
        total: u32,
        repair: u32,
        min_after: u32,
    },
    /// No rule in force on the first day paid at the destination.
    NoRuleInForce(RuleGap),
}

impl Reading {
    /// Its id in JSON (`waiting_period.rule`).
    pub fn rule(&self) -> &'static str {
        match self {
            Reading::Unknown => "unknown",
            Reading::Overlap { .. } => "overlap",
            Reading::Continuous | Reading::ResidentContinuous => "continuous",
            Reading::GapPayable { .. } => "gap_payable",
            Reading::GapOverLimit { .. } => "gap_over_limit",
            Reading::CrossSchemeYearsUnknown { .. } => "cross_scheme_years_unknown",
            Reading::CrossSchemeShort { .. } => "cross_scheme_short",
            Reading::ResidentMissedYears { .. } => "resident_missed_years",
            Reading::NoRuleInForce(_) => "no_rule_in_force",
        }
    }
}

/// The assessment (JSON `waiting_period`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Waiting {
    pub reading: Reading,
    /// Whole months with no contributions between the two places.
    pub gap_months: Option<i32>,
    /// Resident scheme: whole years without cover.
    pub missed_years: Option<i32>,
    /// The waiting period in months, where the rules fix it.
    pub months: Option<u32>,
    /// The longest it can be, where only a ceiling is known.
    pub up_to_months: Option<u32>,
    /// Residents: the shortest it can become by paying for the missed years.
    pub min_after_repair_months: Option<u32>,
    /// The sources of the values used.
    pub cites: Vec<Str>,
    /// Some value used rests only on reports.
    pub unverified: bool,
    /// The answer depends on local rules or unverified readings (outcome conditional).
    pub conditional: bool,
    /// Conditional whatever the sources' levels: local rules decide (or no rule is in force).
    pub local: bool,
    /// The gap may be paid up with no waiting period (adds the `gap_payable` step).
    pub payable: bool,
    /// The first day of cover at the destination (for a payable gap: once paid up).
    pub benefits_from: Option<NaiveDate>,
    /// `benefits_from` is the latest it can be (only a ceiling on the waiting period is known).
    pub benefits_from_latest: bool,
    /// Residents: the first day of cover after paying for the missed years.
    pub benefits_from_after_repair: Option<NaiveDate>,
    /// Residents: the reading of "每多断保1年" used, and what the other one gives.
    pub readings: Option<Readings>,
}

/// The two readings of "每多断保1年" (each further year without cover): the variable months
/// count the missed years minus the free ones (`free_years`, a dated regional value).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Readings {
    /// Missed years that add no variable month under the reading used (1: "missed − 1";
    /// 0: every missed year counts).
    pub free_years: u32,
    /// The waiting period under the other reading, in months, and its first day of cover.
    pub other_months: u32,
    pub other_benefits_from: Option<NaiveDate>,
}

impl Readings {
    /// The reading's id in JSON: `missed_minus_one` or `every_missed_year` (or
    /// `missed_minus_N` for a region that frees more years).
    pub fn used(&self) -> &'static str {
        Self::name(self.free_years)
    }

    pub fn other(&self) -> &'static str {
        Self::name(u32::from(self.free_years == 0))
    }

    fn name(free: u32) -> &'static str {
        match free {
            0 => "every_missed_year",
            1 => "missed_minus_one",
            _ => "missed_minus_more",
        }
    }
}

impl Waiting {
    fn new(reading: Reading) -> Waiting {
        Waiting {
            reading,
            gap_months: None,
            missed_years: None,
            months: None,
            up_to_months: None,
            min_after_repair_months: None,
            cites: Vec::new(),
            unverified: false,
            conditional: false,
            local: false,
            payable: false,
            benefits_from: None,
            benefits_from_latest: false,
            benefits_from_after_repair: None,
            readings: None,
        }
    }

    /// Uses a resolved value: cites it on the verdict and marks unverified readings.
    fn uses<'r>(&mut self, v: &mut Verdict<'r>, policy: &Policy<'r>, value: &Resolved<'r>) -> u32 {
        let reported = v.cite_value(policy, value);
        v.trace(value.key.clone(), true, Why::Value(value.clone()));
        if !self.cites.contains(value.source) {
            self.cites.push(value.source.clone());
        }
        if reported {
            self.unverified = true;
            self.conditional = true;
        }
        value.int()
    }

    fn gap(gap: RuleGap) -> Waiting {
        let mut w = Waiting::new(Reading::NoRuleInForce(gap));
        w.conditional = true;
        w.local = true;
        w
    }
}

/// Assesses the waiting period; `policy` is the destination's.
pub fn assess<'r>(v: &mut Verdict<'r>, facts: &Facts, policy: &Policy<'r>) -> Waiting {
    let mut w = reading(v, facts, policy);
    if let Some(first) = facts.paid_from {
        dates(&mut w, first);
    }
    w
}

/// The first day of cover, from the first month paid at the destination and the months the
/// reading gives: the day after the waiting period (a resident's benefit year starts with
/// the month paid from).
fn dates(w: &mut Waiting, first: Month) {
    let after = |months: u32| {
        first
            .plus(i32::try_from(months).ok()?)
            .map(Month::first_day)
    };
    match &w.reading {
        Reading::Overlap { .. }
        | Reading::Continuous
        | Reading::ResidentContinuous
        | Reading::GapPayable { .. } => w.benefits_from = Some(first.first_day()),
        Reading::GapOverLimit { cap, .. } => {
            w.benefits_from = after(*cap);
            w.benefits_from_latest = true;
        }
        Reading::ResidentMissedYears {
            total, min_after, ..
        } => {
            w.benefits_from = after(*total);
            w.benefits_from_after_repair = after(*min_after);
            if let Some(r) = &mut w.readings {
                r.other_benefits_from = after(r.other_months);
            }
        }
        Reading::Unknown
        | Reading::CrossSchemeYearsUnknown { .. }
        | Reading::CrossSchemeShort { .. }
        | Reading::NoRuleInForce(_) => {}
    }
}

fn reading<'r>(v: &mut Verdict<'r>, facts: &Facts, policy: &Policy<'r>) -> Waiting {
    let (Some(last), Some(first)) = (facts.last_paid, facts.paid_from) else {
        return Waiting::new(Reading::Unknown);
    };
    let at = policy.on_day(first.first_day());
    let both_resident = facts.scheme == Some(Scheme::Resident)
        && facts.destination_scheme() == Some(Scheme::Resident);
    if both_resident {
        return resident(v, &at, last.year(), first.year());
    }
    let gap = last.months_until(first) - 1;
    let mut w = if gap < 0 {
        Waiting::new(Reading::Overlap { first })
    } else if gap == 0 {
        Waiting::new(Reading::Continuous)
    } else {
        gapped(v, facts, &at, gap).unwrap_or_else(Waiting::gap)
    };
    w.gap_months = Some(gap.max(0));
    if gap <= 0 {
        w.months = Some(0);
    }
    w
}

/// A gap of one month or more, employee or cross-scheme.
fn gapped<'r>(
    v: &mut Verdict<'r>,
    facts: &Facts,
    at: &Policy<'r>,
    gap: i32,
) -> Result<Waiting, RuleGap> {
    let limit_value = at.get("waiting.employee_gap_max_months")?;
    let cap_value = at.get("waiting.local_cap_months")?;
    let limit = limit_value.int();
    if i64::from(gap) > i64::from(limit) {
        let mut w = Waiting::new(Reading::Unknown);
        w.uses(v, at, &limit_value);
        let cap = w.uses(v, at, &cap_value);
        w.up_to_months = Some(cap);
        w.conditional = true;
        w.local = true;
        w.reading = Reading::GapOverLimit {
            gap,
            limit,
            cap,
            cap_region: cap_value.region.cloned(),
        };
        return Ok(w);
    }
    if facts.cross_scheme() {
        let min_value = at.get("waiting.cross_scheme_min_years")?;
        let min = min_value.int();
        // Without enough continuous years the national rule does not decide: local rules do.
        let reading = match facts.continuous_years {
            None => Reading::CrossSchemeYearsUnknown { gap, min },
            Some(years) if years < min => Reading::CrossSchemeShort { gap, min, years },
            Some(_) => {
                let mut w = payable(v, at, &limit_value, gap);
                w.uses(v, at, &min_value);
                return Ok(w);
            }
        };
        let mut w = Waiting::new(reading);
        w.uses(v, at, &min_value);
        w.conditional = true;
        w.local = true;
        return Ok(w);
    }
    Ok(payable(v, at, &limit_value, gap))
}

/// A gap within the limit: pay it up, no waiting period.
fn payable<'r>(
    v: &mut Verdict<'r>,
    at: &Policy<'r>,
    limit_value: &Resolved<'r>,
    gap: i32,
) -> Waiting {
    let mut w = Waiting::new(Reading::Unknown);
    let limit = w.uses(v, at, limit_value);
    w.reading = Reading::GapPayable { gap, limit };
    w.months = Some(0);
    w.payable = true;
    w
}

/// Resident to resident: whole years without cover under the 2025 rules.
fn resident<'r>(v: &mut Verdict<'r>, at: &Policy<'r>, last_year: i32, first_year: i32) -> Waiting {
    let missed = first_year.saturating_sub(last_year).saturating_sub(1);
    if missed <= 0 {
        let mut w = Waiting::new(Reading::ResidentContinuous);
        w.missed_years = Some(0);
        w.months = Some(0);
        return w;
    }
    resident_missed(v, at, missed).unwrap_or_else(|g| {
        let mut w = Waiting::gap(g);
        w.missed_years = Some(missed);
        w
    })
}

fn resident_missed<'r>(
    v: &mut Verdict<'r>,
    at: &Policy<'r>,
    missed: i32,
) -> Result<Waiting, RuleGap> {
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
    let mut w = Waiting::new(Reading::Unknown);
    let [fixed, per_year, free, floor_years, floor, repair] =
        [0, 1, 2, 3, 4, 5].map(|i| w.uses(v, at, &values[i]));
    let missed_u = u32::try_from(missed).unwrap_or(u32::MAX);
    // Checked: a rules value far out of range saturates instead of wrapping.
    let variable = missed_u.saturating_sub(free).saturating_mul(per_year);
    let total = fixed.saturating_add(variable);
    // Repair removes variable months only; a long break keeps the floor.
    let floor = if missed_u >= floor_years { floor } else { 0 };
    let min_after = fixed.max(floor).min(total);
    // The other reading of "每多断保1年": every missed year counts, or all but the first.
    let other_free = u32::from(free == 0);
    let other_total =
        fixed.saturating_add(missed_u.saturating_sub(other_free).saturating_mul(per_year));
    w.readings = Some(Readings {
        free_years: free,
        other_months: other_total,
        other_benefits_from: None,
    });
    w.missed_years = Some(missed);
    w.months = Some(total);
    w.min_after_repair_months = Some(min_after);
    w.reading = Reading::ResidentMissedYears {
        missed,
        fixed,
        variable,
        total,
        repair,
        min_after,
    };
    Ok(w)
}
