//! The shared words of the domain: what an answer concludes (`Outcome`), where, how and by
//! whom a step is done (`Place`, `Channel`, `Who`), and the insurance scheme (`Scheme`).
//! A leaf: the rules, the checks and the renderers all speak it, and it imports nothing of
//! the crate. How these words read to a person is `render`'s business.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The answer to a yes/no question (also what a case table's row concludes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Eligible, covered, refundable, ready.
    Yes,
    /// Not eligible, not covered, blocked.
    No,
    /// Holds only under conditions listed, or depends on local confirmation.
    Conditional,
}

impl Outcome {
    /// Its name in JSON.
    pub fn key(self) -> &'static str {
        match self {
            Outcome::Yes => "yes",
            Outcome::No => "no",
            Outcome::Conditional => "conditional",
        }
    }

    /// The exit status that reports it (DESIGN.md: 0 yes, 1 no, 3 conditional).
    pub const fn exit_code(self) -> i32 {
        match self {
            Outcome::Yes => 0,
            Outcome::No => 1,
            Outcome::Conditional => 3,
        }
    }
}

/// Where a step happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Place {
    Origin,
    Destination,
    Either,
    Local,
    /// Where the care is (就医地), for a filing.
    Care,
}

/// How a step is done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Online,
    Offline,
    Phone,
    Wait,
}

/// Who does it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Who {
    Person,
    Employer,
    Agency,
}

/// The insurance scheme: 职工医保 (employees, including flexible workers) or 居民医保; each also
/// by its full name (城镇职工基本医疗保险, 城乡居民基本医疗保险) shortened as people say it.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema, clap::ValueEnum,
)]
#[serde(rename_all = "snake_case")]
pub enum Scheme {
    /// 职工医保: has a personal account.
    #[default]
    #[value(
        alias = "职工",
        alias = "职工医保",
        alias = "城镇职工",
        alias = "城镇职工医保"
    )]
    #[serde(
        alias = "职工",
        alias = "职工医保",
        alias = "城镇职工",
        alias = "城镇职工医保"
    )]
    Employee,
    /// 居民医保: no personal account.
    #[value(
        alias = "居民",
        alias = "居民医保",
        alias = "城乡居民",
        alias = "城乡居民医保"
    )]
    #[serde(
        alias = "居民",
        alias = "居民医保",
        alias = "城乡居民",
        alias = "城乡居民医保"
    )]
    Resident,
}

impl Scheme {
    /// True when a scheme was given as the kind of work (`flexible`, 灵活就业, 个体, …): a
    /// flexible worker is insured as an employee, and told so.
    pub fn names_flexible_work(typed: &str) -> bool {
        let typed = typed.to_lowercase();
        [
            "flexib",
            "freelanc",
            "self-employ",
            "灵活",
            "个体",
            "自由职业",
        ]
        .iter()
        .any(|w| typed.contains(w))
    }

    /// Its flag value.
    pub fn flag(self) -> &'static str {
        match self {
            Scheme::Employee => "employee",
            Scheme::Resident => "resident",
        }
    }
}
