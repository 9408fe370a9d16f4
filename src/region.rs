//! Administrative divisions and medical-insurance pooling areas (统筹地区). Owns the embedded
//! division list `rules/regions.txt` (every county-level-and-above code of 2024-12-31, with
//! stored short names and pinyin), the rule that rolls a division up to its pooling area, and
//! turning what a user typed (code, Chinese name or pinyin) into a region. Parsed lazily, once,
//! by hand: the file is a plain tab-separated list, so start-up stays cheap.

mod lookup;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::sync::OnceLock;

pub use lookup::LookupError;

/// The embedded division list.
const DATA: &str = include_str!("../rules/regions.txt");

/// The four municipalities directly under the central government: province-level divisions
/// that are their own pooling areas.
const MUNICIPALITIES: [&str; 4] = ["110000", "120000", "310000", "500000"];

/// Where a division sits in the hierarchy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// `XX0000`: province, autonomous region, municipality, SAR.
    Province,
    /// `XXYY00`: prefecture-level city, prefecture, autonomous prefecture, league.
    Prefecture,
    /// `XX90YY`: county-level division administered directly by a province (天门, 石河子).
    DirectCounty,
    /// Any other code: district, county, county-level city under a prefecture.
    County,
}

impl Level {
    fn of_code(code: &str) -> Level {
        if code.ends_with("0000") {
            Level::Province
        } else if code.get(2..4) == Some("90") {
            Level::DirectCounty
        } else if code.ends_with("00") {
            Level::Prefecture
        } else {
            Level::County
        }
    }
}

/// One division of the list.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Region {
    /// The 6-digit GB/T 2260 code.
    pub code: String,
    /// The full Chinese name (`西安市`).
    pub name: String,
    /// The short Chinese name (`西安`); the full name for county-level rows.
    pub short_name: String,
    /// The pinyin of the short name (`Xi'an`); empty for county-level rows.
    pub pinyin: String,
    pub level: Level,
    /// The province of a prefecture or direct county; the prefecture (or, where there is
    /// none, the province) of a county.
    pub parent: Option<String>,
    /// The code of its pooling area (统筹地区); a province's own code.
    pub pooling_area: String,
}

impl Region {
    /// Whether this division is itself a pooling area: prefectures, directly administered
    /// county-level divisions and the four municipalities.
    pub fn is_pooling_area(&self) -> bool {
        match self.level {
            Level::Province => MUNICIPALITIES.contains(&self.code.as_str()),
            Level::Prefecture | Level::DirectCounty => true,
            Level::County => false,
        }
    }

    /// `西安市 (610100)`: how messages name a region.
    pub fn label(&self) -> String {
        format!("{} ({})", self.name, self.code)
    }
}

/// The division list with its indexes.
pub struct Regions {
    rows: Vec<Region>,
    by_code: HashMap<String, usize>,
    /// Normalised full name, short name and pinyin of province, prefecture and direct-county
    /// rows → row indexes.
    by_key: HashMap<String, Vec<usize>>,
    /// Full names of county-level rows → row indexes.
    county_names: HashMap<String, Vec<usize>>,
}

/// The embedded division list, parsed on first use.
pub fn regions() -> &'static Regions {
    static REGIONS: OnceLock<Regions> = OnceLock::new();
    REGIONS.get_or_init(|| Regions::parse(DATA))
}

impl Regions {
    /// Parses the tab-separated list; malformed lines are skipped (the tests check there are
    /// none in the embedded file).
    fn parse(text: &str) -> Regions {
        let mut rows = Vec::with_capacity(3300);
        let mut by_code = HashMap::with_capacity(3300);
        for line in text.lines() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut fields = line.split('\t');
            let (Some(code), Some(name)) = (fields.next(), fields.next()) else {
                continue;
            };
            if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) || name.is_empty() {
                continue;
            }
            let level = Level::of_code(code);
            let (short_name, pinyin) = match (fields.next(), fields.next()) {
                (Some(s), Some(p)) if level != Level::County => (s, p),
                _ => (name, ""),
            };
            if by_code.insert(code.to_string(), rows.len()).is_some() {
                continue;
            }
            rows.push(Region {
                code: code.to_string(),
                name: name.to_string(),
                short_name: short_name.to_string(),
                pinyin: pinyin.to_string(),
                level,
                parent: None,
                pooling_area: code.to_string(),
            });
        }
        let exists = |c: &str| by_code.contains_key(c);
        let mut links = Vec::with_capacity(rows.len());
        for r in &rows {
            let province = format!("{}0000", &r.code[..2]);
            let prefecture = format!("{}00", &r.code[..4]);
            let up = if exists(&prefecture) {
                prefecture
            } else {
                province.clone()
            };
            let province = exists(&province).then_some(province);
            links.push(match r.level {
                Level::Province => (None, r.code.clone()),
                Level::Prefecture | Level::DirectCounty => (province, r.code.clone()),
                Level::County if exists(&up) => (Some(up.clone()), up),
                Level::County => (None, r.code.clone()),
            });
        }
        for (r, (parent, pooling)) in rows.iter_mut().zip(links) {
            r.parent = parent;
            r.pooling_area = pooling;
        }
        let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
        let mut county_names: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, r) in rows.iter().enumerate() {
            if r.level == Level::County {
                county_names
                    .entry(lookup::normalize(&r.name))
                    .or_default()
                    .push(i);
                continue;
            }
            for key in lookup::keys_of(r) {
                let v = by_key.entry(key).or_default();
                if !v.contains(&i) {
                    v.push(i);
                }
            }
        }
        Regions {
            rows,
            by_code,
            by_key,
            county_names,
        }
    }

    /// The region with this exact 6-digit code.
    pub fn get(&self, code: &str) -> Option<&Region> {
        self.by_code.get(code).map(|&i| &self.rows[i])
    }

    /// Every region, in file order.
    pub fn all(&self) -> impl Iterator<Item = &Region> {
        self.rows.iter()
    }

    /// The pooling area a region belongs to (itself for pooling areas and provinces).
    pub fn pooling_area_of<'a>(&'a self, r: &'a Region) -> &'a Region {
        self.get(&r.pooling_area).unwrap_or(r)
    }

    /// The prefectures and direct counties of a province, in file order.
    fn cities_of(&self, province: &Region) -> impl Iterator<Item = &Region> {
        let prefix = province.code.get(..2).unwrap_or("");
        self.rows.iter().filter(move |r| {
            matches!(r.level, Level::Prefecture | Level::DirectCounty) && r.code.starts_with(prefix)
        })
    }
}
