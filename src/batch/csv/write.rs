//! Writing answers as CSV rows: UTF-8 with a byte-order mark first (so Excel reads the
//! Chinese right), a header row of column keys and, in Chinese, a second row of labels;
//! then one row per case, the answer or the error in its columns. Fields with a comma, a
//! quote or a line break are quoted (RFC 4180), CRLF ends every row. A cell that starts
//! with `=`, `+`, `-`, `@`, a tab or a carriage return would be taken for a formula by a
//! spreadsheet: it gets a leading apostrophe, which Excel and LibreOffice show as text.

use crate::batch::cases::{Judged, LineError};
use crate::checks::transfer;
use crate::render::text::batch as words;
use crate::rules::RuleSet;
use crate::text::Lang;
use crate::verdict::Limit;

/// The columns of an answer row, in order.
pub const COLUMNS: &[&str] = &[
    "line",
    "id",
    "check",
    "outcome",
    "summary",
    "transfer_out",
    "transfer_complete",
    "estimated",
    "waiting_rule",
    "waiting_months",
    "blockers",
    "conditions",
    "citations",
    "error_code",
    "error_message",
];

/// The byte-order mark and the header rows.
pub fn header(buf: &mut Vec<u8>, lang: Lang) {
    buf.extend_from_slice("\u{feff}".as_bytes());
    row(buf, COLUMNS.iter().copied());
    if lang == Lang::Zh {
        row(
            buf,
            COLUMNS.iter().map(|c| words::label(c).map_or(*c, |l| l[0])),
        );
    }
}

/// The row of an answer.
pub fn answer(
    buf: &mut Vec<u8>,
    line: usize,
    id: &str,
    check: &str,
    judged: &Judged,
    summary: &str,
    rules: &RuleSet,
) {
    let v = judged.verdict();
    let date = |l: Limit| v.deadline(l).map_or(String::new(), |d| d.date.to_string());
    let waiting = match judged {
        Judged::Transfer(transfer::Answer {
            waiting: Some(w), ..
        }) => Some(w),
        _ => None,
    };
    let ids = |list: &mut dyn Iterator<Item = &str>| list.collect::<Vec<_>>().join(" ");
    let docs = &rules.documents;
    let cells = [
        line.to_string(),
        id.to_string(),
        check.to_string(),
        judged.outcome().key().to_string(),
        summary.to_string(),
        date(Limit::TransferOut),
        date(Limit::TransferComplete),
        if v.deadlines.iter().any(|d| d.estimated) {
            "true".into()
        } else if v.deadlines.is_empty() {
            String::new()
        } else {
            "false".into()
        },
        waiting.map_or(String::new(), |w| w.reading.rule().to_string()),
        waiting
            .and_then(|w| w.months)
            .map_or(String::new(), |m| m.to_string()),
        ids(&mut v.blockers.iter().map(|s| s.said.id())),
        ids(&mut v.conditions.iter().map(|s| s.said.id())),
        ids(&mut v.citations.iter().map(|c| docs.get(c.doc).id.as_str())),
        String::new(),
        String::new(),
    ];
    row(buf, cells.iter().map(String::as_str));
}

/// The row of a case that could not be answered.
pub fn error(buf: &mut Vec<u8>, line: usize, id: &str, check: &str, e: &LineError) {
    let line = line.to_string();
    let mut cells = vec![""; COLUMNS.len()];
    cells[0] = &line;
    cells[1] = id;
    cells[2] = check;
    cells[COLUMNS.len() - 2] = e.code;
    cells[COLUMNS.len() - 1] = &e.message;
    row(buf, cells.into_iter());
}

/// One row, CRLF-ended.
fn row<'a>(buf: &mut Vec<u8>, cells: impl Iterator<Item = &'a str>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            buf.push(b',');
        }
        field(buf, cell);
    }
    buf.extend_from_slice(b"\r\n");
}

/// One field: guarded against formulas, quoted when it must be.
pub fn field(buf: &mut Vec<u8>, cell: &str) {
    let formula = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quote = formula || cell.contains([',', '"', '\n', '\r']) || cell.starts_with(' ');
    if quote {
        buf.push(b'"');
    }
    if formula {
        buf.push(b'\'');
    }
    for part in cell.split_inclusive('"') {
        buf.extend_from_slice(part.as_bytes());
        if part.ends_with('"') {
            buf.push(b'"');
        }
    }
    if quote {
        buf.push(b'"');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(cell: &str) -> String {
        let mut buf = Vec::new();
        field(&mut buf, cell);
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn fields_are_quoted_when_they_must_be_and_never_become_formulas() {
        assert_eq!(shown("plain 文本"), "plain 文本");
        assert_eq!(shown("a,b"), "\"a,b\"");
        assert_eq!(shown("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(shown("two\nlines"), "\"two\nlines\"");
        assert_eq!(shown("=1+1"), "\"'=1+1\"");
        assert_eq!(shown("@SUM(A1)"), "\"'@SUM(A1)\"");
        assert_eq!(shown("-2"), "\"'-2\"");
        assert_eq!(shown("2026-10-16"), "2026-10-16");
    }
}
