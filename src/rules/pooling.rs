//! Pooling areas as dated, cited data (`rules/pooling.toml`): from which date a whole province
//! is one pooling area (the municipalities; Hainan from 2020-01-01), and the regimes of moves
//! inside one province (automatic transfer, balance kept in place). Owns loading and checking
//! that file and answering "which pooling area is this place in on this date". The division
//! list's own rule (a district belongs to its prefecture's area) lives in `region`; this module
//! only widens it where the data says so. Pure: no clock, no files.

use chrono::NaiveDate;
use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

use super::diag::Diagnostic;
use super::documents::SourceFile;
use super::schema::{Entry, Section};
use super::validate;
use crate::region::{Level, LookupError, Region, regions};

/// The sections of `pooling.toml` that are regimes of moves inside one province, by id.
pub const REGIMES: [&str; 2] = ["auto_transfer", "balance_stays"];

/// `rules/pooling.toml` as written.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PoolingFile {
    #[serde(default)]
    pub reviewed_on: Option<Spanned<Datetime>>,
    /// Province code → whether the whole province is one pooling area, from when.
    #[serde(default)]
    pub province_wide: Section,
    /// Province code → the record moves without an application inside the province.
    #[serde(default)]
    pub auto_transfer: Section,
    /// Province code → the personal-account balance stays where it is inside the province.
    #[serde(default)]
    pub balance_stays: Section,
}

/// The loaded file, with its path for messages.
#[derive(Debug, Clone, Default)]
pub struct Pooling {
    pub path: String,
    pub file: PoolingFile,
}

/// A regime of moves inside one province in force on a date.
#[derive(Debug, Clone, Copy)]
pub struct Regime<'a> {
    /// `auto_transfer` or `balance_stays`.
    pub id: &'static str,
    /// The province's code.
    pub province: &'a str,
    pub label: &'a crate::text::Text,
    /// The entry in force: its date, citation and note.
    pub entry: &'a Entry,
}

/// The entry of `values` in force on `on`: the newest whose `since` is on or before it.
fn in_force(values: &[Entry], on: NaiveDate) -> Option<&Entry> {
    values
        .iter()
        .rev()
        .find(|e| e.since_day().is_some_and(|d| d <= on))
}

impl Pooling {
    /// Parses `pooling.toml` and, if `validate`, checks it; problems go to `out`.
    pub fn load(
        path: &str,
        text: &str,
        sources: &SourceFile,
        validate: bool,
        out: &mut Vec<Diagnostic>,
    ) -> Option<Pooling> {
        let file = match validate::parse::<PoolingFile>(path, text) {
            Ok(f) => f,
            Err(d) => {
                out.push(d);
                return None;
            }
        };
        let before = out.len();
        if validate {
            check(path, text, &file, sources, out);
        }
        (out.len() == before).then(|| Pooling {
            path: path.to_string(),
            file,
        })
    }

    /// The sections by id, for walking (`rules show`).
    pub fn sections(&self) -> [(&'static str, &Section); 3] {
        [
            ("province_wide", &self.file.province_wide),
            (REGIMES[0], &self.file.auto_transfer),
            (REGIMES[1], &self.file.balance_stays),
        ]
    }

    /// The entry by which the whole of `province` is one pooling area on `on`, if one is in
    /// force and says so.
    pub fn province_wide(&self, province: &str, on: NaiveDate) -> Option<&Entry> {
        let param = self.file.province_wide.get(province)?;
        in_force(&param.values, on).filter(|e| e.value.get_ref().as_bool() == Some(true))
    }

    /// The pooling area `place` is evaluated in on `on`: its province where the data makes
    /// the whole province one pooling area then, else the division list's own answer.
    pub fn area_of(&self, place: &'static Region, on: NaiveDate) -> &'static Region {
        let all = regions();
        let province = place
            .code
            .get(..2)
            .and_then(|p| all.get(&format!("{p}0000")));
        match province {
            Some(p) if self.province_wide(&p.code, on).is_some() => p,
            _ => all.pooling_area_of(place),
        }
    }

    /// A typed place and the pooling area it is in on `on`, exactly as `yibao regions`
    /// finds it: an ambiguous name is an error listing every candidate; a province that is
    /// not one pooling area on that date is `NotAPoolingArea`.
    pub fn resolve(
        &self,
        query: &str,
        on: NaiveDate,
    ) -> Result<(&'static Region, &'static Region), LookupError> {
        let all = regions();
        let place = all.lookup(query)?;
        let area = self.area_of(place, on);
        if area.level == Level::Province && self.province_wide(&area.code, on).is_some() {
            return Ok((place, area));
        }
        Ok((place, all.pooling_area_or_error(query, place)?))
    }

    /// Whether `a` and `b` (pooling-area or place codes) are one pooling area on `on`.
    pub fn same_area(&self, a: &str, b: &str, on: NaiveDate) -> bool {
        let all = regions();
        match (all.get(a), all.get(b)) {
            (Some(x), Some(y)) => self.area_of(x, on).code == self.area_of(y, on).code,
            _ => a == b,
        }
    }

    /// The regimes in force on `on` for a move from `from` to `to` inside one province (none
    /// for a move between provinces).
    pub fn regimes(&self, from: &str, to: &str, on: NaiveDate) -> Vec<Regime<'_>> {
        let (Some(p), Some(q)) = (from.get(..2), to.get(..2)) else {
            return Vec::new();
        };
        if p != q {
            return Vec::new();
        }
        let province = format!("{p}0000");
        let mut out = Vec::new();
        for (id, section) in [
            (REGIMES[0], &self.file.auto_transfer),
            (REGIMES[1], &self.file.balance_stays),
        ] {
            if let Some((code, param)) = section.get_key_value(&province)
                && let Some(entry) = in_force(&param.values, on)
                && entry.value.get_ref().as_bool() == Some(true)
            {
                out.push(Regime {
                    id,
                    province: code,
                    label: &param.label,
                    entry,
                });
            }
        }
        out
    }
}

/// Every value dated, typed and cited (as in any rules file), every key a mainland province,
/// and every province the division list pools as a whole (the municipalities) present.
fn check(
    path: &str,
    text: &str,
    file: &PoolingFile,
    sources: &SourceFile,
    out: &mut Vec<Diagnostic>,
) {
    let all = regions();
    for (section, params) in [
        ("province_wide", &file.province_wide),
        (REGIMES[0], &file.auto_transfer),
        (REGIMES[1], &file.balance_stays),
    ] {
        for (code, param) in params {
            let key = format!("{section}.{code}");
            let stop = out.len() + validate::MAX_PER_FILE;
            validate::check_param(path, text, &key, param, sources, stop, out);
            let ok = all.get(code).is_some_and(|r| {
                r.level == Level::Province && !matches!(r.code.get(..2), Some("71" | "81" | "82"))
            });
            if !ok {
                out.push(Diagnostic::file(
                    path,
                    format!("`{key}`: '{code}' is not a mainland province code (XX0000; see 'yibao regions')"),
                ));
            }
            if param.unit.get_ref().as_str() != "flag" {
                out.push(Diagnostic::at(
                    path,
                    text,
                    param.unit.span(),
                    format!("`{key}`: unit must be \"flag\" (true from the date the rule applies)"),
                ));
            }
        }
    }
    for r in all.provinces() {
        if r.is_pooling_area() && !file.province_wide.contains_key(&r.code) {
            out.push(Diagnostic::file(
                path,
                format!("`province_wide.{}` is missing: the division list pools {} as a whole, so its pooling area needs a dated, cited entry", r.code, r.name),
            ));
        }
    }
    validate::check_reviewed_on(path, text, file.reviewed_on.as_ref(), out);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleSet;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn pooling() -> Pooling {
        RuleSet::embedded().unwrap().pooling
    }

    #[test]
    fn haikou_and_sanya_are_one_pooling_area_from_2020() {
        let p = pooling();
        assert!(p.same_area("460100", "460200", day("2020-01-01")));
        assert!(p.same_area("460100", "460200", day("2026-03-02")));
        assert!(!p.same_area("460100", "460200", day("2019-12-31")));
        let (place, area) = p.resolve("海口", day("2026-03-02")).unwrap();
        assert_eq!(
            (place.code.as_str(), area.code.as_str()),
            ("460100", "460000")
        );
        let (_, area) = p.resolve("三亚", day("2019-06-01")).unwrap();
        assert_eq!(area.code, "460200");
    }

    #[test]
    fn a_beijing_district_is_in_beijings_pooling_area_and_two_are_the_same() {
        let p = pooling();
        let (place, area) = p.resolve("北京朝阳", day("2026-03-02")).unwrap();
        assert_eq!(
            (place.code.as_str(), area.code.as_str()),
            ("110105", "110000")
        );
        assert!(p.same_area("110105", "110108", day("2026-03-02")));
    }

    #[test]
    fn kunshan_is_evaluated_in_suzhous_pooling_area() {
        let (place, area) = pooling().resolve("昆山", day("2026-03-02")).unwrap();
        assert_eq!(
            (place.code.as_str(), area.code.as_str()),
            ("320583", "320500")
        );
    }

    #[test]
    fn a_province_is_a_pooling_area_only_while_the_data_says_so() {
        let p = pooling();
        assert!(p.resolve("海南省", day("2026-03-02")).is_ok());
        assert!(matches!(
            p.resolve("海南省", day("2019-03-02")),
            Err(LookupError::NotAPoolingArea { .. })
        ));
        assert!(matches!(
            p.resolve("江苏", day("2026-03-02")),
            Err(LookupError::NotAPoolingArea { .. })
        ));
    }

    #[test]
    fn a_move_inside_hunan_is_automatic_from_2025_07_10_only() {
        let p = pooling();
        let ids = |on: &str| -> Vec<&str> {
            p.regimes("430200", "430100", day(on))
                .iter()
                .map(|r| r.id)
                .collect()
        };
        assert_eq!(ids("2025-07-10"), ["auto_transfer"]);
        assert!(ids("2025-07-09").is_empty());
        assert!(p.regimes("430200", "440100", day("2026-01-01")).is_empty());
        assert_eq!(
            p.regimes("440100", "440300", day("2026-01-01"))[0].id,
            "balance_stays"
        );
    }

    #[test]
    fn a_municipality_missing_from_the_data_is_a_rules_error() {
        let text = "[province_wide.110000]\nunit = \"flag\"\nlabel = { zh = \"x\", en = \"x\" }\nvalues = [{ since = 1998-01-01, value = true, cite = { source = \"gf-1998-44\" } }]\n";
        let sources = RuleSet::embedded().unwrap().sources;
        let mut out = Vec::new();
        assert!(Pooling::load("pooling.toml", text, &sources, true, &mut out).is_none());
        let messages: Vec<String> = out.iter().map(|d| d.message.clone()).collect();
        assert!(
            messages.iter().any(|m| m.contains("province_wide.120000")),
            "{messages:?}"
        );
    }
}
