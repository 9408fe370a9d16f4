//! Printed forms of a transfer plan (`--format` on `transfer` and `status`): `md`, a
//! Markdown page to print on one A4 sheet, and `text`, a short plain version to paste into a
//! chat message. Both are made from the same localized view `--json` prints (`TransferJson`),
//! with the words of `render::text::print`; nothing here decides anything.

mod markdown;
mod plain;

use serde_json::Value;

use super::Report;
use super::verdict::{StatusReport, TransferReport};
use super::wire::TransferJson;
use crate::cli::PrintFormat;
use crate::error::Error;
use crate::request::{Output, Request};
use crate::text::Lang;

/// A report that has a transfer plan to print.
pub trait Plan: Report {
    /// The plan's localized view.
    fn plan(&self, lang: Lang) -> TransferJson<'_>;
}

impl Plan for TransferReport<'_> {
    fn plan(&self, lang: Lang) -> TransferJson<'_> {
        self.wire(lang, false)
    }
}

impl Plan for StatusReport<'_> {
    fn plan(&self, lang: Lang) -> TransferJson<'_> {
        let mut doc = self.transfer.wire(lang, false);
        doc.plan_file = Some(&self.plan_file);
        doc
    }
}

/// The report as chosen: as it is without `--format`, else in the printed form asked for.
/// `--format` prints for people, so it does not go with `--json`.
pub fn printed<'r, R: Plan + 'r>(
    report: R,
    format: Option<PrintFormat>,
    req: &Request,
) -> Result<Box<dyn Report + 'r>, Error> {
    match format {
        None => Ok(Box::new(report)),
        Some(_) if req.output == Output::Json => Err(Error::usage(
            "--format 是给人看的打印格式,不能与 --json 同用;二选一",
            "--format prints for people and does not go with --json; choose one",
        )),
        Some(format) => Ok(Box::new(Printed { report, format })),
    }
}

/// The plan in the printed form asked for.
pub fn show(report: &impl Plan, format: PrintFormat, lang: Lang) -> String {
    let plan = report.plan(lang);
    match format {
        PrintFormat::Md => markdown::page(&plan, lang),
        PrintFormat::Text => plain::message(&plan, lang),
    }
}

/// A plan shown in a printed form; JSON and the exit code are the report's own.
struct Printed<R> {
    report: R,
    format: PrintFormat,
}

impl<R: Plan> Report for Printed<R> {
    fn schema(&self) -> &'static str {
        self.report.schema()
    }

    fn json(&self, explain: bool) -> Value {
        self.report.json(explain)
    }

    fn json_text(&self, lang: Lang, explain: bool) -> String {
        self.report.json_text(lang, explain)
    }

    fn human(&self, lang: Lang, _explain: bool) -> String {
        show(&self.report, self.format, lang)
    }

    fn exit_code(&self) -> i32 {
        self.report.exit_code()
    }
}
