//! `yibao regions [QUERY]`: list the pooling areas, or find regions by code, name or pinyin.

use std::fmt::Write as _;

use schemars::JsonSchema;
use serde::Serialize;
use serde_json::Value;

use crate::error::Error;
use crate::region::{Level, LookupError, Region, regions};
use crate::render::{Report, t, table};
use crate::request::Request;
use crate::text::Lang;

/// One row of the answer.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Row {
    pub code: String,
    pub name: String,
    pub short_name: String,
    pub pinyin: String,
    pub level: Level,
    pub pooling_area: String,
    pub pooling_area_name: String,
}

/// The answer: the regions found, in list order.
#[derive(Debug, Serialize, JsonSchema)]
pub struct RegionList {
    pub regions: Vec<Row>,
}

/// The regions found, each with the pooling area it is in on the as-of date (the dated
/// pooling rules: Hainan is one area from 2020, say), as every place argument resolves.
pub fn run(query: Option<&str>, req: &Request) -> Result<RegionList, Error> {
    let all = regions();
    let pooling = &req.rules()?.pooling;
    let area_of = |r: &'static Region| pooling.area_of(r, req.on);
    let found: Vec<&'static Region> = match query {
        None => all
            .all()
            .filter(|r| r.level == Level::Province || std::ptr::eq(area_of(r), *r))
            .collect(),
        Some(q) => {
            let mut found = all.search(q);
            if found.is_empty() {
                // Exact lookup covers full county names and gives suggestions on a miss.
                match all.lookup(q) {
                    Ok(r) => found.push(r),
                    Err(LookupError::Ambiguous { .. }) => {}
                    Err(source) => {
                        return Err(Error::Region {
                            flag: "QUERY".into(),
                            source,
                        });
                    }
                }
            }
            found
        }
    };
    let rows = found
        .into_iter()
        .map(|r| {
            let area = area_of(r);
            Row {
                code: r.code.clone(),
                name: r.name.clone(),
                short_name: r.short_name.clone(),
                pinyin: r.pinyin.clone(),
                level: r.level,
                pooling_area: area.code.clone(),
                pooling_area_name: area.name.clone(),
            }
        })
        .collect();
    Ok(RegionList { regions: rows })
}

fn level(lang: Lang, l: Level) -> &'static str {
    match l {
        Level::Province => t(lang, "省级", "province"),
        Level::Prefecture => t(lang, "地级", "prefecture"),
        Level::DirectCounty => t(lang, "省直辖县级", "direct county"),
        Level::County => t(lang, "县级", "county"),
    }
}

impl Report for RegionList {
    fn schema(&self) -> &'static str {
        "yibao.regions/1"
    }

    fn json(&self, _explain: bool) -> Value {
        serde_json::to_value(self).unwrap_or_default()
    }

    fn human(&self, lang: Lang, _explain: bool) -> String {
        let mut tb = table::new(&[
            t(lang, "代码", "code"),
            t(lang, "名称", "name"),
            "pinyin",
            t(lang, "级别", "level"),
            t(lang, "统筹地区", "pooling area"),
        ]);
        for r in &self.regions {
            let area = if r.pooling_area == r.code {
                "=".to_string()
            } else {
                format!("{} {}", r.pooling_area, r.pooling_area_name)
            };
            tb.add_row(vec![
                r.code.clone(),
                r.name.clone(),
                r.pinyin.clone(),
                level(lang, r.level).to_string(),
                area,
            ]);
        }
        let mut out = table::finish(&tb);
        let _ = writeln!(
            out,
            "{}",
            match lang {
                Lang::Zh => format!("共 {} 个", self.regions.len()),
                Lang::En => format!("{} region(s)", self.regions.len()),
            }
        );
        out
    }
}
