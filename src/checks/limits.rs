//! The transfer time limits as dates: the origin agency's limit from acceptance and the
//! destination's from the arrival of the information form (医保办发〔2021〕43号, per step),
//! counted in working days on the holiday calendar. Shared by `transfer`, `merge` and
//! `balance --after-transfer`.

use chrono::NaiveDate;

use crate::rules::{Policy, Resolved, RuleGap};
use crate::verdict::{Deadline, Limit, Said, Statement, Verdict, Warning, Why};

/// When each agency should be done, counted from the day the application was accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dates {
    pub out_by: NaiveDate,
    /// Assumes the information form reaches the destination the day the origin finishes.
    pub in_by: NaiveDate,
}

/// The two limits in force, and their dates when the acceptance day is given.
#[derive(Debug, Clone)]
pub struct Limits<'r> {
    /// The origin's limit (working days).
    pub out: Resolved<'r>,
    /// The destination's limit (working days).
    pub inn: Resolved<'r>,
    pub dates: Option<Dates>,
}

/// The two limits, cited on the verdict, with their deadlines counted from `submitted`;
/// `origin` and `destination` are the two regions' policies.
pub fn transfer<'r>(
    v: &mut Verdict<'r>,
    origin: &Policy<'r>,
    destination: &Policy<'r>,
    submitted: Option<NaiveDate>,
) -> Result<Limits<'r>, RuleGap> {
    let out = origin.get("transfer.out_working_days")?;
    let inn = destination.get("transfer.in_working_days")?;
    let out_unverified = v.cite_value(origin, &out);
    let in_unverified = v.cite_value(destination, &inn);
    v.trace(
        "transfer_limits",
        true,
        Why::Limits {
            out: out.int(),
            inn: inn.int(),
            file: out.file.clone(),
        },
    );
    let Some(accepted) = submitted else {
        return Ok(Limits {
            out,
            inn,
            dates: None,
        });
    };
    let calendar = destination.calendar();
    let (out_by, out_estimated) = calendar.add_working_days(accepted, out.int());
    let (in_by, in_estimated) = calendar.add_working_days(out_by, inn.int());
    v.deadlines.push(Deadline {
        limit: Limit::TransferOut,
        date: out_by,
        from: accepted,
        working_days: out.int(),
        estimated: out_estimated,
        cite: out.source.clone(),
        unverified: out_unverified,
        record_only: false,
    });
    v.deadlines.push(Deadline {
        limit: Limit::TransferComplete,
        date: in_by,
        from: out_by,
        working_days: inn.int(),
        estimated: in_estimated,
        cite: inn.source.clone(),
        unverified: in_unverified,
        record_only: false,
    });
    if out_estimated || in_estimated {
        v.warnings
            .push(Warning::CalendarEstimate(calendar.last_covered_year()));
    }
    Ok(Limits {
        out,
        inn,
        dates: Some(Dates { out_by, in_by }),
    })
}

/// A rule missing on the date asked about, as a condition pointing to the local agency.
pub fn gap_condition<'r>(gap: RuleGap) -> Statement<'r> {
    Statement {
        said: Said::NoTimeLimit(gap),
        unverified: false,
    }
}
