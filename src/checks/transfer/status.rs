//! Where an accepted application stands on the as-of date: working days elapsed since
//! acceptance, the next time limit (or the ones passed), and whether both have passed (then
//! the plan adds how to chase it).

use chrono::NaiveDate;

use crate::calendar::Calendar;
use crate::checks::limits::Dates;
use crate::verdict::Limit;

/// The state of an accepted application (JSON `status`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub submitted: NaiveDate,
    pub as_of: NaiveDate,
    /// Working days in (submitted, as_of].
    pub working_days_elapsed: u32,
    /// The calendar did not cover every day counted.
    pub estimated: bool,
    /// The limit due next, and its date; `None` once both passed.
    pub next: Option<(Limit, NaiveDate)>,
    /// Working days left until the next limit (0 on the day itself).
    pub working_days_left: Option<u32>,
    /// The limits already passed.
    pub passed: Vec<Limit>,
    /// The last day of the second limit.
    pub complete_by: NaiveDate,
}

impl Status {
    /// Both limits have passed: if the transfer is not complete, it is overdue.
    pub fn overdue(&self) -> bool {
        self.next.is_none()
    }
}

/// The state on `on`.
pub fn of(calendar: &Calendar, submitted: NaiveDate, on: NaiveDate, dates: Dates) -> Status {
    let (elapsed, estimated) = calendar.working_days_between(submitted, on);
    let limits = [
        (Limit::TransferOut, dates.out_by),
        (Limit::TransferComplete, dates.in_by),
    ];
    let passed = limits
        .iter()
        .filter(|(_, d)| *d < on)
        .map(|(id, _)| *id)
        .collect();
    let next = limits.iter().find(|(_, d)| *d >= on).copied();
    let left = next.map(|(_, d)| calendar.working_days_between(on, d).0);
    Status {
        submitted,
        as_of: on,
        working_days_elapsed: elapsed,
        estimated,
        next,
        working_days_left: left,
        passed,
        complete_by: dates.in_by,
    }
}
