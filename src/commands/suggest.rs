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
    let keys: Vec<String> = names.iter().map(|(n, _)| normalize(n)).collect();
    let suggestion = closest(&normalize(name), keys.iter().map(String::as_str))
        .and_then(|k| keys.iter().position(|x| x == k))
        .map(|i| names[i].1.as_str());
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
