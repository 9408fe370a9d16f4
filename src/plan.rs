//! Saved transfer plans: `yibao transfer --save FILE` writes the facts and the plan as one
//! JSON document (`yibao.plan/1`); `yibao status FILE` reads the facts back. Writing is
//! atomic (a temporary file beside the target, then a rename) and never replaces a file that
//! is not a yibao plan unless forced; reading never changes the file and explains what is
//! wrong with one that is damaged or foreign.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::checks::transfer::Facts;
use crate::error::Error;
use crate::render::Report;
use crate::render::verdict::TransferReport;
use crate::request::Request;
use crate::text::{Lang, Str, Text};

pub const SCHEMA: &str = "yibao.plan/1";

/// A plan file larger than this is not one yibao wrote.
const MAX_BYTES: u64 = 4 * 1024 * 1024;

fn file_error(path: &Path, zh: impl Into<Str>, en: impl Into<Str>) -> Error {
    Error::File {
        path: path.display().to_string(),
        reason: Text::new(zh, en),
    }
}

/// Writes the plan to `path` atomically.
pub fn save(
    path: &Path,
    facts: &Facts,
    plan: &TransferReport,
    req: &Request,
    lang: Lang,
    force: bool,
) -> Result<(), Error> {
    if path.is_dir() {
        return Err(file_error(
            path,
            "这是一个目录;请给出文件名,例如 plan.json",
            "is a directory; give a file name such as plan.json",
        ));
    }
    if let Ok(meta) = std::fs::symlink_metadata(path)
        && !meta.is_file()
        && !meta.file_type().is_symlink()
    {
        return Err(file_error(
            path,
            "不是普通文件(设备、命名管道或套接字),即使加 --force 也不会被替换;请给出普通文件名",
            "is not an ordinary file (a device, FIFO or socket), so it is never replaced, even with --force; give the name of an ordinary file",
        ));
    }
    if path.exists() && !force && load_document(path).is_err() {
        return Err(file_error(
            path,
            "文件已存在且不是 yibao 计划文件,未改动;换一个文件名,或加 --force 覆盖",
            "exists and is not a yibao plan, so it was left alone; choose another name, or add --force to replace it",
        ));
    }
    // The plan as `--json` prints it, without its schema (the file has its own).
    let mut body: Value = serde_json::from_str(&plan.json_text(lang, false)).unwrap_or_default();
    if let Value::Object(map) = &mut body {
        map.shift_remove("schema");
    }
    // The places as typed: a district or county is kept (status names it again), not only
    // the pooling area it lies in.
    let mut facts = facts.clone();
    facts.from = facts.from_place.take().unwrap_or(facts.from);
    facts.to = facts.to_place.take().unwrap_or(facts.to);
    let doc = serde_json::json!({
        "schema": SCHEMA,
        "saved_on": req.today,
        "lang": lang,
        "facts": facts,
        "plan": body,
    });
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    write_atomically(path, text.as_bytes())
}

/// Writes `bytes` to `path` through a temporary file beside it and a rename (also `--ics`).
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let cannot = |e: std::io::Error| {
        file_error(
            path,
            format!("无法写入({e});请确认目录存在且可写,或换一个位置"),
            format!(
                "cannot be written ({e}); check that the folder exists and is writable, or choose another place"
            ),
        )
    };
    // A short temporary name (the target's may be near the file-name limit already), made
    // anew if one is left over from an earlier run.
    let mut attempt = 0;
    let (tmp, mut file) = loop {
        let tmp = dir.join(format!(".yibao-{}-{attempt}.tmp", std::process::id()));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
        {
            Ok(f) => break (tmp, f),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 100 => {
                attempt += 1;
            }
            Err(e) => return Err(cannot(e)),
        }
    };
    let written = file
        .write_all(bytes)
        .and_then(|()| file.sync_all())
        .and_then(|()| std::fs::rename(&tmp, path));
    written.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        cannot(e)
    })
}

/// Reads the facts of a saved plan, and the language it was saved in.
pub fn load(path: &Path) -> Result<(Facts, Option<Lang>), Error> {
    let doc = load_document(path)?;
    let lang = (doc.get("lang").cloned()).and_then(|l| serde_json::from_value(l).ok());
    let facts = facts_of(path, &doc)?;
    Ok((facts, lang))
}

fn facts_of(path: &Path, doc: &Value) -> Result<Facts, Error> {
    serde_json::from_value(doc.get("facts").cloned().unwrap_or(Value::Null)).map_err(|e| {
        file_error(
            path,
            format!("计划文件中的 facts 已损坏({e});请用 yibao transfer … --save 重新生成"),
            format!("the facts in this plan are damaged ({e}); make it again with yibao transfer … --save"),
        )
    })
}

/// The plan document, checked to be one of ours.
fn load_document(path: &Path) -> Result<Value, Error> {
    let not_plan = || {
        file_error(
            path,
            "不是 yibao 计划文件(文件未改动);计划文件由 yibao transfer --save FILE 生成",
            "is not a yibao plan (the file was left as it is); plan files are made by yibao transfer --save FILE",
        )
    };
    let bytes = crate::bounded::read(path, MAX_BYTES).map_err(|refused| match refused {
        crate::bounded::Refused::Io(e) if e.kind() == std::io::ErrorKind::NotFound => file_error(
            path,
            format!("无法读取({e});请检查文件名,计划文件由 yibao transfer --save FILE 生成"),
            format!("cannot be read ({e}); check the name; plan files are made by yibao transfer --save FILE"),
        ),
        crate::bounded::Refused::TooLarge(_) => not_plan(),
        other => Error::File {
            path: path.display().to_string(),
            reason: other.reason(),
        },
    })?;
    let doc: Value = serde_json::from_slice(&bytes).map_err(|_| not_plan())?;
    if doc.get("schema").and_then(Value::as_str) != Some(SCHEMA) {
        return Err(not_plan());
    }
    Ok(doc)
}
