//! The building block of the procedure files: one cited, bilingual statement (`ItemData`) —
//! a step, a condition, a material, a note — and the checks every procedure file shares:
//! citations resolve, ids are readable and unique. Shape and validation only; turning an item
//! into verdict output is the checks' business.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use crate::rules::diag::Diagnostic;
use crate::rules::documents::check_cite;
use crate::rules::documents::{Cite, SourceFile};
use crate::text::{Str, Text};
use crate::vocab::{Channel, Place, Who};

/// One statement of a procedure file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemData {
    /// A stable `snake_case` id, unique in its list.
    pub id: Spanned<Str>,
    pub text: Text,
    /// How to clear it, for conditions.
    #[serde(default)]
    pub fix: Option<Text>,
    /// For steps: where, how and by whom.
    #[serde(default)]
    pub place: Option<Place>,
    #[serde(default)]
    pub channel: Option<Channel>,
    #[serde(default)]
    pub who: Option<Who>,
    /// Tags that must all hold for the item to apply (files that use them say which exist).
    #[serde(default)]
    pub when: Vec<Spanned<Str>>,
    /// `when` as bits of its file's tag list, read once at load (`read_tags`).
    #[serde(skip)]
    pub when_set: TagSet,
    /// transfer.toml only: the provinces or pooling areas (codes) whose local rule this
    /// is; shown only for a move into one of them. Empty: everywhere.
    #[serde(default)]
    pub destination: Vec<Spanned<String>>,
    pub cite: Cite,
    /// Further sources saying the same.
    #[serde(default)]
    pub also: Vec<Cite>,
}

impl ItemData {
    /// True when every tag of its `when` is in `tags` (the item is for this person).
    pub fn applies(&self, tags: TagSet) -> bool {
        self.when_set.0 & !tags.0 == 0
    }

    /// True when the item is for a move into `code` (a pooling area or province): it names
    /// no destination, or names that code or its province.
    pub fn reaches(&self, code: Option<&str>) -> bool {
        // `d` is the province of `c`: its first two digits, then 0000.
        let province_of = |d: &str, c: &str| {
            d.len() == 6 && d.get(2..) == Some("0000") && c.get(..2) == d.get(..2)
        };
        self.destination.is_empty()
            || code.is_some_and(|c| {
                (self.destination.iter()).any(|d| {
                    let d = d.get_ref().as_str();
                    d == c || province_of(d, c)
                })
            })
    }

    /// Every source this item rests on, the main one first.
    pub fn cites(&self) -> impl Iterator<Item = &Cite> {
        std::iter::once(&self.cite).chain(self.also.iter())
    }
}

/// Tags that hold, as bits of a procedure file's tag list (its `TAGS`, at most 63): whether
/// an item applies is then one test, however many items a plan looks at.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TagSet(u64);

impl TagSet {
    /// No one has it: an item naming a tag its file's list lacks (which `rules check`
    /// reports) applies to no one, as a name no person's tags hold.
    const UNKNOWN: u64 = 1 << 63;

    /// The tags `names` of the list `known`.
    pub fn of(known: &[&str], names: &[&str]) -> TagSet {
        let mut set = TagSet::default();
        for name in names {
            set.add(known, name);
        }
        set
    }

    /// Adds the tag `name` of the list `known` (a check naming a tag the list lacks is a
    /// slip: debug builds stop on it).
    pub fn add(&mut self, known: &[&str], name: &str) {
        let at = known.iter().position(|k| *k == name);
        debug_assert!(at.is_some(), "tag {name:?} is not in its file's list");
        if let Some(i) = at {
            self.0 |= 1 << i;
        }
    }
}

/// Reads each item's `when` into its `when_set`, as bits of `known` (the file's tag list).
pub fn read_tags(items: &mut [ItemData], known: &[&str]) {
    assert!(known.len() < 63, "a tag list holds at most 63 tags");
    for item in items {
        let mut set = TagSet::default();
        for tag in &item.when {
            match known.iter().position(|k| *k == tag.get_ref().as_str()) {
                Some(i) => set.0 |= 1 << i,
                None => set.0 |= TagSet::UNKNOWN,
            }
        }
        item.when_set = set;
    }
}

/// The item of `items` with this id, if the file words it.
pub fn by_id<'i>(items: &'i [ItemData], id: &str) -> Option<&'i ItemData> {
    items.iter().find(|i| i.id.get_ref() == id)
}

/// The file being checked: where problems are reported and which sources exist.
pub struct FileCtx<'a> {
    pub path: &'a str,
    pub text: &'a str,
    pub sources: &'a SourceFile,
}

impl FileCtx<'_> {
    pub fn at(&self, span: std::ops::Range<usize>, msg: impl Into<String>) -> Diagnostic {
        Diagnostic::at(self.path, self.text, span, msg)
    }

    /// Every citation of `what` names a registered source.
    pub fn cites<'c>(
        &self,
        what: &str,
        cites: impl IntoIterator<Item = &'c Cite>,
        out: &mut Vec<Diagnostic>,
    ) {
        for cite in cites {
            check_cite(self.path, self.text, what, cite, self.sources, out);
        }
    }

    /// Ids are ASCII `snake_case` and unique within one list.
    pub fn ids<'i>(
        &self,
        list: &str,
        ids: impl IntoIterator<Item = &'i Spanned<Str>>,
        out: &mut Vec<Diagnostic>,
    ) {
        let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
        for id in ids {
            let name = id.get_ref().as_str();
            if !is_snake_case(name) {
                out.push(self.at(
                    id.span(),
                    format!("{list}: id \"{name}\" must be ASCII snake_case (a-z, 0-9, _), e.g. \"agency_window\""),
                ));
            }
            if let Some(first) = seen.get(name) {
                let (line, _) = crate::rules::diag::locate(self.text, *first);
                out.push(self.at(
                    id.span(),
                    format!("{list}: duplicate id \"{name}\" (first used on line {line}); give each entry its own id"),
                ));
            } else {
                seen.insert(name, id.span().start);
            }
        }
    }

    /// The usual checks of a list of items: ids, citations, and that both texts are written.
    /// A `destination` is read only in transfer.toml; elsewhere it is refused, not ignored.
    pub fn items(&self, list: &str, items: &[ItemData], out: &mut Vec<Diagnostic>) {
        self.ids(list, items.iter().map(|i| &i.id), out);
        for item in items {
            let what = format!("{list}.{}", item.id.get_ref());
            self.cites(&what, item.cites(), out);
            if let Some(d) = item.destination.first() {
                out.push(self.at(
                    d.span(),
                    format!("`{what}`: `destination` is read only in transfer.toml (its notes, steps, materials, carry and conditions)"),
                ));
            }
        }
        self.texts(list, items, out);
    }

    /// Both languages of every text (and fix) are written.
    pub fn texts(&self, list: &str, items: &[ItemData], out: &mut Vec<Diagnostic>) {
        for item in items {
            let texts = std::iter::once(&item.text).chain(item.fix.as_ref());
            if texts
                .into_iter()
                .any(|t| t.zh.trim().is_empty() || t.en.trim().is_empty())
            {
                out.push(self.at(
                    item.id.span(),
                    format!(
                        "`{list}.{}`: text needs both zh and en written",
                        item.id.get_ref()
                    ),
                ));
            }
        }
    }

    /// Every `when` tag is one the file's reader knows (`known` empty: the file takes none).
    pub fn tags(&self, list: &str, items: &[ItemData], known: &[&str], out: &mut Vec<Diagnostic>) {
        for item in items {
            for tag in &item.when {
                let name = tag.get_ref().as_str();
                if known.contains(&name) {
                    continue;
                }
                let msg = if known.is_empty() {
                    format!(
                        "`{list}.{}`: this file does not use `when`",
                        item.id.get_ref()
                    )
                } else {
                    let hint = crate::text::closest(name, known.iter().copied())
                        .map_or(String::new(), |b| format!("; did you mean \"{b}\"?"));
                    format!(
                        "`{list}.{}`: unknown tag \"{name}\" (known: {}){hint}",
                        item.id.get_ref(),
                        known.join(", ")
                    )
                };
                out.push(self.at(tag.span(), msg));
            }
        }
    }

    /// Steps must say where, how and by whom.
    pub fn steps(&self, list: &str, items: &[ItemData], out: &mut Vec<Diagnostic>) {
        self.items(list, items, out);
        self.steps_shape(list, items, out);
    }

    /// Each step names its place, channel and who.
    pub fn steps_shape(&self, list: &str, items: &[ItemData], out: &mut Vec<Diagnostic>) {
        for item in items {
            if item.place.is_none() || item.channel.is_none() || item.who.is_none() {
                out.push(self.at(
                    item.id.span(),
                    format!(
                        "`{list}.{}`: a step needs place (origin, destination, either, local, care), channel (online, offline, phone, wait) and who (person, employer, agency)",
                        item.id.get_ref()
                    ),
                ));
            }
        }
    }
}

pub fn is_snake_case(s: &str) -> bool {
    !s.is_empty()
        && s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}
