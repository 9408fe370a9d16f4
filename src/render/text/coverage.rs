//! The words of `yibao rules coverage REGION`: how much of an answer for a place is its own,
//! and the questions yibao cannot answer there yet.

use std::fmt::Write as _;

use super::say;
use crate::commands::rules::value_text;
use crate::render::coverage::{CoverageReport, Layer};
use crate::render::{t, table};
use crate::text::Lang;

/// Whose rule, as people read it.
pub fn layer(l: Layer, lang: Lang) -> &'static str {
    match l {
        Layer::Own => t(lang, "本地", "own"),
        Layer::Province => t(lang, "省级", "province"),
        Layer::National => t(lang, "全国", "national"),
    }
}

/// A question not answered with local rules, and what yibao says instead.
pub fn gap(id: &str, lang: Lang) -> (String, String) {
    let (q, i) = match id {
        "waiting_after_long_gap" => (
            say!(
                lang,
                "中断缴费超过 3 个月后,本地设多长的待遇等待期",
                "how long a waiting period this place sets after a contribution gap of more than 3 months"
            ),
            say!(
                lang,
                "只能给出全国上限(不超过 6 个月),结论视情况而定",
                "only the national ceiling (at most 6 months); the answer is conditional"
            ),
        ),
        "missed_years_reading" => (
            say!(
                lang,
                "居民医保“每多断保 1 年”在本地怎么计算",
                "how this place counts 每多断保1年 (each further year without resident cover)"
            ),
            say!(
                lang,
                "按青岛的转述(断保年数减 1)计算,标为待核对",
                "the reading reported for Qingdao (missed years − 1), marked unverified"
            ),
        ),
        "credit_rate" => (
            say!(
                lang,
                "在职职工个人账户每月计入多少",
                "how much an in-service employee's personal account is credited each month"
            ),
            say!(
                lang,
                "只能给出全国改革目标(缴费基数的 2%),实际以当地为准",
                "only the national reform target (2% of the base); the local figure may differ"
            ),
        ),
        "retiree_credit" => (
            say!(
                lang,
                "退休人员个人账户每月划入多少",
                "how much a retiree's personal account is credited each month"
            ),
            say!(
                lang,
                "只能给出全国指导(约为基本养老金平均水平的 2%)",
                "only the national guide (about 2% of the average basic pension)"
            ),
        ),
        "own_portal" => (
            say!(
                lang,
                "本地自己的余额、转移查询网站或 App",
                "the place's own portal or app for balances and transfers"
            ),
            say!(
                lang,
                "只列出全国通用的渠道(国家医保服务平台、支付宝、微信、窗口、电话)",
                "only the nationwide channels (the national app, Alipay, WeChat, windows, phone)"
            ),
        ),
        "refund_cases" => (
            say!(
                lang,
                "本地重复缴费退费的具体情形",
                "the place's own cases of refunds for duplicate payments"
            ),
            say!(
                lang,
                "按全国经办规程的一般规则回答",
                "the general rules of the national handling procedure"
            ),
        ),
        _ => (
            say!(
                lang,
                "省内跨市转移有没有自己的办法(自动转移、余额不转)",
                "whether moves inside the province have a regime of their own (automatic transfer, balance kept)"
            ),
            say!(
                lang,
                "按跨统筹地区转移的全国规定回答",
                "the national rules for a move between pooling areas"
            ),
        ),
    };
    (q, i)
}

/// Rules seen but not encoded, for maintainers.
fn leads(out: &mut String, r: &CoverageReport, lang: Lang) {
    if r.leads.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "{}",
        t(
            lang,
            "已见到但未收录的本地规定(线索,不用于任何结论):",
            "Local rules seen but not encoded (leads; no answer uses them):"
        )
    );
    for l in &r.leads {
        let _ = writeln!(out, "  - [{}] {}", l.region, l.topic);
        let _ = writeln!(out, "    {}: {}", t(lang, "见于", "seen"), l.seen);
        let _ = writeln!(
            out,
            "    {}: {}",
            t(lang, "未收录原因", "why not a value"),
            l.why
        );
    }
}

/// The whole report for people.
pub fn show(r: &CoverageReport, lang: Lang) -> String {
    let mut out = String::new();
    let area = if r.place.code == r.pooling_area.code {
        format!("{} ({})", r.place.name, r.place.code)
    } else {
        say!(
            lang,
            "{} ({}),属于统筹地区 {} ({})",
            "{} ({}), in the pooling area {} ({})",
            r.place.name,
            r.place.code,
            r.pooling_area.name,
            r.pooling_area.code
        )
    };
    let c = &r.counts;
    let _ = writeln!(
        out,
        "{}",
        say!(
            lang,
            "{area} 在 {} 的规则: 本地 {} 项、省级 {} 项、全国 {} 项(其中 {} 项只见于转述)",
            "Rules for {area} on {}: {} own, {} from the province, {} national ({} resting only on reports)",
            r.on,
            c.own,
            c.province,
            c.national,
            c.reported
        )
    );
    let mut tb = table::new(&[
        t(lang, "规则", "rule"),
        t(lang, "来自", "from"),
        t(lang, "值", "value"),
        t(lang, "依据", "source"),
    ]);
    for v in &r.values {
        let value = v.value.as_ref().map_or_else(
            || t(lang, "(尚未生效)", "(not in force)").to_string(),
            |x| value_text(x, lang),
        );
        let source = match (&v.source, v.evidence) {
            (Some(s), Some(e)) => format!("{s}\n{}", super::sources::level(e, lang)),
            _ => String::new(),
        };
        tb.add_row(vec![
            format!("{}\n{}", v.label.get(lang), v.key),
            layer(v.layer, lang).to_string(),
            value,
            source,
        ]);
    }
    out.push_str(&table::finish(&tb));
    if !r.local_data.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            t(
                lang,
                "其他地方数据:",
                "Other data of the place or its province:"
            )
        );
        for d in &r.local_data {
            let _ = writeln!(
                out,
                "  {} ({}; {} {}; {})",
                d.item,
                layer(d.layer, lang),
                d.source,
                super::sources::level(d.evidence, lang),
                d.file
            );
        }
    }
    leads(&mut out, r, lang);
    if r.gaps.is_empty() {
        return out;
    }
    let _ = writeln!(
        out,
        "{}",
        say!(
            lang,
            "这里还不能按本地规定回答的问题({} 个,尚未找到可用的本地依据):",
            "Questions yibao cannot answer with this place's own rules yet ({}; no usable local source found):",
            r.gaps.len()
        )
    );
    for g in &r.gaps {
        let _ = writeln!(out, "  - {}", g.question);
        let _ = writeln!(out, "    → {}", g.instead);
    }
    out
}
