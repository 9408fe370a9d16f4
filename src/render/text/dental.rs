//! The words of `yibao dental`: the summary and the key lines (who pays, per scheme).

use super::{Context, Line, place, say, scheme};
use crate::checks::dental::Answer;
use crate::text::{Lang, Text};
use crate::vocab::Outcome;

/// The conclusion in one sentence, from the final outcome.
pub fn summary(a: &Answer, lang: Lang) -> String {
    let Some(p) = a.procedure else {
        let name = &a.facts.procedure;
        return say!(
            lang,
            "目录里没有“{name}”;请问参保地医保经办机构",
            "\"{name}\" is not in the catalogue; ask the agency where you are insured"
        );
    };
    let name = p.name.get(lang);
    match a.verdict.outcome {
        Outcome::Yes => say!(lang, "{name}可以报销", "{name} is covered"),
        Outcome::No => say!(
            lang,
            "{name}基本医保一般不报销",
            "{name} is generally not covered by basic medical insurance"
        ),
        Outcome::Conditional => say!(
            lang,
            "{name}能否报销要看下面的条件",
            "whether {name} is covered depends on the points below"
        ),
    }
}

/// The key lines: the procedure, who pays (per scheme where they differ), where insured.
pub fn lines(a: &Answer, lang: Lang) -> Vec<Line> {
    let Some(p) = a.procedure else {
        return Vec::new();
    };
    let mut out: Vec<Line> = vec![(
        "procedure".into(),
        super::label(&Text::new("项目", "procedure"), lang),
        p.name.get(lang).into(),
    )];
    for (s, cover) in &a.covers {
        let label = if a.same && a.facts.scheme.is_none() {
            say!(lang, "谁来付", "who pays")
        } else {
            let s = scheme(*s);
            let s = s.get(lang);
            say!(lang, "谁来付({s})", "who pays ({s})")
        };
        out.push(("pays".into(), label.into(), cover.text.get(lang).into()));
        if a.same {
            break;
        }
    }
    if let Some(code) = &a.facts.region {
        let label = super::label(&Text::new("参保地", "insured in"), lang);
        out.push(("region".into(), label, place(code, lang)));
    }
    out
}

/// The context the shared words need.
pub fn context<'x, 'r>(a: &'x Answer<'r>, lang: Lang) -> Context<'x, 'r> {
    Context::plain(&a.verdict, lang)
}
