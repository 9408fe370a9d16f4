//! `rules/leads.toml`: regional rules seen only in secondary pages (or named but not read),
//! kept apart from the values so that no answer rests on them. `yibao rules coverage` lists
//! those of a place and its province, for a maintainer to look up next.

use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

use super::diag::Diagnostic;
use super::validate;
use crate::region::regions;
use crate::text::Text;

/// One lead.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lead {
    /// The division it is about (a province or a pooling area).
    pub region: Spanned<String>,
    pub topic: Text,
    /// Where it was seen (an address only if one was recorded).
    pub seen: String,
    /// Why it is not a value.
    pub why: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LeadsFile {
    #[serde(default)]
    pub reviewed_on: Option<Spanned<Datetime>>,
    #[serde(default)]
    pub lead: Vec<Lead>,
}

impl LeadsFile {
    /// Parses and checks `leads.toml`: every region a known division code.
    pub fn load(path: &str, text: &str, out: &mut Vec<Diagnostic>) -> LeadsFile {
        let file = match validate::parse::<LeadsFile>(path, text) {
            Ok(f) => f,
            Err(d) => {
                out.push(d);
                return LeadsFile::default();
            }
        };
        validate::check_reviewed_on(path, text, file.reviewed_on.as_ref(), out);
        for lead in &file.lead {
            let code = lead.region.get_ref();
            if regions().get(code).is_none() {
                out.push(Diagnostic::at(
                    path,
                    text,
                    lead.region.span(),
                    format!(
                        "lead region '{code}' is not a known division code (see 'yibao regions')"
                    ),
                ));
            }
        }
        file
    }

    /// The leads about `area` or its province `province`.
    pub fn about<'a>(&'a self, area: &'a str, province: &'a str) -> impl Iterator<Item = &'a Lead> {
        (self.lead.iter()).filter(move |l| {
            let code = l.region.get_ref();
            code == area || code == province
        })
    }
}
