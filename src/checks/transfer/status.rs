//! Where an accepted application stands on the as-of date: working days elapsed since
//! acceptance, the next time limit (or the ones passed), and what to do once they have passed
//! (the progress pages, the two agencies, the phone lines with their caveat).

use chrono::NaiveDate;
use serde::Serialize;

use crate::calendar::Calendar;
use crate::checks::limits::Dates;
use crate::text::Text;
use crate::verdict::Detail;

/// The state of an accepted application (JSON `status`).
#[derive(Debug, Clone, Serialize)]
pub struct Status {
    pub submitted: NaiveDate,
    pub as_of: NaiveDate,
    /// Working days in (submitted, as_of].
    pub working_days_elapsed: u32,
    /// The calendar did not cover every day counted.
    pub estimated: bool,
    /// `transfer_out` or `transfer_complete`, whichever is due next; `None` once both passed.
    pub next: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_date: Option<NaiveDate>,
    /// Working days left until the next limit (0 on the day itself).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub working_days_left: Option<u32>,
    /// The limits already passed.
    pub passed: Vec<&'static str>,
    /// Both limits have passed: if the transfer is not complete, it is overdue.
    pub overdue: bool,
    pub text: Text,
}

/// The state on `on`; its text is left empty for an outline.
pub fn of(
    calendar: &Calendar,
    submitted: NaiveDate,
    on: NaiveDate,
    dates: Dates,
    detail: Detail,
) -> Status {
    let (elapsed, estimated) = calendar.working_days_between(submitted, on);
    let limits = [
        ("transfer_out", dates.out_by),
        ("transfer_complete", dates.in_by),
    ];
    let passed: Vec<&'static str> = limits
        .iter()
        .filter(|(_, d)| *d < on)
        .map(|(id, _)| *id)
        .collect();
    let next = limits.iter().find(|(_, d)| *d >= on).copied();
    let left = next.map(|(_, d)| calendar.working_days_between(on, d).0);
    let text = match next {
        _ if detail == Detail::Outline => Text::default(),
        Some(("transfer_out", d)) => Text::new(
            format!(
                "受理后已过 {elapsed} 个工作日;转出地应在 {d} 前办结转出(还有 {} 个工作日)",
                left.unwrap_or(0)
            ),
            format!(
                "{elapsed} working days since acceptance; the origin should complete the transfer-out by {d} ({} working days left)",
                left.unwrap_or(0)
            ),
        ),
        Some((_, d)) => Text::new(
            format!(
                "受理后已过 {elapsed} 个工作日;转出时限已过,若 App 里转出仍未办结就是超时了;转入地应在 {d} 前办结(还有 {} 个工作日)",
                left.unwrap_or(0)
            ),
            format!(
                "{elapsed} working days since acceptance; the transfer-out limit has passed, so if the app does not show it done it is late; the destination should finish by {d} ({} working days left)",
                left.unwrap_or(0)
            ),
        ),
        None => Text::new(
            format!(
                "受理后已过 {elapsed} 个工作日,两段时限都已过({} 前应全部办结);若还没有完成,请按下面的步骤查问",
                dates.in_by
            ),
            format!(
                "{elapsed} working days since acceptance and both limits have passed (all should be done by {}); if it is not complete, chase it as shown below",
                dates.in_by
            ),
        ),
    };
    Status {
        submitted,
        as_of: on,
        working_days_elapsed: elapsed,
        estimated,
        next: next.map(|(id, _)| id),
        next_date: next.map(|(_, d)| d),
        working_days_left: left,
        overdue: next.is_none(),
        passed,
        text,
    }
}
