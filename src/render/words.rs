//! The small words every printer of answers shares: the unverified mark, section headings,
//! where, how and by whom a step is done, and the sources block in full. Nothing here decides
//! anything.

use std::fmt::Write as _;

use super::t;
use super::wire::CitationJson;
use super::wrap::wrap;
use crate::text::Lang;
use crate::vocab::{Channel, Place, Who};

/// " (待核对)" after statements resting only on reported sources.
pub fn unverified_mark(lang: Lang, unverified: bool) -> &'static str {
    match (unverified, lang) {
        (false, _) => "",
        (true, Lang::Zh) => " (待核对)",
        (true, Lang::En) => " (unverified)",
    }
}

pub fn heading(out: &mut String, title: &str) {
    let _ = write!(out, "\n{}\n", console::style(title).bold());
}

pub fn place(lang: Lang, p: Place) -> &'static str {
    match p {
        Place::Origin => t(lang, "转出地", "origin"),
        Place::Destination => t(lang, "转入地", "destination"),
        Place::Either => t(lang, "两地均可", "either place"),
        Place::Local => t(lang, "参保地", "insured place"),
        Place::Care => t(lang, "就医地", "place of care"),
    }
}

pub fn channel(lang: Lang, c: Channel) -> &'static str {
    match c {
        Channel::Online => t(lang, "线上", "online"),
        Channel::Offline => t(lang, "线下", "offline"),
        Channel::Phone => t(lang, "电话", "phone"),
        Channel::Wait => t(lang, "等待", "wait"),
    }
}

pub fn who(lang: Lang, w: Who) -> &'static str {
    match w {
        Who::Person => t(lang, "本人", "you"),
        Who::Employer => t(lang, "单位", "employer"),
        Who::Agency => t(lang, "经办机构", "agency"),
    }
}

/// The "Sources" block in full: the legend of the unverified mark first, then each document
/// cited with its issuer and the articles relied on, wrapped at this run's width. The article
/// pointers quote the Chinese text, so they are shown in Chinese output only (JSON always
/// carries them).
pub fn sources(out: &mut String, lang: Lang, citations: &[CitationJson]) {
    if citations.is_empty() {
        return;
    }
    let w = super::layout::get().width;
    heading(out, t(lang, "依据", "Sources"));
    let reported = |c: &CitationJson| c.evidence == "reported";
    if citations.iter().any(reported) {
        let legend = t(
            lang,
            "标注\"待核对\"的内容仅见于转载或二手资料,办理前请向当地医保经办机构确认。",
            "Items marked \"unverified\" rest on secondary reports only; confirm with the local medical-insurance agency before acting.",
        );
        push_lines(out, wrap(legend, "  ", 2, w));
    }
    for c in citations {
        let number = if c.doc_no.is_empty() {
            String::new()
        } else {
            format!("{} ", c.doc_no)
        };
        let text = format!(
            "[{}] {number}《{}》 {}, {}{}",
            c.id,
            c.title,
            c.issuer,
            c.published,
            unverified_mark(lang, reported(c))
        );
        push_lines(out, wrap(&text, "  ", 6, w));
        if lang == Lang::Zh {
            for a in &c.articles {
                push_lines(out, wrap(a, "      ", 8, w));
            }
        }
    }
}

/// Lines, each ended with a newline.
pub fn push_lines(out: &mut String, lines: Vec<String>) {
    for l in lines {
        out.push_str(&l);
        out.push('\n');
    }
}
