//! Walking a case table (`rules/refund.toml`) as a decision tree derived from the data: which
//! cases still fit the answers given, which single case they decide, and which question to
//! ask next (the one that best splits the cases left). Region layers are one more question
//! (`region`): a region case applies only there, and wins over a general case wherever both
//! fit. Pure: no terminal here; the command asks, this module only chooses.

use std::collections::BTreeMap;

use crate::rules::procedures::refund::{Case, RefundFile};

/// The question id under which the region (a division code) is answered.
pub const REGION: &str = "region";

/// Answers given so far: question id → answer id (for `region`, a division code).
pub type Answers = BTreeMap<String, String>;

/// A case with the region layer it belongs to (`None`: general).
#[derive(Debug, Clone, Copy)]
pub struct Row<'a> {
    pub layer: Option<&'a str>,
    pub case: &'a Case,
}

impl<'a> Row<'a> {
    /// The answers this row allows for `question`; `None`: any.
    pub fn allows(&self, question: &str) -> Option<Vec<&'a str>> {
        if question == REGION {
            return self.layer.map(|l| vec![l]);
        }
        self.case.allows(question)
    }

    /// The questions this row needs answered, the region first.
    pub fn needs(&self) -> Vec<&'a str> {
        let region = self.layer.map(|_| REGION);
        region
            .into_iter()
            .chain(self.case.when.keys().map(|k| k.get_ref().as_str()))
            .collect()
    }

    /// True if every answer given is one this row allows.
    pub fn fits(&self, answers: &Answers) -> bool {
        answers.iter().all(|(q, a)| match self.allows(q) {
            None => true,
            Some(list) if q == REGION => list.iter().any(|code| in_region(code, a)),
            Some(list) => list.contains(&a.as_str()),
        })
    }

    /// Needed questions not answered yet.
    pub fn open(&self, answers: &Answers) -> Vec<&'a str> {
        self.needs()
            .into_iter()
            .filter(|q| !answers.contains_key(*q))
            .collect()
    }
}

/// True if a place (`code`) lies within a layer: the same code, or a city of that province.
pub fn in_region(layer: &str, code: &str) -> bool {
    layer == code || (layer.ends_with("0000") && layer.get(..2) == code.get(..2))
}

/// Every row of the table.
pub fn rows(file: &RefundFile) -> Vec<Row<'_>> {
    file.cases()
        .map(|(layer, case)| Row { layer, case })
        .collect()
}

/// The rows that fit the answers, without general rows a fitting region row overrides.
pub fn candidates<'a>(file: &'a RefundFile, answers: &Answers) -> Vec<Row<'a>> {
    let fitting: Vec<Row> = rows(file).into_iter().filter(|r| r.fits(answers)).collect();
    fitting
        .iter()
        .copied()
        .filter(|r| !overridden(r, &fitting, answers))
        .collect()
}

/// A general row is overridden when the region is known and a fitting row of that region
/// covers every answer still open for the general row.
fn overridden(row: &Row, fitting: &[Row], answers: &Answers) -> bool {
    row.layer.is_none()
        && answers.contains_key(REGION)
        && fitting.iter().any(|region_row| {
            region_row.layer.is_some()
                && region_row.case.when.iter().all(|(q, theirs)| {
                    let q = q.get_ref().as_str();
                    answers.contains_key(q)
                        || row.allows(q).is_some_and(|mine| {
                            mine.iter().all(|m| theirs.iter().any(|t| t.get_ref() == m))
                        })
                })
        })
}

/// Where the table stands for some answers.
#[derive(Debug)]
pub enum State<'a> {
    /// One case fits and everything it needs is answered.
    Decided(Row<'a>),
    /// Still open: the rows that fit (none: the table has no case for these answers).
    Open(Vec<Row<'a>>),
}

pub fn state<'a>(file: &'a RefundFile, answers: &Answers) -> State<'a> {
    let rows = candidates(file, answers);
    match rows.as_slice() {
        [only] if only.open(answers).is_empty() => State::Decided(*only),
        _ => State::Open(rows),
    }
}

/// The question to ask next, or `None` when no row needs an unanswered, unskipped question.
/// Among the questions the rows need, the one whose largest group of remaining rows (over
/// its answers) is smallest, so a question that splits comes before one that only confirms;
/// ties go to the order of the file.
pub fn next_question<'a>(
    file: &'a RefundFile,
    rows: &[Row<'a>],
    answers: &Answers,
    skipped: &[String],
) -> Option<&'a str> {
    let order =
        std::iter::once(REGION).chain(file.question.iter().map(|q| q.id.get_ref().as_str()));
    let mut best: Option<(usize, &str)> = None;
    for q in order {
        if answers.contains_key(q) || skipped.iter().any(|s| s == q) {
            continue;
        }
        let needed = rows.iter().any(|r| r.needs().contains(&q));
        if !needed {
            continue;
        }
        let largest = options(file, rows, q)
            .iter()
            .map(|a| {
                rows.iter()
                    .filter(|r| r.allows(q).is_none_or(|l| l.contains(a)))
                    .count()
            })
            .max()
            .unwrap_or(rows.len());
        if best.is_none_or(|(b, _)| largest < b) {
            best = Some((largest, q));
        }
    }
    best.map(|(_, q)| q)
}

/// The answers worth offering for `question`: those some remaining row allows, in the
/// file's order (every answer of the question when a row takes any). For the region, the
/// layer codes of the rows.
pub fn options<'a>(file: &'a RefundFile, rows: &[Row<'a>], question: &str) -> Vec<&'a str> {
    if question == REGION {
        let mut codes: Vec<&str> = rows.iter().filter_map(|r| r.layer).collect();
        codes.dedup();
        return codes;
    }
    let Some(q) = file.question(question) else {
        return Vec::new();
    };
    let any = rows.iter().any(|r| r.allows(question).is_none());
    q.option
        .iter()
        .map(|o| o.id.get_ref().as_str())
        .filter(|id| {
            any || rows
                .iter()
                .any(|r| r.allows(question).is_some_and(|l| l.contains(id)))
        })
        .collect()
}
