//! Where rules files come from: the copy embedded at build time, optionally overlaid by a
//! directory (`--rules-dir`) of the same shape, whose files replace or add to the embedded
//! ones. Reading files happens here and nowhere else in the engine.

use std::path::Path;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_rules.rs"));
}

/// Largest rules file yibao will read; real ones are a few kilobytes.
pub const MAX_FILE_BYTES: u64 = 1 << 20;

/// One rules file: its path relative to the rules root (`regions/110000.toml`), the path to
/// show in messages, and its text (or why it could not be read).
#[derive(Debug, Clone)]
pub struct RulesText {
    pub rel: String,
    pub shown: String,
    pub text: Result<String, String>,
}

/// The embedded files as (relative path, text).
pub fn embedded_texts() -> &'static [(&'static str, &'static str)] {
    embedded::FILES
}

/// The rules files to load, embedded first, then any overlay.
pub fn embedded() -> Vec<RulesText> {
    embedded::FILES
        .iter()
        .map(|(rel, text)| RulesText {
            rel: rel.to_string(),
            shown: format!("rules/{rel}"),
            text: Ok(text.to_string()),
        })
        .collect()
}

/// Why an overlay directory could not be used at all.
#[derive(Debug, Clone, thiserror::Error)]
pub enum OverlayError {
    #[error(
        "rules directory '{0}' does not exist; pass a directory laid out like rules/ (national.toml, regions/, calendar/)"
    )]
    Missing(String),
    #[error("'{0}' is a file, not a directory; pass the directory that holds the rules files")]
    NotADirectory(String),
    #[error("cannot read rules directory '{path}': {reason}")]
    Unreadable { path: String, reason: String },
}

/// The embedded files with `dir`'s `.toml` files laid over them.
pub fn with_overlay(dir: &Path) -> Result<Vec<RulesText>, OverlayError> {
    let shown_dir = dir.display().to_string();
    let meta = std::fs::metadata(dir).map_err(|_| OverlayError::Missing(shown_dir.clone()))?;
    if !meta.is_dir() {
        return Err(OverlayError::NotADirectory(shown_dir));
    }
    let mut found = Vec::new();
    walk(dir, dir, &mut found)?;
    let mut files = embedded();
    for file in found {
        match files.iter_mut().find(|f| f.rel == file.rel) {
            Some(slot) => *slot = file,
            None => files.push(file),
        }
    }
    Ok(files)
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<RulesText>) -> Result<(), OverlayError> {
    let unreadable = |e: std::io::Error| OverlayError::Unreadable {
        path: dir.display().to_string(),
        reason: e.to_string(),
    };
    let mut entries = std::fs::read_dir(dir)
        .map_err(unreadable)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(unreadable)?;
    entries.sort_by_key(|e| e.path());
    for entry in entries {
        let path = entry.path();
        if path.is_dir() {
            walk(root, &path, out)?;
        } else if path.extension().is_some_and(|e| e == "toml") {
            let rel = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .to_string_lossy()
                .replace('\\', "/");
            out.push(RulesText {
                rel,
                shown: path.display().to_string(),
                text: read_limited(&path),
            });
        }
    }
    Ok(())
}

fn read_limited(path: &Path) -> Result<String, String> {
    let len = std::fs::metadata(path).map_err(|e| e.to_string())?.len();
    if len > MAX_FILE_BYTES {
        return Err(format!(
            "file is {len} bytes; rules files are limited to {MAX_FILE_BYTES} bytes"
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "file is not UTF-8 text (invalid byte at offset {}); save it as UTF-8",
            e.utf8_error().valid_up_to()
        )
    })
}
