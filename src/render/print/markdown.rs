//! `--format md`: the plan as one printable Markdown page. The person's facts, what to
//! clear first, the steps and papers as checklists, the deadlines as a table, the sources
//! one line each (their articles and addresses stay in `--json` and the full plan). Where
//! everything rests on reports only, that is said once under the outcome instead of on
//! every line.

use std::fmt::Write as _;

use crate::render::text::{self, print as words};
use crate::render::verdict::{channel, unverified_mark};
use crate::render::wire::{ItemJson, TransferJson};
use crate::render::words::{place, who};
use crate::text::Lang;

/// The page.
pub fn page(p: &TransferJson, lang: Lang) -> String {
    let v = &p.verdict;
    // Mark single items only when some are verified and some are not.
    let all = all_unverified(p);
    let mark = |unverified: bool| unverified_mark(lang, unverified && !all);
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md(&words::title(&p.from, &p.to, lang)));
    let _ = writeln!(
        out,
        "**{}: {}** — {}",
        words::outcome(lang),
        text::outcome(v.outcome).get(lang),
        md(&v.summary)
    );
    if all {
        let _ = writeln!(out, "\n{}", md(words::all_unverified(lang)));
    }

    heading(&mut out, words::facts(lang));
    for l in &v.lines {
        let _ = writeln!(out, "- **{}**: {}", md(&l.label), md(&l.value));
    }
    if let Some(file) = p.plan_file {
        let _ = writeln!(out, "- **{}**: {}", words::plan_file(lang), md(file));
    }
    if let Some(st) = &p.status {
        let _ = writeln!(out, "- **{}**: {}", words::status(lang), md(&st.text));
    }

    checklist(&mut out, &mark, words::blockers(lang), &v.blockers);
    checklist(&mut out, &mark, words::conditions(lang), &v.conditions);

    if !v.steps.is_empty() {
        heading(&mut out, words::steps(lang));
        for (i, s) in v.steps.iter().enumerate() {
            let _ = writeln!(
                out,
                "- [ ] {}. {}{} *({} · {} · {})*",
                i + 1,
                md(&s.text),
                mark(s.unverified),
                place(lang, s.place),
                channel(lang, s.channel),
                who(lang, s.who),
            );
        }
    }
    checklist(&mut out, &mark, words::materials(lang), &v.materials);

    if !v.deadlines.is_empty() {
        heading(&mut out, words::deadlines(lang));
        let [what, by, how] = words::deadline_columns(lang);
        let _ = writeln!(out, "| {what} | {by} | {how} |\n| --- | --- | --- |");
        for d in &v.deadlines {
            let _ = writeln!(
                out,
                "| {}{} | **{}** | {} |",
                md(d.label),
                mark(d.unverified),
                d.date,
                md(&words::counted(d.from, d.working_days, d.estimated, lang)),
            );
        }
    }

    if !v.warnings.is_empty() {
        heading(&mut out, words::warnings(lang));
        for w in &v.warnings {
            let _ = writeln!(out, "- {}", md(w));
        }
    }

    if !v.citations.is_empty() {
        heading(&mut out, words::sources(lang));
        for c in v.citations.iter() {
            let number = if c.doc_no.is_empty() {
                String::new()
            } else {
                format!("{} ", md(c.doc_no))
            };
            let _ = writeln!(
                out,
                "- {number}《{}》 {}, {}{}",
                md(&c.title),
                md(&c.issuer),
                c.published,
                mark(c.evidence == "reported")
            );
        }
        if !all && v.citations.iter().any(|c| c.evidence == "reported") {
            let _ = writeln!(out, "\n{}", md(words::unverified_note(lang)));
        }
    }
    let _ = writeln!(out, "\n---\n\n*{}*", md(words::made_by(lang)));
    out
}

fn heading(out: &mut String, title: &str) {
    let _ = writeln!(out, "\n## {}", md(title));
}

/// Every step, paper, deadline and source rests on reports only.
fn all_unverified(p: &TransferJson) -> bool {
    let v = &p.verdict;
    let mut marks = (v.steps.iter().map(|s| s.unverified))
        .chain(v.materials.iter().map(|m| m.unverified))
        .chain(v.deadlines.iter().map(|d| d.unverified))
        .chain(v.citations.iter().map(|c| c.evidence == "reported"))
        .peekable();
    marks.peek().is_some() && marks.all(|u| u)
}

/// Items as a checklist, each fix under its item.
fn checklist(
    out: &mut String,
    mark: &dyn Fn(bool) -> &'static str,
    title: &str,
    items: &[ItemJson],
) {
    if items.is_empty() {
        return;
    }
    heading(out, title);
    for item in items {
        let _ = writeln!(out, "- [ ] {}{}", md(&item.text), mark(item.unverified));
        if let Some(fix) = &item.fix {
            let _ = writeln!(out, "  → {}", md(fix));
        }
    }
}

/// Text from the rules or the person, made inert in Markdown: the characters that would
/// start emphasis, code, links, HTML, headings or table cells are escaped, and a line break
/// becomes a space (one item stays one line).
pub fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\r' | '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::md;

    #[test]
    fn markup_in_texts_is_escaped() {
        assert_eq!(md("a|b *c* <x> [l](u)"), "a\\|b \\*c\\* \\<x\\> \\[l\\](u)");
        assert_eq!(md("一\n二"), "一 二");
    }
}
