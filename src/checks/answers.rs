//! The vocabulary every check's facts share: the insurance scheme and yes/no answers as people
//! type them (`yes`/`no` on the command line and in JSON Lines, or JSON booleans).

use serde::{Deserialize, Deserializer, Serialize};

use crate::text::Text;

/// The insurance scheme: 职工医保 (employees, including flexible workers) or 居民医保.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum Scheme {
    /// 职工医保: has a personal account.
    #[default]
    Employee,
    /// 居民医保: no personal account.
    Resident,
}

impl Scheme {
    pub fn name(self) -> Text {
        match self {
            Scheme::Employee => Text::new("职工医保", "employee insurance (职工医保)"),
            Scheme::Resident => Text::new("居民医保", "resident insurance (居民医保)"),
        }
    }

    pub fn flag(self) -> &'static str {
        match self {
            Scheme::Employee => "employee",
            Scheme::Resident => "resident",
        }
    }
}

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
