//! Where people see their personal account: the national ways in `rules/channels.toml`
//! (apps, mini-programs, windows, terminals, banks, phone lines), what to do after a transfer
//! and notes on the monthly credit; and the `[balance]` section a region file may add (its
//! own portal, its retirees' fixed monthly credit). Shape, validation and lookup by region
//! and date; no wording is decided here.

use chrono::NaiveDate;
use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

use super::items::{FileCtx, ItemData};
use crate::dates;
use crate::rules::diag::Diagnostic;
use crate::rules::documents::Cite;
use crate::rules::{Loaded, Policy};
use crate::text::{Str, Text};
use crate::vocab::Channel;

/// What a channel lets you see.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Shows {
    /// The current balance.
    Balance,
    /// Spending and contribution records.
    Details,
    /// The monthly credits paid in.
    Credits,
    /// The progress or result of a transfer.
    Transfer,
}

/// One way to see the account.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChannelData {
    pub id: Spanned<Str>,
    /// online, offline or phone.
    pub kind: Spanned<Channel>,
    pub name: Text,
    pub shows: Vec<Shows>,
    /// What to tap or say, in order.
    pub steps: Vec<Text>,
    /// Shown only where no region file names a local channel of the same kind (e.g. "your
    /// region's own website").
    #[serde(default)]
    pub fallback: bool,
    pub cite: Cite,
    #[serde(default)]
    pub also: Vec<Cite>,
}

impl ChannelData {
    pub fn cites(&self) -> impl Iterator<Item = &Cite> {
        std::iter::once(&self.cite).chain(self.also.iter())
    }

    pub fn kind(&self) -> Channel {
        *self.kind.get_ref()
    }
}

/// After a transfer: how to confirm the money arrived, what to do if not.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AfterTransfer {
    #[serde(default)]
    pub confirm: Vec<ItemData>,
    #[serde(default)]
    pub if_missing: Vec<ItemData>,
    #[serde(default)]
    pub note: Vec<ItemData>,
}

/// Notes on the monthly credit and where to look up the local figure.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Monthly {
    #[serde(default)]
    pub note: Vec<ItemData>,
    #[serde(default)]
    pub look_up: Vec<ItemData>,
}

/// `rules/channels.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChannelsFile {
    #[serde(default)]
    pub reviewed_on: Option<Spanned<Datetime>>,
    #[serde(default)]
    pub channel: Vec<ChannelData>,
    /// Notes shown with the list of channels.
    #[serde(default)]
    pub note: Vec<ItemData>,
    #[serde(default)]
    pub after_transfer: AfterTransfer,
    #[serde(default)]
    pub monthly: Monthly,
}

/// One age band of a retiree credit table: `age_to` absent means "and older".
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub age_from: Spanned<i64>,
    #[serde(default)]
    pub age_to: Option<Spanned<i64>>,
    pub yuan: Spanned<f64>,
}

/// Retirees' fixed monthly credit in a region, from `since`, by age.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RetireeSchedule {
    pub since: Spanned<Datetime>,
    pub bands: Vec<Band>,
    pub cite: Cite,
    #[serde(default)]
    pub note: String,
}

/// The `[balance]` section of a region file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionBalance {
    /// The region's own channels, shown before the national ones of the same kind.
    #[serde(default)]
    pub channel: Vec<ChannelData>,
    #[serde(default)]
    pub retiree_credit: Vec<RetireeSchedule>,
}

/// Checks `rules/channels.toml`.
pub fn check_file(ctx: &FileCtx, file: &ChannelsFile, out: &mut Vec<Diagnostic>) {
    check_channels(ctx, "channel", &file.channel, out);
    ctx.items("note", &file.note, out);
    ctx.items("after_transfer.confirm", &file.after_transfer.confirm, out);
    ctx.items(
        "after_transfer.if_missing",
        &file.after_transfer.if_missing,
        out,
    );
    ctx.items("after_transfer.note", &file.after_transfer.note, out);
    ctx.items("monthly.note", &file.monthly.note, out);
    ctx.items("monthly.look_up", &file.monthly.look_up, out);
    super::check_reviewed(ctx, file.reviewed_on.as_ref(), out);
}

/// Checks a region file's `[balance]` section; `national` ids may not be reused.
pub fn check_region(
    ctx: &FileCtx,
    balance: &RegionBalance,
    national: &ChannelsFile,
    out: &mut Vec<Diagnostic>,
) {
    check_channels(ctx, "balance.channel", &balance.channel, out);
    for c in &balance.channel {
        if national
            .channel
            .iter()
            .any(|n| n.id.get_ref() == c.id.get_ref())
        {
            out.push(ctx.at(
                c.id.span(),
                format!("balance.channel: id \"{}\" is already a national channel in channels.toml; give the local channel its own id", c.id.get_ref()),
            ));
        }
    }
    let mut previous: Option<NaiveDate> = None;
    for (i, schedule) in balance.retiree_credit.iter().enumerate() {
        let what = format!("balance.retiree_credit[{i}]");
        ctx.cites(&what, [&schedule.cite], out);
        match dates::from_toml(schedule.since.get_ref()) {
            None => out.push(ctx.at(
                schedule.since.span(),
                format!("`{what}`: since must be a date like 2022-09-01"),
            )),
            Some(since) => {
                if previous.is_some_and(|p| since <= p) {
                    out.push(ctx.at(
                        schedule.since.span(),
                        format!("`{what}`: since {since} is not after the previous table's; tables must be in strictly increasing date order"),
                    ));
                }
                previous = Some(since);
            }
        }
        check_bands(ctx, &what, &schedule.bands, schedule.since.span(), out);
    }
}

fn check_channels(ctx: &FileCtx, list: &str, channels: &[ChannelData], out: &mut Vec<Diagnostic>) {
    ctx.ids(list, channels.iter().map(|c| &c.id), out);
    for c in channels {
        let what = format!("{list}.{}", c.id.get_ref());
        ctx.cites(&what, c.cites(), out);
        if c.kind() == Channel::Wait {
            out.push(ctx.at(
                c.kind.span(),
                format!("`{what}`: kind must be online, offline or phone"),
            ));
        }
        if c.steps.is_empty() || c.shows.is_empty() {
            out.push(ctx.at(
                c.id.span(),
                format!("`{what}`: a channel needs at least one step and one thing it shows (balance, details, credits, transfer)"),
            ));
        }
    }
}

fn check_bands(
    ctx: &FileCtx,
    what: &str,
    bands: &[Band],
    at: std::ops::Range<usize>,
    out: &mut Vec<Diagnostic>,
) {
    if bands.is_empty() {
        out.push(ctx.at(
            at,
            format!("`{what}`: give at least one band {{ age_from, age_to, yuan }}"),
        ));
        return;
    }
    let mut expected_from = Some(*bands[0].age_from.get_ref());
    for (i, band) in bands.iter().enumerate() {
        let from = *band.age_from.get_ref();
        let yuan = *band.yuan.get_ref();
        if !(yuan.is_finite() && yuan >= 0.0) {
            out.push(ctx.at(
                band.yuan.span(),
                format!("`{what}`: yuan must be 0 or more"),
            ));
        }
        if from < 0 || expected_from != Some(from) {
            out.push(ctx.at(
                band.age_from.span(),
                format!("`{what}`: bands must follow each other without gaps or overlaps; expected age_from = {}", expected_from.map_or("(none: the previous band is open-ended)".to_string(), |a| a.to_string())),
            ));
        }
        match &band.age_to {
            Some(to) if *to.get_ref() < from => {
                out.push(ctx.at(to.span(), format!("`{what}`: age_to is below age_from")));
                expected_from = None;
            }
            Some(to) => expected_from = Some(to.get_ref() + 1),
            None if i + 1 < bands.len() => {
                out.push(ctx.at(
                    band.age_from.span(),
                    format!("`{what}`: only the last band may leave out age_to (\"and older\")"),
                ));
                expected_from = None;
            }
            None => expected_from = None,
        }
    }
    if let Some(last) = bands.last().and_then(|b| b.age_to.as_ref()) {
        out.push(ctx.at(
            last.span(),
            format!(
                "`{what}`: the last band must leave out age_to so that every older age is covered"
            ),
        ));
    }
}

/// A region's `[balance]` section with the file and region it came from.
pub struct Local<'a> {
    pub region: &'a str,
    pub file: &'a Loaded,
    pub balance: &'a RegionBalance,
}

/// The `[balance]` sections that apply to the policy's region, most specific first.
pub fn local<'a>(policy: &Policy<'a>) -> Vec<Local<'a>> {
    policy
        .layers()
        .filter_map(|(region, file)| {
            Some(Local {
                region: region?,
                file,
                balance: file.file.balance.as_ref()?,
            })
        })
        .collect()
}

/// The retiree credit table in force on the policy's date, from the most specific region
/// that has one.
pub fn retiree_schedule<'a>(policy: &Policy<'a>) -> Option<(Local<'a>, &'a RetireeSchedule)> {
    local(policy).into_iter().find_map(|l| {
        let schedule = l
            .balance
            .retiree_credit
            .iter()
            .rev()
            .find(|s| dates::from_toml(s.since.get_ref()).is_some_and(|d| d <= policy.on))?;
        Some((l, schedule))
    })
}

impl RetireeSchedule {
    pub fn since_date(&self) -> Option<NaiveDate> {
        dates::from_toml(self.since.get_ref())
    }

    /// The band an age falls in.
    pub fn band(&self, age: u32) -> Option<&Band> {
        let age = i64::from(age);
        self.bands.iter().find(|b| {
            *b.age_from.get_ref() <= age && b.age_to.as_ref().is_none_or(|t| age <= *t.get_ref())
        })
    }
}
