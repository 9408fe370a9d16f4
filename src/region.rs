//! Administrative divisions and medical-insurance pooling areas (统筹地区). Owns the embedded
//! division list `rules/regions.txt` (every county-level-and-above code of 2024-12-31, with
//! stored short names and pinyin), the rule that rolls a division up to its pooling area, and
//! turning what a user typed (code, Chinese name or pinyin) into a region. Parsed lazily, once,
//! by hand: the file is a plain tab-separated list, so start-up stays cheap.

pub mod keys;
mod lookup;
#[cfg(test)]
mod tests;

use std::sync::OnceLock;

pub use lookup::{LookupError, looks_like_pinyin};

/// The embedded division list (the tests read it; yibao itself uses the tables `build.rs`
/// makes of it).
#[cfg(test)]
const DATA: &str = include_str!("../rules/regions.txt");

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
    /// The short Chinese name (`西安`); for a county-level row, the full name unless it has
    /// a stored reading (`海淀`).
    pub short_name: String,
    /// The pinyin of the short name (`Xi'an`); empty for most county-level rows (see
    /// `rules/regions.txt`).
    pub pinyin: String,
    pub level: Level,
    /// The province of a prefecture or direct county; the prefecture (or, where there is
    /// none, the province) of a county.
    pub parent: Option<String>,
    /// The code of its pooling area (统筹地区); a province's own code.
    pub pooling_area: String,
}

impl Region {
    /// Whether this division is, by the division list alone, a pooling area: prefectures,
    /// directly administered county-level divisions, and provinces whose districts and
    /// counties sit directly under them (the municipalities: 国发〔1998〕44号 makes
    /// prefecture-level divisions the pooling units and those cities pooled as a whole).
    /// Which areas are pooled more widely from which date (Hainan province-wide from 2020) is
    /// dated data in `rules/pooling.toml`: see `rules::pooling`.
    pub fn is_pooling_area(&self) -> bool {
        match self.level {
            Level::Province => regions().pooled_provinces().contains(&self.code.as_str()),
            Level::Prefecture | Level::DirectCounty => true,
            Level::County => false,
        }
    }

    /// The English name: the pinyin (`Xi'an`), or the name in established use where it
    /// differs (`Harbin`); empty for county-level rows.
    pub fn english(&self) -> &str {
        (keys::ENGLISH_NAMES.iter())
            .find(|(py, _)| *py == self.pinyin)
            .map_or(&self.pinyin, |(_, en)| en)
    }

    /// `西安市 (610100)`: how messages name a region.
    pub fn label(&self) -> String {
        format!("{} ({})", self.name, self.code)
    }

    /// The region with the divisions above it, for telling places of one name apart:
    /// `北京市 朝阳区 (110105)`, `辽宁省 朝阳市 朝阳县 (211321)`, `吉林省 (220000)`.
    pub fn path_label(&self) -> String {
        let mut names = vec![self.name.as_str()];
        let mut up = self.above();
        while let Some(r) = up {
            names.push(&r.name);
            up = r.above();
        }
        names.reverse();
        format!("{} ({})", names.join(" "), self.code)
    }

    /// `path_label` in English, a division named by its pinyin where the list has it:
    /// `Chaoyang (朝阳区, 110105) in Beijing`, `朝阳县 (211321) in Chaoyang, Liaoning`.
    pub fn english_path_label(&self) -> String {
        let own = match self.pinyin.is_empty() {
            true => self.label(),
            false => format!("{} ({}, {})", self.english(), self.name, self.code),
        };
        let mut above = Vec::new();
        let mut up = self.above();
        while let Some(r) = up {
            above.push(if r.pinyin.is_empty() {
                &*r.name
            } else {
                r.english()
            });
            up = r.above();
        }
        match above.is_empty() {
            true => own,
            false => format!("{own} in {}", above.join(", ")),
        }
    }

    /// The division directly above (see `parent`).
    pub fn above(&self) -> Option<&'static Region> {
        self.parent.as_deref().and_then(|p| regions().get(p))
    }
}

/// The codes facts keep for a place typed: its pooling area's, and the place's own where it
/// is a district or county inside that area (to name it).
pub fn area_and_own(place: &Region, area: &Region) -> (String, Option<String>) {
    let own = (place.code != area.code).then(|| place.code.clone());
    (area.code.clone(), own)
}

/// How output names a place a user gave: the place itself, with its code, and the pooling
/// area it is evaluated in when that is another division. `zh`: `朝阳区 (110105), 北京市`, or
/// `西安市 (610100)`; `en`: pinyin with the Chinese in brackets, `Xi'an (西安市, 610100)`, and
/// for a district without a stored reading `雁塔区 (610113), Xi'an (西安市)`.
pub fn place_label(place: &Region, area: &Region, lang: crate::text::Lang) -> String {
    use crate::text::Lang;
    let one = |r: &Region| match lang {
        Lang::Zh => format!("{} ({})", r.name, r.code),
        Lang::En if r.pinyin.is_empty() => format!("{} ({})", r.name, r.code),
        Lang::En => format!("{} ({}, {})", r.english(), r.name, r.code),
    };
    if place.code == area.code {
        return one(place);
    }
    let area_name = match lang {
        Lang::En if !area.pinyin.is_empty() => format!("{} ({})", area.english(), area.name),
        _ => area.name.clone(),
    };
    format!("{}, {area_name}", one(place))
}

/// The division list with its indexes.
pub struct Regions {
    /// One slot per row of `index::ROWS`, filled on first use (see `row`).
    rows: Vec<OnceLock<Box<Region>>>,
    /// Provinces that are their own pooling area by the list (see `pooled_provinces`).
    pooled_provinces: OnceLock<Vec<&'static str>>,
}

/// The tables generated by `build.rs` from `rules/regions.txt` (see `keys`): the rows in file
/// order, and row indexes sorted by code and by normalised name or pinyin.
mod index {
    /// code, name, short name, pinyin, parent, pooling area
    pub type Row = (
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        Option<&'static str>,
        &'static str,
    );
    include!(concat!(env!("OUT_DIR"), "/regions_index.rs"));
}

/// The embedded division list, set up on first use from the tables generated at build time.
pub fn regions() -> &'static Regions {
    static REGIONS: OnceLock<Regions> = OnceLock::new();
    REGIONS.get_or_init(Regions::embedded)
}

/// The row index of a code in the generated tables. Every code is six digits, so the table
/// holds them as numbers: a lookup compares integers, not strings.
fn index_of(code: &str) -> Option<usize> {
    let number = keys::code_number(code)?;
    index::BY_CODE
        .binary_search_by_key(&number, |(c, _)| *c)
        .ok()
        .map(|at| usize::from(index::BY_CODE[at].1))
}

impl Regions {
    fn embedded() -> Regions {
        Regions {
            rows: std::iter::repeat_with(OnceLock::new)
                .take(index::ROWS.len())
                .collect(),
            pooled_provinces: OnceLock::new(),
        }
    }

    /// Row `i` of the generated tables, made the first time it is asked for: a check reads a
    /// handful of the 3,213 rows, and making them all would cost start-up time and memory.
    fn row(&self, i: usize) -> &Region {
        self.rows[i].get_or_init(|| {
            let (code, name, short_name, pinyin, parent, pooling_area) = index::ROWS[i];
            Box::new(Region {
                code: code.to_string(),
                name: name.to_string(),
                short_name: short_name.to_string(),
                pinyin: pinyin.to_string(),
                level: Level::of_code(code),
                parent: parent.map(str::to_string),
                pooling_area: pooling_area.to_string(),
            })
        })
    }

    /// Rows a normalised key names, each with how it names it (`keys::TIER_FULL`, …).
    fn by_key(&self, key: &str) -> &'static [(u16, u8)] {
        index::BY_KEY
            .binary_search_by(|(k, _)| (*k).cmp(key))
            .map_or(&[], |at| index::BY_KEY[at].1)
    }

    /// Provinces whose districts and counties roll up to the province itself, because the
    /// list has no prefecture between them (北京, 天津, 上海, 重庆).
    fn pooled_provinces(&self) -> &[&'static str] {
        self.pooled_provinces.get_or_init(|| {
            let mut out: Vec<&'static str> = Vec::new();
            for &(code, _, _, _, _, pooling) in index::ROWS {
                if code != pooling && pooling.ends_with("0000") && !out.contains(&pooling) {
                    out.push(pooling);
                }
            }
            out
        })
    }

    /// The region with this exact 6-digit code.
    pub fn get(&self, code: &str) -> Option<&Region> {
        index_of(code).map(|i| self.row(i))
    }

    /// Every region, in file order.
    pub fn all(&self) -> impl Iterator<Item = &Region> {
        (0..self.rows.len()).map(|i| self.row(i))
    }

    /// The province-level divisions, in file order (made without making the other rows).
    pub fn provinces(&self) -> impl Iterator<Item = &Region> {
        (0..index::ROWS.len())
            .filter(|&i| index::ROWS[i].0.ends_with("0000"))
            .map(|i| self.row(i))
    }

    /// The pooling area a region belongs to (itself for pooling areas and provinces).
    pub fn pooling_area_of<'a>(&'a self, r: &'a Region) -> &'a Region {
        self.get(&r.pooling_area).unwrap_or(r)
    }

    /// The prefectures and direct counties of a province, in file order.
    fn cities_of(&self, province: &Region) -> impl Iterator<Item = &Region> {
        let prefix = province.code.get(..2).unwrap_or("");
        self.all().filter(move |r| {
            matches!(r.level, Level::Prefecture | Level::DirectCounty) && r.code.starts_with(prefix)
        })
    }
}

/// `code` as the division list keeps it for the whole run, if it is a division's code (a
/// policy asked for by a place typed in one request can then outlive that request's facts).
pub fn kept_code(code: &str) -> Option<&'static str> {
    regions().get(code).map(|r| r.code.as_str())
}
