//! The wording of the transfer plan (`rules/transfer.toml`): blockers, steps, materials, what
//! carries over and notes, each cited and each shown only when its `when` tags hold for the
//! person asked about. Shape and validation only; `checks::transfer` decides the tags.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

use super::items::{FileCtx, ItemData, TagSet, read_tags};
use crate::rules::diag::Diagnostic;

/// The tags a `when` list may use in transfer.toml.
pub const TAGS: &[&str] = &[
    "employee",
    "resident",
    "cross_scheme",
    "same_scheme",
    "to_employee",
    "to_resident",
    "reason_job",
    "reason_relocation",
    "reason_hukou",
    "reason_study",
    "reason_other",
    "origin_not_stopped",
    "destination_not_enrolled",
    "not_submitted",
    "gap_payable",
    "flexible",
    "not_flexible",
    "retired",
    "paid_twice",
];

/// The facts that can block a transfer; transfer.toml words each as a `[[blocker]]`.
pub const BLOCKERS: &[&str] = &[
    "retired",
    "origin_stopped",
    "destination_enrolled",
    "arrears",
    "account_frozen",
];

/// `rules/transfer.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TransferFile {
    #[serde(default)]
    pub reviewed_on: Option<Spanned<Datetime>>,
    #[serde(default)]
    pub blocker: Vec<ItemData>,
    #[serde(default)]
    pub step: Vec<ItemData>,
    #[serde(default)]
    pub material: Vec<ItemData>,
    #[serde(default)]
    pub carry: Vec<ItemData>,
    #[serde(default)]
    pub note: Vec<ItemData>,
    /// Situations the agencies settle (the answer is conditional).
    #[serde(default)]
    pub condition: Vec<ItemData>,
    /// What a person outside the transfer rules can do instead (steps).
    #[serde(default)]
    pub instead: Vec<ItemData>,
}

impl TransferFile {
    /// The wording of blocker `id` for the person with `tags`.
    pub fn blocker(&self, id: &str, tags: TagSet) -> Option<&ItemData> {
        self.blocker
            .iter()
            .find(|b| b.id.get_ref() == id && b.applies(tags))
    }

    /// Reads every item's `when` into bits of `TAGS` (once, at load).
    pub fn read_tags(&mut self) {
        for items in [
            &mut self.blocker,
            &mut self.step,
            &mut self.material,
            &mut self.carry,
            &mut self.note,
            &mut self.condition,
            &mut self.instead,
        ] {
            read_tags(items, TAGS);
        }
    }
}

pub fn check_transfer(ctx: &FileCtx, file: &TransferFile, out: &mut Vec<Diagnostic>) {
    let lists = [
        ("blocker", &file.blocker),
        ("step", &file.step),
        ("material", &file.material),
        ("carry", &file.carry),
        ("note", &file.note),
        ("condition", &file.condition),
        ("instead", &file.instead),
    ];
    for (name, items) in lists {
        // An id may repeat with a different `when`: one wording per situation.
        unique_per_situation(ctx, name, items, out);
        for item in items.iter() {
            let what = format!("{name}.{}", item.id.get_ref());
            ctx.cites(&what, item.cites(), out);
            for code in &item.destination {
                if name == "blocker" {
                    out.push(ctx.at(
                        code.span(),
                        format!("`{what}`: a blocker holds everywhere; `destination` is for notes, steps, materials, carry and conditions"),
                    ));
                } else {
                    super::check_region_code(ctx, &what, code, out);
                }
            }
        }
        ctx.tags(name, items, TAGS, out);
    }
    ctx.steps_shape("step", &file.step, out);
    ctx.steps_shape("instead", &file.instead, out);
    for b in &file.blocker {
        let id = b.id.get_ref().as_str();
        if !BLOCKERS.contains(&id) {
            let hint = crate::text::closest(id, BLOCKERS.iter().copied())
                .map_or(String::new(), |b| format!("; did you mean \"{b}\"?"));
            out.push(ctx.at(
                b.id.span(),
                format!(
                    "blocker \"{id}\" is not a fact yibao transfer asks about (known: {}){hint}",
                    BLOCKERS.join(", ")
                ),
            ));
        }
        if b.fix.is_none() {
            out.push(ctx.at(
                b.id.span(),
                format!("blocker `{id}`: give a fix (how to clear it)"),
            ));
        }
    }
    if !file.blocker.is_empty() {
        for known in BLOCKERS {
            if !file.blocker.iter().any(|b| b.id.get_ref() == known) {
                out.push(Diagnostic::file(
                    ctx.path,
                    format!("blocker \"{known}\" is missing; yibao transfer needs a wording for each of {}", BLOCKERS.join(", ")),
                ));
            }
        }
    }
    super::check_reviewed(ctx, file.reviewed_on.as_ref(), out);
}

/// Ids are snake_case, texts complete, and an id repeats only with a different `when`.
fn unique_per_situation(ctx: &FileCtx, list: &str, items: &[ItemData], out: &mut Vec<Diagnostic>) {
    let mut seen: BTreeMap<(String, Vec<String>), usize> = BTreeMap::new();
    for item in items {
        if !super::items::is_snake_case(item.id.get_ref()) {
            out.push(ctx.at(
                item.id.span(),
                format!(
                    "{list}: id \"{}\" must be ASCII snake_case (a-z, 0-9, _)",
                    item.id.get_ref()
                ),
            ));
        }
        let mut when: Vec<String> = item.when.iter().map(|t| t.get_ref().to_string()).collect();
        when.sort();
        let key = (item.id.get_ref().to_string(), when);
        if let Some(first) = seen.get(&key) {
            let (line, _) = crate::rules::diag::locate(ctx.text, *first);
            out.push(ctx.at(
                item.id.span(),
                format!(
                    "{list}: id \"{}\" with the same `when` was first used on line {line}; an id may repeat only for a different situation",
                    key.0
                ),
            ));
        } else {
            seen.insert(key, item.id.span().start);
        }
    }
    ctx.texts(list, items, out);
}
