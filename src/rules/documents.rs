//! The registry of documents (`sources.toml`) as answers cite it: each document once, under a
//! small id given at load (`DocId`), so a citation is an index and its articles, and what the
//! registry says of a document is looked up when it is shown.

use chrono::NaiveDate;

use super::schema::SourceFile;
use crate::text::Str;

/// A registered document's place in `Documents` (its order by id).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DocId(u16);

/// What the registry says of one document.
#[derive(Debug, Clone)]
pub struct Document {
    pub id: Str,
    pub title: Str,
    pub doc_no: Str,
    pub issuer: Str,
    pub published: NaiveDate,
    pub url: Str,
    /// `confirmed` or `reported` (as written in the registry).
    pub evidence: Str,
    /// Only reported (待核对): the answer resting on it cannot be firm.
    pub reported: bool,
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
                .map(|(id, doc)| Document {
                    id: Str::from(id.clone()),
                    title: doc.title.clone(),
                    doc_no: doc.doc_no.clone(),
                    issuer: doc.issuer.clone(),
                    published: crate::dates::from_toml(doc.published.get_ref()).unwrap_or_default(),
                    url: doc.url.clone(),
                    evidence: doc.evidence.get_ref().clone(),
                    reported: doc.evidence.get_ref() != "confirmed",
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

    /// Document `id` (given by `find` on these documents).
    pub fn get(&self, id: DocId) -> &Document {
        &self.0[usize::from(id.0)]
    }
}
