//! A verdict laid out for a screen, top-down in the order a person acts on it: the
//! conclusion (coloured by outcome when colour is on), its key facts, what to do next
//! (blockers or conditions with their fixes, else the first step), the deadlines, then the
//! steps, papers, what carries over, notes, warnings, and a compact sources block with one
//! line per document. Every line fits the layout's width. The unverified mark is shown once
//! where it matters: on a section's heading when all its items rest on reports, else on the
//! few items that do, with its legend at the top of the sources. `--explain` shows the full
//! per-item trace instead (every item marked, key facts and deadlines as tables, the rule
//! trace, every source with its articles); `--sources` the full sources alone. At a terminal
//! the last lines repeat the conclusion and the next deadline. Nothing here decides anything.

use std::fmt::Write as _;

use super::layout::Layout;
use super::wire::{CitationJson, DeadlineJson, ItemJson, VerdictJson};
use super::words::{channel, place, push_lines as lines, unverified_mark, who};
use super::wrap::{one_line, width, wrap};
use super::{t, table};
use crate::text::Lang;
use crate::vocab::Outcome;

/// Lines the default view aims to fit in, the repeated conclusion at a terminal included:
/// a 40-row terminal shows most of it, and the top and the bottom hold what matters.
pub const SCREEN_LINES: usize = 50;

/// How much a section of lesser urgency is shortened to fit the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fold {
    /// Every item in full.
    Full,
    /// One line per item, cut with "…" (in full with `--explain`).
    OneLine,
    /// Only the heading and how many items (listed with `--explain`).
    Count,
}

/// One way of shortening the default view.
#[derive(Debug, Clone, Copy)]
struct Condense {
    /// A blank line between sections.
    blank: bool,
    materials: Fold,
    carries_over: Fold,
    notes: Fold,
}

/// The ways of shortening, tried in order until the plan fits: first the blank lines, then
/// the notes and what carries over one line per item, then as a count, and last the papers
/// one line each. The conclusion, next step, deadlines, steps, warnings and sources are never
/// shortened.
const LEVELS: [Condense; 7] = [
    Condense::new(true, Fold::Full, Fold::Full, Fold::Full),
    Condense::new(false, Fold::Full, Fold::Full, Fold::Full),
    Condense::new(false, Fold::Full, Fold::Full, Fold::OneLine),
    Condense::new(false, Fold::Full, Fold::OneLine, Fold::OneLine),
    Condense::new(false, Fold::Full, Fold::OneLine, Fold::Count),
    Condense::new(false, Fold::Full, Fold::Count, Fold::Count),
    Condense::new(false, Fold::OneLine, Fold::Count, Fold::Count),
];

impl Condense {
    const fn new(blank: bool, materials: Fold, carries_over: Fold, notes: Fold) -> Condense {
        Condense {
            blank,
            materials,
            carries_over,
            notes,
        }
    }
}

/// A verdict for people, laid out for `layout`: in full under `--explain`, else shortened
/// only as far as it takes to fit `SCREEN_LINES`.
pub fn plan(v: &VerdictJson, lang: Lang, explain: bool, layout: &Layout) -> String {
    if explain {
        return render(v, lang, true, layout, LEVELS[0]);
    }
    // After a walk-through nothing is folded away behind a flag: the person scrolls, and
    // the last lines repeat the conclusion.
    if v.voice == super::text::Voice::Walk {
        return render(v, lang, false, layout, LEVELS[1]);
    }
    let mut out = String::new();
    for level in LEVELS {
        out = render(v, lang, false, layout, level);
        if out.lines().count() <= SCREEN_LINES {
            break;
        }
    }
    out
}

/// Section headings, with a blank line between sections when there is room.
struct Sections {
    blank: bool,
    /// The width headings wrap at.
    w: usize,
    /// A section is already shown (none needs a blank line before the first).
    started: bool,
}

impl Sections {
    fn heading(&mut self, out: &mut String, title: &str) {
        self.start(out);
        for line in wrap(title, "", 2, self.w) {
            let _ = writeln!(out, "{}", console::style(line).bold());
        }
    }

    /// A heading with the unverified mark when `all` the section's items are unverified.
    fn marked(&mut self, out: &mut String, lang: Lang, title: &str, all: bool) {
        self.heading(out, &format!("{title}{}", unverified_mark(lang, all)));
    }

    /// Starts a section: a blank line before it unless it is the first.
    fn start(&mut self, out: &mut String) {
        if std::mem::replace(&mut self.started, true) && self.blank {
            out.push('\n');
        }
    }
}

fn render(v: &VerdictJson, lang: Lang, explain: bool, layout: &Layout, c: Condense) -> String {
    let w = layout.width;
    // Per-item marks under --explain; once per section otherwise.
    let each = explain;
    let mut out = String::new();
    conclusion(&mut out, v, lang, w);
    facts(&mut out, v, explain, lang, w);
    // What to do next, deadlines and steps stand apart from the conclusion.
    out.push('\n');
    let mut sections = Sections {
        blank: c.blank,
        w,
        started: false,
    };
    let list = |fold| List { each, fold, w };
    let first = [
        (t(lang, "需先解决", "Blockers"), &v.blockers),
        (t(lang, "取决于", "Depends on"), &v.conditions),
    ];
    for (title, items) in first.into_iter().filter(|(_, l)| !l.is_empty()) {
        list(Fold::Full).show(&mut out, lang, title, items, true, &mut sections);
    }
    // The first step, when the deadlines stand between it and the steps (and no key fact
    // already names the next step).
    let said = v.lines.iter().any(|l| l.id == "next_step");
    let apart = !v.deadlines.is_empty();
    if !explain && apart && !said && v.blockers.is_empty() && v.conditions.is_empty() {
        next(&mut out, v, lang, w, &mut sections);
    }
    deadlines(&mut out, v, lang, explain, w, &mut sections);
    steps(&mut out, v, lang, each, w, &mut sections);
    let rest = [
        (
            t(lang, "需携带/准备的材料", "Materials"),
            &v.materials,
            c.materials,
        ),
        (
            t(lang, "随转移带走的", "What carries over"),
            &v.carries_over,
            c.carries_over,
        ),
        (t(lang, "须知", "Notes"), &v.notes, c.notes),
    ];
    for (title, items, fold) in rest {
        if !items.is_empty() {
            list(fold).show(&mut out, lang, title, items, false, &mut sections);
        }
    }
    if !v.warnings.is_empty() {
        sections.heading(&mut out, t(lang, "提醒", "Warnings"));
        for warning in &v.warnings {
            lines(&mut out, wrap(warning, "  ! ", 4, w));
        }
    }
    if let Some(trace) = v.trace.as_ref().filter(|t| explain && !t.is_empty()) {
        sections.heading(&mut out, t(lang, "判断过程", "Rule trace"));
        for e in trace {
            let mark = if e.holds { "✓" } else { "✗" };
            // Ids in a column when the width leaves room for the detail beside them.
            let pad = if w >= 80 { 28 } else { 0 };
            let first = format!("  {mark} {:<pad$} ", e.id);
            lines(&mut out, wrap(&e.detail, &first, 4, w));
        }
    }
    if explain || layout.full_sources {
        super::words::sources(&mut out, lang, &v.citations);
    } else {
        sources(&mut out, v, lang, w, &mut sections);
    }
    if layout.terminal {
        // Set apart by a blank line while there is room for blank lines.
        if c.blank || explain {
            out.push('\n');
        }
        footer(&mut out, v, lang, layout, w);
    }
    out
}

/// The outcome's word, coloured when colour is on.
fn outcome_word(o: Outcome, lang: Lang) -> String {
    let word = super::text::outcome(o);
    let word = word.get(lang);
    let styled = console::style(word).bold();
    match o {
        Outcome::Yes => styled.green(),
        Outcome::No => styled.red(),
        Outcome::Conditional => styled.yellow(),
    }
    .to_string()
}

/// "结论: 可以 — …", wrapped; the label bold and the outcome coloured.
fn conclusion(out: &mut String, v: &VerdictJson, lang: Lang, w: usize) {
    let label = t(lang, "结论:", "Outcome:");
    let word = super::text::outcome(v.outcome);
    let word = word.get(lang);
    let plain = format!("{label} {word}");
    let text = format!("{word} — {}", v.summary);
    for (i, line) in wrap(&text, &format!("{label} "), 2, w)
        .into_iter()
        .enumerate()
    {
        match line.strip_prefix(&plain).filter(|_| i == 0) {
            Some(rest) => {
                let label = console::style(label).bold();
                let _ = writeln!(out, "{label} {}{rest}", outcome_word(v.outcome, lang));
            }
            None => {
                out.push_str(&line);
                out.push('\n');
            }
        }
    }
}

/// The key facts: a table under `--explain`, else one "label: value" line each.
fn facts(out: &mut String, v: &VerdictJson, explain: bool, lang: Lang, w: usize) {
    if v.lines.is_empty() {
        return;
    }
    out.push('\n');
    if explain {
        let mut tb = table::new(&[t(lang, "项目", "item"), t(lang, "内容", "value")]);
        for l in &v.lines {
            tb.add_row(vec![&*l.label, l.value.as_str()]);
        }
        out.push_str(&table::finish(&tb));
        return;
    }
    // One flowing paragraph of "label: value" pieces; a value the conclusion or a deadline
    // (how it is counted) already states is not repeated.
    let counted: Vec<String> = v.deadlines.iter().map(|d| counted(d, lang)).collect();
    let stated =
        |value: &str| v.summary.contains(value) || counted.iter().any(|c| c.contains(value));
    let shown: Vec<String> = (v.lines.iter())
        .filter(|l| !stated(&l.value))
        .map(|l| format!("{}: {}", l.label, l.value))
        .collect();
    if !shown.is_empty() {
        lines(out, flow(&shown, "  ", 2, w));
    }
}

/// Pieces on as few lines as fit, " · " between them; a piece starts a new line rather
/// than break, unless it is wider than a line.
fn flow(pieces: &[String], first: &str, indent: usize, w: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut line = first.to_string();
    let mut fresh = true;
    for p in pieces {
        let piece_width = width(p);
        if !fresh && width(&line) + 3 + piece_width <= w {
            line.push_str(" · ");
            line.push_str(p);
            continue;
        }
        if !fresh {
            out.push(std::mem::take(&mut line));
            line = " ".repeat(indent);
        }
        let mut wrapped = wrap(p, &line, indent + 2, w);
        line = wrapped.pop().unwrap_or_default();
        out.extend(wrapped);
        fresh = false;
    }
    out.push(line);
    out
}

/// How a list of statements is shown.
struct List {
    /// Every unverified item marked (`--explain`), rather than once per section.
    each: bool,
    fold: Fold,
    w: usize,
}

impl List {
    /// The heading, marked when every item is unverified (unless `each`), then the items,
    /// marked when unverified and not all are, with how to clear them.
    fn show(
        &self,
        out: &mut String,
        lang: Lang,
        title: &str,
        list: &[ItemJson],
        numbered: bool,
        sections: &mut Sections,
    ) {
        let w = self.w;
        let all = !self.each && list.iter().all(|i| i.unverified);
        let mark = unverified_mark(lang, all);
        let title = match self.fold {
            Fold::Full => format!("{title}{mark}"),
            Fold::OneLine => {
                // Say where the rest is only when something was cut.
                let cut = list.iter().any(|i| {
                    let text = format!("{}{}", i.text, unverified_mark(lang, i.unverified && !all));
                    width(&text) + 4 > w || i.fix.is_some()
                });
                let hint = t(lang, " — 全文: --explain", " — in full: --explain");
                format!("{title}{mark}{}", if cut { hint } else { "" })
            }
            Fold::Count => {
                let n = list.len();
                let more = match lang {
                    Lang::Zh => format!(" — {n} 条,用 --explain 查看"),
                    Lang::En => format!(" — {n}, listed with --explain"),
                };
                format!("{title}{mark}{more}")
            }
        };
        sections.heading(out, &title);
        if self.fold == Fold::Count {
            return;
        }
        for (i, item) in list.iter().enumerate() {
            let bullet = if numbered {
                format!("  {}. ", i + 1)
            } else {
                "  - ".to_string()
            };
            let indent = width(&bullet);
            let text = format!(
                "{}{}",
                item.text,
                unverified_mark(lang, item.unverified && !all)
            );
            if self.fold == Fold::OneLine {
                let _ = writeln!(out, "{}", one_line(&text, &bullet, w));
                continue;
            }
            lines(out, wrap(&text, &bullet, indent, w));
            if let Some(fix) = &item.fix {
                let first = format!("{}→ ", " ".repeat(indent));
                lines(out, wrap(fix, &first, indent + 2, w));
            }
        }
    }
}

/// For an answer with nothing to clear first: the first step, on one line.
fn next(out: &mut String, v: &VerdictJson, lang: Lang, w: usize, sections: &mut Sections) {
    let Some(step) = v.steps.first() else {
        return;
    };
    sections.start(out);
    let label = t(lang, "下一步:", "Next:");
    let first = format!("{} ", console::style(label).bold());
    let shown = one_line(&step.text, &format!("{label} "), w);
    let rest = shown.strip_prefix(&format!("{label} ")).unwrap_or(&shown);
    let _ = writeln!(out, "{first}{rest}");
}

/// How a deadline is counted.
fn counted(d: &DeadlineJson, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{} 后第 {} 个工作日", d.from, d.working_days),
        Lang::En => format!("{} working days after {}", d.working_days, d.from),
    }
}

fn deadlines(
    out: &mut String,
    v: &VerdictJson,
    lang: Lang,
    explain: bool,
    w: usize,
    sections: &mut Sections,
) {
    if v.deadlines.is_empty() {
        return;
    }
    let all = !explain && v.deadlines.iter().all(|d| d.unverified);
    sections.marked(out, lang, t(lang, "期限", "Deadlines"), all);
    let estimate = t(lang, " (估算)", " (estimate)");
    if explain {
        let mut tb = table::new(&[
            t(lang, "事项", "what"),
            t(lang, "最迟日期", "by"),
            t(lang, "计算方法", "how counted"),
        ]);
        for d in &v.deadlines {
            let mut date = d.date.to_string();
            if d.estimated {
                date.push_str(estimate);
            }
            let how = format!(
                "{}{}",
                counted(d, lang),
                unverified_mark(lang, d.unverified)
            );
            tb.add_row(vec![d.label.to_string(), date, how]);
        }
        out.push_str(&table::finish(&tb));
        return;
    }
    for d in &v.deadlines {
        let est = if d.estimated { estimate } else { "" };
        let first = format!("  {}{est}  ", d.date);
        let text = format!(
            "{} ({}){}",
            d.label,
            counted(d, lang),
            unverified_mark(lang, d.unverified && !all)
        );
        let indent = width(&first).min(w / 3);
        lines(out, wrap(&text, &first, indent, w));
    }
}

fn steps(
    out: &mut String,
    v: &VerdictJson,
    lang: Lang,
    each: bool,
    w: usize,
    sections: &mut Sections,
) {
    if v.steps.is_empty() {
        return;
    }
    let all = !each && v.steps.iter().all(|s| s.unverified);
    sections.marked(out, lang, t(lang, "办理步骤", "Steps"), all);
    // Waiting for an agency is a deadline above: not repeated as a step here.
    let waits = |id: &str| {
        !each
            && id
                .strip_prefix("wait_")
                .is_some_and(|d| v.deadlines.iter().any(|x| x.id == d))
    };
    let shown: Vec<_> = v.steps.iter().filter(|s| !waits(s.id)).collect();
    let digits = shown.len().to_string().len();
    for (i, s) in shown.into_iter().enumerate() {
        let bullet = format!("  {:>digits$}. ", i + 1);
        let text = format!(
            "[{}·{}·{}] {}{}",
            place(lang, s.place),
            channel(lang, s.channel),
            who(lang, s.who),
            s.text,
            unverified_mark(lang, s.unverified && !all)
        );
        lines(out, wrap(&text, &bullet, width(&bullet), w));
    }
}

/// The legend for the mark, then one line per document: number, title, date, and the mark
/// on those only reported (on the heading when all are).
fn sources(out: &mut String, v: &VerdictJson, lang: Lang, w: usize, sections: &mut Sections) {
    if v.citations.is_empty() {
        return;
    }
    let reported = |c: &CitationJson| c.evidence == "reported";
    // Like any section: marked once on the heading when every document is only reported.
    let all = v.citations.iter().all(reported);
    sections.marked(out, lang, t(lang, "依据", "Sources"), all);
    let marked = v.citations.iter().any(reported)
        || v.steps.iter().any(|s| s.unverified)
        || v.deadlines.iter().any(|d| d.unverified)
        || [
            &v.blockers,
            &v.conditions,
            &v.materials,
            &v.carries_over,
            &v.notes,
        ]
        .iter()
        .any(|l| l.iter().any(|i| i.unverified));
    let legend = if marked {
        t(
            lang,
            "标“待核对”的仅见于转载,办理前向当地医保经办机构确认;条文: --sources",
            "\"unverified\": seen in secondary reports only; confirm with the local agency; articles: --sources",
        )
    } else {
        t(lang, "条文: --sources", "articles: --sources")
    };
    lines(out, wrap(legend, "  ", 2, w));
    for c in v.citations.iter() {
        let suffix = format!(
            " {}{}",
            c.published,
            unverified_mark(lang, reported(c) && !all)
        );
        let mut name = String::new();
        if !c.doc_no.is_empty() {
            name.push_str(c.doc_no);
            name.push(' ');
        }
        let _ = write!(name, "《{}》", c.title);
        if c.doc_no.is_empty() {
            let _ = write!(name, " {}", c.issuer);
        }
        let room = w.saturating_sub(width(&suffix)).max(8);
        let _ = writeln!(out, "{}{suffix}", one_line(&name, "  - ", room));
    }
}

/// At a terminal: the conclusion and the next deadline again, so they stay on screen.
fn footer(out: &mut String, v: &VerdictJson, lang: Lang, layout: &Layout, w: usize) {
    let label = t(lang, "结论:", "Outcome:");
    let word = super::text::outcome(v.outcome);
    let word = word.get(lang);
    let plain = format!("{label} {word} — ");
    let line = one_line(&v.summary, &plain, w);
    let rest = line.strip_prefix(&plain).unwrap_or(&line);
    let _ = writeln!(
        out,
        "{} {} — {rest}",
        console::style(label).bold(),
        outcome_word(v.outcome, lang)
    );
    // A blocked person cannot apply yet: the agencies' limits are not theirs to watch.
    let upcoming = (v.deadlines.iter())
        .filter(|_| v.outcome != Outcome::No)
        .filter(|d| layout.on.is_none_or(|on| d.date >= on))
        .min_by_key(|d| d.date);
    if let Some(d) = upcoming {
        let label = t(lang, "下一个期限:", "Next deadline:");
        let first = format!("{label} {} ", d.date);
        let line = one_line(d.label, &first, w);
        let rest = line.strip_prefix(&first).unwrap_or(&line);
        let _ = writeln!(out, "{} {} {rest}", console::style(label).bold(), d.date);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::wire::{CitationJson, ItemJson, JsonText, StepJson};
    use crate::text::Str;
    use crate::vocab::{Channel, Place, Who};

    fn item(text: &'static str, unverified: bool) -> ItemJson<'static> {
        ItemJson {
            id: text,
            text: JsonText::made(text),
            fix: None,
            cite: None,
            unverified,
            evidence: None,
        }
    }

    fn citation(id: &'static str, evidence: &'static str) -> CitationJson<'static> {
        static ARTICLE: Str = Str::Static("第二条");
        CitationJson {
            id,
            title: JsonText::made("办法"),
            doc_no: "",
            issuer: JsonText::made("国家医疗保障局"),
            published: chrono::NaiveDate::from_ymd_opt(2021, 11, 1).unwrap(),
            url: "",
            evidence,
            articles: vec![&ARTICLE],
        }
    }

    fn verdict(materials: Vec<ItemJson<'static>>) -> VerdictJson<'static> {
        VerdictJson {
            schema: "yibao.test/1",
            line: None,
            id: None,
            outcome: Outcome::Yes,
            summary: "可以".into(),
            lines: Vec::new(),
            blockers: Vec::new().into(),
            conditions: Vec::new().into(),
            steps: vec![StepJson {
                id: "apply",
                place: Place::Either,
                channel: Channel::Online,
                who: Who::Person,
                text: JsonText::made("在 App 申请"),
                cite: None,
                unverified: false,
                evidence: None,
            }],
            materials: materials.into(),
            deadlines: Vec::new(),
            carries_over: Vec::new().into(),
            notes: Vec::new().into(),
            warnings: Vec::new(),
            citations: vec![
                citation("official-doc", "official"),
                citation("web-page", "reported"),
            ]
            .into(),
            trace: None,
            decided_by_reports: Default::default(),
            voice: Default::default(),
        }
    }

    fn shown(v: &VerdictJson, explain: bool) -> String {
        plan(v, Lang::Zh, explain, &Layout::default())
    }

    #[test]
    fn only_the_unverified_items_are_marked_when_some_are() {
        let v = verdict(vec![item("身份证", false), item("社保卡", true)]);
        let out = shown(&v, false);
        assert!(out.contains("\n需携带/准备的材料\n"), "{out}");
        assert!(
            out.contains("  - 身份证\n") && out.contains("  - 社保卡 (待核对)\n"),
            "{out}"
        );
        assert!(
            out.contains("  1. [两地均可·线上·本人] 在 App 申请\n"),
            "{out}"
        );
        // Only the reported document is marked, under the legend.
        let sources = &out[out.find("依据").unwrap()..];
        assert!(
            sources.lines().nth(1).unwrap().contains("待核对"),
            "{sources}"
        );
        assert!(
            sources.contains("《办法》 国家医疗保障局 2021-11-01\n"),
            "{sources}"
        );
        assert!(
            sources.contains("《办法》 国家医疗保障局 2021-11-01 (待核对)\n"),
            "{sources}"
        );
    }

    #[test]
    fn a_section_resting_only_on_reports_is_marked_once_on_its_heading() {
        let v = verdict(vec![item("身份证", true), item("社保卡", true)]);
        let out = shown(&v, false);
        assert!(
            out.contains("\n需携带/准备的材料 (待核对)\n  - 身份证\n  - 社保卡\n"),
            "{out}"
        );
        // --explain marks each.
        let explain = shown(&v, true);
        assert!(
            explain.contains("  - 身份证 (待核对)\n  - 社保卡 (待核对)\n"),
            "{explain}"
        );
    }

    #[test]
    fn without_anything_unverified_there_is_no_legend() {
        let mut v = verdict(vec![item("身份证", false)]);
        v.citations = vec![citation("official-doc", "official")].into();
        let out = shown(&v, false);
        assert!(!out.contains("待核对"), "{out}");
    }
}
