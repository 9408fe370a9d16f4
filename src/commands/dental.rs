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
use crate::prompt::Prompter;
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
    let mut asked = false;
    let procedure = match (&args.procedure, &prompter) {
        (Some(name), _) => find(file, name)?,
        (None, Some(p)) => {
            asked = true;
            let choices: Vec<(&Procedure, Text)> =
                file.procedure.iter().map(|p| (p, p.name.clone())).collect();
            p.select(&Text::new("哪一项治疗?", "Which treatment?"), &choices)?
        }
        (None, None) => {
            return Err(Error::usage(
                "缺少 PROCEDURE(要查询的治疗项目):请写在命令后面,例如 yibao dental 补牙;运行 yibao dental --list 查看目录",
                "missing PROCEDURE: name the treatment, e.g. yibao dental filling (run yibao dental --list for the catalogue)",
            ));
        }
    };
    let mut facts = Facts {
        procedure: procedure.id.get_ref().to_string(),
        scheme: args.scheme,
        region: args
            .region
            .as_deref()
            .map(|r| pooling_area("--region", r).map(|r| r.code.clone()))
            .transpose()?,
        designated: args.designated.and_then(YesNo::get),
        imported_material: args.imported_material.and_then(YesNo::get),
    };
    if let Some(p) = &prompter {
        let by_scheme = procedure.cover.iter().any(|c| c.scheme.is_some());
        if facts.scheme.is_none() && by_scheme {
            asked = true;
            facts.scheme = p.select(
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
            )?;
        }
        // The caveats can only lower the answer: not worth asking once it is no.
        let all_no = procedure
            .cover
            .iter()
            .filter(|c| c.scheme.is_none() || facts.scheme.is_none() || c.scheme == facts.scheme)
            .all(|c| c.outcome == Outcome::No);
        let caveats = [
            (
                &mut facts.designated,
                Text::new(
                    "在医保定点医院或诊所治疗吗?",
                    "Is it at a hospital or clinic designated by the insurance?",
                ),
            ),
            (
                &mut facts.imported_material,
                Text::new(
                    "会用进口材料或特殊耗材吗?",
                    "Will imported materials or special consumables be used?",
                ),
            ),
        ];
        for (fact, question) in caveats {
            if !all_no && fact.is_none() {
                asked = true;
                *fact = p.yes_no_unsure(&question)?;
            }
        }
        if asked {
            p.say_command(&equivalent(&facts));
        }
    }
    let policy = req.policy(facts.region.as_deref().and_then(kept_code))?;
    Ok(Box::new(DentalReport {
        answer: dental::check(&facts, &policy),
        rules: policy.rules,
    }))
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
