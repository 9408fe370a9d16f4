//! The vocabulary every check's facts share: the insurance scheme, yes/no answers as people
//! type them (`yes`/`no` on the command line and in JSON Lines, or JSON booleans), the rules
//! for an acceptance date and for the months of payment, and how a message names a fact (flag
//! or record key).

use chrono::{Datelike, NaiveDate};
use serde::Deserializer;

use crate::dates::Month;

pub use crate::vocab::Scheme;

/// An answer as its flag value: `yes` or `no`.
pub fn word(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

/// A fact's value as a batch record or a saved plan gives it (for `optional`).
#[derive(Clone, Copy)]
pub(crate) enum Given<'a> {
    Text(&'a str),
    Whole(i128),
    Flag(bool),
}

/// An optional fact of a batch record or a saved plan: null is not known; any other value is
/// handed to `read`, which gives the fact (`None` inside: not known), why the value is wrong
/// (in words naming the key), or `None` for a kind of value the fact never takes (refused in
/// serde's words, as `expecting`).
pub(crate) fn optional<'de, D, T, F>(d: D, expecting: &str, read: F) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    F: FnOnce(Given) -> Option<Result<Option<T>, String>>,
{
    use serde::de::{Error, Unexpected};
    struct Optional<'e, F> {
        expecting: &'e str,
        read: F,
    }
    impl<F> Optional<'_, F> {
        fn take<T, E: Error>(self, given: Given, value: Unexpected) -> Result<Option<T>, E>
        where
            F: FnOnce(Given) -> Option<Result<Option<T>, String>>,
        {
            match (self.read)(given) {
                Some(fact) => fact.map_err(E::custom),
                None => Err(E::invalid_type(value, &self.expecting)),
            }
        }
    }
    impl<'de, T, F: FnOnce(Given) -> Option<Result<Option<T>, String>>> serde::de::Visitor<'de>
        for Optional<'_, F>
    {
        type Value = Option<T>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str(self.expecting)
        }

        fn visit_bool<E: Error>(self, b: bool) -> Result<Option<T>, E> {
            self.take(Given::Flag(b), Unexpected::Bool(b))
        }

        fn visit_u64<E: Error>(self, n: u64) -> Result<Option<T>, E> {
            self.take(Given::Whole(n.into()), Unexpected::Unsigned(n))
        }

        fn visit_i64<E: Error>(self, n: i64) -> Result<Option<T>, E> {
            self.take(Given::Whole(n.into()), Unexpected::Signed(n))
        }

        fn visit_str<E: Error>(self, text: &str) -> Result<Option<T>, E> {
            self.take(Given::Text(text), Unexpected::Str(text))
        }

        fn visit_none<E>(self) -> Result<Option<T>, E> {
            Ok(None)
        }

        fn visit_unit<E>(self) -> Result<Option<T>, E> {
            Ok(None)
        }

        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Option<T>, D::Error> {
            d.deserialize_any(self)
        }
    }
    d.deserialize_option(Optional { expecting, read })
}

/// Accepts `true`/`false` and the flag spellings `"yes"`/`"no"` or `"是"`/`"否"` (null,
/// `"unknown"` or `"不确定"`: not known), and what spreadsheets write for them: any case
/// (`TRUE`, `Yes`), `y`/`n`, 有/无 (没有). A number is no answer, as on the command line.
pub(crate) fn yes_no<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    let word = |word: &str| match word {
        "yes" | "y" | "true" | "是" | "有" => Some(Some(true)),
        "no" | "n" | "false" | "否" | "无" | "没有" => Some(Some(false)),
        "unknown" | "不确定" | "不知道" => Some(None),
        _ => None,
    };
    const ANSWERS: &str = "yes or no (是/否), unknown (不确定) or true/false";
    optional(d, ANSWERS, |given| {
        Some(match given {
            Given::Flag(b) => Ok(Some(b)),
            // As written first (nearly always); else trimmed, half-width and in lower case.
            Given::Text(w) => word(w)
                .or_else(|| word(&crate::typed::halfwidth(w.trim()).to_ascii_lowercase()))
                .ok_or_else(|| format!("'{w}' is not an answer: use {ANSWERS}")),
            Given::Whole(_) => return None,
        })
    })
}

/// Most years insured without a break that may be given: a working life and more.
pub const MAX_YEARS: u32 = 100;

/// Years insured typed as digits (full-width ones too), if they are 0 to `MAX_YEARS`: the
/// flag's reading, and a record's.
pub fn typed_years(text: &str) -> Option<u32> {
    (crate::typed::halfwidth(text).trim().parse().ok()).filter(|n| *n <= MAX_YEARS)
}

/// Years insured without a break in a batch record or a saved plan: a whole number, or its
/// digits as text (a spreadsheet's cell, in full-width digits too), from 0 to `MAX_YEARS`
/// as on the command line.
pub fn years<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    let expecting = format!("a whole number of years from 0 to {MAX_YEARS}");
    optional(d, &expecting, |given| {
        let years = match given {
            Given::Whole(n) => u32::try_from(n).ok().filter(|n| *n <= MAX_YEARS),
            Given::Text(text) => typed_years(text),
            Given::Flag(_) => return None,
        };
        Some(years.map(Some).ok_or_else(|| {
            let shown = match given {
                Given::Text(text) => format!("'{text}'"),
                Given::Whole(n) => n.to_string(),
                Given::Flag(b) => b.to_string(),
            };
            format!("continuous_years: {shown} is not a number of years from 0 to {MAX_YEARS}")
        }))
    })
}

/// The acceptance day in a batch record or a saved plan, as people type it (`2026-09-28`,
/// `2026/9/28`, `2026年9月28日`); one that is not a real day is refused in the command line's
/// words, naming the key.
pub fn submitted<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    use serde::Deserialize;
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(text) => crate::dates::parse_typed_date(&text)
            .map(Some)
            .map_err(|e| serde::de::Error::custom(format!("submitted: {e}"))),
    }
}

/// How a message names a fact: as its flag on the command line (`--last-paid`) or as its
/// key in a batch record (`last_paid`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Naming {
    Flags,
    Keys,
}

impl Naming {
    /// The name of the fact whose record key is `key` (snake_case, as the facts are named).
    pub fn name(self, key: &'static str) -> &'static str {
        match (self, key) {
            (Naming::Keys, _) => key,
            (Naming::Flags, "submitted") => "--submitted",
            (Naming::Flags, "last_paid") => "--last-paid",
            (Naming::Flags, "paid_from") => "--paid-from",
            (Naming::Flags, "new_scheme") => "--new-scheme",
            (Naming::Flags, "scheme") => "--scheme",
            (Naming::Flags, other) => other,
        }
    }
}

/// Facts that cannot all be true (worded by `error::Error::Contradiction`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Contradiction {
    /// An acceptance date after the as-of date, typed for `flag` (`--submitted`, `submitted`).
    FutureSubmission {
        flag: &'static str,
        day: NaiveDate,
        on: NaiveDate,
    },
    /// A scheme at the destination without the scheme of now, the two facts named so.
    NewSchemeWithoutScheme {
        new_scheme: &'static str,
        scheme: &'static str,
    },
    /// A month typed for `flag` outside the months that may be paid as of `on`
    /// (`months_in_reach`).
    MonthOutOfReach {
        flag: &'static str,
        month: Month,
        on: NaiveDate,
    },
}

/// The one rule for an acceptance date typed for `flag` (command line and batch alike): it
/// cannot be after the as-of date `on`.
pub fn future_submission(
    flag: &'static str,
    day: NaiveDate,
    on: NaiveDate,
) -> Option<Contradiction> {
    (day > on).then_some(Contradiction::FutureSubmission { flag, day, on })
}

/// Years after the as-of year that a month paid (or to be paid) may still lie in.
const YEARS_AHEAD: i32 = 5;

/// The first year a month of payment may lie in: no insurance history goes back further.
const FIRST_YEAR: i32 = 1950;

/// The years of the as-of dates yibao evaluates on: from the first year a month of payment may lie in
/// (before it no month paid could be named) to a year whose plans (deadlines, the next
/// enrolment year, a waiting period) still end before the year 9999 that dates are written
/// in. Not policy: a guard against a mistyped `--on`.
pub const AS_OF_YEARS: std::ops::RangeInclusive<i32> = FIRST_YEAR..=9989;

/// The first and last month of payment a fact may name as of `on`: from `FIRST_YEAR` to
/// December `YEARS_AHEAD` years after `on`'s year. Not policy: a guard against a mistyped
/// year (0226, 2062) read as a real month.
pub fn months_in_reach(on: NaiveDate) -> (Month, Month) {
    // Both months exist for any as-of date chrono holds; the fallbacks are never taken.
    let earliest = Month::new(FIRST_YEAR, 1).unwrap_or(Month::of(NaiveDate::MIN));
    let latest =
        Month::new(on.year().saturating_add(YEARS_AHEAD), 12).unwrap_or(Month::of(NaiveDate::MAX));
    (earliest, latest)
}

/// The one rule for a month of payment typed for `flag` (command line and batch alike).
pub fn month_out_of_reach(
    flag: &'static str,
    month: Month,
    on: NaiveDate,
) -> Option<Contradiction> {
    let (earliest, latest) = months_in_reach(on);
    (month < earliest || month > latest).then_some(Contradiction::MonthOutOfReach {
        flag,
        month,
        on,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn month(y: i32, m: u32) -> Month {
        Month::new(y, m).unwrap()
    }

    #[test]
    fn a_month_of_payment_may_lie_from_1950_to_five_years_after_the_as_of_year() {
        let on = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        for ok in [month(1950, 1), month(2026, 12), month(2031, 12)] {
            assert_eq!(month_out_of_reach("--last-paid", ok, on), None, "{ok}");
        }
        for typo in [
            month(226, 3),
            month(1949, 12),
            month(2032, 1),
            month(9999, 12),
        ] {
            assert!(
                month_out_of_reach("--last-paid", typo, on).is_some(),
                "{typo}"
            );
        }
    }
}
