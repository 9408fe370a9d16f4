//! Parsing the dates and months people type (`YYYY-MM-DD`, `YYYY-MM`) and the dates written in
//! rules files (TOML local dates). Pure functions; the clock is read only in `request`.

use chrono::{Datelike, NaiveDate};

use crate::typed::halfwidth;

/// Parses an ISO date `YYYY-MM-DD`; the error says what was expected.
pub fn parse_date(input: &str) -> Result<NaiveDate, String> {
    let s = input.trim();
    let well_formed = s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !well_formed {
        return Err(format!(
            "'{input}' is not a date in the form YYYY-MM-DD (for example 2026-09-28)"
        ));
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("'{input}' is not a real calendar date (check the month and day)"))
}

/// A calendar month `YYYY-MM`, stored as its first day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month(NaiveDate);

impl Month {
    pub fn new(year: i32, month: u32) -> Option<Month> {
        NaiveDate::from_ymd_opt(year, month, 1).map(Month)
    }

    pub fn of(date: NaiveDate) -> Month {
        Month(date.with_day(1).expect("day 1 exists in every month"))
    }

    pub fn first_day(self) -> NaiveDate {
        self.0
    }

    pub fn year(self) -> i32 {
        self.0.year()
    }

    pub fn month(self) -> u32 {
        self.0.month()
    }

    /// Months from `self` to `later` (negative if `later` is earlier).
    pub fn months_until(self, later: Month) -> i32 {
        (later.year() - self.year()) * 12 + later.month() as i32 - self.month() as i32
    }

    /// The month `n` months after this one (`n` may be negative).
    pub fn plus(self, n: i32) -> Option<Month> {
        let index = self.year() * 12 + self.month() as i32 - 1 + n;
        Month::new(index.div_euclid(12), index.rem_euclid(12) as u32 + 1)
    }
}

impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year(), self.month())
    }
}

impl serde::Serialize for Month {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Month {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Month, D::Error> {
        let text = String::deserialize(d)?;
        parse_month(&text).map_err(serde::de::Error::custom)
    }
}

/// Parses a month `YYYY-MM`.
pub fn parse_month(input: &str) -> Result<Month, String> {
    let s = input.trim();
    let well_formed = s.len() == 7
        && s.bytes().enumerate().all(|(i, b)| match i {
            4 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    let parsed = well_formed
        .then(|| Month::new(s[..4].parse().ok()?, s[5..].parse().ok()?))
        .flatten();
    parsed.ok_or_else(|| {
        format!("'{input}' is not a month in the form YYYY-MM (for example 2026-08)")
    })
}

/// The numbers of a date or month as people type it: `2026-10-08`, `2026/10/8`, `2026.10.8`,
/// `2026年10月8日` (or 号), `2026-10`, `2026/10`, `2026.10`, `2026年10月`; `None` for anything
/// else. Year four digits, month and day one or two.
fn typed_parts(input: &str) -> Option<Vec<u32>> {
    let s = input.trim();
    let s = s
        .strip_suffix('日')
        .or_else(|| s.strip_suffix('号'))
        .or_else(|| s.strip_suffix('月'))
        .unwrap_or(s);
    let parts: Vec<&str> = s.split(['-', '/', '.', '年', '月']).collect();
    let shaped = (2..=3).contains(&parts.len())
        && parts[0].len() == 4
        && parts[1..].iter().all(|p| (1..=2).contains(&p.len()))
        && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()));
    shaped.then(|| parts.iter().filter_map(|p| p.parse().ok()).collect())
}

/// A date as people type it (see `typed_parts`): ISO, or with `/`, `.` or 年月日, in
/// full-width digits too.
pub fn parse_typed_date(input: &str) -> Result<NaiveDate, String> {
    match typed_parts(&halfwidth(input)).as_deref() {
        Some(&[y, m, d]) => NaiveDate::from_ymd_opt(y as i32, m, d).ok_or_else(|| {
            format!("'{input}' is not a real calendar date (check the month and day)")
        }),
        _ => Err(format!(
            "'{input}' is not a date in the form YYYY-MM-DD (for example 2026-09-28)"
        )),
    }
}

/// Why a date typed in a date's shape names no day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoSuchDay {
    /// The month is not 1 to 12.
    Month(u32),
    /// The month's days run from 1 to `days`.
    Day { year: i32, month: u32, days: u32 },
}

/// For a date typed in a date's shape (`typed_parts`) that names no day, why not; `None` for
/// a real day or text of another shape.
pub fn no_such_day(input: &str) -> Option<NoSuchDay> {
    let Some(&[y, m, d]) = typed_parts(&halfwidth(input)).as_deref() else {
        return None;
    };
    let year = i32::try_from(y).ok()?;
    if NaiveDate::from_ymd_opt(year, m, d).is_some() {
        return None;
    }
    let Some(first) = NaiveDate::from_ymd_opt(year, m, 1) else {
        return Some(NoSuchDay::Month(m));
    };
    let next = first.checked_add_months(chrono::Months::new(1))?;
    let days = u32::try_from((next - first).num_days()).ok()?;
    Some(NoSuchDay::Day {
        year,
        month: m,
        days,
    })
}

/// A month as people type it: `2026-10`, `2026/10`, `2026.10`, `2026年10月`, in full-width
/// digits too.
pub fn parse_typed_month(input: &str) -> Result<Month, String> {
    match typed_parts(&halfwidth(input)).as_deref() {
        Some(&[y, m]) => Month::new(y as i32, m).ok_or_else(|| {
            format!("'{input}' is not a month in the form YYYY-MM (for example 2026-08)")
        }),
        _ => Err(format!(
            "'{input}' is not a month in the form YYYY-MM (for example 2026-08)"
        )),
    }
}

/// A bare year `2024` (or `2024年`, or in full-width digits), as residents give the years
/// they paid for.
pub fn parse_year(input: &str) -> Option<i32> {
    let folded = halfwidth(input);
    let s = folded.trim();
    let s = s.strip_suffix('年').unwrap_or(s);
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
        .filter(|y| (1900..=2200).contains(y))
}

/// A bare year typed for a month of payment (residents pay by the year), as that month: its
/// December for the last month paid (`december`), its January for the first.
pub fn paid_year(input: &str, december: bool) -> Option<Month> {
    Month::new(parse_year(input)?, if december { 12 } else { 1 })
}

/// `d` as `YYYY-MM-DD` in `buf`, for the years 0 to 9999 (others are written by chrono).
pub fn iso(d: NaiveDate, buf: &mut [u8; 10]) -> Option<&str> {
    let year = u32::try_from(d.year()).ok().filter(|y| *y <= 9999)?;
    let digit = |n: u32| b'0' + (n % 10) as u8;
    let (month, day) = (d.month(), d.day());
    *buf = [
        digit(year / 1000),
        digit(year / 100),
        digit(year / 10),
        digit(year),
        b'-',
        digit(month / 10),
        digit(month),
        b'-',
        digit(day / 10),
        digit(day),
    ];
    std::str::from_utf8(buf).ok()
}

/// A date shown as `YYYY-MM-DD` in text, written directly (chrono's own `Display` goes
/// through its general formatting, and an answer shows several dates).
#[derive(Debug, Clone, Copy)]
pub struct Iso(pub NaiveDate);

impl std::fmt::Display for Iso {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match iso(self.0, &mut [0; 10]) {
            Some(text) => f.write_str(text),
            None => self.0.fmt(f),
        }
    }
}

/// A TOML local date (`since = 2021-11-01`) as a `NaiveDate`; `None` for a datetime with a
/// time or offset, or an impossible date.
pub fn from_toml(dt: &toml::value::Datetime) -> Option<NaiveDate> {
    if dt.time.is_some() || dt.offset.is_some() {
        return None;
    }
    let d = dt.date?;
    NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_must_be_real_and_iso() {
        assert_eq!(
            parse_date("2026-09-28").unwrap(),
            NaiveDate::from_ymd_opt(2026, 9, 28).unwrap()
        );
        for bad in [
            "2026-02-30",
            "2026-13-01",
            "20261301",
            "",
            "2026-9-28",
            "二〇二六",
        ] {
            assert!(parse_date(bad).is_err(), "{bad} should be rejected");
        }
    }

    #[test]
    fn dates_and_months_as_people_type_them() {
        let d = NaiveDate::from_ymd_opt(2026, 10, 8).unwrap();
        for typed in [
            "2026-10-08",
            "2026/10/8",
            "2026.10.08",
            "2026年10月8日",
            "2026年10月8号",
        ] {
            assert_eq!(parse_typed_date(typed), Ok(d), "{typed}");
        }
        let m = Month::new(2026, 10).unwrap();
        for typed in [
            "2026-10",
            "2026/10",
            "2026.10",
            "2026年10月",
            " 2026年10月 ",
        ] {
            assert_eq!(parse_typed_month(typed), Ok(m), "{typed}");
        }
        for bad in [
            "2026/13",
            "2026年2月30日",
            "26/10/8",
            "2026/10/8/1",
            "2026年",
            "十月",
        ] {
            assert!(
                parse_typed_date(bad).is_err() && parse_typed_month(bad).is_err(),
                "{bad}"
            );
        }
        // Typed with a Chinese input method in full-width mode.
        assert_eq!(parse_typed_date("２０２６－１０－０８"), Ok(d));
        assert_eq!(parse_typed_date("２０２６年１０月８日"), Ok(d));
        assert_eq!(parse_typed_month("２０２６／１０"), Ok(m));
        assert_eq!(parse_year("２０２４年"), Some(2024));
        assert_eq!(parse_year("2024"), Some(2024));
        assert_eq!(parse_year("2024年"), Some(2024));
        assert_eq!(parse_year("2024-01"), None);
    }

    #[test]
    fn a_date_that_names_no_day_says_which_part_is_wrong() {
        assert_eq!(
            no_such_day("2026-02-30"),
            Some(NoSuchDay::Day {
                year: 2026,
                month: 2,
                days: 28
            })
        );
        assert_eq!(
            no_such_day("2024年2月30日"),
            Some(NoSuchDay::Day {
                year: 2024,
                month: 2,
                days: 29
            })
        );
        assert_eq!(
            no_such_day("2026-04-00"),
            Some(NoSuchDay::Day {
                year: 2026,
                month: 4,
                days: 30
            })
        );
        assert_eq!(no_such_day("2026/13/1"), Some(NoSuchDay::Month(13)));
        for fine_or_other in ["2026-02-28", "2026-02", "明天", "20260230"] {
            assert_eq!(no_such_day(fine_or_other), None, "{fine_or_other}");
        }
    }

    #[test]
    fn months_count_across_years() {
        let aug = parse_month("2026-08").unwrap();
        let jan = parse_month("2027-01").unwrap();
        assert_eq!(aug.months_until(jan), 5);
        assert_eq!(jan.plus(-5), Some(aug));
        assert!(parse_month("2026-13").is_err());
        assert!(parse_month("2026-00").is_err());
    }
}
