//! The working-day calendar: which days are working days in mainland China, from the State
//! Council's yearly holiday notices (`rules/calendar/YYYY.toml`: rest blocks and make-up
//! working days, 调休上班), and working-day arithmetic over them.
//!
//! Owns parsing and validating the calendar files (every problem at once, with file:line:col)
//! and answering day questions. Pure: no clock, no file reading; callers pass the file texts.
//!
//! A day is a working day when it is Monday–Friday and not a rest day, or when it is a make-up
//! working day. Data is keyed by date, so a notice may make a day of the previous year a
//! make-up working day. Where no notice is loaded the calendar counts Saturdays and Sundays
//! only and marks every such day `estimated`, never a silent guess. Because a notice can also
//! change the last days of the previous December (the 2019 notice did, for 2018-12-29/31),
//! December 25–31 of a year are estimated too while the next year's notice is missing. A year
//! without a notice still has the statutory days of 《全国年节及纪念日放假办法》
//! (`calendar/statutory.toml`, lunar dates from a computed table): they are rest days, and the
//! year stays estimated.

use std::collections::BTreeMap;
use std::ops::Range;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use toml::Spanned;
use toml::value::Datetime;

use crate::dates::from_toml;
use crate::rules::diag::Diagnostic;
use crate::text::Text;

#[cfg(test)]
mod tests;

/// First day of December that the next year's notice may still change (see the module doc).
const NEXT_NOTICE_REACH_FROM_DAY: u32 = 25;

/// What kind of day a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DayKind {
    Workday,
    Weekend,
    Holiday,
    MakeupWorkday,
}

/// One date as the calendar sees it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct DayInfo {
    pub date: NaiveDate,
    pub workday: bool,
    pub kind: DayKind,
    /// The holiday's name, for `Holiday` and `MakeupWorkday`.
    pub name: Option<Text>,
    /// True when no loaded notice settles this date: its year has no file, or it is
    /// December 25–31 and the next year's file is missing. Such days count weekends only.
    pub estimated: bool,
}

/// The notice one calendar file rests on.
#[derive(Debug, Clone, Serialize)]
pub struct CalendarSource {
    pub year: i32,
    pub title: String,
    /// 文号; empty when no copy we saw shows it.
    pub doc_no: String,
    pub published: NaiveDate,
    pub url: String,
    /// `official`, `full_text` or `reported`.
    pub evidence: String,
    /// The file it came from.
    pub path: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Rest,
    Work,
}

/// Holidays and make-up working days of the loaded years.
#[derive(Debug, Clone)]
pub struct Calendar {
    days: BTreeMap<NaiveDate, (Mark, Text)>,
    /// The same marks by chrono day number (`num_days_from_ce`), ascending: what counting
    /// working days walks.
    numbered: Vec<(i64, Mark)>,
    /// Ascending; a handful, so a scan finds one faster than a tree.
    years: Vec<i32>,
    sources: Vec<CalendarSource>,
    /// Statutory rest days of years without a notice (`calendar/statutory.toml`): certain,
    /// though the rest of their year is estimated.
    statutory: Vec<NaiveDate>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    year: Spanned<i64>,
    source: RawSource,
    #[serde(default)]
    holiday: Vec<RawHoliday>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    title: Spanned<String>,
    #[serde(default)]
    doc_no: String,
    published: Spanned<Datetime>,
    url: Spanned<String>,
    evidence: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHoliday {
    name: Spanned<Text>,
    rest: Spanned<Vec<Spanned<Datetime>>>,
    #[serde(default)]
    work: Vec<Spanned<Datetime>>,
}

/// One row of `years`: the year, 除夕, 清明, 端午, 中秋.
type StatutoryRow = (i64, Datetime, Datetime, Datetime, Datetime);

/// `calendar/statutory.toml`: the statutory days of years without a notice (see that file).
/// Compact (one row of lunar dates a year), as it is read at every start-up.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStatutory {
    spring_festival_days: Spanned<i64>,
    years: Spanned<Vec<StatutoryRow>>,
    source: RawSource,
    lunar: RawSource,
    names: RawNames,
    solar: BTreeMap<String, Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNames {
    new_year: Text,
    spring_festival: Text,
    qingming: Text,
    labour_day: Text,
    dragon_boat: Text,
    mid_autumn: Text,
    national_day: Text,
}

impl RawNames {
    fn of(&self, key: &str) -> Option<&Text> {
        Some(match key {
            "new_year" => &self.new_year,
            "labour_day" => &self.labour_day,
            "national_day" => &self.national_day,
            _ => return None,
        })
    }
}

/// The file of statutory days is `calendar/statutory.toml`; the others are named by year.
fn is_statutory(path: &str) -> bool {
    path.rsplit(['/', '\\']).next() == Some("statutory.toml")
}

/// The statutory rest days of `statutory.toml` for the years in it, each with its name;
/// problems go to `out`. Every date must lie in its year, and the solar days are `MM-DD`.
fn parse_statutory(
    path: &str,
    src: &str,
    out: &mut Vec<Diagnostic>,
) -> Vec<(i32, Vec<(NaiveDate, Text)>)> {
    let parsed = crate::rules::prebuilt::deserialize(src).map_or_else(|| toml::from_str(src), Ok);
    let raw: RawStatutory = match parsed {
        Ok(raw) => raw,
        Err(e) => {
            out.push(Diagnostic::from_toml(path, src, &e));
            return Vec::new();
        }
    };
    let at = |span: Range<usize>, msg: String| Diagnostic::at(path, src, span, msg);
    for s in [&raw.source, &raw.lunar] {
        if s.title.get_ref().trim().is_empty() || s.url.get_ref().trim().is_empty() {
            out.push(at(s.title.span(), "source needs a title and a url".into()));
        }
        if from_toml(s.published.get_ref()).is_none() {
            out.push(at(s.published.span(), "published must be a date".into()));
        }
        let evidence = s.evidence.get_ref();
        if crate::rules::documents::Evidence::parse(evidence).is_none() {
            out.push(at(
                s.evidence.span(),
                format!(
                    "evidence = \"{evidence}\" is not one of {}",
                    crate::rules::validate::evidence_words()
                ),
            ));
        }
    }
    let spring = u64::try_from(*raw.spring_festival_days.get_ref()).unwrap_or(0);
    if !(1..=10).contains(&spring) {
        out.push(at(
            raw.spring_festival_days.span(),
            "spring_festival_days must be a number of days from 1 to 10".into(),
        ));
    }
    let names = &raw.names;
    let mut solar: Vec<(u32, u32, &Text)> = Vec::new();
    for (key, days) in &raw.solar {
        let Some(name) = names.of(key) else {
            out.push(Diagnostic::file(
                path,
                format!("solar.{key}: unknown holiday; use new_year, labour_day or national_day"),
            ));
            continue;
        };
        for md in days {
            let parsed = md
                .split_once('-')
                .and_then(|(m, d)| Some((m.parse::<u32>().ok()?, d.parse::<u32>().ok()?)))
                .filter(|&(m, d)| NaiveDate::from_ymd_opt(2024, m, d).is_some());
            match parsed {
                Some((m, d)) => solar.push((m, d, name)),
                None => out.push(Diagnostic::file(
                    path,
                    format!("solar.{key}: '{md}' is not a month-day like 10-01"),
                )),
            }
        }
    }
    let mut years = Vec::with_capacity(raw.years.get_ref().len());
    for (year, eve, qingming, duanwu, zhongqiu) in raw.years.get_ref() {
        let dates = [eve, qingming, duanwu, zhongqiu].map(from_toml);
        let year_ok = i32::try_from(*year).ok();
        let (Some(year), [Some(eve), Some(qingming), Some(duanwu), Some(zhongqiu)]) =
            (year_ok, dates)
        else {
            out.push(at(
                raw.years.span(),
                format!("years: {year}: give the year and four dates (除夕, 清明, 端午, 中秋)"),
            ));
            continue;
        };
        // The solar days, 春节's days and the three lunar ones.
        let mut days: Vec<(NaiveDate, Text)> = Vec::with_capacity(solar.len() + 13);
        let mut add = |d: NaiveDate, name: &Text| {
            if !days.iter().any(|(e, _)| *e == d) {
                days.push((d, name.clone()));
            }
        };
        for (m, d, name) in &solar {
            if let Some(day) = NaiveDate::from_ymd_opt(year, *m, *d) {
                add(day, name);
            }
        }
        for d in eve.iter_days().take(usize::try_from(spring).unwrap_or(0)) {
            add(d, &names.spring_festival);
        }
        add(qingming, &names.qingming);
        add(duanwu, &names.dragon_boat);
        add(zhongqiu, &names.mid_autumn);
        if [eve, qingming, duanwu, zhongqiu]
            .iter()
            .any(|d| d.year() != year)
        {
            out.push(at(
                raw.years.span(),
                format!("years: {year}: every date must lie in {year}"),
            ));
            continue;
        }
        years.push((year, days));
    }
    years
}

/// The dates of a holiday's `rest = [first, last]`, each `None` where it is not a date.
fn rest_ends(h: &RawHoliday) -> Vec<Option<NaiveDate>> {
    h.rest
        .get_ref()
        .iter()
        .map(|d| from_toml(d.get_ref()))
        .collect()
}

/// `d` as chrono's day number (day 1 = 0001-01-01, a Monday).
fn day_number(d: NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce())
}

/// The year a calendar file's name promises (`…/2026.toml` → 2026).
fn year_from_path(path: &str) -> Option<i32> {
    let name = path.rsplit(['/', '\\']).next()?;
    let stem = name.strip_suffix(".toml")?;
    (stem.len() == 4 && stem.bytes().all(|b| b.is_ascii_digit()))
        .then(|| stem.parse().ok())
        .flatten()
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Mon–Fri days among chrono's day numbers 1..=x (day 1 = 0001-01-01, a Monday); extended to
/// all x so that `weekdays_upto(x) - weekdays_upto(x - 1)` is 1 exactly when day x is Mon–Fri.
fn weekdays_upto(x: i64) -> i64 {
    5 * x.div_euclid(7) + x.rem_euclid(7).min(5)
}

/// One parsed, valid file: its day marks (each with the byte span to blame) and source.
struct Parsed {
    year_span: Range<usize>,
    marks: Vec<(NaiveDate, Mark, Text, Range<usize>)>,
    source: CalendarSource,
}

/// Parses one file; its problems go to `out`, and it comes back only if it had none.
fn parse_file(path: &str, src: &str, out: &mut Vec<Diagnostic>) -> Option<Parsed> {
    let parsed = crate::rules::prebuilt::deserialize(src).map_or_else(|| toml::from_str(src), Ok);
    let raw: RawFile = match parsed {
        Ok(raw) => raw,
        Err(e) => {
            out.push(Diagnostic::from_toml(path, src, &e));
            return None;
        }
    };
    let at = |span: Range<usize>, msg: String| Diagnostic::at(path, src, span, msg);
    let before = out.len();
    let year_span = raw.year.span();
    let year = match i32::try_from(*raw.year.get_ref()) {
        Ok(y) if (1949..=9999).contains(&y) => y,
        _ => {
            out.push(at(
                year_span,
                "year must be a year between 1949 and 9999".into(),
            ));
            return None;
        }
    };
    match year_from_path(path) {
        Some(y) if y == year => {}
        Some(y) => out.push(at(
            year_span.clone(),
            format!("year = {year} but the file is named for {y}; rename the file or fix the year"),
        )),
        None => out.push(Diagnostic::file(
            path,
            format!("a calendar file must be named after its year, e.g. {year}.toml"),
        )),
    }
    let s = &raw.source;
    for (field, value) in [("title", &s.title), ("url", &s.url)] {
        if value.get_ref().trim().is_empty() {
            out.push(at(
                value.span(),
                format!("source.{field} must not be empty"),
            ));
        }
    }
    let evidence = s.evidence.get_ref();
    if crate::rules::documents::Evidence::parse(evidence).is_none() {
        out.push(at(
            s.evidence.span(),
            format!(
                "evidence = \"{evidence}\" is not one of {}",
                crate::rules::validate::evidence_words()
            ),
        ));
    }
    let published = from_toml(s.published.get_ref());
    if published.is_none() {
        out.push(at(
            s.published.span(),
            "published must be a date like 2025-11-04".into(),
        ));
    }
    let mut marks = Vec::new();
    for h in raw.holiday {
        let name = h.name.get_ref().clone();
        if name.zh.trim().is_empty() || name.en.trim().is_empty() {
            out.push(at(
                h.name.span(),
                "holiday name needs both zh and en".into(),
            ));
        }
        match rest_ends(&h).as_slice() {
            [Some(a), Some(b)] if a <= b => {
                let (first, last) = (*a, *b);
                for (d, bound) in [(first, &h.rest.get_ref()[0]), (last, &h.rest.get_ref()[1])] {
                    if d.year() != year {
                        out.push(at(bound.span(), format!("rest day {d} is not in {year}")));
                    }
                }
                if first.year() == year && last.year() == year {
                    for d in first.iter_days().take_while(|d| *d <= last) {
                        marks.push((d, Mark::Rest, name.clone(), h.rest.span()));
                    }
                }
            }
            [Some(a), Some(b)] => out.push(at(
                h.rest.span(),
                format!("rest range is reversed: {a} is after {b}"),
            )),
            _ => out.push(at(
                h.rest.span(),
                "rest must be two dates [first, last], inclusive".into(),
            )),
        }
        for w in h.work {
            let Some(d) = from_toml(w.get_ref()) else {
                out.push(at(
                    w.span(),
                    "work days must be dates like 2026-02-14".into(),
                ));
                continue;
            };
            if d.year() != year && d.year() != year - 1 {
                out.push(at(
                    w.span(),
                    format!("make-up day {d} is not in {year} or {}", year - 1),
                ));
            } else if !is_weekend(d) {
                let day = d.weekday();
                out.push(at(
                    w.span(),
                    format!("make-up day {d} is a {day}, not a Saturday or Sunday"),
                ));
            } else {
                marks.push((d, Mark::Work, name.clone(), w.span()));
            }
        }
    }
    let source = CalendarSource {
        year,
        title: s.title.get_ref().clone(),
        doc_no: s.doc_no.clone(),
        published: published?,
        url: s.url.get_ref().clone(),
        evidence: evidence.clone(),
        path: path.to_string(),
    };
    (out.len() == before).then_some(Parsed {
        year_span,
        marks,
        source,
    })
}

impl Calendar {
    /// Parse and validate calendar files given as (path for messages, file text); all problems
    /// at once. A file's name must be its year (`2026.toml`).
    pub fn from_files<T: AsRef<str>>(files: &[(String, T)]) -> Result<Calendar, Vec<Diagnostic>> {
        let mut out = Vec::new();
        let mut cal = Calendar {
            days: BTreeMap::new(),
            numbered: Vec::new(),
            years: Vec::new(),
            sources: Vec::new(),
            statutory: Vec::new(),
        };
        let mut year_paths: BTreeMap<i32, &str> = BTreeMap::new();
        let mut statutory = Vec::new();
        for (path, src) in files {
            let src = src.as_ref();
            if is_statutory(path) {
                statutory = parse_statutory(path, src, &mut out);
                continue;
            }
            let Some(parsed) = parse_file(path, src, &mut out) else {
                continue;
            };
            let year = parsed.source.year;
            if let Some(first) = year_paths.get(&year) {
                let msg = format!("year {year} is also in {first}; keep one file per year");
                out.push(Diagnostic::at(path, src, parsed.year_span, msg));
                continue;
            }
            year_paths.insert(year, path);
            for (d, mark, name, span) in parsed.marks {
                let Some((prev, _)) = cal.days.get(&d) else {
                    cal.days.insert(d, (mark, name));
                    continue;
                };
                let msg = match (prev, mark) {
                    (Mark::Rest, Mark::Rest) => format!("{d} is in two rest ranges"),
                    (Mark::Work, Mark::Work) => format!("make-up day {d} is listed twice"),
                    _ => format!("{d} is both a rest day and a make-up working day"),
                };
                out.push(Diagnostic::at(path, src, span, msg));
            }
            cal.years.push(year);
            cal.sources.push(parsed.source);
        }
        // A year without its notice: its statutory days are rest days all the same (the
        // year stays estimated: `years` lists notices only).
        cal.statutory
            .reserve(statutory.iter().map(|(_, days)| days.len()).sum());
        for (year, days) in statutory {
            if year_paths.contains_key(&year) {
                continue;
            }
            for (d, name) in days {
                cal.days.entry(d).or_insert((Mark::Rest, name));
                cal.statutory.push(d);
            }
        }
        cal.sources.sort_by_key(|s| s.year);
        cal.statutory.sort_unstable();
        cal.years.sort_unstable();
        cal.numbered = (cal.days.iter())
            .map(|(d, (mark, _))| (day_number(*d), *mark))
            .collect();
        if out.is_empty() { Ok(cal) } else { Err(out) }
    }

    /// Whether no loaded notice settles `d` (see the module doc).
    fn estimated(&self, d: NaiveDate) -> bool {
        !self.years.contains(&d.year())
            || (d.month() == 12
                && d.day() >= NEXT_NOTICE_REACH_FROM_DAY
                && !self.years.contains(&(d.year() + 1)))
    }

    /// Whether any day in (from, to] is estimated.
    fn range_estimated(&self, from: NaiveDate, to: NaiveDate) -> bool {
        let Some(start) = from.succ_opt().filter(|s| *s <= to) else {
            return false;
        };
        // The usual range: years all covered, ending before the open days of a December
        // (no later December lies inside it, and every earlier one has its next notice).
        let covered = |y: i32| self.years.contains(&y);
        if (start.year()..=to.year()).all(covered)
            && (to.month() < 12 || to.day() < NEXT_NOTICE_REACH_FROM_DAY || covered(to.year() + 1))
        {
            return false;
        }
        // A day of an uncovered year is estimated unless it is a statutory day (as `day`
        // says): only a range of nothing but statutory days escapes, so this stops at the
        // first uncovered year of any longer range.
        let uncovered = (start.year()..=to.year())
            .filter(|y| !self.years.contains(y))
            .any(|y| {
                let first = NaiveDate::from_ymd_opt(y, 1, 1).map_or(start, |d| d.max(start));
                let last = NaiveDate::from_ymd_opt(y, 12, 31).map_or(to, |d| d.min(to));
                let days = (last - first).num_days() + 1;
                let statutory = self.statutory.partition_point(|d| *d <= last)
                    - self.statutory.partition_point(|d| *d < first);
                i64::try_from(statutory).is_ok_and(|s| s < days)
            });
        // Inside covered years only the last days of a December whose next notice is
        // missing are open (see `estimated`); they hold no statutory day.
        let open_december = (self.years.iter())
            .filter(|y| !self.years.contains(&(**y + 1)))
            .any(|&y| {
                let tail = NaiveDate::from_ymd_opt(y, 12, NEXT_NOTICE_REACH_FROM_DAY);
                let end = NaiveDate::from_ymd_opt(y, 12, 31);
                matches!((tail, end), (Some(tail), Some(end)) if tail <= to && start <= end)
            });
        uncovered || open_december
    }

    /// What `d` is: holiday, make-up working day, weekend or ordinary working day.
    pub fn day(&self, d: NaiveDate) -> DayInfo {
        let (kind, name) = match self.days.get(&d) {
            Some((Mark::Rest, name)) => (DayKind::Holiday, Some(name.clone())),
            Some((Mark::Work, name)) => (DayKind::MakeupWorkday, Some(name.clone())),
            None if is_weekend(d) => (DayKind::Weekend, None),
            None => (DayKind::Workday, None),
        };
        DayInfo {
            date: d,
            workday: matches!(kind, DayKind::Workday | DayKind::MakeupWorkday),
            kind,
            name,
            estimated: self.estimated(d) && self.statutory.binary_search(&d).is_err(),
        }
    }

    /// (Mon–Fri and not a rest day) or a make-up working day.
    pub fn is_workday(&self, d: NaiveDate) -> bool {
        match self.days.get(&d) {
            Some((mark, _)) => *mark == Mark::Work,
            None => !is_weekend(d),
        }
    }

    /// The n-th working day after `from` (from itself not counted). n = 0 returns `from`.
    /// Second value: true if any day examined lies in a year the calendar does not cover
    /// (estimated). Runs in time proportional to the holiday entries passed, not to n; past
    /// chrono's last date it saturates at `NaiveDate::MAX` (estimated).
    pub fn add_working_days(&self, from: NaiveDate, n: u32) -> (NaiveDate, bool) {
        if n == 0 {
            return (from, false);
        }
        // Counted in chrono's day numbers (day 1 = 0001-01-01, a Monday): between two notice
        // entries the working days are the weekdays, counted by formula; each entry then
        // counts as working (make-up day) or not (rest day).
        let start = day_number(from);
        let ahead = self.numbered.partition_point(|(k, _)| *k <= start);
        let (mut x, mut left) = (start, i64::from(n));
        let mut found = None;
        for &(k, mark) in &self.numbered[ahead..] {
            let before = weekdays_upto(k - 1) - weekdays_upto(x);
            if left <= before {
                break;
            }
            left -= before;
            x = k;
            if mark == Mark::Work {
                left -= 1;
                if left == 0 {
                    found = Some(k);
                    break;
                }
            }
        }
        // The left-th weekday after x: the day whose weekday count reaches the target.
        let x = found.unwrap_or_else(|| {
            let target = weekdays_upto(x) + left;
            7 * ((target - 1).div_euclid(5)) + (target - 1).rem_euclid(5) + 1
        });
        match i32::try_from(x)
            .ok()
            .and_then(NaiveDate::from_num_days_from_ce_opt)
        {
            Some(d) => (d, self.range_estimated(from, d)),
            None => (NaiveDate::MAX, true),
        }
    }

    /// Working days in (from, to] (from excluded, to included); 0 if to <= from; plus the
    /// estimated flag. Computed arithmetically, so any two dates answer at once.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> (u32, bool) {
        if to <= from {
            return (0, false);
        }
        let (start, end) = (day_number(from), day_number(to));
        let mut count = weekdays_upto(end) - weekdays_upto(start);
        // The marked days in (from, to], by number: a rest day on a weekday counts out, a
        // make-up working day on a weekend counts in.
        let first = self.numbered.partition_point(|(k, _)| *k <= start);
        let marked = self.numbered[first..].iter().take_while(|(k, _)| *k <= end);
        for &(k, mark) in marked {
            let weekday = weekdays_upto(k) - weekdays_upto(k - 1) == 1;
            match (mark, weekday) {
                (Mark::Rest, true) => count -= 1,
                (Mark::Work, false) => count += 1,
                _ => {}
            }
        }
        let count = u32::try_from(count.max(0)).unwrap_or(u32::MAX);
        (count, self.range_estimated(from, to))
    }

    /// The years with a loaded notice, ascending.
    pub fn covered_years(&self) -> Vec<i32> {
        self.years.clone()
    }

    pub fn last_covered_year(&self) -> Option<i32> {
        self.years.last().copied()
    }

    /// The notices loaded, by year.
    pub fn sources(&self) -> &[CalendarSource] {
        &self.sources
    }
}
