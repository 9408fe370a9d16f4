//! Wire objects written once and copied from then on, while a batch runs. `batch --full`
//! writes the same steps, items and citations of the rules for millions of answers; a part
//! whose every piece belongs to the rules (no date, no text made for one answer) is keyed by
//! where those pieces live and its JSON kept, for this thread, until the batch ends
//! (`Reuse`). The rules outlive the batch, so an address cannot come to mean another string
//! while the JSON is kept. Outside a batch nothing is kept: a single answer is written as is.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;

use schemars::JsonSchema;
use serde::Serialize;
use serde_json::value::RawValue;

/// Where the pieces of a wire object live, and its small fixed parts (enums, flags): equal
/// keys mean equal JSON while the rules stay loaded.
pub type Key = [usize; KEY_WORDS];

/// Words in a key: enough for a citation with six articles.
pub const KEY_WORDS: usize = 16;

/// The most objects kept per thread; past it the store starts afresh.
const MOST_KEPT: usize = 1 << 14;

type Store = HashMap<Key, Box<RawValue>, std::hash::BuildHasherDefault<KeyHasher>>;

thread_local! {
    /// `None` outside a batch.
    static KEPT: RefCell<Option<Store>> = const { RefCell::new(None) };
}

/// While alive, this thread keeps the JSON of `Cached` objects. Made by each thread that
/// evaluates batch lines, for as long as the batch's rules are loaded.
#[derive(Debug)]
pub struct Reuse(());

impl Default for Reuse {
    fn default() -> Reuse {
        KEPT.with(|k| *k.borrow_mut() = Some(Store::default()));
        Reuse(())
    }
}

impl Drop for Reuse {
    fn drop(&mut self) {
        KEPT.with(|k| *k.borrow_mut() = None);
    }
}

/// Builds a key from a tag (which kind of object) and its parts.
pub struct KeyBuilder {
    key: Key,
    at: usize,
}

impl KeyBuilder {
    pub fn new(tag: usize) -> KeyBuilder {
        let mut key = [0; KEY_WORDS];
        key[0] = tag;
        KeyBuilder { key, at: 1 }
    }

    /// Adds a word; `None` when the key is full.
    pub fn word(mut self, word: usize) -> Option<KeyBuilder> {
        *self.key.get_mut(self.at)? = word;
        self.at += 1;
        Some(self)
    }

    /// Adds where a string lives and its length (an empty one is two zero words).
    pub fn str(self, s: Option<&str>) -> Option<KeyBuilder> {
        let (at, len) = s.map_or((0, 0), |s| (s.as_ptr().addr(), s.len()));
        self.word(at)?.word(len)
    }

    pub fn done(self) -> Key {
        self.key
    }
}

/// A wire object, with its key when all of it belongs to the rules. Serialized and shown,
/// it is the object itself.
pub struct Cached<T> {
    pub value: T,
    key: Option<Key>,
}

impl<T> Cached<T> {
    pub fn new(value: T, key: Option<Key>) -> Cached<T> {
        Cached { value, key }
    }
}

impl<T> std::ops::Deref for Cached<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T: Serialize> Serialize for Cached<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Some(key) = self.key else {
            return self.value.serialize(serializer);
        };
        KEPT.with(|kept| {
            let mut kept = kept.borrow_mut();
            let Some(store) = kept.as_mut() else {
                drop(kept);
                return self.value.serialize(serializer);
            };
            if let Some(raw) = store.get(&key) {
                return raw.serialize(serializer);
            }
            let json = serde_json::to_string(&self.value).map_err(serde::ser::Error::custom)?;
            let raw = RawValue::from_string(json).map_err(serde::ser::Error::custom)?;
            if store.len() >= MOST_KEPT {
                store.clear();
            }
            store.entry(key).or_insert(raw).serialize(serializer)
        })
    }
}

impl<T: JsonSchema> JsonSchema for Cached<T> {
    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        T::schema_id()
    }

    fn inline_schema() -> bool {
        T::inline_schema()
    }

    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        T::json_schema(g)
    }
}

/// Mixes the words of a key, one multiplication each (the default hasher costs more than
/// the copy it saves).
#[derive(Default)]
pub struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        bytes.iter().for_each(|b| self.write_u64(u64::from(*b)));
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Part<'a> {
        text: &'a str,
    }

    #[test]
    fn kept_only_while_a_batch_runs_and_the_same_as_written() {
        let text: &'static str = "原单位\"停保\"";
        let key = KeyBuilder::new(1).str(Some(text)).unwrap().done();
        let part = Cached::new(Part { text }, Some(key));
        let alone = serde_json::to_string(&part).unwrap();
        assert_eq!(alone, serde_json::to_string(&Part { text }).unwrap());
        let reuse = Reuse::default();
        assert_eq!(serde_json::to_string(&part).unwrap(), alone);
        // Kept: a different value under the same key is written as the first one was.
        let other = Cached::new(Part { text: "x" }, Some(key));
        assert_eq!(serde_json::to_string(&other).unwrap(), alone);
        drop(reuse);
        assert_eq!(serde_json::to_string(&other).unwrap(), r#"{"text":"x"}"#);
    }

    #[test]
    fn a_full_key_says_so() {
        let mut b = KeyBuilder::new(1);
        for w in 1..KEY_WORDS {
            b = b.word(w).unwrap();
        }
        assert!(b.word(0).is_none());
    }
}
