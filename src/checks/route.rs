//! `yibao route` and the first question of `yibao transfer`'s walk-through: which route is
//! the person's — a transfer (changing where they are insured), a cross-region care filing
//! (staying insured here, living or getting care elsewhere; every retiree who moves), or
//! nothing to do (one pooling area; a province that moves the record by itself). Pure: the
//! facts and the policy in, the route with its cited explanation out.

use serde::{Deserialize, Serialize};

use super::filing::{Kind, Scope, scope};
use crate::rules::Policy;
use crate::verdict::{Said, Statement, Verdict, Why};
use crate::vocab::{Outcome, Scheme};

pub const SCHEMA: &str = "yibao.route/1";

/// How long the person will be in the other place.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema, clap::ValueEnum,
)]
#[serde(rename_all = "snake_case")]
pub enum Stay {
    /// Living there (moving, joining family, a long posting).
    #[value(aliases = ["长期", "长住"])]
    #[serde(alias = "长期", alias = "长住")]
    Long,
    /// A trip for care.
    #[value(aliases = ["短期"])]
    #[serde(alias = "短期")]
    Short,
}

/// Why a short stay's care happens elsewhere.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema, clap::ValueEnum,
)]
#[serde(rename_all = "snake_case")]
pub enum Care {
    /// Referred by a hospital at home.
    #[value(aliases = ["转诊"])]
    #[serde(alias = "转诊")]
    Referral,
    /// An emergency while away.
    #[value(aliases = ["急诊"])]
    #[serde(alias = "急诊")]
    Emergency,
    /// Any other care elsewhere.
    #[value(aliases = ["其他"])]
    #[serde(alias = "其他")]
    Other,
}

impl Care {
    pub fn kind(self) -> Kind {
        match self {
            Care::Referral => Kind::Referral,
            Care::Emergency => Kind::Emergency,
            Care::Other => Kind::Temporary,
        }
    }
}

/// The route.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Route {
    /// Move the insurance relation: `yibao transfer`.
    Transfer,
    /// File for care elsewhere: `yibao filing`.
    Filing,
    /// Nothing to apply for.
    Nothing,
}

/// What the route depends on; field names are the flag names. `None`: not known.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Facts {
    /// Pooling area (code) where the person is insured now, if given.
    pub from: Option<String>,
    /// Pooling area (code) of the other place, if given.
    pub to: Option<String>,
    /// Changing where they are insured (new job, new hukou, new enrolment)?
    #[serde(deserialize_with = "super::answers::yes_no")]
    pub change: Option<bool>,
    #[serde(deserialize_with = "super::answers::yes_no")]
    pub retired: Option<bool>,
    /// Posted elsewhere by the employer, still insured through it?
    #[serde(deserialize_with = "super::answers::yes_no")]
    pub posted: Option<bool>,
    pub stay: Option<Stay>,
    pub care: Option<Care>,
    pub scheme: Option<Scheme>,
}

/// The decision: the route (none while a fact is missing), the kind of filing where it is
/// known, and the verdict explaining it.
#[derive(Debug, Clone)]
pub struct Answer<'a> {
    pub verdict: Verdict<'a>,
    pub facts: Facts,
    pub route: Option<Route>,
    pub kind: Option<Kind>,
    /// Nothing to do because the province moves the record by itself.
    pub automatic: bool,
}

/// `policy` is the policy of the insured place (national when it is not given).
pub fn decide<'a>(facts: &Facts, policy: &Policy<'a>) -> Answer<'a> {
    let mut v = Verdict::new(Outcome::Yes);
    let places = facts.from.as_deref().zip(facts.to.as_deref());
    let same_area = places.is_some_and(|(f, t)| scope(policy, f, t) == Scope::SameArea);
    if places.is_some() {
        v.trace("same_pooling_area", same_area, Why::SamePoolingArea);
    }
    let staying = facts.change.or(facts.posted.filter(|p| *p).map(|_| false));
    let (route, kind, why): (Option<Route>, Option<Kind>, &str) = if same_area {
        (Some(Route::Nothing), None, "same_area")
    } else if facts.retired == Some(true) {
        if facts.stay == Some(Stay::Short) {
            (
                Some(Route::Filing),
                facts.care.map(Care::kind),
                "retired_short_trip",
            )
        } else {
            (
                Some(Route::Filing),
                Some(Kind::ResettledRetiree),
                "retired_files",
            )
        }
    } else {
        match staying {
            Some(true) => (Some(Route::Transfer), None, "changing_insured_place"),
            Some(false) if facts.posted == Some(true) => (
                Some(Route::Filing),
                Some(Kind::PostedWorker),
                "posted_files",
            ),
            Some(false) => match facts.stay {
                Some(Stay::Long) => (
                    Some(Route::Filing),
                    Some(Kind::LongTermResident),
                    "long_stay_files",
                ),
                Some(Stay::Short) => (
                    Some(Route::Filing),
                    facts.care.map(Care::kind),
                    "care_trip_files",
                ),
                None => (Some(Route::Filing), None, "stay_unknown"),
            },
            None => (None, None, "change_unknown"),
        }
    };
    let data = &policy.rules.procedures.filing;
    // A new job inside a province whose rules move an employee's record by themselves:
    // nothing to apply for.
    let regime = match (route, places) {
        (Some(Route::Transfer), Some((f, t))) if facts.scheme != Some(Scheme::Resident) => policy
            .rules
            .pooling
            .regimes(f, t, policy.on)
            .into_iter()
            .find(|r| r.id == "auto_transfer"),
        _ => None,
    };
    // Whether the statement that names the route rests only on reported sources.
    let mut reported = false;
    let route = if let Some(r) = &regime {
        let unverified = v.cite(policy, &r.entry.cite);
        reported = unverified;
        v.notes.push(Statement {
            said: Said::Regime(r.label),
            unverified,
        });
        Some(Route::Nothing)
    } else {
        route
    };
    let automatic = regime.is_some();
    if let Some(item) = data.route(why).filter(|_| !automatic) {
        let s = v.rule(policy, item);
        if route.is_none() || why == "stay_unknown" {
            v.conditions.push(s);
        } else {
            reported = s.unverified;
            v.notes.insert(0, s);
        }
    }
    // A firm route resting only on reported sources is conditional, as a filing's is.
    if reported && v.conditions.is_empty() {
        v.rests_on_reports();
    }
    v.outcome = if v.conditions.is_empty() {
        Outcome::Yes
    } else {
        Outcome::Conditional
    };
    Answer {
        verdict: v,
        facts: facts.clone(),
        route,
        kind,
        automatic,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleSet;

    fn run(f: Facts) -> Answer<'static> {
        let rules = Box::leak(Box::new(RuleSet::embedded().unwrap()));
        let on = crate::dates::parse_date("2026-03-02").unwrap();
        decide(&f, &rules.policy(None, on))
    }

    fn places(from: &str, to: &str) -> Facts {
        Facts {
            from: Some(from.into()),
            to: Some(to.into()),
            ..Facts::default()
        }
    }

    #[test]
    fn a_retiree_moving_to_the_children_files_and_does_not_transfer() {
        let a = run(Facts {
            retired: Some(true),
            change: Some(true),
            ..places("510100", "440300")
        });
        assert_eq!(a.route, Some(Route::Filing));
        assert_eq!(a.kind, Some(Kind::ResettledRetiree));
        assert_eq!(a.verdict.outcome, Outcome::Yes);
    }

    #[test]
    fn a_posted_worker_files_as_posted() {
        let a = run(Facts {
            posted: Some(true),
            ..places("610100", "310000")
        });
        assert_eq!(
            (a.route, a.kind),
            (Some(Route::Filing), Some(Kind::PostedWorker))
        );
    }

    #[test]
    fn a_new_job_elsewhere_is_a_transfer() {
        let a = run(Facts {
            change: Some(true),
            retired: Some(false),
            ..places("610100", "110000")
        });
        assert_eq!(a.route, Some(Route::Transfer));
    }

    #[test]
    fn a_new_job_inside_hunan_moves_by_itself_from_2025_07_10() {
        let a = run(Facts {
            change: Some(true),
            ..places("430100", "430200")
        });
        assert_eq!(a.route, Some(Route::Nothing));
    }

    #[test]
    fn one_pooling_area_is_nothing_to_do() {
        let a = run(Facts {
            change: Some(true),
            ..places("110105", "110108")
        });
        assert_eq!(a.route, Some(Route::Nothing));
    }

    #[test]
    fn without_the_first_answer_the_route_is_open() {
        let a = run(places("610100", "110000"));
        assert_eq!(a.route, None);
        assert_eq!(a.verdict.outcome, Outcome::Conditional);
        assert_eq!(a.verdict.conditions[0].said.id(), "change_unknown");
    }

    #[test]
    fn a_care_trip_names_its_kind() {
        let a = run(Facts {
            change: Some(false),
            stay: Some(Stay::Short),
            care: Some(Care::Emergency),
            ..places("610100", "110000")
        });
        assert_eq!(
            (a.route, a.kind),
            (Some(Route::Filing), Some(Kind::Emergency))
        );
    }
}
