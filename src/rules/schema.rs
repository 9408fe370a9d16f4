//! The shape of the rules files, as serde types: `national.toml` and `regions/CODE.toml`
//! (dated, cited values and case tables; the registry of documents is `documents`). Only
//! shape lives here; meaning is checked in `validate` and resolved in `resolve`.

use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;
use toml::value::Datetime;

use super::documents::Cite;
use crate::text::{Str, Text};

/// A policy value in force from `since` until the next entry's `since`.
#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub since: Spanned<Datetime>,
    pub value: Spanned<toml::Value>,
    pub cite: Cite,
    #[serde(default)]
    pub note: Str,
    /// `since` as a day, read once (answers look it up line after line).
    #[serde(skip)]
    day: std::sync::OnceLock<Option<chrono::NaiveDate>>,
}

/// What the entry says; whether its day has been read yet is no part of it.
impl std::fmt::Debug for Entry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        (f.debug_struct("Entry"))
            .field("since", &self.since)
            .field("value", &self.value)
            .field("cite", &self.cite)
            .field("note", &self.note)
            .finish_non_exhaustive()
    }
}

impl Entry {
    /// The day the entry takes effect; `None` for a `since` that is not a plain date (which
    /// `rules check` reports).
    pub fn since_day(&self) -> Option<chrono::NaiveDate> {
        *(self.day).get_or_init(|| crate::dates::from_toml(self.since.get_ref()))
    }
}

/// A named policy value: its unit, label and dated entries.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Param {
    pub unit: Spanned<Str>,
    pub label: Text,
    pub values: Vec<Entry>,
    /// `"max"`: the national value is a ceiling that a region may lower but not exceed.
    #[serde(default)]
    pub bound: Option<Spanned<String>>,
}

/// The units a value may have, and the TOML type each expects.
pub const UNITS: &[(&str, &str)] = &[
    ("working_day", "integer"),
    ("day", "integer"),
    ("month", "integer"),
    ("year", "integer"),
    ("count", "integer"),
    ("yuan", "number"),
    ("ratio", "number"),
    ("flag", "boolean"),
    ("text", "text"),
];

/// A section of named values (`[transfer.out_working_days]` is key `out_working_days` of
/// section `transfer`).
pub type Section = BTreeMap<String, Param>;

/// A national or regional rules file. Every top-level key is listed here, so a misspelt
/// section is an error with a suggestion rather than a silently ignored table.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulesFile {
    /// The last day a person checked this file against its sources.
    #[serde(default)]
    pub reviewed_on: Option<Spanned<Datetime>>,
    /// Transfer time limits.
    #[serde(default)]
    pub transfer: Section,
    /// Waiting periods and gap rules.
    #[serde(default)]
    pub waiting: Section,
    /// Personal-account credit rates (`yibao balance --monthly`).
    #[serde(default)]
    pub account: Section,
    /// Cross-region care filing: validity, rate cuts, provincial waivers (`yibao filing`).
    #[serde(default)]
    pub filing: Section,
    /// A region's own ways to see the balance and its retirees' credit table (region files
    /// only; see `procedures::channels`).
    #[serde(default)]
    pub balance: Option<super::procedures::channels::RegionBalance>,
}

impl RulesFile {
    /// Every section by name, for generic walking (validation, resolution, `rules show`).
    pub fn sections(&self) -> [(&'static str, &Section); 4] {
        [
            ("transfer", &self.transfer),
            ("waiting", &self.waiting),
            ("account", &self.account),
            ("filing", &self.filing),
        ]
    }
}
