//! The events of an answer: which dates go into the calendar file and under which stable
//! UID. A date kind is one variant of `Kind` (a deadline, the end of the waiting period; an
//! enrolment window can be added the same way), worded by the catalogue
//! (`render::text::ics`) and made into events by `commands::ics`. Reminders fall a few working days before each deadline, counted on
//! the rules' holiday calendar.

use chrono::NaiveDate;

use crate::calendar::Calendar;
use crate::rules::RuleSet;
use crate::verdict::{Limit, Verdict, Warning};

/// Working days between a reminder and its deadline.
pub const REMINDER_WORKING_DAYS: u32 = 3;

/// Which case the dates belong to: the command, and the facts that name the case (places,
/// scheme). The UIDs are made from these, never from the clock or from facts that change as
/// the case goes on (an acceptance date given later updates the same events).
#[derive(Debug, Clone)]
pub struct Case {
    pub command: &'static str,
    pub key: Vec<String>,
    /// How the case is named in event titles (`西安市 → 北京市`).
    pub title: String,
}

impl Case {
    /// The stem of every UID of this case: the command and a hash of its naming facts.
    pub fn stem(&self) -> String {
        format!(
            "yibao-{}-{:016x}",
            self.command,
            fnv1a(&self.key.join("\u{1f}"))
        )
    }
}

/// FNV-1a, 64 bits: stable across runs, versions and machines (std's hasher promises none
/// of that).
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// What a dated event is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An agency's time limit.
    Deadline(Limit),
    /// The waiting period is over: benefits from this day.
    WaitingEnds,
    /// The last day of the residents' annual enrolment window (集中参保期).
    WindowCloses,
}

impl Kind {
    /// The part of the UID that names the kind.
    pub fn id(self) -> &'static str {
        match self {
            Kind::Deadline(l) => l.id(),
            Kind::WaitingEnds => "waiting_period_end",
            Kind::WindowCloses => "enrolment_window_end",
        }
    }

    /// Deadlines get a reminder before them; other dates are only marked.
    pub fn reminded(self) -> bool {
        matches!(self, Kind::Deadline(_) | Kind::WindowCloses)
    }
}

/// One date that matters, with what the catalogue needs to word it.
#[derive(Debug, Clone)]
pub struct Dated {
    pub kind: Kind,
    pub date: NaiveDate,
    /// Deadlines: counted from this day, this many working days.
    pub counted: Option<(NaiveDate, u32)>,
    /// Waiting period: its months, and the first month paid it counts from.
    pub waiting: Option<(u32, NaiveDate)>,
    /// The document the date rests on (its title), if known.
    pub source: Option<String>,
    pub unverified: bool,
    /// Counted past the holiday notices in the rules (weekends only).
    pub estimated: bool,
}

/// The deadlines of a verdict, as dates to mark.
pub fn deadlines(v: &Verdict, rules: &RuleSet) -> Vec<Dated> {
    v.deadlines
        .iter()
        .map(|d| Dated {
            kind: Kind::Deadline(d.limit),
            date: d.date,
            counted: Some((d.from, d.working_days)),
            waiting: None,
            source: rules
                .documents
                .find(&d.cite)
                .map(|id| rules.documents.get(id).title.to_string()),
            unverified: d.unverified,
            estimated: d.estimated,
        })
        .collect()
}

/// The deadlines were counted as if the application were accepted on this day.
pub fn counted_from_today(v: &Verdict) -> Option<NaiveDate> {
    v.warnings.iter().find_map(|w| match w {
        Warning::CountedFromToday(d) => Some(*d),
        _ => None,
    })
}

/// The `n`-th working day before `date` (fewer if the calendar runs out of working days,
/// which a real calendar never does within a year), and how many working days that is.
pub fn reminder_day(calendar: &Calendar, date: NaiveDate, n: u32) -> (NaiveDate, u32) {
    let mut day = date;
    let mut counted = 0;
    for _ in 0..366 {
        if counted == n {
            break;
        }
        let Some(before) = day.pred_opt() else { break };
        day = before;
        if calendar.is_workday(day) {
            counted += 1;
        }
    }
    (day, counted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_is_fixed_forever() {
        // FNV-1a's published test value: UIDs must not change between versions.
        assert_eq!(fnv1a("a"), 0xaf63_dc4c_8601_ec8c);
        let case = Case {
            command: "transfer",
            key: vec!["610100".into(), "110000".into()],
            title: String::new(),
        };
        assert_eq!(case.stem(), case.clone().stem());
    }

    #[test]
    fn a_reminder_skips_the_national_day_holiday() {
        let rules = crate::request::load_rules(None).unwrap();
        // 2026-10-08 is the first working day after the National Day holiday (10-01..10-07):
        // three working days before it are 09-30, 09-29 and 09-28.
        let d: NaiveDate = "2026-10-08".parse().unwrap();
        let (day, n) = reminder_day(&rules.calendar, d, 3);
        assert_eq!((day, n), ("2026-09-28".parse().unwrap(), 3));
    }
}
