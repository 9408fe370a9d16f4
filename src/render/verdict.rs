//! A `Verdict` for people: the outcome first, then key figures, blockers with their fixes,
//! conditions, ordered steps, materials, deadlines, notes and the documents it rests on.

use serde_json::Value;

use super::Report;
use super::text::Voice;
use super::wire::{
    BalanceJson, DentalJson, FilingJson, MergeJson, Origin, RefundJson, RouteJson, TransferJson,
    VerdictJson,
};
pub use super::words::{channel, heading, sources, unverified_mark};
use crate::checks::{balance, dental, merge, refund, transfer};
use crate::rules::RuleSet;
use crate::text::Lang;

/// A typed answer with the rules it rests on, ready to show either way: its wire type
/// (`--json`) and, from the same localized view, the text for people.
macro_rules! answer_report {
    ($(#[$doc:meta])* $name:ident, $answer:ty, $wire:ident) => {
        $(#[$doc])*
        pub struct $name<'r> {
            pub answer: $answer,
            pub rules: &'r RuleSet,
            /// Flags or a walk-through: how the facts were given.
            pub voice: Voice,
        }

        impl $name<'_> {
            pub fn wire(&self, lang: Lang, explain: bool) -> $wire<'_> {
                let origin = Origin {
                    voice: self.voice,
                    ..Origin::default()
                };
                $wire::new(&self.answer, self.rules, lang, explain, origin)
            }
        }

        impl Report for $name<'_> {
            fn schema(&self) -> &'static str {
                self.wire(Lang::Zh, false).verdict.schema
            }

            fn json(&self, _explain: bool) -> Value {
                Value::Null
            }

            fn json_text(&self, lang: Lang, explain: bool) -> String {
                let mut s = serde_json::to_string_pretty(&self.wire(lang, explain))
                    .unwrap_or_default();
                s.push('\n');
                s
            }

            fn human(&self, lang: Lang, explain: bool) -> String {
                show(&self.wire(lang, explain).verdict, lang, explain)
            }

            fn exit_code(&self) -> i32 {
                self.answer.verdict.outcome.exit_code()
            }
        }
    };
}

answer_report!(
    /// `yibao transfer` and `yibao status`.
    TransferReport,
    transfer::Answer<'r>,
    TransferJson
);
answer_report!(
    /// `yibao balance`.
    BalanceReport,
    balance::Answer<'r>,
    BalanceJson
);
answer_report!(
    /// `yibao refund`.
    RefundReport,
    refund::Answer<'r>,
    RefundJson
);
answer_report!(
    /// `yibao dental`.
    DentalReport,
    dental::Answer<'r>,
    DentalJson
);
answer_report!(
    /// `yibao filing`.
    FilingReport,
    crate::checks::filing::Answer<'r>,
    FilingJson
);
answer_report!(
    /// `yibao route`.
    RouteReport,
    crate::checks::route::Answer<'r>,
    RouteJson
);
answer_report!(
    /// `yibao merge`.
    MergeReport,
    merge::Answer<'r>,
    MergeJson
);

/// `yibao status PLAN`: the saved transfer evaluated again, naming the plan file.
pub struct StatusReport<'r> {
    pub transfer: TransferReport<'r>,
    pub plan_file: String,
    /// The language to speak whatever was asked (the plan's saved one, unless `--lang`).
    pub lang: Option<Lang>,
}

impl StatusReport<'_> {
    fn wire(&self, lang: Lang, explain: bool) -> TransferJson<'_> {
        let mut doc = self.transfer.wire(lang, explain);
        doc.plan_file = Some(&self.plan_file);
        doc
    }
}

impl Report for StatusReport<'_> {
    fn schema(&self) -> &'static str {
        transfer::SCHEMA
    }

    fn json(&self, _explain: bool) -> Value {
        Value::Null
    }

    fn json_text(&self, lang: Lang, explain: bool) -> String {
        let lang = self.lang.unwrap_or(lang);
        let mut s = serde_json::to_string_pretty(&self.wire(lang, explain)).unwrap_or_default();
        s.push('\n');
        s
    }

    fn human(&self, lang: Lang, explain: bool) -> String {
        self.transfer.human(self.lang.unwrap_or(lang), explain)
    }

    fn exit_code(&self) -> i32 {
        self.transfer.exit_code()
    }
}

/// A verdict for people, from its localized view (the same one `--json` prints), laid out for
/// this run's screen (`render::screen`).
pub fn show(v: &VerdictJson, lang: Lang, explain: bool) -> String {
    super::screen::plan(v, lang, explain, &super::layout::get())
}
