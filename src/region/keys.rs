//! The parts of the division list shared with the build script (which includes this file by
//! path, so it uses nothing but std and `typed`, which the build script includes too): reading the rows of `rules/regions.txt` and the
//! normalised keys a row is found by. The build script turns them into sorted static tables,
//! so yibao does not parse the list or hash its names at start-up.

use std::collections::HashSet;

use crate::typed::{halfwidth, is_invisible};

/// One row of the list as written: for a county-level row without a stored reading the short
/// name is the full name and the pinyin is empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row<'a> {
    pub code: &'a str,
    pub name: &'a str,
    pub short_name: &'a str,
    pub pinyin: &'a str,
}

/// English names in established use that are not the pinyin of the short name (names from
/// Mongolian, Uyghur and Tibetan, Harbin, and the Cantonese and Portuguese names of Hong Kong
/// and Macao), by that pinyin: English output shows them and lookup finds a place by them too.
pub const ENGLISH_NAMES: [(&str, &str); 7] = [
    ("Ha'erbin", "Harbin"),
    ("Huhehaote", "Hohhot"),
    ("Wulumuqi", "Urumqi"),
    ("Lasa", "Lhasa"),
    ("Neimenggu", "Inner Mongolia"),
    ("Xianggang", "Hong Kong"),
    ("Aomen", "Macao"),
];

/// Other English names people type, found but not shown, by the pinyin of the short name.
const ALSO_TYPED: [(&str, &str); 2] = [("Xizang", "Tibet"), ("Aomen", "Macau")];

/// True for district- and county-level codes (not `XX0000`, `XXYY00` or `XX90YY`).
pub fn is_county(code: &str) -> bool {
    !(code.ends_with("00") || code.get(2..4) == Some("90"))
}

/// A division code as a number: six ASCII digits, or `None`.
pub fn code_number(code: &str) -> Option<u32> {
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    code.parse().ok()
}

/// The rows of the tab-separated list, in file order; comments, malformed lines and repeated
/// codes are skipped (the tests check there are none in the embedded file).
pub fn rows(text: &str) -> Vec<Row<'_>> {
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(3300);
    for line in text.lines() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut fields = line.split('\t');
        let (Some(code), Some(name)) = (fields.next(), fields.next()) else {
            continue;
        };
        if code_number(code).is_none() || name.is_empty() {
            continue;
        }
        // A county has a short name and pinyin only where people often type it in pinyin.
        let (short_name, pinyin) = match (fields.next(), fields.next()) {
            (Some(s), Some(p)) if !s.is_empty() && !p.is_empty() => (s, p),
            _ => (name, ""),
        };
        if seen.insert(code) {
            out.push(Row {
                code,
                name,
                short_name,
                pinyin,
            });
        }
    }
    out
}

/// Each row's parent (the province of a prefecture or direct county; the prefecture, or where
/// there is none the province, of a county) and pooling area (its own code, except for
/// counties, which roll up to their parent).
pub fn links<'a>(rows: &[Row<'a>]) -> Vec<(Option<&'a str>, &'a str)> {
    let codes: HashSet<&str> = rows.iter().map(|r| r.code).collect();
    let find = |code: &str, keep: usize| {
        let wanted = format!("{:0<6}", &code[..keep]);
        codes.get(wanted.as_str()).copied()
    };
    rows.iter()
        .map(|r| {
            let province = find(r.code, 2);
            if r.code.ends_with("0000") {
                (None, r.code)
            } else if !is_county(r.code) {
                (province, r.code)
            } else {
                match find(r.code, 4).or(province) {
                    Some(up) => (Some(up), up),
                    None => (None, r.code),
                }
            }
        })
        .collect()
}

/// Matching form of a name, pinyin or query: full-width ASCII folded to ASCII, lower case,
/// without spaces, apostrophes, hyphens, dots and control characters; ü written v.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in halfwidth(s).chars() {
        let c = match c {
            'ü' | 'Ü' => 'v',
            _ => c,
        };
        let skip = c.is_whitespace()
            || c.is_control()
            || is_invisible(c)
            || matches!(
                c,
                '\'' | '’'
                    | '‘'
                    | '`'
                    | '´'
                    | '-'
                    | '‐'
                    | '‑'
                    | '–'
                    | '—'
                    | '―'
                    | '·'
                    | '・'
                    | '.'
            );
        if !skip {
            out.push(c.to_ascii_lowercase());
        }
    }
    out
}

/// How a key names a row, strongest first: its full name (`朝阳区`, `昆山市`, `西安市`), a
/// stored short name or pinyin of a province, prefecture or direct county (`西安`, `xian`), or
/// a district's or county's name without its suffix (`朝阳`, `昆山`, `浦东`).
pub const TIER_FULL: u8 = 0;
pub const TIER_SHORT: u8 = 1;
pub const TIER_STEM: u8 = 2;

/// The 55 minority peoples' names, as autonomous counties and banners carry them before 族
/// (长阳土家族自治县 → 长阳).
const PEOPLES: [&str; 55] = [
    "蒙古",
    "回",
    "藏",
    "维吾尔",
    "苗",
    "彝",
    "壮",
    "布依",
    "朝鲜",
    "满",
    "侗",
    "瑶",
    "白",
    "土家",
    "哈尼",
    "哈萨克",
    "傣",
    "黎",
    "傈僳",
    "佤",
    "畲",
    "高山",
    "拉祜",
    "水",
    "东乡",
    "纳西",
    "景颇",
    "柯尔克孜",
    "土",
    "达斡尔",
    "仫佬",
    "羌",
    "布朗",
    "撒拉",
    "毛南",
    "仡佬",
    "锡伯",
    "阿昌",
    "普米",
    "塔吉克",
    "怒",
    "乌孜别克",
    "俄罗斯",
    "鄂温克",
    "德昂",
    "保安",
    "裕固",
    "京",
    "塔塔尔",
    "独龙",
    "鄂伦春",
    "赫哲",
    "门巴",
    "珞巴",
    "基诺",
];

/// A district's or county's name as people say it without the suffix: 昆山市 → 昆山,
/// 海淀区 → 海淀, 浦东新区 → 浦东, 长阳土家族自治县 → 长阳. `None` when nothing is left to
/// say (城区, 矿区, 和县: a stem must keep at least two characters).
pub fn county_stem(name: &str) -> Option<String> {
    const SUFFIXES: [&str; 10] = [
        "自治县",
        "自治旗",
        "新区",
        "林区",
        "特区",
        "矿区",
        "区",
        "县",
        "市",
        "旗",
    ];
    let suffix = SUFFIXES.iter().find(|s| name.ends_with(*s))?;
    let mut stem = &name[..name.len() - suffix.len()];
    if suffix.starts_with("自治") {
        while let Some(rest) = stem.strip_suffix('族') {
            // the longest people's name that ends the stem (哈萨克 before 克 could match)
            let people = PEOPLES
                .iter()
                .filter(|p| rest.ends_with(*p))
                .max_by_key(|p| p.len());
            match people {
                Some(p) => stem = &rest[..rest.len() - p.len()],
                None => break,
            }
        }
    }
    (stem.chars().count() >= 2).then(|| normalize(stem))
}

/// Every key a row is found by, with its tier (see `TIER_FULL`); a key listed once, at its
/// strongest tier.
pub fn tiered_keys(code: &str, name: &str, short_name: &str, pinyin: &str) -> Vec<(String, u8)> {
    let mut out: Vec<(String, u8)> = vec![(normalize(name), TIER_FULL)];
    if is_county(code) {
        // A stored reading (and short name) counts as the stem does: 海淀, haidian.
        out.extend(county_stem(name).map(|s| (s, TIER_STEM)));
        if !pinyin.is_empty() {
            out.extend(
                keys(name, short_name, pinyin)
                    .into_iter()
                    .skip(1)
                    .map(|k| (k, TIER_STEM)),
            );
        }
    } else {
        out.extend(
            keys(name, short_name, pinyin)
                .into_iter()
                .skip(1)
                .map(|k| (k, TIER_SHORT)),
        );
    }
    let mut seen = HashSet::new();
    out.retain(|(k, _)| !k.is_empty() && seen.insert(k.clone()));
    out
}

/// The keys a province, prefecture or direct-county row is found by: its normalised full
/// name, short name and pinyin.
pub fn keys(name: &str, short_name: &str, pinyin: &str) -> Vec<String> {
    let mut keys = vec![normalize(name), normalize(short_name)];
    let py = normalize(pinyin);
    if py.contains("aa") {
        // 陕西 is spelt Shaanxi; people also type shanxi, which then matches 山西 too.
        keys.push(py.replace("aa", "a"));
    }
    if !py.is_empty() {
        keys.push(py);
    }
    let english = (ENGLISH_NAMES.iter().chain(&ALSO_TYPED)).filter(|(p, _)| *p == pinyin);
    keys.extend(english.map(|(_, en)| normalize(en)));
    keys
}

/// What a key is indexed by for suggestions: each Chinese character, and each pair of
/// adjacent letters or digits; sorted, without repeats.
pub fn grams(key: &str) -> Vec<String> {
    let chars: Vec<char> = key.chars().collect();
    let mut out: Vec<String> = Vec::new();
    for (n, c) in chars.iter().enumerate() {
        if !c.is_ascii() {
            out.push(c.to_string());
        } else if let Some(next) = chars.get(n + 1).filter(|d| d.is_ascii()) {
            out.push([*c, *next].iter().collect());
        }
    }
    out.sort();
    out.dedup();
    out
}
