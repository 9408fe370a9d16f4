//! The words of calendar files (`--ics`): event titles and descriptions, both languages.

use super::say;
use crate::render::ics::events::{Case, Dated, Kind};
use crate::text::Lang;

/// The `CATEGORIES` of every event.
pub const CATEGORY: &str = "yibao";

pub use super::print::place;

/// The calendar's name.
pub fn calendar_name(case: &Case, lang: Lang) -> String {
    let title = &case.title;
    say!(
        lang,
        "医保办理日期 {title}",
        "Medical insurance dates {title}"
    )
}

/// What the date is, briefly.
fn what(d: &Dated, lang: Lang) -> String {
    match d.kind {
        Kind::Deadline(limit) => super::limit(limit, lang).to_string(),
        Kind::WaitingEnds => say!(
            lang,
            "等待期结束,待遇最早从这天起",
            "waiting period over: benefits from this day at the earliest"
        ),
        Kind::WindowCloses => say!(
            lang,
            "城乡居民医保集中参保期最后一天",
            "last day of the residents' annual enrolment window"
        ),
    }
}

/// The event's title.
pub fn summary(case: &Case, d: &Dated, lang: Lang) -> String {
    let (title, what) = (&case.title, what(d, lang));
    match d.kind {
        Kind::Deadline(_) | Kind::WindowCloses => say!(
            lang,
            "医保 {title}: {what} 最迟日",
            "Insurance {title}: {what}, last day"
        ),
        Kind::WaitingEnds => say!(lang, "医保 {title}: {what}", "Insurance {title}: {what}"),
    }
}

/// The reminder's title: `n` working days before the deadline.
pub fn reminder_summary(case: &Case, d: &Dated, n: u32, lang: Lang) -> String {
    let (title, what, date) = (&case.title, what(d, lang), d.date);
    let days = super::Count(n.into(), "working day");
    say!(
        lang,
        "提醒 医保 {title}: 还有 {n} 个工作日 — {what}(最迟 {date})",
        "Reminder, insurance {title}: {days} left — {what} (by {date})"
    )
}

/// The description: how the date was found, what it rests on, and what to check.
pub fn description(d: &Dated, from_today: Option<chrono::NaiveDate>, lang: Lang) -> String {
    let mut lines = vec![what(d, lang)];
    if let Some((from, n)) = d.counted {
        let date = d.date;
        lines.push(say!(
            lang,
            "最迟 {date}:{from} 后第 {n} 个工作日(按国务院节假日安排计算)",
            "by {date}: {n} working days after {from} (on the State Council holiday calendar)"
        ));
    }
    if let Some((months, from)) = d.waiting {
        let month = from.format("%Y-%m");
        let mark = crate::render::verdict::unverified_mark(lang, d.unverified);
        lines.push(say!(
            lang,
            "等待期 {months} 个月,从转入地开始缴费的 {month} 起算{mark};具体以转入地医保经办机构为准",
            "a waiting period of {months} months, counted from {month}, the first month paid at the destination{mark}; the destination agency has the final word"
        ));
    }
    if d.estimated {
        lines.push(say!(
            lang,
            "估算:这一年的节假日安排还不在规则中,只扣除了周末",
            "estimate: that year's holiday notice is not in the rules yet, only weekends were counted"
        ));
    }
    if let Some(day) = from_today.filter(|_| d.counted.is_some()) {
        lines.push(say!(
            lang,
            "按 {day} 受理估算;申请被受理后,用 --submitted 受理日期 重新生成本文件,日历中的事件会随之更新",
            "counted as if the application were accepted on {day}; once it is accepted, make this file again with --submitted DATE and the events update"
        ));
    }
    if let Some(source) = &d.source {
        let mark = crate::render::verdict::unverified_mark(lang, d.unverified);
        lines.push(say!(
            lang,
            "依据: 《{source}》{mark}",
            "Source: {source}{mark}"
        ));
    }
    lines.push(say!(
        lang,
        "由 yibao 生成;办理前请向当地医保经办机构确认",
        "Made by yibao; confirm with the local medical-insurance agency before acting"
    ));
    lines.join("\n")
}
