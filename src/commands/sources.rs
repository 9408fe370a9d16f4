//! `yibao sources [ID]`: the registry of documents behind every answer — each with its
//! number, issuer, date, evidence level, the address to cite, where it was read, when it was
//! last reviewed, and which rules keys and plan items rest on it; one document in full by id.

use serde_json::Value;

use crate::error::Error;
use crate::render::Report;
use crate::render::sources::{LevelCounts, SourceJson, SourcesReport, UrlHost, UseJson};
use crate::render::text::sources as words;
use crate::request::Request;
use crate::rules::documents::{Document, Evidence};
use crate::rules::hosts::{self, HostKind};
use crate::rules::uses::{self, Use};
use crate::text::Lang;

fn opt(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

fn source(doc: &Document, used: Option<&Vec<Use>>) -> SourceJson {
    let url_host = opt(&doc.url).map(|u| match hosts::kind(&u) {
        HostKind::Government => UrlHost::Government,
        HostKind::StateMedia => UrlHost::StateMedia,
        HostKind::Other => UrlHost::Other,
    });
    SourceJson {
        id: doc.id.to_string(),
        title: doc.title.to_string(),
        doc_no: opt(&doc.doc_no),
        issuer: doc.issuer.to_string(),
        published: doc.published,
        evidence: doc.level,
        url: opt(&doc.url),
        url_host,
        seen_at: opt(&doc.seen_at),
        reviewed_on: doc.reviewed_on,
        note: doc.note.to_string(),
        used_by: (used.into_iter().flatten())
            .map(|u| UseJson {
                item: u.item.clone(),
                file: u.file.to_string(),
            })
            .collect(),
    }
}

pub fn run(id: Option<&str>, req: &Request) -> Result<SourcesReport, Error> {
    let rules = req.rules()?;
    let documents = &rules.documents;
    if let Some(id) = id
        && documents.find(id).is_none()
    {
        let ids = documents.iter().map(|(_, d)| d.id.as_str());
        let hint = crate::text::closest(id, ids);
        return Err(words::unknown(id, hint));
    }
    let used = uses::uses(rules);
    let mut counts = LevelCounts {
        official: 0,
        full_text: 0,
        reported: 0,
    };
    for (_, d) in documents.iter() {
        match d.level {
            Evidence::Official => counts.official += 1,
            Evidence::FullText => counts.full_text += 1,
            Evidence::Reported => counts.reported += 1,
        }
    }
    let sources = (documents.iter())
        .filter(|(_, d)| id.is_none_or(|id| d.id.as_str() == id))
        .map(|(_, d)| source(d, used.get(d.id.as_str())))
        .collect();
    Ok(SourcesReport {
        id: id.map(str::to_string),
        counts,
        sources,
    })
}

impl Report for SourcesReport {
    fn schema(&self) -> &'static str {
        crate::render::sources::SCHEMA
    }

    fn json(&self, _explain: bool) -> Value {
        serde_json::to_value(self).unwrap_or_default()
    }

    fn human(&self, lang: Lang, _explain: bool) -> String {
        match (&self.id, self.sources.first()) {
            (Some(_), Some(one)) => words::one(one, lang),
            _ => words::list(self, lang),
        }
    }
}
