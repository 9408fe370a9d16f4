//! The words of `yibao sources`: the level legend, the list of documents and one document in
//! full, and the message for an id not in the registry.

use std::fmt::Write as _;

use super::say;
use crate::error::Error;
use crate::render::sources::{SourceJson, SourcesReport, UrlHost};
use crate::render::{t, table};
use crate::rules::documents::Evidence;
use crate::rules::review::Concern;
use crate::text::Lang;
use chrono::NaiveDate;

/// A level's name as people read it.
pub fn level(e: Evidence, lang: Lang) -> &'static str {
    match e {
        Evidence::Official => t(lang, "官方", "official"),
        Evidence::FullText => t(lang, "全文", "full text"),
        Evidence::Reported => t(lang, "待核对", "unverified"),
    }
}

/// What a level means, one line each.
pub fn legend(lang: Lang) -> [String; 3] {
    [
        say!(
            lang,
            "官方: 在政府网站或国家媒体逐字刊载的页面上读到原文",
            "official: read on a government host or a state-media page carrying it verbatim"
        ),
        say!(
            lang,
            "全文: 在非官方转载中读到完整原文(文号、发文机关、日期齐全),并与至少一份独立转述一致",
            "full text: the whole document read on a non-official copy (number, issuer, date), agreeing with an independent restatement"
        ),
        say!(
            lang,
            "待核对: 只见于摘要、问答或内容网站;依据它的结论视情况而定,请向当地医保经办机构确认",
            "unverified: seen only in summaries, Q&A or content sites; an answer resting on it is conditional: confirm with the local agency"
        ),
    ]
}

fn host(h: Option<UrlHost>, lang: Lang) -> &'static str {
    match h {
        Some(UrlHost::Government) => t(lang, "政府网站", "government host"),
        Some(UrlHost::StateMedia) => t(lang, "国家媒体", "state media"),
        Some(UrlHost::Other) => t(
            lang,
            "非官方网站(转载或内容网站)",
            "not official (a copy or content site)",
        ),
        None => "",
    }
}

/// Every document: a legend, then one row each.
pub fn list(r: &SourcesReport, lang: Lang) -> String {
    let mut out = say!(
        lang,
        "共 {} 份依据: 官方 {}、全文 {}、待核对 {}\n",
        "{} documents: {} official, {} full text, {} unverified\n",
        r.sources.len(),
        r.counts.official,
        r.counts.full_text,
        r.counts.reported
    );
    for line in legend(lang) {
        let _ = writeln!(out, "  {line}");
    }
    let mut tb = table::new(&[
        t(lang, "编号", "id"),
        t(lang, "文件", "document"),
        t(lang, "级别", "level"),
        t(lang, "用到", "used by"),
    ]);
    for s in &r.sources {
        let number = s
            .doc_no
            .as_deref()
            .map_or(String::new(), |n| format!("{n} "));
        tb.add_row(vec![
            s.id.clone(),
            format!("{number}《{}》\n{}, {}", s.title, s.issuer, s.published),
            level(s.evidence, lang).to_string(),
            s.used_by.len().to_string(),
        ]);
    }
    out.push_str(&table::finish(&tb));
    out.push_str(t(
        lang,
        "查看一份的全部信息: yibao sources 编号\n",
        "One document in full: yibao sources ID\n",
    ));
    out
}

/// One document in full.
pub fn one(s: &SourceJson, lang: Lang) -> String {
    let mut out = String::new();
    let number = s
        .doc_no
        .as_deref()
        .map_or(String::new(), |n| format!("{n} "));
    let _ = writeln!(out, "[{}] {number}《{}》", s.id, s.title);
    let mut field = |label: &str, value: &str| {
        if !value.is_empty() {
            let _ = writeln!(out, "  {label}: {value}");
        }
    };
    field(t(lang, "发布", "issued by"), &s.issuer);
    field(t(lang, "日期", "date"), &s.published.to_string());
    let level_line = format!("{} — {}", level(s.evidence, lang), {
        let [official, full, reported] = legend(lang);
        match s.evidence {
            Evidence::Official => official,
            Evidence::FullText => full,
            Evidence::Reported => reported,
        }
    });
    field(t(lang, "级别", "level"), &level_line);
    if let Some(url) = &s.url {
        field(
            t(lang, "引用地址", "cite at"),
            &format!("{url} ({})", host(s.url_host, lang)),
        );
    }
    let seen = s
        .seen_at
        .as_deref()
        .filter(|seen| Some(*seen) != s.url.as_deref());
    field(t(lang, "阅读地址", "read at"), seen.unwrap_or(""));
    let reviewed = s.reviewed_on.map_or_else(
        || t(lang, "(未记录)", "(not recorded)").to_string(),
        |d| d.to_string(),
    );
    field(t(lang, "最近复核", "last reviewed"), &reviewed);
    field(t(lang, "说明", "note"), &s.note);
    if s.used_by.is_empty() {
        out.push_str(t(
            lang,
            "  没有规则或办理事项引用它\n",
            "  No rule or plan item cites it\n",
        ));
    } else {
        let _ = writeln!(
            out,
            "  {}",
            say!(
                lang,
                "依据它的规则和办理事项({} 项):",
                "Rules and plan items resting on it ({}):",
                s.used_by.len()
            )
        );
        for u in &s.used_by {
            let _ = writeln!(out, "    {} ({})", u.item, u.file);
        }
    }
    out
}

/// A warning of `rules check` about source `id` as of `on`: its kind and its words.
pub fn concern(id: &str, c: &Concern, on: NaiveDate, lang: Lang) -> (&'static str, String) {
    match c {
        Concern::NotReviewed {
            since,
            reviewed: true,
        } => (
            "not_reviewed",
            say!(
                lang,
                "来源 `{id}` 自 {since} 起未复核,到 {on} 已超过一年;请对照原文复核后更新 reviewed_on",
                "source `{id}` was last reviewed on {since}, more than a year before {on}; re-read it and update reviewed_on"
            ),
        ),
        Concern::NotReviewed { since, .. } => (
            "not_reviewed",
            say!(
                lang,
                "来源 `{id}` 没有 reviewed_on,发布于 {since},到 {on} 已超过一年;请对照原文复核后加上 reviewed_on",
                "source `{id}` has no reviewed_on and was published on {since}, more than a year before {on}; re-read it and add reviewed_on"
            ),
        ),
        Concern::OfficialUnseen => (
            "official_unseen",
            say!(
                lang,
                "来源 `{id}` 标为 official,但 url 和 seen_at 都不是政府网站或国家媒体的地址;请写明在哪里读到原文,或改为 full_text / reported",
                "source `{id}` is graded official, but neither its url nor its seen_at is a government or state-media address; say where the official text was read, or grade it full_text or reported"
            ),
        ),
        Concern::UnofficialUrl { host } => (
            "unofficial_url",
            say!(
                lang,
                "来源 `{id}` 的 url 在 {host},既不是政府网站也不是国家媒体;若页面注明了原文地址,请改用原文地址,把现在的地址写进 seen_at",
                "source `{id}`: the url is on {host}, neither a government nor a state-media host; if a page names the original's address, cite that and keep this one as seen_at"
            ),
        ),
    }
}

/// An id not in the registry (exit 2), with the closest id.
pub fn unknown(id: &str, hint: Option<&str>) -> Error {
    let (zh, en) = match hint {
        Some(b) => (format!("。是不是 '{b}'?"), format!("; did you mean '{b}'?")),
        None => (String::new(), String::new()),
    };
    Error::usage(
        format!("没有编号为 '{id}' 的依据{zh}用 'yibao sources' 列出全部编号"),
        format!("no source with id '{id}'{en} ('yibao sources' lists every id)"),
    )
}
