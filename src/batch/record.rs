//! Reading one JSON Lines record: first its envelope (`check` and `id`, everything else
//! skipped), then the facts of that check from the same text, with `check` and `id` left out
//! so the facts' own `deny_unknown_fields` still catches misspelt names. Both passes borrow
//! from the line; nothing here resolves regions or evaluates anything.

use std::borrow::Cow;
use std::fmt;

use serde::de::{
    self, DeserializeOwned, DeserializeSeed, IgnoredAny, IntoDeserializer, MapAccess, Visitor,
};
use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;

/// What every record carries besides its facts.
#[derive(Debug, Deserialize)]
pub struct Envelope<'a> {
    /// Which check to run (`transfer`, `merge`, …).
    #[serde(borrow, default)]
    pub check: Option<Cow<'a, str>>,
    /// The caller's own id, echoed as given (any JSON, `null` included).
    #[serde(borrow, default, deserialize_with = "present")]
    pub id: Option<&'a RawValue>,
}

/// A field that is present is `Some`, even when its value is `null`.
fn present<'de, D: Deserializer<'de>>(d: D) -> Result<Option<&'de RawValue>, D::Error> {
    <&RawValue>::deserialize(d).map(Some)
}

/// Reads the envelope of a line; the error is serde_json's (with the column): a syntax error
/// for text that is not JSON, else a data error. A record is a JSON object: an array, which
/// serde would read as the envelope's fields in order, is a data error like any other value
/// that is not an object.
pub fn envelope(text: &str) -> Result<Envelope<'_>, serde_json::Error> {
    let array = text.trim_start().starts_with('[');
    match serde_json::from_str(text) {
        Ok(envelope) if !array => Ok(envelope),
        read => {
            // Serde stops at the first wrong value: is the whole line JSON at all?
            serde_json::from_str::<IgnoredAny>(text)?;
            read.and(Err(de::Error::invalid_type(
                de::Unexpected::Seq,
                &"a JSON object",
            )))
        }
    }
}

/// Reads the facts `F` of a check from a whole record, skipping `check` and `id`.
pub fn facts<F: DeserializeOwned>(text: &str) -> Result<F, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    let facts = de::Deserializer::deserialize_map(&mut de, Record(std::marker::PhantomData))?;
    de.end()?;
    Ok(facts)
}

/// After `facts` failed on `text`: the key whose value was wrong, if the error lies in one.
pub fn failed_key<F: DeserializeOwned>(text: &str) -> Option<String> {
    let mut de = serde_json::Deserializer::from_str(text);
    let mut track = serde_path_to_error::Track::new();
    let tracked = serde_path_to_error::Deserializer::new(&mut de, &mut track);
    de::Deserializer::deserialize_map(tracked, Record::<F>(std::marker::PhantomData)).err()?;
    let key = track.path().to_string();
    (!key.is_empty() && key != ".").then_some(key)
}

/// Visits the record object and hands its entries, minus the envelope, to `F`.
struct Record<F>(std::marker::PhantomData<F>);

impl<'de, F: DeserializeOwned> Visitor<'de> for Record<F> {
    type Value = F;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object with the facts of one case")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<F, A::Error> {
        F::deserialize(de::value::MapAccessDeserializer::new(WithoutEnvelope(map)))
    }
}

/// A map with the `check` and `id` entries left out.
struct WithoutEnvelope<A>(A);

impl<'de, A: MapAccess<'de>> MapAccess<'de> for WithoutEnvelope<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        loop {
            match self.0.next_key_seed(Key)? {
                None => return Ok(None),
                Some(key) if key == "check" || key == "id" => {
                    self.0.next_value::<IgnoredAny>()?;
                }
                Some(key) => {
                    let key: de::value::CowStrDeserializer<'_, A::Error> = key.into_deserializer();
                    return seed.deserialize(key).map(Some);
                }
            }
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.0.next_value_seed(seed)
    }
}

/// A key, borrowed from the line unless it had escapes.
struct Key;

impl<'de> DeserializeSeed<'de> for Key {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Key {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a fact name")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::{merge, transfer};

    #[test]
    fn the_envelope_is_read_wherever_it_stands_and_an_id_may_be_null() {
        let e = envelope(r#"{"from":"北京","id":null,"check":"merge"}"#).unwrap();
        assert_eq!(e.check.as_deref(), Some("merge"));
        assert_eq!(e.id.map(RawValue::get), Some("null"));
        let e = envelope(r#"{"check":"transfer"}"#).unwrap();
        assert!(e.id.is_none());
    }

    #[test]
    fn facts_skip_the_envelope_and_refuse_unknown_names() {
        let f: transfer::Facts =
            facts(r#"{"check":"transfer","id":{"a":[1]},"from":"西安","retired":"no"}"#).unwrap();
        assert_eq!(f.from, "西安");
        assert_eq!(f.retired, Some(false));
        let e = facts::<merge::Facts>(r#"{"check":"merge","frozn":true}"#).unwrap_err();
        assert!(e.to_string().contains("frozn"), "{e}");
    }

    #[test]
    fn an_array_is_a_data_error_not_a_syntax_error() {
        for line in ["[]", "[\"transfer\",1]", " [null]"] {
            let e = envelope(line).unwrap_err();
            assert_eq!(e.classify(), serde_json::error::Category::Data, "{line}");
        }
        let e = envelope("[1,").unwrap_err();
        assert_ne!(e.classify(), serde_json::error::Category::Data);
    }

    #[test]
    fn an_escaped_key_is_still_a_fact_name() {
        let f: merge::Facts = facts(r#"{"\u0066rom":"x","arrears":"yes"}"#).unwrap();
        assert_eq!(f.from, "x");
        assert_eq!(f.arrears, Some(true));
    }
}
