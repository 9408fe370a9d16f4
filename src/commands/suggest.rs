//! "Did you mean …?" for names typed at `yibao refund --case`, `--situation` and
//! `yibao dental PROCEDURE`: the entry whose name is closest to what was typed, compared the
//! way the rules data compares names (case, spaces and hyphens ignored).

use crate::error::Error;
use crate::rules::procedures::names::normalize;
use crate::text::{Text, closest};

/// A usage error for an unknown `name` of a `kind` (e.g. "case"), suggesting the entry
/// closest to it. `names` are (a name, the id of the entry it belongs to); `ids` are listed
/// when short, and `more` says how to see them all.
pub fn unknown(
    kind: Text,
    name: &str,
    names: &[(String, String)],
    ids: &[&str],
    more: &str,
) -> Error {
    if normalize(name).is_empty() {
        return Error::usage(
            format!("没有给出{}名称;运行 '{more}' 查看全部", kind.zh),
            format!("empty {} name; run '{more}' to see them all", kind.en),
        );
    }
    let suggestion = suggestion(name, names);
    let (hint_zh, hint_en) = match suggestion {
        Some(s) => (
            format!("您是不是要找 '{s}'?"),
            format!(" Did you mean '{s}'?"),
        ),
        None => (String::new(), String::new()),
    };
    let known = if ids.len() <= 16 {
        ids.join(", ")
    } else {
        format!("{} …", ids[..16].join(", "))
    };
    Error::usage(
        format!(
            "没有名为 '{name}' 的{}。{hint_zh}可用: {known};运行 '{more}' 查看全部",
            kind.zh
        ),
        format!(
            "no {} called '{name}'.{hint_en} Known: {known} (run '{more}' to see them all)",
            kind.en
        ),
    )
}

/// The id of the entry whose name is closest to `name`, compared normalized. Only names whose
/// normalized length could be within reach are normalized (a miss should cost about what a
/// hit does).
fn suggestion<'a>(name: &str, names: &'a [(String, String)]) -> Option<&'a str> {
    let typed = normalize(name);
    let length = typed.chars().count();
    let reach = (length / 2).max(2);
    let kept = |c: &char| !c.is_whitespace() && !matches!(c, '-' | '_');
    let keys: Vec<(String, &str)> = names
        .iter()
        .filter(|(n, _)| n.chars().filter(kept).count().abs_diff(length) <= reach)
        .map(|(n, id)| (normalize(n), id.as_str()))
        .collect();
    let best = closest(&typed, keys.iter().map(|(k, _)| k.as_str()))?;
    keys.iter().find(|(k, _)| k == best).map(|(_, id)| *id)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `text::closest` as it was: whole strings, strsim's distance.
    fn reference<'a>(input: &str, candidates: &[&'a str]) -> Option<&'a str> {
        let needle = input.to_lowercase();
        let limit = (needle.chars().count() / 2).max(2);
        candidates
            .iter()
            .map(|c| (strsim::levenshtein(&needle, &c.to_lowercase()), *c))
            .filter(|(d, _)| *d <= limit)
            .min_by_key(|(d, _)| *d)
            .map(|(_, c)| c)
    }

    #[test]
    fn closest_agrees_with_the_plain_edit_distance() {
        let candidates = [
            "filling",
            "extraction",
            "root_canal",
            "buya",
            "chongtian",
            "补牙",
            "充填治疗",
            "Transfer",
            "merge",
            "refund",
            "dental",
            "tooth filling",
            "ab",
            "",
        ];
        let inputs = [
            "filing",
            "fillign",
            "FILLING",
            "extractoin",
            "rootcanal",
            "buyaa",
            "补",
            "充填",
            "transfr",
            "mrege",
            "x",
            "",
            "zzzzzzzz",
            "tooth-filling",
            "dentl",
            "ba",
        ];
        for input in inputs {
            for n in 0..=candidates.len() {
                let some = &candidates[..n];
                assert_eq!(
                    closest(input, some.iter().copied()),
                    reference(input, some),
                    "{input} in {some:?}"
                );
            }
        }
    }

    #[test]
    fn a_name_longer_than_any_gets_no_suggestion() {
        let long = "filling".repeat(10);
        assert_eq!(closest(&long, ["filling"]), None);
    }

    #[test]
    fn the_suggestion_is_the_id_of_the_closest_name() {
        let names = vec![
            ("tooth filling".to_string(), "filling".to_string()),
            ("补牙".to_string(), "filling".to_string()),
            ("root canal".to_string(), "root_canal".to_string()),
        ];
        assert_eq!(suggestion("rootcanel", &names), Some("root_canal"));
        assert_eq!(suggestion("Tooth-Filing", &names), Some("filling"));
        assert_eq!(suggestion("nothing like it", &names), None);
    }
}
