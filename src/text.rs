//! Bilingual text: the `{ zh = "…", en = "…" }` values of the rules files and the language
//! a user asked for, and (`string`) the string type they are made of. Owns nothing else; every
//! citizen-facing string is one of these or comes from the text catalogue in
//! `render::catalogue`.

mod string;

use serde::{Deserialize, Serialize};

pub use string::{STR_NEWTYPE, Str, hand_over};

/// The output language. Chinese is the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Zh,
    En,
}

/// A text in both languages, as written in the rules files.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub zh: Str,
    pub en: Str,
}

/// In JSON output every text is one string in the chosen language (see `render::localize`).
impl schemars::JsonSchema for Text {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string", "description": "text in the language chosen with --lang" })
    }
}

impl Text {
    pub fn new(zh: impl Into<Str>, en: impl Into<Str>) -> Text {
        Text {
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

/// The candidate closest to `input` (by edit distance on characters, case-insensitive), if
/// any is close enough to be a plausible typo.
pub fn closest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    // Longer than any name: not a typo of one, and the edit distance would cost its length
    // times each candidate's. Candidates whose length alone is too far off are skipped.
    const MAX_CHARS: usize = 64;
    let mut chars = input.chars();
    let needle = chars
        .by_ref()
        .take(MAX_CHARS)
        .collect::<String>()
        .to_lowercase();
    if chars.next().is_some() {
        return None;
    }
    let length = needle.chars().count();
    let limit = (length / 2).max(2);
    candidates
        .into_iter()
        .filter(|c| c.chars().count().abs_diff(length) <= limit)
        .map(|c| (strsim::levenshtein(&needle, &c.to_lowercase()), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}
