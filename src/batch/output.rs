//! The three kinds of output line of `yibao batch`, each one compact JSON object ending in a
//! newline: the compact answer (ids, dates and the outcome only), the full verdict (the
//! single command's `--json` document with `line` and `id` added) and the error record. The
//! batch schema changes only here: compact answers are written by hand (millions of them, one
//! fixed shape), the others through serialize-only wire types kept apart from `Verdict`.

use std::io::Write as _;

use serde::Serialize;
use serde_json::value::RawValue;
use serde_json::{Map, Value, json};

use super::cases::LineError;
use crate::render::{Report, localize};
use crate::text::Lang;
use crate::verdict::Verdict;

/// The schema of compact answers and error records.
pub const SCHEMA: &str = "yibao.batch/1";

/// An error record.
#[derive(Serialize)]
struct ErrorRecord<'a> {
    schema: &'static str,
    line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a RawValue>,
    error: ErrorBody<'a>,
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    code: &'a str,
    message: &'a str,
}

/// Appends the compact answer for a verdict of `check`. Written by hand, not derived: batch
/// writes millions of these, and the fixed shape needs no serializer machinery.
pub fn compact(buf: &mut Vec<u8>, line: usize, id: Option<&RawValue>, check: &str, v: &Verdict) {
    // The keys and the schema are plain text: written as they are, not checked for escapes.
    buf.extend_from_slice(b"{\"schema\":\"");
    buf.extend_from_slice(SCHEMA.as_bytes());
    buf.extend_from_slice(b"\",\"line\":");
    number(buf, line);
    if let Some(id) = id {
        buf.extend_from_slice(b",\"id\":");
        buf.extend_from_slice(id.get().as_bytes());
    }
    buf.extend_from_slice(b",\"check\":");
    string(buf, check);
    buf.extend_from_slice(b",\"outcome\":\"");
    buf.extend_from_slice(v.outcome.key().as_bytes());
    buf.extend_from_slice(b"\",\"deadlines\":[");
    for (i, d) in v.deadlines.iter().enumerate() {
        buf.extend_from_slice(if i == 0 { b"{\"id\":" } else { b",{\"id\":" });
        string(buf, &d.id);
        buf.extend_from_slice(b",\"date\":\"");
        date(buf, d.date);
        buf.extend_from_slice(b"\",\"working_days\":");
        number(buf, d.working_days as usize);
        buf.extend_from_slice(if d.estimated {
            b",\"estimated\":true}"
        } else {
            b",\"estimated\":false}"
        });
    }
    buf.push(b']');
    if let Some((key, json)) = &v.figures {
        buf.extend_from_slice(b",\"");
        buf.extend_from_slice(key.as_bytes());
        buf.extend_from_slice(b"\":");
        buf.extend_from_slice(json.as_bytes());
    }
    buf.extend_from_slice(b",\"blockers\":");
    list(buf, v.blockers.iter().map(|i| i.id.as_str()), string);
    buf.extend_from_slice(b",\"conditions\":");
    list(buf, v.conditions.iter().map(|i| i.id.as_str()), string);
    // A document's id is kept as JSON already (`Document::id_json`).
    buf.extend_from_slice(b",\"citations\":");
    list(buf, v.citations.iter().map(|c| c.id_json), |buf, json| {
        buf.extend_from_slice(json.as_bytes());
    });
    buf.extend_from_slice(b"}\n");
}

/// A whole number in decimal (`itoa`: what serde_json itself writes numbers with).
fn number(buf: &mut Vec<u8>, n: usize) {
    buf.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// `YYYY-MM-DD`, digit by digit (the formatter is slow for something this simple); years
/// outside 0–9999 go through it.
fn date(buf: &mut Vec<u8>, d: chrono::NaiveDate) {
    use chrono::Datelike;
    let Some(year) = u32::try_from(d.year()).ok().filter(|y| *y <= 9999) else {
        let _ = write!(buf, "{d}");
        return;
    };
    let digit = |n: u32| b'0' + (n % 10) as u8;
    let (month, day) = (d.month(), d.day());
    buf.extend_from_slice(&[
        digit(year / 1000),
        digit(year / 100),
        digit(year / 10),
        digit(year),
        b'-',
        digit(month / 10),
        digit(month),
        b'-',
        digit(day / 10),
        digit(day),
    ]);
}

/// A JSON string; plain text (the usual id) is copied as it is.
fn string(buf: &mut Vec<u8>, s: &str) {
    // Without short-circuiting, so the test runs many bytes at a time.
    let plain = !s.bytes().fold(false, |special, b| {
        special | (b < 0x20) | (b == b'"') | (b == b'\\')
    });
    if plain {
        buf.push(b'"');
        buf.extend_from_slice(s.as_bytes());
        buf.push(b'"');
    } else {
        // Writing a string into memory cannot fail.
        let _ = serde_json::to_writer(&mut *buf, s);
    }
}

/// Appends the whole verdict: what `yibao CHECK … --json` prints, with `line` and `id` after
/// `schema`.
pub fn full(
    buf: &mut Vec<u8>,
    line: usize,
    id: Option<&RawValue>,
    v: &Verdict,
    lang: Lang,
    explain: bool,
) {
    let mut body = v.json(explain);
    localize(&mut body, lang);
    let mut doc = Map::new();
    doc.insert("schema".into(), Value::from(v.schema));
    doc.insert("line".into(), Value::from(line));
    if let Some(id) = id {
        // An id is valid JSON: it was read as such.
        doc.insert(
            "id".into(),
            serde_json::from_str(id.get()).unwrap_or(Value::Null),
        );
    }
    if let Value::Object(map) = body {
        doc.extend(map);
    }
    write(buf, line, &doc);
}

/// Appends an error record.
pub fn error(buf: &mut Vec<u8>, line: usize, id: Option<&RawValue>, e: &LineError) {
    let record = ErrorRecord {
        schema: SCHEMA,
        line,
        id,
        error: ErrorBody {
            code: e.code,
            message: &e.message,
        },
    };
    write(buf, line, &record);
}

/// `["a","b"]`, each item written with `write`.
fn list<'a>(
    buf: &mut Vec<u8>,
    items: impl Iterator<Item = &'a str>,
    write: impl Fn(&mut Vec<u8>, &str),
) {
    buf.push(b'[');
    for (i, item) in items.enumerate() {
        if i > 0 {
            buf.push(b',');
        }
        write(buf, item);
    }
    buf.push(b']');
}

/// The JSON Schema of one compact output line: an answer or an error record (`yibao schema
/// batch`; `--full` lines are the check's own schema plus `line` and `id`).
pub fn schema() -> Value {
    let ids = json!({ "type": "array", "items": { "type": "string" } });
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "required": ["line"],
        "properties": {
            "line": { "type": "integer", "minimum": 1 },
            "id": true
        },
        "oneOf": [
            {
                "required": ["check", "outcome", "deadlines", "blockers", "conditions", "citations"],
                "properties": {
                    "check": { "type": "string" },
                    "outcome": { "enum": ["yes", "no", "conditional"] },
                    "deadlines": { "type": "array", "items": {
                        "type": "object",
                        "required": ["id", "date", "working_days", "estimated"],
                        "properties": {
                            "id": { "type": "string" },
                            "date": { "type": "string", "format": "date" },
                            "working_days": { "type": "integer", "minimum": 0 },
                            "estimated": { "type": "boolean" }
                        }
                    } },
                    "waiting_period": {
                        "type": "object",
                        "required": ["rule", "conditional"],
                        "properties": { "rule": { "type": "string" }, "conditional": { "type": "boolean" } }
                    },
                    "blockers": ids,
                    "conditions": ids,
                    "citations": ids
                }
            },
            {
                "required": ["error"],
                "properties": {
                    "error": {
                        "type": "object",
                        "required": ["code", "message"],
                        "properties": { "code": { "type": "string" }, "message": { "type": "string" } }
                    }
                }
            }
        ]
    })
}

/// Appends one JSON line. Serializing these types into memory cannot fail (string keys, no
/// maps with non-string keys); if it ever did, the line would be an error record, never a
/// half-written object.
fn write<T: Serialize>(buf: &mut Vec<u8>, line: usize, value: &T) {
    let start = buf.len();
    if serde_json::to_writer(&mut *buf, value).is_err() {
        buf.truncate(start);
        let failed = LineError::new("internal", "could not write this answer");
        let _ = serde_json::to_writer(
            &mut *buf,
            &ErrorRecord {
                schema: SCHEMA,
                line,
                id: None,
                error: ErrorBody {
                    code: failed.code,
                    message: &failed.message,
                },
            },
        );
    }
    buf.push(b'\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_as_serde_writes_them() {
        for d in ["0005-03-09", "2026-10-16", "9999-12-31"] {
            let d: chrono::NaiveDate = d.parse().unwrap();
            for d in [d, d + chrono::Days::new(400)] {
                let mut buf = b"\"".to_vec();
                date(&mut buf, d);
                buf.push(b'"');
                assert_eq!(
                    String::from_utf8(buf).unwrap(),
                    serde_json::to_string(&d).unwrap()
                );
            }
        }
    }

    #[test]
    fn strings_with_quotes_or_control_characters_are_escaped() {
        for s in ["plain_id", "a\"b", "back\\slash", "tab\there", "中文"] {
            let mut buf = Vec::new();
            string(&mut buf, s);
            assert_eq!(
                String::from_utf8(buf).unwrap(),
                serde_json::to_string(s).unwrap()
            );
        }
    }
}
