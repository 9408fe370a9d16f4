//! iCalendar (RFC 5545) files for `--ics FILE`: one all-day event per date that matters
//! (`events`), each with a separate reminder event a few working days before it, since a
//! subscribed or imported calendar may drop alarms. This module only writes the format:
//! CRLF line ends, lines folded at 75 octets without splitting a UTF-8 character, and TEXT
//! values escaped (`\\`, `\;`, `\,`, `\n`). Nothing here reads the clock: the stamp is the
//! request's date, so the same question gives the same file.

pub mod events;

use chrono::NaiveDate;

/// One all-day event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Globally unique and stable: the same case and date kind give the same UID, so a
    /// calendar importing the file again updates the event instead of adding a second one.
    pub uid: String,
    /// The day (all-day: `DTSTART;VALUE=DATE`, `DTEND` the day after).
    pub date: NaiveDate,
    pub summary: String,
    pub description: String,
    /// Comma-free keywords (`CATEGORIES`).
    pub category: &'static str,
}

/// The whole calendar file for `events`, stamped with `stamp` (the request's date).
pub fn document(events: &[Event], stamp: NaiveDate, name: &str) -> String {
    let mut out = String::new();
    let mut line = |s: &str| push_folded(&mut out, s);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line(&format!(
        "PRODID:-//yibao//yibao {}//ZH",
        env!("CARGO_PKG_VERSION")
    ));
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    line(&format!("X-WR-CALNAME:{}", escape(name)));
    for e in events {
        line("BEGIN:VEVENT");
        line(&format!("UID:{}", e.uid));
        line(&format!("DTSTAMP:{}T000000Z", compact(stamp)));
        line(&format!("DTSTART;VALUE=DATE:{}", compact(e.date)));
        let next = e.date.succ_opt().unwrap_or(e.date);
        line(&format!("DTEND;VALUE=DATE:{}", compact(next)));
        line(&format!("SUMMARY:{}", escape(&e.summary)));
        line(&format!("DESCRIPTION:{}", escape(&e.description)));
        line(&format!("CATEGORIES:{}", escape(e.category)));
        // An all-day date to keep in mind, not time to block.
        line("TRANSP:TRANSPARENT");
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    out
}

/// `YYYYMMDD`.
fn compact(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

/// A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newlines escaped; other
/// control characters, which the format does not allow, dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line folded to at most 75 octets a line (a continuation starts with
/// one space, which counts), never inside a UTF-8 character, each line ended by CRLF.
fn push_folded(out: &mut String, line: &str) {
    const MAX: usize = 75;
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > MAX {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn text_values_escape_the_separators_and_newlines() {
        assert_eq!(escape("a,b;c\\d\ne\r\nf"), "a\\,b\\;c\\\\d\\ne\\nf");
        assert_eq!(escape("bell\u{7}"), "bell");
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_a_character() {
        let mut out = String::new();
        let text = format!("SUMMARY:{}", "转出地办结转出".repeat(20));
        push_folded(&mut out, &text);
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        // Unfolding gives the line back.
        assert_eq!(out.replace("\r\n ", "").trim_end(), text);
        // Exactly 75 octets stay on one line.
        let mut out = String::new();
        push_folded(&mut out, &"x".repeat(75));
        assert_eq!(out, format!("{}\r\n", "x".repeat(75)));
    }

    #[test]
    fn an_event_is_all_day_with_crlf_lines() {
        let e = Event {
            uid: "u@yibao".into(),
            date: day("2026-12-31"),
            summary: "s".into(),
            description: "d".into(),
            category: "yibao",
        };
        let doc = document(&[e], day("2026-10-01"), "n");
        assert!(doc.contains("DTSTART;VALUE=DATE:20261231\r\n"));
        assert!(doc.contains("DTEND;VALUE=DATE:20270101\r\n"));
        assert!(doc.contains("DTSTAMP:20261001T000000Z\r\n"));
        assert!(!doc.replace("\r\n", "").contains('\n'));
        assert!(doc.ends_with("END:VCALENDAR\r\n"));
    }
}
