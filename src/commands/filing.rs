//! `yibao filing`: gathers the facts of `checks::filing` from the flags and, at a terminal,
//! asks for what is missing (where you are insured, where the care or stay is, the kind of
//! filing, whether you are already in hospital), runs the check with the insured place's
//! policy and prints the equivalent one-line command. Off a terminal a missing place is a
//! usage error naming the flag; a missing kind stays unknown (outcome conditional).
//! `yibao transfer`'s walk-through hands over here (`walk`) with the facts it already has.

use crate::checks::Scheme;
use crate::checks::filing::{self, Facts, Kind, Scope};
use crate::cli::{FilingArgs, YesNo};
use crate::error::Error;
use crate::prompt::{self, Prompter, Trail};
use crate::region::kept_code;
use crate::render::verdict::FilingReport;
use crate::request::Request;
use crate::text::Text;

/// What is known before the questions: typed places (not resolved yet) and answers.
#[derive(Debug, Default, Clone)]
pub struct Given {
    pub from: Option<String>,
    pub to: Option<String>,
    pub kind: Option<Kind>,
    pub scheme: Option<Scheme>,
    pub admitted: Option<bool>,
    /// Handed over by another walk-through: the equivalent command is printed even if this
    /// one asks nothing.
    pub handed_over: bool,
}

pub fn run<'r>(args: &FilingArgs, req: &'r Request) -> Result<FilingReport<'r>, Error> {
    let given = Given {
        from: args.from.clone(),
        to: args.to.clone(),
        kind: args.kind,
        scheme: args.scheme,
        admitted: args.admitted.and_then(YesNo::get),
        handed_over: false,
    };
    let prompter = req.interactive.then(|| Prompter::new(req.lang));
    walk(prompter.as_ref(), given, req)
}

/// The filing answer from what is given, asking for the rest when `prompter` is there.
pub fn walk<'r>(
    prompter: Option<&Prompter>,
    given: Given,
    req: &'r Request,
) -> Result<FilingReport<'r>, Error> {
    walk_after(prompter, given, req, false)
}

/// `walk` after other questions (`after_others`: the route questions of `yibao transfer`):
/// 上一步 at the first question here then ends it with `Error::Back`.
pub fn walk_after<'r>(
    prompter: Option<&Prompter>,
    given: Given,
    req: &'r Request,
    after_others: bool,
) -> Result<FilingReport<'r>, Error> {
    if prompter.is_none() && (given.from.is_none() || given.to.is_none()) {
        return Err(missing_places(&given));
    }
    // Places typed as flags are read first: a wrong one is refused before any question.
    let typed = |flag: &str, v: Option<&str>| -> Result<Option<String>, Error> {
        v.map(|t| req.pooling_area(flag, t).map(|r| r.code.clone()))
            .transpose()
    };
    let mut st = Asking {
        from: typed("--from", given.from.as_deref())?,
        to: typed("--to", given.to.as_deref())?,
        kind: given.kind,
        admitted: given.admitted,
        open: Vec::new(),
    };
    let mut trail = Trail::following(after_others);
    if let Some(p) = prompter {
        p.resume(&mut st, &mut trail, |st, trail| {
            questions(p, st, trail, req)
        })?;
    }
    let asked = given.handed_over || trail.any();
    let (Some(from), Some(to)) = (st.from, st.to) else {
        return Err(missing_places(&given));
    };
    let policy = req.policy(kept_code(&from))?;
    let facts = Facts {
        from,
        to,
        kind: st.kind,
        scheme: given.scheme,
        admitted: st.admitted,
    };
    if let (Some(p), true) = (prompter, asked) {
        p.say_command(&facts.command());
    }
    Ok(FilingReport {
        answer: filing::check(&facts, &policy),
        rules: policy.rules,
        voice: crate::render::text::Voice::of_walk(asked),
    })
}

/// The walk-through's state: the places (pooling-area codes) and answers so far, and the
/// questions answered "not sure" (not asked again).
#[derive(Clone)]
struct Asking {
    from: Option<String>,
    to: Option<String>,
    kind: Option<Kind>,
    admitted: Option<bool>,
    open: Vec<&'static str>,
}

/// The answers are the facts the questions fill in.
impl prompt::Asking for Asking {
    type Facts = Asking;

    fn facts(&mut self) -> &mut Asking {
        self
    }

    fn open(&mut self) -> &mut Vec<&'static str> {
        &mut self.open
    }
}

/// The questions in order, each skipped when its answer is known; the kind and the hospital
/// question only for places in different pooling areas.
fn questions(
    p: &Prompter,
    st: &mut Asking,
    trail: &mut Trail<Asking>,
    req: &Request,
) -> Result<(), Error> {
    if st.from.is_none() {
        trail.mark(p, st);
        let question = Text::new(
            "您在哪里参保?(参保地)",
            "Where are you insured? (your insured place)",
        );
        let what = Text::new("参保地", "where you are insured");
        st.from = Some(p.region(&question, &what, &|t| req.place("--from", t))?.0);
    }
    if st.to.is_none() {
        trail.mark(p, st);
        let question = Text::new(
            "要在哪里就医或居住?(就医地)",
            "Where will you get care or live? (the place of care)",
        );
        let what = Text::new("就医地或居住地", "where the care or the stay is");
        st.to = Some(p.region(&question, &what, &|t| req.place("--to", t))?.0);
    }
    let (Some(from), Some(to)) = (st.from.as_deref(), st.to.as_deref()) else {
        return Ok(());
    };
    let policy = req.policy(kept_code(from))?;
    if filing::scope(&policy, from, to) == Scope::SameArea {
        return Ok(());
    }
    trail.ask(
        p,
        st,
        "kind",
        |a| &mut a.kind,
        |_| {
            p.select(
                &Text::new("您属于哪种情况?", "Which fits you?"),
                &kind_choices(),
            )
        },
    )?;
    let temporary = st
        .kind
        .is_none_or(|k| k.class() == filing::Class::Temporary);
    if temporary {
        trail.ask(
            p,
            st,
            "admitted",
            |a| &mut a.admitted,
            |_| {
                p.no_yes_unsure(&Text::new(
                    "您现在已经在那里住院、但还没有备案吗?",
                    "Are you already in hospital there without a filing?",
                ))
            },
        )?;
    }
    Ok(())
}

/// Off a terminal: one error naming every place missing.
fn missing_places(given: &Given) -> Error {
    let mut zh = Vec::new();
    let mut en = Vec::new();
    if given.from.is_none() {
        zh.push("--from 参保地");
        en.push("--from REGION (where you are insured)");
    }
    if given.to.is_none() {
        zh.push("--to 就医地");
        en.push("--to REGION (where the care or the stay is)");
    }
    Error::usage(
        format!(
            "缺少 {}:地区可写代码、名称或拼音,例如 yibao filing --from 成都 --to 深圳 --kind resettled_retiree",
            zh.join("、")
        ),
        format!(
            "missing {}: places as code, Chinese name or pinyin, e.g. yibao filing --from 成都 --to 深圳 --kind resettled_retiree",
            en.join(", ")
        ),
    )
}

/// The kinds as a person recognises them, and "not sure".
pub fn kind_choices() -> Vec<(Option<Kind>, Text)> {
    let label = |k: Kind| match k {
        Kind::ResettledRetiree => Text::new(
            "退休后到那里定居、养老或随子女生活(异地安置退休)",
            "retired and settling there, e.g. with your children (resettled retiree)",
        ),
        Kind::LongTermResident => Text::new(
            "在那里长期居住(异地长期居住)",
            "living there for a long time (long-term resident)",
        ),
        Kind::PostedWorker => Text::new(
            "单位派我到那里工作(常驻异地工作)",
            "posted there by my employer (posted worker)",
        ),
        Kind::Referral => Text::new(
            "本地医院转诊到那里治疗(异地转诊)",
            "referred there by a hospital at home (referral)",
        ),
        Kind::Emergency => Text::new(
            "在那里突发急病、急诊抢救(异地急诊抢救)",
            "taken ill suddenly there: emergency care (emergency)",
        ),
        Kind::Temporary => Text::new(
            "自己去那里看病或短期外出就医(其他临时外出就医)",
            "going there for care on my own, or away for a while (other temporary care)",
        ),
    };
    let mut out: Vec<(Option<Kind>, Text)> =
        Kind::ALL.iter().map(|k| (Some(*k), label(*k))).collect();
    out.push((None, Text::new("不确定", "not sure")));
    out
}
