//! The transfer time limits as dates: the origin agency's limit from acceptance and the
//! destination's from the arrival of the information form (医保办发〔2021〕43号, per step),
//! counted in working days on the holiday calendar. Shared by `balance --after-transfer` and
//! `merge`.

use chrono::NaiveDate;

use crate::rules::{Policy, RuleGap};
use crate::text::Text;
use crate::verdict::{Deadline, Verdict};

/// When each agency should be done, counted from the day the application was accepted.
#[derive(Debug, Clone, Copy)]
pub struct Dates {
    pub out_by: NaiveDate,
    /// Assumes the information form reaches the destination the day the origin finishes.
    pub in_by: NaiveDate,
}

/// Adds the two limits to the verdict as lines (and, given the acceptance date, as
/// deadlines); `origin` and `destination` are the two regions' policies.
pub fn transfer(
    v: &mut Verdict,
    origin: &Policy,
    destination: &Policy,
    submitted: Option<NaiveDate>,
) -> Result<Option<Dates>, RuleGap> {
    let out = origin.get("transfer.out_working_days")?;
    let inn = destination.get("transfer.in_working_days")?;
    let out_unverified = v.cite_value(origin, &out);
    let in_unverified = v.cite_value(destination, &inn);
    let days = |n: u32| Text::new(format!("{n} 个工作日"), format!("{n} working days"));
    v.line("out_working_days", out.label.clone(), || days(out.int()));
    v.line("in_working_days", inn.label.clone(), || days(inn.int()));
    v.trace("transfer_limits", true, || {
        Text::new(
            format!(
                "转出 {} + 转入 {} 个工作日 ({})",
                out.int(),
                inn.int(),
                out.file
            ),
            format!(
                "out {} + in {} working days ({})",
                out.int(),
                inn.int(),
                out.file
            ),
        )
    });
    let Some(accepted) = submitted else {
        return Ok(None);
    };
    let calendar = destination.calendar();
    let (out_by, out_estimated) = calendar.add_working_days(accepted, out.int());
    let (in_by, in_estimated) = calendar.add_working_days(out_by, inn.int());
    v.deadlines.push(Deadline {
        id: "transfer_out".into(),
        label: Text::new(
            "转出地办结转出、划出余额",
            "origin completes the transfer-out and sends the balance",
        ),
        date: out_by,
        from: accepted,
        working_days: out.int(),
        estimated: out_estimated,
        cite: out.source.clone(),
        unverified: out_unverified,
    });
    v.deadlines.push(Deadline {
        id: "transfer_complete".into(),
        label: Text::new(
            "转入地办结转入、余额记入账户(假设信息表当天送达)",
            "destination completes the transfer-in and credits the balance (if the form arrives the same day)",
        ),
        date: in_by,
        from: out_by,
        working_days: inn.int(),
        estimated: in_estimated,
        cite: inn.source.clone(),
        unverified: in_unverified,
    });
    if out_estimated || in_estimated {
        let last = calendar
            .last_covered_year()
            .map_or_else(String::new, |y| y.to_string());
        v.warnings.push(Text::new(
            format!("日历只收录到 {last} 年的放假安排;之后的日期只扣除周末,是估算"),
            format!("the calendar covers holiday notices up to {last} only; later dates skip weekends only and are estimates"),
        ));
    }
    Ok(Some(Dates { out_by, in_by }))
}

/// A rule missing on the date asked about, as a condition pointing to the local agency.
pub fn gap_condition(gap: &RuleGap) -> crate::verdict::Item {
    crate::verdict::Item::new(
        "no_time_limit",
        Text::new(
            format!("规则中没有当日有效的转移时限 ({gap})"),
            format!("no transfer time limit in force on that date ({gap})"),
        ),
    )
    .fix(Text::new(
        "向转出地和转入地医保经办机构询问办理时限",
        "ask the origin and destination agencies how long each step takes",
    ))
}
