//! Turning typed text into regions: normalising queries, exact lookup, pooling-area lookup,
//! search for `yibao regions`, and did-you-mean suggestions for misses.

use super::keys::{TIER_SHORT, TIER_STEM, grams, keys, normalize};
use super::{Level, Region, Regions};
use crate::text::Lang;

/// Why a query did not resolve to exactly one region. Messages are one English line that names
/// the input and says what to do; the CLI adds its own prefix.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LookupError {
    #[error(
        "no region given; give a 6-digit division code, a Chinese name or pinyin \
         (e.g. 110000, 北京 or beijing); see 'yibao regions'"
    )]
    Empty,
    #[error("{}", not_found_message(.query, &self.offered(Lang::En)))]
    NotFound {
        query: String,
        /// The codes of the regions it may be a misspelling of.
        suggestions: Vec<String>,
    },
    #[error(
        "'{query}' matches several regions: {}. Give the 6-digit code or the full Chinese name",
        or_list(&self.offered(Lang::En), ("; ", "; or "))
    )]
    Ambiguous {
        query: String,
        /// The codes of the regions it may mean.
        candidates: Vec<String>,
    },
    #[error("{}", not_pooling_message(.query, &self.named_region(Lang::En), &self.offered(Lang::En)))]
    NotAPoolingArea {
        query: String,
        /// The code of the province (or Hong Kong, Macao, Taiwan) it names.
        region: String,
        /// The codes of some of its cities.
        choices: Vec<String>,
    },
}

impl LookupError {
    /// The regions offered instead (those suggested, meant or inside), as their codes, each
    /// with how a message in `lang` names it: a district or county with the divisions above
    /// it where places of one name must be told apart, in English by its pinyin where known.
    pub fn offered(&self, lang: Lang) -> Vec<(&str, String)> {
        type Name = fn(&Region, Lang) -> String;
        let meant: Name = |r, lang| match lang {
            Lang::Zh => r.path_label(),
            Lang::En => r.english_path_label(),
        };
        let suggested: Name = |r, lang| match (lang, r.level) {
            (Lang::Zh, Level::County) => r.path_label(),
            (Lang::Zh, _) => r.label(),
            (Lang::En, _) => r.english_path_label(),
        };
        let inside: Name = |r, lang| super::place_label(r, r, lang);
        let (codes, name): (&[String], Name) = match self {
            LookupError::Empty => (&[], inside),
            LookupError::NotFound { suggestions, .. } => (suggestions, suggested),
            LookupError::Ambiguous { candidates, .. } => (candidates, meant),
            LookupError::NotAPoolingArea { choices, .. } => (choices, inside),
        };
        (codes.iter())
            .map(|c| (c.as_str(), name_of(c, lang, name)))
            .collect()
    }

    /// For `NotAPoolingArea`, the province (or Hong Kong, Macao, Taiwan) named, as a message
    /// in `lang` names it (`广东省 (440000)`, `Guangdong (广东省, 440000)`).
    pub fn named_region(&self, lang: Lang) -> String {
        match self {
            LookupError::NotAPoolingArea { region, .. } => {
                name_of(region, lang, |r, lang| super::place_label(r, r, lang))
            }
            _ => String::new(),
        }
    }
}

/// The region of `code` named by `name`; the code itself if the list lacks it.
fn name_of(code: &str, lang: Lang, name: fn(&Region, Lang) -> String) -> String {
    (super::regions().get(code)).map_or_else(|| code.to_string(), |r| name(r, lang))
}

/// `a, b or c`: the labels joined by `separator`, the last by `or`.
fn or_list(items: &[(&str, String)], (separator, or): (&str, &str)) -> String {
    let labels: Vec<&str> = items.iter().map(|(_, label)| label.as_str()).collect();
    match labels.as_slice() {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{}{or}{last}", init.join(separator)),
    }
}

/// True for a query that reads as pinyin (Latin letters, spaces, apostrophes, hyphens): one
/// that missed may name a district or county, whose pinyin is mostly not stored.
pub fn looks_like_pinyin(query: &str) -> bool {
    let q = query.trim();
    q.chars().any(|c| c.is_ascii_alphabetic())
        && q.chars()
            .all(|c| c.is_ascii_alphabetic() || matches!(c, ' ' | '\'' | '-'))
}

fn not_found_message(query: &str, suggestions: &[(&str, String)]) -> String {
    let hint = if looks_like_pinyin(query) {
        "Pinyin is known for provinces, prefecture-level cities and only some districts \
         and counties (those of Beijing, Shanghai, Guangzhou and Shenzhen, kunshan, yiwu …): \
         give the city a district lies in (e.g. suzhou, whose pooling area takes in 昆山), or \
         the district by its Chinese name or 6-digit code ('yibao regions 3205' lists those \
         under Suzhou, 320500)"
    } else {
        "Regions are given by 6-digit code, Chinese name or pinyin; see 'yibao regions'"
    };
    if suggestions.is_empty() {
        format!("unknown region '{query}'. {hint}")
    } else {
        format!(
            "unknown region '{query}'; did you mean {}? {hint}",
            or_list(suggestions, ("; ", "; or "))
        )
    }
}

fn not_pooling_message(query: &str, region: &str, choices: &[(&str, String)]) -> String {
    if choices.is_empty() {
        format!(
            "'{query}' is {region}, which has no pooling area in mainland basic medical \
             insurance; give a mainland city, prefecture or county"
        )
    } else {
        format!(
            "'{query}' is {region}, a province, not a pooling area (统筹地区); give one of its \
             cities or prefectures instead, e.g. {}",
            (choices.iter().map(|(_, label)| label.as_str()))
                .collect::<Vec<_>>()
                .join("; ")
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
        if c.is_control() || crate::typed::is_invisible(c) {
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

    /// Finds the pooling area a query names, by the division list alone (see
    /// `Region::is_pooling_area`; dated regimes such as Hainan's are applied by
    /// `rules::pooling`): the place the query names, exactly as `lookup` finds it (so an
    /// ambiguous name is an error, never a pick), rolled up to its pooling area. A province
    /// that is not a pooling area is `NotAPoolingArea`.
    pub fn lookup_pooling_area(&self, query: &str) -> Result<&Region, LookupError> {
        let place = self.lookup(query)?;
        self.pooling_area_or_error(query, place)
    }

    /// `place`'s pooling area, or `NotAPoolingArea` when it is a province that is not one
    /// (Hong Kong, Macao and Taiwan are outside mainland insurance altogether).
    pub fn pooling_area_or_error<'a>(
        &'a self,
        query: &str,
        place: &'a Region,
    ) -> Result<&'a Region, LookupError> {
        let area = self.pooling_area_of(place);
        if area.is_pooling_area() {
            return Ok(area);
        }
        Err(LookupError::NotAPoolingArea {
            query: display(query),
            region: area.code.clone(),
            choices: (self.cities_of(area).take(8))
                .map(|c| c.code.clone())
                .collect(),
        })
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
    ///
    /// One rule for every name: a name matches rows by their full name, by the stored short
    /// name or pinyin of a province, prefecture or direct county, or by a district's or
    /// county's name without its suffix (`keys::TIER_FULL` …). The strongest kind that matches
    /// decides, so 西安 is 西安市, not also 西安区 in 辽源; except that a district of a
    /// municipality is as much a place people name alone as a prefecture is, so 朝阳 matches
    /// 北京市朝阳区 and 朝阳市 alike (and then every 朝阳). A name not found whole is tried as
    /// a compound, a province or prefecture followed by a place inside it (北京朝阳,
    /// 江苏昆山, 苏州昆山, 江苏省苏州市昆山市). Several rows left is the caller's
    /// `Ambiguous`, never a pick.
    fn candidates(&self, query: &str) -> Result<Vec<usize>, LookupError> {
        let key = normalize(query);
        if key.is_empty() {
            return Err(LookupError::Empty);
        }
        let not_found = |found: Vec<&Region>| LookupError::NotFound {
            query: display(query),
            suggestions: found.iter().map(|r| r.code.clone()).collect(),
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
        let whole = self.whole(&key);
        if !whole.is_empty() {
            return Ok(select(&whole));
        }
        let parts = self.compound(&key, true);
        if !parts.is_empty() {
            return Ok(select(&parts));
        }
        Err(not_found(self.suggestions(&key)))
    }

    /// Rows the whole key names, with their tiers; `jilinshi`, `jilinsheng` and `延边州` by
    /// the name before the suffix, keeping the rows that carry it.
    fn whole(&self, key: &str) -> Vec<(usize, u8)> {
        let found = tiered(self.by_key(key));
        if !found.is_empty() {
            return found;
        }
        for (suffix, mark) in [
            ("shi", "市"),
            ("sheng", "省"),
            ("州", "自治州"),
            ("zhou", "自治州"),
        ] {
            let Some(stem) = key.strip_suffix(suffix).filter(|s| !s.is_empty()) else {
                continue;
            };
            let found: Vec<(usize, u8)> = tiered(self.by_key(stem))
                .into_iter()
                .filter(|&(i, t)| t == TIER_SHORT || self.row(i).level != Level::County)
                .collect();
            if !found.is_empty() {
                let marked: Vec<(usize, u8)> = found
                    .iter()
                    .copied()
                    .filter(|&(i, _)| self.row(i).name.ends_with(mark))
                    .collect();
                return if marked.is_empty() { found } else { marked };
            }
        }
        Vec::new()
    }

    /// Rows named by a province or prefecture followed by a place inside it; `deeper` allows
    /// one more level (省 + 市 + 县).
    fn compound(&self, key: &str, deeper: bool) -> Vec<(usize, u8)> {
        let mut out: Vec<(usize, u8)> = Vec::new();
        for (at, _) in key.char_indices().skip(1) {
            let (head, tail) = key.split_at(at);
            let heads: Vec<usize> = tiered(self.by_key(head))
                .into_iter()
                .map(|(i, _)| i)
                .filter(|&i| matches!(self.row(i).level, Level::Province | Level::Prefecture))
                .collect();
            if heads.is_empty() {
                continue;
            }
            let mut tails = self.whole(tail);
            if tails.is_empty() && deeper {
                tails = self.compound(tail, false);
            }
            for (i, tier) in tails {
                let code = &self.row(i).code;
                let inside = heads.iter().any(|&h| {
                    let head = &self.row(h);
                    let scope = match head.level {
                        Level::Province => 2,
                        _ => 4,
                    };
                    code != &head.code && code.get(..scope) == head.code.get(..scope)
                });
                if inside && !out.iter().any(|&(j, _)| j == i) {
                    out.push((i, tier));
                }
            }
        }
        out
    }

    fn ambiguous(&self, query: &str, found: &[usize]) -> LookupError {
        LookupError::Ambiguous {
            query: display(query),
            candidates: found.iter().map(|&i| self.row(i).code.clone()).collect(),
        }
    }

    /// The regions an ambiguous query could mean, in list order (what a pick list shows);
    /// empty when it names one region or none.
    pub fn alternatives(&self, query: &str) -> Vec<&Region> {
        match self.candidates(query) {
            Ok(found) if found.len() > 1 => found.into_iter().map(|i| self.row(i)).collect(),
            _ => Vec::new(),
        }
    }

    /// For an unknown code: its prefecture and province if those exist (110100 → 北京市);
    /// for a partial code: the first codes it starts.
    fn code_suggestions(&self, digits: &str) -> Vec<&Region> {
        if digits.len() == 6 {
            let prefecture = format!("{}00", &digits[..4]);
            let province = format!("{}0000", &digits[..2]);
            [prefecture, province]
                .iter()
                .filter_map(|c| self.get(c))
                .collect()
        } else {
            self.all()
                .filter(|r| r.code.starts_with(digits))
                .take(3)
                .collect()
        }
    }

    /// The (up to) three names closest to a normalised query that matched nothing, drawn only
    /// from names that share a character (Chinese) or a pair of letters (pinyin) with it, by
    /// an index `build.rs` makes (`index::BY_GRAM`), and scored by how many of those they share (Dice's
    /// coefficient): a miss costs about what a hit does, not an edit distance to every name.
    fn suggestions(&self, key: &str) -> Vec<&Region> {
        use super::index::{BY_GRAM, GRAM_KEYS, GRAM_TEXT, HINT_KEYS, HINT_TEXT};
        // Strings and lists are offsets into one each (see build.rs).
        let text = |all: &'static str, at: u32, len: u8| {
            let at = at as usize;
            &all[at..at + usize::from(len)]
        };
        let grams = grams(key);
        // how many of the query's grams each indexed name shares, for the names sharing any
        let mut shared = vec![0u8; HINT_KEYS.len()];
        let mut touched: Vec<usize> = Vec::new();
        for g in &grams {
            let found = BY_GRAM.binary_search_by(|&(at, len, ..)| text(GRAM_TEXT, at, len).cmp(g));
            if let Ok(found) = found {
                let (_, _, first, count) = BY_GRAM[found];
                let first = first as usize;
                for &k in &GRAM_KEYS[first..first + usize::from(count)] {
                    let k = usize::from(k);
                    if shared[k] == 0 {
                        touched.push(k);
                    }
                    shared[k] = shared[k].saturating_add(1);
                }
            }
        }
        let chars = key.chars().count();
        let mut scored: Vec<(f64, usize)> = Vec::new();
        for k in touched {
            let n = shared[k];
            let (at, len, row, name_grams) = HINT_KEYS[k];
            let name = text(HINT_TEXT, at, len);
            let row = usize::from(row);
            let mut score = 2.0 * f64::from(n) / (grams.len() + usize::from(name_grams)) as f64;
            // only a name all of whose grams the query has can be inside it, and the reverse
            let whole = n == name_grams || usize::from(n) == grams.len();
            let holds = whole && chars >= 2 && (key.contains(name) || name.starts_with(key));
            if holds {
                score = score.max(0.75);
            }
            // Districts and counties are many and their names short: one is suggested only
            // when the miss holds its name whole or begins it, not for shared characters;
            // the few with a stored reading are suggested for a near miss of it, as cities
            // are (haidain → 海淀区).
            let r = self.row(row);
            let reading = name.is_ascii() && !r.pinyin.is_empty();
            let county = r.level == Level::County && !reading;
            if score < 0.5 || (county && !holds) {
                continue;
            }
            // a name that starts as the query does ranks first among equals (苏洲 → 苏州)
            let prefix = key
                .chars()
                .zip(name.chars())
                .take_while(|(a, b)| a == b)
                .count();
            score += 0.01 * prefix.min(5) as f64;
            match scored.iter_mut().find(|(_, r)| *r == row) {
                Some(best) => best.0 = best.0.max(score),
                None => scored.push((score, row)),
            }
        }
        // best first; ties in file order (provinces before their cities)
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        scored
            .into_iter()
            .take(3)
            .map(|(_, i)| self.row(i))
            .collect()
    }
}

/// Of all the rows a key names, the ones it is taken to mean (see `Regions::candidates`), in
/// list order.
fn select(found: &[(usize, u8)]) -> Vec<usize> {
    let Some(best) = found.iter().map(|&(_, t)| t).min() else {
        return Vec::new();
    };
    let all = super::regions();
    let municipal_district = |i: usize| {
        let r = all.row(i);
        r.level == Level::County && r.parent.as_deref().is_some_and(|p| p.ends_with("0000"))
    };
    let widen = best == TIER_SHORT
        && found
            .iter()
            .filter(|&&(_, t)| t == TIER_SHORT)
            .all(|&(i, _)| all.row(i).level != Level::Province)
        && found
            .iter()
            .any(|&(i, t)| t == TIER_STEM && municipal_district(i));
    let mut out: Vec<usize> = found
        .iter()
        .filter(|&&(_, t)| t == best || (widen && t == TIER_STEM))
        .map(|&(i, _)| i)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

fn tiered(found: &[(u16, u8)]) -> Vec<(usize, u8)> {
    found.iter().map(|&(i, t)| (usize::from(i), t)).collect()
}
