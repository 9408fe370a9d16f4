//! How one record becomes a verdict: the table of checks `batch` knows, and for each the same
//! steps its single command takes (facts read, places resolved from code, Chinese or pinyin,
//! essential facts required, contradictions refused, then the check itself). A record that
//! cannot be evaluated becomes a `LineError` with a stable code; nothing here writes output.

use chrono::NaiveDate;
use serde::de::DeserializeOwned;

use super::record;
use crate::checks::answers::Naming;
use crate::checks::{dental, filing, merge, refund, transfer};
use crate::error::Error;
use crate::region::kept_code;
use crate::rules::{Policy, RuleSet};
use crate::text::{Lang, Text};
use crate::verdict::Verdict;

/// What every evaluation shares: loaded once, read from both threads.
pub struct Context<'a> {
    pub rules: &'a RuleSet,
    pub on: NaiveDate,
    pub lang: Lang,
    /// `--full`: each line the whole answer, as the single command's `--json` prints it.
    pub full: bool,
    /// With `--full`: include the trace (`--explain`).
    pub explain: bool,
    /// Records made from CSV rows: serde's place in them (line 1, column N of the record
    /// made from the row) would only mislead, so it is left out of messages.
    pub csv: bool,
}

impl<'a> Context<'a> {
    /// The policy of the place `code` (national if none) on the as-of date.
    fn policy(&self, code: Option<&str>) -> Policy<'a> {
        Policy::new(self.rules, code.and_then(kept_code), self.on)
    }
}

/// What one thread evaluating lines remembers from one line to the next, for the same
/// `Context`: a batch names the same few places and asks the same rules questions over and
/// over.
#[derive(Debug, Default)]
pub struct Scratch<'r> {
    /// Place spellings and what they found (bounded): the pooling area's code, and the
    /// place's own where it is a district or county inside it.
    places:
        std::collections::HashMap<String, (String, Option<String>), foldhash::fast::RandomState>,
    /// The parts of answers that are all the rules', written once (`render::reuse`).
    _reuse: crate::render::reuse::Reuse,
    /// The last answer's verdict, once written: the room the next one is made in.
    room: Option<Verdict<'r>>,
}

impl<'r> Scratch<'r> {
    /// Keeps the verdict of an answer written, for the next line to fill.
    pub fn keep(&mut self, judged: Judged<'r>) {
        self.room = Some(judged.into_verdict());
    }

    /// The room for the next verdict (a new one at first).
    fn room(&mut self) -> Verdict<'r> {
        (self.room.take()).unwrap_or_else(|| Verdict::new(crate::vocab::Outcome::Yes))
    }
}

/// Why a line has no verdict: a stable `code` for scripts and a message in the chosen language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    pub code: &'static str,
    pub message: String,
}

impl LineError {
    pub fn new(code: &'static str, message: impl Into<String>) -> LineError {
        LineError {
            code,
            message: crate::error::tidy(&message.into()),
        }
    }

    fn text(code: &'static str, text: &Text, lang: Lang) -> LineError {
        LineError::new(code, text.get(lang))
    }
}

/// What a line was judged to be: a check's typed answer (or, for the checks that still word
/// their verdicts, that verdict).
// One per line, made and written at once: boxing the common variants would cost an
// allocation per line for nothing.
#[allow(clippy::large_enum_variant)]
pub enum Judged<'r> {
    Transfer(transfer::Answer<'r>),
    Merge(merge::Answer<'r>),
    Refund(refund::Answer<'r>),
    Dental(dental::Answer<'r>),
    Filing(filing::Answer<'r>),
}

impl<'r> Judged<'r> {
    /// The verdict of the answer.
    pub fn verdict(&self) -> &Verdict<'r> {
        match self {
            Judged::Transfer(a) => &a.verdict,
            Judged::Merge(a) => &a.verdict,
            Judged::Refund(a) => &a.verdict,
            Judged::Dental(a) => &a.verdict,
            Judged::Filing(a) => &a.verdict,
        }
    }

    /// The verdict, the rest of the answer dropped.
    pub fn into_verdict(self) -> Verdict<'r> {
        match self {
            Judged::Transfer(a) => a.verdict,
            Judged::Merge(a) => a.verdict,
            Judged::Refund(a) => a.verdict,
            Judged::Dental(a) => a.verdict,
            Judged::Filing(a) => a.verdict,
        }
    }

    pub fn outcome(&self) -> crate::vocab::Outcome {
        self.verdict().outcome
    }
}

type Evaluate = for<'r> fn(&str, &Context<'r>, &mut Scratch<'r>) -> Result<Judged<'r>, LineError>;
type ParseOnly = fn(&str) -> Result<(), serde_json::Error>;

/// The checks a record may name: its `check`, how to evaluate a record of it, and how merely
/// to parse its facts (the benchmark's floor).
///
/// To add a check: write a function like `merge` below and add one row here.
pub const CHECKS: &[(&str, Evaluate, ParseOnly)] = &[
    ("transfer", transfer, parse_only::<transfer::Facts>),
    ("merge", merge, parse_only::<merge::Facts>),
    ("refund", refund, parse_only::<refund::Facts>),
    ("dental", dental, parse_only::<dental::Facts>),
    ("filing", filing_line, parse_only::<filing::Facts>),
];

/// The Chinese names a record may give a check by, as the subcommands' aliases.
const CHECK_NAMES_ZH: &[(&str, &str)] = &[
    ("转移", "transfer"),
    ("合并", "merge"),
    ("退费", "refund"),
    ("口腔", "dental"),
    ("备案", "filing"),
];

/// The entry of `CHECKS` named by a record (in English or Chinese), or why there is none.
pub fn find(
    check: Option<&str>,
    lang: Lang,
) -> Result<&'static (&'static str, Evaluate, ParseOnly), LineError> {
    let names = || CHECKS.iter().map(|(n, _, _)| *n);
    let list = || names().collect::<Vec<_>>().join(", ");
    let Some(name) = check else {
        let list = list();
        return Err(LineError::text(
            "missing_check",
            &Text::new(
                format!(
                    "记录缺少 \"check\":请写明要做哪项检查({list}),例如 {{\"check\":\"transfer\", …}}"
                ),
                format!(
                    "the record has no \"check\": say which check to run ({list}), e.g. {{\"check\":\"transfer\", …}}"
                ),
            ),
            lang,
        ));
    };
    let name = CHECK_NAMES_ZH
        .iter()
        .find(|(zh, _)| *zh == name)
        .map_or(name, |(_, n)| *n);
    CHECKS.iter().find(|(n, _, _)| *n == name).ok_or_else(|| {
        let list = list();
        let hint = crate::text::closest(name, names());
        LineError::text(
            "unknown_check",
            &Text::new(
                format!(
                    "没有名为 '{name}' 的检查;可用: {list}{}",
                    hint.map_or(String::new(), |h| format!("。您是不是要用 '{h}'?"))
                ),
                format!(
                    "no check named '{name}'; known: {list}{}",
                    hint.map_or(String::new(), |h| format!(". Did you mean '{h}'?"))
                ),
            ),
            lang,
        )
    })
}

/// Reads the facts of a check; a misspelt or mistyped fact is `bad_fact`: serde's own words,
/// after the key (or CSV column) they are about, worded by `text::batch::bad_fact`.
fn facts<F: DeserializeOwned>(text: &str, cx: &Context) -> Result<F, LineError> {
    record::facts(text).map_err(|e| {
        let mut said = e.to_string();
        let flexible = flexible_work_as_scheme(&said);
        let typo = crate::text::unknown_field_fix(&said).map(|(_, best)| best.to_string());
        if cx.csv
            && let Some(at) = said.rfind(" at line ")
        {
            said.truncate(at);
        }
        // The key (or CSV column) the wrong value is under, found by reading the line again.
        if let Some(key) = record::failed_key::<F>(text)
            && !said.starts_with(&format!("{key}:"))
        {
            said = format!("{key}: {said}");
        }
        let message =
            crate::render::text::batch::bad_fact(&said, flexible, typo.as_deref(), cx.csv, cx.lang);
        LineError::new("bad_fact", message)
    })
}

/// Whether serde refused a scheme given as the kind of work (`"scheme":"flexible"`, 灵活就业).
fn flexible_work_as_scheme(serde_message: &str) -> bool {
    let typed = serde_message
        .strip_prefix("unknown variant `")
        .and_then(|rest| rest.split('`').next());
    let schemes = serde_message.contains("`employee`") && serde_message.contains("`resident`");
    schemes && typed.is_some_and(crate::vocab::Scheme::names_flexible_work)
}

fn parse_only<F: DeserializeOwned>(text: &str) -> Result<(), serde_json::Error> {
    record::facts::<F>(text).map(drop)
}

/// A place typed as code, Chinese name or pinyin, replaced by the code of its pooling area
/// (written over the typed text, whose room usually suffices); an empty one stays empty
/// (missing).
/// Writes the pooling area's code over the place typed; returns the place's own code where
/// it is a district or county inside that area (to name it).
fn place(
    name: &str,
    place: &mut String,
    cx: &Context,
    scratch: &mut Scratch,
) -> Result<Option<String>, LineError> {
    if place.is_empty() {
        return Ok(None);
    }
    let found = &mut scratch.places;
    let (code, own) = match found.get(place.as_str()) {
        Some(known) => known,
        None => {
            let known = lookup(name, place, cx)?;
            // Bounded: a stream of ever new spellings starts afresh now and then.
            if found.len() >= 4096 {
                found.clear();
            }
            found.entry(std::mem::take(place)).or_insert(known)
        }
    };
    place.clear();
    place.push_str(code);
    Ok(own.clone())
}

/// The lookup itself (`name` is the fact, for the message): the pooling area the place is in
/// on the as-of date, as on the command line.
fn lookup(name: &str, typed: &str, cx: &Context) -> Result<(String, Option<String>), LineError> {
    let lang = cx.lang;
    match cx.rules.pooling.resolve(typed, cx.on) {
        Ok((place, area)) => Ok(crate::region::area_and_own(place, area)),
        Err(source) => {
            let err = Error::Region {
                flag: name.to_string(),
                source,
            };
            Err(LineError::new("region", err.lines(lang).join(" ")))
        }
    }
}

/// One error naming every essential fact a record lacks.
fn require(missing: &[&str], example: &str, lang: Lang) -> Result<(), LineError> {
    if missing.is_empty() {
        return Ok(());
    }
    let list = missing.join(", ");
    Err(LineError::text(
        "missing_fact",
        &Text::new(
            format!("缺少 {list}:请在记录中给出(例如 {example})"),
            format!("missing {list}: give them in the record (e.g. {example})"),
        ),
        lang,
    ))
}

/// `yibao transfer`: from, to and (unless both are one pooling area) scheme are required.
fn transfer<'r>(
    text: &str,
    cx: &Context<'r>,
    scratch: &mut Scratch<'r>,
) -> Result<Judged<'r>, LineError> {
    let mut f: transfer::Facts = facts(text, cx)?;
    f.from_place = place("from", &mut f.from, cx, scratch)?;
    f.to_place = place("to", &mut f.to, cx, scratch)?;
    require(
        &f.missing(),
        r#"{"check":"transfer","from":"西安","to":"北京","scheme":"employee"}"#,
        cx.lang,
    )?;
    if let Some(problem) = f.contradiction(cx.on, Naming::Keys) {
        return Err(usage(
            "contradiction",
            &Error::Contradiction(problem),
            cx.lang,
        ));
    }
    let policy = cx.policy(Some(&f.to));
    Ok(Judged::Transfer(transfer::answer(
        f,
        &policy,
        scratch.room(),
    )))
}

/// `from` and `to` resolved to their pooling areas, both required (`example` shows a record).
fn both_places(
    (from, to): (&mut String, &mut String),
    example: &str,
    cx: &Context,
    scratch: &mut Scratch,
) -> Result<(), LineError> {
    place("from", from, cx, scratch)?;
    place("to", to, cx, scratch)?;
    let missing: Vec<&str> = [("from", &*from), ("to", &*to)]
        .into_iter()
        .filter(|(_, v)| v.is_empty())
        .map(|(n, _)| n)
        .collect();
    require(&missing, example, cx.lang)
}

/// `yibao filing`: from and to are required; the insured place's policy decides.
fn filing_line<'r>(
    text: &str,
    cx: &Context<'r>,
    scratch: &mut Scratch<'r>,
) -> Result<Judged<'r>, LineError> {
    let mut f: filing::Facts = facts(text, cx)?;
    both_places(
        (&mut f.from, &mut f.to),
        r#"{"check":"filing","from":"成都","to":"深圳","kind":"resettled_retiree"}"#,
        cx,
        scratch,
    )?;
    Ok(Judged::Filing(filing::check(&f, &cx.policy(Some(&f.from)))))
}

/// `yibao merge`: from and to are required and must differ.
fn merge<'r>(
    text: &str,
    cx: &Context<'r>,
    scratch: &mut Scratch<'r>,
) -> Result<Judged<'r>, LineError> {
    let mut f: merge::Facts = facts(text, cx)?;
    both_places(
        (&mut f.from, &mut f.to),
        r#"{"check":"merge","from":"西安","to":"北京"}"#,
        cx,
        scratch,
    )?;
    if let Some(problem) = f
        .submitted
        .and_then(|d| crate::checks::answers::future_submission("submitted", d, cx.on))
    {
        return Err(usage(
            "contradiction",
            &Error::Contradiction(problem),
            cx.lang,
        ));
    }
    if f.from == f.to {
        let label = crate::render::text::place(&f.from, cx.lang);
        return Err(LineError::text(
            "contradiction",
            &Text::new(
                format!("from 和 to 都是 {label}:同一统筹地区内没有两个账户可合并"),
                format!(
                    "from and to are both {label}: there are no two accounts to merge within one pooling area"
                ),
            ),
            cx.lang,
        ));
    }
    let policy = cx.policy(Some(&f.to));
    Ok(Judged::Merge(merge::answer(f, &policy, scratch.room())))
}

/// A usage error of a single command (unknown case, procedure, …) as a line error.
fn usage(code: &'static str, err: &Error, lang: Lang) -> LineError {
    LineError::new(code, err.lines(lang).join(" "))
}

/// `yibao refund`: a case by id or name, or the answers; the region is optional.
fn refund<'r>(
    text: &str,
    cx: &Context<'r>,
    scratch: &mut Scratch<'r>,
) -> Result<Judged<'r>, LineError> {
    let mut f: refund::Facts = facts(text, cx)?;
    if let Some(r) = &mut f.region {
        place("region", r, cx, scratch)?;
    }
    f.region = f.region.take().filter(|c| !c.is_empty());
    crate::commands::refund::known_names(&cx.rules.procedures.refund, &f)
        .map_err(|e| usage("unknown_case", &e, cx.lang))?;
    Ok(Judged::Refund(refund::check(
        &f,
        &cx.policy(f.region.as_deref()),
    )))
}

/// `yibao dental`: the procedure (any name it answers to) is required.
fn dental<'r>(
    text: &str,
    cx: &Context<'r>,
    scratch: &mut Scratch<'r>,
) -> Result<Judged<'r>, LineError> {
    let mut f: dental::Facts = facts(text, cx)?;
    require(
        if f.procedure.trim().is_empty() {
            &["procedure"]
        } else {
            &[]
        },
        r#"{"check":"dental","procedure":"补牙","scheme":"employee"}"#,
        cx.lang,
    )?;
    let procedure = crate::commands::dental::find(&cx.rules.procedures.dental, &f.procedure)
        .map_err(|e| usage("unknown_procedure", &e, cx.lang))?;
    f.procedure = procedure.id.get_ref().to_string();
    if let Some(r) = &mut f.region {
        place("region", r, cx, scratch)?;
    }
    f.region = f.region.take().filter(|c| !c.is_empty());
    Ok(Judged::Dental(dental::check(
        &f,
        &cx.policy(f.region.as_deref()),
    )))
}
