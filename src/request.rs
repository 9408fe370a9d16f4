//! Turning what was typed into what the commands work with: the language, output format,
//! whether prompting is allowed, the as-of date, and the rules (loaded on first use). The one
//! place that reads the clock and the environment.

use std::cell::OnceCell;
use std::io::IsTerminal;
use std::path::PathBuf;

use chrono::{FixedOffset, NaiveDate, Utc};

use crate::cli::{ColorArg, Global, LangArg};
use crate::dates;
use crate::error::Error;
use crate::region::{Region, regions};
use crate::rules::{Checks, Policy, RuleSet, load};
use crate::text::Lang;

/// How a command's answer is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// Text and tables for people, in the language asked for.
    Table,
    /// One JSON document (`--json`).
    Json,
}

/// Everything a command needs besides its own arguments.
#[derive(Debug)]
pub struct Request {
    pub lang: Lang,
    /// How the answer is shown, chosen once here.
    pub output: Output,
    pub explain: bool,
    /// Prompts are allowed: stdin and stderr are terminals, no `--no-input`, no `--json`, no `CI`.
    pub interactive: bool,
    /// Colour on stdout.
    pub color: bool,
    /// Today in China (UTC+8).
    pub today: NaiveDate,
    /// The date to evaluate rules on: `--on`, else today.
    pub on: NaiveDate,
    rules_dir: Option<PathBuf>,
    /// Embedded procedure files the command never reads (see `skipping`).
    unused: &'static [&'static str],
    rules: OnceCell<RuleSet>,
}

impl Request {
    pub fn new(global: &Global) -> Result<Request, Error> {
        let today = Utc::now()
            .with_timezone(&FixedOffset::east_opt(8 * 3600).expect("UTC+8 is a valid offset"))
            .date_naive();
        let on = match &global.on {
            Some(text) => parse_date("--on", text)?,
            None => today,
        };
        let years = crate::checks::answers::AS_OF_YEARS;
        if !years.contains(&chrono::Datelike::year(&on)) {
            let (first, last) = (years.start(), years.end());
            return Err(Error::usage(
                format!(
                    "--on: {on} 不在可评估的范围内:请给出 {first} 年到 {last} 年之间的日期(通常是今天或最近的某一天)"
                ),
                format!(
                    "--on: {on} is out of reach: give a date in the years {first} to {last} (usually today or a recent day)"
                ),
            ));
        }
        let env_set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
        let interactive = !global.no_input
            && !global.json
            && !env_set("CI")
            && std::io::stdin().is_terminal()
            && std::io::stderr().is_terminal();
        let color = match global.color {
            ColorArg::Always => true,
            ColorArg::Never => false,
            ColorArg::Auto => {
                !env_set("NO_COLOR")
                    && std::env::var("TERM").map_or(true, |t| t != "dumb")
                    && std::io::stdout().is_terminal()
            }
        };
        console::set_colors_enabled(color && !global.json);
        let terminal = std::io::stdout().is_terminal();
        let columns = std::env::var("COLUMNS").ok();
        let term_width = terminal
            .then(|| console::Term::stdout().size_checked())
            .flatten()
            .map(|(_rows, cols)| usize::from(cols));
        crate::render::layout::set(crate::render::layout::Layout {
            width: crate::render::layout::width(columns.as_deref(), term_width),
            terminal,
            full_sources: global.sources,
            on: Some(on),
        });
        console::set_colors_enabled_stderr(
            global.color != ColorArg::Never
                && !env_set("NO_COLOR")
                && std::io::stderr().is_terminal(),
        );
        Ok(Request {
            lang: match global.lang {
                LangArg::Zh => Lang::Zh,
                LangArg::En => Lang::En,
            },
            output: if global.json {
                Output::Json
            } else {
                Output::Table
            },
            explain: global.explain,
            interactive,
            color: color && !global.json,
            today,
            on,
            rules_dir: global.rules_dir.clone(),
            unused: &[],
            rules: OnceCell::new(),
        })
    }

    /// Leaves out embedded procedure files (`rules::procedures::FILES`) the command never
    /// reads: parsing TOML is most of a check's start-up. The embedded rules are validated in
    /// full by `yibao rules check` and the tests; a `--rules-dir` overlay is always loaded and
    /// validated in full.
    pub fn skipping(mut self, unused: &'static [&'static str]) -> Request {
        self.unused = unused;
        self
    }

    /// The rules: embedded, with `--rules-dir` laid over them. Loaded once; validated in full
    /// unless every file is the shipped one (`Checks::SkipShipped`).
    pub fn rules(&self) -> Result<&RuleSet, Error> {
        if let Some(r) = self.rules.get() {
            return Ok(r);
        }
        let loaded = match self.rules_dir.as_deref() {
            Some(dir) => load_rules(Some(dir))?,
            None => {
                let mut files = load::embedded();
                files.retain(|f| !self.unused.contains(&f.rel.as_str()));
                // The shipped tree is validated by `yibao rules check` and the tests.
                RuleSet::load(files, Checks::SkipShipped).map_err(Error::Rules)?
            }
        };
        Ok(self.rules.get_or_init(|| loaded))
    }

    /// The `--rules-dir` overlay, if any.
    pub fn rules_dir(&self) -> Option<&std::path::Path> {
        self.rules_dir.as_deref()
    }

    /// The policy for a pooling area (or national with `None`) on the as-of date.
    pub fn policy<'a>(&'a self, region: Option<&'a str>) -> Result<Policy<'a>, Error> {
        Ok(self.rules()?.policy(region, self.on))
    }
}

/// Loads and validates the rules, embedded or overlaid by `dir`.
pub fn load_rules(dir: Option<&std::path::Path>) -> Result<RuleSet, Error> {
    RuleSet::from_texts(rules_files(dir)?).map_err(Error::Rules)
}

/// The rules files to load: embedded, with `dir` laid over them.
pub fn rules_files(dir: Option<&std::path::Path>) -> Result<Vec<load::RulesText>, Error> {
    Ok(match dir {
        Some(d) => load::with_overlay(d)?,
        None => load::embedded(),
    })
}

/// Parses a date typed for `flag`, with a usage error that names the flag.
pub fn parse_date(flag: &str, text: &str) -> Result<NaiveDate, Error> {
    use dates::NoSuchDay;
    dates::parse_typed_date(text).map_err(|e| match dates::no_such_day(text) {
        Some(NoSuchDay::Month(m)) => Error::usage(
            format!("{flag}: '{text}' 不是真实的日期:没有 {m} 月"),
            format!("{flag}: '{text}' is not a real day: there is no month {m}"),
        ),
        Some(NoSuchDay::Day { year, month, days }) => Error::usage(
            format!("{flag}: '{text}' 不是真实的日期:{year} 年 {month} 月只有 1 至 {days} 日"),
            format!("{flag}: '{text}' is not a real day: {year}-{month:02} has days 1 to {days}"),
        ),
        None => Error::usage(
            format!("{flag}: '{text}' 不是有效日期,请使用 YYYY-MM-DD 格式(例如 2026-09-28,也可写 2026年9月28日)"),
            format!("{flag}: {e}"),
        ),
    })
}

/// Whether the language was asked for (`--lang` or `YIBAO_LANG`), rather than the default:
/// `yibao status` then speaks the language the plan was saved in.
pub fn lang_given() -> bool {
    let env = std::env::var_os("YIBAO_LANG").is_some_and(|v| !v.is_empty());
    env || std::env::args_os().any(|a| {
        let a = a.to_string_lossy();
        a == "--lang" || a.starts_with("--lang=")
    })
}

/// Parses a month of payment typed for `flag`. Its message also offers the bare year that
/// residents, who pay by the year, may give instead (`commands::transfer::month_or_year`).
pub fn parse_month(flag: &str, text: &str) -> Result<dates::Month, Error> {
    dates::parse_typed_month(text).map_err(|_| {
        Error::usage(
            format!(
                "{flag}: '{text}' 不是有效月份:请写 YYYY-MM(例如 2026-03,也可写 2026年3月);居民医保按年缴费,也可只写年份(例如 2026)"
            ),
            format!(
                "{flag}: '{text}' is not a month: give YYYY-MM (for example 2026-03, or 2026年3月); residents, who pay by the year, may give the year alone (for example 2026)"
            ),
        )
    })
}

/// A region whose rules to show: a province as itself, anything else rolled up to its pooling
/// area (province files are a rules layer of their own).
pub fn rules_region(flag: &str, text: &str) -> Result<&'static Region, Error> {
    let all = regions();
    match all.lookup(text) {
        // Hong Kong, Macao and Taiwan are listed as provinces but are outside mainland insurance.
        Ok(r) if matches!(r.code.get(..2), Some("71" | "81" | "82")) => pooling_area(flag, text),
        Ok(r) if r.level == crate::region::Level::Province => Ok(r),
        Ok(r) => Ok(all.pooling_area_of(r)),
        Err(_) => pooling_area(flag, text),
    }
}

impl Request {
    /// The pooling area a place typed for `flag` is in on the as-of date (`rules/pooling.toml`:
    /// 海口 is in 海南省's from 2020), found exactly as `yibao regions` finds the place; an
    /// ambiguous name is an error listing every candidate.
    pub fn pooling_area(&self, flag: &str, text: &str) -> Result<&'static Region, Error> {
        Ok(self.place(flag, text)?.1)
    }

    /// The place typed for `flag` and the pooling area it is in on the as-of date.
    pub fn place(
        &self,
        flag: &str,
        text: &str,
    ) -> Result<(&'static Region, &'static Region), Error> {
        self.rules()?
            .pooling
            .resolve(text, self.on)
            .map_err(|source| Error::Region {
                flag: flag.to_string(),
                source,
            })
    }

    /// The code of the pooling area the place typed for `flag` lies in, and the place's own
    /// code where it is a district or county inside that area (to name it).
    pub fn area_and_place(
        &self,
        flag: &str,
        text: &str,
    ) -> Result<(String, Option<String>), Error> {
        let (place, area) = self.place(flag, text)?;
        Ok(crate::region::area_and_own(place, area))
    }

    /// A `--submitted` date (when an application was accepted): a date, and not after the
    /// as-of date, the same rule `transfer` applies (`checks::transfer::Facts::contradiction`).
    pub fn submitted(&self, flag: &'static str, text: &str) -> Result<NaiveDate, Error> {
        let day = parse_date(flag, text)?;
        match crate::checks::answers::future_submission(flag, day, self.on) {
            Some(problem) => Err(Error::Contradiction(problem)),
            None => Ok(day),
        }
    }

    /// A month of payment typed for `flag`, refused when it is out of reach of the as-of date
    /// (a mistyped year), the same rule `transfer` applies to facts from anywhere.
    pub fn payment_month(
        &self,
        flag: &'static str,
        month: dates::Month,
    ) -> Result<dates::Month, Error> {
        match crate::checks::answers::month_out_of_reach(flag, month, self.on) {
            Some(problem) => Err(Error::Contradiction(problem)),
            None => Ok(month),
        }
    }
}

/// The pooling area a region typed for `flag` belongs to, by the division list alone (no date:
/// for choosing which rules files apply; `Request::pooling_area` applies the dated data).
pub fn pooling_area(flag: &str, text: &str) -> Result<&'static Region, Error> {
    regions()
        .lookup_pooling_area(text)
        .map_err(|source| Error::Region {
            flag: flag.to_string(),
            source,
        })
}
