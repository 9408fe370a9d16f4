//! The words of `yibao route`: which route is the person's, the key lines and the command to
//! run next.

use super::{Context, Line, place, say};
use crate::checks::route::{Answer, Route};
use crate::text::{Lang, Text};
use crate::verdict::Why;

/// A route's name.
pub fn route(r: Route) -> Text {
    match r {
        Route::Transfer => Text::new("医保关系转移接续", "transfer of your insurance"),
        Route::Filing => Text::new("异地就医备案", "cross-region care filing"),
        Route::Nothing => Text::new("无需办理", "nothing to do"),
    }
}

/// The command that takes the person further, with the facts already known.
pub fn next(a: &Answer) -> Option<String> {
    let f = &a.facts;
    let mut cmd = match a.route? {
        Route::Transfer => "yibao transfer".to_string(),
        Route::Filing => "yibao filing".to_string(),
        Route::Nothing => return None,
    };
    for (flag, v) in [("--from", &f.from), ("--to", &f.to)] {
        if let Some(v) = v {
            cmd.push_str(&format!(" {flag} {v}"));
        }
    }
    if let Some(s) = f.scheme {
        cmd.push_str(&format!(" --scheme {}", s.flag()));
    }
    match a.route {
        Some(Route::Filing) => {
            if let Some(k) = a.kind {
                cmd.push_str(&format!(" --kind {}", k.id()));
            }
        }
        _ => {
            if let Some(r) = f.retired {
                cmd.push_str(&format!(" --retired {}", crate::checks::answers::word(r)));
            }
        }
    }
    Some(cmd)
}

/// The conclusion in one sentence.
pub fn summary(a: &Answer, lang: Lang) -> String {
    match a.route {
        None => say!(
            lang,
            "还不能判断:先回答您是要改变参保地,还是仍在原地参保、在外地居住或看病",
            "not decided yet: first say whether you are changing where you are insured, or staying insured here and living or getting care elsewhere"
        ),
        Some(Route::Nothing) if a.automatic => say!(
            lang,
            "无需申请转移:在新参保地登记参保后,医保关系按本省规定自动转移",
            "no transfer to apply for: once you enrol in the new place, your province's rules move the record by themselves"
        ),
        Some(Route::Nothing) => say!(
            lang,
            "无需办理转移或备案",
            "nothing to apply for: no transfer and no filing"
        ),
        Some(Route::Transfer) => say!(
            lang,
            "您的情况是医保关系转移接续(不是异地就医备案)",
            "yours is a transfer of your insurance (not a care filing)"
        ),
        Some(Route::Filing) => {
            let kind = a.kind.map(|k| super::filing::kind(k).get(lang).to_string());
            match kind {
                Some(k) => say!(
                    lang,
                    "您的情况是异地就医备案({k}),不需要转移医保关系",
                    "yours is a cross-region care filing, as {k}; not a transfer"
                ),
                None => say!(
                    lang,
                    "您的情况是异地就医备案,不需要转移医保关系",
                    "yours is a cross-region care filing, not a transfer"
                ),
            }
        }
    }
}

/// The key lines: (id, label, value).
pub fn lines(a: &Answer, lang: Lang) -> Vec<Line> {
    let label = |t: Text| super::label(&t, lang);
    let mut out: Vec<Line> = Vec::new();
    for (id, l, code) in [
        ("from", Text::new("参保地", "insured in"), &a.facts.from),
        ("to", Text::new("另一地", "other place"), &a.facts.to),
    ] {
        if let Some(code) = code {
            out.push((id.into(), label(l), place(code, lang)));
        }
    }
    if let Some(r) = a.route {
        out.push((
            "route".into(),
            label(Text::new("办理途径", "route")),
            label(route(r)).into_owned(),
        ));
    }
    if let Some(k) = a.kind {
        out.push((
            "kind".into(),
            label(Text::new("备案人员类别", "kind")),
            label(super::filing::kind(k)).into_owned(),
        ));
    }
    if let Some(cmd) = next(a) {
        out.push(("next".into(), label(Text::new("下一步", "next")), cmd));
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
        Why::SamePoolingArea => super::filing::same_area(
            a.facts.from.as_deref().unwrap_or_default(),
            a.facts.to.as_deref().unwrap_or_default(),
            lang,
        ),
        other => context(a, lang).why(other),
    }
}
