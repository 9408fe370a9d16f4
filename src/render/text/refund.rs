//! The words of `yibao refund`: the summary and key lines of the case found, or of the cases
//! still possible.

use super::{Context, Line, place, say};
use crate::checks::refund::Answer;
use crate::text::{Lang, Text};

/// The conclusion in one sentence.
pub fn summary(a: &Answer, lang: Lang) -> String {
    match (&a.found, &a.candidates) {
        (Some(found), _) => {
            let c = found.row.case;
            let (name, refund) = (c.name.get(lang), c.refund.get(lang));
            say!(lang, "{name}:{refund}", "{name}: {refund}")
        }
        (None, Some(rows)) if !rows.is_empty() => {
            let n = rows.len();
            say!(
                lang,
                "还有 {n} 种情形可能适用;回答下面的问题即可确定",
                "{n} cases may still apply; the questions below decide"
            )
        }
        (None, _) => say!(
            lang,
            "表中没有符合这些回答的情形;请向参保地医保经办机构或税务部门咨询",
            "no case in the table fits these answers; ask the medical-insurance agency or tax office where you are insured"
        ),
    }
}

/// The key lines of the case found.
pub fn lines(a: &Answer, lang: Lang) -> Vec<Line> {
    let Some(found) = &a.found else {
        return Vec::new();
    };
    let c = found.row.case;
    let label = |t: Text| super::label(&t, lang);
    let applies = match found.row.layer {
        Some(code) => {
            let label = place(code, lang);
            say!(lang, "{label}的规定", "the rule of {label}")
        }
        None => say!(
            lang,
            "一般规则(多地表述一致)",
            "general rule (restated alike by several cities)"
        ),
    };
    let mut out: Vec<Line> = vec![
        (
            "case".into(),
            label(Text::new("情形", "case")),
            c.name.get(lang).into(),
        ),
        (
            "applies".into(),
            label(Text::new("适用", "applies")),
            applies,
        ),
        (
            "refund".into(),
            label(Text::new("能退什么", "what comes back")),
            c.refund.get(lang).into(),
        ),
    ];
    if let Some(d) = &c.deducted {
        out.push((
            "deducted".into(),
            label(Text::new("扣除", "deducted")),
            d.get(lang).into(),
        ));
    }
    out
}

/// The context the shared words need.
pub fn context<'x, 'r>(a: &'x Answer<'r>, lang: Lang) -> Context<'x, 'r> {
    Context::plain(&a.verdict, lang)
}
