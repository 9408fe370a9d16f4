//! Lists built only when they are read or written. A list of blockers,
//! conditions, materials, notes or what carries over whose every statement is a rules item
//! as the rules word it is kept as those items; while a batch runs, such a list written
//! before is copied whole, keyed by its items (`reuse`), and never built again. Any other list
//! is built at once. Read (by the screen and markdown printers), a list is built the first
//! time and kept. (Steps are kept one by one instead: their waits carry the answer's dates,
//! so a whole list of them is seldom written twice.) The citations are kept the same way,
//! as one list keyed by the documents and the articles cited, where every article is a
//! string of the rules that lives for the whole run.

use std::borrow::Cow;
use std::cell::OnceCell;

use schemars::JsonSchema;
use serde::Serialize;

use super::{CitationJson, ItemJson, citation, item};
use crate::render::reuse;
use crate::render::text::{Context, Voice};
use crate::rules::RuleSet;
use crate::text::Lang;
use crate::verdict::{Said, Statement, Verdict};

/// Blockers, conditions, materials, notes or what carries over.
pub struct ItemsJson<'a> {
    built: OnceCell<Vec<ItemJson<'a>>>,
    rules_items: Option<RulesItems<'a>>,
}

/// Statements that are all rules items, and what wording them takes.
pub struct RulesItems<'a> {
    pub(super) list: &'a [Statement<'a>],
    verdict: &'a Verdict<'a>,
    pub(super) lang: Lang,
    pub(super) voice: Voice,
    rules: &'a RuleSet,
}

impl<'a> ItemsJson<'a> {
    pub(super) fn of(
        list: &'a [Statement<'a>],
        cx: &Context<'a, '_>,
        rules: &'a RuleSet,
    ) -> ItemsJson<'a> {
        if !list.iter().all(|s| matches!(s.said, Said::Rule(_))) {
            return (list.iter())
                .map(|s| item(s, cx, rules))
                .collect::<Vec<_>>()
                .into();
        }
        ItemsJson {
            built: OnceCell::new(),
            rules_items: Some(RulesItems {
                list,
                verdict: cx.verdict,
                lang: cx.lang,
                voice: cx.voice,
                rules,
            }),
        }
    }
}

impl<'a> RulesItems<'a> {
    fn build(&self) -> Vec<ItemJson<'a>> {
        let cx = Context::plain(self.verdict, self.lang).spoken(self.voice);
        (self.list.iter())
            .map(|s| item(s, &cx, self.rules))
            .collect()
    }
}

impl<'a> From<Vec<ItemJson<'a>>> for ItemsJson<'a> {
    fn from(items: Vec<ItemJson<'a>>) -> ItemsJson<'a> {
        ItemsJson {
            built: items.into(),
            rules_items: None,
        }
    }
}

impl<'a> std::ops::Deref for ItemsJson<'a> {
    type Target = [ItemJson<'a>];
    fn deref(&self) -> &[ItemJson<'a>] {
        (self.built).get_or_init(|| {
            self.rules_items
                .as_ref()
                .map_or_else(Vec::new, RulesItems::build)
        })
    }
}

impl Serialize for ItemsJson<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match (self.built.get(), &self.rules_items) {
            (Some(built), _) => reuse::each(built, serializer),
            (None, Some(rules_items)) => reuse::one(rules_items, serializer),
            (None, None) => reuse::each::<ItemJson, S>(&[], serializer),
        }
    }
}

/// Written whole: kept as one list, so its items are escaped as they are, not kept each.
impl Serialize for RulesItems<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.build())
    }
}

impl JsonSchema for ItemsJson<'_> {
    fn schema_name() -> Cow<'static, str> {
        <Vec<ItemJson>>::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        <Vec<ItemJson>>::schema_id()
    }

    fn inline_schema() -> bool {
        <Vec<ItemJson>>::inline_schema()
    }

    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <Vec<ItemJson>>::json_schema(g)
    }
}

/// The documents an answer rests on.
pub struct CitationsJson<'a> {
    built: OnceCell<Vec<CitationJson<'a>>>,
    cited: Option<Cited<'a>>,
}

/// A verdict's citations and the rules they are of: every field of a citation is its
/// document's, but for the articles cited.
pub struct Cited<'a> {
    pub(super) verdict: &'a Verdict<'a>,
    pub(super) rules: &'a RuleSet,
}

impl<'a> CitationsJson<'a> {
    pub(super) fn of(verdict: &'a Verdict<'a>, rules: &'a RuleSet) -> CitationsJson<'a> {
        CitationsJson {
            built: OnceCell::new(),
            cited: Some(Cited { verdict, rules }),
        }
    }
}

impl<'a> Cited<'a> {
    fn build(&self) -> Vec<CitationJson<'a>> {
        let v = self.verdict;
        (v.citations.iter())
            .zip(v.articles_by_citation())
            .map(|(c, articles)| citation(c, articles, self.rules))
            .collect()
    }
}

impl<'a> From<Vec<CitationJson<'a>>> for CitationsJson<'a> {
    fn from(list: Vec<CitationJson<'a>>) -> CitationsJson<'a> {
        CitationsJson {
            built: list.into(),
            cited: None,
        }
    }
}

impl<'a> std::ops::Deref for CitationsJson<'a> {
    type Target = [CitationJson<'a>];
    fn deref(&self) -> &[CitationJson<'a>] {
        (self.built).get_or_init(|| self.cited.as_ref().map_or_else(Vec::new, Cited::build))
    }
}

impl Serialize for CitationsJson<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match (self.built.get(), &self.cited) {
            (Some(built), _) => reuse::each(built, serializer),
            (None, Some(cited)) => reuse::one(cited, serializer),
            (None, None) => reuse::each::<CitationJson, S>(&[], serializer),
        }
    }
}

/// Written whole: kept as one list, so its citations are not kept each.
impl Serialize for Cited<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.build())
    }
}

impl JsonSchema for CitationsJson<'_> {
    fn schema_name() -> Cow<'static, str> {
        <Vec<CitationJson>>::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        <Vec<CitationJson>>::schema_id()
    }

    fn inline_schema() -> bool {
        <Vec<CitationJson>>::inline_schema()
    }

    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <Vec<CitationJson>>::json_schema(g)
    }
}
