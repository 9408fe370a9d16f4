//! The embedded rules files, already parsed: `build.rs` stores each file's TOML tree (values,
//! keys and their byte spans) in a compact form, and this module deserializes straight from
//! it, so start-up neither tokenizes about 80 KB of TOML nor builds a tree to walk. The result
//! is what parsing the text gives: the same values and the same spans (so later diagnostics
//! point at the same path:line:column), through the same serde types (`Spanned` and
//! `Datetime` are handed over the way the toml crate hands them over). It is used only for a
//! text equal to the embedded file; anything else, or a file whose tree does not deserialize,
//! goes through `toml` itself, which reports problems with their positions.
//!
//! Encoding (numbers as LEB128): a value is a tag byte, its span and a payload: 0 string,
//! 1 float (or an integer out of range: its literal as written, parsed again here),
//! 2 integer (zigzag), 3 boolean (one byte), 4 datetime (text), 5 array (count, values),
//! 6 table (count, then for each entry its key as a string value and its value). A span is
//! its start's distance from the start of the span read before it (zigzag) and its length,
//! so both are mostly one byte. Strings are a length: they lie one after the other in the
//! file's string pool, in the order they are read, a string literal the compiler has
//! checked, so reading one costs no UTF-8 check.

use std::ops::Range;

use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, Visitor};
use serde_spanned::de::{SpannedDeserializer, is_spanned};
use toml_datetime::de::{DatetimeDeserializer, is_datetime};

mod generated {
    include!(concat!(env!("OUT_DIR"), "/prebuilt_rules.rs"));
}

/// `T` from the prebuilt tree of the embedded file whose text is `text`, if there is one and
/// it deserializes.
pub fn deserialize<T: DeserializeOwned>(text: &str) -> Option<T> {
    let files = crate::rules::load::embedded_texts();
    // The embedded texts are handed over as they are, so the address says which one it is
    // without reading it; an equal text read from elsewhere is recognised by its content.
    let same = |t: &&str| std::ptr::eq(*t, text);
    let (rel, _) =
        (files.iter().find(|(_, t)| same(t))).or_else(|| files.iter().find(|(_, t)| *t == text))?;
    let (_, blob, pool) = generated::PREBUILT.iter().find(|(r, _, _)| r == rel)?;
    let mut reader = Reader {
        blob,
        pool,
        at: 0,
        pool_at: 0,
        last_start: 0,
    };
    T::deserialize(reader.value().ok()?).ok()
}

/// Why the prebuilt tree did not deserialize (the caller then parses the text instead).
#[derive(Debug)]
pub struct Error(String);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: std::fmt::Display>(msg: T) -> Error {
        Error(msg.to_string())
    }
}

fn damaged() -> Error {
    Error("the prebuilt rules are damaged".into())
}

struct Reader {
    blob: &'static [u8],
    pool: &'static str,
    /// Where the next value begins in `blob`.
    at: usize,
    /// Where the next string begins in `pool`.
    pool_at: usize,
    /// The start of the span read last.
    last_start: usize,
}

impl Reader {
    fn byte(&mut self) -> Result<u8, Error> {
        let b = *self.blob.get(self.at).ok_or_else(damaged)?;
        self.at += 1;
        Ok(b)
    }

    /// A number; most are one byte.
    #[inline]
    fn wide(&mut self) -> Result<u64, Error> {
        match self.blob.get(self.at) {
            Some(&b) if b < 0x80 => {
                self.at += 1;
                Ok(u64::from(b))
            }
            _ => self.wider(),
        }
    }

    #[inline(never)]
    fn wider(&mut self) -> Result<u64, Error> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= u64::from(b & 0x7f).checked_shl(shift).ok_or_else(damaged)?;
            if b < 0x80 {
                return Ok(n);
            }
        }
        Err(damaged())
    }

    fn number(&mut self) -> Result<usize, Error> {
        usize::try_from(self.wide()?).map_err(|_| damaged())
    }

    fn integer(&mut self) -> Result<i64, Error> {
        let z = self.wide()?;
        Ok((z >> 1) as i64 ^ -((z & 1) as i64))
    }

    fn text(&mut self) -> Result<&'static str, Error> {
        let start = self.pool_at;
        let end = start.checked_add(self.number()?).ok_or_else(damaged)?;
        let pool: &'static str = self.pool;
        let text = pool.get(start..end).ok_or_else(damaged)?;
        self.pool_at = end;
        Ok(text)
    }

    fn span(&mut self) -> Result<Range<usize>, Error> {
        let last = i64::try_from(self.last_start).map_err(|_| damaged())?;
        let start = last.checked_add(self.integer()?).ok_or_else(damaged)?;
        let start = usize::try_from(start).map_err(|_| damaged())?;
        let end = start.checked_add(self.number()?).ok_or_else(damaged)?;
        self.last_start = start;
        Ok(start..end)
    }

    /// The next value: its tag and span read, its payload next.
    #[inline]
    fn value(&mut self) -> Result<Value<'_>, Error> {
        let tag = self.byte()?;
        let span = self.span()?;
        Ok(Value { r: self, tag, span })
    }

    /// Passes over the payload of a value with this tag.
    fn skip(&mut self, tag: u8) -> Result<(), Error> {
        match tag {
            0 | 1 | 4 => self.text().map(drop),
            2 => self.wide().map(drop),
            3 => self.byte().map(drop),
            // An array's values; a table's keys and values, one after the other.
            5 | 6 => {
                let per_item = if tag == 6 { 2 } else { 1 };
                let values = (self.number()?.checked_mul(per_item)).ok_or_else(damaged)?;
                (0..values).try_for_each(|_| {
                    let v = self.value()?;
                    let tag = v.tag;
                    self.skip(tag)
                })
            }
            _ => Err(damaged()),
        }
    }
}

/// One value of the tree, as a serde deserializer.
struct Value<'r> {
    r: &'r mut Reader,
    tag: u8,
    span: Range<usize>,
}

impl<'de, 'r> IntoDeserializer<'de, Error> for Value<'r> {
    type Deserializer = Value<'r>;
    fn into_deserializer(self) -> Value<'r> {
        self
    }
}

impl<'de> de::Deserializer<'de> for Value<'_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.tag {
            0 => visitor.visit_str(self.r.text()?),
            1 => match toml::de::DeValue::parse(self.r.text()?).map(|v| v.into_inner()) {
                Ok(toml::de::DeValue::Integer(i)) => visitor
                    .visit_i64(i64::from_str_radix(i.as_str(), i.radix()).map_err(|_| damaged())?),
                Ok(toml::de::DeValue::Float(f)) => {
                    visitor.visit_f64(f.as_str().parse().map_err(|_| damaged())?)
                }
                _ => Err(damaged()),
            },
            2 => visitor.visit_i64(self.r.integer()?),
            3 => visitor.visit_bool(self.r.byte()? != 0),
            4 => visitor.visit_map(DatetimeDeserializer::new(datetime(self.r)?)),
            5 => {
                let left = self.r.number()?;
                visitor.visit_seq(Items { r: self.r, left })
            }
            6 => {
                let left = self.r.number()?;
                visitor.visit_map(Items { r: self.r, left })
            }
            _ => Err(damaged()),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        // A string of the embedded rules lives as long as the program: a `Str` points to it.
        if name == crate::text::STR_NEWTYPE && self.tag == 0 {
            crate::text::hand_over(self.r.text()?);
            return visitor.visit_unit();
        }
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        if is_spanned(name) {
            let span = self.span.clone();
            return visitor.visit_map(SpannedDeserializer::new(self, span));
        }
        if is_datetime(name) && self.tag == 4 {
            // The date's text goes to toml's own date visitor, read once, as toml hands it
            // over: one entry under the only field it names.
            let key = fields.first().copied().ok_or_else(damaged)?;
            return visitor.visit_map(DateText(Some((key, self.r.text()?))));
        }
        self.deserialize_any(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        // Rules files spell enums as strings (unit variants); anything else goes to toml.
        match self.tag {
            0 => visitor.visit_enum(self.r.text()?.into_deserializer()),
            _ => Err(damaged()),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.r.skip(self.tag)?;
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct seq tuple tuple_struct map identifier
    }
}

fn datetime(r: &mut Reader) -> Result<toml_datetime::Datetime, Error> {
    r.text()?.parse().map_err(|_| damaged())
}

/// A date handed to toml's date visitor: its one field's name and the date's text.
struct DateText(Option<(&'static str, &'static str)>);

impl<'de> de::MapAccess<'de> for DateText {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        match self.0 {
            Some((key, _)) => seed.deserialize(key.into_deserializer()).map(Some),
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let (_, text) = self.0.take().ok_or_else(damaged)?;
        seed.deserialize(text.into_deserializer())
    }
}

/// The elements of an array or the entries of a table, `left` of them still to read.
struct Items<'r> {
    r: &'r mut Reader,
    left: usize,
}

impl Items<'_> {
    /// Counts off one more item; false when there are none left.
    fn next(&mut self) -> bool {
        let more = self.left > 0;
        self.left = self.left.saturating_sub(1);
        more
    }
}

impl<'de> de::SeqAccess<'de> for Items<'_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        if !self.next() {
            return Ok(None);
        }
        seed.deserialize(self.r.value()?).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.left)
    }
}

impl<'de> de::MapAccess<'de> for Items<'_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        if !self.next() {
            return Ok(None);
        }
        seed.deserialize(self.r.value()?).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        seed.deserialize(self.r.value()?)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.left)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleSet;
    use crate::rules::load::{RulesText, embedded};

    #[test]
    fn the_embedded_rules_read_from_the_prebuilt_trees_equal_what_toml_parses_spans_included() {
        let direct = RuleSet::from_texts(embedded()).expect("shipped rules");
        // A comment at the end leaves every span as it was but makes each text differ from
        // the embedded one, so it goes through toml.
        let parsed_texts: Vec<RulesText> = embedded()
            .into_iter()
            .map(|mut f| {
                f.text = f.text.map(|t| format!("{t}\n# read by toml\n").into());
                f
            })
            .collect();
        let parsed = RuleSet::from_texts(parsed_texts).expect("shipped rules");
        let show = |r: &RuleSet| {
            let regions: Vec<String> = r
                .regions
                .iter()
                .map(|(code, l)| format!("{code} {:?}", l.file))
                .collect();
            format!(
                "{:?}\n{:?}\n{regions:?}\n{:?}\n{:?}",
                r.sources, r.national.file, r.calendar, r.procedures
            )
        };
        assert_eq!(show(&direct), show(&parsed));
        // Had the prebuilt trees not deserialized, both sides would have come from toml.
        for (rel, text) in crate::rules::load::embedded_texts() {
            if *rel == "national.toml" || rel.starts_with("regions/") {
                let file = deserialize::<crate::rules::schema::RulesFile>(text);
                assert!(file.is_some(), "{rel} has no prebuilt tree");
            }
        }
    }

    #[test]
    fn a_text_that_is_not_embedded_has_no_prebuilt_tree() {
        assert!(deserialize::<toml::Value>("a = 1").is_none());
        for (_, text) in crate::rules::load::embedded_texts() {
            assert_eq!(
                deserialize::<toml::Value>(text),
                toml::from_str::<toml::Value>(text).ok()
            );
        }
    }
}
