//! What `yibao transfer` is told: the facts of one person's move, named as the flags are
//! (snake_case), so the same struct comes from flags, prompts, a saved plan or a JSON Lines
//! record. Also the checks that facts agree with each other, and the `when` tags of
//! `rules/transfer.toml` that they make true.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use crate::checks::answers::Scheme;
use crate::checks::answers::{
    Contradiction, Given, Naming, future_submission, month_out_of_reach, optional, submitted, word,
    years, yes_no,
};
use crate::dates::{Month, paid_year, parse_typed_month};
use crate::rules::procedures::items::TagSet;
use crate::rules::procedures::transfer::TAGS;

/// A month in a batch record or a saved plan; a bare year (as residents pay), as text or as
/// a number, is taken as its `december` or its January.
fn month_or_year<'de, D: serde::Deserializer<'de>>(
    d: D,
    december: bool,
    key: &'static str,
) -> Result<Option<Month>, D::Error> {
    let expecting = "a month such as \"2026-10\", or a year such as 2026";
    optional(d, expecting, |given| {
        Some(match given {
            Given::Text(text) => match paid_year(text, december) {
                Some(month) => Ok(Some(month)),
                None => parse_typed_month(text)
                    .map(Some)
                    .map_err(|e| format!("{key}: {e}")),
            },
            Given::Whole(n) => paid_year(&n.to_string(), december)
                .map(Some)
                .ok_or_else(|| {
                    format!("{key}: {n} is not a year; write a month as text, such as \"2026-10\"")
                }),
            Given::Flag(_) => return None,
        })
    })
}

fn last_month<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Month>, D::Error> {
    month_or_year(d, true, "last_paid")
}

fn first_month<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Month>, D::Error> {
    month_or_year(d, false, "paid_from")
}

/// Why the person moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    #[value(alias = "工作", alias = "就业")]
    #[serde(alias = "工作", alias = "就业")]
    Job,
    #[value(alias = "搬家", alias = "迁居")]
    #[serde(alias = "搬家", alias = "迁居")]
    Relocation,
    #[value(alias = "户口", alias = "户籍")]
    #[serde(alias = "户口", alias = "户籍")]
    Hukou,
    #[value(alias = "上学", alias = "求学")]
    #[serde(alias = "上学", alias = "求学")]
    Study,
    #[value(alias = "其他")]
    #[serde(alias = "其他")]
    Other,
}

impl Reason {
    pub fn flag(self) -> &'static str {
        match self {
            Reason::Job => "job",
            Reason::Relocation => "relocation",
            Reason::Hukou => "hukou",
            Reason::Study => "study",
            Reason::Other => "other",
        }
    }
}

/// The facts of one transfer; `None`: not known (yet).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Facts {
    /// Pooling area (code) insured in until now.
    pub from: String,
    /// Pooling area (code) moved to.
    pub to: String,
    pub scheme: Option<Scheme>,
    pub reason: Option<Reason>,
    #[serde(deserialize_with = "yes_no")]
    pub retired: Option<bool>,
    /// A flexible worker (灵活就业): no employer at the origin or the destination.
    #[serde(deserialize_with = "yes_no")]
    pub flexible: Option<bool>,
    /// 停保 done at the origin.
    #[serde(deserialize_with = "yes_no")]
    pub origin_stopped: Option<bool>,
    #[serde(deserialize_with = "yes_no")]
    pub destination_enrolled: Option<bool>,
    #[serde(deserialize_with = "yes_no")]
    pub arrears: Option<bool>,
    #[serde(deserialize_with = "yes_no")]
    pub account_frozen: Option<bool>,
    /// Last month paid at the origin (a bare year, as residents pay: its December).
    #[serde(deserialize_with = "last_month")]
    pub last_paid: Option<Month>,
    /// First month paid (or to be paid) at the destination (a bare year: its January).
    #[serde(deserialize_with = "first_month")]
    pub paid_from: Option<Month>,
    /// Years insured without a break, for the cross-scheme rule.
    #[serde(deserialize_with = "years")]
    pub continuous_years: Option<u32>,
    /// The scheme at the destination, when it changes.
    pub new_scheme: Option<Scheme>,
    /// The day the application was accepted.
    #[serde(deserialize_with = "submitted")]
    pub submitted: Option<NaiveDate>,
    /// The places as typed, when they are districts or counties inside the pooling areas
    /// `from` and `to` (only to name them: the answer is the pooling area's).
    #[serde(skip)]
    pub from_place: Option<String>,
    #[serde(skip)]
    pub to_place: Option<String>,
}

impl Facts {
    /// The scheme at the destination: the new one if it changes, else the same.
    pub fn destination_scheme(&self) -> Option<Scheme> {
        self.new_scheme.or(self.scheme)
    }

    pub fn cross_scheme(&self) -> bool {
        matches!((self.scheme, self.new_scheme), (Some(a), Some(b)) if a != b)
    }

    /// The essential facts not given (`from`, `to`, and `scheme` unless both places are one
    /// pooling area), by their field names.
    pub fn missing(&self) -> Vec<&'static str> {
        let same = !self.from.is_empty() && self.from == self.to;
        [
            ("from", self.from.is_empty()),
            ("to", self.to.is_empty()),
            ("scheme", self.scheme.is_none() && !same),
        ]
        .into_iter()
        .filter_map(|(name, gone)| gone.then_some(name))
        .collect()
    }

    /// The months paid in both places (first and last), when the destination's first month
    /// paid is not after the origin's last: a real situation (paid twice), not an input error.
    pub fn paid_twice(&self) -> Option<(Month, Month)> {
        match (self.last_paid, self.paid_from) {
            (Some(last), Some(first)) if first <= last => Some((first, last)),
            _ => None,
        }
    }

    /// Facts that contradict each other or the as-of date `on`, named as `naming` says.
    pub fn contradiction(&self, on: NaiveDate, naming: Naming) -> Option<Contradiction> {
        let name = |key| naming.name(key);
        if let Some(problem) =
            (self.submitted).and_then(|s| future_submission(name("submitted"), s, on))
        {
            return Some(problem);
        }
        let months = [("last_paid", self.last_paid), ("paid_from", self.paid_from)];
        for (key, month) in months {
            if let Some(problem) = month.and_then(|m| month_out_of_reach(name(key), m, on)) {
                return Some(problem);
            }
        }
        (self.new_scheme.is_some() && self.scheme.is_none()).then_some(
            Contradiction::NewSchemeWithoutScheme {
                new_scheme: name("new_scheme"),
                scheme: name("scheme"),
            },
        )
    }

    /// The `when` tags of `rules/transfer.toml` that hold for these facts (`gap_payable` is
    /// added by the waiting-period assessment).
    pub fn tags(&self) -> TagSet {
        let mut tags = TagSet::default();
        match self.scheme {
            Some(Scheme::Employee) => tags.add(TAGS, "employee"),
            Some(Scheme::Resident) => tags.add(TAGS, "resident"),
            None => {}
        }
        if self.cross_scheme() {
            tags.add(TAGS, "cross_scheme");
            tags.add(
                TAGS,
                match self.new_scheme {
                    Some(Scheme::Employee) => "to_employee",
                    _ => "to_resident",
                },
            );
        } else if self.scheme.is_some() {
            tags.add(TAGS, "same_scheme");
        }
        match self.flexible {
            Some(true) => tags.add(TAGS, "flexible"),
            _ => tags.add(TAGS, "not_flexible"),
        }
        if self.retired == Some(true) {
            tags.add(TAGS, "retired");
        }
        if self.paid_twice().is_some() {
            tags.add(TAGS, "paid_twice");
        }
        if let Some(r) = self.reason {
            let reason = match r {
                Reason::Job => "reason_job",
                Reason::Relocation => "reason_relocation",
                Reason::Hukou => "reason_hukou",
                Reason::Study => "reason_study",
                Reason::Other => "reason_other",
            };
            tags.add(TAGS, reason);
        }
        // An accepted application means the agency found the way clear.
        if self.submitted.is_none() {
            tags.add(TAGS, "not_submitted");
            if self.origin_stopped != Some(true) {
                tags.add(TAGS, "origin_not_stopped");
            }
            if self.destination_enrolled != Some(true) {
                tags.add(TAGS, "destination_not_enrolled");
            }
        }
        tags
    }

    /// The value of a blocker fact (`rules::procedures::transfer::BLOCKERS`) and the answer
    /// that blocks.
    pub fn blocker_fact(&self, id: &str) -> (Option<bool>, bool) {
        match id {
            "retired" => (self.retired, true),
            "origin_stopped" => (self.origin_stopped, false),
            "destination_enrolled" => (self.destination_enrolled, false),
            "arrears" => (self.arrears, true),
            _ => (self.account_frozen, true),
        }
    }

    /// The one-line command that states these facts, and states the flags in `unknown` (the
    /// questions a person left open) as `unknown`.
    pub fn command_with(&self, unknown: &[&str]) -> String {
        let mut cmd = self.command();
        for flag in unknown {
            cmd.push_str(&format!(" --{flag} unknown"));
        }
        cmd
    }

    /// The one-line command that states these facts.
    pub fn command(&self) -> String {
        // The places as typed (a district resolves to the same pooling area again).
        let from = self.from_place.as_deref().unwrap_or(&self.from);
        let to = self.to_place.as_deref().unwrap_or(&self.to);
        let mut cmd = format!("yibao transfer --from {from} --to {to}");
        let mut push = |flag: &str, value: Option<String>| {
            if let Some(v) = value {
                cmd.push_str(&format!(" --{flag} {v}"));
            }
        };
        let yn = |b: Option<bool>| b.map(|b| word(b).to_string());
        push("scheme", self.scheme.map(|s| s.flag().into()));
        push("new-scheme", self.new_scheme.map(|s| s.flag().into()));
        push("reason", self.reason.map(|r| r.flag().into()));
        push("retired", yn(self.retired));
        push("flexible", yn(self.flexible));
        push("origin-stopped", yn(self.origin_stopped));
        push("destination-enrolled", yn(self.destination_enrolled));
        push("arrears", yn(self.arrears));
        push("account-frozen", yn(self.account_frozen));
        push("last-paid", self.last_paid.map(|m| m.to_string()));
        push("paid-from", self.paid_from.map(|m| m.to_string()));
        push(
            "continuous-years",
            self.continuous_years.map(|n| n.to_string()),
        );
        push("submitted", self.submitted.map(|d| d.to_string()));
        cmd
    }
}
