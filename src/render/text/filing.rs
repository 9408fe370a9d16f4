//! The words of `yibao filing`: the summary, the key lines (places, whether a filing is
//! needed, class, kind, how long it lasts, the regional figures) and the names of the kinds.

use super::{Context, Line, place, say};
use crate::checks::filing::{Answer, Class, Kind, Scope};
use crate::rules::Resolved;
use crate::text::{Lang, Text};
use crate::verdict::Why;

/// A kind of filing as people call it.
pub fn kind(k: Kind) -> Text {
    match k {
        Kind::ResettledRetiree => {
            Text::new("异地安置退休人员", "resettled retiree (异地安置退休人员)")
        }
        Kind::LongTermResident => Text::new(
            "异地长期居住人员",
            "long-term resident elsewhere (异地长期居住人员)",
        ),
        Kind::PostedWorker => Text::new("常驻异地工作人员", "posted worker (常驻异地工作人员)"),
        Kind::Referral => Text::new("异地转诊人员", "referral (异地转诊人员)"),
        Kind::Emergency => Text::new("异地急诊抢救人员", "emergency care (异地急诊抢救人员)"),
        Kind::Temporary => Text::new(
            "其他临时外出就医人员",
            "other temporary care (其他临时外出就医人员)",
        ),
    }
}

/// A class of filing.
pub fn class(c: Class) -> Text {
    match c {
        Class::LongTerm => Text::new("长期备案", "long-term filing"),
        Class::Temporary => Text::new("临时备案", "temporary filing"),
    }
}

/// The conclusion in one sentence.
pub fn summary(a: &Answer, lang: Lang) -> String {
    let (from, to) = (place(&a.facts.from, lang), place(&a.facts.to, lang));
    if a.scope == Scope::SameArea && a.facts.from == a.facts.to {
        // Two districts of one city: the places were typed, the pooling area is what counts.
        return say!(
            lang,
            "不需要备案:两地同属一个统筹地区{to},按本地就医",
            "no filing needed: both places are in one pooling area, {to}, so care there is local care"
        );
    }
    if a.scope == Scope::SameArea {
        return say!(
            lang,
            "不需要备案:{from}和{to}是同一统筹地区,按本地就医",
            "no filing needed: {from} and {to} are one pooling area, so care there is local care"
        );
    }
    if a.facts.kind == Some(Kind::Emergency) {
        return say!(
            lang,
            "不需要先备案:在{to}急诊抢救视同已备案,先救治;住院的,出院前补办备案即可直接结算",
            "no filing needed first: emergency care in {to} counts as filed, so get treated; if admitted, file before discharge to settle directly"
        );
    }
    if a.waived {
        return say!(
            lang,
            "不需要备案:本省规定省内跨统筹区就医免备案({from} → {to})",
            "no filing needed: your province waives filings for care inside it ({from} → {to})"
        );
    }
    let what = match a.facts.kind {
        Some(k) => {
            let (c, k) = (class(k.class()), kind(k));
            say!(lang, "{}({})", "a {} as {}", c.get(lang), k.get(lang))
        }
        None => say!(lang, "异地就医备案", "a cross-region care filing"),
    };
    match a.scope {
        Scope::InProvince => say!(
            lang,
            "在{from}参保、到{to}就医:同省不同统筹地区,一般要办{what},以本省规定为准;不需要转移医保关系",
            "insured in {from}, care in {to}: another pooling area of the same province usually needs {what}, as your province's rules say; no transfer is needed"
        ),
        _ => say!(
            lang,
            "需要办理{what}:在{from}参保、到{to}就医,备案后可直接结算;不需要转移医保关系",
            "file {what}: insured in {from}, care in {to}; once filed, bills are settled directly; no transfer is needed"
        ),
    }
}

/// A regional figure as a value: a cut in percentage points, a share in per cent, months.
fn figure(r: &Resolved, lang: Lang) -> String {
    let own = r.region.map(|code| place(code, lang));
    let mut value = if r.unit == "month" {
        say!(lang, "至少 {} 个月", "at least {} months", r.int())
    } else if r.key.ends_with("_cut_max") {
        let points = (r.number() * 100.0).round();
        match &own {
            Some(_) => say!(lang, "{points} 个百分点", "{points} percentage points"),
            None => say!(
                lang,
                "最多 {points} 个百分点",
                "at most {points} percentage points"
            ),
        }
    } else {
        format!("{}%", (r.number() * 100.0).round())
    };
    if own.is_some() {
        value.push_str(&say!(lang, " (地方规定)", " (regional rule)"));
    }
    value.push_str(crate::render::verdict::unverified_mark(lang, r.reported()));
    value
}

/// The key lines: (id, label, value).
pub fn lines(a: &Answer, lang: Lang) -> Vec<Line> {
    let label = |t: Text| super::label(&t, lang);
    let yes_no = |b: bool| {
        label(Text::new(
            if b { "是" } else { "否" },
            if b { "yes" } else { "no" },
        ))
        .into_owned()
    };
    let mut out: Vec<Line> = vec![
        (
            "from".into(),
            label(Text::new("参保地", "insured in")),
            place(&a.facts.from, lang),
        ),
        (
            "to".into(),
            label(Text::new("就医地", "care in")),
            place(&a.facts.to, lang),
        ),
        (
            "needed".into(),
            label(Text::new("需要先备案", "filing needed first")),
            yes_no(a.needed),
        ),
    ];
    if let (Some(k), true) = (a.facts.kind, a.scope != Scope::SameArea) {
        out.push((
            "kind".into(),
            label(Text::new("备案人员类别", "kind")),
            kind(k).get(lang).to_string(),
        ));
        out.push((
            "class".into(),
            label(Text::new("备案类别", "class")),
            class(k.class()).get(lang).to_string(),
        ));
        if a.needed && k.class() == Class::LongTerm {
            out.push((
                "valid".into(),
                label(Text::new("有效期", "valid")),
                label(Text::new(
                    "长期有效,直到变更或取消",
                    "until you change or cancel it",
                ))
                .into_owned(),
            ));
        }
    }
    for r in &a.figures {
        let id = r.key.strip_prefix("filing.").unwrap_or(&r.key).to_string();
        let id = if id == "temporary_valid_min_months" {
            "valid".to_string()
        } else {
            id
        };
        out.push((id.into(), super::label(r.label, lang), figure(r, lang)));
    }
    out
}

/// The trace line of the pooling-area comparison.
pub fn same_area(from: &str, to: &str, lang: Lang) -> String {
    let (from, to) = (place(from, lang), place(to, lang));
    say!(
        lang,
        "{from} 与 {to} 是否同一统筹地区",
        "{from} and {to} in one pooling area"
    )
}

/// The context the shared words need.
pub fn context<'x, 'r>(a: &'x Answer<'r>, lang: Lang) -> Context<'x, 'r> {
    Context::plain(&a.verdict, lang)
}

/// A step of the reasoning.
pub fn why(a: &Answer, w: &Why, lang: Lang) -> String {
    match w {
        Why::SamePoolingArea => {
            let (from, to) = (place(&a.facts.from, lang), place(&a.facts.to, lang));
            say!(
                lang,
                "{from} 与 {to} 是否同一统筹地区",
                "{from} and {to} in one pooling area"
            )
        }
        other => context(a, lang).why(other),
    }
}
