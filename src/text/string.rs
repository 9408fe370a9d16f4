//! `Str`, the string type of verdicts and rules texts: a pointer to a string that lives for
//! the whole run (written in the code, or read from a rules file and kept), or a shared string
//! made for one answer. Copying one never copies the text.

use std::collections::HashSet;
use std::sync::{Arc, LazyLock, Mutex};

use serde::{Deserialize, Serialize};

/// A string of the output: written in the code or read from a rules file (both kept for the
/// whole run, so a copy is a pointer), or made for one answer (shared, so a copy is a
/// reference count).
///
/// Rules files are read once per run, so their strings are kept by leaking them: a verdict
/// repeats the same rules texts many times, `batch` builds millions of verdicts on two threads,
/// and a pointer copy neither allocates nor writes a counter both threads share.
#[derive(Clone)]
pub enum Str {
    Static(&'static str),
    Made(Arc<str>),
}

impl Str {
    pub fn as_str(&self) -> &str {
        match self {
            Str::Static(s) => s,
            Str::Made(s) => s,
        }
    }

    /// Keeps `s` for the rest of the run (see the type's comment).
    pub fn keep(s: String) -> Str {
        Str::Static(Box::leak(s.into_boxed_str()))
    }

    /// Keeps `s` once however often it is read, so equal interned strings are one pointer.
    /// For the strings compared on every citation: source ids.
    pub fn interned(s: String) -> Str {
        Str::Static(intern(s))
    }
}

/// `s` kept once for the whole run however often it is read (see `Str::interned`).
pub fn intern(s: String) -> &'static str {
    static KEPT: LazyLock<Mutex<HashSet<&'static str>>> = LazyLock::new(Default::default);
    let mut kept = KEPT.lock().unwrap_or_else(|e| e.into_inner());
    match kept.get(s.as_str()) {
        Some(k) => k,
        None => {
            let k: &'static str = Box::leak(s.into_boxed_str());
            kept.insert(k);
            k
        }
    }
}

impl Default for Str {
    fn default() -> Str {
        Str::Static("")
    }
}

impl std::ops::Deref for Str {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::borrow::Borrow<str> for Str {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl From<&'static str> for Str {
    fn from(s: &'static str) -> Str {
        Str::Static(s)
    }
}

impl From<&&'static str> for Str {
    fn from(s: &&'static str) -> Str {
        Str::Static(s)
    }
}

impl From<&Str> for Str {
    fn from(s: &Str) -> Str {
        s.clone()
    }
}

impl From<String> for Str {
    fn from(s: String) -> Str {
        Str::Made(s.into())
    }
}

impl From<&String> for Str {
    fn from(s: &String) -> Str {
        Str::Made(s.as_str().into())
    }
}

impl PartialEq for Str {
    fn eq(&self, other: &Str) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Str {}

impl PartialEq<str> for Str {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Str {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialOrd for Str {
    fn partial_cmp(&self, other: &Str) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Str {
    fn cmp(&self, other: &Str) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl std::fmt::Debug for Str {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for Str {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // `pad`, so widths and alignment (`{:<28}`) apply as they do to `str`.
        f.pad(self.as_str())
    }
}

impl Serialize for Str {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Only rules files are read into a `Str`, so what is read is kept (see the type's comment).
impl<'de> Deserialize<'de> for Str {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Str, D::Error> {
        String::deserialize(d).map(Str::keep)
    }
}

impl schemars::JsonSchema for Str {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "String".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        String::json_schema(g)
    }
}

impl From<Str> for serde_json::Value {
    fn from(s: Str) -> serde_json::Value {
        serde_json::Value::String(s.as_str().to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_str_formats_like_a_str_widths_included() {
        let made = Str::from(String::from("ab"));
        assert_eq!(format!("{:<4}|{:>4}|", Str::from("ab"), made), "ab  |  ab|");
        assert_eq!(format!("{made:?}"), "\"ab\"");
    }

    #[test]
    fn interned_strings_are_one_pointer_and_equal_strings_compare_equal() {
        let a = Str::interned("ybbf-2021-43".to_string());
        let b = Str::interned("ybbf-2021-43".to_string());
        let same = |x: &Str, y: &Str| std::ptr::eq(x.as_str(), y.as_str());
        assert!(same(&a, &b));
        let kept = Str::keep("ybbf-2021-43".to_string());
        assert!(!same(&a, &kept));
        assert_eq!(a, kept);
        assert_eq!(Str::from(String::from("x")), Str::from("x"));
    }
}
