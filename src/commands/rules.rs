//! `yibao rules check [DIR]` and `yibao rules show [REGION]`: for rules maintainers, the
//! validation report and the resolved policy with the file and source of every value.

use std::fmt::Write as _;

use schemars::JsonSchema;
use serde::Serialize;
use serde_json::Value;

use crate::error::Error;
use crate::render::verdict::unverified_mark;
use crate::render::{Report, t, table};
use crate::request::{Request, rules_files, rules_region};
use crate::rules::RuleSet;
use crate::rules::review::{Concern, concerns};
use crate::rules::{Resolved, RuleGap};
use crate::text::Lang;

/// The rules validated without problems (problems are errors, exit 4, on stderr).
#[derive(Serialize, JsonSchema)]
pub struct CheckReport {
    pub valid: bool,
    /// The overlay directory checked on top of the built-in rules, if any.
    pub dir: Option<String>,
    pub files: usize,
    pub sources: usize,
    pub region_files: usize,
    pub calendar_years: Vec<i32>,
    /// What to look at without failing: sources unreviewed for more than a year before the
    /// date checked, addresses on neither a government nor a state-media host.
    pub warnings: Vec<CheckWarning>,
}

/// One warning about the registry of sources.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct CheckWarning {
    /// The source id.
    pub source: String,
    /// `not_reviewed`, `unofficial_url` or `official_unseen`.
    pub kind: &'static str,
    pub message: String,
}

fn warning(source: String, concern: &Concern, on: chrono::NaiveDate, lang: Lang) -> CheckWarning {
    let (kind, message) = crate::render::text::sources::concern(&source, concern, on, lang);
    CheckWarning {
        source,
        kind,
        message,
    }
}

pub fn check(dir: Option<&std::path::Path>, req: &Request) -> Result<CheckReport, Error> {
    let dir = dir
        .map(std::path::Path::to_path_buf)
        .or_else(|| req.rules_dir().map(std::path::Path::to_path_buf));
    let files = rules_files(dir.as_deref())?;
    let count = files.len();
    let rules = RuleSet::from_texts(files).map_err(Error::Rules)?;
    let warnings = (concerns(&rules.documents, req.on).into_iter())
        .map(|(source, c)| warning(source, &c, req.on, req.lang))
        .collect();
    Ok(CheckReport {
        warnings,
        valid: true,
        dir: dir.map(|d| d.display().to_string()),
        files: count,
        sources: rules.sources.len(),
        region_files: rules.regions.len(),
        calendar_years: rules.calendar.covered_years(),
    })
}

impl Report for CheckReport {
    fn schema(&self) -> &'static str {
        "yibao.rules-check/1"
    }

    fn json(&self, _explain: bool) -> Value {
        serde_json::to_value(self).unwrap_or_default()
    }

    fn human(&self, lang: Lang, _explain: bool) -> String {
        let mut out = self.summary(lang);
        if !self.warnings.is_empty() {
            let _ = writeln!(
                out,
                "{}",
                match lang {
                    Lang::Zh => format!("{} 条提醒(不影响校验结果):", self.warnings.len()),
                    Lang::En => format!(
                        "{} warning(s) (the rules are still valid):",
                        self.warnings.len()
                    ),
                }
            );
            for w in &self.warnings {
                let _ = writeln!(out, "  ! {}", w.message);
            }
        }
        out
    }
}

impl CheckReport {
    fn summary(&self, lang: Lang) -> String {
        let what = self.dir.as_deref().map_or_else(
            || t(lang, "内置规则", "built-in rules").to_string(),
            |d| format!("{} + {d}", t(lang, "内置规则", "built-in rules")),
        );
        let years: Vec<String> = self.calendar_years.iter().map(i32::to_string).collect();
        match lang {
            Lang::Zh => format!(
                "{what}: 校验通过。{} 个文件, {} 个来源, {} 个地区文件, 日历年份 {}\n",
                self.files,
                self.sources,
                self.region_files,
                years.join("、")
            ),
            Lang::En => format!(
                "{what}: valid. {} files, {} sources, {} region files, calendar years {}\n",
                self.files,
                self.sources,
                self.region_files,
                years.join(", ")
            ),
        }
    }
}

/// One key of the resolved policy.
#[derive(Serialize, JsonSchema)]
pub struct ShownValue<'r> {
    pub key: String,
    #[serde(flatten)]
    pub resolved: Option<Resolved<'r>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gap: Option<String>,
    /// The national value this one replaces, when a region file supplied it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<serde_json::Value>")]
    pub replaces_national: Option<toml::Value>,
}

/// The region asked about.
#[derive(Serialize, JsonSchema)]
pub struct RegionRef {
    pub code: String,
    pub name: String,
}

/// The policy in force for a region on a date.
#[derive(Serialize, JsonSchema)]
pub struct ShowReport<'r> {
    /// `null` for national rules only.
    pub region: Option<RegionRef>,
    pub on: chrono::NaiveDate,
    /// The files consulted, most specific first.
    pub files: Vec<String>,
    pub values: Vec<ShownValue<'r>>,
    /// The pooling-area rules of `pooling.toml` for the region's province (or all of them for
    /// national rules): whole-province pooling areas and regimes of moves inside a province.
    pub pooling: Vec<ShownPooling>,
}

/// One entry of `pooling.toml` as in force on the date (or its first, when none is yet).
#[derive(Serialize, JsonSchema)]
pub struct ShownPooling {
    /// `province_wide.460000`, `auto_transfer.430000`, …
    pub key: String,
    pub label: crate::text::Text,
    /// `null` when no entry is in force on the date.
    pub value: Option<bool>,
    pub since: Option<String>,
    pub source: String,
    pub evidence: String,
    pub file: String,
}

fn pooling_shown(
    rules: &crate::rules::RuleSet,
    province: Option<&str>,
    on: chrono::NaiveDate,
) -> Vec<ShownPooling> {
    let mut out = Vec::new();
    for (section, params) in rules.pooling.sections() {
        for (code, param) in params {
            if province.is_some_and(|p| p != code) {
                continue;
            }
            let entry = param
                .values
                .iter()
                .rev()
                .find(|e| e.since_day().is_some_and(|d| d <= on));
            let shown = entry.or(param.values.first());
            let source = shown
                .map(|e| e.cite.source.get_ref().to_string())
                .unwrap_or_default();
            out.push(ShownPooling {
                key: format!("{section}.{code}"),
                label: param.label.clone(),
                value: entry.and_then(|e| e.value.get_ref().as_bool()),
                since: shown.map(|e| e.since.get_ref().to_string()),
                evidence: rules
                    .sources
                    .get(&source)
                    .map(|s| s.evidence.get_ref().to_string())
                    .unwrap_or_default(),
                source,
                file: rules.pooling.path.clone(),
            });
        }
    }
    out
}

pub fn show<'r>(region: Option<&str>, req: &'r Request) -> Result<ShowReport<'r>, Error> {
    let region = region.map(|r| rules_region("REGION", r)).transpose()?;
    let policy = req.policy(region.map(|r| r.code.as_str()))?;
    let national = req.policy(None)?;
    let files = policy.layers().map(|(_, l)| l.path.to_string()).collect();
    let values = policy
        .all()
        .into_iter()
        .map(|(key, result)| match result {
            Ok(resolved) => {
                let replaces_national = resolved
                    .region
                    .as_ref()
                    .and_then(|_| national.get(&key).ok())
                    .map(|n| n.value.clone());
                ShownValue {
                    key,
                    resolved: Some(resolved),
                    gap: None,
                    replaces_national,
                }
            }
            Err(gap) => ShownValue {
                key,
                resolved: None,
                gap: Some(gap_text(&gap)),
                replaces_national: None,
            },
        })
        .collect();
    let province = region
        .and_then(|r| r.code.get(..2))
        .map(|p| format!("{p}0000"));
    let pooling = pooling_shown(req.rules()?, province.as_deref(), req.on);
    Ok(ShowReport {
        pooling,
        region: region.map(|r| RegionRef {
            code: r.code.clone(),
            name: r.name.clone(),
        }),
        on: req.on,
        files,
        values,
    })
}

fn gap_text(gap: &RuleGap) -> String {
    gap.to_string()
}

/// A rules value as people read it (a text in the language asked for, yes/no, a number).
pub fn value_text(v: &toml::Value, lang: Lang) -> String {
    match v {
        toml::Value::Table(t) => t
            .get(if lang == Lang::Zh { "zh" } else { "en" })
            .and_then(|s| s.as_str())
            .unwrap_or("")
            .to_string(),
        toml::Value::Boolean(b) => t(
            lang,
            if *b { "是" } else { "否" },
            if *b { "yes" } else { "no" },
        )
        .to_string(),
        other => other.to_string(),
    }
}

fn unit_text(unit: &str, lang: Lang) -> &'static str {
    match unit {
        "working_day" => t(lang, "个工作日", "working days"),
        "day" => t(lang, "天", "days"),
        "month" => t(lang, "个月", "months"),
        "year" => t(lang, "年", "years"),
        "yuan" => t(lang, "元", "yuan"),
        "count" => t(lang, "次", "times"),
        _ => "",
    }
}

impl Report for ShowReport<'_> {
    fn schema(&self) -> &'static str {
        "yibao.rules-show/1"
    }

    fn json(&self, _explain: bool) -> Value {
        serde_json::to_value(self).unwrap_or_default()
    }

    fn human(&self, lang: Lang, _explain: bool) -> String {
        let mut out = String::new();
        let whose = self.region.as_ref().map_or_else(
            || t(lang, "全国", "national").to_string(),
            |r| format!("{} ({})", r.name, r.code),
        );
        let title = match lang {
            Lang::Zh => format!(
                "{whose} 在 {} 适用的规则(依次查找: {})",
                self.on,
                self.files.join(" → ")
            ),
            Lang::En => format!(
                "Rules in force ({whose}) on {} (looked up in: {})",
                self.on,
                self.files.join(" → ")
            ),
        };
        let width = crate::render::layout::get().width;
        crate::render::words::push_lines(&mut out, crate::render::wrap::wrap(&title, "", 2, width));
        let mut tb = table::new(&[
            t(lang, "规则", "rule"),
            t(lang, "值", "value"),
            t(lang, "来源", "source"),
        ]);
        for v in &self.values {
            match &v.resolved {
                Some(r) => {
                    let mut value =
                        format!("{} {}", value_text(r.value, lang), unit_text(r.unit, lang));
                    if let Some(n) = &v.replaces_national {
                        value.push_str(&match lang {
                            Lang::Zh => format!("\n(替代全国 {})", value_text(n, lang)),
                            Lang::En => format!("\n(replaces national {})", value_text(n, lang)),
                        });
                    }
                    let source = format!(
                        "{} {}{}\n{}: {}\n{} {}",
                        r.source,
                        r.doc_no,
                        unverified_mark(lang, r.reported()),
                        t(lang, "自", "since"),
                        r.since,
                        t(lang, "文件", "file"),
                        r.file
                    );
                    tb.add_row(vec![
                        format!("{}\n{}", r.label.get(lang), v.key),
                        value,
                        source,
                    ]);
                }
                None => {
                    tb.add_row(vec![
                        v.key.clone(),
                        t(lang, "(尚未生效)", "(not in force)").to_string(),
                        v.gap.clone().unwrap_or_default(),
                    ]);
                }
            }
        }
        out.push_str(&table::finish(&tb));
        if !self.pooling.is_empty() {
            let mut tb = table::new(&[
                t(lang, "统筹地区规则", "pooling-area rule"),
                t(lang, "值", "value"),
                t(lang, "来源", "source"),
            ]);
            for p in &self.pooling {
                let value = match p.value {
                    Some(b) => value_text(&toml::Value::Boolean(b), lang),
                    None => t(lang, "(尚未生效)", "(not in force)").to_string(),
                };
                tb.add_row(vec![
                    format!("{}\n{}", p.label.get(lang), p.key),
                    value,
                    format!(
                        "{}{}\n{}: {}\n{} {}",
                        p.source,
                        unverified_mark(lang, p.evidence == "reported"),
                        t(lang, "自", "since"),
                        p.since.as_deref().unwrap_or(""),
                        t(lang, "文件", "file"),
                        p.file
                    ),
                ]);
            }
            out.push_str(&table::finish(&tb));
        }
        out
    }
}
