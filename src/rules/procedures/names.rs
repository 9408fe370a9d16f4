//! The names people type for an entry of a case table (an id, Chinese names, pinyin, English
//! names, aliases): how they are compared, and the check that each leads to one entry only.

use crate::text::Str;
use toml::Spanned;

use super::items::FileCtx;
use crate::rules::diag::{Diagnostic, locate};

/// A name as compared: lower case, without spaces, hyphens or underscores ("Root canal",
/// "root-canal" and "rootcanal" are one name).
pub fn normalize(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '_'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The names seen so far in one table, to report a name used twice.
pub struct NameSet {
    what: &'static str,
    seen: Vec<(String, String, usize)>,
}

impl NameSet {
    pub fn new(what: &'static str) -> NameSet {
        NameSet {
            what,
            seen: Vec::new(),
        }
    }

    /// Registers an id without reporting (duplicate ids are reported by `FileCtx::ids`).
    pub fn id(&mut self, id: &Spanned<Str>) {
        let key = normalize(id.get_ref());
        if !self.seen.iter().any(|(k, _, _)| *k == key) {
            self.seen
                .push((key, id.get_ref().to_string(), id.span().start));
        }
    }

    /// Adds the names of entry `owner`; a name already taken (by this or another entry) or
    /// empty is reported at its place.
    pub fn add<'n>(
        &mut self,
        ctx: &FileCtx,
        owner: &str,
        names: impl IntoIterator<Item = &'n Spanned<Str>>,
        out: &mut Vec<Diagnostic>,
    ) {
        for name in names {
            let key = normalize(name.get_ref());
            if key.is_empty() {
                out.push(ctx.at(name.span(), format!("{} `{owner}`: empty name", self.what)));
                continue;
            }
            match self.seen.iter().find(|(k, _, _)| *k == key) {
                Some((_, first, at)) => {
                    let (line, _) = locate(ctx.text, *at);
                    out.push(ctx.at(
                        name.span(),
                        format!(
                            "{} name \"{}\" is used twice (by `{first}` on line {line} and by `{owner}`); each name must lead to one {}",
                            self.what,
                            name.get_ref(),
                            self.what
                        ),
                    ));
                }
                None => self.seen.push((key, owner.to_string(), name.span().start)),
            }
        }
    }
}
