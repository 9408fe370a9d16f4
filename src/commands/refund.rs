//! `yibao refund`: gathers the facts of `checks::refund` from the flags and, at a terminal,
//! walks the case table of `rules/refund.toml` — asking the question `checks::decide` picks
//! until one case is left — then runs the check and prints the equivalent one-line command.
//! `--list` shows the table. Unknown case names and answers are usage errors with a
//! suggestion; off a terminal a missing answer stays unknown (outcome conditional).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use schemars::JsonSchema;
use serde::Serialize;
use serde_json::Value;

use super::suggest;
use crate::checks::decide::{self, REGION, State};
use crate::checks::refund::{self, Facts};
use crate::cli::{RefundArgs, YesNo};
use crate::error::Error;
use crate::prompt::Prompter;
use crate::region::kept_code;
use crate::render::text::place;
use crate::render::verdict::RefundReport;
use crate::render::{Report, t, table};
use crate::request::{Request, pooling_area};
use crate::rules::procedures::refund::RefundFile;
use crate::text::{Lang, Text};
use crate::vocab::Outcome;

pub const LIST_SCHEMA: &str = "yibao.refund-list/1";

/// One case in `--list`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct CaseRow {
    pub id: String,
    pub name: Text,
    pub aliases: Vec<String>,
    /// The region whose rule it is; absent for general rules.
    pub region: Option<String>,
    /// What the source says.
    pub outcome: Outcome,
    /// The answers it needs, by question.
    pub when: BTreeMap<String, Vec<String>>,
    pub refund: Text,
}

/// `yibao refund --list`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct CaseList {
    pub cases: Vec<CaseRow>,
}

pub fn run<'r>(args: &RefundArgs, req: &'r Request) -> Result<Box<dyn Report + 'r>, Error> {
    let rules = req.rules()?;
    let file = &rules.procedures.refund;
    if args.list {
        return Ok(Box::new(list(file)));
    }
    let mut facts = Facts {
        case: args.case.clone(),
        region: args
            .region
            .as_deref()
            .map(|r| pooling_area("--region", r).map(|r| r.code.clone()))
            .transpose()?,
        situation: args.situation.clone(),
        scheme: args.scheme,
        benefit_started: args.benefit_started.and_then(YesNo::get),
        subsidised: args.subsidised.and_then(YesNo::get),
        standard_base: args.standard_base.and_then(YesNo::get),
        tier_one: args.tier_one.and_then(YesNo::get),
        years_met: args.years_met.and_then(YesNo::get),
    };
    known_names(file, &facts)?;
    let mut asked = false;
    if req.interactive && facts.case.is_none() {
        let p = Prompter::new(req.lang);
        asked = walk(&p, file, &mut facts)?;
        if asked {
            p.say_command(&equivalent(&facts));
        }
    }
    let policy = req.policy(facts.region.as_deref().and_then(kept_code))?;
    Ok(Box::new(RefundReport {
        answer: refund::check(&facts, &policy),
        rules: policy.rules,
        voice: crate::render::text::Voice::of_walk(asked),
    }))
}

/// A case or `--situation` answer that the table does not know is a usage error with
/// suggestions (shared with `yibao batch`).
pub(crate) fn known_names(file: &RefundFile, facts: &Facts) -> Result<(), Error> {
    if let Some(name) = &facts.case
        && file.find(name).is_none()
    {
        let names: Vec<(String, String)> = file
            .cases()
            .flat_map(|(_, c)| {
                c.names()
                    .map(|n| (n.get_ref().to_string(), c.id.get_ref().to_string()))
            })
            .collect();
        let ids: Vec<&str> = file.cases().map(|(_, c)| c.id.get_ref().as_str()).collect();
        let kind = Text::new("退费情形", "refund case");
        return Err(suggest::unknown(
            kind,
            name,
            &names,
            &ids,
            "yibao refund --list",
        ));
    }
    if let (Some(s), Some(q)) = (&facts.situation, file.question("situation"))
        && q.answer(s).is_none()
    {
        let ids: Vec<&str> = q.option.iter().map(|o| o.id.get_ref().as_str()).collect();
        let names: Vec<(String, String)> =
            ids.iter().map(|i| (i.to_string(), i.to_string())).collect();
        let kind = Text::new("情况(--situation)", "--situation answer");
        return Err(suggest::unknown(
            kind,
            s,
            &names,
            &ids,
            "yibao refund --help",
        ));
    }
    Ok(())
}

/// Asks the questions the table needs, one at a time, with 上一步 after the first; true if
/// anything was asked.
fn walk(p: &Prompter, file: &RefundFile, facts: &mut Facts) -> Result<bool, Error> {
    // The answers so far, the questions left open and whether any was asked: the state that
    // 上一步 goes back to.
    let mut st = (facts.answers(), Vec::<String>::new(), false);
    p.walk(&mut st, |(answers, skipped, asked), trail| {
        while let State::Open(rows) = decide::state(file, answers) {
            let Some(q) = decide::next_question(file, &rows, answers, skipped) else {
                break;
            };
            trail.mark(p, &(answers.clone(), skipped.clone(), *asked));
            *asked = true;
            let options = decide::options(file, &rows, q);
            let answer = if q == REGION {
                ask_region(p, &options)?
            } else {
                let Some(question) = file.question(q) else {
                    break;
                };
                let mut choices: Vec<(Option<String>, Text)> = options
                    .iter()
                    .filter_map(|id| question.answer(id))
                    .map(|a| (Some(a.id.get_ref().to_string()), a.text.clone()))
                    .collect();
                choices.push((None, Text::new("不确定", "not sure")));
                if let Some(term) = explanation(q) {
                    p.explain(&term);
                }
                p.select(&question.text, &choices)?
            };
            match answer {
                Some(a) => {
                    answers.insert(q.to_string(), a);
                }
                None => skipped.push(q.to_string()),
            }
        }
        Ok(())
    })?;
    let (answers, _, asked) = st;
    for (q, a) in &answers {
        facts.set(q, a);
    }
    Ok(asked)
}

/// The one-line explanation of the term a question of the table uses, shown on `?`.
fn explanation(question: &str) -> Option<Text> {
    Some(match question {
        "benefit_started" => Text::new(
            "待遇期:参保缴费后可以按医保报销医疗费用的那段时间",
            "benefit period (待遇期): the time in which the insurance pays towards medical costs",
        ),
        "standard_base" => Text::new(
            "缴费基数:计算医保费所用的月收入数额,缴费 = 基数 × 比例",
            "contribution base (缴费基数): the monthly amount contributions are worked out from (contribution = base × rate)",
        ),
        "tier_one" => Text::new(
            "一档:个人参保时可选的几个缴费档次中的第一档",
            "tier 1 (一档): the first of the contribution levels an individual participant may choose",
        ),
        "years_met" => Text::new(
            "缴费年限:累计参保缴费的年数",
            "contribution years (缴费年限): the years of contributions paid in total",
        ),
        _ => return None,
    })
}

/// The region: one of the layers that could apply, another place (typed), or not sure.
fn ask_region(p: &Prompter, layers: &[&str]) -> Result<Option<String>, Error> {
    const OTHER: &str = "other";
    let mut choices: Vec<(Option<String>, Text)> = layers
        .iter()
        .map(|c| {
            (
                Some(c.to_string()),
                Text::new(place(c, Lang::Zh), place(c, Lang::En)),
            )
        })
        .collect();
    choices.push((Some(OTHER.into()), Text::new("其他地区", "somewhere else")));
    choices.push((None, Text::new("不确定", "not sure")));
    let chosen = p.select(
        &Text::new("您在哪里参保?", "Where are you insured?"),
        &choices,
    )?;
    if chosen.as_deref() != Some(OTHER) {
        return Ok(chosen);
    }
    let hint = match p.lang() {
        Lang::Zh => "如 北京、110000、beijing",
        Lang::En => "e.g. 北京, 110000, beijing",
    };
    p.input(&Text::new("参保地", "Insured in"), Some(hint), |s| {
        pooling_area("--region", s).map(|r| Some(r.code.clone()))
    })
}

/// The one-line command that gives the same answer without questions.
fn equivalent(f: &Facts) -> String {
    let mut cmd = String::from("yibao refund");
    for (q, a) in f.answers() {
        let _ = write!(cmd, " --{} {a}", q.replace('_', "-"));
    }
    cmd
}

fn list(file: &RefundFile) -> CaseList {
    CaseList {
        cases: file
            .cases()
            .map(|(layer, c)| CaseRow {
                id: c.id.get_ref().to_string(),
                name: c.name.clone(),
                aliases: c.aliases.iter().map(|a| a.get_ref().to_string()).collect(),
                region: layer.map(str::to_string),
                outcome: c.outcome,
                when: c
                    .when
                    .iter()
                    .map(|(q, a)| {
                        (
                            q.get_ref().to_string(),
                            a.iter().map(|x| x.get_ref().to_string()).collect(),
                        )
                    })
                    .collect(),
                refund: c.refund.clone(),
            })
            .collect(),
    }
}

impl Report for CaseList {
    fn schema(&self) -> &'static str {
        LIST_SCHEMA
    }

    fn json(&self, _explain: bool) -> Value {
        serde_json::to_value(self).unwrap_or_default()
    }

    fn human(&self, lang: Lang, _explain: bool) -> String {
        let mut tb = table::new(&[
            t(lang, "情形", "case"),
            t(lang, "说明", "about"),
            t(lang, "适用", "applies"),
            t(lang, "结论", "answer"),
        ]);
        for c in &self.cases {
            let applies = c.region.as_deref().map_or_else(
                || t(lang, "一般规则", "general").to_string(),
                |c| place(c, lang),
            );
            tb.add_row(vec![
                c.id.clone(),
                c.name.get(lang).to_string(),
                applies,
                crate::render::text::outcome(c.outcome)
                    .get(lang)
                    .to_string(),
            ]);
        }
        table::finish_with(
            &tb,
            t(
                lang,
                "查看某个情形: yibao refund --case 情形 [--region 地区];或直接运行 yibao refund 回答问题",
                "To see one: yibao refund --case CASE [--region REGION]; or run yibao refund and answer the questions",
            ),
        )
    }
}
