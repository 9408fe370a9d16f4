//! `yibao transfer`: gathers the facts of `checks::transfer` from the flags and, at a terminal,
//! asks for what is missing (only what the answer depends on: a move within one pooling area
//! needs nothing more, a retiree's answer needs nothing more, residents are not asked about
//! a personal account). Off a terminal the missing essentials (--from, --to, --scheme) are
//! one usage error naming them all; other unknown facts make the answer conditional. Ends by
//! printing the equivalent one-line command and, on request, saving the plan.

use crate::checks::transfer::{self, Facts, Reason, Scheme};
use crate::cli::{TransferArgs, YesNo};
use crate::error::Error;
use crate::plan;
use crate::prompt::Prompter;
use crate::region::kept_code;
use crate::render::text::transfer::reason;
use crate::render::verdict::TransferReport;
use crate::render::{self, Report, Shown};
use crate::request::{Output, Request, parse_date, parse_month};
use crate::text::{Lang, Text};

pub fn run<'r>(args: &TransferArgs, req: &'r Request) -> Result<Box<dyn Report + 'r>, Error> {
    let mut facts = from_flags(args, req)?;
    let prompter = req.interactive.then(|| Prompter::new(req.lang));
    let asked = match &prompter {
        Some(p) => walk_through(p, &mut facts, req)?,
        None => {
            require(&facts)?;
            false
        }
    };
    if let Some(problem) = facts.contradiction(req.on) {
        return Err(Error::Contradiction(problem));
    }
    let policy = req.policy(kept_code(&facts.to))?;
    let report = TransferReport {
        answer: transfer::check(&facts, &policy),
        rules: policy.rules,
    };
    if let Some(path) = &args.save {
        plan::save(path, &facts, &report, req, args.force)?;
    }
    match prompter.as_ref().filter(|_| asked) {
        // After a walk-through: the plan, then the command that repeats it, then the offer
        // to keep it.
        Some(p) => {
            render::emit(&report, req.lang, Output::Table, req.explain)?;
            p.say_command(&facts.command());
            // A move within one pooling area has nothing to follow up.
            if args.save.is_none() && facts.from != facts.to {
                offer_save(p, &facts, &report, req)?;
            }
            Ok(Box::new(Shown(report)))
        }
        None => Ok(Box::new(report)),
    }
}

/// The facts given as flags, each value checked.
fn from_flags(args: &TransferArgs, req: &Request) -> Result<Facts, Error> {
    // The pooling area, and the place itself where it is a district or county inside it.
    let place = |flag: &str, v: &Option<String>| -> Result<(String, Option<String>), Error> {
        let Some(text) = v.as_deref() else {
            return Ok(Default::default());
        };
        let (place, area) = req.place(flag, text)?;
        let own = (place.code != area.code).then(|| place.code.clone());
        Ok((area.code.clone(), own))
    };
    let (from, from_place) = place("--from", &args.from)?;
    let (to, to_place) = place("--to", &args.to)?;
    let month =
        |flag: &str, v: &Option<String>| v.as_deref().map(|t| parse_month(flag, t)).transpose();
    Ok(Facts {
        from,
        to,
        from_place,
        to_place,
        scheme: args.scheme,
        reason: args.reason,
        retired: args.retired.and_then(YesNo::get),
        origin_stopped: args.origin_stopped.and_then(YesNo::get),
        destination_enrolled: args.destination_enrolled.and_then(YesNo::get),
        arrears: args.arrears.and_then(YesNo::get),
        account_frozen: args.account_frozen.and_then(YesNo::get),
        last_paid: month("--last-paid", &args.last_paid)?,
        paid_from: month("--paid-from", &args.paid_from)?,
        continuous_years: args
            .continuous_years
            .as_deref()
            .map(parse_years)
            .transpose()?,
        new_scheme: args.new_scheme,
        submitted: args
            .submitted
            .as_deref()
            .map(|s| parse_date("--submitted", s))
            .transpose()?,
    })
}

pub fn parse_years(text: &str) -> Result<u32, Error> {
    match text.trim().parse::<u32>() {
        Ok(n) if n <= 100 => Ok(n),
        _ => Err(Error::usage(
            format!(
                "--continuous-years: '{text}' 不是有效的年数;请给出 0 到 100 之间的整数(例如 --continuous-years 3)"
            ),
            format!(
                "--continuous-years: '{text}' is not a number of years; give a whole number from 0 to 100 (e.g. --continuous-years 3)"
            ),
        )),
    }
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

/// Asks for each missing fact the answer depends on; true if anything was asked.
fn walk_through(p: &Prompter, f: &mut Facts, req: &Request) -> Result<bool, Error> {
    let mut asked = false;
    if f.from.is_empty() {
        asked = true;
        (f.from, f.from_place) = p.region(
            &Text::new(
                "您原来在哪里参保?(转出地)",
                "Where are you insured now? (origin)",
            ),
            "--from",
            &|t| req.place("--from", t),
        )?;
    }
    if f.to.is_empty() {
        asked = true;
        (f.to, f.to_place) = p.region(
            &Text::new(
                "要转到哪里?(转入地)",
                "Where are you moving to? (destination)",
            ),
            "--to",
            &|t| req.place("--to", t),
        )?;
    }
    if f.from == f.to {
        return Ok(asked);
    }
    ask_missing(&mut f.scheme, &mut asked, || {
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
    })?;
    let employee = f.scheme == Some(Scheme::Employee);
    if employee {
        ask_missing(&mut f.retired, &mut asked, || {
            p.select(
                &Text::new("您已经退休了吗?", "Are you retired?"),
                &[
                    (false, Text::new("否", "no")),
                    (true, Text::new("是", "yes")),
                ],
            )
            .map(Some)
        })?;
    }
    if f.retired == Some(true) {
        return Ok(asked);
    }
    ask_missing(&mut f.reason, &mut asked, || {
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
    })?;
    if f.new_scheme.is_none() {
        asked = true;
        let same = f.scheme.unwrap_or_default();
        let other = if same == Scheme::Employee {
            Scheme::Resident
        } else {
            Scheme::Employee
        };
        let chosen = p.select(
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
        )?;
        f.new_scheme = (chosen != same).then_some(chosen);
    }
    ask_missing(&mut f.origin_stopped, &mut asked, || {
        p.yes_no_unsure(&Text::new(
            "转出地已经停保了吗?",
            "Has the insurance at the origin been stopped?",
        ))
    })?;
    ask_missing(&mut f.destination_enrolled, &mut asked, || {
        p.yes_no_unsure(&Text::new(
            "已经在转入地参保了吗?",
            "Are you enrolled at the destination?",
        ))
    })?;
    ask_missing(&mut f.arrears, &mut asked, || {
        p.no_yes_unsure(&Text::new("有欠费吗?", "Are any contributions owed?"))
    })?;
    if employee {
        ask_missing(&mut f.account_frozen, &mut asked, || {
            p.no_yes_unsure(&Text::new(
                "个人账户被冻结或状态异常吗?",
                "Is your personal account frozen or otherwise abnormal?",
            ))
        })?;
    }
    ask_missing(&mut f.last_paid, &mut asked, || {
        p.input_optional(
            &Text::new("在转出地最后缴费的月份?", "Last month paid at the origin?"),
            "YYYY-MM",
            |s| parse_month("--last-paid", s),
        )
    })?;
    ask_missing(&mut f.paid_from, &mut asked, || {
        p.input_optional(
            &Text::new(
                "在转入地从哪个月开始缴费(或将要缴费)?",
                "First month paid (or to be paid) at the destination?",
            ),
            "YYYY-MM",
            |s| parse_month("--paid-from", s),
        )
    })?;
    if f.cross_scheme() {
        ask_missing(&mut f.continuous_years, &mut asked, || {
            p.input_optional(
                &Text::new(
                    "已经连续参保几年?",
                    "How many years have you been insured without a break?",
                ),
                "0-100",
                parse_years,
            )
        })?;
    }
    ask_missing(&mut f.submitted, &mut asked, || {
        p.input_optional(
            &Text::new(
                "转移申请已被受理的话,受理日期是?",
                "If your application has been accepted, on which day?",
            ),
            "YYYY-MM-DD",
            |s| parse_date("--submitted", s),
        )
    })?;
    Ok(asked)
}

/// Asks `question` for a fact not known yet (and notes that something was asked); a known
/// fact is left as it is.
fn ask_missing<T>(
    fact: &mut Option<T>,
    asked: &mut bool,
    question: impl FnOnce() -> Result<Option<T>, Error>,
) -> Result<(), Error> {
    if fact.is_none() {
        *asked = true;
        *fact = question()?;
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
    let path = p
        .input_optional(
            &Text::new("保存到哪个文件?", "Save to which file?"),
            "yibao-plan.json",
            |s| Ok(std::path::PathBuf::from(s)),
        )?
        .unwrap_or_else(|| "yibao-plan.json".into());
    match plan::save(&path, facts, report, req, false) {
        Ok(()) => p.say(&match req.lang {
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
        }),
        Err(e) => p.say(&e.lines(req.lang).join(" ")),
    }
    Ok(())
}
