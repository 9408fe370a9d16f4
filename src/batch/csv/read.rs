//! Reading cases from CSV: records split by RFC 4180 (quoted fields may hold commas, quotes
//! doubled, and line breaks), each bounded like a JSON Lines line; the header row of fact
//! names (`from`, `--origin-stopped`, `origin_stopped` alike), an optional second row of
//! labels (as `--output csv` writes them), and each case row turned into the same JSON
//! record a JSON Lines line would be.

use std::io::BufRead;

use serde_json::{Map, Value};

use crate::batch::stream::{MAX_LINE_BYTES, Next, next_line};

/// One CSV record as read.
pub enum Record {
    /// The fields.
    Fields(Vec<String>),
    /// Not UTF-8 (the byte offset of the first bad byte in the record).
    NotUtf8(usize),
    /// Longer than `MAX_LINE_BYTES`, or a quote never closed within it.
    TooLong(u64),
}

/// Reads the next record: physical lines joined while a quoted field is open. `None` at
/// the end of the input; `Err` when reading fails or the input holds binary data.
pub fn next_record<R: BufRead>(
    input: &mut R,
    bytes: &mut Vec<u8>,
) -> std::io::Result<Option<Record>> {
    let mut record: Vec<u8> = Vec::new();
    let mut quotes = 0usize;
    let mut started = false;
    loop {
        match next_line(input, bytes)? {
            Next::End if !started => return Ok(None),
            Next::End => break,
            Next::Binary => {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    "binary data (a NUL byte), not CSV text",
                ));
            }
            Next::TooLong(n) => return Ok(Some(Record::TooLong(n))),
            Next::Line => {}
        }
        if started {
            record.push(b'\n');
        }
        started = true;
        quotes += bytes.iter().filter(|&&b| b == b'"').count();
        record.extend_from_slice(bytes);
        if record.len() > MAX_LINE_BYTES {
            return Ok(Some(Record::TooLong(record.len() as u64)));
        }
        // An even number of quotes: every quoted field is closed.
        if quotes.is_multiple_of(2) {
            break;
        }
    }
    Ok(Some(match String::from_utf8(record) {
        Ok(text) => Record::Fields(fields(&text)),
        Err(e) => Record::NotUtf8(e.utf8_error().valid_up_to()),
    }))
}

/// The fields of one record (RFC 4180; lenient: text after a closing quote is kept).
pub fn fields(record: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut field = String::new();
    let mut chars = record.chars().peekable();
    let mut quoted = false;
    let mut at_start = true;
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted => {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    quoted = false;
                }
            }
            '"' if at_start => {
                quoted = true;
                at_start = false;
            }
            ',' if !quoted => {
                out.push(std::mem::take(&mut field));
                at_start = true;
            }
            c => {
                field.push(c);
                at_start = false;
            }
        }
    }
    out.push(field);
    out
}

/// A header cell as a fact name: `--origin-stopped`, `origin-stopped` and `Origin_Stopped`
/// are all `origin_stopped`.
pub fn column_name(cell: &str) -> String {
    cell.trim()
        .trim_start_matches('\u{feff}')
        .trim_start_matches("--")
        .replace('-', "_")
        .to_ascii_lowercase()
}

/// A case row as the JSON record a JSON Lines line would hold: empty cells left out (the
/// fact is unknown), every cell as text (`id` too; a fact that is a number reads its digits).
pub fn record(columns: &[String], row: &[String]) -> String {
    let mut map = Map::new();
    for (name, cell) in columns.iter().zip(row) {
        let cell = cell.trim();
        if cell.is_empty() || name.is_empty() {
            continue;
        }
        map.insert(name.clone(), Value::from(cell));
    }
    // A row with more cells than the header has names is refused as a fact without a name.
    if row.len() > columns.len() && row[columns.len()..].iter().any(|c| !c.trim().is_empty()) {
        map.insert(String::new(), Value::from(row[columns.len()..].join(",")));
    }
    Value::Object(map).to_string()
}

/// A row with nothing in it: skipped, like a blank line.
pub fn blank(row: &[String]) -> bool {
    row.iter().all(|c| c.trim().is_empty())
}

/// Is `row` (the second) a row of labels for `columns`: every known column's cell is empty
/// or its label, and at least one is a label.
pub fn labels(
    columns: &[String],
    row: &[String],
    label: impl Fn(&str) -> Option<[&'static str; 2]>,
) -> bool {
    let mut seen = false;
    for (name, cell) in columns.iter().zip(row) {
        let cell = cell.trim();
        let Some(known) = label(name) else { continue };
        if cell.is_empty() {
            continue;
        }
        if !known.contains(&cell) {
            return false;
        }
        seen = true;
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_hold_commas_quotes_and_line_breaks() {
        assert_eq!(fields(r#"a,"b,c","d""e",,"#), ["a", "b,c", "d\"e", "", ""]);
        let mut input = std::io::Cursor::new("x,\"two\nlines\",y\r\nnext\n".as_bytes());
        let mut buf = Vec::new();
        let Some(Record::Fields(first)) = next_record(&mut input, &mut buf).unwrap() else {
            panic!("a record")
        };
        assert_eq!(first, ["x", "two\nlines", "y"]);
        let Some(Record::Fields(second)) = next_record(&mut input, &mut buf).unwrap() else {
            panic!("a record")
        };
        assert_eq!(second, ["next"]);
        assert!(next_record(&mut input, &mut buf).unwrap().is_none());
    }

    #[test]
    fn header_cells_name_facts_however_the_flag_is_written() {
        for cell in [
            "--origin-stopped",
            "origin-stopped",
            " Origin_Stopped ",
            "\u{feff}origin_stopped",
        ] {
            assert_eq!(column_name(cell), "origin_stopped");
        }
    }

    #[test]
    fn a_row_becomes_a_record_without_its_empty_cells() {
        let columns: Vec<String> = ["check", "id", "from", "continuous_years", "last_paid"]
            .map(String::from)
            .to_vec();
        let row: Vec<String> = ["transfer", "7", "西安", "3", ""]
            .map(String::from)
            .to_vec();
        assert_eq!(
            record(&columns, &row),
            r#"{"check":"transfer","id":"7","from":"西安","continuous_years":"3"}"#
        );
    }
}
