//! The wire formats of `yibao filing --json` (`yibao.filing/1`) and `yibao route --json`
//! (`yibao.route/1`): the common verdict plus each answer's own fields.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Serialize;

use super::{Origin, PlaceJson, VerdictJson};
use crate::checks::filing::{self, Class, Kind, Scope};
use crate::checks::route::{self, Route};
use crate::render::text;
use crate::rules::RuleSet;
use crate::text::Lang;
use crate::verdict::Why;

/// A regional value the filing answer applies, with where it came from.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct FigureJson<'a> {
    /// The rules key, e.g. `filing.other_temporary_rate_cut_max`.
    pub key: &'a str,
    pub label: &'a str,
    /// As written in the rules: a ratio (0.1 = 10 percentage points or 10%), or months.
    pub value: f64,
    /// `ratio` or `month`.
    pub unit: &'a str,
    /// In force since.
    pub since: NaiveDate,
    /// The region whose file gives it; null for the national value.
    pub region: Option<&'a str>,
    pub cite: &'a str,
    pub unverified: bool,
}

/// `yibao filing --json` (and `batch --full` for a filing).
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct FilingJson<'a> {
    #[serde(flatten)]
    pub verdict: VerdictJson<'a>,
    /// Where the person is insured (参保地).
    pub from: PlaceJson<'a>,
    /// Where the care or the stay is (就医地).
    pub to: PlaceJson<'a>,
    /// Whether a filing must be made before care is settled directly.
    pub needed: bool,
    pub scope: Scope,
    pub class: Option<Class>,
    pub kind: Option<Kind>,
    /// Already in hospital without a filing, as answered (null: not said).
    pub admitted: Option<bool>,
    pub figures: Vec<FigureJson<'a>>,
}

impl<'a> FilingJson<'a> {
    pub fn new(
        a: &'a filing::Answer,
        rules: &'a RuleSet,
        lang: Lang,
        explain: bool,
        origin: Origin<'a>,
    ) -> FilingJson<'a> {
        let cx = text::filing::context(a, lang).spoken(origin.voice);
        let why = |w: &Why| text::filing::why(a, w, lang);
        FilingJson {
            verdict: VerdictJson::new(
                filing::SCHEMA,
                origin,
                &cx,
                rules,
                text::filing::summary(a, lang),
                text::filing::lines(a, lang),
                explain.then_some(why),
            ),
            from: PlaceJson::of(&a.facts.from),
            to: PlaceJson::of(&a.facts.to),
            needed: a.needed,
            scope: a.scope,
            class: a.class(),
            kind: a.facts.kind,
            admitted: a.facts.admitted,
            figures: (a.figures.iter())
                .map(|r| FigureJson {
                    key: &r.key,
                    label: r.label.get(lang),
                    value: r.number(),
                    unit: r.unit,
                    since: r.since,
                    region: r.region.map(|c| c.as_str()),
                    cite: r.source,
                    unverified: r.reported(),
                })
                .collect(),
        }
    }
}

/// `yibao route --json`.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RouteJson<'a> {
    #[serde(flatten)]
    pub verdict: VerdictJson<'a>,
    /// `transfer`, `filing` or `nothing`; null while a fact it depends on is missing.
    pub route: Option<Route>,
    /// The kind of filing, where the answers settle it.
    pub kind: Option<Kind>,
    pub class: Option<Class>,
    /// The command that goes on from here with the facts already given.
    pub next: Option<String>,
    pub from: Option<PlaceJson<'a>>,
    pub to: Option<PlaceJson<'a>>,
}

impl<'a> RouteJson<'a> {
    pub fn new(
        a: &'a route::Answer,
        rules: &'a RuleSet,
        lang: Lang,
        explain: bool,
        origin: Origin<'a>,
    ) -> RouteJson<'a> {
        let cx = text::route::context(a, lang).spoken(origin.voice);
        let why = |w: &Why| text::route::why(a, w, lang);
        RouteJson {
            verdict: VerdictJson::new(
                route::SCHEMA,
                origin,
                &cx,
                rules,
                text::route::summary(a, lang),
                text::route::lines(a, lang),
                explain.then_some(why),
            ),
            route: a.route,
            kind: a.kind,
            class: a.kind.map(Kind::class),
            next: text::route::next(a),
            from: a.facts.from.as_deref().map(PlaceJson::of),
            to: a.facts.to.as_deref().map(PlaceJson::of),
        }
    }
}
