//! The parts of the division list shared with the build script (which includes this file by
//! path, so it uses nothing but std): reading the rows of `rules/regions.txt` and the
//! normalised keys a row is found by. The build script turns them into sorted static tables,
//! so yibao does not parse the list or hash its names at start-up.

use std::collections::HashSet;

/// One row of the list as written: for county-level rows the short name is the full name and
/// the pinyin is empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row<'a> {
    pub code: &'a str,
    pub name: &'a str,
    pub short_name: &'a str,
    pub pinyin: &'a str,
}

/// True for district- and county-level codes (not `XX0000`, `XXYY00` or `XX90YY`).
pub fn is_county(code: &str) -> bool {
    !(code.ends_with("00") || code.get(2..4) == Some("90"))
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
        if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) || name.is_empty() {
            continue;
        }
        let (short_name, pinyin) = match (fields.next(), fields.next()) {
            (Some(s), Some(p)) if !is_county(code) => (s, p),
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
    for c in s.chars() {
        let c = match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            'ü' | 'Ü' => 'v',
            _ => c,
        };
        let skip = c.is_whitespace()
            || c.is_control()
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
    keys
}
