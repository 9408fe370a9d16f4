//! `yibao guide [TOPIC]`: the procedure topics of `rules/guides.toml`, listed, or one shown
//! as headed lists of cited statements. An unknown topic is a usage error with a suggestion.

use std::fmt::Write as _;

use schemars::JsonSchema;
use serde::Serialize;
use serde_json::Value;

use crate::error::Error;
use crate::render::verdict::{channel, heading, sources, unverified_mark};
use crate::render::wire::{CitationJson, JsonText};
use crate::render::words::push_lines;
use crate::render::wrap::wrap;
use crate::render::{Report, t, table};
use crate::request::Request;
use crate::rules::procedures::guides::Topic;
use crate::text::{Lang, Str, Text, closest};
use crate::verdict::Verdict;
use crate::vocab::{Channel, Outcome};

pub const SCHEMA: &str = "yibao.guide/1";

/// One statement of a topic, with the channel it uses where it says.
#[derive(Debug, Serialize, JsonSchema)]
pub struct GuideItem {
    pub id: String,
    pub text: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<Text>,
    /// The source id this rests on.
    pub cite: String,
    /// True when the source is only reported (待核对).
    pub unverified: bool,
    pub channel: Option<Channel>,
}

/// A document a topic rests on.
#[derive(Debug, Serialize, JsonSchema)]
pub struct GuideCitation {
    pub id: String,
    pub title: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub doc_no: String,
    pub issuer: String,
    pub published: chrono::NaiveDate,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub url: String,
    pub evidence: String,
    pub articles: Vec<String>,
}

/// One heading of a topic, ready to show.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Section {
    pub id: String,
    pub heading: Text,
    pub items: Vec<GuideItem>,
}

/// One topic.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Guide {
    pub topic: String,
    pub title: Text,
    pub summary: Text,
    pub sections: Vec<Section>,
    pub citations: Vec<GuideCitation>,
}

/// A topic in the list.
#[derive(Debug, Serialize, JsonSchema)]
pub struct TopicRow {
    pub id: String,
    pub title: Text,
    pub summary: Text,
    pub aliases: Vec<String>,
}

/// The list of topics.
#[derive(Debug, Serialize, JsonSchema)]
pub struct TopicList {
    pub topics: Vec<TopicRow>,
}

/// The `--json` shape of `yibao guide`: the list, or one topic.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum GuideJson {
    List(TopicList),
    Topic(Guide),
}

pub fn run(topic: Option<&str>, req: &Request) -> Result<Box<dyn Report>, Error> {
    let policy = req.policy(None)?;
    let guides = &policy.rules.procedures.guides;
    let Some(name) = topic else {
        return Ok(Box::new(TopicList {
            topics: guides
                .topic
                .iter()
                .map(|t| TopicRow {
                    id: t.id.get_ref().to_string(),
                    title: t.title.clone(),
                    summary: t.summary.clone(),
                    aliases: t.aliases.iter().map(|a| a.get_ref().to_string()).collect(),
                })
                .collect(),
        }));
    };
    let Some(found) = guides.find(name) else {
        return Err(unknown(name, &guides.topic));
    };
    // Citations are gathered the way a verdict gathers them.
    let mut scratch = Verdict::new(Outcome::Yes);
    let sections = found
        .section
        .iter()
        .map(|s| Section {
            id: s.id.get_ref().to_string(),
            heading: s.heading.clone(),
            items: s
                .item
                .iter()
                .map(|i| GuideItem {
                    id: i.id.get_ref().to_string(),
                    text: i.text.clone(),
                    fix: i.fix.clone(),
                    cite: i.cite.source.get_ref().to_string(),
                    unverified: scratch.cite_all(&policy, i.cites()),
                    channel: i.channel,
                })
                .collect(),
        })
        .collect();
    Ok(Box::new(Guide {
        topic: found.id.get_ref().to_string(),
        title: found.title.clone(),
        summary: found.summary.clone(),
        sections,
        citations: (scratch.citations.iter())
            .map(|c| {
                let doc = policy.rules.documents.get(c.doc);
                GuideCitation {
                    id: doc.id.to_string(),
                    title: doc.title.to_string(),
                    doc_no: doc.doc_no.to_string(),
                    issuer: doc.issuer.to_string(),
                    published: doc.published,
                    url: doc.url.to_string(),
                    evidence: doc.evidence.to_string(),
                    articles: (scratch.articles_of(c.doc).into_iter())
                        .map(|a| a.to_string())
                        .collect(),
                }
            })
            .collect(),
    }))
}

fn unknown(name: &str, topics: &[Topic]) -> Error {
    let ids: Vec<&str> = topics.iter().map(|t| t.id.get_ref().as_str()).collect();
    let names = topics
        .iter()
        .flat_map(|t| std::iter::once(t.id.get_ref()).chain(t.aliases.iter().map(|a| a.get_ref())));
    let suggestion = closest(name, names.map(|n| n.as_str()))
        .and_then(|n| topics.iter().find(|t| t.answers_to(n)))
        .map(|t| t.id.get_ref().as_str());
    let (hint_zh, hint_en) = match suggestion {
        Some(s) => (
            format!("您是不是要找 '{s}'?"),
            format!("did you mean '{s}'? "),
        ),
        None => (String::new(), String::new()),
    };
    Error::usage(
        format!(
            "没有名为 '{name}' 的指南。{hint_zh}可用的主题: {};运行 'yibao guide' 查看说明",
            ids.join(", ")
        ),
        format!(
            "no guide called '{name}'; {hint_en}topics: {} (run 'yibao guide' to list them)",
            ids.join(", ")
        ),
    )
}

impl Report for Guide {
    fn schema(&self) -> &'static str {
        SCHEMA
    }

    fn json(&self, _explain: bool) -> Value {
        serde_json::to_value(self).unwrap_or_default()
    }

    fn human(&self, lang: Lang, _explain: bool) -> String {
        let mut out = String::new();
        let w = crate::render::layout::get().width;
        for line in wrap(self.title.get(lang), "", 2, w) {
            let _ = writeln!(out, "{}", console::style(line).bold());
        }
        push_lines(&mut out, wrap(self.summary.get(lang), "", 0, w));
        for s in &self.sections {
            heading(&mut out, s.heading.get(lang));
            for i in &s.items {
                let tag = (i.channel).map_or(String::new(), |c| format!("[{}] ", channel(lang, c)));
                let text = format!(
                    "{tag}{}{}",
                    i.text.get(lang),
                    unverified_mark(lang, i.unverified)
                );
                push_lines(&mut out, wrap(&text, "  - ", 4, w));
            }
        }
        let articles: Vec<Vec<Str>> = (self.citations.iter())
            .map(|c| c.articles.iter().map(Str::from).collect())
            .collect();
        let cited: Vec<CitationJson> = (self.citations.iter().zip(&articles))
            .map(|(c, articles)| CitationJson {
                id: &c.id,
                title: JsonText::made(&c.title),
                doc_no: &c.doc_no,
                issuer: JsonText::made(&c.issuer),
                published: c.published,
                url: &c.url,
                evidence: &c.evidence,
                articles: articles.iter().collect(),
            })
            .collect();
        sources(&mut out, lang, &cited);
        out
    }
}

impl Report for TopicList {
    fn schema(&self) -> &'static str {
        SCHEMA
    }

    fn json(&self, _explain: bool) -> Value {
        serde_json::to_value(self).unwrap_or_default()
    }

    fn human(&self, lang: Lang, _explain: bool) -> String {
        let mut tb = table::new(&[t(lang, "主题", "topic"), t(lang, "内容", "about")]);
        for row in &self.topics {
            let names = if row.aliases.is_empty() {
                row.id.clone()
            } else {
                format!("{} ({})", row.id, row.aliases.join(", "))
            };
            tb.add_row(vec![names, row.title.get(lang).to_string()]);
        }
        let mut out = table::finish(&tb);
        let _ = writeln!(
            out,
            "{}",
            t(
                lang,
                "查看某个主题: yibao guide 主题名",
                "To read one: yibao guide TOPIC"
            )
        );
        out
    }
}
