//! `rules/refund.toml`: the duplicate-payment refund cases as a table. Questions (one per
//! fact `yibao refund` can ask, with their answers), cases (the answers each needs, what the
//! source concludes, what comes back and what is deducted), region layers with their own
//! cases and steps, and the shared steps, materials and notes. Shape and validation only;
//! walking the table is `checks::decide`.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

use super::items::{FileCtx, ItemData};
use super::names::NameSet;
use crate::rules::diag::Diagnostic;
use crate::rules::documents::Cite;
use crate::text::{Str, Text};
use crate::vocab::Outcome;

/// The facts `yibao refund` can ask (the Facts field and flag names), with the answers each
/// allows (`None`: any answer the file defines).
pub const REFUND_QUESTIONS: &[(&str, Option<&[&str]>)] = &[
    ("situation", None),
    ("scheme", Some(&["employee", "resident"])),
    ("benefit_started", Some(YES_NO)),
    ("subsidised", Some(YES_NO)),
    ("standard_base", Some(YES_NO)),
    ("tier_one", Some(YES_NO)),
    ("years_met", Some(YES_NO)),
];

const YES_NO: &[&str] = &["yes", "no"];

/// One answer to a question.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    pub id: Spanned<Str>,
    pub text: Text,
}

/// One question of the walk-through.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: Spanned<Str>,
    pub text: Text,
    pub option: Vec<Answer>,
}

impl Question {
    pub fn answer(&self, id: &str) -> Option<&Answer> {
        self.option.iter().find(|o| o.id.get_ref() == id)
    }
}

/// One refund case.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub id: Spanned<Str>,
    /// Names people use for it, matched by `--case` like the id.
    #[serde(default)]
    pub aliases: Vec<Spanned<Str>>,
    pub name: Text,
    /// What the source concludes.
    pub outcome: Outcome,
    /// The answers this case needs, by question id; a question not named takes any answer.
    #[serde(default)]
    pub when: BTreeMap<Spanned<String>, Vec<Spanned<String>>>,
    /// What comes back (or that nothing does).
    pub refund: Text,
    /// What is taken off the refund.
    #[serde(default)]
    pub deducted: Option<Text>,
    pub cite: Cite,
    #[serde(default)]
    pub also: Vec<Cite>,
    #[serde(default)]
    pub note: Vec<ItemData>,
}

impl Case {
    pub fn cites(&self) -> impl Iterator<Item = &Cite> {
        std::iter::once(&self.cite).chain(self.also.iter())
    }

    /// The answers allowed for `question`; `None` when any answer will do.
    pub fn allows(&self, question: &str) -> Option<Vec<&str>> {
        self.when
            .iter()
            .find(|(k, _)| k.get_ref() == question)
            .map(|(_, v)| v.iter().map(|a| a.get_ref().as_str()).collect())
    }

    pub fn names(&self) -> impl Iterator<Item = &Spanned<Str>> {
        std::iter::once(&self.id).chain(self.aliases.iter())
    }
}

/// A region's own cases and steps (a province or pooling area, by code).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionLayer {
    pub code: Spanned<String>,
    #[serde(default)]
    pub case: Vec<Case>,
    #[serde(default)]
    pub step: Vec<ItemData>,
}

/// `rules/refund.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RefundFile {
    #[serde(default)]
    pub reviewed_on: Option<Spanned<Datetime>>,
    #[serde(default)]
    pub question: Vec<Question>,
    /// The general cases.
    #[serde(default)]
    pub case: Vec<Case>,
    #[serde(default)]
    pub region: Vec<RegionLayer>,
    #[serde(default)]
    pub step: Vec<ItemData>,
    #[serde(default)]
    pub material: Vec<ItemData>,
    #[serde(default)]
    pub note: Vec<ItemData>,
}

impl RefundFile {
    /// Every case with the region layer it belongs to (`None`: general).
    pub fn cases(&self) -> impl Iterator<Item = (Option<&str>, &Case)> {
        self.case
            .iter()
            .map(|c| (None, c))
            .chain(self.region.iter().flat_map(|r| {
                r.case
                    .iter()
                    .map(move |c| (Some(r.code.get_ref().as_str()), c))
            }))
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.question.iter().find(|q| q.id.get_ref() == id)
    }

    /// The case called `name` (id or alias, case-insensitive).
    pub fn find(&self, name: &str) -> Option<(Option<&str>, &Case)> {
        let name = super::names::normalize(name);
        self.cases().find(|(_, c)| {
            c.names()
                .any(|n| super::names::normalize(n.get_ref()) == name)
        })
    }
}

pub fn check(ctx: &FileCtx, file: &RefundFile, out: &mut Vec<Diagnostic>) {
    ctx.ids("question", file.question.iter().map(|q| &q.id), out);
    for q in &file.question {
        let id = q.id.get_ref().as_str();
        let Some((_, allowed)) = REFUND_QUESTIONS.iter().find(|(k, _)| *k == id) else {
            let known: Vec<&str> = REFUND_QUESTIONS.iter().map(|(k, _)| *k).collect();
            out.push(ctx.at(
                q.id.span(),
                format!(
                    "question \"{id}\" is not a fact yibao refund can take (known: {})",
                    known.join(", ")
                ),
            ));
            continue;
        };
        ctx.ids(
            &format!("question `{id}` options"),
            q.option.iter().map(|o| &o.id),
            out,
        );
        for o in &q.option {
            if allowed.is_some_and(|a| !a.contains(&o.id.get_ref().as_str())) {
                out.push(ctx.at(
                    o.id.span(),
                    format!(
                        "question `{id}`: answer \"{}\" is not one of {}",
                        o.id.get_ref(),
                        allowed.unwrap_or_default().join(", ")
                    ),
                ));
            }
        }
    }

    ctx.ids("case", file.cases().map(|(_, c)| &c.id), out);
    let mut names = NameSet::new("case");
    for (_, case) in file.cases() {
        names.id(&case.id);
    }
    for (_, case) in file.cases() {
        names.add(ctx, case.id.get_ref(), &case.aliases, out);
        check_case(ctx, file, case, out);
    }
    for layer in &file.region {
        super::check_region_code(ctx, "[[region]]", &layer.code, out);
        ctx.steps("region step", &layer.step, out);
    }
    check_overlaps(ctx, &file.case, out);
    for layer in &file.region {
        check_overlaps(ctx, &layer.case, out);
    }
    ctx.steps("step", &file.step, out);
    ctx.items("material", &file.material, out);
    ctx.items("note", &file.note, out);
    super::check_reviewed(ctx, file.reviewed_on.as_ref(), out);
}

fn check_case(ctx: &FileCtx, file: &RefundFile, case: &Case, out: &mut Vec<Diagnostic>) {
    let cid = case.id.get_ref();
    ctx.cites(&format!("case.{cid}"), case.cites(), out);
    ctx.items(&format!("case `{cid}` notes"), &case.note, out);
    for (question, answers) in &case.when {
        let Some(q) = file.question(question.get_ref()) else {
            out.push(ctx.at(
                question.span(),
                format!(
                    "case `{cid}`: `when` names \"{}\", which is not a [[question]] of this file",
                    question.get_ref()
                ),
            ));
            continue;
        };
        if answers.is_empty() {
            out.push(ctx.at(
                question.span(),
                format!(
                    "case `{cid}`: give at least one answer for `{}`",
                    question.get_ref()
                ),
            ));
        }
        for a in answers {
            if q.answer(a.get_ref()).is_none() {
                let ids = q.option.iter().map(|o| o.id.get_ref().as_str());
                let hint = crate::text::closest(a.get_ref(), ids)
                    .map_or(String::new(), |b| format!("; did you mean \"{b}\"?"));
                out.push(ctx.at(
                    a.span(),
                    format!(
                        "case `{cid}`: \"{}\" is not an answer of question `{}`{hint}",
                        a.get_ref(),
                        question.get_ref()
                    ),
                ));
            }
        }
    }
}

/// Two cases of one layer may not both fit the same answers: the table would not decide.
fn check_overlaps(ctx: &FileCtx, cases: &[Case], out: &mut Vec<Diagnostic>) {
    for (i, a) in cases.iter().enumerate() {
        for b in &cases[..i] {
            let disjoint = a.when.iter().any(|(q, answers)| {
                b.allows(q.get_ref()).is_some_and(|other| {
                    !answers
                        .iter()
                        .any(|x| other.contains(&x.get_ref().as_str()))
                })
            });
            if !disjoint {
                out.push(ctx.at(
                    a.id.span(),
                    format!(
                        "cases `{}` and `{}` of the same layer both fit some answers; give them a `when` answer that tells them apart",
                        a.id.get_ref(),
                        b.id.get_ref()
                    ),
                ));
            }
        }
    }
}
