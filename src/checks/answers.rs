//! The vocabulary every check's facts share: the insurance scheme, yes/no answers as people
//! type them (`yes`/`no` on the command line and in JSON Lines, or JSON booleans), and the one
//! rule for an acceptance date.

use chrono::NaiveDate;
use serde::Deserializer;

use crate::dates::Month;

pub use crate::vocab::Scheme;

/// An answer as its flag value: `yes` or `no`.
pub fn word(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

/// Accepts `true`/`false` and the flag spellings `"yes"`/`"no"` or `"是"`/`"否"` (null,
/// `"unknown"` or `"不确定"`: not known).
pub(crate) fn yes_no<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    struct Answer;
    impl<'de> serde::de::Visitor<'de> for Answer {
        type Value = Option<bool>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("yes or no (是/否), unknown (不确定) or true/false")
        }

        fn visit_bool<E>(self, b: bool) -> Result<Option<bool>, E> {
            Ok(Some(b))
        }

        fn visit_str<E: serde::de::Error>(self, w: &str) -> Result<Option<bool>, E> {
            match w {
                "yes" | "是" => Ok(Some(true)),
                "no" | "否" => Ok(Some(false)),
                "unknown" | "不确定" | "不知道" => Ok(None),
                other => Err(E::custom(format!(
                    "'{other}' is not an answer: use yes or no (是/否), unknown (不确定) or true/false"
                ))),
            }
        }

        fn visit_none<E>(self) -> Result<Option<bool>, E> {
            Ok(None)
        }

        fn visit_unit<E>(self) -> Result<Option<bool>, E> {
            Ok(None)
        }

        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Option<bool>, D::Error> {
            d.deserialize_any(Answer)
        }
    }
    d.deserialize_option(Answer)
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
    /// The first month paid at the destination before the last month paid at the origin.
    PaidFromBeforeLastPaid { first: Month, last: Month },
    /// A scheme at the destination without the scheme of now.
    NewSchemeWithoutScheme,
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
