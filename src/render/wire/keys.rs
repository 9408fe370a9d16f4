//! The keys of the parts of answers written once while a batch runs (`reuse`): a text the
//! rules word as they are is keyed by where it lives (it lives as long as the rules), any
//! other string by its bytes, so a step, a line or a waiting period worded the same for many
//! answers is escaped only once. Each key names every field its object writes.

use chrono::{Datelike as _, NaiveDate};

use super::lists::{Cited, RulesItems};
use super::{
    CitationIds, CitationJson, DeadlineJson, DeadlinesBasis, DeadlinesFromJson, ItemJson, JsonText,
    LineJson, PlaceJson, StatusJson, StepJson, WaitingJson, WindowJson,
};
use crate::render::reuse::{KeyBuilder, Reusable};
use crate::rules::RuleSet;
use crate::rules::documents::Evidence;
use crate::verdict::{Citation, Said};

impl JsonText<'_> {
    /// Adds this text to a key: where it lives when it is kept, else its bytes.
    fn key_in<'k>(&self, key: &'k mut KeyBuilder) -> Option<&'k mut KeyBuilder> {
        match self.kept {
            Some(kept) => key.word(0)?.str(Some(kept)),
            None => key.word(1)?.text(&self.text),
        }
    }

    /// Adds an id or a cite of the part this text belongs to: where it lives when the text
    /// is the rules' own (a statement of the rules, whose id and source are theirs too), else
    /// its bytes.
    fn beside<'k>(&self, key: &'k mut KeyBuilder, s: Option<&str>) -> Option<&'k mut KeyBuilder> {
        match self.kept {
            Some(_) => key.str(s),
            None => key.some_text(s),
        }
    }
}

/// The kind of object a key is for, its first word: objects of two kinds never share a key.
enum Kind {
    Item = 1,
    Step,
    Citation,
    Line,
    Deadline,
    Place,
    DeadlinesFrom,
    Waiting,
    Status,
    Window,
    RulesItems,
    Citations,
    CitationIds,
}

/// Where a part of the rules lives, as a word (the rules outlive the batch).
fn at<T>(part: &T) -> usize {
    std::ptr::from_ref(part).addr()
}

/// A day as a word.
fn day(d: NaiveDate) -> usize {
    d.num_days_from_ce() as usize
}

impl KeyBuilder {
    /// Starts a key with the kind of object it is for.
    fn kind(&mut self, kind: Kind) -> Option<&mut KeyBuilder> {
        self.word(kind as usize)
    }

    /// Adds a number that may be absent (two words).
    fn number(&mut self, n: Option<impl Into<i64>>) -> Option<&mut KeyBuilder> {
        match n {
            Some(n) => self.word(1)?.word(n.into() as usize),
            None => self.word(0)?.word(0),
        }
    }

    /// Adds how firm a part's sources are: unverified, and the strongest level.
    fn level(&mut self, unverified: bool, evidence: Option<Evidence>) -> Option<&mut KeyBuilder> {
        self.word(usize::from(unverified))?
            .word(evidence.map_or(0, |e| e as usize + 1))
    }

    /// Adds a day that may be absent (two words).
    fn day(&mut self, d: Option<NaiveDate>) -> Option<&mut KeyBuilder> {
        self.number(d.map(|d| d.num_days_from_ce()))
    }
}

impl Reusable for ItemJson<'_> {
    fn key(&self, key: &mut KeyBuilder) -> Option<()> {
        self.text.key_in(key.kind(Kind::Item)?)?;
        let key = match &self.fix {
            Some(f) => f.key_in(key.word(1)?)?,
            None => key.word(0)?,
        };
        self.text.beside(key, Some(self.id))?;
        self.text.beside(key, self.cite)?;
        key.level(self.unverified, self.evidence)?;
        Some(())
    }
}

impl Reusable for RulesItems<'_> {
    fn key(&self, key: &mut KeyBuilder) -> Option<()> {
        // Each item is worded from the rules alone: where it lives says what it writes.
        let key = (key.kind(Kind::RulesItems)?)
            .word(self.lang as usize)?
            .word(self.voice as usize)?
            .word(self.list.len())?;
        for s in self.list {
            let Said::Rule(item) = s.said else {
                return None;
            };
            (key.word(at(item))?).word(usize::from(s.unverified))?;
        }
        Some(())
    }
}

impl Reusable for Cited<'_> {
    fn key(&self, key: &mut KeyBuilder) -> Option<()> {
        // Each citation writes its document's fields (where the document lives says what
        // they are) and the articles cited of it, which follow from the articles in the
        // order cited: each where it lives, when that is for the whole run.
        let v = self.verdict;
        let key = documents(key.kind(Kind::Citations)?, &v.citations, self.rules)?;
        key.word(v.articles.len())?;
        for (doc, article) in &v.articles {
            // The article's length and the document's number (16 bits) share a word.
            let article = article.kept()?;
            (key.word(article.as_ptr().addr())?).word(article.len() << 16 | doc.index())?;
        }
        Some(())
    }
}

impl Reusable for CitationIds<'_> {
    fn key(&self, key: &mut KeyBuilder) -> Option<()> {
        documents(key.kind(Kind::CitationIds)?, self.cited, self.rules)?;
        Some(())
    }
}

/// Adds the documents cited: how many, and where each lives (which says what it writes).
fn documents<'k>(
    key: &'k mut KeyBuilder,
    cited: &[Citation],
    rules: &RuleSet,
) -> Option<&'k mut KeyBuilder> {
    key.word(cited.len())?;
    for c in cited {
        key.word(at(rules.documents.get(c.doc)))?;
    }
    Some(key)
}

impl Reusable for StepJson<'_> {
    fn key(&self, key: &mut KeyBuilder) -> Option<()> {
        let key = self.text.key_in(key.kind(Kind::Step)?)?;
        self.text.beside(key, Some(self.id))?;
        (self.text.beside(key, self.cite)?)
            .word(self.place as usize)?
            .word(self.channel as usize)?
            .word(self.who as usize)?
            .level(self.unverified, self.evidence)?;
        Some(())
    }
}

impl Reusable for CitationJson<'_> {
    fn key(&self, key: &mut KeyBuilder) -> Option<()> {
        // A document of the rules: its title is theirs, and so are its other fields; the
        // articles must be too.
        key.kind(Kind::Citation)?
            .str(Some(self.id))?
            .str(Some(self.title.kept?))?;
        for a in &self.articles {
            key.str(Some(a.kept()?))?;
        }
        Some(())
    }
}

impl Reusable for LineJson {
    fn key(&self, key: &mut KeyBuilder) -> Option<()> {
        (key.kind(Kind::Line)?.text(&self.id)?)
            .text(&self.label)?
            .text(&self.value)?;
        Some(())
    }
}

impl Reusable for DeadlineJson<'_> {
    fn key(&self, key: &mut KeyBuilder) -> Option<()> {
        key.kind(Kind::Deadline)?
            .text(self.id)?
            .text(self.label)?
            .word(day(self.date))?
            .word(day(self.from))?
            .word(self.working_days as usize)?
            .word(usize::from(self.estimated))?
            .text(self.cite)?
            .level(self.unverified, self.evidence)?;
        Some(())
    }
}

impl Reusable for PlaceJson<'_> {
    fn key(&self, key: &mut KeyBuilder) -> Option<()> {
        // The name is the division list's, which lives as long as the program.
        key.kind(Kind::Place)?
            .text(self.code)?
            .str(Some(self.name))?;
        Some(())
    }
}

impl Reusable for DeadlinesFromJson {
    fn key(&self, key: &mut KeyBuilder) -> Option<()> {
        let basis = match self.basis {
            DeadlinesBasis::Submitted => 0,
            DeadlinesBasis::IfAppliedToday => 1,
        };
        key.kind(Kind::DeadlinesFrom)?
            .word(day(self.date))?
            .word(basis)?;
        Some(())
    }
}

impl Reusable for WaitingJson<'_> {
    fn key(&self, key: &mut KeyBuilder) -> Option<()> {
        (key.kind(Kind::Waiting)?.text(self.rule)?)
            .number(self.gap_months)?
            .number(self.missed_years)?
            .number(self.months)?
            .number(self.up_to_months)?
            .number(self.min_after_repair_months)?
            .text(&self.text)?
            .word(self.cites.len())?;
        for cite in &self.cites {
            key.text(cite)?;
        }
        (key.word(usize::from(self.unverified))?)
            .word(usize::from(self.conditional))?
            .day(self.benefits_from)?
            .word(usize::from(self.benefits_from_latest))?
            .day(self.benefits_from_after_repair)?;
        match &self.missed_years_reading {
            Some(r) => (key.word(1)?.text(r.used)?.text(r.other)?)
                .word(r.other_months as usize)?
                .day(r.other_benefits_from)?,
            None => key.word(0)?,
        }
        .some_text(self.benefits_text.as_deref())?;
        Some(())
    }
}

impl Reusable for StatusJson {
    fn key(&self, key: &mut KeyBuilder) -> Option<()> {
        (key.kind(Kind::Status)?.word(day(self.submitted))?)
            .word(day(self.as_of))?
            .word(self.working_days_elapsed as usize)?
            .word(usize::from(self.estimated))?
            .some_text(self.next)?
            .day(self.next_date)?
            .number(self.working_days_left)?
            .word(self.passed.len())?;
        for passed in &self.passed {
            key.text(passed)?;
        }
        (key.word(usize::from(self.overdue))?)
            .text(&self.text)?
            .some_text(self.next_step)?;
        Some(())
    }
}

impl Reusable for WindowJson {
    fn key(&self, key: &mut KeyBuilder) -> Option<()> {
        (key.kind(Kind::Window)?.word(day(self.from))?)
            .word(day(self.to))?
            .number(Some(self.for_year))?
            .word(usize::from(self.estimated))?
            .text(self.state)?
            .number(self.days_left)?
            .number(self.fixed_waiting_months)?
            .day(self.late_benefits_from)?
            .some_text(self.region.as_deref())?
            .text(&self.text)?;
        Some(())
    }
}
