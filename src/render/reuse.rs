//! Wire objects written once and copied from then on, while a batch runs. `batch --full`
//! writes the same steps, items and citations of the rules for millions of answers; a part
//! whose every piece belongs to the rules (no date, no text made for one answer) is keyed by
//! where those pieces live and its JSON kept, for this thread, until the batch ends
//! (`Reuse`). The rules outlive the batch, so an address cannot come to mean another string
//! while the JSON is kept. Outside a batch nothing is kept: a single answer is written as is.

use std::cell::RefCell;
use std::collections::HashMap;

use serde::Serialize;
use serde_json::value::RawValue;

/// Where the pieces of a wire object live, and its small fixed parts (enums, flags): equal
/// keys mean equal JSON while the rules stay loaded. Only the words used are hashed and
/// compared.
#[derive(Clone, Copy)]
pub struct Key {
    words: [usize; KEY_WORDS],
    used: usize,
}

impl Key {
    fn used(&self) -> &[usize] {
        &self.words[..self.used]
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        self.used() == other.used()
    }
}

impl Eq for Key {}

impl std::hash::Hash for Key {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.used().iter().for_each(|w| state.write_usize(*w));
    }
}

/// Words in a key: enough for a citation with seventeen articles (the shipped rules cite
/// at most that many of one document in one answer).
pub const KEY_WORDS: usize = 40;

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
}

impl KeyBuilder {
    pub fn new(tag: usize) -> KeyBuilder {
        let mut words = [0; KEY_WORDS];
        words[0] = tag;
        KeyBuilder {
            key: Key { words, used: 1 },
        }
    }

    /// Adds a word; `None` when the key is full. Built in place: a key is 16 words, and
    /// passing it along by value copies them at every step.
    pub fn word(&mut self, word: usize) -> Option<&mut KeyBuilder> {
        *self.key.words.get_mut(self.key.used)? = word;
        self.key.used += 1;
        Some(self)
    }

    /// Adds where a string lives and its length (an empty one is two zero words).
    pub fn str(&mut self, s: Option<&str>) -> Option<&mut KeyBuilder> {
        let (at, len) = s.map_or((0, 0), |s| (s.as_ptr().addr(), s.len()));
        self.word(at)?.word(len)
    }

    pub fn done(self) -> Key {
        self.key
    }
}

/// A wire object that can say where all of its pieces live, when all of them belong to the
/// rules; `None` when any piece was made for one answer. Every field written must be in the
/// key (debug builds check each copy against a fresh write).
pub trait Reusable {
    fn key(&self) -> Option<Key>;
}

/// Writes a list of wire objects, each copied from its kept JSON when there is one (for
/// `#[serde(serialize_with = "…")]`; the schema is the list's own).
pub fn each<T, S>(list: &[T], serializer: S) -> Result<S::Ok, S::Error>
where
    T: Serialize + Reusable,
    S: serde::Serializer,
{
    use serde::ser::SerializeSeq;
    let mut seq = serializer.serialize_seq(Some(list.len()))?;
    for x in list {
        seq.serialize_element(&Reused(x))?;
    }
    seq.end()
}

/// One object of `each`.
struct Reused<'x, T>(&'x T);

impl<T: Serialize + Reusable> Serialize for Reused<'_, T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let value = self.0;
        let Some(key) = value.key() else {
            return value.serialize(serializer);
        };
        KEPT.with(|kept| {
            let mut kept = kept.borrow_mut();
            let Some(store) = kept.as_mut() else {
                drop(kept);
                return value.serialize(serializer);
            };
            if let Some(raw) = store.get(&key) {
                debug_assert_eq!(
                    raw.get(),
                    serde_json::to_string(value).unwrap_or_default(),
                    "a reused object's key leaves out a field"
                );
                return raw.serialize(serializer);
            }
            let json = serde_json::to_string(value).map_err(serde::ser::Error::custom)?;
            let raw = RawValue::from_string(json).map_err(serde::ser::Error::custom)?;
            if store.len() >= MOST_KEPT {
                store.clear();
            }
            store.entry(key).or_insert(raw).serialize(serializer)
        })
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

    impl Reusable for Part<'_> {
        fn key(&self) -> Option<Key> {
            let mut key = KeyBuilder::new(1);
            key.str(Some(self.text))?;
            Some(key.done())
        }
    }

    fn write(list: &[Part]) -> String {
        let mut out = Vec::new();
        each(list, &mut serde_json::Serializer::new(&mut out)).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn kept_only_while_a_batch_runs_and_the_same_as_written() {
        let text: &'static str = "原单位\"停保\"";
        let list = [Part { text }, Part { text }];
        let alone = write(&list);
        assert_eq!(alone, serde_json::to_string(&[&list[0], &list[1]]).unwrap());
        let reuse = Reuse::default();
        assert_eq!(write(&list), alone);
        assert_eq!(write(&list), alone);
        drop(reuse);
        assert!(KEPT.with(|k| k.borrow().is_none()));
    }

    #[test]
    fn a_full_key_says_so() {
        let mut b = KeyBuilder::new(1);
        for w in 1..KEY_WORDS {
            b.word(w).unwrap();
        }
        assert!(b.word(0).is_none());
    }
}
