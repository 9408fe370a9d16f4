//! `yibao merge`: gathers the facts of `checks::merge` from the flags and, at a terminal,
//! asks for what is missing (the two places, then each condition: yes, no or not sure), runs
//! the check and prints the equivalent one-line command. Off a terminal a missing place is a
//! usage error naming the flag; a missing condition stays unknown (outcome conditional).

use crate::checks::answers::word;
use crate::checks::merge::{self, Facts};
use crate::cli::{MergeArgs, YesNo};
use crate::error::Error;
use crate::prompt::{Prompter, Trail};
use crate::region::kept_code;
use crate::render::verdict::MergeReport;
use crate::request::Request;
use crate::text::Text;

pub fn run<'r>(args: &MergeArgs, req: &'r Request) -> Result<MergeReport<'r>, Error> {
    let prompter = req.interactive.then(|| Prompter::new(req.lang));
    let area = |flag: &str, typed: Option<&str>| -> Result<Option<String>, Error> {
        typed
            .map(|t| Ok(req.pooling_area(flag, t)?.code.clone()))
            .transpose()
    };
    // Off a terminal each place must be a flag, checked in order.
    let place = |flag: &str, typed: Option<&str>, what: fn() -> Text| match area(flag, typed)? {
        None if prompter.is_none() => Err(super::missing_place(flag, what())),
        found => Ok(found),
    };
    let given = |v: Option<YesNo>| v.map(YesNo::get);
    let mut known = Known {
        from: place("--from", args.from.as_deref(), from_what)?,
        to: place("--to", args.to.as_deref(), to_what)?,
        conditions: [
            given(args.arrears),
            given(args.frozen),
            given(args.from_stopped),
            given(args.to_insured),
        ],
        asked: false,
    };
    if let Some(p) = &prompter {
        p.walk(&mut known, |k, trail| questions(p, k, trail, req))?;
    }
    let asked = known.asked;
    let (from, to) = (known.from.unwrap_or_default(), known.to.unwrap_or_default());
    if from == to {
        let label = crate::render::text::place(&from, req.lang);
        return Err(Error::usage(
            format!(
                "--from 和 --to 都是 {label}:同一统筹地区内没有两个账户可合并;请给出两个不同的地区(例如 --from 西安 --to 北京),重复参保请问当地医保经办机构"
            ),
            format!(
                "--from and --to are both {label}: there are no two accounts to merge within one pooling area; give two different places (e.g. --from 西安 --to 北京), and ask the local agency about duplicate enrolment"
            ),
        ));
    }
    let [arrears, frozen, from_stopped, to_insured] = known.conditions.map(Option::flatten);
    let facts = Facts {
        from,
        to,
        arrears,
        frozen,
        from_stopped,
        to_insured,
        submitted: args
            .submitted
            .as_deref()
            .map(|s| req.submitted("--submitted", s))
            .transpose()?,
    };
    if let (Some(p), true) = (&prompter, asked) {
        p.say_command(&equivalent(&facts));
    }
    let policy = req.policy(kept_code(&facts.to))?;
    Ok(MergeReport {
        answer: merge::check(&facts, &policy),
        rules: policy.rules,
        voice: crate::render::text::Voice::of_walk(asked),
    })
}

/// What the flags and a walk-through have settled: the two places, and the four conditions
/// (arrears, frozen, from stopped, to insured; `Some(None)`: left open); the state that
/// 上一步 goes back to.
#[derive(Clone)]
struct Known {
    from: Option<String>,
    to: Option<String>,
    conditions: [Option<Option<bool>>; 4],
    asked: bool,
}

/// The account to close, as a missing flag's message names it.
fn from_what() -> Text {
    Text::new(
        "要注销的账户所在地(转出地)",
        "where the account you close is (origin)",
    )
}

/// The account to keep, as a missing flag's message names it.
fn to_what() -> Text {
    Text::new(
        "要保留的账户所在地(转入地)",
        "where the account you keep is (destination)",
    )
}

/// The questions for what is not settled yet, each after keeping the state on the trail.
fn questions(
    p: &Prompter,
    k: &mut Known,
    trail: &mut Trail<Known>,
    req: &Request,
) -> Result<(), Error> {
    let places = [
        (
            "--from",
            Text::new(
                "要注销的账户在哪里?(转出地)",
                "Where is the account you will close? (origin)",
            ),
            Text::new("转出地", "origin"),
        ),
        (
            "--to",
            Text::new(
                "要保留的账户在哪里?(转入地,一般是现在参保缴费的地方)",
                "Where is the account you will keep? (destination, normally where you pay now)",
            ),
            Text::new("转入地", "destination"),
        ),
    ];
    for (i, (flag, question, what)) in places.into_iter().enumerate() {
        if (if i == 0 { &k.from } else { &k.to }).is_some() {
            continue;
        }
        trail.mark(p, k);
        k.asked = true;
        let (area, _) = p.region(&question, &what, &|t| req.place(flag, t))?;
        *(if i == 0 { &mut k.from } else { &mut k.to }) = Some(area);
    }
    // The same questions as `transfer` asks with the same first answer: "no" for a
    // problem (arrears, frozen), "yes" for a condition; none steers into a blocker.
    let conditions = [
        (
            Text::new("两个账户中有欠费吗?", "Is either account in arrears?"),
            true,
        ),
        (
            Text::new(
                "有账户被冻结或状态异常吗?",
                "Is either account frozen or otherwise abnormal?",
            ),
            true,
        ),
        (
            Text::new(
                "要注销账户所在地已经停保了吗?",
                "Has the insurance where the closed account is stopped?",
            ),
            false,
        ),
        (
            Text::new(
                "在要保留账户所在地已经参保缴费了吗?",
                "Are you enrolled and paying where the kept account is?",
            ),
            false,
        ),
    ];
    for (i, (question, problem)) in conditions.into_iter().enumerate() {
        if k.conditions[i].is_some() {
            continue;
        }
        trail.mark(p, k);
        k.asked = true;
        if i == 2 {
            p.explain(&stopped());
        }
        k.conditions[i] = Some(if problem {
            p.no_yes_unsure(&question)?
        } else {
            p.yes_no_unsure(&question)?
        });
    }
    Ok(())
}

/// 停保, explained where a question uses it.
fn stopped() -> Text {
    Text::new(
        "停保:在原参保地停止参保缴费;有单位的由原单位办,灵活就业和居民医保自己办",
        "stopping (停保): ending the enrolment at the origin; an employer does it for its staff, flexible workers and residents do it themselves",
    )
}

/// The one-line command that gives the same answer without questions.
fn equivalent(f: &Facts) -> String {
    let mut cmd = format!("yibao merge --from {} --to {}", f.from, f.to);
    for (flag, value) in [
        ("--arrears", f.arrears),
        ("--frozen", f.frozen),
        ("--from-stopped", f.from_stopped),
        ("--to-insured", f.to_insured),
    ] {
        if let Some(v) = value {
            cmd.push_str(&format!(" {flag} {}", word(v)));
        }
    }
    if let Some(d) = f.submitted {
        cmd.push_str(&format!(" --submitted {d}"));
    }
    cmd
}
