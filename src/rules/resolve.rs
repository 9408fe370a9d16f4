//! Resolving the policy in force: for a region and a date, the value of each key from the most
//! specific rules file that has it (pooling-area file, then province file, then national), and
//! the newest entry whose `since` is on or before the date. Also the check that a region file
//! only overrides keys that exist nationally and stays under national caps.

use chrono::NaiveDate;
use serde::Serialize;

use super::RuleSet;
use super::diag::Diagnostic;
use super::schema::{Entry, Param, RulesFile};
use crate::calendar::Calendar;
use crate::dates;
use crate::text::{Str, Text};

/// The policy for one region on one date. Cheap to build; values are resolved on demand.
#[derive(Debug, Clone, Copy)]
pub struct Policy<'a> {
    pub rules: &'a RuleSet,
    /// The pooling area or province asked about; `None` for national rules only.
    pub region: Option<&'a str>,
    pub on: NaiveDate,
    /// The region's own file and its province's, found once (see `layers`); private, so a
    /// policy for another region is made with `in_region`, never by copying these.
    files: [Option<(&'a Str, &'a super::Loaded)>; 2],
}

/// One resolved value with everything needed to explain it, borrowed from the rules it was
/// resolved in: resolving copies nothing but the key.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Resolved<'r> {
    /// `section.name`, e.g. `transfer.out_working_days`.
    pub key: Str,
    #[schemars(with = "serde_json::Value")]
    pub value: &'r toml::Value,
    pub unit: &'r Str,
    pub label: &'r Text,
    pub since: NaiveDate,
    /// The day the next entry takes over, if a newer one is already written.
    pub until: Option<NaiveDate>,
    /// The source id and article.
    pub source: &'r Str,
    /// The source's id among the rule set's documents.
    #[serde(skip)]
    #[schemars(skip)]
    pub doc: Option<super::DocId>,
    pub article: &'r Str,
    pub source_title: &'r Str,
    pub doc_no: &'r Str,
    /// `official`, `full_text` or `reported`.
    pub evidence: &'r Str,
    /// The rules file the value came from.
    pub file: &'r Str,
    /// The region code whose file supplied it, `None` for national.
    pub region: Option<&'r Str>,
    pub note: &'r Str,
}

/// What a value whose source is not registered shows (`rules check` rules that out).
static NO_TEXT: Str = Str::Static("");
static REPORTED: Str = Str::Static("reported");

impl Resolved<'_> {
    /// True when the value rests only on secondary reports (待核对).
    pub fn reported(&self) -> bool {
        self.evidence == "reported"
    }

    /// The value as a non-negative integer (units day, month, year, working_day, count).
    pub fn int(&self) -> u32 {
        self.value
            .as_integer()
            .and_then(|i| u32::try_from(i).ok())
            .unwrap_or(0)
    }

    pub fn flag(&self) -> bool {
        self.value.as_bool().unwrap_or(false)
    }

    pub fn number(&self) -> f64 {
        self.value
            .as_float()
            .or_else(|| self.value.as_integer().map(|i| i as f64))
            .unwrap_or(0.0)
    }
}

/// Why a key has no value for a region and date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RuleGap {
    #[error("no rule `{0}` in the rules files")]
    UnknownKey(String),
    #[error("no rule `{key}` in force on {on}; the earliest entry starts on {first}")]
    NotYetInForce {
        key: String,
        on: NaiveDate,
        first: NaiveDate,
    },
}

impl<'a> Policy<'a> {
    pub fn new(rules: &'a RuleSet, region: Option<&'a str>, on: NaiveDate) -> Policy<'a> {
        let own = region.and_then(|code| rules.region_file(code));
        // The province's file: the code's first two digits and 0000, if that is another code.
        let province = region
            .filter(|code| code.get(2..) != Some("0000"))
            .and_then(|code| rules.province_file(code));
        Policy {
            rules,
            region,
            on,
            files: [own, province],
        }
    }

    /// The same rules and date for another region. The code is kept as the rules or the
    /// division list keep it, so values resolved there live as long as the rules, not as the
    /// string asked with; a code neither knows has no rules of its own: national.
    pub fn in_region(&self, region: Option<&str>) -> Policy<'a> {
        let kept = region.and_then(|code| match self.rules.region_file(code) {
            Some((own, _)) => Some(own.as_str()),
            None => crate::region::kept_code(code),
        });
        Policy::new(self.rules, kept, self.on)
    }

    /// The same rules and region on another date.
    pub fn on_day(&self, on: NaiveDate) -> Policy<'a> {
        Policy { on, ..*self }
    }

    /// The files to consult, most specific first: the region's own file, its province's file
    /// (for a city), then national.
    pub fn layers(&self) -> impl Iterator<Item = (Option<&'a Str>, &'a super::Loaded)> + use<'a> {
        let [own, province] = self.files;
        [own, province]
            .into_iter()
            .flatten()
            .map(|(code, file)| (Some(code), file))
            .chain([(None, &self.rules.national)])
    }

    /// The value of `key` (`section.name`) in force.
    pub fn get(&self, key: impl Into<Str>) -> Result<Resolved<'a>, RuleGap> {
        self.resolve(key.into())
    }

    fn resolve(&self, key: Str) -> Result<Resolved<'a>, RuleGap> {
        // By byte: a key is short, and a char search costs more than the rest of the lookup.
        let dot = (key.bytes().position(|b| b == b'.'))
            .ok_or_else(|| RuleGap::UnknownKey(key.to_string()))?;
        let (section, name) = (&key[..dot], &key[dot + 1..]);
        let mut first_since: Option<NaiveDate> = None;
        let mut known = false;
        for (region, loaded) in self.layers() {
            let Some(param) = find(&loaded.file, section, name) else {
                continue;
            };
            known = true;
            match entry_on(param, self.on) {
                Some((entry, until)) => {
                    return Ok(self.resolved(key, param, entry, until, region, &loaded.path));
                }
                None => {
                    let first = param.values.first().and_then(Entry::since_day);
                    first_since = match (first_since, first) {
                        (Some(a), Some(b)) => Some(a.min(b)),
                        (a, b) => a.or(b),
                    };
                }
            }
        }
        match (known, first_since) {
            (true, Some(first)) => Err(RuleGap::NotYetInForce {
                key: key.to_string(),
                on: self.on,
                first,
            }),
            _ => Err(RuleGap::UnknownKey(key.to_string())),
        }
    }

    /// Every key any layer defines, resolved (or the gap), in key order.
    pub fn all(&self) -> Vec<(String, Result<Resolved<'a>, RuleGap>)> {
        let mut keys = std::collections::BTreeSet::new();
        for (_, loaded) in self.layers() {
            for (section, params) in loaded.file.sections() {
                keys.extend(params.keys().map(|n| format!("{section}.{n}")));
            }
        }
        keys.into_iter()
            .map(|k| (k.clone(), self.get(&k)))
            .collect()
    }

    pub fn calendar(&self) -> &'a Calendar {
        &self.rules.calendar
    }

    fn resolved(
        &self,
        key: Str,
        param: &'a Param,
        entry: &'a Entry,
        until: Option<NaiveDate>,
        region: Option<&'a Str>,
        file: &'a Str,
    ) -> Resolved<'a> {
        let doc = entry.cite.doc(&self.rules.documents);
        let source = doc.map(|d| self.rules.documents.get(d));
        Resolved {
            key,
            value: entry.value.get_ref(),
            unit: param.unit.get_ref(),
            label: &param.label,
            since: entry.since_day().unwrap_or(self.on),
            until,
            source: entry.cite.source.get_ref(),
            doc,
            article: &entry.cite.article,
            source_title: source.map_or(&NO_TEXT, |s| &s.title),
            doc_no: source.map_or(&NO_TEXT, |s| &s.doc_no),
            evidence: source.map_or(&REPORTED, |s| &s.evidence),
            file,
            region,
            note: &entry.note,
        }
    }
}

fn find<'f>(file: &'f RulesFile, section: &str, name: &str) -> Option<&'f Param> {
    file.sections()
        .into_iter()
        .find(|(s, _)| *s == section)
        .and_then(|(_, params)| params.get(name))
}

/// The newest entry with `since <= on`, and the `since` of the entry after it.
fn entry_on(param: &Param, on: NaiveDate) -> Option<(&Entry, Option<NaiveDate>)> {
    let since = Entry::since_day;
    let index = param
        .values
        .iter()
        .rposition(|e| since(e).is_some_and(|s| s <= on))?;
    Some((
        &param.values[index],
        param.values.get(index + 1).and_then(since),
    ))
}

/// Checks that every key of a region file exists nationally with the same unit, and that a
/// value stays at or under a national cap (`bound = "max"`) on every date both are in force.
pub fn check_overrides(
    path: &str,
    text: &str,
    region: &RulesFile,
    national: &RulesFile,
    out: &mut Vec<Diagnostic>,
) {
    for ((section, params), (_, national_params)) in
        region.sections().into_iter().zip(national.sections())
    {
        for (name, param) in params {
            let key = format!("{section}.{name}");
            let Some(nat) = national_params.get(name) else {
                let hint = crate::text::closest(name, national_params.keys().map(String::as_str))
                    .map_or(String::new(), |b| {
                        format!("; did you mean `{section}.{b}`?")
                    });
                let span = param.unit.span();
                out.push(Diagnostic::at(
                    path,
                    text,
                    span,
                    format!(
                        "`{key}` is not a national rule, so there is nothing to override{hint}"
                    ),
                ));
                continue;
            };
            if nat.unit.get_ref() != param.unit.get_ref() {
                out.push(Diagnostic::at(
                    path,
                    text,
                    param.unit.span(),
                    format!(
                        "`{key}`: unit \"{}\" differs from the national unit \"{}\"",
                        param.unit.get_ref(),
                        nat.unit.get_ref()
                    ),
                ));
                continue;
            }
            if nat.bound.as_ref().is_some_and(|b| b.get_ref() == "max") {
                check_cap(path, text, &key, param, nat, out);
            }
        }
    }
}

/// A regional entry may not exceed the national cap in force on its own `since` or on any later
/// national change while it is in force.
fn check_cap(
    path: &str,
    text: &str,
    key: &str,
    param: &Param,
    nat: &Param,
    out: &mut Vec<Diagnostic>,
) {
    let national_dates: Vec<NaiveDate> = nat
        .values
        .iter()
        .filter_map(|e| dates::from_toml(e.since.get_ref()))
        .collect();
    for (i, entry) in param.values.iter().enumerate() {
        let Some(start) = dates::from_toml(entry.since.get_ref()) else {
            continue;
        };
        let end = param.values.get(i + 1).and_then(Entry::since_day);
        let mut checkpoints = vec![start];
        checkpoints.extend(
            national_dates
                .iter()
                .copied()
                .filter(|d| *d > start && end.is_none_or(|e| *d < e)),
        );
        for day in checkpoints {
            let Some((cap, _)) = entry_on(nat, day) else {
                continue;
            };
            let (Some(mine), Some(limit)) =
                (as_f64(entry.value.get_ref()), as_f64(cap.value.get_ref()))
            else {
                continue;
            };
            if mine > limit {
                out.push(Diagnostic::at(
                    path,
                    text,
                    entry.value.span(),
                    format!("`{key}` = {mine} is above the national cap of {limit} in force on {day}; a region may lower a cap but not raise it"),
                ));
                break;
            }
        }
    }
}

fn as_f64(v: &toml::Value) -> Option<f64> {
    v.as_float().or_else(|| v.as_integer().map(|i| i as f64))
}
