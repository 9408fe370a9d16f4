//! The vocabulary every check's facts share: the insurance scheme, yes/no answers as people
//! type them (`yes`/`no` on the command line and in JSON Lines, or JSON booleans), and the one
//! rule for an acceptance date.

use chrono::NaiveDate;
use serde::Deserializer;

use crate::text::Text;

pub use crate::vocab::Scheme;

/// An answer as its flag value: `yes` or `no`.
pub fn word(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

/// Accepts `true`/`false` and the flag spellings `"yes"`/`"no"` (or null: not known).
pub(crate) fn yes_no<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    struct Answer;
    impl<'de> serde::de::Visitor<'de> for Answer {
        type Value = Option<bool>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("yes or no (or true/false)")
        }

        fn visit_bool<E>(self, b: bool) -> Result<Option<bool>, E> {
            Ok(Some(b))
        }

        fn visit_str<E: serde::de::Error>(self, w: &str) -> Result<Option<bool>, E> {
            match w {
                "yes" => Ok(Some(true)),
                "no" => Ok(Some(false)),
                other => Err(E::custom(format!(
                    "'{other}' is not an answer: use yes or no (or true/false)"
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

/// Why an acceptance date `day` typed for `flag` cannot be, when it is after the as-of date
/// `on`: the one rule for `--submitted` (command line and batch alike).
pub fn future_submission(flag: &str, day: NaiveDate, on: NaiveDate) -> Option<Text> {
    (day > on).then(|| {
        Text::new(
            format!(
                "{flag} {day} 晚于评估日期 {on}:受理日期不能在将来;还没受理就不要给 {flag}(会按今天申请计算)"
            ),
            format!(
                "{flag} {day} is after the as-of date {on}: an acceptance date cannot be in the future; leave {flag} out if it has not been accepted (dates are then counted as if you apply today)"
            ),
        )
    })
}
