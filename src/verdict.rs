//! What a check concludes, as typed data: the outcome, the blockers and conditions, the plan
//! (steps, materials, what carries over, notes) as references into the rules files or as
//! statements named by kind, the deadlines, the documents cited and the trace. No words and
//! no wire format: `render` says all of it, in either language, as a table or JSON. A
//! command's own figures (a waiting period, a transfer's progress) travel beside it in the
//! command's answer type.

use chrono::NaiveDate;

use crate::rules::documents::{Cite, Documents, Evidence};
use crate::rules::procedures::channels::ChannelData;
use crate::rules::procedures::dental::Caveat;
use crate::rules::procedures::items::ItemData;
use crate::rules::procedures::refund::{Case, Question};
use crate::rules::{DocId, Policy, Resolved, RuleGap};
use crate::text::{Str, Text};
use crate::vocab::{Channel, Outcome, Place, Who};

/// True when there is at least one flag and every one is set: statements that all rest only
/// on reported sources (each flag a statement's `unverified`).
pub fn only_reported(unverified: impl IntoIterator<Item = bool>) -> bool {
    let mut any = false;
    for u in unverified {
        if !u {
            return false;
        }
        any = true;
    }
    any
}

/// One thing an answer says: a statement of the rules files, or one the answer makes, named
/// by kind (its words are in the text catalogue).
#[derive(Debug, Clone)]
pub enum Said<'r> {
    /// A statement of a procedure file, as written there.
    Rule(&'r ItemData),
    /// A fact not known yet, worded by the procedure file: the answer names the flag that
    /// states it and what to do if it turns out badly.
    Unknown {
        item: &'r ItemData,
        /// The fact's id (its flag in kebab case).
        fact: &'static str,
        /// How the wording reads: it names the problem ("if it is so") or the condition
        /// that must hold ("if it does not hold").
        names: Names,
    },
    /// A statement of a procedure file, introduced as what to do in a situation.
    Chase { item: &'r ItemData, when: Chase },
    /// A way to see the account or follow a transfer.
    Channel(&'r ChannelData),
    /// An agency's own time, up to a deadline.
    Wait(Limit),
    /// The waiting period depends on local rules or an unverified reading.
    WaitingDepends,
    /// No transfer time limit in force on the date.
    NoTimeLimit(RuleGap),
    /// A figure only the local rules give; `fix` says where to look it up.
    LookUp {
        what: LookUp,
        fix: Option<&'r ItemData>,
    },
    /// The amount depends on the person's age.
    NeedAge,
    /// A dental caveat (designated institution, imported materials).
    Caveat(&'r Caveat),
    /// An answer whose sources are all only reported: a refund case, a filing, a route.
    CaseReported,
    /// A dental cover whose outcome rests only on reports.
    CoverReported(Outcome),
    /// The employee and the resident scheme answer a dental question differently.
    SchemesDiffer,
    /// A refund case of one region's rules, for a person insured elsewhere or nowhere named.
    RegionRule {
        layer: &'r str,
        insured: Option<Str>,
        stated: Outcome,
    },
    /// A refund question still open, with the answers that would decide it.
    Question {
        id: &'r str,
        question: Option<&'r Question>,
        values: String,
    },
    /// A refund case that may still apply.
    Candidate(&'r Case),
    /// A regime of moves inside one province (automatic transfer, balance kept), as the
    /// pooling rules word it.
    Regime(&'r Text),
}

/// The local figure a `Said::LookUp` is about.
#[derive(Debug, Clone, PartialEq)]
pub enum LookUp {
    /// No credit rule in force.
    NoRule(RuleGap),
    /// The amount depends on the contribution base.
    Base,
    /// The region has no credit rate of its own; the national guideline's rate.
    LocalRate(f64),
    /// Retirees' fixed amount is set locally.
    LocalAmount,
}

/// How a procedure file words a fact (see `Said::Unknown`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Names {
    Problem,
    Condition,
}

/// The situation a `Said::Chase` step is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chase {
    /// Both transfer limits have passed (the first step of the list says so).
    PastLimits { first: bool },
    /// A moved balance has not arrived in time (the first step of the list says so).
    NotArrived { first: bool },
}

impl Said<'_> {
    /// Its stable id.
    pub fn id(&self) -> &str {
        match self {
            Said::Rule(item) | Said::Unknown { item, .. } | Said::Chase { item, .. } => {
                item.id.get_ref()
            }
            Said::Channel(c) => c.id.get_ref(),
            Said::Wait(Limit::TransferOut) => "wait_transfer_out",
            Said::Wait(Limit::TransferComplete) => "wait_transfer_complete",
            Said::WaitingDepends => "waiting_period",
            Said::NoTimeLimit(_) => "no_time_limit",
            Said::LookUp { what, .. } => match what {
                LookUp::NoRule(_) => "no_rule",
                LookUp::Base => "base",
                LookUp::LocalRate(_) => "local_rate",
                LookUp::LocalAmount => "local_amount",
            },
            Said::NeedAge => "age",
            Said::Caveat(c) => c.id.get_ref(),
            Said::CaseReported | Said::CoverReported(_) => "reported_only",
            Said::SchemesDiffer => "scheme",
            Said::RegionRule { .. } => "region",
            Said::Question { id, .. } => id,
            Said::Candidate(c) => c.id.get_ref(),
            Said::Regime(_) => "province_regime",
        }
    }

    /// The id of the source it rests on, where it names one.
    pub fn source(&self) -> Option<&str> {
        match self {
            Said::Rule(item) | Said::Unknown { item, .. } | Said::Chase { item, .. } => {
                Some(item.cite.source.get_ref())
            }
            Said::Channel(c) => Some(c.cite.source.get_ref()),
            Said::LookUp { fix, .. } => fix.map(|f| f.cite.source.get_ref().as_str()),
            Said::Caveat(c) => Some(c.cite.source.get_ref()),
            Said::Wait(_)
            | Said::WaitingDepends
            | Said::NoTimeLimit(_)
            | Said::NeedAge
            | Said::CaseReported
            | Said::CoverReported(_)
            | Said::SchemesDiffer
            | Said::RegionRule { .. }
            | Said::Question { .. }
            | Said::Candidate(_)
            | Said::Regime(_) => None,
        }
    }
}

impl Said<'_> {
    /// Every citation it rests on, the main one first (none for a statement the answer makes
    /// itself). Listed without collecting: the render asks this of every item it writes.
    pub fn cites(&self) -> impl Iterator<Item = &Cite> {
        let (main, also): (Option<&Cite>, &[Cite]) = match self {
            Said::Rule(item) | Said::Unknown { item, .. } | Said::Chase { item, .. } => {
                (Some(&item.cite), &item.also)
            }
            Said::Channel(c) => (Some(&c.cite), &c.also),
            Said::LookUp { fix: Some(f), .. } => (Some(&f.cite), &f.also),
            Said::Caveat(c) => (Some(&c.cite), &[]),
            _ => (None, &[]),
        };
        main.into_iter().chain(also)
    }
}

/// The strongest level among the documents `cites` name (an answer is as firm as its best
/// source, as `Verdict::cite_all` counts it); `None` when it cites nothing registered.
pub fn level_of<'c>(
    documents: &Documents,
    cites: impl IntoIterator<Item = &'c Cite>,
) -> Option<Evidence> {
    (cites.into_iter())
        .filter_map(|c| c.doc(documents))
        .map(|d| documents.get(d).level)
        .max()
}

/// A statement with the strength of its evidence.
#[derive(Debug, Clone)]
pub struct Statement<'r> {
    pub said: Said<'r>,
    /// Every source it rests on is only reported (待核对).
    pub unverified: bool,
}

/// One thing to do, in order.
#[derive(Debug, Clone)]
pub struct Step<'r> {
    pub said: Said<'r>,
    pub place: Place,
    pub channel: Channel,
    pub who: Who,
    pub unverified: bool,
}

/// The transfer time limits an agency works to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// The origin completes the transfer-out and sends the balance.
    TransferOut,
    /// The destination completes the transfer-in and credits the balance.
    TransferComplete,
}

impl Limit {
    pub fn id(self) -> &'static str {
        match self {
            Limit::TransferOut => "transfer_out",
            Limit::TransferComplete => "transfer_complete",
        }
    }
}

/// A date by which something must be done.
#[derive(Debug, Clone)]
pub struct Deadline {
    pub limit: Limit,
    pub date: NaiveDate,
    /// Counted from this date (not included).
    pub from: NaiveDate,
    pub working_days: u32,
    /// The calendar did not cover every day counted: weekends only, holidays unknown.
    pub estimated: bool,
    /// The source id of the time limit.
    pub cite: Str,
    pub unverified: bool,
    /// No personal account moves (resident insurance): only the record does.
    pub record_only: bool,
}

/// Something to keep in mind about the answer itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// No acceptance date: the limits are counted as if accepted on this day.
    CountedFromToday(NaiveDate),
    /// No refund case fits: `refund --list` shows them all.
    ListCases,
    /// The procedure is not in the catalogue: `dental --list` shows it.
    ListProcedures,
    /// Some dates were counted past the holiday notices in the rules (the last year covered).
    CalendarEstimate(Option<i32>),
    /// Once accepted, `--submitted` gives the date each step is due.
    AddSubmitted,
    /// `--submitted` gives the day a moved balance should arrive.
    AddSubmittedForArrival,
    /// No region given: nationwide channels only.
    NoRegion,
    /// A rule the answer needed is not in force on the date.
    Gap(RuleGap),
    /// The rules name no portal of the region's own (its code).
    NoLocalPortal(Str),
    /// Residents: the destination's enrolment window for `for_year` closes on `to`, within a
    /// month (`days_left` counting `to`); enrolling later costs the fixed waiting period.
    EnrolmentClosing {
        to: NaiveDate,
        days_left: i64,
        for_year: i32,
        fixed_months: Option<u32>,
    },
    /// Residents: the window for `for_year` closed on `to`; paying now, cover starts after
    /// the fixed waiting period (`late_benefits_from`).
    EnrolmentClosed {
        to: NaiveDate,
        for_year: i32,
        fixed_months: Option<u32>,
        late_benefits_from: Option<NaiveDate>,
    },
}

/// A document an answer rests on (its articles are in `Verdict::articles`).
#[derive(Debug, Clone)]
pub struct Citation {
    pub doc: DocId,
    /// The document is only reported (待核对).
    pub reported: bool,
}

/// How a fact stood when checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answered {
    Yes,
    No,
    Unknown,
    /// Not given, but implied by an accepted application.
    BySubmission,
}

/// What a fact came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    Blocks,
    Clear,
    Unknown,
}

/// Why a step of the reasoning holds or not.
#[derive(Debug, Clone)]
pub enum Why<'r> {
    /// Both places are one pooling area.
    SamePoolingArea,
    /// A fact checked against its wording in a procedure file.
    Fact {
        item: &'r ItemData,
        answered: Answered,
        standing: Standing,
    },
    /// A rules value used (held, not boxed: a verdict's trace is refilled line after line
    /// in a batch, and a box would be allocated and freed for each value).
    Value(Resolved<'r>),
    /// The waiting period's reading (the answer's own figures say which).
    WaitingPeriod,
    /// The two transfer time limits, in working days, and the file they came from.
    Limits { out: u32, inn: u32, file: Str },
    /// How many channels of the region's own the rules name.
    LocalChannels(usize),
    /// The as-of date against the last day a balance should arrive.
    Overdue { on: NaiveDate, by: NaiveDate },
    /// Whether the scheme has a personal account.
    HasAccount,
    /// The file the credit rate came from.
    CreditRate(Str),
    /// An answer given to a refund question.
    Answer { question: String, answer: String },
    /// A dental caveat's fact, as known.
    Caveat { fact: &'r str, holds: Option<bool> },
}

/// One step of the reasoning (shown with `--explain`).
#[derive(Debug, Clone)]
pub struct Trace<'r> {
    pub id: Str,
    pub holds: bool,
    pub why: Why<'r>,
}

/// The conclusion of one check.
#[derive(Debug, Clone)]
pub struct Verdict<'r> {
    pub outcome: Outcome,
    /// Why it is `no`, each with how to clear it.
    pub blockers: Vec<Statement<'r>>,
    /// What a `conditional` depends on.
    pub conditions: Vec<Statement<'r>>,
    pub steps: Vec<Step<'r>>,
    pub materials: Vec<Statement<'r>>,
    pub deadlines: Vec<Deadline>,
    /// What moves with the person (transfers): contribution years, balance, record.
    pub carries_over: Vec<Statement<'r>>,
    /// Other things worth knowing.
    pub notes: Vec<Statement<'r>>,
    pub warnings: Vec<Warning>,
    pub citations: Vec<Citation>,
    /// Every article cited, in the order cited, repeats included (see `articles_of`).
    pub articles: Vec<(DocId, Str)>,
    pub trace: Vec<Trace<'r>>,
}

impl<'r> Verdict<'r> {
    pub fn new(outcome: Outcome) -> Verdict<'r> {
        Verdict {
            outcome,
            blockers: Vec::new(),
            conditions: Vec::new(),
            steps: Vec::new(),
            materials: Vec::new(),
            deadlines: Vec::new(),
            carries_over: Vec::new(),
            notes: Vec::new(),
            warnings: Vec::new(),
            // A plan cites about ten documents: grow once, not four times.
            citations: Vec::with_capacity(12),
            // A transfer cites about thirty articles.
            articles: Vec::with_capacity(32),
            // A transfer traces about a dozen steps of its reasoning.
            trace: Vec::with_capacity(12),
        }
    }

    /// A new verdict in the room an old one took: every list emptied, its capacity kept, so
    /// a batch answering millions of lines fills the same few lists instead of allocating
    /// a dozen for each answer and freeing them after it.
    pub fn reuse(mut self, outcome: Outcome) -> Verdict<'r> {
        let Verdict {
            outcome: _,
            blockers,
            conditions,
            steps,
            materials,
            deadlines,
            carries_over,
            notes,
            warnings,
            citations,
            articles,
            trace,
        } = &mut self;
        for list in [blockers, conditions, materials, carries_over, notes] {
            list.clear();
        }
        steps.clear();
        deadlines.clear();
        warnings.clear();
        citations.clear();
        articles.clear();
        trace.clear();
        self.outcome = outcome;
        self
    }

    /// Records that the verdict rests on document `doc` (article optional); returns true if
    /// that document is only reported (or not registered, which `rules check` rules out).
    pub fn cite_doc(&mut self, policy: &Policy, doc: Option<DocId>, article: &Str) -> bool {
        let Some(doc) = doc else {
            return true;
        };
        if !article.is_empty() {
            self.articles.push((doc, article.clone()));
        }
        match self.citations.iter().find(|c| c.doc == doc) {
            Some(c) => c.reported,
            None => {
                let reported = policy.rules.documents.get(doc).reported;
                self.citations.push(Citation { doc, reported });
                reported
            }
        }
    }

    /// The articles of document `doc` cited, each once, in the order first cited.
    pub fn articles_of(&self, doc: DocId) -> Vec<&Str> {
        let mut out: Vec<&Str> = Vec::new();
        for (d, a) in &self.articles {
            if *d == doc {
                add_once(&mut out, a);
            }
        }
        out
    }

    /// `articles_of` every citation, in the order of `citations`. Each list is made once at
    /// its final size (a transfer records about sixty articles for about ten documents).
    pub fn articles_by_citation(&self) -> Vec<Vec<&Str>> {
        // Each document's place among the citations, by the document's number (documents
        // are numbered from 0 in their registry, so the table is short).
        let top = (self.citations.iter()).map(|c| c.doc.index() + 1).max();
        let mut place = vec![None; top.unwrap_or(0)];
        for (i, c) in self.citations.iter().enumerate() {
            place[c.doc.index()] = Some(i);
        }
        let owner = |d: &DocId| place.get(d.index()).copied().flatten();
        let mut sizes = vec![0; self.citations.len()];
        for i in self.articles.iter().filter_map(|(d, _)| owner(d)) {
            sizes[i] += 1;
        }
        let mut out: Vec<Vec<&Str>> = sizes.into_iter().map(Vec::with_capacity).collect();
        for (d, a) in &self.articles {
            if let Some(i) = owner(d) {
                add_once(&mut out[i], a);
            }
        }
        out
    }

    /// Adds the condition `reported_only`: the answer would be firm but rests only on
    /// reported sources, so it is open (DESIGN: yes and no alike).
    pub fn rests_on_reports(&mut self) {
        self.conditions.push(Statement {
            said: Said::CaseReported,
            unverified: false,
        });
    }

    /// Records a citation of the rules; true if its document is only reported.
    pub fn cite(&mut self, policy: &Policy, cite: &Cite) -> bool {
        self.cite_doc(policy, cite.doc(&policy.rules.documents), &cite.article)
    }

    /// Records every citation; true when none of them is firm (official or full_text).
    pub fn cite_all<'c>(
        &mut self,
        policy: &Policy,
        cites: impl IntoIterator<Item = &'c Cite>,
    ) -> bool {
        let mut unverified = true;
        for c in cites {
            unverified &= self.cite(policy, c);
        }
        unverified
    }

    /// Records a resolved rules value as a citation; returns true if it is only reported.
    pub fn cite_value(&mut self, policy: &Policy, value: &Resolved) -> bool {
        self.cite_doc(policy, value.doc, value.article)
    }

    /// A statement of a procedure file, cited.
    pub fn rule(&mut self, policy: &Policy, item: &'r ItemData) -> Statement<'r> {
        let unverified = self.cite_all(policy, item.cites());
        Statement {
            said: Said::Rule(item),
            unverified,
        }
    }

    /// A statement of a procedure file as a step, cited; where, how and who default to
    /// `default`.
    pub fn rule_step(
        &mut self,
        policy: &Policy,
        said: Said<'r>,
        item: &'r ItemData,
        default: (Place, Channel, Who),
    ) -> Step<'r> {
        Step {
            place: item.place.unwrap_or(default.0),
            channel: item.channel.unwrap_or(default.1),
            who: item.who.unwrap_or(default.2),
            unverified: self.cite_all(policy, item.cites()),
            said,
        }
    }

    /// A way to see the account as a step at `place`, cited.
    pub fn channel_step(&mut self, policy: &Policy, c: &'r ChannelData, place: Place) -> Step<'r> {
        Step {
            said: Said::Channel(c),
            place,
            channel: c.kind(),
            who: Who::Person,
            unverified: self.cite_all(policy, c.cites()),
        }
    }

    /// A fact checked against its wording in a procedure file (`item`, fact `id`): cited,
    /// traced, and a blocker when it blocks or a condition naming its flag when unknown.
    /// Returns how it stands.
    pub fn fact(
        &mut self,
        policy: &Policy,
        id: &'static str,
        item: &'r ItemData,
        (value, blocks_when): (Option<bool>, bool),
        answered: Answered,
        names: Names,
    ) -> Standing {
        // Every fact checked is cited, shown or not.
        let unverified = self.cite_all(policy, item.cites());
        let standing = match value {
            Some(b) if b == blocks_when => Standing::Blocks,
            Some(_) => Standing::Clear,
            None => Standing::Unknown,
        };
        let why = Why::Fact {
            item,
            answered,
            standing,
        };
        self.trace(id, standing == Standing::Clear, why);
        let said = match standing {
            Standing::Blocks => Said::Rule(item),
            Standing::Unknown => Said::Unknown {
                item,
                fact: id,
                names,
            },
            Standing::Clear => return standing,
        };
        let list = match standing {
            Standing::Blocks => &mut self.blockers,
            _ => &mut self.conditions,
        };
        list.push(Statement { said, unverified });
        standing
    }

    /// One step of the reasoning.
    pub fn trace(&mut self, id: impl Into<Str>, holds: bool, why: Why<'r>) {
        self.trace.push(Trace {
            id: id.into(),
            holds,
            why,
        });
    }

    /// When reports alone make the answer `conditional` (every condition is that a source is
    /// only reported), how many documents behind it are only reported: those of the rules
    /// values used (the trace), or, for an answer that uses none (a case table), all those
    /// cited; else `None`.
    pub fn decided_by_reports(&self) -> Option<usize> {
        let by_reports = |c: &Statement| match c.said {
            Said::CaseReported | Said::CoverReported(_) => true,
            Said::WaitingDepends => c.unverified,
            _ => false,
        };
        let decided = self.outcome == Outcome::Conditional
            && !self.conditions.is_empty()
            && self.conditions.iter().all(by_reports);
        let mut of_values: Vec<DocId> = (self.trace.iter())
            .filter_map(|t| match &t.why {
                Why::Value(r) if r.reported() => r.doc,
                _ => None,
            })
            .collect();
        of_values.sort();
        of_values.dedup();
        decided.then(|| match of_values.len() {
            0 => self.citations.iter().filter(|c| c.reported).count(),
            n => n,
        })
    }

    /// The deadline of `limit`, if the verdict has one.
    pub fn deadline(&self, limit: Limit) -> Option<&Deadline> {
        self.deadlines.iter().find(|d| d.limit == limit)
    }
}

/// Adds an article unless it is there already (the same string is usually the same copy).
fn add_once<'v>(list: &mut Vec<&'v Str>, article: &'v Str) {
    // Mostly the very same string again: its address says so before its bytes are read.
    let text = article.as_str();
    let same = |o: &&Str| {
        let o = o.as_str();
        o.len() == text.len() && (o.as_ptr() == text.as_ptr() || o == text)
    };
    if !list.iter().any(same) {
        list.push(article);
    }
}
