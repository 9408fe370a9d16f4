//! The words of the printed plans (`--format md` and `--format text`), both languages.

use super::say;
use crate::render::t;
use crate::render::wire::PlaceJson;
use crate::text::Lang;

/// A pooling area as titles name it: `西安市`, in English `Xi'an`.
pub fn place(code: &str, lang: Lang) -> String {
    match crate::region::regions().get(code) {
        Some(r) if lang == Lang::En && !r.pinyin.is_empty() => r.english().to_string(),
        Some(r) => r.name.clone(),
        None => code.to_string(),
    }
}

/// The title: what moves where.
pub fn title(from: &PlaceJson, to: &PlaceJson, lang: Lang) -> String {
    let (from, to) = (place(from.code, lang), place(to.code, lang));
    say!(
        lang,
        "医保关系转移计划:{from} → {to}",
        "Moving medical insurance: {from} → {to}"
    )
}

/// The short title of a chat message.
pub fn message_title(from: &PlaceJson, to: &PlaceJson, lang: Lang) -> String {
    let (from, to) = (place(from.code, lang), place(to.code, lang));
    say!(
        lang,
        "【医保转移】{from} → {to}",
        "[Insurance move] {from} → {to}"
    )
}

pub fn outcome(lang: Lang) -> &'static str {
    t(lang, "结论", "Outcome")
}

/// The chat message's first line after the title.
pub fn outcome_line(outcome: &str, summary: &str, lang: Lang) -> String {
    say!(
        lang,
        "结论:{outcome}。{summary}",
        "Outcome: {outcome}. {summary}"
    )
}

pub fn facts(lang: Lang) -> &'static str {
    t(lang, "基本情况", "The facts")
}

pub fn plan_file(lang: Lang) -> &'static str {
    t(lang, "计划文件", "Plan file")
}

pub fn status(lang: Lang) -> &'static str {
    t(lang, "进度", "Progress")
}

pub fn blockers(lang: Lang) -> &'static str {
    t(lang, "需先解决", "To clear first")
}

pub fn conditions(lang: Lang) -> &'static str {
    t(lang, "取决于", "Depends on")
}

pub fn steps(lang: Lang) -> &'static str {
    t(lang, "办理步骤", "Steps")
}

pub fn materials(lang: Lang) -> &'static str {
    t(lang, "材料", "Papers")
}

pub fn deadlines(lang: Lang) -> &'static str {
    t(lang, "期限", "Deadlines")
}

/// The deadline table's column heads.
pub fn deadline_columns(lang: Lang) -> [&'static str; 3] {
    [
        t(lang, "事项", "What"),
        t(lang, "最迟日期", "By"),
        t(lang, "计算方法", "How counted"),
    ]
}

/// How a deadline was counted.
pub fn counted(from: chrono::NaiveDate, n: u32, estimated: bool, lang: Lang) -> String {
    let estimate = if estimated {
        t(lang, "(估算)", " (estimate)")
    } else {
        ""
    };
    say!(
        lang,
        "{from} 后第 {n} 个工作日{estimate}",
        "{n} working days after {from}{estimate}"
    )
}

pub fn warnings(lang: Lang) -> &'static str {
    t(lang, "提醒", "Keep in mind")
}

pub fn sources(lang: Lang) -> &'static str {
    t(lang, "依据", "Sources")
}

/// Under the sources when some rest on reports only.
pub fn unverified_note(lang: Lang) -> &'static str {
    t(
        lang,
        "标注\"待核对\"的内容仅见于转载或二手资料,办理前请向当地医保经办机构确认。",
        "Items marked \"unverified\" rest on secondary reports only; confirm with the local medical-insurance agency before acting.",
    )
}

/// Under the outcome when every item rests on reports only.
pub fn all_unverified(lang: Lang) -> &'static str {
    t(
        lang,
        "本计划的各项内容目前只见于转载或二手资料(待核对),办理前请向当地医保经办机构确认。",
        "Everything in this plan rests on secondary reports only (unverified): confirm with the local medical-insurance agency before acting.",
    )
}

/// The foot of the printed page.
pub fn made_by(lang: Lang) -> &'static str {
    t(
        lang,
        "由 yibao 生成。政策以当地医保经办机构的答复为准。",
        "Made by yibao. The local medical-insurance agency has the final word.",
    )
}

/// The chat message: what to do.
pub fn to_do(lang: Lang) -> &'static str {
    t(lang, "要做的事:", "What to do:")
}

/// The chat message: steps left out.
pub fn more_steps(n: usize, lang: Lang) -> String {
    say!(
        lang,
        "(还有 {n} 步,见完整计划)",
        "({n} more steps in the full plan)"
    )
}

/// The chat message: the dates.
pub fn dates(lang: Lang) -> &'static str {
    t(lang, "重要日期:", "Dates:")
}

/// A deadline in the chat message.
pub fn by_date(label: &str, date: chrono::NaiveDate, estimated: bool, lang: Lang) -> String {
    let estimate = if estimated {
        t(lang, "(估算)", " (estimate)")
    } else {
        ""
    };
    say!(
        lang,
        "{label}:最迟 {date}{estimate}",
        "{label}: by {date}{estimate}"
    )
}

/// The last line of the chat message.
pub fn confirm(lang: Lang) -> &'static str {
    t(
        lang,
        "以上由 yibao 整理,办理前请向医保经办机构确认。",
        "Put together by yibao; check with the insurance agency before acting.",
    )
}
