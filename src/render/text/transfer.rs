//! The words of `yibao transfer`: the summary, the key lines, the waiting period and the
//! progress of an accepted application, and the trace of the facts checked.

use std::borrow::Cow;

use super::{Context, Count, Line, Voice, place, say, scheme, working_days};
use crate::checks::transfer::waiting::Reading;
use crate::checks::transfer::window::Standing as WindowStanding;
use crate::checks::transfer::{Answer, Reason, Status, Waiting, Window};
use crate::dates::Iso;
use crate::text::{Lang, Text};
use crate::verdict::{Answered, Limit, Said, Standing, Why};
use crate::vocab::{Outcome, Scheme};

/// A reason's name.
pub fn reason(r: Reason) -> Text {
    match r {
        Reason::Job => Text::new("工作变动", "new job"),
        Reason::Relocation => Text::new("迁居(常住地变化)", "moving home"),
        Reason::Hukou => Text::new("户籍迁移", "household registration moved"),
        Reason::Study => Text::new("上学", "study"),
        Reason::Other => Text::new("其他", "other"),
    }
}

/// A place of the move as typed, with its pooling area where they differ
/// ("朝阳区 (110105), 北京市").
fn named(area: &str, typed: Option<&str>, lang: Lang) -> String {
    let all = crate::region::regions();
    match (typed.and_then(|t| all.get(t)), all.get(area)) {
        (Some(p), Some(a)) => super::place_label(p, a, lang),
        _ => place(area, lang),
    }
}

/// The origin and the destination as named in sentences.
fn ends(a: &Answer, lang: Lang) -> (String, String) {
    let f = &a.facts;
    (
        named(&f.from, f.from_place.as_deref(), lang),
        named(&f.to, f.to_place.as_deref(), lang),
    )
}

/// The conclusion in one sentence; it always agrees with the outcome.
pub fn summary(a: &Answer, lang: Lang) -> String {
    summary_of(a, lang, ends(a, lang))
}

/// The conclusion and the key lines, the two places named once for both; `waiting` is the
/// waiting period as worded (`waiting`), made once by the caller.
pub fn summary_and_lines(a: &Answer, cx: &Context, waiting: Option<&str>) -> (String, Vec<Line>) {
    let (from, to) = ends(a, cx.lang);
    let lines = lines_of(a, cx, waiting, (from.clone(), to.clone()));
    (summary_of(a, cx.lang, (from, to)), lines)
}

fn summary_of(a: &Answer, lang: Lang, (from, to): (String, String)) -> String {
    let v = &a.verdict;
    if a.same_pooling_area {
        // The one pooling area itself, not the places typed.
        let to = place(&a.facts.to, lang);
        return say!(
            lang,
            "不需要转移:转出地和转入地都属于 {to} 这一个统筹地区",
            "no transfer needed: both places are in one pooling area, {to}"
        );
    }
    if v.blockers.iter().any(|b| b.said.id() == "retired") {
        return say!(
            lang,
            "不能转移:退休人员不在医保关系转移接续的适用范围内",
            "no transfer: retirees are outside the transfer rules"
        );
    }
    let (n, c) = (v.blockers.len(), v.conditions.len());
    let (problems, points) = (Count(n as i64, "problem"), Count(c as i64, "point"));
    match (v.outcome, &a.status) {
        (Outcome::No, _) => say!(
            lang,
            "现在还不能从{from}转到{to}:先解决下面 {n} 个问题,再按步骤申请",
            "not yet: clear the {problems} below, then apply to move from {from} to {to} as shown"
        ),
        (Outcome::Conditional, _) => say!(
            lang,
            "从{from}转到{to}:能否现在申请、结果如何,取决于下面 {c} 个情况",
            "moving from {from} to {to}: whether you can apply now, and the result, depend on the {points} below"
        ),
        (Outcome::Yes, Some(st)) => {
            let progress = status(st, lang);
            say!(
                lang,
                "转移申请已受理(从{from}转到{to}):{progress}",
                "the application is accepted (from {from} to {to}): {progress}"
            )
        }
        (Outcome::Yes, None) => say!(
            lang,
            "可以申请:把医保关系从{from}转到{to},按下面的步骤办理",
            "ready to apply: move your insurance from {from} to {to} as shown below"
        ),
    }
}

/// The key facts and figures, in display order (id, label, value), with the two places as
/// named in sentences.
fn lines_of(
    a: &Answer,
    cx: &Context,
    waiting_text: Option<&str>,
    (from, to): (String, String),
) -> Vec<Line> {
    let (f, lang) = (&a.facts, cx.lang);
    let mut out = Vec::new();
    let mut line = |id: &'static str, label: Text, value: String| {
        out.push((Cow::Borrowed(id), super::label(&label, lang), value));
    };
    line("from", Text::new("转出地", "origin"), from);
    line("to", Text::new("转入地", "destination"), to);
    if a.same_pooling_area {
        return out;
    }
    if let Some(s) = f.scheme {
        line(
            "scheme",
            Text::new("险种", "scheme"),
            scheme(s).get(lang).into(),
        );
    }
    if let Some(s) = f.new_scheme.filter(|_| f.cross_scheme()) {
        let label = Text::new("转入后的险种", "scheme at the destination");
        line("new_scheme", label, scheme(s).get(lang).into());
    }
    if let Some(r) = f.reason {
        line(
            "reason",
            Text::new("原因", "reason"),
            reason(r).get(lang).into(),
        );
    }
    if let (Some(w), Some(text)) = (&a.waiting, waiting_text) {
        line(
            "waiting_period",
            Text::new("等待期", "waiting period"),
            text.to_string(),
        );
        if let Some(text) = benefits(w, lang) {
            line("benefits_from", Text::new("待遇开始", "cover starts"), text);
        }
    }
    if let Some(w) = &a.window {
        line(
            "enrolment_window",
            Text::new("集中参保期", "enrolment window"),
            window(w, lang),
        );
    }
    if let Some(cmd) = filing_command(a) {
        let text = say!(lang, "改办异地安置备案: {cmd}", "file instead: {cmd}");
        line("filing", Text::new("下一步", "next"), text);
    }
    if let Some(cmd) = refund_command(a) {
        let text = say!(lang, "查能否退费: {cmd}", "whether it comes back: {cmd}");
        line("refund", Text::new("重复缴费", "paid twice"), text);
    }
    if let Some(l) = &a.limits {
        line(
            "out_working_days",
            l.out.label.clone(),
            working_days(l.out.int(), lang),
        );
        line(
            "in_working_days",
            l.inn.label.clone(),
            working_days(l.inn.int(), lang),
        );
    }
    if let Some(st) = &a.status {
        line(
            "status",
            Text::new("办理进度", "progress"),
            status(st, lang),
        );
    }
    if let Some(next) = a.next_step {
        let text = (a.verdict.steps.iter())
            .find(|s| s.said.id() == next)
            .map(|s| cx.said(&s.said).into_owned())
            .unwrap_or_default();
        line("next_step", Text::new("下一步", "next step"), text);
    }
    out
}

/// The context the shared words need.
pub fn context<'x, 'r>(a: &'x Answer<'r>, lang: Lang, voice: Voice) -> Context<'x, 'r> {
    let worded = (a.waiting.as_ref())
        .filter(|_| waiting_depends(a))
        .map(|w| waiting(a, w, lang, voice));
    context_with(a, lang, voice, worded.as_deref())
}

/// `context`, with the waiting period already worded (`waiting`); the context keeps it only
/// when a condition refers to it.
pub fn context_with<'x, 'r>(
    a: &'x Answer<'r>,
    lang: Lang,
    voice: Voice,
    worded: Option<&str>,
) -> Context<'x, 'r> {
    Context {
        verdict: &a.verdict,
        waiting: worded.filter(|_| waiting_depends(a)).map(str::to_string),
        place: None,
        lang,
        voice,
    }
}

/// True when the answer depends on the waiting period (a condition says so).
fn waiting_depends(a: &Answer) -> bool {
    (a.verdict.conditions.iter()).any(|c| matches!(c.said, Said::WaitingDepends))
}

/// A step of the reasoning.
pub fn why(a: &Answer, w: &Why, lang: Lang, voice: Voice) -> String {
    match w {
        Why::SamePoolingArea => {
            let to = place(&a.facts.to, lang);
            say!(lang, "同一统筹地区 {to}", "one pooling area {to}")
        }
        Why::Fact {
            item,
            answered,
            standing,
        } => {
            let state = match standing {
                Standing::Blocks => Text::new("受阻", "blocks"),
                Standing::Clear => Text::new("没有问题", "clear"),
                Standing::Unknown => Text::new("未知", "unknown"),
            };
            if voice == Voice::Walk {
                // The answer as it was given: a choice or a day, not a flag.
                let answer = match answered {
                    Answered::BySubmission => Text::new("已受理", "accepted"),
                    Answered::Yes => Text::new("是", "yes"),
                    Answered::No => Text::new("否", "no"),
                    Answered::Unknown => Text::new("不确定", "not sure"),
                };
                let (answer, state, text, source) = (
                    answer.get(lang),
                    state.get(lang),
                    item.text.get(lang),
                    item.cite.source.get_ref(),
                );
                return say!(
                    lang,
                    "您的回答“{answer}” → {state} (查的是: {text}) [transfer.toml; {source}]",
                    "you answered \"{answer}\" → {state} (checks: {text}) [transfer.toml; {source}]"
                );
            }
            let flag = item.id.get_ref().replace('_', "-");
            let answer = match answered {
                Answered::BySubmission => "(--submitted)",
                Answered::Yes => "yes",
                Answered::No => "no",
                Answered::Unknown => "?",
            };
            let (state, text, source) = (
                state.get(lang),
                item.text.get(lang),
                item.cite.source.get_ref(),
            );
            say!(
                lang,
                "--{flag} {answer} → {state} (查的是: {text}) [transfer.toml; {source}]",
                "--{flag} {answer} → {state} (checks: {text}) [transfer.toml; {source}]"
            )
        }
        Why::WaitingPeriod => match &a.waiting {
            Some(wt) => format!("{}: {}", wt.reading.rule(), waiting(a, wt, lang, voice)),
            None => String::new(),
        },
        other => context(a, lang, Voice::Flags).why(other),
    }
}

/// The waiting period in a sentence (`a` is the answer it belongs to: an unknown one names
/// the month not given).
pub fn waiting(a: &Answer, w: &Waiting, lang: Lang, voice: Voice) -> String {
    match &w.reading {
        Reading::Unknown => unknown_waiting(a, lang, voice),
        Reading::Overlap { first } => say!(
            lang,
            "从 {first} 起两地都缴了费:没有中断,没有等待期;重复缴的费用能否退,见 yibao refund",
            "both places were paid from {first}: no gap and no waiting period; whether the double payment comes back, see yibao refund"
        ),
        Reading::Continuous => say!(
            lang,
            "缴费没有中断:没有等待期",
            "contributions run on without a break: no waiting period"
        ),
        Reading::ResidentContinuous => say!(
            lang,
            "居民医保逐年连续参保:没有因断保产生的等待期(仍须在集中参保期参保)",
            "resident insurance held year after year: no waiting period for a break (you still need to enrol in the annual enrolment period)"
        ),
        Reading::GapPayable { gap, limit } => {
            let months = Count((*gap).into(), "month");
            say!(
                lang,
                "中断缴费 {gap} 个月(不超过 {limit} 个月):按转入地规定补缴后不设等待期,从补缴当月起享受待遇,中断期间的医疗费用可按规定报销",
                "a gap of {months} (no more than {limit}): once paid up under the destination's rules there is no waiting period, benefits start the month you pay, and costs during the gap can be claimed"
            )
        }
        Reading::GapOverLimit {
            gap,
            limit,
            cap,
            cap_region,
        } => {
            let whose = match cap_region {
                Some(code) => {
                    let name = super::place_name(code);
                    say!(lang, "{name}的规定", "the rule of {name}")
                }
                None => say!(lang, "全国规定", "the national rule"),
            };
            say!(
                lang,
                "中断缴费 {gap} 个月,超过 {limit} 个月:待遇按转入地规定,可设不超过 {cap} 个月的等待期({whose});具体月数请问转入地医保经办机构",
                "a gap of {gap} months, more than {limit}: benefits follow the destination's rules, which may set a waiting period of up to {cap} months ({whose}); ask the destination agency for the exact months"
            )
        }
        Reading::CrossSchemeYearsUnknown { gap, min } if !voice.names_flags() => say!(
            lang,
            "换险种且中断 {gap} 个月:连续参保满 {min} 年的可补缴、不设等待期;您连续参保满 {min} 年了吗?(参保缴费记录里可查)",
            "a change of scheme with a {gap}-month gap: after {min} continuous years insured you may pay up with no waiting period; have you been insured for {min} years without a break? (your contribution record shows it)"
        ),
        Reading::CrossSchemeYearsUnknown { gap, min } => say!(
            lang,
            "换险种且中断 {gap} 个月:连续参保满 {min} 年的可补缴、不设等待期;请用 --continuous-years 说明连续参保年数",
            "a change of scheme with a {gap}-month gap: after {min} continuous years insured you may pay up with no waiting period; state your continuous years with --continuous-years"
        ),
        Reading::CrossSchemeShort { gap, min, years } => say!(
            lang,
            "换险种、连续参保 {years} 年(不满 {min} 年)、中断 {gap} 个月:国家规定没有覆盖这种情况,按转入地规定;请问转入地医保经办机构",
            "a change of scheme after {years} continuous years (less than {min}) with a {gap}-month gap: the national rule does not cover this, so local rules apply; ask the destination agency"
        ),
        Reading::ResidentMissedYears {
            missed,
            fixed,
            variable,
            total,
            repair,
            min_after,
        } => say!(
            lang,
            "居民医保断保 {missed} 年:固定等待期 {fixed} 个月 + 变动等待期 {variable} 个月 = {total} 个月;每多补缴 1 年可减少 {repair} 个月变动等待期,最少 {min_after} 个月(固定部分不能减少;\"每多断保 1 年\"按断保年数减 1 计算,这一读法只见于地方解读)",
            "{missed} year(s) without resident cover: a fixed {fixed}-month waiting period + {variable} variable month(s) = {total} months; each extra year paid removes {repair} variable month(s), down to {min_after} months at least (the fixed part cannot be reduced; 'each further year' is read as missed years minus one, a reading seen only in local explanations)"
        ),
        Reading::NoRuleInForce(gap) => say!(
            lang,
            "规则中没有当时有效的等待期规定 ({gap}):按当地规定,请问转入地医保经办机构",
            "no waiting-period rule in force then ({gap}): local rules apply; ask the destination agency"
        ),
    }
}

/// Why the waiting period cannot be judged: which of the two months was not given, and how
/// to give it (by flag, or, for a saved plan, once known).
fn unknown_waiting(a: &Answer, lang: Lang, voice: Voice) -> String {
    let f = &a.facts;
    let (zh, en, flag) = match (f.last_paid.is_none(), f.paid_from.is_none()) {
        (true, false) => (
            "转出地最后缴费的月份",
            "the last month paid at the origin",
            "--last-paid",
        ),
        (false, true) => (
            "转入地开始缴费的月份",
            "the first month paid at the destination",
            "--paid-from",
        ),
        _ if voice.names_flags() => {
            return say!(
                lang,
                "未给出缴费月份,无法判断等待期;用 --last-paid YYYY-MM(转出地最后缴费月)和 --paid-from YYYY-MM(转入地开始缴费月)说明",
                "no months given, so the waiting period cannot be judged; state them with --last-paid YYYY-MM (last month paid at the origin) and --paid-from YYYY-MM (first month paid at the destination)"
            );
        }
        _ => {
            return say!(
                lang,
                "缴费月份没有给出,等待期还不能判断:知道转出地最后缴费的月份和转入地开始缴费的月份后,再问一次",
                "the months were not given, so the waiting period cannot be judged yet: once you know the last month paid at the origin and the first at the destination, ask again"
            );
        }
    };
    if voice.names_flags() {
        say!(
            lang,
            "未给出{zh},无法判断等待期;用 {flag} YYYY-MM 说明",
            "{en} was not given, so the waiting period cannot be judged; state it with {flag} YYYY-MM"
        )
    } else {
        say!(
            lang,
            "{zh}没有给出,等待期还不能判断:知道后再问一次",
            "{en} was not given, so the waiting period cannot be judged yet: once you know it, ask again"
        )
    }
}

/// The first day of cover as a sentence, with the arithmetic.
pub fn benefits(w: &Waiting, lang: Lang) -> Option<String> {
    let from = Iso(w.benefits_from?);
    let months = w.months.or(w.up_to_months).unwrap_or(0);
    let mut text = match &w.reading {
        Reading::GapPayable { gap, .. } => say!(
            lang,
            "补缴中断的 {gap} 个月后,待遇最早从 {from} 起(从转入地开始缴费的月份算,不设等待期)",
            "once the {gap}-month gap is paid up, cover starts on {from} at the earliest (the first month paid at the destination, no waiting period)"
        ),
        Reading::GapOverLimit { .. } => say!(
            lang,
            "待遇最迟从 {from} 起(开始缴费的月份 + 最多 {months} 个月等待期;当地规定的月数更少则更早)",
            "cover starts by {from} at the latest (the first month paid + a waiting period of up to {months} months; earlier if the local rule sets fewer)"
        ),
        Reading::ResidentMissedYears { .. } => say!(
            lang,
            "待遇最早从 {from} 起(参保年度开始的月份 + {months} 个月等待期)",
            "cover starts on {from} at the earliest (the first month of the year paid for + a {months}-month waiting period)"
        ),
        _ => say!(
            lang,
            "{from} 起(转入地开始缴费的月份)",
            "from {from}, the first month paid at the destination"
        ),
    };
    if let Some(repaired) = (w.benefits_from_after_repair.map(Iso)).filter(|d| d.0 != from.0) {
        text.push_str(&say!(
            lang,
            ";补缴断保年份后最早从 {repaired} 起",
            "; after paying for the missed years, from {repaired}"
        ));
    }
    if let Some(r) = &w.readings {
        let used = reading_name(r.used(), lang);
        text.push_str(&say!(
            lang,
            ";\"每多断保1年\"按{used}计算",
            "; 'each further year without cover' read as {used}"
        ));
        if r.other_months != months {
            let other = reading_name(r.other(), lang);
            let (n, d) = (
                r.other_months,
                r.other_benefits_from
                    .map_or_else(String::new, |d| Iso(d).to_string()),
            );
            text.push_str(&say!(
                lang,
                "(若按{other}计算:{n} 个月,待遇从 {d} 起;这一读法各地不同,以转入地为准)",
                " (read as {other}: {n} months, cover from {d}; readings differ by region, the destination's decides)"
            ));
        }
    }
    Some(text)
}

fn reading_name(id: &str, lang: Lang) -> &'static str {
    match id {
        "every_missed_year" => {
            crate::render::t(lang, "每个断保年都算", "every missed year counting")
        }
        "missed_minus_one" => crate::render::t(lang, "断保年数减 1", "missed years minus one"),
        _ => crate::render::t(lang, "当地规定", "the local rule"),
    }
}

/// The residents' enrolment window in a sentence.
pub fn window(w: &Window, lang: Lang) -> String {
    let (from, to, year) = (Iso(w.from), Iso(w.to), w.for_year);
    let state = match w.standing {
        WindowStanding::Upcoming => say!(lang, "尚未开始", "not open yet"),
        WindowStanding::Open(n) => say!(lang, "正在进行,还有 {n} 天", "open, {n} days left"),
        WindowStanding::Closing(n) => say!(lang, "还有 {n} 天结束", "closes in {n} days"),
        WindowStanding::Closed => say!(lang, "已结束", "closed"),
    };
    let estimate = if w.estimated {
        say!(
            lang,
            ";国家未定具体日期,这是常见做法的估计,请以转入地公布为准",
            "; no national dates: an estimate from common practice, go by what the destination announces"
        )
    } else {
        String::new()
    };
    say!(
        lang,
        "{year} 年度: {from} 至 {to}({state}){estimate}",
        "for {year}: {from} to {to} ({state}){estimate}"
    )
}

/// `yibao refund` with the facts filled in, for months paid in both places: in one scheme,
/// the origin's payments (the enrolment where one works or lives now is kept); across the
/// two schemes, the resident payments (employee insurance is kept), wherever they were made.
pub fn refund_command(a: &Answer) -> Option<String> {
    a.paid_twice?;
    let f = &a.facts;
    let origin = f.from_place.as_deref().unwrap_or(&f.from);
    let destination = f.to_place.as_deref().unwrap_or(&f.to);
    let (situation, region, scheme) = match (f.scheme, f.cross_scheme()) {
        (Some(Scheme::Resident), true) => ("employee_and_resident", origin, Some(Scheme::Resident)),
        (_, true) => ("employee_and_resident", destination, Some(Scheme::Resident)),
        (scheme, false) => ("paid_twice", origin, scheme),
    };
    let mut cmd = format!("yibao refund --situation {situation} --region {region}");
    if let Some(s) = scheme {
        cmd.push_str(&format!(" --scheme {}", s.flag()));
    }
    Some(cmd)
}

/// For a retiree, whom the transfer rules leave out: the filing to make instead, with the
/// two places and the kind already given.
pub fn filing_command(a: &Answer) -> Option<String> {
    let retired = a.verdict.blockers.iter().any(|b| b.said.id() == "retired");
    let filing = retired.then(|| crate::checks::filing::Facts {
        from: a.facts.from.clone(),
        to: a.facts.to.clone(),
        kind: Some(crate::checks::filing::Kind::ResettledRetiree),
        ..Default::default()
    });
    filing.map(|f| f.command())
}

/// Where an accepted application stands.
pub fn status(st: &Status, lang: Lang) -> String {
    let elapsed = st.working_days_elapsed;
    let left = st.working_days_left.unwrap_or(0);
    let (elapsed_days, left_days) = (
        Count(elapsed.into(), "working day"),
        Count(left.into(), "working day"),
    );
    match st.next.map(|(limit, d)| (limit, Iso(d))) {
        Some((Limit::TransferOut, d)) => say!(
            lang,
            "受理后已过 {elapsed} 个工作日;转出地应在 {d} 前办结转出(还有 {left} 个工作日)",
            "{elapsed_days} since acceptance; the origin should complete the transfer-out by {d} ({left_days} left)"
        ),
        Some((_, d)) => say!(
            lang,
            "受理后已过 {elapsed} 个工作日;转出时限已过,若 App 里转出仍未办结就是超时了;转入地应在 {d} 前办结(还有 {left} 个工作日)",
            "{elapsed_days} since acceptance; the transfer-out limit has passed, so if the app does not show it done it is late; the destination should finish by {d} ({left_days} left)"
        ),
        None => {
            let by = Iso(st.complete_by);
            say!(
                lang,
                "受理后已过 {elapsed} 个工作日,两段时限都已过({by} 前应全部办结);若还没有完成,请按下面的步骤查问",
                "{elapsed_days} since acceptance and both limits have passed (all should be done by {by}); if it is not complete, chase it as shown below"
            )
        }
    }
}
