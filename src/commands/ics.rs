//! `--ics FILE` on `transfer`, `status`, `merge` and `balance --after-transfer`: the dates of
//! the answer as an iCalendar file, written atomically beside its target. The events of one
//! move (from one pooling area to another) share their UIDs whichever command wrote them, so
//! importing a newer file updates the events instead of adding a second set.

use std::path::Path;

use crate::checks::{balance, merge, transfer};
use crate::error::Error;
use crate::render::ics::events::{self, Case, Dated, Kind};
use crate::render::ics::{self, Event};
use crate::render::text::ics as words;
use crate::request::Request;
use crate::rules::RuleSet;
use crate::text::{Lang, Text};
use crate::verdict::Verdict;

/// The case of a move from `from` to `to` (pooling-area codes).
fn move_case(from: &str, to: &str, lang: Lang) -> Case {
    Case {
        command: "move",
        key: vec![from.to_string(), to.to_string()],
        title: format!("{} → {}", words::place(from, lang), words::place(to, lang)),
    }
}

/// `transfer` and `status`: the two deadlines and, where it is fixed, the end of the waiting
/// period.
pub fn transfer(
    path: &Path,
    a: &transfer::Answer,
    rules: &RuleSet,
    req: &Request,
) -> Result<(), Error> {
    let mut dates = events::deadlines(&a.verdict, rules);
    if let Some(w) = &a.window {
        dates.push(Dated {
            kind: Kind::WindowCloses,
            date: w.to,
            counted: None,
            waiting: None,
            source: None,
            // No local rule: the national estimate of the window, to check locally.
            unverified: w.estimated,
            estimated: false,
        });
    }
    if let Some(w) = &a.waiting
        && w.months.is_some_and(|m| m > 0)
        && let Some(day) = w.benefits_from.filter(|_| !w.benefits_from_latest)
    {
        dates.push(Dated {
            kind: Kind::WaitingEnds,
            date: day,
            counted: None,
            waiting: w.months.zip(a.facts.paid_from.map(|m| m.first_day())),
            source: None,
            // The month it counts from is read from local examples only.
            unverified: true,
            estimated: false,
        });
    }
    save(
        path,
        &move_case(&a.facts.from, &a.facts.to, req.lang),
        &dates,
        &a.verdict,
        rules,
        req,
    )
}

/// `merge`: the two deadlines, once the application date is given.
pub fn merge(path: &Path, a: &merge::Answer, rules: &RuleSet, req: &Request) -> Result<(), Error> {
    let dates = events::deadlines(&a.verdict, rules);
    save(
        path,
        &move_case(&a.facts.from, &a.facts.to, req.lang),
        &dates,
        &a.verdict,
        rules,
        req,
    )
}

/// `balance --after-transfer`: when the balance should leave and arrive.
pub fn balance(
    path: &Path,
    a: &balance::Answer,
    rules: &RuleSet,
    req: &Request,
) -> Result<(), Error> {
    let f = &a.facts;
    if !f.after_transfer {
        return Err(Error::usage(
            "--ics 只用于 balance --after-transfer(余额转移的到账期限)",
            "--ics goes with balance --after-transfer (when a moved balance is due)",
        ));
    }
    let case = move_case(
        f.from.as_deref().unwrap_or_default(),
        f.region.as_deref().unwrap_or_default(),
        req.lang,
    );
    save(
        path,
        &case,
        &events::deadlines(&a.verdict, rules),
        &a.verdict,
        rules,
        req,
    )
}

fn save(
    path: &Path,
    case: &Case,
    dates: &[Dated],
    v: &Verdict,
    rules: &RuleSet,
    req: &Request,
) -> Result<(), Error> {
    if dates.is_empty() {
        return Err(Error::File {
            path: path.display().to_string(),
            reason: Text::new(
                "这个答案没有可写入日历的日期(不需要转移、转移受阻,或还缺受理日期:请加 --submitted YYYY-MM-DD),未写文件",
                "this answer has no dates to put in a calendar (no transfer needed, the transfer is blocked, or no acceptance date yet: add --submitted YYYY-MM-DD); nothing was written",
            ),
        });
    }
    let list = calendar_events(case, dates, events::counted_from_today(v), rules, req.lang);
    let text = ics::document(&list, req.on, &words::calendar_name(case, req.lang));
    refuse_foreign(path)?;
    crate::plan::write_atomically(path, text.as_bytes())
}

/// One all-day event for each date, and a reminder a few working days before each deadline.
fn calendar_events(
    case: &Case,
    dates: &[Dated],
    from_today: Option<chrono::NaiveDate>,
    rules: &RuleSet,
    lang: Lang,
) -> Vec<Event> {
    let stem = case.stem();
    let mut out = Vec::new();
    for d in dates {
        let description = words::description(d, from_today, lang);
        if d.kind.reminded() {
            let (day, n) =
                events::reminder_day(&rules.calendar, d.date, events::REMINDER_WORKING_DAYS);
            out.push(Event {
                uid: format!("{stem}-{}-reminder@yibao", d.kind.id()),
                date: day,
                summary: words::reminder_summary(case, d, n, lang),
                description: description.clone(),
                category: words::CATEGORY,
            });
        }
        out.push(Event {
            uid: format!("{stem}-{}@yibao", d.kind.id()),
            date: d.date,
            summary: words::summary(case, d, lang),
            description,
            category: words::CATEGORY,
        });
    }
    out
}

/// A directory, a device or a file that is not a calendar yibao wrote is never replaced.
fn refuse_foreign(path: &Path) -> Result<(), Error> {
    let refused = |zh: &'static str, en: &'static str| Error::File {
        path: path.display().to_string(),
        reason: Text::new(zh, en),
    };
    let Ok(meta) = std::fs::metadata(path) else {
        return Ok(());
    };
    if meta.is_dir() {
        return Err(refused(
            "这是一个目录;请给出文件名,例如 plan.ics",
            "is a directory; give a file name such as plan.ics",
        ));
    }
    if !meta.is_file() {
        return Err(refused(
            "不是普通文件(设备、命名管道或套接字),不会被替换;请给出普通文件名",
            "is not an ordinary file (a device, FIFO or socket), so it is never replaced; give the name of an ordinary file",
        ));
    }
    let ours = crate::bounded::read(path, 1 << 20)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .is_some_and(|t| {
            t.starts_with("BEGIN:VCALENDAR\r\n") && t.contains("\r\nPRODID:-//yibao//")
        });
    if !ours {
        return Err(refused(
            "文件已存在且不是 yibao 写的日历文件,未改动;请换一个文件名",
            "exists and is not a calendar file yibao wrote, so it was left alone; choose another name",
        ));
    }
    Ok(())
}
