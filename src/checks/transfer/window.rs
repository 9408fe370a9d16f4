//! The residents' annual enrolment window (集中参保期) at the destination, as dates: the
//! window for the benefit year the person pays for (or next year's), and where the as-of date
//! stands against it. Enrolling outside it costs the fixed waiting period (38号). The dates
//! are dated rules values: a region's own window where sourced, else the national estimate.

use chrono::{Months, NaiveDate};

use super::facts::Facts;
use crate::rules::{Policy, RuleGap};
use crate::text::Str;
use crate::verdict::{Verdict, Warning};

/// A window that closes within this many days is "closing".
pub const CLOSING_DAYS: i64 = 30;

/// Where the as-of date stands against the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Not open yet.
    Upcoming,
    /// Open, more than `CLOSING_DAYS` left (days left, the last day counted).
    Open(i64),
    /// Open, closing within `CLOSING_DAYS` (days left, the last day counted).
    Closing(i64),
    /// Closed: enrolling now for that year means the fixed waiting period.
    Closed,
}

/// The window (JSON `enrolment_window`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Window {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The benefit year it enrols for.
    pub for_year: i32,
    /// No local rule: the national estimate.
    pub estimated: bool,
    pub standing: Standing,
    /// The fixed waiting period for enrolling outside it, in months.
    pub fixed_months: Option<u32>,
    /// Closed and not yet enrolled: the earliest day of cover when paying on the as-of date.
    pub late_benefits_from: Option<NaiveDate>,
    /// The region whose rule gives the dates (`None`: national).
    pub region: Option<Str>,
}

/// The window for a person insured as a resident at the destination; `None` for anyone
/// else, or when no rule is in force on the as-of date.
pub fn assess(v: &mut Verdict, facts: &Facts, policy: &Policy) -> Option<Window> {
    if facts.destination_scheme() != Some(super::Scheme::Resident) {
        return None;
    }
    // No window rule in force on the date: nothing to show (the waiting period says why).
    window(v, facts, policy).ok()
}

fn window(v: &mut Verdict, facts: &Facts, policy: &Policy) -> Result<Window, RuleGap> {
    let on = policy.on;
    let for_year = facts
        .paid_from
        .map(|m| m.year())
        .unwrap_or_else(|| chrono::Datelike::year(&on) + 1);
    let mut get = |key: &'static str| -> Result<crate::rules::Resolved, RuleGap> {
        let value = policy.get(key)?;
        v.cite_value(policy, &value);
        Ok(value)
    };
    let (fm, fd, tm, td) = (
        get("waiting.resident_window_from_month")?,
        get("waiting.resident_window_from_day")?,
        get("waiting.resident_window_to_month")?,
        get("waiting.resident_window_to_day")?,
    );
    let estimated = get("waiting.resident_window_estimated")?;
    let region = fm.region.cloned();
    let date = |y: i32, m: &crate::rules::Resolved, d: &crate::rules::Resolved| {
        NaiveDate::from_ymd_opt(y, m.int(), d.int())
    };
    let gap = || RuleGap::UnknownKey("waiting.resident_window_from_month".into());
    let from = date(for_year - 1, &fm, &fd).ok_or_else(gap)?;
    let mut to = date(for_year - 1, &tm, &td).ok_or_else(gap)?;
    if to < from {
        // A window over the turn of the year ends in the benefit year itself.
        to = date(for_year, &tm, &td).ok_or_else(gap)?;
    }
    let standing = if on < from {
        Standing::Upcoming
    } else if on > to {
        Standing::Closed
    } else {
        let left = (to - on).num_days() + 1;
        if left <= CLOSING_DAYS {
            Standing::Closing(left)
        } else {
            Standing::Open(left)
        }
    };
    let fixed = policy.get("waiting.resident_fixed_months").ok();
    let fixed_months = fixed.as_ref().map(|f| {
        v.cite_value(policy, f);
        f.int()
    });
    let late_benefits_from = match (standing, facts.destination_enrolled, fixed_months) {
        (Standing::Closed, Some(true), _) => None,
        (Standing::Closed, _, Some(m)) => on.checked_add_months(Months::new(m)),
        _ => None,
    };
    match standing {
        Standing::Closing(days_left) => v.warnings.push(Warning::EnrolmentClosing {
            to,
            days_left,
            for_year,
            fixed_months,
        }),
        Standing::Closed if facts.destination_enrolled != Some(true) => {
            v.warnings.push(Warning::EnrolmentClosed {
                to,
                for_year,
                fixed_months,
                late_benefits_from,
            })
        }
        _ => {}
    }
    Ok(Window {
        from,
        to,
        for_year,
        estimated: estimated.value.as_bool().unwrap_or(true),
        standing,
        fixed_months,
        late_benefits_from,
        region,
    })
}
