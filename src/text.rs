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

    /// The text in `lang`, as held (see `Str::kept`).
    pub fn held(&self, lang: Lang) -> &Str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
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

/// From serde's "unknown field `x`, expected one of `a`, `b`": the field typed and the known
/// one closest to it, if any is a plausible typo of it.
pub fn unknown_field_fix(serde_message: &str) -> Option<(&str, &str)> {
    let rest = serde_message.strip_prefix("unknown field `")?;
    let (unknown, expected) = rest.split_once('`')?;
    let candidates = expected.split('`').skip(1).step_by(2);
    Some((unknown, closest(unknown, candidates)?))
}

/// The candidate closest to `input` (by edit distance on characters, case-insensitive), if
/// any is close enough to be a plausible typo.
pub fn closest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    // Longer than any name: not a typo of one, and the edit distance would cost its length
    // times each candidate's. Candidates whose length alone is too far off are skipped, and
    // the distance is computed in two reused buffers: a miss costs little more than a hit.
    const MAX_CHARS: usize = 64;
    let mut chars = input.chars();
    let needle: Vec<char> = chars
        .by_ref()
        .take(MAX_CHARS)
        .flat_map(char::to_lowercase)
        .collect();
    if chars.next().is_some() {
        return None;
    }
    let limit = (needle.len() / 2).max(2);
    let (mut word, mut row) = (Vec::<char>::new(), Vec::<usize>::new());
    let mut best: Option<(usize, &'a str)> = None;
    for candidate in candidates {
        if candidate.chars().count().abs_diff(needle.len()) > limit {
            continue;
        }
        word.clear();
        word.extend(candidate.chars().flat_map(char::to_lowercase));
        // Levenshtein distance, one row of the table at a time; stop once every cell of a
        // row is past the limit.
        row.clear();
        row.extend(0..=word.len());
        let mut within = true;
        for (i, a) in needle.iter().enumerate() {
            let mut diagonal = row[0];
            row[0] = i + 1;
            let mut least = row[0];
            for (j, b) in word.iter().enumerate() {
                let above = row[j + 1];
                row[j + 1] = (diagonal + usize::from(a != b))
                    .min(above + 1)
                    .min(row[j] + 1);
                diagonal = above;
                least = least.min(row[j + 1]);
            }
            if least > limit {
                within = false;
                break;
            }
        }
        let distance = row[word.len()];
        if within && distance <= limit && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c)
}
