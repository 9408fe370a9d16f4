//! What `yibao rules check` warns about in the registry of documents without failing: a
//! source not reviewed for more than a year (counted to the date checked, never the clock),
//! and a `url` on neither a government nor a state-media host.

use chrono::NaiveDate;

use super::documents::{Documents, Evidence};
use super::hosts::{self, HostKind};

/// Longest a source may go without review before `rules check` says so.
pub const REVIEW_DAYS: i64 = 365;

/// One thing to look at in the registry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Concern {
    /// Last reviewed (or, with no `reviewed_on`, published) on this day, more than a year
    /// before the date checked.
    NotReviewed { since: NaiveDate, reviewed: bool },
    /// The address to cite is on this host, neither government nor state media.
    UnofficialUrl { host: String },
    /// Graded `official`, but neither `url` nor `seen_at` is a government or state-media
    /// address: where was the official text read?
    OfficialUnseen,
}

/// The concerns about each document, in id order, as of `on`.
pub fn concerns(documents: &Documents, on: NaiveDate) -> Vec<(String, Concern)> {
    let mut out = Vec::new();
    for (_, doc) in documents.iter() {
        let since = doc.reviewed_on.unwrap_or(doc.published);
        if (on - since).num_days() > REVIEW_DAYS {
            out.push((
                doc.id.to_string(),
                Concern::NotReviewed {
                    since,
                    reviewed: doc.reviewed_on.is_some(),
                },
            ));
        }
        let official = |u: &str| !u.is_empty() && hosts::kind(u) != HostKind::Other;
        if doc.level == Evidence::Official && !official(&doc.url) && !official(&doc.seen_at) {
            out.push((doc.id.to_string(), Concern::OfficialUnseen));
        }
        if !doc.url.is_empty() && hosts::kind(&doc.url) == HostKind::Other {
            let host = hosts::host(&doc.url).unwrap_or_else(|| doc.url.to_string());
            out.push((doc.id.to_string(), Concern::UnofficialUrl { host }));
        }
    }
    out
}
