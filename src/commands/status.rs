//! `yibao status PLAN.json`: a plan saved by `yibao transfer --save`, evaluated again as of
//! today (or `--on`): working days elapsed, the next time limit or the ones missed, and the
//! steps left. The file is only read.

use std::path::Path;

use crate::checks::transfer;
use crate::error::Error;
use crate::plan;
use crate::region::kept_code;
use crate::render::verdict::{StatusReport, TransferReport};
use crate::request::Request;

pub fn run<'r>(path: &Path, req: &'r Request) -> Result<StatusReport<'r>, Error> {
    let mut facts = plan::load(path)?;
    if let Some(problem) = facts.contradiction(req.on) {
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
    // Jiangsu's rules, and two districts of one city are one pooling area.
    facts.from = req.pooling_area("plan", &facts.from)?.code.clone();
    facts.to = req.pooling_area("plan", &facts.to)?.code.clone();
    let policy = req.policy(kept_code(&facts.to))?;
    Ok(StatusReport {
        transfer: TransferReport {
            answer: transfer::check(&facts, &policy),
            rules: policy.rules,
        },
        plan_file: path.display().to_string(),
    })
}
