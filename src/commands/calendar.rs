//! `yibao calendar is-workday | add | days`: the working-day calendar on its own, for checking
//! the holiday data and for scripts that count deadlines.

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::Serialize;
use serde_json::Value;

use crate::calendar::{Calendar, DayInfo, DayKind};
use crate::cli::CalendarCommand;
use crate::error::{Error, exit};
use crate::render::text::calendar::weekday;
use crate::render::{Report, t, table};
use crate::request::{Request, parse_date};
use crate::text::{Lang, Text};

/// Longest range `calendar days` lists.
const MAX_DAYS: i64 = 3660;
/// Largest N for `calendar add`.
const MAX_ADD: u32 = 100_000;

#[derive(Clone)]
pub enum CalendarReport {
    IsWorkday {
        day: DayInfo,
        warning: Option<Text>,
    },
    Add {
        from: NaiveDate,
        n: u32,
        date: NaiveDate,
        estimated: bool,
        warning: Option<Text>,
    },
    Days {
        days: Vec<DayInfo>,
        warning: Option<Text>,
    },
}

pub fn run(cmd: &CalendarCommand, req: &Request) -> Result<CalendarReport, Error> {
    let cal = &req.rules()?.calendar;
    Ok(match cmd {
        CalendarCommand::IsWorkday { date } => {
            let day = cal.day(parse_date("DATE", date)?);
            let warning = day
                .estimated
                .then(|| missing_years(cal, day.date, day.date));
            CalendarReport::IsWorkday { day, warning }
        }
        CalendarCommand::Add { date, n } => {
            let from = parse_date("DATE", date)?;
            let n: u32 = (crate::typed::halfwidth(n).trim())
                .parse()
                .ok()
                .filter(|n| *n <= MAX_ADD)
                .ok_or_else(|| {
                    Error::usage(
                        format!("N: '{n}' 不是 0 到 {MAX_ADD} 之间的整数"),
                        format!("N: '{n}' is not a whole number from 0 to {MAX_ADD}"),
                    )
                })?;
            let (to, estimated) = cal.add_working_days(from, n);
            // Dates are YYYY-MM-DD: a count that runs past year 9999 has no answer to give.
            if to.year() > 9999 {
                return Err(Error::usage(
                    format!("{from} 后第 {n} 个工作日已超出 9999 年,无法给出日期"),
                    format!(
                        "the {n}th working day after {from} is past the year 9999, so there is no date to give"
                    ),
                ));
            }
            let warning = estimated.then(|| missing_years(cal, from, to));
            CalendarReport::Add {
                from,
                n,
                date: to,
                estimated,
                warning,
            }
        }
        CalendarCommand::Days { from, to } => {
            let (a, b) = (parse_date("FROM", from)?, parse_date("TO", to)?);
            if b < a {
                return Err(Error::usage(
                    format!("TO ({b}) 早于 FROM ({a});请把较早的日期放在前面"),
                    format!("TO ({b}) is before FROM ({a}); put the earlier date first"),
                ));
            }
            if (b - a).num_days() > MAX_DAYS {
                return Err(Error::usage(
                    format!("{a} 至 {b} 的范围过长:最多 {MAX_DAYS} 天(约 10 年),请缩小范围"),
                    format!(
                        "the range {a} to {b} is too long: at most {MAX_DAYS} days (about 10 years); give a shorter range"
                    ),
                ));
            }
            let days: Vec<DayInfo> = a
                .iter_days()
                .take_while(|d| *d <= b)
                .map(|d| cal.day(d))
                .collect();
            let warning = days
                .iter()
                .any(|d| d.estimated)
                .then(|| missing_years(cal, a, b));
            CalendarReport::Days { days, warning }
        }
    })
}

/// The warning for dates the calendar's notices do not settle: which years are missing.
fn missing_years(cal: &Calendar, from: NaiveDate, to: NaiveDate) -> Text {
    let covered = cal.covered_years();
    let mut years: Vec<i32> = (from.year()..=to.year()).collect();
    if to.month() == 12 {
        years.push(to.year() + 1);
    }
    let missing: Vec<String> = years
        .into_iter()
        .filter(|y| !covered.contains(y))
        .map(|y| y.to_string())
        .collect();
    let covered: Vec<String> = covered.iter().map(i32::to_string).collect();
    Text::new(
        format!(
            "规则中尚无国务院办公厅 {} 年部分节假日安排通知(已收录: {});这些日期只扣除法定节假日(《全国年节及纪念日放假办法》)和周六、周日,不含调休,结果为估算",
            missing.join("、"),
            covered.join("、")
        ),
        format!(
            "the State Council holiday notice for {} is not in the rules yet (covered: {}); those days skip the statutory holidays and weekends but not the make-up arrangements, so results are estimates",
            missing.join(", "),
            covered.join(", ")
        ),
    )
}

fn kind(lang: Lang, k: DayKind) -> &'static str {
    match k {
        DayKind::Workday => t(lang, "工作日", "working day"),
        DayKind::Weekend => t(lang, "周末", "weekend"),
        DayKind::Holiday => t(lang, "节假日", "holiday"),
        DayKind::MakeupWorkday => t(lang, "调休上班", "make-up working day"),
    }
}

/// The JSON of the three calendar answers (one schema, `yibao.calendar/1`).
#[derive(Serialize, JsonSchema)]
#[serde(untagged)]
pub enum CalendarJson {
    /// `calendar is-workday`: the day.
    Day {
        #[serde(flatten)]
        day: DayInfo,
        #[serde(skip_serializing_if = "Option::is_none")]
        warning: Option<Text>,
    },
    /// `calendar add`: the N-th working day after `from`.
    Add {
        from: NaiveDate,
        working_days: u32,
        date: NaiveDate,
        estimated: bool,
        #[serde(skip_serializing_if = "Option::is_none")]
        warning: Option<Text>,
    },
    /// `calendar days`: every day of the range.
    Days {
        days: Vec<DayInfo>,
        #[serde(skip_serializing_if = "Option::is_none")]
        warning: Option<Text>,
    },
}

impl Report for CalendarReport {
    fn schema(&self) -> &'static str {
        "yibao.calendar/1"
    }

    fn json(&self, _explain: bool) -> Value {
        let wire = match self.clone() {
            CalendarReport::IsWorkday { day, warning } => CalendarJson::Day { day, warning },
            CalendarReport::Add {
                from,
                n,
                date,
                estimated,
                warning,
            } => CalendarJson::Add {
                from,
                working_days: n,
                date,
                estimated,
                warning,
            },
            CalendarReport::Days { days, warning } => CalendarJson::Days { days, warning },
        };
        serde_json::to_value(wire).unwrap_or_default()
    }

    fn human(&self, lang: Lang, _explain: bool) -> String {
        let mut out = String::new();
        let describe = |d: &DayInfo| {
            let name = d
                .name
                .as_ref()
                .map_or(String::new(), |n| format!(" ({})", n.get(lang)));
            let est = if d.estimated {
                t(lang, " [估算]", " [estimate]")
            } else {
                ""
            };
            format!(
                "{} {} {}{name}{est}",
                d.date,
                weekday(d.date, lang),
                kind(lang, d.kind)
            )
        };
        let warning = match self {
            CalendarReport::IsWorkday { day, warning } => {
                let _ = writeln!(out, "{}", describe(day));
                warning
            }
            CalendarReport::Add {
                from,
                n,
                date,
                estimated,
                warning,
            } => {
                let est = if *estimated {
                    t(lang, " (估算)", " (estimate)")
                } else {
                    ""
                };
                let _ = match lang {
                    Lang::Zh => writeln!(out, "{from} 后第 {n} 个工作日: {date}{est}"),
                    Lang::En => writeln!(out, "working day {n} after {from}: {date}{est}"),
                };
                warning
            }
            CalendarReport::Days { days, warning } => {
                let mut tb = table::new(&[
                    t(lang, "日期", "date"),
                    t(lang, "星期", "day"),
                    t(lang, "类型", "kind"),
                    t(lang, "节日", "holiday"),
                ]);
                for d in days {
                    let mut k = kind(lang, d.kind).to_string();
                    if d.estimated {
                        k.push_str(t(lang, " (估算)", " (estimate)"));
                    }
                    tb.add_row(vec![
                        d.date.to_string(),
                        weekday(d.date, lang).to_string(),
                        k,
                        d.name
                            .as_ref()
                            .map_or(String::new(), |n| n.get(lang).to_string()),
                    ]);
                }
                out.push_str(&table::finish(&tb));
                warning
            }
        };
        if let Some(w) = warning {
            let _ = writeln!(out, "{} {}", t(lang, "提醒:", "warning:"), w.get(lang));
        }
        out
    }

    fn exit_code(&self) -> i32 {
        match self {
            CalendarReport::IsWorkday { day, .. } if day.estimated => exit::CONDITIONAL,
            CalendarReport::IsWorkday { day, .. } if !day.workday => exit::NO,
            _ => exit::YES,
        }
    }
}
