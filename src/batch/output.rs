//! The three kinds of output line of `yibao batch`, each one compact JSON object ending in a
//! newline: the compact answer (ids, dates and the outcome only), the full verdict (the
//! single command's `--json` document with `line` and `id` added) and the error record. The
//! batch schema changes only here: compact answers are written by hand (millions of them, one
//! fixed shape), the others through serialize-only wire types kept apart from `Verdict`.

use std::io::Write as _;

use serde::Serialize;
use serde_json::value::RawValue;
use serde_json::{Value, json};

use super::cases::{Context, Judged, LineError};
use crate::checks::transfer;
use crate::checks::transfer::Waiting;
use crate::render::reuse;
use crate::render::wire::{
    CitationIds, DentalJson, FilingJson, MergeJson, Origin, RefundJson, TransferJson,
};
use crate::rules::RuleSet;

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

/// Appends the compact answer for what a line of `check` was judged. Written by hand, not
/// derived: batch writes millions of these, and the fixed shape needs no serializer machinery.
pub fn compact(
    buf: &mut Vec<u8>,
    line: usize,
    id: Option<&RawValue>,
    check: &str,
    judged: &Judged,
    rules: &RuleSet,
) {
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
    buf.extend_from_slice(judged.outcome().key().as_bytes());
    buf.extend_from_slice(b"\",\"deadlines\":[");
    let deadline = |buf: &mut Vec<u8>, id: &str, date: chrono::NaiveDate, days: u32, est: bool| {
        buf.extend_from_slice(b"{\"id\":");
        string(buf, id);
        buf.extend_from_slice(b",\"date\":\"");
        self::date(buf, date);
        buf.extend_from_slice(b"\",\"working_days\":");
        number(buf, days as usize);
        buf.extend_from_slice(if est {
            b",\"estimated\":true}"
        } else {
            b",\"estimated\":false}"
        });
    };
    let v = judged.verdict();
    for (i, d) in v.deadlines.iter().enumerate() {
        if i > 0 {
            buf.push(b',');
        }
        deadline(buf, d.limit.id(), d.date, d.working_days, d.estimated);
    }
    buf.push(b']');
    if let Judged::Transfer(transfer::Answer {
        waiting: Some(w), ..
    }) = judged
    {
        waiting(buf, w);
    }
    if let Judged::Filing(a) = judged {
        buf.extend_from_slice(if a.needed {
            b",\"needed\":true"
        } else {
            b",\"needed\":false"
        });
    }
    let ids = |buf: &mut Vec<u8>, list: &mut dyn Iterator<Item = &str>| {
        buf.push(b'[');
        for (i, id) in list.enumerate() {
            if i > 0 {
                buf.push(b',');
            }
            string(buf, id);
        }
        buf.push(b']');
    };
    buf.extend_from_slice(b",\"blockers\":");
    ids(buf, &mut v.blockers.iter().map(|s| s.said.id()));
    buf.extend_from_slice(b",\"conditions\":");
    ids(buf, &mut v.conditions.iter().map(|s| s.said.id()));
    buf.extend_from_slice(b",\"citations\":");
    let cited = CitationIds {
        cited: &v.citations,
        rules,
    };
    // Writing into memory cannot fail.
    let _ = reuse::one(&cited, &mut serde_json::Serializer::new(&mut *buf));
    buf.extend_from_slice(b"}\n");
}

/// `,"waiting_period":{…}`: the waiting period's figures and flags, without its text and
/// sources, in the order of the full answer's keys.
fn waiting(buf: &mut Vec<u8>, w: &Waiting) {
    buf.extend_from_slice(b",\"waiting_period\":{\"rule\":\"");
    // `rule` is a plain id: nothing to escape.
    buf.extend_from_slice(w.reading.rule().as_bytes());
    buf.push(b'"');
    let mut field = |key: &[u8], value: Option<i64>, or_null: bool| {
        let mut digits = itoa::Buffer::new();
        let shown = match value {
            Some(n) => digits.format(n),
            None if or_null => "null",
            None => return,
        };
        for part in [b",\"".as_slice(), key, b"\":", shown.as_bytes()] {
            buf.extend_from_slice(part);
        }
    };
    field(b"gap_months", w.gap_months.map(i64::from), false);
    field(b"missed_years", w.missed_years.map(i64::from), false);
    field(b"months", w.months.map(i64::from), true);
    field(b"up_to_months", w.up_to_months.map(i64::from), false);
    field(
        b"min_after_repair_months",
        w.min_after_repair_months.map(i64::from),
        false,
    );
    for (key, flag) in [
        (b"unverified".as_slice(), w.unverified),
        (b"conditional".as_slice(), w.conditional),
    ] {
        for part in [
            b",\"".as_slice(),
            key,
            b"\":",
            if flag { b"true".as_slice() } else { b"false" },
        ] {
            buf.extend_from_slice(part);
        }
    }
    // The first day of cover (the readings' comparison and its sentence are in --full).
    buf.extend_from_slice(b",\"benefits_from\":");
    match w.benefits_from {
        Some(d) => {
            buf.push(b'"');
            date(buf, d);
            buf.push(b'"');
        }
        None => buf.extend_from_slice(b"null"),
    }
    if w.benefits_from_latest {
        buf.extend_from_slice(b",\"benefits_from_latest\":true");
    }
    if let Some(d) = w.benefits_from_after_repair {
        buf.extend_from_slice(b",\"benefits_from_after_repair\":\"");
        date(buf, d);
        buf.push(b'"');
    }
    buf.push(b'}');
}

/// A whole number in decimal (`itoa`: what serde_json itself writes numbers with).
fn number(buf: &mut Vec<u8>, n: usize) {
    buf.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// `YYYY-MM-DD`, digit by digit (the formatter is slow for something this simple); years
/// outside 0–9999 go through it.
fn date(buf: &mut Vec<u8>, d: chrono::NaiveDate) {
    match crate::dates::iso(d, &mut [0; 10]) {
        Some(text) => buf.extend_from_slice(text.as_bytes()),
        None => {
            let _ = write!(buf, "{d}");
        }
    }
}

/// A JSON string; plain text (the usual id) is copied as it is.
fn string(buf: &mut Vec<u8>, s: &str) {
    if plain(s.as_bytes()) {
        buf.push(b'"');
        buf.extend_from_slice(s.as_bytes());
        buf.push(b'"');
    } else {
        // Writing a string into memory cannot fail.
        let _ = serde_json::to_writer(&mut *buf, s);
    }
}

/// No byte of `text` needs an escape in JSON (a quote, a backslash, a control character).
fn plain(text: &[u8]) -> bool {
    // Without short-circuiting, so the test runs many bytes at a time.
    !(text.iter()).fold(false, |special, &b| {
        special | (b < 0x20) | (b == b'"') | (b == b'\\')
    })
}

/// Appends the whole answer: what `yibao CHECK … --json` prints, with `line` and `id` after
/// `schema`, written straight from the wire types.
pub fn full(buf: &mut Vec<u8>, line: usize, id: Option<&RawValue>, judged: &Judged, cx: &Context) {
    let origin = Origin {
        line: Some(line),
        id,
        ..Origin::default()
    };
    let (lang, explain) = (cx.lang, cx.explain);
    match judged {
        Judged::Transfer(a) => {
            write(
                buf,
                line,
                &TransferJson::new(a, cx.rules, lang, explain, origin),
            );
        }
        Judged::Merge(a) => write(
            buf,
            line,
            &MergeJson::new(a, cx.rules, lang, explain, origin),
        ),
        Judged::Refund(a) => write(
            buf,
            line,
            &RefundJson::new(a, cx.rules, lang, explain, origin),
        ),
        Judged::Dental(a) => write(
            buf,
            line,
            &DentalJson::new(a, cx.rules, lang, explain, origin),
        ),
        Judged::Filing(a) => write(
            buf,
            line,
            &FilingJson::new(a, cx.rules, lang, explain, origin),
        ),
    }
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
                    "needed": { "type": "boolean", "description": "filing: whether a filing is needed first" },
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
    fn a_byte_needing_an_escape_is_found_wherever_it_stands() {
        for len in [1, 7, 8, 9, 16, 19] {
            for at in 0..len {
                for b in 0..=255u8 {
                    let mut text = vec![b'a'; len];
                    text[at] = b;
                    let special = b < 0x20 || b == b'"' || b == b'\\';
                    assert_eq!(plain(&text), !special, "byte {b} at {at} of {len}");
                }
            }
        }
    }

    #[test]
    fn strings_with_quotes_or_control_characters_are_escaped() {
        let long = [
            "0123456789abcdef",
            "\u{7f}\u{1f}",
            "中文中文中文\"",
            "abcdefgh\\",
        ];
        for s in ["plain_id", "a\"b", "back\\slash", "tab\there", "中文"]
            .iter()
            .chain(&long)
        {
            let mut buf = Vec::new();
            string(&mut buf, s);
            assert_eq!(
                String::from_utf8(buf).unwrap(),
                serde_json::to_string(s).unwrap()
            );
        }
    }
}
