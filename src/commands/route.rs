//! `yibao route`: which route is yours — a transfer, a cross-region care filing or nothing —
//! from flags or, at a terminal, a few questions; and the same questions at the start of
//! `yibao transfer`'s walk-through (`at_start`), which go on into the transfer, hand over to
//! the filing walk-through with the facts already given, or stop with nothing to do.

use super::filing::{self as filing_cmd, Given};
use crate::checks::answers::word;
use crate::checks::route::{self, Care, Facts, Route, Stay};
use crate::cli::{RouteArgs, TransferArgs, YesNo};
use crate::error::Error;
use crate::prompt::{self, Prompter, Trail};
use crate::region::kept_code;
use crate::render::verdict::RouteReport;
use crate::render::{self, Report};
use crate::request::{Output, Request};
use crate::text::Text;

pub fn run<'r>(args: &RouteArgs, req: &'r Request) -> Result<RouteReport<'r>, Error> {
    let area = |flag: &str, v: &Option<String>| -> Result<Option<String>, Error> {
        v.as_deref()
            .map(|t| req.pooling_area(flag, t).map(|r| r.code.clone()))
            .transpose()
    };
    let mut facts = Facts {
        from: area("--from", &args.from)?,
        to: area("--to", &args.to)?,
        change: args.change.and_then(YesNo::get),
        retired: args.retired.and_then(YesNo::get),
        posted: args.posted.and_then(YesNo::get),
        stay: args.stay,
        care: args.care,
        scheme: args.scheme,
    };
    let mut asked = false;
    if req.interactive {
        let p = Prompter::new(req.lang);
        let mut walk = Walk::new(facts);
        walk.ask(&p, Some(req))?;
        asked = walk.asked();
        facts = walk.state.facts;
        if asked {
            p.say_command(&equivalent(&facts));
        }
    }
    let policy = req.policy(facts.from.as_deref().and_then(kept_code))?;
    Ok(RouteReport {
        answer: route::decide(&facts, &policy),
        rules: policy.rules,
        voice: crate::render::text::Voice::of_walk(asked),
    })
}

/// The route questions as a walk, every question after the first offering 上一步, which
/// another walk can come back into: `transfer` asks them first, and 上一步 at its first
/// question returns to the last of them.
pub struct Walk {
    state: Asking,
    trail: Trail<Asking>,
}

impl Walk {
    fn new(facts: Facts) -> Walk {
        Walk {
            state: Asking {
                facts,
                open: Vec::new(),
            },
            trail: Trail::new(),
        }
    }

    /// Asks what is still open, from where the walk stands; the places first when
    /// `places` (the request they are resolved by) is given.
    fn ask(&mut self, p: &Prompter, places: Option<&Request>) -> Result<(), Error> {
        p.resume(&mut self.state, &mut self.trail, |st, trail| {
            questions(p, st, trail, places)
        })
    }

    /// Whether a question was asked: then the questions after these can come back.
    pub fn asked(&self) -> bool {
        self.trail.any()
    }

    /// Goes back to before the last question asked, to ask it again.
    pub fn back(&mut self) -> bool {
        self.trail.back(&mut self.state)
    }
}

/// The route questions' state: the facts, and the questions answered "not sure" (left open,
/// so going back does not ask them again).
#[derive(Clone)]
struct Asking {
    facts: Facts,
    open: Vec<&'static str>,
}

impl prompt::Asking for Asking {
    type Facts = Facts;

    fn facts(&mut self) -> &mut Facts {
        &mut self.facts
    }

    fn open(&mut self) -> &mut Vec<&'static str> {
        &mut self.open
    }
}

/// The questions in order, each skipped when its fact is known: with `places`, where the
/// person is insured and where they are going first (one pooling area needs nothing more).
fn questions(
    p: &Prompter,
    st: &mut Asking,
    trail: &mut Trail<Asking>,
    places: Option<&Request>,
) -> Result<(), Error> {
    if let Some(req) = places {
        trail.ask(
            p,
            st,
            "from",
            |f| &mut f.from,
            |_| {
                let question = Text::new("您现在在哪里参保?", "Where are you insured now?");
                let what = Text::new("现在的参保地", "where you are insured now");
                Ok(Some(
                    p.region(&question, &what, &|t| req.place("--from", t))?.0,
                ))
            },
        )?;
        trail.ask(
            p,
            st,
            "to",
            |f| &mut f.to,
            |_| {
                let question = Text::new(
                    "要去哪里(工作、居住或看病)?",
                    "Where are you going (to work, live or get care)?",
                );
                let what = Text::new("另一地", "the other place");
                Ok(Some(
                    p.region(&question, &what, &|t| req.place("--to", t))?.0,
                ))
            },
        )?;
        if let (Some(from), Some(to)) = (&st.facts.from, &st.facts.to) {
            let policy = req.policy(kept_code(from))?;
            if crate::checks::filing::scope(&policy, from, to)
                == crate::checks::filing::Scope::SameArea
            {
                return Ok(());
            }
        }
    }
    // A retiree files whichever way they answer: the question would only slow them down.
    if st.facts.posted != Some(true) && st.facts.retired != Some(true) {
        trail.ask(p, st, "change", |f| &mut f.change, |_| {
            p.select(
                &Text::new(
                    "您是要改变参保地(新工作、迁户口、在新地方参保),还是仍在这里参保、到外地居住或看病?",
                    "Are you changing where you are insured (new job, new hukou, new enrolment), or staying insured here and living or getting care elsewhere?",
                ),
                &[
                    (Some(true), Text::new("改变参保地", "changing where I am insured")),
                    (
                        Some(false),
                        Text::new("仍在这里参保,到外地居住或看病", "staying insured here, living or getting care elsewhere"),
                    ),
                    (None, Text::new("不确定", "not sure")),
                ],
            )
        })?;
    }
    trail.ask(
        p,
        st,
        "retired",
        |f| &mut f.retired,
        |_| p.no_yes_unsure(&Text::new("您已经退休了吗?", "Are you retired?")),
    )?;
    let f = &st.facts;
    let retired = f.retired == Some(true);
    if f.change != Some(false) && !retired {
        return Ok(());
    }
    if !retired {
        trail.ask(
            p,
            st,
            "posted",
            |f| &mut f.posted,
            |_| {
                p.no_yes_unsure(&Text::new(
                    "是单位派您到外地工作、仍由原单位参保吗?",
                    "Has your employer posted you elsewhere, still insuring you here?",
                ))
            },
        )?;
        if st.facts.posted == Some(true) {
            return Ok(());
        }
    }
    trail.ask(
        p,
        st,
        "stay",
        |f| &mut f.stay,
        |_| {
            p.select(
                &Text::new("您会在那里待多久?", "How long will you be there?"),
                &[
                    (
                        Some(Stay::Long),
                        Text::new("长期居住", "living there for a long time"),
                    ),
                    (
                        Some(Stay::Short),
                        Text::new("短期,去看病", "a short stay, for care"),
                    ),
                    (None, Text::new("不确定", "not sure")),
                ],
            )
        },
    )?;
    if st.facts.stay == Some(Stay::Short) {
        trail.ask(
            p,
            st,
            "care",
            |f| &mut f.care,
            |_| {
                p.select(
                    &Text::new("为什么在那里看病?", "Why the care there?"),
                    &[
                        (
                            Some(Care::Referral),
                            Text::new("本地医院转诊", "referred by a hospital at home"),
                        ),
                        (
                            Some(Care::Emergency),
                            Text::new("突发急病、急诊抢救", "an emergency"),
                        ),
                        (
                            Some(Care::Other),
                            Text::new("其他(自己去看病等)", "other (going for care on my own, …)"),
                        ),
                        (None, Text::new("不确定", "not sure")),
                    ],
                )
            },
        )?;
    }
    Ok(())
}

/// The one-line command that gives the same route without questions.
pub fn equivalent(f: &Facts) -> String {
    let mut cmd = "yibao route".to_string();
    for (flag, v) in [("--from", &f.from), ("--to", &f.to)] {
        if let Some(v) = v {
            cmd.push_str(&format!(" {flag} {v}"));
        }
    }
    for (flag, v) in [
        ("--change", f.change),
        ("--retired", f.retired),
        ("--posted", f.posted),
    ] {
        if let Some(v) = v {
            cmd.push_str(&format!(" {flag} {}", word(v)));
        }
    }
    if let Some(s) = f.stay {
        cmd.push_str(match s {
            Stay::Long => " --stay long",
            Stay::Short => " --stay short",
        });
    }
    if let Some(c) = f.care {
        cmd.push_str(match c {
            Care::Referral => " --care referral",
            Care::Emergency => " --care emergency",
            Care::Other => " --care other",
        });
    }
    if let Some(s) = f.scheme {
        cmd.push_str(&format!(" --scheme {}", s.flag()));
    }
    cmd
}

/// What the start of `yibao transfer`'s walk-through decided.
pub enum Start<'r> {
    /// Go on with the transfer; the retirement answer, if one was given.
    Transfer { retired: Option<bool> },
    /// Answered here (a filing walked through, or nothing to do), already shown.
    Done(Box<dyn Report + 'r>),
}

/// Whether `yibao transfer`'s walk-through starts with the route question: not when a flag
/// already speaks of a transfer under way (its state, dates, a plan file).
pub fn ask_first(args: &TransferArgs) -> bool {
    args.reason.is_none()
        && args.origin_stopped.is_none()
        && args.destination_enrolled.is_none()
        && args.arrears.is_none()
        && args.account_frozen.is_none()
        && args.last_paid.is_none()
        && args.paid_from.is_none()
        && args.continuous_years.is_none()
        && args.new_scheme.is_none()
        && args.submitted.is_none()
        && args.save.is_none()
}

/// The route question at the start of `yibao transfer`'s walk-through, with the places and
/// scheme typed as flags and the retirement answer already known.
/// `walk` keeps the questions asked: after 上一步 from the transfer's first question
/// (`Walk::back`), the next call asks again from the last of them.
pub fn at_start<'r>(
    p: &Prompter,
    args: &TransferArgs,
    retired: Option<bool>,
    req: &'r Request,
    walk: &mut Option<Walk>,
) -> Result<Start<'r>, Error> {
    let (from, to, scheme) = (args.from.as_deref(), args.to.as_deref(), args.scheme);
    let area = |flag: &str, v: Option<&str>| -> Result<Option<String>, Error> {
        v.map(|t| req.pooling_area(flag, t).map(|r| r.code.clone()))
            .transpose()
    };
    let walk = match walk {
        Some(w) => w,
        None => walk.insert(Walk::new(Facts {
            from: area("--from", from)?,
            to: area("--to", to)?,
            retired,
            scheme,
            ..Facts::default()
        })),
    };
    loop {
        walk.ask(p, None)?;
        let facts = walk.state.facts.clone();
        let policy = req.policy(facts.from.as_deref().and_then(kept_code))?;
        let answer = route::decide(&facts, &policy);
        let (route, kind) = (answer.route, answer.kind);
        match route {
            // Transfer, or not settled: the transfer walk-through goes on and asks the rest.
            Some(Route::Transfer) | None => {
                return Ok(Start::Transfer {
                    retired: facts.retired,
                });
            }
            Some(Route::Nothing) => {
                let report = RouteReport {
                    answer,
                    rules: policy.rules,
                    voice: crate::render::text::Voice::Walk,
                };
                render::emit(&report, req.lang, Output::Table, req.explain)?;
                return Ok(Start::Done(Box::new(render::Shown(report))));
            }
            Some(Route::Filing) => {
                p.say(&crate::render::text::route::summary(&answer, req.lang));
                let given = Given {
                    from: from.map(str::to_string),
                    to: to.map(str::to_string),
                    kind: kind.or(match facts.stay {
                        Some(Stay::Short) => facts.care.map(Care::kind),
                        _ => None,
                    }),
                    scheme,
                    admitted: None,
                    handed_over: true,
                };
                // 上一步 at the filing's first question asks the last route question again.
                match filing_cmd::walk_after(Some(p), given, req, walk.asked()) {
                    Err(Error::Back) if walk.back() => {}
                    report => return Ok(Start::Done(Box::new(report?))),
                }
            }
        }
    }
}
