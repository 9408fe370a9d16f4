//! The rules engine: loading the TOML files under `rules/` (embedded, or overlaid from
//! `--rules-dir`), validating them, and resolving dated values for a region and a date.
//!
//! Layout of a rules tree: `sources.toml` (documents), `national.toml` (national defaults),
//! `regions/CODE.toml` (a province or pooling area overriding national keys),
//! `calendar/YEAR.toml` (the State Council holiday notices) and the procedure files
//! (`channels.toml`, `guides.toml`, `merge.toml`, `transfer.toml`, `refund.toml`,
//! `dental.toml`; see `procedures`).

pub mod diag;
pub mod documents;
pub mod hosts;
pub mod leads;
pub mod load;
pub mod pooling;
pub mod prebuilt;
pub mod procedures;
pub mod resolve;
pub mod review;
pub mod schema;
pub mod uses;
pub mod validate;

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::calendar::Calendar;
use crate::dates;
use crate::region::{Level, regions};
use crate::text::Str;
use diag::Diagnostic;
pub use documents::DocId;
use documents::SourceFile;
use load::RulesText;
pub use resolve::{Policy, Resolved, RuleGap};
use schema::RulesFile;

/// A rules file that parsed, with the path to show in messages and its text (for locating
/// later diagnostics).
#[derive(Debug, Clone)]
pub struct Loaded {
    pub path: Str,
    pub text: Str,
    pub file: RulesFile,
}

/// Whether loading a rules tree runs the validation passes (everything `yibao rules check`
/// reports beyond a file that does not parse or deserialize).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Checks {
    /// Every pass, whatever the files: `yibao rules check`, the tests, `RuleSet::embedded`.
    Full,
    /// No pass when every file loaded is the unmodified embedded one (the shipped tree, which
    /// `yibao rules check` and the tests validate in full); any other file, such as a
    /// `--rules-dir` overlay, makes the whole tree checked in full. What a check's start-up uses.
    SkipShipped,
}

/// Every rules file, parsed and validated.
#[derive(Debug, Clone)]
pub struct RuleSet {
    pub sources_path: String,
    pub sources: SourceFile,
    /// The registry as answers cite it.
    pub documents: documents::Documents,
    pub national: Loaded,
    /// Region files by 6-digit code.
    pub regions: BTreeMap<Str, Loaded>,
    /// Bit `n` is set when a region file's code starts with the two digits `n`: most places
    /// asked about lie in a province without any, and this rules them out at once.
    filed_provinces: u128,
    pub calendar: Calendar,
    /// Where to see the balance, guide topics, the merge plan.
    pub procedures: procedures::Procedures,
    /// Which pooling area a place is in on a date (`pooling.toml`).
    pub pooling: pooling::Pooling,
    /// Regional rules seen but not encoded (`leads.toml`; optional).
    pub leads: leads::LeadsFile,
}

impl RuleSet {
    /// The rules compiled into the binary.
    pub fn embedded() -> Result<RuleSet, Vec<Diagnostic>> {
        RuleSet::from_texts(load::embedded())
    }

    /// Parses and validates a set of rules files, reporting every problem found.
    pub fn from_texts(files: Vec<RulesText>) -> Result<RuleSet, Vec<Diagnostic>> {
        RuleSet::load(files, Checks::Full)
    }

    /// Parses a set of rules files and validates them as `checks` says, reporting every
    /// problem found.
    pub fn load(files: Vec<RulesText>, checks: Checks) -> Result<RuleSet, Vec<Diagnostic>> {
        // Decided once for the whole tree: the checks cross files (citations, overrides).
        let validating = checks == Checks::Full || !files.iter().all(load::is_embedded);
        let mut problems = Vec::new();
        let mut sources = None;
        let mut national = None;
        let mut region_files = Vec::new();
        let mut calendar_files = Vec::new();
        let mut procedure_files = Vec::new();
        let mut pooling_file = None;
        let mut leads_file = None;
        for f in files {
            let text = match f.text {
                Ok(t) => t,
                Err(reason) => {
                    problems.push(Diagnostic::file(&f.shown, reason));
                    continue;
                }
            };
            let rel = f.rel.as_str();
            if rel == "sources.toml" {
                match validate::parse::<SourceFile>(&f.shown, &text) {
                    Ok(s) => sources = Some((f.shown, text, s)),
                    Err(d) => problems.push(d),
                }
            } else if rel == "national.toml" {
                national = Some((f.shown, text));
            } else if rel == "pooling.toml" {
                pooling_file = Some((f.shown, text));
            } else if rel == "leads.toml" {
                leads_file = Some((f.shown, text));
            } else if let Some(name) = rel
                .strip_prefix("regions/")
                .and_then(|n| n.strip_suffix(".toml"))
            {
                region_files.push((name.to_string(), f.shown, text));
            } else if rel.starts_with("calendar/") {
                calendar_files.push((f.shown, text));
            } else if procedures::FILES.contains(&rel) {
                procedure_files.push((f.rel.clone(), f.shown, text));
            } else {
                problems.push(Diagnostic::file(
                    &f.shown,
                    "unexpected rules file; a rules tree holds sources.toml, national.toml, pooling.toml, leads.toml, regions/CODE.toml, calendar/YEAR.toml, channels.toml, guides.toml, merge.toml, transfer.toml, refund.toml, dental.toml and filing.toml",
                ));
            }
        }

        let empty = SourceFile::new();
        let source_registry = sources.as_ref().map_or(&empty, |(_, _, s)| s);
        if let Some((path, text, s)) = &sources {
            if validating {
                validate::check_sources(path, text, s, &mut problems);
            }
        } else if !problems.iter().any(|d| d.path.ends_with("sources.toml")) {
            problems.push(Diagnostic::file(
                "rules/sources.toml",
                "missing: the registry of sources is required",
            ));
        }

        let procedures = procedures::Procedures::load(
            procedure_files,
            source_registry,
            validating,
            &mut problems,
        );

        let national =
            national.and_then(
                |(path, text)| match validate::parse::<RulesFile>(&path, &text) {
                    Ok(file) => {
                        if validating {
                            validate::check_file(
                                &path,
                                &text,
                                &file,
                                source_registry,
                                &mut problems,
                            );
                            procedures::check_rules_file(
                                &path,
                                &text,
                                &file,
                                true,
                                source_registry,
                                &procedures,
                                &mut problems,
                            );
                        }
                        Some(Loaded {
                            path: Str::from(path),
                            text,
                            file,
                        })
                    }
                    Err(d) => {
                        problems.push(d);
                        None
                    }
                },
            );
        if national.is_none() && !problems.iter().any(|d| d.path.ends_with("national.toml")) {
            problems.push(Diagnostic::file(
                "rules/national.toml",
                "missing: the national rules are required",
            ));
        }

        let mut regional = BTreeMap::new();
        for (code, path, text) in region_files {
            let file = match validate::parse::<RulesFile>(&path, &text) {
                Ok(file) => file,
                Err(d) => {
                    problems.push(d);
                    continue;
                }
            };
            if validating {
                match regions().get(&code) {
                    Some(r) if r.level != Level::County => {}
                    Some(r) => problems.push(Diagnostic::file(
                        &path,
                        format!("{code} ({}) is a district or county; region files are for a province or a pooling area ({})", r.name, r.pooling_area),
                    )),
                    None => problems.push(Diagnostic::file(
                        &path,
                        format!("'{code}' is not a known division code; name region files by a 6-digit province or city code (see 'yibao regions')"),
                    )),
                }
                validate::check_file(&path, &text, &file, source_registry, &mut problems);
                procedures::check_rules_file(
                    &path,
                    &text,
                    &file,
                    false,
                    source_registry,
                    &procedures,
                    &mut problems,
                );
                if let Some(nat) = &national {
                    resolve::check_overrides(&path, &text, &file, &nat.file, &mut problems);
                }
            }
            regional.insert(
                Str::from(code),
                Loaded {
                    path: Str::from(path),
                    text,
                    file,
                },
            );
        }

        let pooling = match &pooling_file {
            Some((path, text)) => {
                pooling::Pooling::load(path, text, source_registry, validating, &mut problems)
            }
            None => {
                problems.push(Diagnostic::file(
                    "rules/pooling.toml",
                    "missing: the pooling areas (统筹地区) are required",
                ));
                None
            }
        };

        let leads = leads_file.map_or_else(leads::LeadsFile::default, |(path, text)| {
            leads::LeadsFile::load(&path, &text, &mut problems)
        });

        let calendar = match Calendar::from_files(&calendar_files) {
            Ok(c) => Some(c),
            Err(mut ds) => {
                problems.append(&mut ds);
                None
            }
        };

        match (problems.is_empty(), sources, national, calendar, pooling) {
            (
                true,
                Some((sources_path, _, sources)),
                Some(national),
                Some(calendar),
                Some(pooling),
            ) => Ok(RuleSet {
                sources_path,
                documents: documents::Documents::of(&sources),
                sources,
                national,
                filed_provinces: (regional.keys())
                    .filter_map(|code: &Str| province_bit(code.as_bytes()))
                    .fold(0, |bits, bit| bits | bit),
                regions: regional,
                calendar,
                procedures,
                pooling,
                leads,
            }),
            _ => Err(problems),
        }
    }

    /// The region file of `code`, with the code as the rules keep it.
    pub fn region_file(&self, code: &str) -> Option<(&Str, &Loaded)> {
        if !self.may_have_files(code) {
            return None;
        }
        self.regions.get_key_value(code)
    }

    /// The file of the province `code` lies in (its first two digits and 0000).
    pub fn province_file(&self, code: &str) -> Option<(&Str, &Loaded)> {
        let two = code.get(..2)?;
        if !self.may_have_files(two) {
            return None;
        }
        let mut key = [b'0'; 6];
        key[..2].copy_from_slice(two.as_bytes());
        self.regions.get_key_value(std::str::from_utf8(&key).ok()?)
    }

    /// False when no region file's code starts with the first two digits of `code`.
    fn may_have_files(&self, code: &str) -> bool {
        province_bit(code.as_bytes()).is_none_or(|bit| self.filed_provinces & bit != 0)
    }

    /// The policy in force for `region` (a pooling area or province; `None` for national
    /// only) on date `on`.
    pub fn policy<'a>(&'a self, region: Option<&'a str>, on: NaiveDate) -> Policy<'a> {
        Policy::new(self, region, on)
    }

    /// The date a rules file was last reviewed, if it says.
    pub fn reviewed_on(loaded: &Loaded) -> Option<NaiveDate> {
        loaded
            .file
            .reviewed_on
            .as_ref()
            .and_then(|d| dates::from_toml(d.get_ref()))
    }
}

/// The bit of `filed_provinces` for a code's first two digits.
fn province_bit(code: &[u8]) -> Option<u128> {
    match code {
        [a @ b'0'..=b'9', b @ b'0'..=b'9', ..] => Some(1 << ((a - b'0') * 10 + (b - b'0'))),
        _ => None,
    }
}
