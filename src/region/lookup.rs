//! Turning typed text into regions: normalising queries, exact lookup, pooling-area lookup,
//! search for `yibao regions`, and did-you-mean suggestions for misses.

use super::keys::{keys, normalize};
use super::{Level, Region, Regions};

/// Why a query did not resolve to exactly one region. Messages are one English line that names
/// the input and says what to do; the CLI adds its own prefix.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LookupError {
    #[error(
        "no region given; give a 6-digit division code, a Chinese name or pinyin \
         (e.g. 110000, 北京 or beijing); see 'yibao regions'"
    )]
    Empty,
    #[error("{}", not_found_message(.query, .suggestions))]
    NotFound {
        query: String,
        suggestions: Vec<String>,
    },
    #[error(
        "'{query}' matches several regions: {}; give the 6-digit code or the full Chinese name",
        or_list(.candidates)
    )]
    Ambiguous {
        query: String,
        candidates: Vec<String>,
    },
    #[error("{}", not_pooling_message(.query, .region, .choices))]
    NotAPoolingArea {
        query: String,
        region: String,
        choices: Vec<String>,
    },
}

fn or_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

fn not_found_message(query: &str, suggestions: &[String]) -> String {
    let hint = "Regions are given by 6-digit code, Chinese name or pinyin; see 'yibao regions'";
    if suggestions.is_empty() {
        format!("unknown region '{query}'. {hint}")
    } else {
        format!(
            "unknown region '{query}'; did you mean {}? {hint}",
            or_list(suggestions)
        )
    }
}

fn not_pooling_message(query: &str, region: &str, choices: &[String]) -> String {
    if choices.is_empty() {
        format!(
            "'{query}' is {region}, which has no pooling area in mainland basic medical \
             insurance; give a mainland city, prefecture or county"
        )
    } else {
        format!(
            "'{query}' is {region}, a province, not a pooling area (统筹地区); give one of its \
             cities or prefectures instead, e.g. {}",
            choices.join(", ")
        )
    }
}

/// Longest query (in characters) that is matched or quoted in full.
const MAX_QUERY_CHARS: usize = 64;

/// The query as quoted in messages: at most 40 characters, control characters escaped.
fn display(query: &str) -> String {
    let mut out = String::new();
    for (n, c) in query.trim().chars().enumerate() {
        if n == 40 {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// The keys a province, prefecture or direct-county row is found by.
pub(super) fn keys_of(r: &Region) -> Vec<String> {
    keys(&r.name, &r.short_name, &r.pinyin)
}

impl Regions {
    /// Finds the one region a query names, at any level: a 6-digit code, a full or short
    /// Chinese name, or pinyin (names of provinces, prefectures and direct counties only; a
    /// county-level row also by its full name).
    pub fn lookup(&self, query: &str) -> Result<&Region, LookupError> {
        let found = self.candidates(query)?;
        match found.as_slice() {
            [one] => Ok(self.row(*one)),
            _ => Err(self.ambiguous(query, &found)),
        }
    }

    /// Finds the pooling area a query names. County-level divisions roll up to theirs;
    /// among several matches a province gives way to pooling areas inside it (`吉林` →
    /// 吉林市, but `海南` stays ambiguous); a lone province that is not a municipality is
    /// `NotAPoolingArea`.
    pub fn lookup_pooling_area(&self, query: &str) -> Result<&Region, LookupError> {
        let found = self.candidates(query)?;
        // (what matched, its pooling area), distinct by pooling area
        let mut pairs: Vec<(usize, &Region)> = Vec::new();
        for &i in &found {
            let area = self.pooling_area_of(self.row(i));
            if !pairs.iter().any(|(_, a)| a.code == area.code) {
                pairs.push((i, area));
            }
        }
        let pooled: Vec<(usize, &Region)> = pairs
            .iter()
            .copied()
            .filter(|(_, a)| a.is_pooling_area())
            .collect();
        // A province is dropped only in favour of pooling areas inside it: 吉林 → 吉林市, but
        // 海南 stays ambiguous (海南省 vs 海南藏族自治州 in 青海).
        let elsewhere = pairs.iter().any(|(_, a)| {
            !a.is_pooling_area()
                && pooled
                    .iter()
                    .any(|(_, p)| p.code.get(..2) != a.code.get(..2))
        });
        if elsewhere {
            return Err(self.ambiguous(query, &found));
        }
        match (pooled.as_slice(), pairs.as_slice()) {
            ([(_, area)], _) => Ok(area),
            ([], [(_, region)]) => Err(LookupError::NotAPoolingArea {
                query: display(query),
                region: region.label(),
                choices: self.cities_of(region).take(8).map(Region::label).collect(),
            }),
            ([], _) => Err(self.ambiguous(query, &found)),
            (many, _) => {
                let idx: Vec<usize> = many.iter().map(|(i, _)| *i).collect();
                Err(self.ambiguous(query, &idx))
            }
        }
    }

    /// Regions for `yibao regions QUERY`, in file order: codes starting with the digits
    /// typed, names containing the text typed, and pinyin starting with it. An empty query
    /// finds nothing (list `all()` instead).
    pub fn search(&self, query: &str) -> Vec<&Region> {
        let key = normalize(query);
        if key.is_empty() {
            return Vec::new();
        }
        let digits = key.bytes().all(|b| b.is_ascii_digit());
        self.all()
            .filter(|r| {
                if digits {
                    return r.code.starts_with(&key);
                }
                r.name.contains(&key)
                    || (!r.pinyin.is_empty() && keys_of(r).iter().any(|k| k.starts_with(&key)))
            })
            .collect()
    }

    /// Row indexes a query matches (at least one), or why there are none.
    fn candidates(&self, query: &str) -> Result<Vec<usize>, LookupError> {
        let key = normalize(query);
        if key.is_empty() {
            return Err(LookupError::Empty);
        }
        let not_found = |suggestions| LookupError::NotFound {
            query: display(query),
            suggestions,
        };
        if key.chars().count() > MAX_QUERY_CHARS {
            return Err(not_found(Vec::new()));
        }
        if key.bytes().all(|b| b.is_ascii_digit()) {
            return match super::index_of(&key) {
                Some(i) => Ok(vec![i]),
                None => Err(not_found(self.code_suggestions(&key))),
            };
        }
        if let Some(found) = self.by_key(&key) {
            return Ok(found);
        }
        // 吉林市 typed as jilinshi, 吉林省 as jilinsheng, 延边州 for 延边朝鲜族自治州
        for (suffix, marks) in [
            ("shi", &["市"][..]),
            ("sheng", &["省"][..]),
            ("州", &["自治州"][..]),
            ("zhou", &["自治州"][..]),
        ] {
            let Some(stem) = key.strip_suffix(suffix).filter(|s| !s.is_empty()) else {
                continue;
            };
            if let Some(found) = self.by_key(stem) {
                let marked: Vec<usize> = found
                    .iter()
                    .copied()
                    .filter(|&i| marks.iter().any(|m| self.row(i).name.ends_with(m)))
                    .collect();
                return Ok(if marked.is_empty() { found } else { marked });
            }
        }
        if let Some(found) = self.county_names().get(&key) {
            return Ok(found.clone());
        }
        Err(not_found(self.suggestions(&key)))
    }

    fn ambiguous(&self, query: &str, found: &[usize]) -> LookupError {
        LookupError::Ambiguous {
            query: display(query),
            candidates: found.iter().map(|&i| self.row(i).label()).collect(),
        }
    }

    /// For an unknown code: its prefecture and province if those exist (110100 → 北京市);
    /// for a partial code: the first codes it starts.
    fn code_suggestions(&self, digits: &str) -> Vec<String> {
        if digits.len() == 6 {
            let prefecture = format!("{}00", &digits[..4]);
            let province = format!("{}0000", &digits[..2]);
            [prefecture, province]
                .iter()
                .filter_map(|c| self.get(c))
                .map(Region::label)
                .collect()
        } else {
            self.all()
                .filter(|r| r.code.starts_with(digits))
                .take(3)
                .map(Region::label)
                .collect()
        }
    }

    /// The (up to) three names closest to a normalised query that matched nothing.
    fn suggestions(&self, key: &str) -> Vec<String> {
        let chars = key.chars().count();
        let mut scored: Vec<(f64, usize)> = Vec::new();
        for (i, r) in self.all().enumerate() {
            if r.level == Level::County {
                continue;
            }
            let mut best = 0.0f64;
            for k in keys_of(r) {
                let mut score = strsim::normalized_damerau_levenshtein(key, &k);
                if chars >= 2 && (key.contains(k.as_str()) || k.starts_with(key)) {
                    score = score.max(0.75);
                }
                best = best.max(score);
            }
            if best >= 0.5 {
                scored.push((best, i));
            }
        }
        // best first; ties in file order (provinces before their cities)
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        scored
            .into_iter()
            .take(3)
            .map(|(_, i)| self.row(i).label())
            .collect()
    }
}
