//! The wire format of `yibao sources` (`yibao.sources/1`): serialize-only types, from which
//! `yibao schema sources` is derived. Built by `commands::sources`, worded by
//! `render::text::sources`.

use schemars::JsonSchema;
use serde::Serialize;

use crate::rules::documents::Evidence;

pub const SCHEMA: &str = "yibao.sources/1";

/// The kind of host an address is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum UrlHost {
    Government,
    StateMedia,
    Other,
}

/// A rules key or plan item resting on a document, and its file.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct UseJson {
    /// `transfer.out_working_days`, `transfer.step.apply_online`, `refund.case.paid_twice`, …
    pub item: String,
    pub file: String,
}

/// One document of the registry.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct SourceJson {
    pub id: String,
    pub title: String,
    /// The document number (文号), when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc_no: Option<String>,
    pub issuer: String,
    pub published: chrono::NaiveDate,
    /// `official`, `full_text` or `reported` (only reported makes an answer conditional).
    pub evidence: Evidence,
    /// The address to cite (the original where a page names it, else the best copy).
    pub url: Option<String>,
    /// What kind of host `url` is on; `null` without a url.
    pub url_host: Option<UrlHost>,
    /// Where the text was read, when not at `url`.
    pub seen_at: Option<String>,
    /// The day the entry was last checked against its text.
    pub reviewed_on: Option<chrono::NaiveDate>,
    /// What it is, where it was read and why it has its level.
    pub note: String,
    /// The rules keys and plan items that cite it.
    pub used_by: Vec<UseJson>,
}

/// How many documents have each level.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct LevelCounts {
    pub official: usize,
    pub full_text: usize,
    pub reported: usize,
}

/// The answer: every document (or the one asked for), in id order.
#[derive(Debug, Serialize, JsonSchema)]
pub struct SourcesReport {
    /// The id asked for, if one was.
    pub id: Option<String>,
    pub counts: LevelCounts,
    pub sources: Vec<SourceJson>,
}
