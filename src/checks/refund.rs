//! `yibao refund`: can money paid twice come back, how much, and how to apply. The cases are
//! the table in `rules/refund.toml`; `decide` finds the case the answers lead to (or the one
//! named with `--case`). `yes`/`no` is what the case's source says, except that a `yes` or a
//! `no` resting only on reported sources is `conditional`; a case not reached yet, a region not
//! known for a region's case, or answers no case fits are `conditional` too.

use serde::Deserialize;

use super::Scheme;
use super::answers::word;
use super::decide::{self, Answers, REGION, Row, State};
use crate::rules::Policy;
use crate::rules::procedures::refund::RefundFile;
use crate::text::Str;
use crate::verdict::{Said, Statement, Verdict, Warning, Why};
use crate::vocab::{Channel, Outcome, Place, Who};

pub const SCHEMA: &str = "yibao.refund/1";

/// What `yibao refund` is asked; field names are the flag names. `None`: not known.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Facts {
    /// A case id or alias, chosen directly instead of answering the questions.
    pub case: Option<String>,
    /// Where the person is insured (a division code).
    pub region: Option<String>,
    /// What happened (an answer id of the `situation` question).
    pub situation: Option<String>,
    /// The scheme of the money asked back.
    pub scheme: Option<Scheme>,
    #[serde(deserialize_with = "super::answers::yes_no")]
    pub benefit_started: Option<bool>,
    #[serde(deserialize_with = "super::answers::yes_no")]
    pub subsidised: Option<bool>,
    #[serde(deserialize_with = "super::answers::yes_no")]
    pub standard_base: Option<bool>,
    #[serde(deserialize_with = "super::answers::yes_no")]
    pub tier_one: Option<bool>,
    #[serde(deserialize_with = "super::answers::yes_no")]
    pub years_met: Option<bool>,
}

impl Facts {
    /// The answers as the table names them.
    pub fn answers(&self) -> Answers {
        let yes_no = |b: bool| word(b).to_string();
        let scheme = self.scheme.map(|s| s.flag().to_string());
        [
            (REGION, self.region.clone()),
            ("situation", self.situation.clone()),
            ("scheme", scheme),
            ("benefit_started", self.benefit_started.map(yes_no)),
            ("subsidised", self.subsidised.map(yes_no)),
            ("standard_base", self.standard_base.map(yes_no)),
            ("tier_one", self.tier_one.map(yes_no)),
            ("years_met", self.years_met.map(yes_no)),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k.to_string(), v)))
        .collect()
    }
}

impl Facts {
    /// Records one answer as the table names it (the inverse of `answers`); an answer that
    /// does not fit the fact is ignored.
    pub fn set(&mut self, question: &str, answer: &str) {
        let yes_no = match answer {
            "yes" => Some(true),
            "no" => Some(false),
            _ => None,
        };
        match question {
            REGION => self.region = Some(answer.to_string()),
            "situation" => self.situation = Some(answer.to_string()),
            "scheme" => {
                self.scheme = match answer {
                    "employee" => Some(Scheme::Employee),
                    "resident" => Some(Scheme::Resident),
                    _ => None,
                }
            }
            "benefit_started" => self.benefit_started = yes_no,
            "subsidised" => self.subsidised = yes_no,
            "standard_base" => self.standard_base = yes_no,
            "tier_one" => self.tier_one = yes_no,
            "years_met" => self.years_met = yes_no,
            _ => {}
        }
    }
}

/// The case the answers led to (or that was named).
#[derive(Debug, Clone, Copy)]
pub struct Found<'a> {
    pub row: Row<'a>,
    /// What the case's sources conclude, before the region and the evidence are weighed.
    pub stated: Outcome,
    /// Every source of the case is only reported.
    pub unverified: bool,
}

/// The answer: the verdict, the facts and answers it rests on, and the case found or the
/// cases still possible.
#[derive(Debug, Clone)]
pub struct Answer<'a> {
    pub verdict: Verdict<'a>,
    pub facts: Facts,
    pub answers: Answers,
    pub found: Option<Found<'a>>,
    /// No single case yet: those that still fit (`None` when none does).
    pub candidates: Option<Vec<Row<'a>>>,
}

/// `policy` is the policy of `facts.region` (national if none).
pub fn check<'a>(facts: &Facts, policy: &Policy<'a>) -> Answer<'a> {
    let file = &policy.rules.procedures.refund;
    let answers = facts.answers();
    let named = facts
        .case
        .as_deref()
        .and_then(|name| file.find(name).map(|(layer, case)| Row { layer, case }));
    let mut a = Answer {
        verdict: Verdict::new(Outcome::Conditional),
        facts: facts.clone(),
        answers,
        found: None,
        candidates: None,
    };
    if let Some(row) = named {
        // A case named directly: its answers are taken as given, all but the region.
        let open = row
            .layer
            .filter(|l| !(a.answers.get(REGION)).is_some_and(|place| decide::in_region(l, place)));
        a.found = Some(case_verdict(
            &mut a.verdict,
            policy,
            file,
            row,
            open.is_some(),
            &a.answers,
        ));
    } else {
        match decide::state(file, &a.answers) {
            State::Decided(row) => {
                a.found = Some(case_verdict(
                    &mut a.verdict,
                    policy,
                    file,
                    row,
                    false,
                    &a.answers,
                ));
            }
            State::Open(rows) => {
                open_verdict(&mut a.verdict, file, &rows, &a.answers);
                a.candidates = Some(rows).filter(|rows| !rows.is_empty());
            }
        }
    }
    a
}

fn case_verdict<'a>(
    v: &mut Verdict<'a>,
    policy: &Policy<'a>,
    file: &'a RefundFile,
    row: Row<'a>,
    region_open: bool,
    answers: &Answers,
) -> Found<'a> {
    let case = row.case;
    let unverified = v.cite_all(policy, case.cites());
    let stated = case.outcome;
    v.outcome = stated;
    for (q, answer) in answers {
        let holds = row.fits(&[(q.clone(), answer.clone())].into());
        let why = Why::Answer {
            question: q.clone(),
            answer: answer.clone(),
        };
        v.trace(Str::from(q.clone()), holds, why);
    }
    if region_open && let Some(layer) = row.layer {
        v.conditions.push(Statement {
            said: Said::RegionRule {
                layer,
                insured: answers.get(REGION).map(|c| Str::from(c.clone())),
                stated,
            },
            unverified: false,
        });
        v.outcome = Outcome::Conditional;
    }
    // Symmetry: a `no` resting only on reported sources is as open as such a `yes`.
    if stated != Outcome::Conditional && unverified {
        v.outcome = Outcome::Conditional;
        v.rests_on_reports();
    }
    for n in &case.note {
        let note = v.rule(policy, n);
        v.notes.push(note);
    }
    if stated != Outcome::No {
        let default = (Place::Local, Channel::Online, Who::Person);
        // A region's own steps follow the first general step of the same channel (its
        // online path after the general online step); any left over come last.
        let mut own: Vec<_> = file
            .region
            .iter()
            .filter(|r| row.layer.is_some_and(|l| l == r.code.get_ref()))
            .flat_map(|r| r.step.iter())
            .collect();
        let mut order = Vec::new();
        for general in &file.step {
            order.push(general);
            let (same, rest): (Vec<_>, Vec<_>) =
                own.into_iter().partition(|s| s.channel == general.channel);
            order.extend(same);
            own = rest;
        }
        for s in order.into_iter().chain(own) {
            let step = v.rule_step(policy, Said::Rule(s), s, default);
            v.steps.push(step);
        }
        for m in &file.material {
            let it = v.rule(policy, m);
            v.materials.push(it);
        }
    }
    for n in &file.note {
        let note = v.rule(policy, n);
        v.notes.push(note);
    }
    Found {
        row,
        stated,
        unverified,
    }
}

/// No single case yet: what is still open and which flags would decide it.
fn open_verdict<'a>(
    v: &mut Verdict<'a>,
    file: &'a RefundFile,
    rows: &[Row<'a>],
    answers: &Answers,
) {
    v.outcome = Outcome::Conditional;
    if rows.is_empty() {
        v.warnings.push(Warning::ListCases);
        return;
    }
    let mut asked = Vec::new();
    while let Some(q) = decide::next_question(file, rows, answers, &asked) {
        asked.push(q.to_string());
        let values = if q == REGION {
            "REGION".to_string()
        } else {
            decide::options(file, rows, q).join("|")
        };
        v.conditions.push(Statement {
            said: Said::Question {
                id: q,
                question: file.question(q),
                values,
            },
            unverified: false,
        });
    }
    for r in rows {
        v.notes.push(Statement {
            said: Said::Candidate(r.case),
            unverified: false,
        });
    }
}

#[cfg(test)]
#[path = "refund_tests.rs"]
mod tests;
