//! A `Verdict` for people: the outcome first, then key figures, blockers with their fixes,
//! conditions, ordered steps, materials, deadlines, notes and the documents it rests on.

use std::fmt::Write as _;

use serde_json::Value;

use super::wire::{
    BalanceJson, CitationJson, DentalJson, ItemJson, MergeJson, Origin, RefundJson, TransferJson,
    VerdictJson,
};
use super::{Report, t, table};
use crate::checks::{balance, dental, merge, refund, transfer};
use crate::rules::RuleSet;
use crate::text::Lang;
use crate::vocab::{Channel, Place, Who};

/// A typed answer with the rules it rests on, ready to show either way: its wire type
/// (`--json`) and, from the same localized view, the text for people.
macro_rules! answer_report {
    ($(#[$doc:meta])* $name:ident, $answer:ty, $wire:ident) => {
        $(#[$doc])*
        pub struct $name<'r> {
            pub answer: $answer,
            pub rules: &'r RuleSet,
        }

        impl $name<'_> {
            pub fn wire(&self, lang: Lang, explain: bool) -> $wire<'_> {
                $wire::new(&self.answer, self.rules, lang, explain, Origin::default())
            }
        }

        impl Report for $name<'_> {
            fn schema(&self) -> &'static str {
                self.wire(Lang::Zh, false).verdict.schema
            }

            fn json(&self, _explain: bool) -> Value {
                Value::Null
            }

            fn json_text(&self, lang: Lang, explain: bool) -> String {
                let mut s = serde_json::to_string_pretty(&self.wire(lang, explain))
                    .unwrap_or_default();
                s.push('\n');
                s
            }

            fn human(&self, lang: Lang, explain: bool) -> String {
                show(&self.wire(lang, explain).verdict, lang, explain)
            }

            fn exit_code(&self) -> i32 {
                self.answer.verdict.outcome.exit_code()
            }
        }
    };
}

answer_report!(
    /// `yibao transfer` and `yibao status`.
    TransferReport,
    transfer::Answer<'r>,
    TransferJson
);
answer_report!(
    /// `yibao balance`.
    BalanceReport,
    balance::Answer<'r>,
    BalanceJson
);
answer_report!(
    /// `yibao refund`.
    RefundReport,
    refund::Answer<'r>,
    RefundJson
);
answer_report!(
    /// `yibao dental`.
    DentalReport,
    dental::Answer<'r>,
    DentalJson
);
answer_report!(
    /// `yibao merge`.
    MergeReport,
    merge::Answer<'r>,
    MergeJson
);

/// `yibao status PLAN`: the saved transfer evaluated again, naming the plan file.
pub struct StatusReport<'r> {
    pub transfer: TransferReport<'r>,
    pub plan_file: String,
}

impl StatusReport<'_> {
    fn wire(&self, lang: Lang, explain: bool) -> TransferJson<'_> {
        let mut doc = self.transfer.wire(lang, explain);
        doc.plan_file = Some(&self.plan_file);
        doc
    }
}

impl Report for StatusReport<'_> {
    fn schema(&self) -> &'static str {
        transfer::SCHEMA
    }

    fn json(&self, _explain: bool) -> Value {
        Value::Null
    }

    fn json_text(&self, lang: Lang, explain: bool) -> String {
        let mut s = serde_json::to_string_pretty(&self.wire(lang, explain)).unwrap_or_default();
        s.push('\n');
        s
    }

    fn human(&self, lang: Lang, explain: bool) -> String {
        self.transfer.human(lang, explain)
    }

    fn exit_code(&self) -> i32 {
        self.transfer.exit_code()
    }
}

/// " (待核对)" after statements resting only on reported sources.
pub fn unverified_mark(lang: Lang, unverified: bool) -> &'static str {
    match (unverified, lang) {
        (false, _) => "",
        (true, Lang::Zh) => " (待核对)",
        (true, Lang::En) => " (unverified)",
    }
}

pub fn heading(out: &mut String, title: &str) {
    let _ = write!(out, "\n{}\n", console::style(title).bold());
}

fn items(out: &mut String, lang: Lang, title: &str, list: &[ItemJson], numbered: bool) {
    if list.is_empty() {
        return;
    }
    heading(out, title);
    for (i, item) in list.iter().enumerate() {
        let bullet = if numbered {
            format!("{}.", i + 1)
        } else {
            "-".to_string()
        };
        let _ = writeln!(
            out,
            "  {bullet} {}{}",
            item.text,
            unverified_mark(lang, item.unverified)
        );
        if let Some(fix) = &item.fix {
            let _ = writeln!(out, "     → {fix}");
        }
    }
}

fn place(lang: Lang, p: Place) -> &'static str {
    match p {
        Place::Origin => t(lang, "转出地", "origin"),
        Place::Destination => t(lang, "转入地", "destination"),
        Place::Either => t(lang, "两地均可", "either place"),
        Place::Local => t(lang, "参保地", "insured place"),
    }
}

pub fn channel(lang: Lang, c: Channel) -> &'static str {
    match c {
        Channel::Online => t(lang, "线上", "online"),
        Channel::Offline => t(lang, "线下", "offline"),
        Channel::Phone => t(lang, "电话", "phone"),
        Channel::Wait => t(lang, "等待", "wait"),
    }
}

fn who(lang: Lang, w: Who) -> &'static str {
    match w {
        Who::Person => t(lang, "本人", "you"),
        Who::Employer => t(lang, "单位", "employer"),
        Who::Agency => t(lang, "经办机构", "agency"),
    }
}

/// A verdict for people, from its localized view (the same one `--json` prints).
pub fn show(v: &VerdictJson, lang: Lang, explain: bool) -> String {
    let mut out = String::new();
    let outcome = super::text::outcome(v.outcome);
    let _ = writeln!(
        out,
        "{} {} — {}",
        console::style(t(lang, "结论:", "Outcome:")).bold(),
        outcome.get(lang),
        v.summary
    );

    if !v.lines.is_empty() {
        let mut tb = table::new(&[t(lang, "项目", "item"), t(lang, "内容", "value")]);
        for l in &v.lines {
            tb.add_row(vec![l.label.as_str(), l.value.as_str()]);
        }
        out.push('\n');
        out.push_str(&table::finish(&tb));
    }

    items(
        &mut out,
        lang,
        t(lang, "需先解决", "Blockers"),
        &v.blockers,
        true,
    );
    items(
        &mut out,
        lang,
        t(lang, "取决于", "Depends on"),
        &v.conditions,
        true,
    );

    if !v.steps.is_empty() {
        heading(&mut out, t(lang, "办理步骤", "Steps"));
        for (i, s) in v.steps.iter().enumerate() {
            let _ = writeln!(
                out,
                "  {}. [{}·{}·{}] {}{}",
                i + 1,
                place(lang, s.place),
                channel(lang, s.channel),
                who(lang, s.who),
                s.text,
                unverified_mark(lang, s.unverified)
            );
        }
    }

    items(
        &mut out,
        lang,
        t(lang, "需携带/准备的材料", "Materials"),
        &v.materials,
        false,
    );

    if !v.deadlines.is_empty() {
        heading(&mut out, t(lang, "期限", "Deadlines"));
        let mut tb = table::new(&[
            t(lang, "事项", "what"),
            t(lang, "最迟日期", "by"),
            t(lang, "计算方法", "how counted"),
        ]);
        for d in &v.deadlines {
            let mut date = d.date.to_string();
            if d.estimated {
                date.push_str(t(lang, " (估算)", " (estimate)"));
            }
            let how = match lang {
                Lang::Zh => format!(
                    "{} 后第 {} 个工作日{}",
                    d.from,
                    d.working_days,
                    unverified_mark(lang, d.unverified)
                ),
                Lang::En => format!(
                    "{} working days after {}{}",
                    d.working_days,
                    d.from,
                    unverified_mark(lang, d.unverified)
                ),
            };
            tb.add_row(vec![d.label.to_string(), date, how]);
        }
        out.push_str(&table::finish(&tb));
    }

    items(
        &mut out,
        lang,
        t(lang, "随转移带走的", "What carries over"),
        &v.carries_over,
        false,
    );
    items(&mut out, lang, t(lang, "须知", "Notes"), &v.notes, false);

    if !v.warnings.is_empty() {
        heading(&mut out, t(lang, "提醒", "Warnings"));
        for w in &v.warnings {
            let _ = writeln!(out, "  ! {w}");
        }
    }

    if let Some(trace) = v.trace.as_ref().filter(|t| explain && !t.is_empty()) {
        heading(&mut out, t(lang, "判断过程", "Rule trace"));
        for e in trace {
            let mark = if e.holds { "✓" } else { "✗" };
            let _ = writeln!(out, "  {mark} {:<28} {}", e.id, e.detail);
        }
    }

    sources(&mut out, lang, &v.citations);
    out
}

/// The "Sources" block: each document cited, with the articles, and the unverified caveat.
/// The article pointers quote the Chinese text, so they are shown in Chinese output only
/// (JSON always carries them).
pub fn sources(out: &mut String, lang: Lang, citations: &[CitationJson]) {
    if citations.is_empty() {
        return;
    }
    heading(out, t(lang, "依据", "Sources"));
    let reported = |c: &CitationJson| c.evidence == "reported";
    for c in citations {
        let number = if c.doc_no.is_empty() {
            String::new()
        } else {
            format!("{} ", c.doc_no)
        };
        let _ = writeln!(
            out,
            "  [{}] {number}《{}》 {}, {}{}",
            c.id,
            c.title,
            c.issuer,
            c.published,
            unverified_mark(lang, reported(c))
        );
        if lang == Lang::Zh {
            for a in &c.articles {
                let _ = writeln!(out, "      {a}");
            }
        }
    }
    if citations.iter().any(reported) {
        let _ = writeln!(
            out,
            "  {}",
            t(
                lang,
                "标注\"待核对\"的内容仅见于转载或二手资料,办理前请向当地医保经办机构确认。",
                "Items marked \"unverified\" rest on secondary reports only; confirm with the local medical-insurance agency before acting."
            )
        );
    }
}
