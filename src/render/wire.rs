//! The wire formats of answers: serialize-only types borrowed from a typed answer and the
//! text catalogue, in the language asked for. `--json`, `batch --full` and the published
//! schemas (`yibao schema`) all come from these types, so a key printed is a key declared:
//! every object is closed (`additionalProperties: false`).

mod filing;
mod keys;
mod lists;

use std::borrow::Cow;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Serialize;
use serde_json::value::RawValue;

use super::text::{self, Context, Voice};
use crate::checks::transfer;
use crate::checks::{balance, dental, merge, refund};
use crate::rules::RuleSet;
use crate::rules::documents::Evidence;
use crate::rules::procedures::channels::Shows;
use crate::rules::procedures::dental::Pays;
use crate::text::{Lang, Str};
use crate::verdict::{Citation, Deadline, Said, Statement, Step, Why};
use crate::vocab::{Channel, Outcome, Place, Scheme, Who};
pub use filing::{FigureJson, FilingJson, RouteJson};
pub use lists::{CitationsJson, ItemsJson};

/// Where the facts came from: a batch line (`line`, `id`: absent from a single command's
/// output), or flags or a walk-through (`voice`, which words the hints; never in the JSON).
#[derive(Debug, Clone, Copy, Default)]
pub struct Origin<'a> {
    /// The 1-based input line.
    pub line: Option<usize>,
    /// The record's `id`, as its JSON text.
    pub id: Option<&'a RawValue>,
    /// Whom the hints speak to.
    pub voice: Voice,
}

/// A date as JSON writes it (`2026-10-16`), without the formatting machinery `NaiveDate`'s
/// own `Serialize` goes through: `batch --full` writes several dates an answer.
fn day<S: serde::Serializer>(d: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
    let mut buf = [0u8; 10];
    match crate::dates::iso(*d, &mut buf) {
        Some(text) => serializer.serialize_str(text),
        None => d.serialize(serializer),
    }
}

/// A key figure: label and value.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct LineJson {
    pub id: Cow<'static, str>,
    pub label: Cow<'static, str>,
    pub value: String,
}

/// A blocker, condition, material, note or what carries over.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ItemJson<'a> {
    pub id: &'a str,
    pub text: JsonText<'a>,
    /// How to clear a blocker or satisfy a condition.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<JsonText<'a>>,
    /// The source id this rests on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cite: Option<&'a str>,
    /// True when the source is only reported (待核对).
    pub unverified: bool,
    /// The strongest level of the sources it rests on (`official`, `full_text`, `reported`);
    /// `null` for a statement the answer makes itself.
    pub evidence: Option<Evidence>,
}

/// One thing to do, in order.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct StepJson<'a> {
    pub id: &'a str,
    pub place: Place,
    pub channel: Channel,
    pub who: Who,
    pub text: JsonText<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cite: Option<&'a str>,
    pub unverified: bool,
    /// The strongest level of the sources it rests on; `null` when it cites none.
    pub evidence: Option<Evidence>,
}

/// A date by which something must be done.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct DeadlineJson<'a> {
    pub id: &'a str,
    pub label: &'a str,
    #[serde(serialize_with = "day")]
    pub date: NaiveDate,
    /// Counted from this date (not included).
    #[serde(serialize_with = "day")]
    pub from: NaiveDate,
    pub working_days: u32,
    /// The calendar did not cover every day counted: weekends only, holidays unknown.
    pub estimated: bool,
    pub cite: &'a str,
    pub unverified: bool,
    /// The level of the time limit's source.
    pub evidence: Option<Evidence>,
}

/// The ids of the documents an answer rests on, as a compact batch answer lists them: while a
/// batch runs, each combination is written once (`reuse`).
pub struct CitationIds<'a> {
    pub cited: &'a [Citation],
    pub rules: &'a RuleSet,
}

impl Serialize for CitationIds<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let docs = &self.rules.documents;
        serializer.collect_seq(self.cited.iter().map(|c| docs.get(c.doc).id.as_str()))
    }
}

/// A document the answer rests on.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct CitationJson<'a> {
    pub id: &'a str,
    pub title: JsonText<'a>,
    #[serde(skip_serializing_if = "str::is_empty")]
    pub doc_no: &'a str,
    pub issuer: JsonText<'a>,
    #[serde(serialize_with = "day")]
    pub published: NaiveDate,
    #[serde(skip_serializing_if = "str::is_empty")]
    pub url: &'a str,
    /// `official` (read on a government host or a verbatim state-media page), `full_text`
    /// (the whole text read on a non-official copy, agreeing with an independent
    /// restatement) or `reported` (summaries and reprints only: 待核对).
    pub evidence: &'a str,
    // As the verdict lists them, each written as `JsonText::of` writes it.
    #[serde(serialize_with = "articles")]
    #[schemars(with = "Vec<String>")]
    pub articles: Vec<&'a Str>,
}

/// A citation's articles, each a rules text as it is.
fn articles<S: serde::Serializer>(list: &[&Str], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(list.iter().map(|a| JsonText::of(a)))
}

/// One condition evaluated on the way to the outcome (with `--explain`).
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct TraceJson<'a> {
    pub id: &'a str,
    pub holds: bool,
    pub detail: String,
}

/// A place: code and name.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct PlaceJson<'a> {
    pub code: &'a str,
    pub name: &'static str,
}

impl<'a> PlaceJson<'a> {
    pub fn of(code: &'a str) -> PlaceJson<'a> {
        let name = crate::region::regions()
            .get(code)
            .map_or("", |r| r.name.as_str());
        PlaceJson { code, name }
    }
}

/// What every verdict says, in the order every answer shows it.
#[derive(Serialize, JsonSchema)]
pub struct VerdictJson<'a> {
    /// `yibao.<command>/<version>`.
    pub schema: &'static str,
    /// With `batch --full`: the input line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// With `batch --full`: the record's `id`, as given.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<serde_json::Value>")]
    pub id: Option<&'a RawValue>,
    pub outcome: Outcome,
    pub summary: String,
    /// When reports alone make the outcome `conditional`: how many documents cited are only
    /// reported (the summary then says so).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decided_by_reports: Option<usize>,
    /// The key facts and figures, in display order.
    #[serde(serialize_with = "super::reuse::each")]
    pub lines: Vec<LineJson>,
    /// Why it is `no`, each with how to clear it.
    pub blockers: ItemsJson<'a>,
    /// What a `conditional` depends on.
    pub conditions: ItemsJson<'a>,
    #[serde(serialize_with = "super::reuse::each")]
    pub steps: Vec<StepJson<'a>>,
    pub materials: ItemsJson<'a>,
    #[serde(serialize_with = "super::reuse::each")]
    pub deadlines: Vec<DeadlineJson<'a>>,
    /// What moves with the person: contribution years, balance, record.
    pub carries_over: ItemsJson<'a>,
    /// Other things worth knowing.
    pub notes: ItemsJson<'a>,
    pub warnings: Vec<String>,
    pub citations: CitationsJson<'a>,
    /// The rule trace (with `--explain`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trace: Option<Vec<TraceJson<'a>>>,
    /// Whom the words speak to (not written: a script reads the same keys either way).
    #[serde(skip)]
    #[schemars(skip)]
    pub voice: Voice,
}

impl<'a> VerdictJson<'a> {
    /// The verdict's common part; `summary`, `lines` and the trace's words come from the
    /// command's catalogue.
    pub fn new(
        schema: &'static str,
        origin: Origin<'a>,
        cx: &Context<'a, '_>,
        rules: &'a RuleSet,
        summary: String,
        lines: Vec<text::Line>,
        why: Option<impl Fn(&Why) -> String>,
    ) -> VerdictJson<'a> {
        let v = cx.verdict;
        let trace = why.map(|why| {
            (v.trace.iter())
                .map(|t| TraceJson {
                    id: &t.id,
                    holds: t.holds,
                    detail: why(&t.why),
                })
                .collect()
        });
        let items = |list: &'a [Statement]| ItemsJson::of(list, cx, rules);
        let decided_by_reports = v.decided_by_reports();
        let summary = match decided_by_reports {
            Some(n) => format!(
                "{summary}{}{}",
                super::t(cx.lang, "。", ". "),
                text::decided_by_reports(n, cx.lang)
            ),
            None => summary,
        };
        VerdictJson {
            schema,
            line: origin.line,
            id: origin.id,
            outcome: v.outcome,
            summary,
            decided_by_reports,
            lines: (lines.into_iter())
                .map(|(id, label, value)| LineJson { id, label, value })
                .collect(),
            blockers: items(&v.blockers),
            conditions: items(&v.conditions),
            steps: (v.steps.iter()).map(|s| step(s, cx, rules)).collect(),
            materials: items(&v.materials),
            deadlines: (v.deadlines.iter())
                .map(|d| deadline(d, cx.lang, rules))
                .collect(),
            carries_over: items(&v.carries_over),
            notes: items(&v.notes),
            warnings: (v.warnings.iter())
                .map(|w| text::warning(w, cx.lang, cx.voice))
                .collect(),
            citations: CitationsJson::of(v, rules),
            trace,
            voice: origin.voice,
        }
    }
}

fn item<'a>(s: &'a Statement, cx: &Context, rules: &RuleSet) -> ItemJson<'a> {
    let (text, fix) = kept(&s.said, cx.lang);
    ItemJson {
        id: s.said.id(),
        text: JsonText::new(cx.said(&s.said), text),
        fix: cx.fix(&s.said).map(|f| JsonText::new(f, fix)),
        cite: s.said.source(),
        unverified: s.unverified,
        evidence: statement_level(&s.said, None, s.unverified, rules),
    }
}

fn step<'a>(s: &'a Step, cx: &Context<'a, '_>, rules: &RuleSet) -> StepJson<'a> {
    let cite = match &s.said {
        Said::Wait(limit) => cx.verdict.deadline(*limit).map(|d| d.cite.as_str()),
        said => said.source(),
    };
    StepJson {
        id: s.said.id(),
        place: s.place,
        channel: s.channel,
        who: s.who,
        text: JsonText::new(cx.said(&s.said), kept(&s.said, cx.lang).0),
        cite,
        unverified: s.unverified,
        evidence: statement_level(&s.said, cite, s.unverified, rules),
    }
}

/// The level of a statement: the strongest of its sources (or of `cite`, a source id, when
/// the statement names none itself), `reported` whenever the check found it unverified.
fn statement_level(
    said: &Said,
    cite: Option<&str>,
    unverified: bool,
    rules: &RuleSet,
) -> Option<Evidence> {
    let docs = &rules.documents;
    let level = crate::verdict::level_of(docs, said.cites()).or_else(|| {
        let doc = docs.find(cite?)?;
        Some(docs.get(doc).level)
    });
    match level {
        Some(_) if unverified => Some(Evidence::Reported),
        level => level,
    }
}

/// The text and fix of a statement the rules word as they are, when those strings live for
/// the whole run (see `JsonText`).
fn kept(said: &Said, lang: Lang) -> (Option<&'static str>, Option<&'static str>) {
    match said {
        Said::Rule(item) => (
            item.text.held(lang).kept(),
            item.fix.as_ref().and_then(|f| f.held(lang).kept()),
        ),
        Said::Caveat(c) => (c.text.held(lang).kept(), c.fix.held(lang).kept()),
        _ => (None, None),
    }
}

/// A text of an answer, as JSON writes it. While a batch runs, a string that lives for the
/// whole run (the embedded rules' texts) is escaped once per thread and copied from then on
/// (`reuse::kept_str`): `batch --full` writes the same few hundred texts millions of times.
/// Any other text is escaped as usual. Shown, it is just the text.
pub struct JsonText<'a> {
    text: Cow<'a, str>,
    kept: Option<&'static str>,
}

impl<'a> JsonText<'a> {
    /// `text`, which is `kept` when that string lives for the whole run.
    pub fn new(text: Cow<'a, str>, kept: Option<&'static str>) -> JsonText<'a> {
        // Only the very string shown may be copied from its escaped form.
        let kept = kept.filter(|k| std::ptr::eq(*k, text.as_ref()));
        JsonText { text, kept }
    }

    /// A string of the rules as it is.
    pub fn of(s: &'a Str) -> JsonText<'a> {
        JsonText {
            text: Cow::Borrowed(s.as_str()),
            kept: s.kept(),
        }
    }

    /// A text made for this answer.
    pub fn made(s: &'a str) -> JsonText<'a> {
        JsonText {
            text: Cow::Borrowed(s),
            kept: None,
        }
    }
}

impl std::ops::Deref for JsonText<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text
    }
}

impl std::fmt::Display for JsonText<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

impl Serialize for JsonText<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.kept {
            Some(kept) => super::reuse::kept_str(kept, serializer),
            None => serializer.serialize_str(&self.text),
        }
    }
}

impl JsonSchema for JsonText<'_> {
    fn schema_name() -> Cow<'static, str> {
        "String".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        String::json_schema(g)
    }
}

fn deadline<'a>(d: &'a Deadline, lang: Lang, rules: &RuleSet) -> DeadlineJson<'a> {
    DeadlineJson {
        id: d.limit.id(),
        label: text::deadline_label(d, lang),
        date: d.date,
        from: d.from,
        working_days: d.working_days,
        estimated: d.estimated,
        cite: &d.cite,
        unverified: d.unverified,
        evidence: (rules.documents.find(&d.cite))
            .map(|doc| rules.documents.get(doc).level)
            .map(|l| if d.unverified { Evidence::Reported } else { l }),
    }
}

fn citation<'a>(c: &Citation, articles: Vec<&'a Str>, rules: &'a RuleSet) -> CitationJson<'a> {
    let doc = rules.documents.get(c.doc);
    CitationJson {
        id: &doc.id,
        title: JsonText::of(&doc.title),
        doc_no: &doc.doc_no,
        issuer: JsonText::of(&doc.issuer),
        published: doc.published,
        url: &doc.url,
        evidence: &doc.evidence,
        articles,
    }
}

/// `waiting_period`: the waiting period's figures and its explanation.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct WaitingJson<'a> {
    /// Which reading applies: `unknown`, `continuous`, `overlap`, `gap_payable`,
    /// `gap_over_limit`, `cross_scheme_years_unknown`, `cross_scheme_short`,
    /// `resident_missed_years`, `no_rule_in_force`.
    pub rule: &'static str,
    /// Whole months with no contributions between the two places.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gap_months: Option<i32>,
    /// Resident scheme: whole years without cover.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub missed_years: Option<i32>,
    /// The waiting period in months, where the rules fix it.
    pub months: Option<u32>,
    /// The longest it can be, where only a ceiling is known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub up_to_months: Option<u32>,
    /// Residents: the shortest it can become by paying for the missed years.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_after_repair_months: Option<u32>,
    pub text: String,
    /// The sources of the values used.
    pub cites: Vec<&'a str>,
    /// Some value used rests only on reports.
    pub unverified: bool,
    /// The answer depends on local rules or unverified readings.
    pub conditional: bool,
    /// The first day of cover at the destination (for a payable gap: once paid up); null
    /// when the months are not known or local rules decide.
    pub benefits_from: Option<NaiveDate>,
    /// `benefits_from` is the latest it can be (only a ceiling is known).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub benefits_from_latest: bool,
    /// Residents: the first day of cover after paying for the missed years.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub benefits_from_after_repair: Option<NaiveDate>,
    /// Residents: the reading of "每多断保1年" used and what the other gives.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub missed_years_reading: Option<ReadingsJson>,
    /// The first day of cover, with the arithmetic, in a sentence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub benefits_text: Option<String>,
}

/// `waiting_period.missed_years_reading`.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ReadingsJson {
    /// `missed_minus_one` (the first missed year adds nothing) or `every_missed_year`.
    pub used: &'static str,
    pub other: &'static str,
    /// The waiting period under the other reading.
    pub other_months: u32,
    pub other_benefits_from: Option<NaiveDate>,
}

/// `enrolment_window`: residents' annual enrolment window (集中参保期) at the destination.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct WindowJson {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The benefit year it enrols for.
    pub for_year: i32,
    /// No local rule in the rules: the national estimate.
    pub estimated: bool,
    /// `upcoming`, `open`, `closing` (30 days or fewer left) or `closed`, as of `--on`.
    pub state: &'static str,
    /// Days left, the last day counted (while open).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days_left: Option<i64>,
    /// The fixed waiting period for enrolling outside it.
    pub fixed_waiting_months: Option<u32>,
    /// Closed and not enrolled: the first day of cover when paying on the as-of date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub late_benefits_from: Option<NaiveDate>,
    /// The region whose rule gives the dates; null for the national estimate.
    pub region: Option<String>,
    pub text: String,
}

/// `paid_twice`: months paid in both places, and the refund question with the facts filled in.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct PaidTwiceJson {
    /// First and last month paid in both places (`YYYY-MM`).
    pub first: String,
    pub last: String,
    pub months: i32,
    pub refund_command: String,
}

/// `status`: where an accepted application stands.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct StatusJson {
    pub submitted: NaiveDate,
    pub as_of: NaiveDate,
    /// Working days in (submitted, as_of].
    pub working_days_elapsed: u32,
    /// The calendar did not cover every day counted.
    pub estimated: bool,
    /// `transfer_out` or `transfer_complete`, whichever is due next; null once both passed.
    pub next: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_date: Option<NaiveDate>,
    /// Working days left until the next limit (0 on the day itself).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub working_days_left: Option<u32>,
    /// The limits already passed.
    pub passed: Vec<&'static str>,
    /// Both limits have passed: if the transfer is not complete, it is overdue.
    pub overdue: bool,
    pub text: String,
    /// The id of the step to take next.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_step: Option<&'static str>,
}

/// `deadlines_from`: the day the limits are counted from, and why that day.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct DeadlinesFromJson {
    #[serde(serialize_with = "day")]
    pub date: NaiveDate,
    pub basis: DeadlinesBasis,
}

/// Why the deadlines are counted from their day: the acceptance day given, or today.
#[derive(Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DeadlinesBasis {
    Submitted,
    IfAppliedToday,
}

/// `yibao transfer --json` (and `status`, and `batch --full` for a transfer).
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct TransferJson<'a> {
    #[serde(flatten)]
    pub verdict: VerdictJson<'a>,
    #[serde(serialize_with = "super::reuse::one")]
    pub from: PlaceJson<'a>,
    #[serde(serialize_with = "super::reuse::one")]
    pub to: PlaceJson<'a>,
    pub same_pooling_area: bool,
    /// Null when the move is not needed or blocked outright.
    #[serde(serialize_with = "super::reuse::some")]
    pub waiting_period: Option<WaitingJson<'a>>,
    /// Null unless an acceptance date was given.
    #[serde(serialize_with = "super::reuse::some")]
    pub status: Option<StatusJson>,
    /// Null when the move is not needed or blocked outright.
    #[serde(serialize_with = "super::reuse::some")]
    pub deadlines_from: Option<DeadlinesFromJson>,
    /// Residents: the destination's annual enrolment window; absent otherwise.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "super::reuse::some"
    )]
    pub enrolment_window: Option<WindowJson>,
    /// Months paid in both places; absent when there are none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paid_twice: Option<PaidTwiceJson>,
    /// `yibao status`: the plan file evaluated again.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan_file: Option<&'a str>,
}

impl<'a> TransferJson<'a> {
    pub fn new(
        a: &'a transfer::Answer,
        rules: &'a RuleSet,
        lang: Lang,
        explain: bool,
        origin: Origin<'a>,
    ) -> TransferJson<'a> {
        let worded =
            (a.waiting.as_ref()).map(|w| text::transfer::waiting(a, w, lang, origin.voice));
        let cx = text::transfer::context_with(a, lang, origin.voice, worded.as_deref());
        let why = |w: &Why| text::transfer::why(a, w, lang, origin.voice);
        let (summary, lines) = text::transfer::summary_and_lines(a, &cx, worded.as_deref());
        let verdict = VerdictJson::new(
            transfer::SCHEMA,
            origin,
            &cx,
            rules,
            summary,
            lines,
            explain.then_some(why),
        );
        TransferJson {
            verdict,
            from: PlaceJson::of(&a.facts.from),
            to: PlaceJson::of(&a.facts.to),
            same_pooling_area: a.same_pooling_area,
            waiting_period: a.waiting.as_ref().map(|w| WaitingJson {
                rule: w.reading.rule(),
                gap_months: w.gap_months,
                missed_years: w.missed_years,
                months: w.months,
                up_to_months: w.up_to_months,
                min_after_repair_months: w.min_after_repair_months,
                text: worded.unwrap_or_default(),
                cites: w.cites.iter().map(|c| c.as_str()).collect(),
                unverified: w.unverified,
                conditional: w.conditional,
                benefits_from: w.benefits_from,
                benefits_from_latest: w.benefits_from_latest,
                benefits_from_after_repair: w.benefits_from_after_repair,
                missed_years_reading: w.readings.as_ref().map(|r| ReadingsJson {
                    used: r.used(),
                    other: r.other(),
                    other_months: r.other_months,
                    other_benefits_from: r.other_benefits_from,
                }),
                benefits_text: text::transfer::benefits(w, lang),
            }),
            status: a
                .status
                .as_ref()
                .map(|st| status_json(st, a.next_step, lang)),
            deadlines_from: a.deadlines_from.map(|date| DeadlinesFromJson {
                date,
                basis: if a.facts.submitted.is_some() {
                    DeadlinesBasis::Submitted
                } else {
                    DeadlinesBasis::IfAppliedToday
                },
            }),
            enrolment_window: a.window.as_ref().map(|w| window_json(w, lang)),
            paid_twice: a.paid_twice.map(|(first, last)| PaidTwiceJson {
                first: first.to_string(),
                last: last.to_string(),
                months: first.months_until(last) + 1,
                refund_command: text::transfer::refund_command(a).unwrap_or_default(),
            }),
            plan_file: None,
        }
    }
}

fn status_json(st: &transfer::Status, next_step: Option<&'static str>, lang: Lang) -> StatusJson {
    StatusJson {
        submitted: st.submitted,
        as_of: st.as_of,
        working_days_elapsed: st.working_days_elapsed,
        estimated: st.estimated,
        next: st.next.map(|(l, _)| l.id()),
        next_date: st.next.map(|(_, d)| d),
        working_days_left: st.working_days_left,
        passed: st.passed.iter().map(|l| l.id()).collect(),
        overdue: st.overdue(),
        text: text::transfer::status(st, lang),
        next_step,
    }
}

fn window_json(w: &transfer::Window, lang: Lang) -> WindowJson {
    use transfer::window::Standing;
    let (state, days_left) = match w.standing {
        Standing::Upcoming => ("upcoming", None),
        // Days left are given from CLOSING_DAYS on, as they always were.
        Standing::Open(_) => ("open", None),
        Standing::Closing(n) => ("closing", Some(n)),
        Standing::Closed => ("closed", None),
    };
    WindowJson {
        from: w.from,
        to: w.to,
        for_year: w.for_year,
        estimated: w.estimated,
        state,
        days_left,
        fixed_waiting_months: w.fixed_months,
        late_benefits_from: w.late_benefits_from,
        region: w.region.as_ref().map(|r| r.to_string()),
        text: text::transfer::window(w, lang),
    }
}

/// `yibao merge --json` (and `batch --full` for a merge).
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct MergeJson<'a> {
    #[serde(flatten)]
    pub verdict: VerdictJson<'a>,
    #[serde(serialize_with = "super::reuse::one")]
    pub from: PlaceJson<'a>,
    #[serde(serialize_with = "super::reuse::one")]
    pub to: PlaceJson<'a>,
    /// Where the accepted application stands; absent without an acceptance date.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "super::reuse::some"
    )]
    pub status: Option<StatusJson>,
}

impl<'a> MergeJson<'a> {
    pub fn new(
        a: &'a merge::Answer,
        rules: &'a RuleSet,
        lang: Lang,
        explain: bool,
        origin: Origin<'a>,
    ) -> MergeJson<'a> {
        let cx = text::merge::context(a, lang).spoken(origin.voice);
        let why = |w: &Why| text::merge::why(a, w, lang);
        MergeJson {
            verdict: VerdictJson::new(
                merge::SCHEMA,
                origin,
                &cx,
                rules,
                text::merge::summary(a, lang),
                text::merge::lines(a, lang),
                explain.then_some(why),
            ),
            from: PlaceJson::of(&a.facts.from),
            to: PlaceJson::of(&a.facts.to),
            status: a.status.as_ref().map(|st| status_json(st, None, lang)),
        }
    }
}

/// A channel listed by `balance`.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ChannelJson<'a> {
    pub id: &'a str,
    pub kind: Channel,
    pub name: &'a str,
    pub shows: &'a [Shows],
    /// What to tap or say, in order.
    pub steps: Vec<&'a str>,
    /// The region whose rules name it; null for a national one.
    pub region: Option<&'a str>,
    pub cite: &'a str,
    pub unverified: bool,
}

/// One age band of retirees' fixed monthly credit.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct BandJson {
    pub age_from: i64,
    /// Null: and older.
    pub age_to: Option<i64>,
    pub yuan: f64,
}

/// `monthly`: the figures of the monthly credit.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct MonthlyJson<'a> {
    pub scheme: Scheme,
    pub retired: bool,
    pub base: Option<f64>,
    pub age: Option<u32>,
    /// In service: the share of the base credited.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ratio: Option<f64>,
    /// Retirees: the region's amounts by age.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bands: Option<Vec<BandJson>>,
    /// Retirees, national guideline: the share of the average pension.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pension_ratio: Option<f64>,
    /// The rules file the rate or amounts came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule_file: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unverified: Option<bool>,
    /// The monthly amount in yuan, where it can be worked out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub yuan: Option<f64>,
}

/// Which question `balance` answered.
#[derive(Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BalanceMode {
    Channels,
    AfterTransfer,
    Monthly,
}

/// `yibao balance --json`.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct BalanceJson<'a> {
    #[serde(flatten)]
    pub verdict: VerdictJson<'a>,
    /// `--after-transfer --submitted`: when the origin should be done.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transfer_out_by: Option<NaiveDate>,
    /// `--after-transfer --submitted`: the last day the balance should arrive.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arrival_by: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overdue: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channels: Option<Vec<ChannelJson<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub monthly: Option<MonthlyJson<'a>>,
    pub mode: BalanceMode,
    /// The region asked about; null for national only.
    pub region: Option<PlaceJson<'a>>,
}

impl<'a> BalanceJson<'a> {
    pub fn new(
        a: &'a balance::Answer,
        rules: &'a RuleSet,
        lang: Lang,
        explain: bool,
        origin: Origin<'a>,
    ) -> BalanceJson<'a> {
        let cx = text::balance::context(a, lang).spoken(origin.voice);
        let why = |w: &Why| cx.why(w);
        let verdict = VerdictJson::new(
            balance::SCHEMA,
            origin,
            &cx,
            rules,
            text::balance::summary(a, lang),
            text::balance::lines(a, lang),
            explain.then_some(why),
        );
        let dates = match &a.mode {
            balance::Mode::AfterTransfer { limits, overdue } => {
                limits.as_ref().and_then(|l| l.dates).map(|d| (d, *overdue))
            }
            _ => None,
        };
        BalanceJson {
            verdict,
            transfer_out_by: dates.map(|(d, _)| d.out_by),
            arrival_by: dates.map(|(d, _)| d.in_by),
            overdue: dates.map(|(_, o)| o),
            channels: a.channels.as_ref().map(|list| {
                (list.iter())
                    .map(|l| ChannelJson {
                        id: l.channel.id.get_ref(),
                        kind: l.channel.kind(),
                        name: l.channel.name.get(lang),
                        shows: &l.channel.shows,
                        steps: l.channel.steps.iter().map(|s| s.get(lang)).collect(),
                        region: l.region,
                        cite: l.channel.cite.source.get_ref(),
                        unverified: l.unverified,
                    })
                    .collect()
            }),
            monthly: match &a.mode {
                balance::Mode::Monthly(credit) => Some(monthly(a, credit)),
                _ => None,
            },
            mode: match a.mode {
                balance::Mode::Channels { .. } => BalanceMode::Channels,
                balance::Mode::AfterTransfer { .. } => BalanceMode::AfterTransfer,
                balance::Mode::Monthly(_) => BalanceMode::Monthly,
            },
            region: a.facts.region.as_deref().map(PlaceJson::of),
        }
    }
}

fn monthly<'a>(a: &'a balance::Answer, credit: &'a balance::Credit) -> MonthlyJson<'a> {
    let f = &a.facts;
    let mut m = MonthlyJson {
        scheme: f.scheme.unwrap_or_default(),
        retired: f.retired,
        base: f.base,
        age: f.age,
        ratio: None,
        bands: None,
        pension_ratio: None,
        rule_file: None,
        unverified: None,
        yuan: None,
    };
    match credit {
        balance::Credit::EmployeeRate {
            ratio,
            unverified,
            yuan,
            ..
        } => {
            m.ratio = Some(ratio.number());
            m.rule_file = Some(ratio.file);
            m.unverified = Some(*unverified);
            m.yuan = *yuan;
        }
        balance::Credit::RetireeBands {
            file,
            schedule,
            unverified,
            yuan,
            ..
        } => {
            m.bands = Some(
                (schedule.bands.iter())
                    .map(|b| BandJson {
                        age_from: *b.age_from.get_ref(),
                        age_to: b.age_to.as_ref().map(|t| *t.get_ref()),
                        yuan: *b.yuan.get_ref(),
                    })
                    .collect(),
            );
            m.rule_file = Some(file);
            m.unverified = Some(*unverified);
            m.yuan = *yuan;
        }
        balance::Credit::RetireeRatio(Some(ratio)) => m.pension_ratio = Some(ratio.number()),
        _ => {}
    }
    m
}

/// `case`: the refund case found.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct CaseJson<'a> {
    pub id: &'a str,
    pub name: &'a str,
    /// The region whose rules hold the case; null for a general one.
    pub region: Option<&'a str>,
    /// What the case's sources conclude, before the region and the evidence are weighed.
    pub stated_outcome: Outcome,
    /// Every source of the case is only reported.
    pub unverified: bool,
}

/// `yibao refund --json`.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RefundJson<'a> {
    #[serde(flatten)]
    pub verdict: VerdictJson<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub case: Option<CaseJson<'a>>,
    /// No single case yet: the ids of those that still fit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub candidates: Option<Vec<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<PlaceJson<'a>>,
    /// The answers given, by question id.
    pub answers: &'a std::collections::BTreeMap<String, String>,
}

impl<'a> RefundJson<'a> {
    pub fn new(
        a: &'a refund::Answer,
        rules: &'a RuleSet,
        lang: Lang,
        explain: bool,
        origin: Origin<'a>,
    ) -> RefundJson<'a> {
        let cx = text::refund::context(a, lang).spoken(origin.voice);
        let why = |w: &Why| cx.why(w);
        RefundJson {
            verdict: VerdictJson::new(
                refund::SCHEMA,
                origin,
                &cx,
                rules,
                text::refund::summary(a, lang),
                text::refund::lines(a, lang),
                explain.then_some(why),
            ),
            case: a.found.as_ref().map(|f| CaseJson {
                id: f.row.case.id.get_ref(),
                name: f.row.case.name.get(lang),
                region: f.row.layer,
                stated_outcome: f.stated,
                unverified: f.unverified,
            }),
            candidates: (a.candidates.as_ref())
                .map(|rows| rows.iter().map(|r| r.case.id.get_ref().as_str()).collect()),
            region: a.facts.region.as_deref().map(PlaceJson::of),
            answers: &a.answers,
        }
    }
}

/// `procedure`: the dental procedure found.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ProcedureJson<'a> {
    pub id: &'a str,
    pub name: &'a str,
}

/// `yibao dental --json`.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct DentalJson<'a> {
    #[serde(flatten)]
    pub verdict: VerdictJson<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<PlaceJson<'a>>,
    /// Who pays, by scheme (`employee`, `resident`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pays: Option<std::collections::BTreeMap<&'static str, Pays>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub procedure: Option<ProcedureJson<'a>>,
}

impl<'a> DentalJson<'a> {
    pub fn new(
        a: &'a dental::Answer,
        rules: &'a RuleSet,
        lang: Lang,
        explain: bool,
        origin: Origin<'a>,
    ) -> DentalJson<'a> {
        let cx = text::dental::context(a, lang).spoken(origin.voice);
        let why = |w: &Why| cx.why(w);
        let found = a.procedure.is_some();
        DentalJson {
            verdict: VerdictJson::new(
                dental::SCHEMA,
                origin,
                &cx,
                rules,
                text::dental::summary(a, lang),
                text::dental::lines(a, lang),
                explain.then_some(why),
            ),
            region: (a.facts.region.as_deref())
                .filter(|_| found)
                .map(PlaceJson::of),
            pays: found.then(|| a.covers.iter().map(|(s, c)| (s.flag(), c.pays)).collect()),
            procedure: a.procedure.map(|p| ProcedureJson {
                id: p.id.get_ref(),
                name: p.name.get(lang),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Lines {
        #[serde(serialize_with = "super::super::reuse::each")]
        lines: Vec<LineJson>,
    }

    fn line(label: &str, value: &str) -> LineJson {
        LineJson {
            id: Cow::Borrowed("waiting_period"),
            label: Cow::Owned(label.to_string()),
            value: value.to_string(),
        }
    }

    /// The first `n` documents of the rules' registry.
    fn documents(rules: &RuleSet, n: usize) -> Vec<crate::rules::DocId> {
        (rules.sources.keys().take(n))
            .map(|id| rules.documents.find(id).unwrap())
            .collect()
    }

    #[test]
    fn a_citations_array_written_before_is_copied_only_for_the_same_documents() {
        let rules = RuleSet::embedded().unwrap();
        let docs = documents(&rules, 3);
        let cited = |which: &[usize]| -> Vec<Citation> {
            (which.iter())
                .map(|&i| Citation {
                    doc: docs[i],
                    reported: false,
                })
                .collect()
        };
        let lists: [&[usize]; 6] = [&[0, 1], &[0, 2], &[1, 2], &[0, 1], &[2], &[]];
        let write = |which: &[usize]| {
            let cited = cited(which);
            let ids = CitationIds {
                cited: &cited,
                rules: &rules,
            };
            let mut buf = Vec::new();
            super::super::reuse::one(&ids, &mut serde_json::Serializer::new(&mut buf)).unwrap();
            buf
        };
        let fresh: Vec<Vec<u8>> = lists.iter().map(|w| write(w)).collect();
        let _batch = super::super::reuse::Reuse::default();
        for _ in 0..2 {
            for (which, fresh) in lists.iter().zip(&fresh) {
                assert_eq!(&write(which), fresh, "{which:?}");
            }
        }
    }

    #[test]
    fn citations_are_reused_only_for_the_same_documents_and_articles() {
        let rules = RuleSet::embedded().unwrap();
        let docs = documents(&rules, 2);
        let verdict = |articles: &[(usize, &'static str)]| {
            let mut v = crate::verdict::Verdict::new(Outcome::Yes);
            for &doc in &docs {
                v.citations.push(Citation {
                    doc,
                    reported: false,
                });
            }
            for &(i, a) in articles {
                v.articles.push((docs[i], Str::Static(a)));
            }
            v
        };
        let answers = [
            verdict(&[(0, "第一条"), (1, "第二条")]),
            verdict(&[(0, "第一条"), (1, "第三条")]),
            verdict(&[(1, "第一条"), (0, "第二条")]),
            verdict(&[(0, "第一条"), (1, "第二条"), (1, "第二条")]),
        ];
        let write = |v| serde_json::to_string(&CitationsJson::of(v, &rules)).unwrap();
        let alone: Vec<String> = answers.iter().map(write).collect();
        let _batch = super::super::reuse::Reuse::default();
        for _ in 0..2 {
            let kept: Vec<String> = answers.iter().map(write).collect();
            assert_eq!(kept, alone);
        }
    }

    #[test]
    fn lines_made_for_each_answer_are_reused_only_when_they_say_the_same() {
        let _batch = super::super::reuse::Reuse::default();
        let write = |lines| serde_json::to_string(&Lines { lines }).unwrap();
        let first = write(vec![line("等待期", "3 个月"), line("等待期", "\"无\"")]);
        // The same words at other addresses, then words that differ only past the first
        // eight bytes, or only in their label.
        let again = write(vec![line("等待期", "3 个月"), line("等待期", "\"无\"")]);
        let other = write(vec![
            line("等待期", "3 个月以上"),
            line("待遇开始", "\"无\""),
        ]);
        assert_eq!(first, again);
        assert_eq!(
            other,
            r#"{"lines":[{"id":"waiting_period","label":"等待期","value":"3 个月以上"},{"id":"waiting_period","label":"待遇开始","value":"\"无\""}]}"#
        );
    }
}
