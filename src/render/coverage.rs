//! The wire format of `yibao rules coverage REGION` (`yibao.rules-coverage/1`): which values
//! of a place are its own, which fall back to its province or the national rule, and what
//! yibao cannot answer there yet. Built by `commands::coverage`, worded by
//! `render::text::coverage`.

use schemars::JsonSchema;
use serde::Serialize;

use crate::rules::documents::Evidence;
use crate::text::Text;

pub const SCHEMA: &str = "yibao.rules-coverage/1";

/// Whose rule a value is for the place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Layer {
    /// The pooling area's own file.
    Own,
    /// Its province's file.
    Province,
    /// The national rules.
    National,
}

/// One rules value as the place gets it.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct CoveredValue {
    pub key: String,
    pub label: Text,
    pub layer: Layer,
    /// The value in force on the date; `null` when none is in force yet.
    #[schemars(with = "Option<serde_json::Value>")]
    pub value: Option<toml::Value>,
    /// The source id and its level; absent when no value is in force.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Evidence>,
    pub file: String,
}

/// Other data of the place's own (or its province's): pooling, balance channels, tables.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct LocalData {
    /// `pooling.province_wide`, `pooling.auto_transfer`, `pooling.balance_stays`,
    /// `balance.channel.ID`, `balance.retiree_credit`, `refund.case.ID`.
    pub item: String,
    pub layer: Layer,
    pub source: String,
    pub evidence: Evidence,
    pub file: String,
}

/// A question yibao cannot answer with the place's own rules yet.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Gap {
    /// `waiting_after_long_gap`, `credit_rate`, `retiree_credit`, `missed_years_reading`,
    /// `own_portal`, `refund_cases`, `moves_inside_province`.
    pub id: &'static str,
    pub question: String,
    /// What yibao answers instead.
    pub instead: String,
}

/// How many values come from each layer.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct LayerCounts {
    pub own: usize,
    pub province: usize,
    pub national: usize,
    /// Values (of any layer) resting only on reports.
    pub reported: usize,
}

/// The coverage of one place on one date.
#[derive(Debug, Serialize, JsonSchema)]
pub struct CoverageReport {
    /// The place as typed, resolved.
    pub place: PlaceRef,
    /// The pooling area it is evaluated in on the date.
    pub pooling_area: PlaceRef,
    pub on: chrono::NaiveDate,
    pub counts: LayerCounts,
    pub values: Vec<CoveredValue>,
    pub local_data: Vec<LocalData>,
    pub gaps: Vec<Gap>,
    /// Regional rules seen only in secondary pages or named but not read (`rules/leads.toml`):
    /// not used by any answer; what to look up next.
    pub leads: Vec<LeadJson>,
}

/// A lead about the place or its province.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct LeadJson {
    pub region: String,
    pub topic: String,
    /// Where it was seen.
    pub seen: String,
    /// Why it is not a value yet.
    pub why: String,
}

/// A division: code and name.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct PlaceRef {
    pub code: String,
    pub name: String,
}
