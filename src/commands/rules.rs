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
}

pub fn check(dir: Option<&std::path::Path>, req: &Request) -> Result<CheckReport, Error> {
    let dir = dir
        .map(std::path::Path::to_path_buf)
        .or_else(|| req.rules_dir().map(std::path::Path::to_path_buf));
    let files = rules_files(dir.as_deref())?;
    let count = files.len();
    let rules = RuleSet::from_texts(files).map_err(Error::Rules)?;
    Ok(CheckReport {
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
pub struct ShownValue {
    pub key: String,
    #[serde(flatten)]
    pub resolved: Option<Resolved>,
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
pub struct ShowReport {
    /// `null` for national rules only.
    pub region: Option<RegionRef>,
    pub on: chrono::NaiveDate,
    /// The files consulted, most specific first.
    pub files: Vec<String>,
    pub values: Vec<ShownValue>,
}

pub fn show(region: Option<&str>, req: &Request) -> Result<ShowReport, Error> {
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
                    .map(|n| n.value);
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
    Ok(ShowReport {
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

fn value_text(v: &toml::Value, lang: Lang) -> String {
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

impl Report for ShowReport {
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
        let _ = match lang {
            Lang::Zh => writeln!(
                out,
                "{whose} 在 {} 适用的规则(依次查找: {})",
                self.on,
                self.files.join(" → ")
            ),
            Lang::En => writeln!(
                out,
                "Rules in force ({whose}) on {} (looked up in: {})",
                self.on,
                self.files.join(" → ")
            ),
        };
        let mut tb = table::new(&[
            t(lang, "规则", "rule"),
            t(lang, "值", "value"),
            t(lang, "来源", "source"),
        ]);
        for v in &self.values {
            match &v.resolved {
                Some(r) => {
                    let mut value = format!(
                        "{} {}",
                        value_text(&r.value, lang),
                        unit_text(&r.unit, lang)
                    );
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
        out
    }
}
