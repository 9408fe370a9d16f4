//! `--format text`: a short plain message to paste into a chat for a parent: the outcome,
//! what to clear first, at most eight steps, the dates. No tables, no markup, no sources
//! and no per-item marks (the full plan has them; the last line says to confirm).

use std::fmt::Write as _;

use crate::render::text::{self, print as words};
use crate::render::wire::TransferJson;
use crate::text::Lang;

/// Most steps in the message.
pub const MAX_STEPS: usize = 8;

/// The message.
pub fn message(p: &TransferJson, lang: Lang) -> String {
    let v = &p.verdict;
    let mut out = String::new();
    let _ = writeln!(out, "{}", words::message_title(&p.from, &p.to, lang));
    let outcome = text::outcome(v.outcome);
    let _ = writeln!(
        out,
        "{}",
        words::outcome_line(outcome.get(lang), &v.summary, lang)
    );
    if let Some(st) = &p.status {
        let _ = writeln!(out, "{}: {}", words::status(lang), st.text);
    }
    for (title, items) in [
        (words::blockers(lang), &v.blockers),
        (words::conditions(lang), &v.conditions),
    ] {
        if items.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{title}:");
        for item in items.iter() {
            let _ = write!(out, "- {}", item.text);
            if let Some(fix) = &item.fix {
                let _ = write!(out, " → {fix}");
            }
            out.push('\n');
        }
    }
    if !v.steps.is_empty() {
        let _ = writeln!(out, "\n{}", words::to_do(lang));
        for (i, s) in v.steps.iter().take(MAX_STEPS).enumerate() {
            let _ = writeln!(out, "{}. {}", i + 1, s.text);
        }
        if v.steps.len() > MAX_STEPS {
            let _ = writeln!(
                out,
                "{}",
                words::more_steps(v.steps.len() - MAX_STEPS, lang)
            );
        }
    }
    if !v.deadlines.is_empty() {
        let _ = writeln!(out, "\n{}", words::dates(lang));
        for d in &v.deadlines {
            let _ = writeln!(
                out,
                "- {}",
                words::by_date(d.label, d.date, d.estimated, lang)
            );
        }
    }
    let _ = writeln!(out, "\n{}", words::confirm(lang));
    out
}
