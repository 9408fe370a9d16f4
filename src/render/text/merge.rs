//! The words of `yibao merge`: the summary, the key lines and the trace of the conditions.

use super::{Context, Line, place, say, working_days};
use crate::checks::merge::Answer;
use crate::text::{Lang, Text};
use crate::verdict::{Standing, Why};
use crate::vocab::Outcome;

/// The conclusion in one sentence, from the final outcome.
pub fn summary(a: &Answer, lang: Lang) -> String {
    let v = &a.verdict;
    let (from, to) = (place(&a.facts.from, lang), place(&a.facts.to, lang));
    let (blocked, open) = (v.blockers.len(), v.conditions.len());
    let (problems, points) = (
        super::Count(blocked as i64, "problem"),
        super::Count(open as i64, "point"),
    );
    match v.outcome {
        Outcome::No => say!(
            lang,
            "现在还不能合并:先解决下面 {blocked} 个问题,再按步骤把{from}的账户转入{to}",
            "not yet: clear the {problems} below, then move the {from} account into {to} as shown"
        ),
        Outcome::Conditional => say!(
            lang,
            "把{from}的账户转入{to}后注销;能否现在办理取决于下面 {open} 个情况",
            "move the {from} account into {to}, which closes it; whether you can start now depends on the {points} below"
        ),
        Outcome::Yes if a.status.is_some() => {
            let progress = a
                .status
                .as_ref()
                .map(|st| super::transfer::status(st, lang))
                .unwrap_or_default();
            say!(
                lang,
                "合并申请已受理({from}的账户转入{to}):{progress}",
                "the merge is accepted ({from} account into {to}): {progress}"
            )
        }
        Outcome::Yes => say!(
            lang,
            "可以合并:把{from}的账户(记录和余额)转入{to},{from}的账户随后注销",
            "yes: move the {from} account (record and balance) into {to}; the {from} account is then closed"
        ),
    }
}

/// The key lines: (id, label, value).
pub fn lines(a: &Answer, lang: Lang) -> Vec<Line> {
    let label = |t: Text| super::label(&t, lang);
    let mut out = vec![
        (
            "from".into(),
            label(Text::new("注销的账户(转出地)", "account closed (origin)")),
            place(&a.facts.from, lang),
        ),
        (
            "to".into(),
            label(Text::new(
                "保留的账户(转入地)",
                "account kept (destination)",
            )),
            place(&a.facts.to, lang),
        ),
    ];
    if let Some(l) = &a.limits {
        out.push((
            "out_working_days".into(),
            super::label(l.out.label, lang),
            working_days(l.out.int(), lang),
        ));
        out.push((
            "in_working_days".into(),
            super::label(l.inn.label, lang),
            working_days(l.inn.int(), lang),
        ));
    }
    if let Some(st) = &a.status {
        out.push((
            "status".into(),
            label(Text::new("办理进度", "progress")),
            super::transfer::status(st, lang),
        ));
    }
    out
}

/// The context the shared words need.
pub fn context<'x, 'r>(a: &'x Answer<'r>, lang: Lang) -> Context<'x, 'r> {
    Context::plain(&a.verdict, lang)
}

/// A step of the reasoning.
pub fn why(a: &Answer, w: &Why, lang: Lang) -> String {
    match w {
        Why::Fact { item, standing, .. } => {
            let text = item.text.get(lang);
            match standing {
                Standing::Clear => say!(lang, "满足: {text}", "holds: {text}"),
                Standing::Blocks => say!(lang, "不满足: {text}", "fails: {text}"),
                Standing::Unknown => say!(lang, "未知: {text}", "unknown: {text}"),
            }
        }
        other => context(a, lang).why(other),
    }
}
