//! The registry of documents (`sources.toml`) and citations of it: the documents as written,
//! a citation (`Cite`: a source id and an article) and its check, and each document once
//! under a small id given at load (`DocId`), so an answer's citation is an index and what
//! the registry says of a document is looked up when it is shown.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

use super::diag::Diagnostic;
use crate::text::Str;

/// One document in `sources.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub title: Str,
    #[serde(default)]
    pub doc_no: Str,
    pub issuer: Str,
    pub published: Spanned<Datetime>,
    /// The address to cite: the government or state-media original when a page names it,
    /// otherwise the best copy (the note then says so).
    #[serde(default)]
    pub url: Str,
    /// Where the text was actually read, when that is not `url`.
    #[serde(default)]
    pub seen_at: Str,
    /// `official`, `full_text` or `reported` (see `Evidence`).
    pub evidence: Spanned<Str>,
    /// The day a maintainer last checked the source against its text.
    #[serde(default)]
    pub reviewed_on: Option<Spanned<Datetime>>,
    /// What the source is, where it was read and why it has its level.
    #[serde(default)]
    pub note: Str,
}

/// How well a document is known: where its text was read and how completely.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Evidence {
    /// Only summaries, Q&A pages, reprints of parts, content sites: an answer resting on it
    /// is `conditional` and its items are marked 待核对 (unverified).
    Reported,
    /// The whole document read on a non-official copy, with its number, issuer and date,
    /// and agreeing with at least one independent restatement.
    FullText,
    /// Read on a government host or a verbatim state-media page.
    Official,
}

impl Evidence {
    /// Every level, weakest first, as written in `sources.toml`.
    pub const ALL: [Evidence; 3] = [Evidence::Reported, Evidence::FullText, Evidence::Official];

    pub fn as_str(self) -> &'static str {
        match self {
            Evidence::Official => "official",
            Evidence::FullText => "full_text",
            Evidence::Reported => "reported",
        }
    }

    /// The level written as `text`, if it is one.
    pub fn parse(text: &str) -> Option<Evidence> {
        Evidence::ALL.into_iter().find(|e| e.as_str() == text)
    }

    /// Firm enough for a plain yes or no.
    pub fn firm(self) -> bool {
        self != Evidence::Reported
    }
}

pub type SourceFile = BTreeMap<String, Source>;

/// A reference from a value to the registry: a source id plus the article where known.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cite {
    pub source: Spanned<Str>,
    #[serde(default)]
    pub article: Str,
    /// The cited document's id in the rule set this citation belongs to, found on first use.
    #[serde(skip)]
    doc: std::sync::OnceLock<Option<DocId>>,
}

impl Cite {
    /// The cited document among `documents` (those of the rule set holding this citation).
    pub fn doc(&self, documents: &Documents) -> Option<DocId> {
        *self
            .doc
            .get_or_init(|| documents.find(self.source.get_ref()))
    }
}

/// Checks that a citation names a registered source.
pub fn check_cite(
    path: &str,
    text: &str,
    what: &str,
    cite: &Cite,
    sources: &SourceFile,
    out: &mut Vec<Diagnostic>,
) {
    let id = cite.source.get_ref();
    if !sources.contains_key(id.as_str()) {
        let hint = crate::text::closest(id, sources.keys().map(String::as_str))
            .map_or(String::new(), |b| format!("; did you mean `{b}`?"));
        out.push(Diagnostic::at(
            path,
            text,
            cite.source.span(),
            format!("`{what}` cites unknown source `{id}`; add it to sources.toml{hint}"),
        ));
    }
}

/// A registered document's place in `Documents` (its order by id).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DocId(u16);

impl DocId {
    /// Its place in the registry of the rules it came from.
    pub fn index(self) -> usize {
        usize::from(self.0)
    }
}

/// What the registry says of one document.
#[derive(Debug, Clone)]
pub struct Document {
    pub id: Str,
    pub title: Str,
    pub doc_no: Str,
    pub issuer: Str,
    pub published: NaiveDate,
    pub url: Str,
    /// Where the text was read, when not at `url`.
    pub seen_at: Str,
    /// `official`, `full_text` or `reported` (as written in the registry).
    pub evidence: Str,
    pub level: Evidence,
    /// Only reported (待核对): the answer resting on it cannot be firm.
    pub reported: bool,
    pub reviewed_on: Option<NaiveDate>,
    pub note: Str,
}

/// Every registered document, sorted by id.
#[derive(Debug, Clone, Default)]
pub struct Documents(Vec<Document>);

impl Documents {
    /// The documents of a registry (a `BTreeMap`, so already in id order).
    pub fn of(sources: &SourceFile) -> Documents {
        Documents(
            sources
                .iter()
                .map(|(id, doc)| {
                    // `rules check` rejects any other word; unknown counts as the weakest.
                    let level =
                        Evidence::parse(doc.evidence.get_ref()).unwrap_or(Evidence::Reported);
                    Document {
                        id: Str::from(id),
                        title: doc.title.clone(),
                        doc_no: doc.doc_no.clone(),
                        issuer: doc.issuer.clone(),
                        published: crate::dates::from_toml(doc.published.get_ref())
                            .unwrap_or_default(),
                        url: doc.url.clone(),
                        seen_at: doc.seen_at.clone(),
                        evidence: Str::Static(level.as_str()),
                        level,
                        reported: !level.firm(),
                        reviewed_on: (doc.reviewed_on.as_ref())
                            .and_then(|d| crate::dates::from_toml(d.get_ref())),
                        note: doc.note.clone(),
                    }
                })
                .collect(),
        )
    }

    /// The id of the document registered as `source`.
    pub fn find(&self, source: &str) -> Option<DocId> {
        let at = self
            .0
            .binary_search_by(|d| d.id.as_str().cmp(source))
            .ok()?;
        u16::try_from(at).ok().map(DocId)
    }

    /// Every document, in id order.
    pub fn iter(&self) -> impl Iterator<Item = (DocId, &Document)> {
        (self.0.iter().enumerate()).filter_map(|(i, d)| Some((DocId(u16::try_from(i).ok()?), d)))
    }

    /// Document `id` (given by `find` on these documents).
    pub fn get(&self, id: DocId) -> &Document {
        &self.0[usize::from(id.0)]
    }
}
