//! `rules/filing.toml`: the statements of `yibao filing` (why no filing is needed, what the
//! answer depends on, steps, materials, notes; each shown when its `when` tags hold) and the
//! explanations of `yibao route` (picked by id). Shape and validation only: which tags hold
//! for a person is `checks::filing`'s business.

use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

use super::items::{FileCtx, ItemData, read_tags};
use crate::rules::diag::Diagnostic;

/// The tags a `when` list may name (see the head of `rules/filing.toml`).
pub const TAGS: &[&str] = &[
    "needed",
    "not_needed",
    "same_area",
    "in_province",
    "cross_province",
    "long_term",
    "temporary",
    "kind_resettled_retiree",
    "kind_long_term_resident",
    "kind_posted_worker",
    "kind_referral",
    "kind_emergency",
    "kind_temporary",
    "kind_unknown",
    "admitted",
    "proof",
    "waived",
    "waiver_reported",
];

/// The explanations the route chooser names by id; filing.toml words each one.
pub const ROUTES: &[&str] = &[
    "same_area",
    "retired_files",
    "retired_short_trip",
    "changing_insured_place",
    "posted_files",
    "long_stay_files",
    "care_trip_files",
    "change_unknown",
    "stay_unknown",
];

/// `rules/filing.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FilingFile {
    #[serde(default)]
    pub reviewed_on: Option<Spanned<Datetime>>,
    #[serde(default)]
    pub not_needed: Vec<ItemData>,
    #[serde(default)]
    pub condition: Vec<ItemData>,
    #[serde(default)]
    pub step: Vec<ItemData>,
    #[serde(default)]
    pub material: Vec<ItemData>,
    #[serde(default)]
    pub note: Vec<ItemData>,
    #[serde(default)]
    pub route: Vec<ItemData>,
}

impl FilingFile {
    /// The route explanation `id`, if the file words it.
    pub fn route(&self, id: &str) -> Option<&ItemData> {
        super::items::by_id(&self.route, id)
    }
}

impl FilingFile {
    /// Reads every item's `when` into bits of `TAGS` (once, at load); routes use no tags.
    pub fn read_tags(&mut self) {
        for items in [
            &mut self.not_needed,
            &mut self.condition,
            &mut self.step,
            &mut self.material,
            &mut self.note,
        ] {
            read_tags(items, TAGS);
        }
        read_tags(&mut self.route, &[]);
    }
}

pub fn check(ctx: &FileCtx, file: &FilingFile, out: &mut Vec<Diagnostic>) {
    for (list, items) in [
        ("not_needed", &file.not_needed),
        ("condition", &file.condition),
        ("material", &file.material),
        ("note", &file.note),
    ] {
        ctx.items(list, items, out);
        ctx.tags(list, items, TAGS, out);
    }
    ctx.steps("step", &file.step, out);
    ctx.tags("step", &file.step, TAGS, out);
    ctx.items("route", &file.route, out);
    ctx.tags("route", &file.route, &[], out);
    for r in &file.route {
        let id = r.id.get_ref().as_str();
        if !ROUTES.contains(&id) {
            let hint = crate::text::closest(id, ROUTES.iter().copied())
                .map_or(String::new(), |b| format!("; did you mean \"{b}\"?"));
            out.push(ctx.at(
                r.id.span(),
                format!(
                    "route: unknown id \"{id}\" (the route chooser names {}){hint}",
                    ROUTES.join(", ")
                ),
            ));
        }
    }
    // A file that has route items words every one the chooser names (an overlay may leave
    // the list out entirely and keep the built-in one).
    if !file.route.is_empty() {
        for id in ROUTES {
            if file.route(id).is_none() {
                out.push(Diagnostic::file(
                    ctx.path,
                    format!(
                        "route: no entry for \"{id}\"; the route chooser needs every one of {}",
                        ROUTES.join(", ")
                    ),
                ));
            }
        }
    }
    super::check_reviewed(ctx, file.reviewed_on.as_ref(), out);
}
