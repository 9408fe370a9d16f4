//! `Str`, the string type of rules texts and answers: a pointer to a string that lives for the
//! whole run (written in the code, or part of the embedded rules), or a shared string (read
//! from a rules file given at run time, or made for one answer). Copying one never copies the
//! text, and nothing is leaked: a rules set loaded and dropped frees what it read.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// A string of the rules or the output: static (written in the code, or a string of the
/// embedded rules, handed over by `rules::prebuilt`, so a copy is a pointer that neither
/// allocates nor writes a counter both `batch` threads share), or shared (read from a file
/// given at run time, or made for one answer, so a copy is a reference count).
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
}

impl Str {
    /// The string, if it lives for the whole run (written in the code or part of the
    /// embedded rules).
    pub fn kept(&self) -> Option<&'static str> {
        match self {
            Str::Static(s) => Some(s),
            Str::Made(_) => None,
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

impl AsRef<str> for Str {
    fn as_ref(&self) -> &str {
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

/// The newtype name under which a `Str` is read. A deserializer whose strings live for the
/// whole run (the embedded rules, `rules::prebuilt`) answers it by handing the string over
/// with `hand_over` and visiting a unit: the `Str` points to it, nothing is copied or leaked.
/// Any other deserializer reads a plain string, which the `Str` owns (and frees with the rules
/// it belongs to).
pub const STR_NEWTYPE: &str = "yibao::Str";

thread_local! {
    static HANDED: std::cell::Cell<Option<&'static str>> = const { std::cell::Cell::new(None) };
}

/// Hands `s` to the `Str` being read (see `STR_NEWTYPE`).
pub fn hand_over(s: &'static str) {
    HANDED.with(|h| h.set(Some(s)));
}

impl<'de> Deserialize<'de> for Str {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Str, D::Error> {
        d.deserialize_newtype_struct(STR_NEWTYPE, StrVisitor)
    }
}

struct StrVisitor;

impl<'de> serde::de::Visitor<'de> for StrVisitor {
    type Value = Str;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a string")
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Str, E> {
        HANDED
            .with(|h| h.take())
            .map(Str::Static)
            .ok_or_else(|| E::invalid_type(serde::de::Unexpected::Unit, &self))
    }

    fn visit_newtype_struct<D: serde::Deserializer<'de>>(self, d: D) -> Result<Str, D::Error> {
        String::deserialize(d).map(Str::from)
    }

    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Str, E> {
        Ok(Str::Made(s.into()))
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
    fn equal_strings_compare_equal_however_they_are_held() {
        assert_eq!(Str::from(String::from("x")), Str::from("x"));
    }

    #[test]
    fn a_str_read_from_text_owns_its_copy() {
        let s: Str = toml::from_str::<std::collections::BTreeMap<String, Str>>("a = \"b\"")
            .unwrap()
            .remove("a")
            .unwrap();
        assert!(matches!(s, Str::Made(_)));
        assert_eq!(s, "b");
    }
}
