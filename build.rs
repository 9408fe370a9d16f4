//! Embeds every file under `rules/` into the binary: generates a table of
//! `(relative path, include_str!(absolute path))` so yibao works with no files beside it.
//! Also turns the division list `rules/regions.txt` into static tables (rows, and row indexes
//! sorted by code and by normalised name), so start-up neither parses nor hashes it, and each
//! rules file into its parsed TOML tree in the compact form `src/rules/prebuilt.rs` reads (a
//! file that does not parse gets none: yibao then parses it and reports the problem).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[path = "src/region/keys.rs"]
mod keys;
#[path = "src/typed.rs"]
mod typed;

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(&path, out);
        } else if matches!(path.extension().and_then(|e| e.to_str()), Some("toml")) {
            out.push(path);
        }
    }
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let rules = root.join("rules");
    println!("cargo:rerun-if-changed=rules");
    let mut files = Vec::new();
    collect(&rules, &mut files);
    let mut code = String::from("pub static FILES: &[(&str, &str)] = &[\n");
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        entry(&mut code, &rel_path(&rules, path), "include_str", path);
    }
    code.push_str("];\n");
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    std::fs::write(out_dir.join("embedded_rules.rs"), code).unwrap();
    std::fs::write(
        out_dir.join("prebuilt_rules.rs"),
        prebuilt(&rules, &files, &out_dir),
    )
    .unwrap();
    std::fs::write(
        out_dir.join("regions_index.rs"),
        region_index(&rules.join("regions.txt")),
    )
    .unwrap();
}

/// `ROWS` (a `Row` each, in file order), and `BY_CODE` and `BY_KEY` (row indexes) sorted for
/// binary search.
fn region_index(path: &Path) -> String {
    println!("cargo:rerun-if-changed={}", path.display());
    println!("cargo:rerun-if-changed=src/region/keys.rs");
    println!("cargo:rerun-if-changed=src/typed.rs");
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let rows = keys::rows(&text);
    assert!(
        rows.len() < usize::from(u16::MAX),
        "too many regions for u16 indexes"
    );
    let mut code = String::from("pub static ROWS: &[Row] = &[\n");
    for (r, (parent, pooling)) in rows.iter().zip(keys::links(&rows)) {
        writeln!(
            code,
            "    ({:?}, {:?}, {:?}, {:?}, {parent:?}, {pooling:?}),",
            r.code, r.name, r.short_name, r.pinyin
        )
        .unwrap();
    }
    // Codes are six digits (`keys::rows` keeps no other): kept as numbers, compared as such.
    code.push_str("];\n\npub static BY_CODE: &[(u32, u16)] = &[\n");
    let mut by_code: Vec<(u32, usize)> = (rows.iter().enumerate())
        .map(|(i, r)| (keys::code_number(r.code).expect("a six-digit code"), i))
        .collect();
    by_code.sort();
    for (c, i) in by_code {
        writeln!(code, "    ({c:?}, {i}),").unwrap();
    }
    // every key (full names of all rows, short names and pinyin of provinces, prefectures
    // and direct counties, districts' and counties' names without suffix) → (row, tier)
    let mut by_key: BTreeMap<String, Vec<(usize, u8)>> = BTreeMap::new();
    for (i, r) in rows.iter().enumerate() {
        for (key, tier) in keys::tiered_keys(r.code, r.name, r.short_name, r.pinyin) {
            by_key.entry(key).or_default().push((i, tier));
        }
    }
    code.push_str("];\n\npub static BY_KEY: &[(&str, &[(u16, u8)])] = &[\n");
    for (key, found) in by_key {
        writeln!(code, "    ({key:?}, &{found:?}),").unwrap();
    }
    // suggestions for a miss: the keys of provinces, prefectures and direct counties, and
    // the full names and stems of districts and counties (suggested only when the miss holds
    // one whole or begins one: 海淀去, 昆山是, 浦东新), each with its row and number of grams,
    // and for each gram the keys that have it
    let mut hint_keys: Vec<(String, usize, usize)> = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        let row_keys: Vec<String> = if keys::is_county(r.code) {
            keys::tiered_keys(r.code, r.name, r.short_name, r.pinyin)
                .into_iter()
                .map(|(k, _)| k)
                .collect()
        } else {
            keys::keys(r.name, r.short_name, r.pinyin)
        };
        for key in row_keys {
            if !key.is_empty() && !hint_keys.iter().any(|(k, j, _)| *k == key && *j == i) {
                let n = keys::grams(&key).len().min(255);
                hint_keys.push((key, i, n));
            }
        }
    }
    let mut by_gram: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (n, (key, _, _)) in hint_keys.iter().enumerate() {
        for g in keys::grams(key) {
            by_gram.entry(g).or_default().push(n);
        }
    }
    // The hint keys and grams are offsets into one string each, and the grams' keys one list:
    // a `&str` or slice per entry would be a relocation the loader applies at every start-up.
    let mut text = String::new();
    code.push_str("];\n\npub static HINT_KEYS: &[(u32, u8, u16, u8)] = &[\n");
    for (key, row, n) in &hint_keys {
        let len = u8::try_from(key.len()).expect("a hint key under 256 bytes");
        writeln!(code, "    ({}, {len}, {row}, {n}),", text.len()).unwrap();
        text.push_str(key);
    }
    writeln!(code, "];\n\npub static HINT_TEXT: &str = {text:?};").unwrap();
    let (mut text, mut postings) = (String::new(), Vec::new());
    code.push_str("\npub static BY_GRAM: &[(u32, u8, u32, u16)] = &[\n");
    for (gram, found) in by_gram {
        let len = u8::try_from(gram.len()).expect("a gram under 256 bytes");
        let count = u16::try_from(found.len()).expect("under 65,536 keys a gram");
        writeln!(
            code,
            "    ({}, {len}, {}, {count}),",
            text.len(),
            postings.len()
        )
        .unwrap();
        text.push_str(&gram);
        postings.extend(found);
    }
    writeln!(code, "];\n\npub static GRAM_TEXT: &str = {text:?};").unwrap();
    writeln!(code, "\npub static GRAM_KEYS: &[u16] = &{postings:?};").unwrap();
    code
}

/// `path` relative to `rules`, with forward slashes.
fn rel_path(rules: &Path, path: &Path) -> String {
    path.strip_prefix(rules)
        .unwrap()
        .to_string_lossy()
        .replace('\\', "/")
}

/// One `(relative path, include_…!(file))` row of a generated table.
fn entry(code: &mut String, rel: &str, include: &str, file: &Path) {
    writeln!(
        code,
        "    ({rel:?}, {include}!({:?})),",
        file.display().to_string()
    )
    .unwrap();
}

/// `PREBUILT`: (relative path, encoded tree, string pool) for every rules file that parses.
/// The pool is a string literal, so the compiler has checked it is UTF-8 and the reader takes
/// its strings by position without checking them again.
fn prebuilt(rules: &Path, files: &[PathBuf], out_dir: &Path) -> String {
    let mut code = String::from("pub static PREBUILT: &[(&str, &[u8], &str)] = &[\n");
    for (i, path) in files.iter().enumerate() {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let Ok(root) = toml::de::DeTable::parse(&text) else {
            continue;
        };
        let mut tree = Tree::default();
        let span = root.span();
        encode_table(&mut tree, &text, root.get_ref(), span);
        let bin = out_dir.join(format!("rules-{i}.bin"));
        let pool = out_dir.join(format!("rules-{i}.str"));
        std::fs::write(&bin, tree.blob).unwrap();
        std::fs::write(&pool, tree.pool).unwrap();
        writeln!(
            code,
            "    ({:?}, include_bytes!({:?}), include_str!({:?})),",
            rel_path(rules, path),
            bin.display().to_string(),
            pool.display().to_string()
        )
        .unwrap();
    }
    code.push_str("];\n");
    code
}

/// An encoded tree: the structure, and the strings it points into.
#[derive(Default)]
struct Tree {
    blob: Vec<u8>,
    pool: String,
    /// The start of the span written last: each span is written as the distance from it.
    last_start: usize,
}

fn varint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// A string: its length. The strings are pooled in the order they are written, so the
/// reader finds each one where the last ended.
fn bytes(out: &mut Tree, s: &str) {
    varint(&mut out.blob, s.len() as u64);
    out.pool.push_str(s);
}

/// A value's tag and span: the span's start as the distance from the last span's start
/// (zigzag: a table header can come after its own entries' text), and its length. Both are
/// mostly under 128, one byte each.
fn head(out: &mut Tree, tag: u8, span: std::ops::Range<usize>) {
    out.blob.push(tag);
    let delta = span.start as i64 - out.last_start as i64;
    varint(&mut out.blob, ((delta << 1) ^ (delta >> 63)) as u64);
    varint(&mut out.blob, (span.end - span.start) as u64);
    out.last_start = span.start;
}

fn encode_table(
    out: &mut Tree,
    text: &str,
    table: &toml::de::DeTable,
    span: std::ops::Range<usize>,
) {
    head(out, 6, span);
    varint(&mut out.blob, table.len() as u64);
    for (key, value) in table.iter() {
        // A key is written as a string value: read back the same way, span and all.
        head(out, 0, key.span());
        bytes(out, key.get_ref());
        encode(out, text, value);
    }
}

fn encode(out: &mut Tree, text: &str, value: &toml::Spanned<toml::de::DeValue>) {
    use toml::de::DeValue;
    let span = value.span();
    match value.get_ref() {
        DeValue::String(s) => {
            head(out, 0, span);
            bytes(out, s);
        }
        DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
            // Its value, zigzag-encoded (small negatives stay short).
            Ok(n) => {
                head(out, 2, span);
                varint(&mut out.blob, ((n << 1) ^ (n >> 63)) as u64);
            }
            // Out of range: the literal, for toml to judge.
            Err(_) => {
                head(out, 1, span.clone());
                bytes(out, &text[span]);
            }
        },
        DeValue::Float(_) => {
            // The literal as written (underscores, exponent and all).
            head(out, 1, span.clone());
            bytes(out, &text[span]);
        }
        DeValue::Boolean(b) => {
            head(out, 3, span);
            out.blob.push(u8::from(*b));
        }
        DeValue::Datetime(d) => {
            head(out, 4, span);
            bytes(out, &d.to_string());
        }
        DeValue::Array(items) => {
            head(out, 5, span);
            varint(&mut out.blob, items.len() as u64);
            for item in items.iter() {
                encode(out, text, item);
            }
        }
        DeValue::Table(t) => encode_table(out, text, t, span),
    }
}
