//! `yibao status PLAN.json`: a plan saved by `yibao transfer --save`, evaluated again as of
//! today (or `--on`): working days elapsed, the next time limit or the ones missed, and the
//! steps left. It speaks the language the plan was saved in unless `--lang` (or `YIBAO_LANG`)
//! asks for another. The file is only read, except with `--submitted DATE`: the acceptance
//! day is then recorded in the plan (rewritten atomically, as `transfer --save` writes it)
//! and the limits are counted from it.

use std::path::Path;

use crate::checks::answers::Naming;
use crate::checks::transfer;
use crate::error::Error;
use crate::plan;
use crate::region::kept_code;
use crate::render::verdict::{StatusReport, TransferReport};
use crate::request::{Request, lang_given, parse_date};

pub fn run<'r>(
    path: &Path,
    submitted: Option<&str>,
    req: &'r Request,
) -> Result<StatusReport<'r>, Error> {
    let (mut facts, saved_lang) = plan::load(path)?;
    let lang = saved_lang.filter(|_| !lang_given()).unwrap_or(req.lang);
    if let Some(text) = submitted {
        facts.submitted = Some(parse_date("--submitted", text)?);
    }
    if let Some(problem) = facts.contradiction(req.on, Naming::Flags) {
        return Err(Error::Contradiction(problem));
    }
    if facts.from.is_empty() || facts.to.is_empty() {
        return Err(Error::File {
            path: path.display().to_string(),
            reason: crate::text::Text::new(
                "计划文件缺少转出地或转入地;请用 yibao transfer … --save 重新生成",
                "the plan has no origin or destination; make it again with yibao transfer … --save",
            ),
        });
    }
    // Evaluate the places the plan names, resolved as on the command line: "苏州" gets
    // Jiangsu's rules, two districts of one city are one pooling area, and a district is
    // named as the plan was made for it.
    (facts.from, facts.from_place) = req.area_and_place("plan", &facts.from)?;
    (facts.to, facts.to_place) = req.area_and_place("plan", &facts.to)?;
    let policy = req.policy(kept_code(&facts.to))?;
    let report = TransferReport {
        answer: transfer::check(&facts, &policy),
        rules: policy.rules,
        voice: crate::render::text::Voice::Plan,
    };
    if submitted.is_some() {
        // The plan keeps the acceptance day: the next `status` counts from it too.
        plan::save(path, &facts, &report, req, lang, false)?;
    }
    Ok(StatusReport {
        transfer: report,
        plan_file: path.display().to_string(),
        lang: Some(lang),
    })
}
