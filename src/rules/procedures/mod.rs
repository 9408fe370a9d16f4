//! The procedure files: how-to knowledge that is not a dated number — where to see the
//! balance (`channels.toml` and a region file's `[balance]`), the `yibao guide` topics
//! (`guides.toml`), the plan for merging two accounts (`merge.toml`), the wording of the
//! transfer plan (`transfer.toml`) and the case tables of `yibao refund` (`refund.toml`) and
//! `yibao dental` (`dental.toml`). Every statement is
//! bilingual and cited like a policy value. This module parses and validates them; the
//! checks and commands decide what to show.

pub mod channels;
pub mod dental;
pub mod filing;
pub mod guides;
pub mod items;
pub mod names;
pub mod refund;
pub mod transfer;

use toml::Spanned;
use toml::value::Datetime;

use super::diag::Diagnostic;
use super::documents::SourceFile;
use super::schema::RulesFile;
use super::validate;
use crate::dates;
use crate::region::{Level, regions};
use channels::ChannelsFile;
use dental::DentalFile;
use filing::FilingFile;
use guides::{GuidesFile, MergeFile};
use items::FileCtx;
use refund::RefundFile;
use transfer::TransferFile;

/// The procedure files a rules tree may hold, relative to its root.
pub const FILES: &[&str] = &[
    "channels.toml",
    "guides.toml",
    "merge.toml",
    "transfer.toml",
    "refund.toml",
    "dental.toml",
    "filing.toml",
];

/// The parsed procedure files; a file that is absent is empty.
#[derive(Debug, Clone, Default)]
pub struct Procedures {
    pub channels: ChannelsFile,
    pub guides: GuidesFile,
    pub merge: MergeFile,
    pub transfer: TransferFile,
    pub refund: RefundFile,
    pub dental: DentalFile,
    pub filing: FilingFile,
}

impl Procedures {
    /// Parses `files` (relative path, path shown, text) and, if `validate`, checks them,
    /// adding every problem to `out`.
    pub fn load(
        files: Vec<(String, String, crate::text::Str)>,
        sources: &SourceFile,
        validate: bool,
        out: &mut Vec<Diagnostic>,
    ) -> Procedures {
        let mut procedures = Procedures::default();
        for (rel, path, text) in files {
            let ctx = FileCtx {
                path: &path,
                text: &text,
                sources,
            };
            match rel.as_str() {
                "channels.toml" => {
                    if let Some(f) = parse::<ChannelsFile>(&ctx, out) {
                        if validate {
                            channels::check_file(&ctx, &f, out);
                        }
                        procedures.channels = f;
                    }
                }
                "guides.toml" => {
                    if let Some(f) = parse::<GuidesFile>(&ctx, out) {
                        if validate {
                            guides::check_guides(&ctx, &f, out);
                        }
                        procedures.guides = f;
                    }
                }
                "transfer.toml" => {
                    if let Some(mut f) = parse::<TransferFile>(&ctx, out) {
                        if validate {
                            transfer::check_transfer(&ctx, &f, out);
                        }
                        f.read_tags();
                        procedures.transfer = f;
                    }
                }
                "refund.toml" => {
                    if let Some(f) = parse::<RefundFile>(&ctx, out) {
                        if validate {
                            refund::check(&ctx, &f, out);
                        }
                        procedures.refund = f;
                    }
                }
                "dental.toml" => {
                    if let Some(f) = parse::<DentalFile>(&ctx, out) {
                        if validate {
                            dental::check(&ctx, &f, out);
                        }
                        procedures.dental = f;
                    }
                }
                "filing.toml" => {
                    if let Some(mut f) = parse::<FilingFile>(&ctx, out) {
                        if validate {
                            filing::check(&ctx, &f, out);
                        }
                        f.read_tags();
                        procedures.filing = f;
                    }
                }
                _ => {
                    if let Some(f) = parse::<MergeFile>(&ctx, out) {
                        if validate {
                            guides::check_merge(&ctx, &f, out);
                        }
                        procedures.merge = f;
                    }
                }
            }
        }
        procedures
    }
}

fn parse<T: serde::de::DeserializeOwned>(ctx: &FileCtx, out: &mut Vec<Diagnostic>) -> Option<T> {
    validate::parse::<T>(ctx.path, ctx.text)
        .map_err(|d| out.push(d))
        .ok()
}

/// Checks the procedure parts of a national or region rules file (its `[balance]` section).
pub fn check_rules_file(
    path: &str,
    text: &str,
    file: &RulesFile,
    national: bool,
    sources: &SourceFile,
    procedures: &Procedures,
    out: &mut Vec<Diagnostic>,
) {
    let Some(balance) = &file.balance else {
        return;
    };
    let ctx = FileCtx {
        path,
        text,
        sources,
    };
    if national {
        out.push(Diagnostic::file(
            path,
            "national.toml may not have a [balance] section; national channels live in channels.toml, and [balance] is for a region's own channels",
        ));
        return;
    }
    channels::check_region(&ctx, balance, &procedures.channels, out);
}

fn check_reviewed(ctx: &FileCtx, reviewed: Option<&Spanned<Datetime>>, out: &mut Vec<Diagnostic>) {
    if let Some(r) = reviewed
        && dates::from_toml(r.get_ref()).is_none()
    {
        out.push(ctx.at(r.span(), "reviewed_on must be a date like 2026-11-22"));
    }
}

/// A region code in a procedure file names a province or pooling area.
fn check_region_code(ctx: &FileCtx, what: &str, code: &Spanned<String>, out: &mut Vec<Diagnostic>) {
    if !regions()
        .get(code.get_ref())
        .is_some_and(|r| r.level != Level::County)
    {
        out.push(ctx.at(
            code.span(),
            format!(
                "{what}: region \"{}\" is not a province or pooling-area code (see 'yibao regions')",
                code.get_ref()
            ),
        ));
    }
}
