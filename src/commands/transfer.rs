//! `yibao transfer`: gathers the facts of `checks::transfer` from the flags and, at a terminal,
//! asks for what is missing (only what the answer depends on: a move within one pooling area
//! needs nothing more, a retiree's answer needs nothing more, residents are not asked about
//! a personal account). Off a terminal the missing essentials (--from, --to, --scheme) are
//! one usage error naming them all; other unknown facts make the answer conditional. Ends by
//! printing the equivalent one-line command and, on request, saving the plan. At a terminal
//! it first asks which route applies (`commands::route::at_start`): a filing or nothing to
//! do ends here.

use crate::checks::answers::Naming;
use crate::checks::transfer::{self, Facts, Reason, Scheme};
use crate::cli::{TransferArgs, YesNoUnknown};
use crate::dates::Month;
use crate::error::Error;
use crate::plan;
use crate::prompt::{Asking, Prompter, Trail};
use crate::region::kept_code;
use crate::render::text::transfer::reason;
use crate::render::verdict::TransferReport;
use crate::render::{self, Report, Shown};
use crate::request::{Output, Request, parse_date, parse_month};
use crate::text::{Lang, Text};

pub fn run<'r>(args: &TransferArgs, req: &'r Request) -> Result<Box<dyn Report + 'r>, Error> {
    let mut facts = from_flags(args, req)?;
    let prompter = req.interactive.then(|| Prompter::new(req.lang));
    let walk = match &prompter {
        Some(p) => {
            // First the route: a transfer at all, or a care filing, or nothing to do (issue
            // 18); 上一步 at the transfer's first question goes back into those questions.
            let retired = facts.retired;
            let mut route = None;
            loop {
                if super::route::ask_first(args) {
                    match super::route::at_start(p, args, retired, req, &mut route)? {
                        super::route::Start::Done(report) => return Ok(report),
                        super::route::Start::Transfer { retired } => facts.retired = retired,
                    }
                }
                let after_route = route.as_ref().is_some_and(super::route::Walk::asked);
                match walk_through(p, &mut facts, req, after_route) {
                    Err(Error::Back) if route.as_mut().is_some_and(super::route::Walk::back) => {}
                    other => break other?,
                }
            }
        }
        None => {
            require(&facts)?;
            Walk::default()
        }
    };
    if let Some(problem) = facts.contradiction(req.on, Naming::Flags) {
        return Err(Error::Contradiction(problem));
    }
    let policy = req.policy(kept_code(&facts.to))?;
    let report = TransferReport {
        answer: transfer::check(&facts, &policy),
        rules: policy.rules,
        voice: crate::render::text::Voice::of_walk(walk.asked),
    };
    if let Some(path) = &args.save {
        plan::save(path, &facts, &report, req, req.lang, args.force)?;
    }
    if let Some(path) = &args.ics {
        crate::commands::ics::transfer(path, &report.answer, report.rules, req)?;
    }
    match prompter.as_ref().filter(|_| walk.asked) {
        // After a walk-through: the plan, then the command that repeats it, then the offer
        // to keep it.
        Some(p) => {
            match args.format {
                Some(format) => {
                    render::write_stdout(&render::print::show(&report, format, req.lang))?
                }
                None => render::emit(&report, req.lang, Output::Table, req.explain)?,
            }
            p.say_command(&facts.command_with(&walk.open));
            // A move within one pooling area has nothing to follow up.
            if args.save.is_none() && facts.from != facts.to {
                offer_save(p, &facts, &report, req)?;
            }
            Ok(Box::new(Shown(report)))
        }
        None => render::print::printed(report, args.format, req),
    }
}

/// The facts given as flags, each value checked.
fn from_flags(args: &TransferArgs, req: &Request) -> Result<Facts, Error> {
    // The pooling area, and the place itself where it is a district or county inside it.
    let place = |flag: &str, v: &Option<String>| -> Result<(String, Option<String>), Error> {
        let Some(text) = v.as_deref() else {
            return Ok(Default::default());
        };
        req.area_and_place(flag, text)
    };
    let (from, from_place) = place("--from", &args.from)?;
    let (to, to_place) = place("--to", &args.to)?;
    let month = |flag: &'static str, v: &Option<String>, december: bool| {
        known(v)
            .map(|t| paid_month(req, flag, t, december))
            .transpose()
    };
    Ok(Facts {
        from,
        to,
        from_place,
        to_place,
        scheme: args.scheme,
        reason: args.reason,
        retired: args.retired.and_then(YesNoUnknown::get),
        flexible: args.flexible.and_then(YesNoUnknown::get),
        origin_stopped: args.origin_stopped.and_then(YesNoUnknown::get),
        destination_enrolled: args.destination_enrolled.and_then(YesNoUnknown::get),
        arrears: args.arrears.and_then(YesNoUnknown::get),
        account_frozen: args.account_frozen.and_then(YesNoUnknown::get),
        last_paid: month("--last-paid", &args.last_paid, true)?,
        paid_from: month("--paid-from", &args.paid_from, false)?,
        continuous_years: known(&args.continuous_years).map(parse_years).transpose()?,
        new_scheme: args.new_scheme,
        submitted: known(&args.submitted)
            .map(|s| parse_date("--submitted", s))
            .transpose()?,
    })
}

/// A flag's text unless it states the answer is not known (`unknown`, as the walk-through's
/// "run this next time" line writes a skipped question).
fn known(v: &Option<String>) -> Option<&str> {
    v.as_deref().filter(|t| !is_unknown(t))
}

fn is_unknown(text: &str) -> bool {
    matches!(text.trim(), "unknown" | "不确定" | "不知道")
}

/// A month as people type it (2026-10, 2026/10, 2026年10月), or a bare year as residents pay
/// (2024, 2024年): the year's December for the last month paid, its January for the first.
pub fn month_or_year(flag: &str, text: &str, december: bool) -> Result<Month, Error> {
    match crate::dates::paid_year(text, december) {
        Some(month) => Ok(month),
        None => parse_month(flag, text),
    }
}

/// A month of payment typed for `flag` (`month_or_year`), within reach of the as-of date.
fn paid_month(
    req: &Request,
    flag: &'static str,
    text: &str,
    december: bool,
) -> Result<Month, Error> {
    month_or_year(flag, text, december).and_then(|m| req.payment_month(flag, m))
}

pub fn parse_years(text: &str) -> Result<u32, Error> {
    use crate::checks::answers::{MAX_YEARS, typed_years};
    typed_years(text).ok_or_else(|| {
        Error::usage(
            format!(
                "--continuous-years: '{text}' 不是有效的年数;请给出 0 到 {MAX_YEARS} 之间的整数(例如 --continuous-years 3)"
            ),
            format!(
                "--continuous-years: '{text}' is not a number of years; give a whole number from 0 to {MAX_YEARS} (e.g. --continuous-years 3)"
            ),
        )
    })
}

/// Off a terminal: every essential fact must be a flag; one error names all that are missing.
fn require(facts: &Facts) -> Result<(), Error> {
    let missing: Vec<&str> = facts
        .missing()
        .into_iter()
        .map(|name| match name {
            "from" => "--from REGION",
            "to" => "--to REGION",
            _ => "--scheme employee|resident",
        })
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let list = missing.join(", ");
    Err(Error::usage(
        format!(
            "缺少 {list}:不在终端时不会提问,请用参数给出(例如 yibao transfer --from 西安 --to 北京 --scheme employee);在终端直接运行 yibao transfer 会逐项询问"
        ),
        format!(
            "missing {list}: off a terminal yibao does not ask, so pass them as flags (e.g. yibao transfer --from 西安 --to 北京 --scheme employee); run yibao transfer at a terminal to be asked"
        ),
    ))
}

/// What a walk-through asked: whether anything, and the facts left open (不确定 or skipped),
/// which the "run this next time" line states as `unknown`.
#[derive(Default)]
struct Walk {
    asked: bool,
    open: Vec<&'static str>,
}

/// The facts so far and those left open (not asked again): the state a walk-through goes
/// back to.
#[derive(Clone)]
struct State(Facts, Vec<&'static str>);

impl Asking for State {
    type Facts = Facts;

    fn facts(&mut self) -> &mut Facts {
        &mut self.0
    }

    fn open(&mut self) -> &mut Vec<&'static str> {
        &mut self.1
    }
}

/// Asks for each missing fact the answer depends on, with 上一步 on every question after
/// the first; returns what was asked.
/// `after_route`: the route questions came first, and 上一步 at the first question here
/// returns to them (`Error::Back`).
fn walk_through(
    p: &Prompter,
    f: &mut Facts,
    req: &Request,
    after_route: bool,
) -> Result<Walk, Error> {
    let mut st = State(f.clone(), Vec::new());
    let mut trail = Trail::following(after_route);
    p.resume(&mut st, &mut trail, |st, trail| {
        questions(p, st, trail, req)
    })?;
    *f = st.0;
    Ok(Walk {
        asked: trail.any(),
        open: st.1,
    })
}

/// The questions in order; each is skipped when its fact is known.
fn questions(
    p: &Prompter,
    st: &mut State,
    trail: &mut Trail<State>,
    req: &Request,
) -> Result<(), Error> {
    let pooling = Text::new(
        "统筹地区:医保基金统一管理的地区,多数是一个地级市;在同一个统筹地区里搬家不用转移",
        "pooling area (统筹地区): the area whose insurance fund is managed as one, mostly a city; moving inside one needs no transfer",
    );
    if st.0.from.is_empty() {
        trail.mark(p, st);
        p.explain(&pooling);
        (st.0.from, st.0.from_place) = p.region(
            &Text::new(
                "您原来在哪里参保?(转出地)",
                "Where are you insured now? (origin)",
            ),
            &Text::new("转出地", "origin"),
            &|t| req.place("--from", t),
        )?;
    }
    if st.0.to.is_empty() {
        trail.mark(p, st);
        p.explain(&pooling);
        (st.0.to, st.0.to_place) = p.region(
            &Text::new(
                "要转到哪里?(转入地)",
                "Where are you moving to? (destination)",
            ),
            &Text::new("转入地", "destination"),
            &|t| req.place("--to", t),
        )?;
    }
    if st.0.from == st.0.to {
        return Ok(());
    }
    trail.ask(
        p,
        st,
        "scheme",
        |f| &mut f.scheme,
        |_| {
            p.select(
                &Text::new("您参加的是哪种医保?", "Which insurance are you in?"),
                &[
                    (
                        Scheme::Employee,
                        Text::new(
                            "职工医保(含灵活就业)",
                            "employee insurance (incl. flexible employment)",
                        ),
                    ),
                    (
                        Scheme::Resident,
                        Text::new("居民医保", "resident insurance"),
                    ),
                ],
            )
            .map(Some)
        },
    )?;
    let employee = st.0.scheme == Some(Scheme::Employee);
    if employee {
        trail.ask(
            p,
            st,
            "retired",
            |f| &mut f.retired,
            |_| {
                p.select(
                    &Text::new("您已经退休了吗?", "Are you retired?"),
                    &[
                        (false, Text::new("否", "no")),
                        (true, Text::new("是", "yes")),
                    ],
                )
                .map(Some)
            },
        )?;
    }
    if st.0.retired == Some(true) {
        return Ok(());
    }
    if employee {
        trail.ask(
            p,
            st,
            "flexible",
            |f| &mut f.flexible,
            |_| {
                p.explain(&Text::new(
                "灵活就业:个体户、自由职业等没有用人单位,自己缴职工医保",
                "flexible worker (灵活就业): self-employed or freelance, no employer, paying employee insurance yourself",
            ));
                p.no_yes_unsure(&Text::new(
                    "您是灵活就业人员吗(两地都没有用人单位)?",
                    "Are you a flexible worker (no employer at either end)?",
                ))
            },
        )?;
    }
    trail.ask(
        p,
        st,
        "reason",
        |f| &mut f.reason,
        |_| {
            p.select(
                &Text::new("为什么转移?", "Why are you moving?"),
                &[
                    (Reason::Job, reason(Reason::Job)),
                    (Reason::Relocation, reason(Reason::Relocation)),
                    (Reason::Hukou, reason(Reason::Hukou)),
                    (Reason::Study, reason(Reason::Study)),
                    (Reason::Other, reason(Reason::Other)),
                ],
            )
            .map(Some)
        },
    )?;
    // Stated even when unchanged, so the command line repeats it.
    trail.ask(
        p,
        st,
        "new-scheme",
        |f| &mut f.new_scheme,
        |f| {
            let same = f.scheme.unwrap_or_default();
            let other = if same == Scheme::Employee {
                Scheme::Resident
            } else {
                Scheme::Employee
            };
            p.select(
                &Text::new(
                    "到转入地后参加哪种医保?",
                    "Which insurance will you have at the destination?",
                ),
                &[
                    (
                        same,
                        Text::new(
                            format!("不变,还是{}", crate::render::text::scheme(same).zh),
                            format!("the same, {}", crate::render::text::scheme(same).en),
                        ),
                    ),
                    (other, crate::render::text::scheme(other)),
                ],
            )
            .map(Some)
        },
    )?;
    trail.ask(
        p,
        st,
        "origin-stopped",
        |f| &mut f.origin_stopped,
        |_| {
            p.explain(&Text::new(
            "停保:在原参保地停止参保缴费;有单位的由原单位办,灵活就业和居民医保自己办",
            "stopping (停保): ending the enrolment at the origin; an employer does it for its staff, flexible workers and residents do it themselves",
        ));
            p.yes_no_unsure(&Text::new(
                "转出地已经停保了吗?",
                "Has the insurance at the origin been stopped?",
            ))
        },
    )?;
    trail.ask(
        p,
        st,
        "destination-enrolled",
        |f| &mut f.destination_enrolled,
        |_| {
            p.yes_no_unsure(&Text::new(
                "已经在转入地参保了吗?",
                "Are you enrolled at the destination?",
            ))
        },
    )?;
    trail.ask(
        p,
        st,
        "arrears",
        |f| &mut f.arrears,
        |_| p.no_yes_unsure(&Text::new("有欠费吗?", "Are any contributions owed?")),
    )?;
    if employee {
        trail.ask(
            p,
            st,
            "account-frozen",
            |f| &mut f.account_frozen,
            |_| {
                p.explain(&Text::new(
                    "个人账户:职工医保记在您本人名下的那部分钱,看病买药时可以用",
                    "personal account (个人账户): the part of employee insurance held in your own name, for medical costs",
                ));
                p.no_yes_unsure(&Text::new(
                    "个人账户被冻结或状态异常吗?",
                    "Is your personal account frozen or otherwise abnormal?",
                ))
            },
        )?;
    }
    paid_months(p, st, trail, req)?;
    if st.0.cross_scheme() {
        trail.ask(
            p,
            st,
            "continuous-years",
            |f| &mut f.continuous_years,
            |_| {
                p.explain(&Text::new(
                    "连续参保:中间没有断缴的参保年数",
                    "insured without a break (连续参保): the years insured with no gap in payments",
                ));
                p.input_optional(
                    &Text::new(
                        "已经连续参保几年?",
                        "How many years have you been insured without a break?",
                    ),
                    "0-100",
                    |s| {
                        parse_years(s).map_err(|_| {
                            Error::usage(
                                format!("'{s}' 不是有效的年数:请输入 0 到 100 之间的整数"),
                                format!("'{s}' is not a number of years: type a whole number from 0 to 100"),
                            )
                        })
                    },
                )
            },
        )?;
    }
    trail.ask(
        p,
        st,
        "submitted",
        |f| &mut f.submitted,
        |_| {
            p.explain(&Text::new(
            "受理:经办机构收下了您的转移申请(App 里显示“已受理”或窗口给了回执)",
            "accepted (受理): the agency has taken your application (the app shows it accepted, or the window gave you a receipt)",
        ));
            p.input_optional(
                &Text::new(
                    "转移申请已被受理的话,受理日期是?",
                    "If your application has been accepted, on which day?",
                ),
                match p.lang() {
                    Lang::Zh => "如 2026-10-08 或 2026年10月8日",
                    Lang::En => "e.g. 2026-10-08",
                },
                |s| parse_date("--submitted", s),
            )
        },
    )
}

/// The last month (or year) paid at the origin and the first at the destination: years for
/// residents, who pay by the year; months for employees. Months paid in both places are
/// named as soon as the second one is typed.
fn paid_months(
    p: &Prompter,
    st: &mut State,
    trail: &mut Trail<State>,
    req: &Request,
) -> Result<(), Error> {
    let f = &st.0;
    let resident =
        f.destination_scheme() == Some(Scheme::Resident) && f.scheme == Some(Scheme::Resident);
    let (hint, last_q, first_q) = if resident {
        (
            match p.lang() {
                Lang::Zh => "年份,如 2026",
                Lang::En => "a year, e.g. 2026",
            },
            Text::new(
                "在转出地最后缴费的是哪一年?(居民医保按年缴费)",
                "Last year paid for at the origin? (resident insurance is paid by the year)",
            ),
            Text::new(
                "在转入地从哪一年开始参保?",
                "First year paid (or to be paid) for at the destination?",
            ),
        )
    } else {
        (
            match p.lang() {
                Lang::Zh => "如 2026-08 或 2026年8月",
                Lang::En => "e.g. 2026-08",
            },
            Text::new("在转出地最后缴费的月份?", "Last month paid at the origin?"),
            Text::new(
                "在转入地从哪个月开始缴费(或将要缴费)?",
                "First month paid (or to be paid) at the destination?",
            ),
        )
    };
    trail.ask(
        p,
        st,
        "last-paid",
        |f| &mut f.last_paid,
        |_| p.input_optional(&last_q, hint, |s| paid_month(req, "--last-paid", s, true)),
    )?;
    let asking = st.0.paid_from.is_none() && !st.1.contains(&"paid-from");
    trail.ask(
        p,
        st,
        "paid-from",
        |f| &mut f.paid_from,
        |_| {
            if resident {
                p.explain(&Text::new(
                "集中参保期:居民医保每年秋冬集中缴下一年的费;错过了再缴,要先过固定等待期",
                "enrolment window (集中参保期): residents pay for next year each autumn; paying later means a fixed waiting period first",
            ));
            }
            p.input_optional(&first_q, hint, |s| paid_month(req, "--paid-from", s, false))
        },
    )?;
    if let (true, Some((first, last))) = (asking, st.0.paid_twice()) {
        p.say(&match p.lang() {
            Lang::Zh => format!(
                "  注意:{first} 至 {last} 两地都缴了费(重复缴费)。这不是填错了:计划里会说明保留哪一处,并给出查退费的 yibao refund 命令"
            ),
            Lang::En => format!(
                "  Note: {first} to {last} were paid for in both places (paid twice). That is not a mistake: the plan says which enrolment is kept and gives the yibao refund command to check the refund"
            ),
        });
    }
    Ok(())
}

/// At the end of a walk-through: offer to save the plan for `yibao status`.
fn offer_save(
    p: &Prompter,
    facts: &Facts,
    report: &TransferReport,
    req: &Request,
) -> Result<(), Error> {
    let save = p.select(
        &Text::new(
            "要把这份计划保存到文件吗?(之后可用 yibao status 查看进度)",
            "Save this plan to a file? (check on it later with yibao status)",
        ),
        &[
            (false, Text::new("不保存", "no")),
            (true, Text::new("保存", "yes")),
        ],
    )?;
    if !save {
        return Ok(());
    }
    // A failed save (a folder, a file that is not a plan, no write permission) asks for
    // another name; an empty answer gives up.
    let mut default = Some(std::path::PathBuf::from("yibao-plan.json"));
    loop {
        let typed = p.input_optional(
            &Text::new("保存到哪个文件?", "Save to which file?"),
            match (p.lang(), default.is_some()) {
                (_, true) => "yibao-plan.json",
                (Lang::Zh, false) => "换一个文件名;直接回车不保存",
                (Lang::En, false) => "another name; Enter to skip saving",
            },
            |s| Ok(std::path::PathBuf::from(s)),
        )?;
        let Some(path) = typed.or_else(|| default.take()) else {
            return Ok(());
        };
        match plan::save(&path, facts, report, req, req.lang, false) {
            Ok(()) => {
                p.say(&match req.lang {
                    Lang::Zh => format!(
                        "已保存到 {};查看进度: yibao status {}",
                        path.display(),
                        path.display()
                    ),
                    Lang::En => format!(
                        "saved to {}; check on it with: yibao status {}",
                        path.display(),
                        path.display()
                    ),
                });
                return Ok(());
            }
            Err(e) => {
                p.say(&e.lines(req.lang).join(" "));
                default = None;
            }
        }
    }
}
