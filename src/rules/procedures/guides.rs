//! Procedures as data: the topics of `yibao guide` (`rules/guides.toml`: resetting the card
//! password, family mutual aid, …) and the plan for merging two accounts (`rules/merge.toml`:
//! conditions, steps, materials, notes). Shape and validation only.

use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

use super::items::{FileCtx, ItemData};
use crate::rules::diag::Diagnostic;
use crate::text::{Str, Text};

/// One heading of a topic with its statements.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicSection {
    pub id: Spanned<Str>,
    pub heading: Text,
    pub item: Vec<ItemData>,
}

/// One `yibao guide TOPIC`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub id: Spanned<Str>,
    /// Other names a person may type (Chinese, pinyin), matched exactly.
    #[serde(default)]
    pub aliases: Vec<Spanned<Str>>,
    pub title: Text,
    pub summary: Text,
    pub section: Vec<TopicSection>,
}

impl Topic {
    /// True if `name` is this topic's id or one of its aliases (case-insensitive).
    pub fn answers_to(&self, name: &str) -> bool {
        let name = name.trim().to_lowercase();
        self.id.get_ref().to_lowercase() == name
            || self
                .aliases
                .iter()
                .any(|a| a.get_ref().to_lowercase() == name)
    }
}

/// `rules/guides.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuidesFile {
    #[serde(default)]
    pub reviewed_on: Option<Spanned<Datetime>>,
    #[serde(default)]
    pub topic: Vec<Topic>,
}

impl GuidesFile {
    pub fn find(&self, name: &str) -> Option<&Topic> {
        self.topic.iter().find(|t| t.answers_to(name))
    }
}

/// `rules/merge.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MergeFile {
    #[serde(default)]
    pub reviewed_on: Option<Spanned<Datetime>>,
    /// One per fact of `yibao merge` (ids in `MERGE_CONDITIONS`).
    #[serde(default)]
    pub condition: Vec<ItemData>,
    #[serde(default)]
    pub step: Vec<ItemData>,
    #[serde(default)]
    pub material: Vec<ItemData>,
    #[serde(default)]
    pub note: Vec<ItemData>,
}

impl MergeFile {
    pub fn condition(&self, id: &str) -> Option<&ItemData> {
        super::items::by_id(&self.condition, id)
    }
}

/// The facts `yibao merge` asks about; merge.toml words one condition for each.
pub const MERGE_CONDITIONS: &[&str] = &["arrears", "frozen", "from_stopped", "to_insured"];

pub fn check_guides(ctx: &FileCtx, file: &GuidesFile, out: &mut Vec<Diagnostic>) {
    ctx.ids("topic", file.topic.iter().map(|t| &t.id), out);
    let mut names: Vec<(String, &Spanned<Str>)> = Vec::new();
    for topic in &file.topic {
        let tid = topic.id.get_ref();
        for alias in &topic.aliases {
            let lower = alias.get_ref().trim().to_lowercase();
            if lower.is_empty() {
                out.push(ctx.at(alias.span(), format!("topic `{tid}`: empty alias")));
            }
            names.push((lower, alias));
        }
        names.push((tid.to_lowercase(), &topic.id));
        ctx.ids(
            &format!("topic `{tid}` sections"),
            topic.section.iter().map(|s| &s.id),
            out,
        );
        let items: Vec<ItemData> = topic
            .section
            .iter()
            .flat_map(|s| s.item.iter().cloned())
            .collect();
        ctx.items(&format!("topic.{tid}"), &items, out);
        ctx.tags(&format!("topic.{tid}"), &items, &[], out);
        if topic.section.iter().any(|s| s.item.is_empty()) || topic.section.is_empty() {
            out.push(ctx.at(
                topic.id.span(),
                format!("topic `{tid}`: every topic needs sections, and every section items"),
            ));
        }
    }
    // A name typed must lead to one topic only.
    for (i, (name, at)) in names.iter().enumerate() {
        if names[..i].iter().any(|(n, _)| n == name) {
            out.push(ctx.at(
                at.span(),
                format!("topic name \"{name}\" is used twice (as an id or alias); each name must lead to one topic"),
            ));
        }
    }
    super::check_reviewed(ctx, file.reviewed_on.as_ref(), out);
}

pub fn check_merge(ctx: &FileCtx, file: &MergeFile, out: &mut Vec<Diagnostic>) {
    ctx.items("condition", &file.condition, out);
    for c in &file.condition {
        let id = c.id.get_ref().as_str();
        if !MERGE_CONDITIONS.contains(&id) {
            let hint = crate::text::closest(id, MERGE_CONDITIONS.iter().copied())
                .map_or(String::new(), |b| format!("; did you mean \"{b}\"?"));
            out.push(ctx.at(
                c.id.span(),
                format!(
                    "condition \"{id}\" is not a fact yibao merge asks about (known: {}){hint}",
                    MERGE_CONDITIONS.join(", ")
                ),
            ));
        }
        if c.fix.is_none() {
            out.push(ctx.at(
                c.id.span(),
                format!("condition `{id}`: give a fix (what to do when it does not hold)"),
            ));
        }
    }
    if !file.condition.is_empty() {
        for known in MERGE_CONDITIONS {
            if file.condition(known).is_none() {
                out.push(Diagnostic::file(
                    ctx.path,
                    format!("condition \"{known}\" is missing; yibao merge needs a wording for each of {}", MERGE_CONDITIONS.join(", ")),
                ));
            }
        }
    }
    ctx.steps("step", &file.step, out);
    ctx.items("material", &file.material, out);
    ctx.items("note", &file.note, out);
    for (list, items) in [
        ("condition", &file.condition),
        ("step", &file.step),
        ("material", &file.material),
        ("note", &file.note),
    ] {
        ctx.tags(list, items, &[], out);
    }
    super::check_reviewed(ctx, file.reviewed_on.as_ref(), out);
}
