//! `yibao dental PROCEDURE`: does basic medical insurance pay for a dental treatment, from
//! `rules/dental.toml`. The cover entry that fits the scheme and region best gives the
//! outcome; a scheme not known where the schemes differ, a `yes` resting only on reports,
//! and the caveats (designated institution, imported materials) can only lower it.

use serde::Deserialize;

use super::Scheme;
use super::decide::in_region;
use crate::rules::Policy;
use crate::rules::procedures::dental::{Cover, Procedure};
use crate::verdict::{Said, Statement, Verdict, Warning, Why};
use crate::vocab::Outcome;

pub const SCHEMA: &str = "yibao.dental/1";

/// What `yibao dental` is asked; field names are the flag names. `None`: not known.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Facts {
    /// The procedure: its id or any name it answers to.
    pub procedure: String,
    pub scheme: Option<Scheme>,
    /// Where the person is insured (a division code).
    pub region: Option<String>,
    /// Treated at an institution designated by the insurance?
    #[serde(deserialize_with = "super::answers::yes_no")]
    pub designated: Option<bool>,
    /// Imported materials or special consumables used?
    #[serde(deserialize_with = "super::answers::yes_no")]
    pub imported_material: Option<bool>,
}

impl Facts {
    fn fact(&self, id: &str) -> Option<bool> {
        match id {
            "designated" => self.designated,
            _ => self.imported_material,
        }
    }
}

/// The lower of two outcomes (no < conditional < yes).
fn lower(a: Outcome, b: Outcome) -> Outcome {
    let rank = |o| match o {
        Outcome::No => 0,
        Outcome::Conditional => 1,
        Outcome::Yes => 2,
    };
    if rank(b) < rank(a) { b } else { a }
}

/// The cover entry for one scheme: region-specific before general, scheme-specific before
/// both-schemes.
fn cover_for<'a>(p: &'a Procedure, scheme: Scheme, region: Option<&str>) -> Option<&'a Cover> {
    p.cover
        .iter()
        .filter(|c| c.scheme.is_none_or(|s| s == scheme))
        .filter(|c| match (&c.region, region) {
            (None, _) => true,
            (Some(layer), Some(code)) => in_region(layer.get_ref(), code),
            (Some(_), None) => false,
        })
        .max_by_key(|c| (c.region.is_some(), c.scheme.is_some()))
}

/// The answer: the verdict, the facts, the procedure found and the cover entries that
/// decided it (one per scheme asked about; `same` when one entry covers them all).
#[derive(Debug, Clone)]
pub struct Answer<'a> {
    pub verdict: Verdict<'a>,
    pub facts: Facts,
    /// `None`: not in the catalogue.
    pub procedure: Option<&'a Procedure>,
    pub covers: Vec<(Scheme, &'a Cover)>,
    pub same: bool,
}

/// `policy` is the policy of `facts.region` (national if none). A procedure not in the
/// catalogue is `conditional` with a warning (the command refuses it earlier, with
/// suggestions).
pub fn check<'a>(facts: &Facts, policy: &Policy<'a>) -> Answer<'a> {
    let file = &policy.rules.procedures.dental;
    let mut v = Verdict::new(Outcome::Conditional);
    let Some(p) = file.find(&facts.procedure) else {
        v.warnings.push(Warning::ListProcedures);
        return Answer {
            verdict: v,
            facts: facts.clone(),
            procedure: None,
            covers: Vec::new(),
            same: true,
        };
    };
    let region = facts.region.as_deref();
    let schemes = match facts.scheme {
        Some(s) => vec![s],
        None => vec![Scheme::Employee, Scheme::Resident],
    };
    let covers: Vec<(Scheme, &Cover)> = schemes
        .iter()
        .filter_map(|s| cover_for(p, *s, region).map(|c| (*s, c)))
        .collect();
    let same = covers.windows(2).all(|w| std::ptr::eq(w[0].1, w[1].1));
    // Schemes that differ leave it open, unless both say no.
    let mut outcome = match covers.first() {
        Some((_, first)) if covers.iter().all(|(_, c)| c.outcome == first.outcome) => first.outcome,
        _ => Outcome::Conditional,
    };
    // Symmetry: a `yes` or a `no` resting only on reported sources is conditional.
    let mut reported: Option<Outcome> = None;
    for (_, cover) in &covers {
        let unverified = v.cite_all(policy, cover.cites());
        if cover.outcome == outcome && outcome != Outcome::Conditional && unverified {
            reported = Some(outcome);
        }
        if same {
            break;
        }
    }
    if let Some(said) = reported {
        outcome = Outcome::Conditional;
        v.conditions.push(Statement {
            said: Said::CoverReported(said),
            unverified: false,
        });
    }
    if !same && outcome != Outcome::No {
        v.conditions.push(Statement {
            said: Said::SchemesDiffer,
            unverified: false,
        });
    }
    for c in &file.caveat {
        let unverified = v.cite(policy, &c.cite);
        let it = Statement {
            said: Said::Caveat(c),
            unverified,
        };
        let holds = facts.fact(c.fact.get_ref());
        let triggered = holds == Some(c.answer);
        let why = Why::Caveat {
            fact: c.fact.get_ref(),
            holds,
        };
        v.trace(c.id.get_ref().clone(), holds.is_some() && !triggered, why);
        if triggered {
            outcome = lower(outcome, c.outcome);
            v.blockers.push(it);
        } else if holds.is_none() && lower(outcome, c.outcome) != outcome {
            outcome = lower(outcome, Outcome::Conditional);
            v.conditions.push(it);
        }
    }
    v.outcome = outcome;
    for n in p.note.iter().chain(&file.note) {
        let note = v.rule(policy, n);
        v.notes.push(note);
    }
    Answer {
        verdict: v,
        facts: facts.clone(),
        procedure: Some(p),
        covers,
        same,
    }
}

#[cfg(test)]
#[path = "dental_tests.rs"]
mod tests;
