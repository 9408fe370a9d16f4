//! The embedded rules files, already parsed: `build.rs` stores each file's TOML tree (values,
//! keys and their byte spans) in a compact form, and this module turns it back into the tree
//! the toml crate deserializes from, so start-up skips tokenizing about 80 KB of TOML. The
//! result is the same as parsing the text: the same tree, the same spans (so later
//! diagnostics point at the same path:line:column), the same deserializer. It is used only
//! for a text equal to the embedded file; anything else, or a tree that does not deserialize,
//! goes through `toml` itself, which reports problems with their positions.
//!
//! Encoding (numbers as LEB128): a value is a tag byte, its span (start, end) and a payload:
//! 0 string, 1 integer or float (its literal as written, parsed again here), 3 boolean (one
//! byte), 4 datetime (text), 5 array (count, values), 6 table (count, then key, key start,
//! key end, value). Strings are a length and UTF-8 bytes.

use std::ops::Range;

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue};

mod generated {
    include!(concat!(env!("OUT_DIR"), "/prebuilt_rules.rs"));
}

/// `T` from the prebuilt tree of the embedded file whose text is `text`, if there is one and
/// it deserializes.
pub fn deserialize<T: DeserializeOwned>(text: &str) -> Option<T> {
    let files = crate::rules::load::embedded_texts();
    let (rel, _) = files.iter().find(|(_, t)| *t == text)?;
    T::deserialize(toml::de::Deserializer::from(tree(rel)?)).ok()
}

/// The parsed tree of embedded file `rel` (e.g. `national.toml`).
fn tree(rel: &str) -> Option<Spanned<DeTable<'static>>> {
    let (_, blob) = generated::PREBUILT.iter().find(|(r, _)| *r == rel)?;
    match (Reader { blob, at: 0 }).value()? {
        (DeValue::Table(t), span) => Some(Spanned::new(span, t)),
        _ => None,
    }
}

struct Reader {
    blob: &'static [u8],
    at: usize,
}

impl Reader {
    fn byte(&mut self) -> Option<u8> {
        let b = *self.blob.get(self.at)?;
        self.at += 1;
        Some(b)
    }

    fn number(&mut self) -> Option<usize> {
        let mut n = 0usize;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= usize::from(b & 0x7f).checked_shl(shift)?;
            if b < 0x80 {
                return Some(n);
            }
        }
        None
    }

    fn text(&mut self) -> Option<&'static str> {
        let len = self.number()?;
        let end = self.at.checked_add(len)?;
        let blob: &'static [u8] = self.blob;
        let s = std::str::from_utf8(blob.get(self.at..end)?).ok()?;
        self.at = end;
        Some(s)
    }

    fn span(&mut self) -> Option<Range<usize>> {
        Some(self.number()?..self.number()?)
    }

    fn value(&mut self) -> Option<(DeValue<'static>, Range<usize>)> {
        let tag = self.byte()?;
        let span = self.span()?;
        let value = match tag {
            0 => DeValue::String(self.text()?.into()),
            1 => DeValue::parse(self.text()?).ok()?.into_inner(),
            3 => DeValue::Boolean(self.byte()? != 0),
            4 => DeValue::Datetime(self.text()?.parse().ok()?),
            5 => {
                let mut items = DeArray::new();
                for _ in 0..self.number()? {
                    let (v, s) = self.value()?;
                    items.push(Spanned::new(s, v));
                }
                DeValue::Array(items)
            }
            6 => {
                let mut table = DeTable::new();
                for _ in 0..self.number()? {
                    let key = self.text()?;
                    let key_span = self.span()?;
                    let (v, s) = self.value()?;
                    table.insert(Spanned::new(key_span, key.into()), Spanned::new(s, v));
                }
                DeValue::Table(table)
            }
            _ => return None,
        };
        Some((value, span))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_prebuilt_tree_equals_what_toml_parses_spans_included() {
        let files = crate::rules::load::embedded_texts();
        assert!(files.len() >= 10);
        for (rel, text) in files {
            let parsed = DeTable::parse(text).expect(rel);
            let built = tree(rel).unwrap_or_else(|| panic!("no prebuilt tree for {rel}"));
            assert_eq!(format!("{built:?}"), format!("{parsed:?}"), "{rel}");
        }
    }

    #[test]
    fn a_text_that_is_not_embedded_has_no_prebuilt_tree() {
        assert!(deserialize::<toml::Value>("a = 1").is_none());
        let (_, national) = crate::rules::load::embedded_texts()
            .iter()
            .find(|(rel, _)| *rel == "national.toml")
            .expect("national.toml is embedded");
        assert_eq!(
            deserialize::<toml::Value>(national),
            toml::from_str::<toml::Value>(national).ok()
        );
    }
}
