//! Lists built only when they are read or written. A list of blockers, conditions,
//! materials, notes or what carries over whose every statement is a rules item as the rules
//! word it is kept as those items, and the citations as the verdict's documents and articles;
//! while a batch runs, such a list written before is copied whole, keyed by what it is made
//! of (`reuse`), and never built again. Any other list is built at once. Read (by the screen
//! and markdown printers), a list is built the first time and kept. (Steps are kept one by one
//! instead: their waits carry the answer's dates, so a whole list of them is seldom written
//! twice.)

use std::borrow::Cow;
use std::cell::OnceCell;

use schemars::JsonSchema;
use serde::Serialize;

use super::{CitationJson, ItemJson, citation, item};
use crate::render::reuse::{self, Reusable};
use crate::render::text::{Context, Voice};
use crate::rules::RuleSet;
use crate::text::Lang;
use crate::verdict::{Said, Statement, Verdict};

/// A list of `T`, given built or as what it is built from (`B`), and built then only when read.
pub struct Lazy<T, B> {
    built: OnceCell<Vec<T>>,
    from: Option<B>,
}

/// What a lazily built list is made from: written whole, it is written as built.
pub trait Builds<T> {
    fn build(&self) -> Vec<T>;
}

/// Blockers, conditions, materials, notes or what carries over.
pub type ItemsJson<'a> = Lazy<ItemJson<'a>, RulesItems<'a>>;

/// The documents an answer rests on.
pub type CitationsJson<'a> = Lazy<CitationJson<'a>, Cited<'a>>;

/// Statements that are all rules items, and what wording them takes.
pub struct RulesItems<'a> {
    pub(super) list: &'a [Statement<'a>],
    verdict: &'a Verdict<'a>,
    pub(super) lang: Lang,
    pub(super) voice: Voice,
    rules: &'a RuleSet,
}

/// A verdict's citations and the rules they are of: every field of a citation is its
/// document's, but for the articles cited.
pub struct Cited<'a> {
    pub(super) verdict: &'a Verdict<'a>,
    pub(super) rules: &'a RuleSet,
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
        Lazy::unbuilt(RulesItems {
            list,
            verdict: cx.verdict,
            lang: cx.lang,
            voice: cx.voice,
            rules,
        })
    }
}

impl<'a> CitationsJson<'a> {
    pub(super) fn of(verdict: &'a Verdict<'a>, rules: &'a RuleSet) -> CitationsJson<'a> {
        Lazy::unbuilt(Cited { verdict, rules })
    }
}

impl<'a> Builds<ItemJson<'a>> for RulesItems<'a> {
    fn build(&self) -> Vec<ItemJson<'a>> {
        let cx = Context::plain(self.verdict, self.lang).spoken(self.voice);
        (self.list.iter())
            .map(|s| item(s, &cx, self.rules))
            .collect()
    }
}

impl<'a> Builds<CitationJson<'a>> for Cited<'a> {
    fn build(&self) -> Vec<CitationJson<'a>> {
        let v = self.verdict;
        (v.citations.iter())
            .zip(v.articles_by_citation())
            .map(|(c, articles)| citation(c, articles, self.rules))
            .collect()
    }
}

impl<T, B> Lazy<T, B> {
    fn unbuilt(from: B) -> Lazy<T, B> {
        Lazy {
            built: OnceCell::new(),
            from: Some(from),
        }
    }
}

impl<T, B> From<Vec<T>> for Lazy<T, B> {
    fn from(list: Vec<T>) -> Lazy<T, B> {
        Lazy {
            built: list.into(),
            from: None,
        }
    }
}

impl<T, B: Builds<T>> std::ops::Deref for Lazy<T, B> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        (self.built).get_or_init(|| self.from.as_ref().map_or_else(Vec::new, B::build))
    }
}

impl<T, B> Serialize for Lazy<T, B>
where
    T: Serialize + Reusable,
    B: Serialize + Reusable,
{
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match (self.built.get(), &self.from) {
            (Some(built), _) => reuse::each(built, serializer),
            (None, Some(from)) => reuse::one(from, serializer),
            (None, None) => reuse::each::<T, S>(&[], serializer),
        }
    }
}

/// Written whole: kept as one list, so its items are escaped as they are, not kept each.
impl Serialize for RulesItems<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.build())
    }
}

/// Written whole: kept as one list, so its citations are not kept each.
impl Serialize for Cited<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.build())
    }
}

/// The schema of the list of `T`.
impl<T: JsonSchema, B> JsonSchema for Lazy<T, B> {
    fn schema_name() -> Cow<'static, str> {
        <Vec<T>>::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        <Vec<T>>::schema_id()
    }

    fn inline_schema() -> bool {
        <Vec<T>>::inline_schema()
    }

    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <Vec<T>>::json_schema(g)
    }
}
