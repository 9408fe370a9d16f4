//! What a check concludes, as data: the outcome, why, what to do in which order, what to
//! bring, by when, and which documents say so. Checks build a `Verdict`; `render` shows it as
//! a table or JSON; `run` turns its outcome into the exit code. Nothing here prints.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Serialize;

pub use crate::rules::resolve::Detail;
use crate::rules::{Policy, Resolved};
use crate::text::{Str, Text};
pub use crate::vocab::{Channel, Outcome, Place, Who};

/// One statement of a verdict: a blocker, a condition, a material, a note.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Item {
    pub id: Str,
    pub text: Text,
    /// How to clear a blocker or satisfy a condition.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<Text>,
    /// The source id this rests on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cite: Option<Str>,
    /// True when the source is only reported (待核对).
    pub unverified: bool,
}

impl Item {
    pub fn new(id: impl Into<Str>, text: Text) -> Item {
        Item {
            id: id.into(),
            text,
            fix: None,
            cite: None,
            unverified: false,
        }
    }

    pub fn fix(mut self, fix: Text) -> Item {
        self.fix = Some(fix);
        self
    }

    /// Cites `source` and records it on `verdict`, taking the evidence from the registry.
    pub fn cite(
        mut self,
        verdict: &mut Verdict,
        policy: &Policy,
        source: &Str,
        article: &Str,
    ) -> Item {
        self.unverified = verdict.cite(policy, source, article);
        self.cite = Some(source.clone());
        self
    }
}

/// One thing to do, in order.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Step {
    pub id: Str,
    pub place: Place,
    pub channel: Channel,
    pub who: Who,
    pub text: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cite: Option<Str>,
    pub unverified: bool,
}

/// A date by which something must be done.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Deadline {
    pub id: Str,
    pub label: Text,
    pub date: NaiveDate,
    /// Counted from this date (not included).
    pub from: NaiveDate,
    pub working_days: u32,
    /// The calendar did not cover every day counted: weekends only, holidays unknown.
    pub estimated: bool,
    pub cite: Str,
    pub unverified: bool,
}

/// A registered document as a verdict cites it: what the registry says of it. Made once per
/// rules load and kept for the run (`RuleSet::citation`), so citing one copies a pointer.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Document {
    // The registry's id, interned (`text::intern`): one pointer per document.
    pub id: &'static str,
    pub title: Str,
    #[serde(skip_serializing_if = "str::is_empty")]
    pub doc_no: Str,
    pub issuer: Str,
    pub published: NaiveDate,
    #[serde(skip_serializing_if = "str::is_empty")]
    pub url: Str,
    pub evidence: Str,
    /// The evidence is only reported (待核对), not confirmed.
    #[serde(skip)]
    pub reported: bool,
    /// `id` as a JSON string, quotes included (what compact batch answers list).
    #[serde(skip)]
    pub id_json: &'static str,
}

impl Document {
    /// Document `doc` of the registry, registered as `id`.
    pub fn of(id: &'static str, doc: &crate::rules::schema::Source) -> Document {
        Document {
            id,
            title: doc.title.clone(),
            doc_no: doc.doc_no.clone(),
            issuer: doc.issuer.clone(),
            published: crate::dates::from_toml(doc.published.get_ref()).unwrap_or_default(),
            url: doc.url.clone(),
            evidence: doc.evidence.get_ref().clone(),
            reported: doc.evidence.get_ref() != "confirmed",
            id_json: Box::leak(serde_json::Value::from(id).to_string().into_boxed_str()),
        }
    }
}

/// A document the verdict rests on.
// With the articles cited; in JSON one object, the document's fields and then `articles`.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Citation {
    #[serde(flatten)]
    pub doc: &'static Document,
    pub articles: Vec<Str>,
}

impl std::ops::Deref for Citation {
    type Target = Document;
    fn deref(&self) -> &Document {
        self.doc
    }
}

/// One condition evaluated on the way to the outcome (shown with `--explain`).
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct TraceEntry {
    pub id: Str,
    pub holds: bool,
    pub detail: Text,
}

/// A labelled value worth showing at a glance (e.g. the waiting period).
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Line {
    pub id: Str,
    pub label: Text,
    pub value: Text,
}

/// The conclusion of one check.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Verdict {
    /// `yibao.<command>/<version>`.
    pub schema: &'static str,
    pub outcome: Outcome,
    pub summary: Text,
    /// The key facts and figures, in display order.
    pub lines: Vec<Line>,
    /// Why it is `no`, each with how to clear it.
    pub blockers: Vec<Item>,
    /// What a `conditional` depends on.
    pub conditions: Vec<Item>,
    pub steps: Vec<Step>,
    pub materials: Vec<Item>,
    pub deadlines: Vec<Deadline>,
    /// What moves with the person (transfers): contribution years, balance, record.
    pub carries_over: Vec<Item>,
    /// Other things worth knowing.
    pub notes: Vec<Item>,
    pub warnings: Vec<Text>,
    pub citations: Vec<Citation>,
    pub trace: Vec<TraceEntry>,
    /// Command-specific structured data for scripts (flattened into the JSON object).
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
    /// How much to build (see `Detail`); set from the policy the check was given.
    #[serde(skip)]
    pub detail: Detail,
    /// The figures a compact `batch` answer shows, by key, already as a JSON object (the
    /// waiting period's, without its text and sources).
    #[serde(skip)]
    pub figures: Option<(&'static str, String)>,
}

impl Verdict {
    pub fn new(schema: &'static str, outcome: Outcome, summary: Text) -> Verdict {
        Verdict {
            schema,
            outcome,
            summary,
            lines: Vec::new(),
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
            trace: Vec::new(),
            extra: serde_json::Map::new(),
            detail: Detail::Full,
            figures: None,
        }
    }

    /// The verdict built to `detail` (checks pass on their policy's).
    pub fn with_detail(mut self, detail: Detail) -> Verdict {
        self.detail = detail;
        self
    }

    /// True for a full verdict, false for an outline.
    pub fn is_full(&self) -> bool {
        self.detail == Detail::Full
    }

    /// Records that the verdict rests on `source` (article optional); returns true if that
    /// source is only reported.
    #[inline]
    pub fn cite(&mut self, policy: &Policy, source: &Str, article: &Str) -> bool {
        // Every citation of a verdict has the registry's interned id, as every id in the
        // rules has: most calls find their document by pointer, without looking it up, and
        // an outline has no article to add.
        let at = self.cited(source);
        match at {
            Some(at) if !self.is_full() => self.citations[at].reported,
            _ => self.cite_again(policy, source, article, at),
        }
    }

    /// Where document `id` is in `citations`, by pointer.
    fn cited(&self, id: &str) -> Option<usize> {
        (self.citations.iter()).position(|c| std::ptr::eq(c.id, id))
    }

    /// `cite` for a document new to the verdict (`at` is `None`), or with an article to add.
    fn cite_again(
        &mut self,
        policy: &Policy,
        source: &Str,
        article: &Str,
        at: Option<usize>,
    ) -> bool {
        let at = match at {
            Some(at) => at,
            None => {
                let Some(doc) = policy.rules.citation(source) else {
                    return true;
                };
                // Not found by `source`'s pointer: look again only if `source` was a copy.
                let copy = !std::ptr::eq(doc.id, source.as_str());
                copy.then(|| self.cited(doc.id))
                    .flatten()
                    .unwrap_or_else(|| {
                        self.citations.push(Citation {
                            doc,
                            articles: Vec::new(),
                        });
                        self.citations.len() - 1
                    })
            }
        };
        // An outline lists the documents, not their articles.
        let full = self.is_full();
        let c = &mut self.citations[at];
        if full && !article.is_empty() && !c.articles.contains(article) {
            c.articles.push(article.clone());
        }
        c.reported
    }

    /// Records a resolved rules value as a citation; returns true if it is only reported.
    pub fn cite_value(&mut self, policy: &Policy, value: &Resolved) -> bool {
        self.cite(policy, &value.source, &value.article)
    }

    /// Adds a step; an outline keeps only what the step cited (see `Detail`).
    pub fn add_step(&mut self, step: Step) {
        if self.is_full() {
            self.steps.push(step);
        }
    }

    /// Adds something to bring; an outline keeps only what it cited.
    pub fn add_material(&mut self, item: Item) {
        if self.is_full() {
            self.materials.push(item);
        }
    }

    /// Adds something that carries over; an outline keeps only what it cited.
    pub fn add_carry(&mut self, item: Item) {
        if self.is_full() {
            self.carries_over.push(item);
        }
    }

    /// Adds a note; an outline keeps only what it cited.
    pub fn add_note(&mut self, item: Item) {
        if self.is_full() {
            self.notes.push(item);
        }
    }

    /// `make()`, or an empty text in an outline.
    pub fn text(&self, make: impl FnOnce() -> Text) -> Text {
        if self.is_full() {
            make()
        } else {
            Text::default()
        }
    }

    /// Structured data for scripts under `key`, built only for a full verdict (an outline
    /// keeps only what the compact answer reads, which its check inserts itself).
    pub fn data(&mut self, key: &str, make: impl FnOnce() -> serde_json::Value) {
        if self.is_full() {
            self.extra.insert(key.to_string(), make());
        }
    }

    /// One step of the reasoning; its text is made only for a full verdict.
    pub fn trace(&mut self, id: impl Into<Str>, holds: bool, detail: impl FnOnce() -> Text) {
        if self.is_full() {
            self.trace.push(TraceEntry {
                id: id.into(),
                holds,
                detail: detail(),
            });
        }
    }

    /// A key line; its value is made only for a full verdict.
    pub fn line(&mut self, id: impl Into<Str>, label: Text, value: impl FnOnce() -> Text) {
        if self.is_full() {
            self.lines.push(Line {
                id: id.into(),
                label,
                value: value(),
            });
        }
    }

    /// True if any cited source is only reported.
    pub fn rests_on_reports(&self) -> bool {
        self.citations.iter().any(|c| c.reported)
    }
}
