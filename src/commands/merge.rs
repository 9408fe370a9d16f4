//! `yibao merge`: gathers the facts of `checks::merge` from the flags and, at a terminal,
//! asks for what is missing (the two places, then each condition: yes, no or not sure), runs
//! the check and prints the equivalent one-line command. Off a terminal a missing place is a
//! usage error naming the flag; a missing condition stays unknown (outcome conditional).

use crate::checks::answers::word;
use crate::checks::merge::{self, Facts};
use crate::cli::{MergeArgs, YesNo};
use crate::error::Error;
use crate::prompt::Prompter;
use crate::region::kept_code;
use crate::render::verdict::MergeReport;
use crate::request::Request;
use crate::text::Text;

pub fn run<'r>(args: &MergeArgs, req: &'r Request) -> Result<MergeReport<'r>, Error> {
    let prompter = req.interactive.then(|| Prompter::new(req.lang));
    let mut asked = false;
    let from = place(
        args.from.as_deref(),
        "--from",
        Text::new(
            "要注销的账户在哪里?(转出地)",
            "Where is the account you will close? (origin)",
        ),
        Text::new(
            "要注销的账户所在地(转出地)",
            "where the account you close is (origin)",
        ),
        prompter.as_ref(),
        &mut asked,
        req,
    )?;
    let to = place(
        args.to.as_deref(),
        "--to",
        Text::new(
            "要保留的账户在哪里?(转入地,一般是现在参保缴费的地方)",
            "Where is the account you will keep? (destination, normally where you pay now)",
        ),
        Text::new(
            "要保留的账户所在地(转入地)",
            "where the account you keep is (destination)",
        ),
        prompter.as_ref(),
        &mut asked,
        req,
    )?;
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
    let mut ask = |flag: Option<YesNo>, question: Text| -> Result<Option<bool>, Error> {
        match (flag, &prompter) {
            (Some(v), _) => Ok(v.get()),
            (None, Some(p)) => {
                asked = true;
                p.yes_no_unsure(&question)
            }
            (None, None) => Ok(None),
        }
    };
    let arrears = ask(
        args.arrears,
        Text::new("两个账户中有欠费吗?", "Is either account in arrears?"),
    )?;
    let frozen = ask(
        args.frozen,
        Text::new(
            "有账户被冻结或状态异常吗?",
            "Is either account frozen or otherwise abnormal?",
        ),
    )?;
    let from_stopped = ask(
        args.from_stopped,
        Text::new(
            "要注销账户所在地已经停保了吗?",
            "Has the insurance where the closed account is stopped?",
        ),
    )?;
    let to_insured = ask(
        args.to_insured,
        Text::new(
            "在要保留账户所在地已经参保缴费了吗?",
            "Are you enrolled and paying where the kept account is?",
        ),
    )?;
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
    })
}

/// A place from its flag, else asked at a terminal, else a usage error naming the flag.
fn place(
    typed: Option<&str>,
    flag: &str,
    question: Text,
    what: Text,
    prompter: Option<&Prompter>,
    asked: &mut bool,
    req: &Request,
) -> Result<String, Error> {
    if let Some(t) = typed {
        return Ok(req.pooling_area(flag, t)?.code.clone());
    }
    let Some(p) = prompter else {
        return Err(Error::usage(
            format!(
                "缺少 {flag}:请用 {flag} 地区 指明{}(代码、名称或拼音,例如 {flag} 西安)",
                what.zh
            ),
            format!(
                "missing {flag}: pass {flag} REGION, {} (code, Chinese name or pinyin, e.g. {flag} 西安)",
                what.en
            ),
        ));
    };
    *asked = true;
    p.region(&question, flag, &|t| req.place(flag, t))
        .map(|(area, _)| area)
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
