//! `yibao dental PROCEDURE`: finds the procedure by any of its names (did-you-mean when none
//! fits), gathers the facts of `checks::dental` from the flags and, at a terminal, asks for
//! the ones that can change the answer (the scheme where the schemes differ, the caveats
//! unless the answer is already no); then runs the check and prints the equivalent command.
//! `--list` shows the catalogue. Off a terminal a missing fact stays unknown (conditional);
//! a missing procedure is a usage error.

use std::fmt::Write as _;

use schemars::JsonSchema;
use serde::Serialize;
use serde_json::Value;

use super::suggest;
use crate::checks::Scheme;
use crate::checks::answers::word;
use crate::checks::dental::{self, Facts};
use crate::cli::{DentalArgs, YesNo};
use crate::error::Error;
use crate::prompt::{Prompter, Trail};
use crate::region::kept_code;
use crate::render::verdict::DentalReport;
use crate::render::{Report, t, table};
use crate::request::{Request, pooling_area};
use crate::rules::procedures::dental::{DentalFile, Procedure};
use crate::text::{Lang, Text};
use crate::vocab::Outcome;

pub const LIST_SCHEMA: &str = "yibao.dental-list/1";

/// One procedure in `--list`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ProcedureRow {
    pub id: String,
    pub name: Text,
    /// Every name it answers to: Chinese, pinyin, English, aliases.
    pub names: Vec<String>,
}

/// `yibao dental --list`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ProcedureList {
    pub procedures: Vec<ProcedureRow>,
}

pub fn run<'r>(args: &DentalArgs, req: &'r Request) -> Result<Box<dyn Report + 'r>, Error> {
    let rules = req.rules()?;
    let file = &rules.procedures.dental;
    if args.list {
        return Ok(Box::new(list(file)));
    }
    let prompter = req.interactive.then(|| Prompter::new(req.lang));
    let given = |v: Option<YesNo>| v.map(YesNo::get);
    let mut known = Known {
        procedure: match (&args.procedure, &prompter) {
            (Some(name), _) => Some(find(file, name)?),
            (None, Some(_)) => None,
            (None, None) => {
                return Err(Error::usage(
                    "缺少 PROCEDURE(要查询的治疗项目):请写在命令后面,例如 yibao dental 补牙;运行 yibao dental --list 查看目录",
                    "missing PROCEDURE: name the treatment, e.g. yibao dental filling (run yibao dental --list for the catalogue)",
                ));
            }
        },
        scheme: args.scheme.map(Some),
        designated: given(args.designated),
        imported_material: given(args.imported_material),
        asked: false,
    };
    if let Some(p) = &prompter {
        p.walk(&mut known, |k, trail| questions(p, file, k, trail))?;
    }
    let asked = known.asked;
    let Some(procedure) = known.procedure else {
        return Err(Error::Interrupted);
    };
    let facts = Facts {
        procedure: procedure.id.get_ref().to_string(),
        scheme: known.scheme.flatten(),
        region: args
            .region
            .as_deref()
            .map(|r| pooling_area("--region", r).map(|r| r.code.clone()))
            .transpose()?,
        designated: known.designated.flatten(),
        imported_material: known.imported_material.flatten(),
    };
    if let (Some(p), true) = (&prompter, asked) {
        p.say_command(&equivalent(&facts));
    }
    let policy = req.policy(facts.region.as_deref().and_then(kept_code))?;
    Ok(Box::new(DentalReport {
        answer: dental::check(&facts, &policy),
        rules: policy.rules,
        voice: crate::render::text::Voice::of_walk(asked),
    }))
}

/// What the flags and a walk-through have settled (`Some(None)`: left open); the state that
/// 上一步 goes back to.
#[derive(Clone)]
struct Known<'a> {
    procedure: Option<&'a Procedure>,
    scheme: Option<Option<Scheme>>,
    designated: Option<Option<bool>>,
    imported_material: Option<Option<bool>>,
    asked: bool,
}

/// The questions for what is not settled yet, each after keeping the state on the trail:
/// the procedure, the scheme where the cover differs by scheme, and the caveats unless the
/// answer is already no (they can only lower it).
fn questions<'a>(
    p: &Prompter,
    file: &'a DentalFile,
    k: &mut Known<'a>,
    trail: &mut Trail<Known<'a>>,
) -> Result<(), Error> {
    let procedure = match k.procedure {
        Some(found) => found,
        None => {
            trail.mark(p, k);
            k.asked = true;
            let choices: Vec<(&Procedure, Text)> =
                file.procedure.iter().map(|p| (p, p.name.clone())).collect();
            let chosen = p.select(&Text::new("哪一项治疗?", "Which treatment?"), &choices)?;
            k.procedure = Some(chosen);
            chosen
        }
    };
    let by_scheme = procedure.cover.iter().any(|c| c.scheme.is_some());
    if k.scheme.is_none() {
        if by_scheme {
            trail.mark(p, k);
            k.asked = true;
            k.scheme = Some(p.select(
                &Text::new("您参加的是哪种医保?", "Which scheme are you in?"),
                &[
                    (
                        Some(Scheme::Employee),
                        Text::new("职工医保", "employee insurance"),
                    ),
                    (
                        Some(Scheme::Resident),
                        Text::new("居民医保", "resident insurance"),
                    ),
                    (None, Text::new("不确定", "not sure")),
                ],
            )?);
        } else {
            k.scheme = Some(None);
        }
    }
    let scheme = k.scheme.flatten();
    let all_no = procedure
        .cover
        .iter()
        .filter(|c| c.scheme.is_none() || scheme.is_none() || c.scheme == scheme)
        .all(|c| c.outcome == Outcome::No);
    if all_no {
        return Ok(());
    }
    if k.designated.is_none() {
        trail.mark(p, k);
        k.asked = true;
        p.explain(&Text::new(
            "定点:与医保部门签了协议、看病可以直接用医保结算的医院和诊所",
            "designated (定点): a hospital or clinic under agreement with the insurance, where it pays directly",
        ));
        k.designated = Some(p.yes_no_unsure(&Text::new(
            "在医保定点医院或诊所治疗吗?",
            "Is it at a hospital or clinic designated by the insurance?",
        ))?);
    }
    if k.imported_material.is_none() {
        trail.mark(p, k);
        k.asked = true;
        // "No" first: "yes" is the answer that lowers the cover.
        k.imported_material = Some(p.no_yes_unsure(&Text::new(
            "会用进口材料或特殊耗材吗?",
            "Will imported materials or special consumables be used?",
        ))?);
    }
    Ok(())
}

/// The procedure called `name`, or a usage error suggesting the closest one.
/// The procedure a name stands for, or a usage error with suggestions (shared with `batch`).
pub(crate) fn find<'a>(file: &'a DentalFile, name: &str) -> Result<&'a Procedure, Error> {
    file.find(name).ok_or_else(|| {
        let names: Vec<(String, String)> = file
            .procedure
            .iter()
            .flat_map(|p| {
                p.all_names()
                    .map(|n| (n.get_ref().to_string(), p.id.get_ref().to_string()))
            })
            .collect();
        let ids: Vec<&str> = file
            .procedure
            .iter()
            .map(|p| p.id.get_ref().as_str())
            .collect();
        let kind = Text::new("口腔治疗项目", "dental procedure");
        suggest::unknown(kind, name, &names, &ids, "yibao dental --list")
    })
}

/// The one-line command that gives the same answer without questions.
fn equivalent(f: &Facts) -> String {
    let mut cmd = format!("yibao dental {}", f.procedure);
    if let Some(s) = f.scheme {
        let _ = write!(cmd, " --scheme {}", s.flag());
    }
    if let Some(r) = &f.region {
        let _ = write!(cmd, " --region {r}");
    }
    for (flag, value) in [
        ("--designated", f.designated),
        ("--imported-material", f.imported_material),
    ] {
        if let Some(v) = value {
            let _ = write!(cmd, " {flag} {}", word(v));
        }
    }
    cmd
}

fn list(file: &DentalFile) -> ProcedureList {
    ProcedureList {
        procedures: file
            .procedure
            .iter()
            .map(|p| ProcedureRow {
                id: p.id.get_ref().to_string(),
                name: p.name.clone(),
                names: p
                    .all_names()
                    .skip(1)
                    .map(|n| n.get_ref().to_string())
                    .collect(),
            })
            .collect(),
    }
}

impl Report for ProcedureList {
    fn schema(&self) -> &'static str {
        LIST_SCHEMA
    }

    fn json(&self, _explain: bool) -> Value {
        serde_json::to_value(self).unwrap_or_default()
    }

    fn human(&self, lang: Lang, _explain: bool) -> String {
        let mut tb = table::new(&[
            t(lang, "项目", "procedure"),
            t(lang, "名称", "name"),
            t(lang, "也可以输入", "also typed as"),
        ]);
        for p in &self.procedures {
            tb.add_row(vec![
                p.id.clone(),
                p.name.get(lang).to_string(),
                p.names.join(", "),
            ]);
        }
        table::finish_with(
            &tb,
            t(
                lang,
                "查询某一项: yibao dental 名称 [--scheme employee|resident] [--designated yes|no]",
                "To ask about one: yibao dental NAME [--scheme employee|resident] [--designated yes|no]",
            ),
        )
    }
}
