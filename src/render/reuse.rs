//! Wire objects written once and copied from then on, while a batch runs. `batch --full`
//! writes the same steps, items, key lines, deadlines and citations for millions of answers;
//! such a part is keyed by its pieces (where those of the rules live, what those made for one
//! answer say, and its small fixed parts) and its JSON kept, for this thread, until the batch
//! ends (`Reuse`). The rules outlive the batch, so an address cannot come to mean another
//! string while the JSON is kept. Outside a batch nothing is kept: a single answer is written
//! as is.

use std::cell::RefCell;
use std::collections::HashMap;

use serde::Serialize;
use serde_json::value::RawValue;

/// Words in a key: enough for an answer's citations with about eighty articles cited (a
/// transfer cites about sixty), or a waiting period whose two sentences of about a hundred
/// bytes each were made for its answer.
pub const KEY_WORDS: usize = 256;

/// The most objects kept per thread; past it the store starts afresh.
const MOST_KEPT: usize = 1 << 14;

/// Kept JSON by the words of its key (looked up by the words of a key being built, so a key
/// is copied only when its object is kept).
type Store = HashMap<Box<[usize]>, Box<RawValue>, std::hash::BuildHasherDefault<KeyHasher>>;

/// What a thread keeps while a batch runs: the JSON, and the key being built (reused, so a
/// key's words are neither zeroed nor moved for each object).
struct Kept {
    store: Store,
    key: KeyBuilder,
}

/// Escaped rules strings by where they live and their length (`kept_str`). A store of its
/// own: a string is written while its object's key holds `KEPT`.
type Escaped = HashMap<(usize, usize), Box<RawValue>, std::hash::BuildHasherDefault<KeyHasher>>;

thread_local! {
    /// `None` outside a batch.
    static KEPT: RefCell<Option<Kept>> = const { RefCell::new(None) };
    /// `None` outside a batch.
    static ESCAPED: RefCell<Option<Escaped>> = const { RefCell::new(None) };
}

/// While alive, this thread keeps the JSON of `Cached` objects. Made by each thread that
/// evaluates batch lines, for as long as the batch's rules are loaded.
#[derive(Debug)]
pub struct Reuse(());

impl Default for Reuse {
    fn default() -> Reuse {
        let kept = Kept {
            store: Store::default(),
            key: KeyBuilder::new(),
        };
        KEPT.with(|k| *k.borrow_mut() = Some(kept));
        ESCAPED.with(|e| *e.borrow_mut() = Some(Escaped::default()));
        Reuse(())
    }
}

impl Drop for Reuse {
    fn drop(&mut self) {
        KEPT.with(|k| *k.borrow_mut() = None);
        ESCAPED.with(|e| *e.borrow_mut() = None);
    }
}

/// Writes `text`, a string that lives for the whole run: while a batch runs, copied from its
/// JSON escaped once on this thread; outside one (a single answer writes each string once),
/// escaped as it is written.
pub fn kept_str<S: serde::Serializer>(
    text: &'static str,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    ESCAPED.with(|escaped| {
        let mut escaped = escaped.borrow_mut();
        let Some(escaped) = escaped.as_mut() else {
            return serializer.serialize_str(text);
        };
        let raw = match escaped.entry((text.as_ptr().addr(), text.len())) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => {
                let json = serde_json::to_string(text).map_err(serde::ser::Error::custom)?;
                e.insert(RawValue::from_string(json).map_err(serde::ser::Error::custom)?)
            }
        };
        raw.serialize(serializer)
    })
}

/// The key of a wire object: where its pieces live or what they say, and its small fixed
/// parts (enums, flags). Equal keys mean equal JSON while the rules stay loaded.
pub struct KeyBuilder {
    words: [usize; KEY_WORDS],
    used: usize,
}

impl KeyBuilder {
    fn new() -> KeyBuilder {
        KeyBuilder {
            words: [0; KEY_WORDS],
            used: 0,
        }
    }

    /// The words written so far.
    fn words(&self) -> &[usize] {
        &self.words[..self.used]
    }

    /// Adds a word; `None` when the key is full.
    pub fn word(&mut self, word: usize) -> Option<&mut KeyBuilder> {
        *self.words.get_mut(self.used)? = word;
        self.used += 1;
        Some(self)
    }

    /// Adds where a string lives and its length (an empty one is two zero words): only for
    /// a string that outlives the batch (the rules' or the program's own).
    pub fn str(&mut self, s: Option<&str>) -> Option<&mut KeyBuilder> {
        let (at, len) = s.map_or((0, 0), |s| (s.as_ptr().addr(), s.len()));
        self.word(at)?.word(len)
    }

    /// Adds a string by its bytes, for a string made for one answer: its length, then its
    /// bytes a word at a time. Equal words mean equal strings, wherever they live.
    pub fn text(&mut self, s: &str) -> Option<&mut KeyBuilder> {
        const WORD: usize = size_of::<usize>();
        let bytes = s.as_bytes();
        let end = self.used + 1 + bytes.len().div_ceil(WORD);
        let words = self.words.get_mut(self.used..end)?;
        words[0] = bytes.len();
        let mut chunks = bytes.chunks_exact(WORD);
        for (word, chunk) in words[1..].iter_mut().zip(&mut chunks) {
            *word = usize::from_le_bytes(chunk.try_into().ok()?);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // The last bytes, little-endian like the rest, shifted in one at a time (a copy
            // of a few bytes would be a call).
            let last = rest.iter().rev().fold(0, |w, b| (w << 8) | usize::from(*b));
            words[words.len() - 1] = last;
        }
        self.used = end;
        Some(self)
    }

    /// Adds a string that may be absent, by its bytes.
    pub fn some_text(&mut self, s: Option<&str>) -> Option<&mut KeyBuilder> {
        match s {
            Some(s) => self.word(1)?.text(s),
            None => self.word(0),
        }
    }
}

/// A wire object that can write its key: every piece of it, each either where it lives
/// (when it outlives the batch) or what it says; `None` when the key would be too long.
/// Every field written must be in the key (debug builds check each copy against a fresh
/// write), after a tag that tells the kinds of object apart.
pub trait Reusable {
    fn key(&self, key: &mut KeyBuilder) -> Option<()>;
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

/// Writes one wire object, copied from its kept JSON when there is one (for
/// `#[serde(serialize_with = "…")]`).
pub fn one<T, S>(value: &T, serializer: S) -> Result<S::Ok, S::Error>
where
    T: Serialize + Reusable,
    S: serde::Serializer,
{
    Reused(value).serialize(serializer)
}

/// `one` for a wire object that may be absent (`null`).
pub fn some<T, S>(value: &Option<T>, serializer: S) -> Result<S::Ok, S::Error>
where
    T: Serialize + Reusable,
    S: serde::Serializer,
{
    match value {
        Some(value) => Reused(value).serialize(serializer),
        None => serializer.serialize_none(),
    }
}

/// One object of `each` or `one`.
struct Reused<'x, T>(&'x T);

impl<T: Serialize + Reusable> Serialize for Reused<'_, T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let value = self.0;
        KEPT.with(|kept| {
            let mut kept = kept.borrow_mut();
            let Some(Kept { store, key }) = kept.as_mut() else {
                drop(kept);
                return value.serialize(serializer);
            };
            key.used = 0;
            if value.key(key).is_none() {
                return value.serialize(serializer);
            }
            if let Some(raw) = store.get(key.words()) {
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
            store
                .entry(key.words().into())
                .or_insert(raw)
                .serialize(serializer)
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

    /// A key's words arrive here as their bytes: mixed four words at a time, each into a
    /// lane of its own (a long key, such as an answer's citations, is not one long chain of
    /// multiplications), then the lanes into the hash.
    fn write(&mut self, bytes: &[u8]) {
        let word = |b: &[u8]| u64::from_le_bytes(b.try_into().unwrap_or_default());
        let mut quads = bytes.chunks_exact(32);
        if quads.len() > 0 {
            let mut lanes = [self.0, 1, 2, 3];
            for quad in &mut quads {
                for (lane, w) in lanes.iter_mut().zip(quad.chunks_exact(8)) {
                    *lane = mix(*lane, word(w));
                }
            }
            self.0 = lanes.into_iter().fold(0, mix);
        }
        let mut words = quads.remainder().chunks_exact(8);
        for w in &mut words {
            self.write_u64(word(w));
        }
        (words.remainder().iter()).for_each(|b| self.write_u64(u64::from(*b)));
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = mix(self.0, n);
    }
}

/// One word mixed into a hash: a rotation, an exclusive or and a multiplication.
fn mix(hash: u64, word: u64) -> u64 {
    (hash.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Part<'a> {
        text: &'a str,
    }

    impl Reusable for Part<'_> {
        fn key(&self, key: &mut KeyBuilder) -> Option<()> {
            key.word(1)?.str(Some(self.text))?;
            Some(())
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
        let mut b = KeyBuilder::new();
        for w in 0..KEY_WORDS {
            b.word(w).unwrap();
        }
        assert!(b.word(0).is_none());
        let mut b = KeyBuilder::new();
        b.word(1).unwrap();
        assert!(b.text(&"长".repeat(KEY_WORDS * 8 / 3)).is_none());
    }

    #[test]
    fn texts_are_keyed_by_their_bytes_and_length() {
        let words = |s: &str| {
            let mut b = KeyBuilder::new();
            b.text(s).unwrap();
            b.words().to_vec()
        };
        let (a, b) = (
            "转出地办结转出:10 个工作日内".to_string(),
            "转出地办结转出:10 个工作日内",
        );
        assert_eq!(words(&a), words(b));
        assert_ne!(words("ab"), words("ab\0"));
        assert_ne!(words(""), words("\0"));
    }
}
