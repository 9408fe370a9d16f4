//! The three kinds of output line of `yibao batch`, each one compact JSON object ending in a
//! newline: the compact answer (ids, dates and the outcome only), the full verdict (the
//! single command's `--json` document with `line` and `id` added) and the error record.
//! Serialize-only wire types, kept apart from `Verdict` so the batch schema changes only here.

use serde::Serialize;
use serde::ser::SerializeMap;
use serde_json::value::RawValue;
use serde_json::{Map, Value, json};

use super::cases::LineError;
use crate::render::{Report, localize};
use crate::text::Lang;
use crate::verdict::{Outcome, Verdict};

/// The schema of compact answers and error records.
pub const SCHEMA: &str = "yibao.batch/1";

/// A compact answer.
#[derive(Serialize)]
struct Compact<'a> {
    schema: &'static str,
    line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a RawValue>,
    check: &'a str,
    outcome: Outcome,
    deadlines: Vec<DeadlineIds<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    waiting_period: Option<Figures<'a>>,
    blockers: Vec<&'a str>,
    conditions: Vec<&'a str>,
    citations: Vec<&'a str>,
}

#[derive(Serialize)]
struct DeadlineIds<'a> {
    id: &'a str,
    date: chrono::NaiveDate,
    working_days: u32,
    estimated: bool,
}

/// The figures of a JSON object, without its texts and citations.
struct Figures<'a>(&'a Map<String, Value>);

impl Serialize for Figures<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        for (k, v) in self.0 {
            if k != "text" && k != "cites" {
                map.serialize_entry(k, v)?;
            }
        }
        map.end()
    }
}

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

/// Appends the compact answer for a verdict of `check`.
pub fn compact(buf: &mut Vec<u8>, line: usize, id: Option<&RawValue>, check: &str, v: &Verdict) {
    let record = Compact {
        schema: SCHEMA,
        line,
        id,
        check,
        outcome: v.outcome,
        deadlines: v
            .deadlines
            .iter()
            .map(|d| DeadlineIds {
                id: &d.id,
                date: d.date,
                working_days: d.working_days,
                estimated: d.estimated,
            })
            .collect(),
        waiting_period: match v.extra.get("waiting_period") {
            Some(Value::Object(w)) => Some(Figures(w)),
            _ => None,
        },
        blockers: ids(&v.blockers),
        conditions: ids(&v.conditions),
        citations: v.citations.iter().map(|c| c.id.as_str()).collect(),
    };
    write(buf, line, &record);
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

fn ids(items: &[crate::verdict::Item]) -> Vec<&str> {
    items.iter().map(|i| i.id.as_str()).collect()
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
