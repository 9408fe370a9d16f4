//! `rules/dental.toml`: the dental procedure catalogue. Each procedure has the names people
//! type (Chinese, pinyin, English, other aliases) and cover entries saying who pays, by
//! scheme and region where the sources say; caveats (designated institution, imported
//! materials) cap the outcome of every procedure. Shape and validation only; deciding is
//! `checks::dental`.

use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

use super::items::{FileCtx, ItemData};
use super::names::{NameSet, normalize};
use crate::rules::diag::Diagnostic;
use crate::rules::documents::Cite;
use crate::text::{Str, Text};
use crate::vocab::Outcome;
use crate::vocab::Scheme;

/// The yes/no facts of `yibao dental` a caveat may hang on (Facts fields and flag names).
pub const DENTAL_FACTS: &[&str] = &["designated", "imported_material"];

/// Who pays for a procedure.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Pays {
    /// The pooled fund reimburses it.
    Fund,
    /// Only the employee personal account may pay, where the region allows.
    Account,
    /// Depends on the region's catalogue.
    Local,
    /// Nobody: the person pays.
    None,
}

/// Who pays for a procedure in one scheme or region.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cover {
    /// Only for this scheme; absent: both.
    #[serde(default)]
    pub scheme: Option<Scheme>,
    /// Only in this province or pooling area; absent: everywhere.
    #[serde(default)]
    pub region: Option<Spanned<String>>,
    pub outcome: Outcome,
    pub pays: Pays,
    pub text: Text,
    pub cite: Cite,
    #[serde(default)]
    pub also: Vec<Cite>,
}

impl Cover {
    pub fn cites(&self) -> impl Iterator<Item = &Cite> {
        std::iter::once(&self.cite).chain(self.also.iter())
    }
}

/// One dental procedure.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Procedure {
    pub id: Spanned<Str>,
    /// How it is shown.
    pub name: Text,
    /// Chinese names people type.
    #[serde(default)]
    pub names: Vec<Spanned<Str>>,
    #[serde(default)]
    pub pinyin: Vec<Spanned<Str>>,
    #[serde(default)]
    pub english: Vec<Spanned<Str>>,
    #[serde(default)]
    pub aliases: Vec<Spanned<Str>>,
    pub cover: Vec<Cover>,
    #[serde(default)]
    pub note: Vec<ItemData>,
}

impl Procedure {
    /// Every name it answers to, the id first.
    pub fn all_names(&self) -> impl Iterator<Item = &Spanned<Str>> {
        std::iter::once(&self.id)
            .chain(&self.names)
            .chain(&self.pinyin)
            .chain(&self.english)
            .chain(&self.aliases)
    }
}

/// A fact that caps the outcome of every procedure when it has the given answer.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Caveat {
    pub id: Spanned<Str>,
    /// One of `DENTAL_FACTS`.
    pub fact: Spanned<String>,
    /// The answer that triggers it.
    pub answer: bool,
    /// The best outcome possible once triggered.
    pub outcome: Outcome,
    pub text: Text,
    pub fix: Text,
    pub cite: Cite,
}

impl Caveat {
    /// As a statement of a procedure file, to show and cite like one.
    pub fn item(&self) -> ItemData {
        ItemData {
            id: self.id.clone(),
            text: self.text.clone(),
            fix: Some(self.fix.clone()),
            place: None,
            channel: None,
            who: None,
            when: Vec::new(),
            when_set: Default::default(),
            destination: Vec::new(),
            cite: self.cite.clone(),
            also: Vec::new(),
        }
    }
}

/// `rules/dental.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DentalFile {
    #[serde(default)]
    pub reviewed_on: Option<Spanned<Datetime>>,
    #[serde(default)]
    pub caveat: Vec<Caveat>,
    #[serde(default)]
    pub note: Vec<ItemData>,
    #[serde(default)]
    pub procedure: Vec<Procedure>,
}

impl DentalFile {
    /// The procedure called `name` (any of its names, compared loosely).
    pub fn find(&self, name: &str) -> Option<&Procedure> {
        let key = normalize(name);
        self.procedure
            .iter()
            .find(|p| p.all_names().any(|n| normalize(n.get_ref()) == key))
    }
}

pub fn check(ctx: &FileCtx, file: &DentalFile, out: &mut Vec<Diagnostic>) {
    ctx.ids("procedure", file.procedure.iter().map(|p| &p.id), out);
    let mut names = NameSet::new("procedure");
    for p in &file.procedure {
        names.id(&p.id);
    }
    for p in &file.procedure {
        let pid = p.id.get_ref();
        names.add(
            ctx,
            pid,
            p.names
                .iter()
                .chain(&p.pinyin)
                .chain(&p.english)
                .chain(&p.aliases),
            out,
        );
        if p.cover.is_empty() {
            out.push(ctx.at(
                p.id.span(),
                format!("procedure `{pid}`: give at least one [[procedure.cover]]"),
            ));
        }
        for (i, c) in p.cover.iter().enumerate() {
            ctx.cites(&format!("procedure.{pid}.cover"), c.cites(), out);
            if let Some(code) = &c.region {
                super::check_region_code(ctx, &format!("procedure `{pid}`"), code, out);
            }
            let same = p.cover[..i].iter().any(|o| {
                o.scheme == c.scheme
                    && o.region.as_ref().map(|r| r.get_ref())
                        == c.region.as_ref().map(|r| r.get_ref())
            });
            if same {
                out.push(ctx.at(
                    c.cite.source.span(),
                    format!("procedure `{pid}`: two cover entries for the same scheme and region"),
                ));
            }
        }
        ctx.items(&format!("procedure `{pid}` notes"), &p.note, out);
    }
    let caveats: Vec<ItemData> = file.caveat.iter().map(Caveat::item).collect();
    ctx.items("caveat", &caveats, out);
    for c in &file.caveat {
        if !DENTAL_FACTS.contains(&c.fact.get_ref().as_str()) {
            out.push(ctx.at(
                c.fact.span(),
                format!(
                    "caveat `{}`: fact \"{}\" is not one yibao dental asks (known: {})",
                    c.id.get_ref(),
                    c.fact.get_ref(),
                    DENTAL_FACTS.join(", ")
                ),
            ));
        }
    }
    ctx.items("note", &file.note, out);
    super::check_reviewed(ctx, file.reviewed_on.as_ref(), out);
}
