//! The shape of the rules files, as serde types: `sources.toml` (the registry of documents),
//! `national.toml` and `regions/CODE.toml` (dated, cited values and case tables). Only
//! shape lives here; meaning is checked in `validate` and resolved in `resolve`.

use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;
use toml::value::Datetime;

use super::documents::{DocId, Documents};
use crate::text::{Str, Text};

/// One document in `sources.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub title: Str,
    #[serde(default)]
    pub doc_no: Str,
    pub issuer: Str,
    pub published: Spanned<Datetime>,
    #[serde(default)]
    pub url: Str,
    pub evidence: Spanned<Str>,
    /// What the source is and where it was read, for maintainers.
    #[serde(default)]
    pub note: String,
}

pub type SourceFile = BTreeMap<String, Source>;

/// A reference from a value to the registry: a source id plus the article where known.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cite {
    pub source: Spanned<Str>,
    #[serde(default)]
    pub article: Str,
    /// The cited document's id in the rule set this citation belongs to, found on first use.
    #[serde(skip)]
    doc: std::sync::OnceLock<Option<DocId>>,
}

impl Cite {
    /// The cited document among `documents` (those of the rule set holding this citation).
    pub fn doc(&self, documents: &Documents) -> Option<DocId> {
        *self
            .doc
            .get_or_init(|| documents.find(self.source.get_ref()))
    }
}

/// A policy value in force from `since` until the next entry's `since`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub since: Spanned<Datetime>,
    pub value: Spanned<toml::Value>,
    pub cite: Cite,
    #[serde(default)]
    pub note: Str,
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
    /// A region's own ways to see the balance and its retirees' credit table (region files
    /// only; see `procedures::channels`).
    #[serde(default)]
    pub balance: Option<super::procedures::channels::RegionBalance>,
}

impl RulesFile {
    /// Every section by name, for generic walking (validation, resolution, `rules show`).
    pub fn sections(&self) -> [(&'static str, &Section); 3] {
        [
            ("transfer", &self.transfer),
            ("waiting", &self.waiting),
            ("account", &self.account),
        ]
    }
}
