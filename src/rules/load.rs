//! Where rules files come from: the copy embedded at build time, optionally overlaid by a
//! directory (`--rules-dir`) of the same shape, whose files replace or add to the embedded
//! ones. Reading files happens here and nowhere else in the engine.

use std::path::Path;

use crate::text::Str;

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
    /// Embedded texts are borrowed, never copied: start-up does not touch their pages.
    pub text: Result<Str, String>,
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
            text: Ok(Str::Static(text)),
        })
        .collect()
}

/// Whether `file` is the unmodified embedded file of its path: the embedded text itself, as
/// `embedded` hands it over (recognised by address, without reading it).
pub fn is_embedded(file: &RulesText) -> bool {
    let Ok(Str::Static(text)) = &file.text else {
        return false;
    };
    embedded::FILES
        .iter()
        .any(|(rel, t)| *rel == file.rel && std::ptr::eq(*t, *text))
}

/// Deepest directory of an overlay walked (`regions/` is depth 1).
pub const MAX_DEPTH: usize = 4;
/// Most entries (files and directories) of an overlay looked at; the shipped tree has a few
/// dozen.
pub const MAX_ENTRIES: usize = 2000;

/// Most bytes of rules files read from one overlay (the shipped tree has about 300 KB).
pub const MAX_TOTAL_BYTES: usize = 32 << 20;

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
    #[error(
        "'{0}' is a link to a directory; links inside a rules directory are not followed: copy the files instead"
    )]
    LinkedDirectory(String),
    #[error(
        "'{0}' is nested too deep (more than {MAX_DEPTH} levels); a rules directory is laid out like rules/ (national.toml, regions/, calendar/)"
    )]
    TooDeep(String),
    #[error(
        "rules directory '{0}' holds more than {MAX_ENTRIES} files and directories; pass the directory laid out like rules/, not a parent of it"
    )]
    TooMany(String),
    #[error(
        "the rules files in '{0}' add up to more than {MAX_TOTAL_BYTES} bytes; pass the directory laid out like rules/, not a parent of it"
    )]
    TooLarge(String),
}

/// The embedded files with `dir`'s `.toml` files laid over them.
pub fn with_overlay(dir: &Path) -> Result<Vec<RulesText>, OverlayError> {
    let shown_dir = dir.display().to_string();
    let meta = std::fs::metadata(dir).map_err(|_| OverlayError::Missing(shown_dir.clone()))?;
    if !meta.is_dir() {
        return Err(OverlayError::NotADirectory(shown_dir));
    }
    let mut walk = Walk {
        root: dir,
        entries: 0,
        bytes: 0,
        found: Vec::new(),
    };
    walk.dir(dir, 0)?;
    let mut files = embedded();
    for file in walk.found {
        match files.iter_mut().find(|f| f.rel == file.rel) {
            Some(slot) => *slot = file,
            None => files.push(file),
        }
    }
    Ok(files)
}

/// A bounded walk of an overlay: hidden entries skipped, no links to directories, at most `MAX_DEPTH` levels,
/// `MAX_ENTRIES` entries and `MAX_TOTAL_BYTES` read, only regular files read
/// (`read_limited`).
struct Walk<'a> {
    root: &'a Path,
    entries: usize,
    bytes: usize,
    found: Vec<RulesText>,
}

impl Walk<'_> {
    fn dir(&mut self, dir: &Path, depth: usize) -> Result<(), OverlayError> {
        let unreadable = |e: std::io::Error| OverlayError::Unreadable {
            path: dir.display().to_string(),
            reason: e.to_string(),
        };
        let mut entries = Vec::new();
        for entry in std::fs::read_dir(dir).map_err(unreadable)? {
            let entry = entry.map_err(unreadable)?;
            // Hidden entries (.git, editor files) hold no rules and are not counted.
            if entry.file_name().as_encoded_bytes().starts_with(b".") {
                continue;
            }
            self.entries += 1;
            if self.entries > MAX_ENTRIES {
                return Err(OverlayError::TooMany(self.root.display().to_string()));
            }
            entries.push(entry);
        }
        entries.sort_by_key(|e| e.path());
        for entry in entries {
            let path = entry.path();
            let shown = path.display().to_string();
            // The entry itself, not what a link points to.
            let is_link = entry.file_type().map_err(unreadable)?.is_symlink();
            if path.is_dir() {
                if is_link {
                    return Err(OverlayError::LinkedDirectory(shown));
                }
                if depth + 1 > MAX_DEPTH {
                    return Err(OverlayError::TooDeep(shown));
                }
                self.dir(&path, depth + 1)?;
                continue;
            }
            let text = match path.extension().and_then(|e| e.to_str()) {
                Some("toml") => read_limited(&path).map(Str::from),
                Some(e) if e.eq_ignore_ascii_case("toml") => Err(format!(
                    "rules files end in lowercase .toml, not .{e}; rename it or it is not read"
                )),
                _ => continue,
            };
            self.bytes += text.as_ref().map_or(0, |t| t.len());
            if self.bytes > MAX_TOTAL_BYTES {
                return Err(OverlayError::TooLarge(self.root.display().to_string()));
            }
            let rel = path
                .strip_prefix(self.root)
                .unwrap_or(&path)
                .to_string_lossy()
                .replace('\\', "/");
            self.found.push(RulesText { rel, shown, text });
        }
        Ok(())
    }
}

/// The text of a rules file: a regular file (after following a link) of at most
/// `MAX_FILE_BYTES`, in UTF-8.
fn read_limited(path: &Path) -> Result<String, String> {
    let bytes =
        crate::bounded::read(path, MAX_FILE_BYTES).map_err(|e| e.reason().en.to_string())?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "file is not UTF-8 text (invalid byte at offset {}); save it as UTF-8",
            e.utf8_error().valid_up_to()
        )
    })
}
