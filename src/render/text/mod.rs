//! The text catalogue: every word yibao says about an answer, in Chinese and English, one
//! module per command (`transfer`, `merge`, `balance`) and here the words they share
//! (outcomes, schemes, statements made for an answer, warnings, deadlines, the trace of rules
//! values). Checks return typed answers; only this catalogue turns them into sentences, and
//! only in the language asked for. Nothing here decides anything.

pub mod balance;
pub mod batch;
pub mod calendar;
pub mod coverage;
pub mod dental;
pub mod filing;
pub mod ics;
pub mod merge;
pub mod print;
pub mod refund;
pub mod route;
pub mod sources;
pub mod transfer;

use std::borrow::Cow;

use crate::region::{Region, regions};
use crate::rules::Resolved;
use crate::text::{Lang, Text};
use crate::verdict::{Chase, Limit, LookUp, Names, Said, Verdict, Warning, Why};
use crate::vocab::{Outcome, Scheme};

/// A key line of an answer: (id, label, value). A label the program or the embedded rules
/// word is borrowed, not copied (`batch --full` writes millions of them).
pub type Line = (Cow<'static, str>, Cow<'static, str>, String);

/// A label in `lang`: borrowed when it lives for the whole run, else copied.
pub fn label(text: &Text, lang: Lang) -> Cow<'static, str> {
    match text.held(lang).kept() {
        Some(kept) => Cow::Borrowed(kept),
        None => Cow::Owned(text.get(lang).to_string()),
    }
}

/// Formats only the language asked for: `say!(lang, "中文 {x}", "English {x}")`.
macro_rules! say {
    ($lang:expr, $zh:literal, $en:literal $(, $arg:expr)* $(,)?) => {
        match $lang {
            $crate::text::Lang::Zh => format!($zh $(, $arg)*),
            $crate::text::Lang::En => format!($en $(, $arg)*),
        }
    };
}
pub(crate) use say;

/// An outcome as a person reads it.
pub fn outcome(o: Outcome) -> Text {
    match o {
        Outcome::Yes => Text::new("可以", "yes"),
        Outcome::No => Text::new("不可以", "no"),
        Outcome::Conditional => Text::new("视情况而定", "conditional"),
    }
}

/// A scheme's name.
pub fn scheme(s: Scheme) -> Text {
    match s {
        Scheme::Employee => Text::new("职工医保", "employee insurance (职工医保)"),
        Scheme::Resident => Text::new("居民医保", "resident insurance (居民医保)"),
    }
}

/// A place as sentences name it: `北京市 (110000)`; in English with its pinyin,
/// `Beijing (北京市, 110000)`. The code itself if unknown.
pub fn place(code: &str, lang: Lang) -> String {
    regions()
        .get(code)
        .map_or_else(|| code.to_string(), |r| place_label(r, r, lang))
}

/// `region::place_label`, made once per thread for each place, area and language: a batch
/// names the same few hundred places in millions of answers. The division list lives as
/// long as the program, so a row's address names it; the list bounds what is kept.
pub fn place_label(place: &'static Region, area: &'static Region, lang: Lang) -> String {
    type Labels = std::collections::HashMap<
        (usize, usize, bool),
        String,
        std::hash::BuildHasherDefault<crate::render::reuse::KeyHasher>,
    >;
    thread_local! {
        static LABELS: std::cell::RefCell<Labels> = Default::default();
    }
    let key = (
        std::ptr::from_ref(place).addr(),
        std::ptr::from_ref(area).addr(),
        lang == Lang::En,
    );
    LABELS.with(|labels| {
        (labels.borrow_mut().entry(key))
            .or_insert_with(|| crate::region::place_label(place, area, lang))
            .clone()
    })
}

/// `北京市` for a code, or the code itself if unknown.
pub fn place_name(code: &str) -> String {
    regions()
        .get(code)
        .map_or_else(|| code.to_string(), |r| r.name.clone())
}

/// How the facts of an answer were given, which decides how its hints speak: to someone who
/// typed flags (or a script), a hint names the flag that states a fact; to a person who
/// answered a walk-through at a terminal, it names what is still open in plain words.
/// To a plan saved earlier and read again (`yibao status`, which takes none of the facts'
/// flags), a fact left open is one the plan does not state. JSON is never a walk-through's,
/// so its texts are always `Flags`'.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Voice {
    #[default]
    Flags,
    Walk,
    Plan,
}

impl Voice {
    /// `Walk` when a walk-through asked anything, else `Flags`.
    pub fn of_walk(asked: bool) -> Voice {
        if asked { Voice::Walk } else { Voice::Flags }
    }

    /// Whether a hint may name a fact's flag (not to a walk-through, not for a saved plan).
    pub fn names_flags(self) -> bool {
        self == Voice::Flags
    }
}

/// What an answer needs to word its statements: the verdict (for the deadlines a wait
/// refers to) and, for a transfer, the waiting period as worded.
pub struct Context<'x, 'r> {
    pub verdict: &'x Verdict<'r>,
    pub waiting: Option<String>,
    /// The place asked about, as named in sentences (`balance`).
    pub place: Option<String>,
    pub lang: Lang,
    /// Flags or a walk-through: whom the hints speak to.
    pub voice: Voice,
}

impl<'x, 'r> Context<'x, 'r> {
    /// The context of a verdict whose statements need nothing more.
    pub fn plain(verdict: &'x Verdict<'r>, lang: Lang) -> Context<'x, 'r> {
        Context {
            verdict,
            waiting: None,
            place: None,
            lang,
            voice: Voice::Flags,
        }
    }

    /// The same context, speaking to `voice`.
    pub fn spoken(self, voice: Voice) -> Context<'x, 'r> {
        Context { voice, ..self }
    }

    /// The text of a statement or step.
    pub fn said<'s>(&self, s: &'s Said) -> Cow<'s, str> {
        let lang = self.lang;
        match s {
            Said::Rule(item) | Said::Unknown { item, .. } => Cow::Borrowed(item.text.get(lang)),
            Said::Chase { item, when } => {
                let prefix = match *when {
                    Chase::PastLimits { first: true } => {
                        Text::new("已过时限仍未办结: ", "Past the limits and not done: ")
                    }
                    Chase::NotArrived { first: true } => {
                        Text::new("若未按时到账: ", "If it has not arrived in time: ")
                    }
                    _ => return Cow::Borrowed(item.text.get(lang)),
                };
                Cow::Owned(format!("{}{}", prefix.get(lang), item.text.get(lang)))
            }
            Said::Channel(c) => {
                let steps = (c.steps.iter())
                    .map(|s| s.get(lang).trim_end_matches(['。', '.']))
                    .collect::<Vec<_>>()
                    .join("; ");
                Cow::Owned(format!("{}: {steps}", c.name.get(lang)))
            }
            Said::Wait(limit) => {
                let Some(d) = self.verdict.deadline(*limit) else {
                    return Cow::Borrowed("");
                };
                let label = self::deadline_label(d, lang);
                let (n, date) = (d.working_days, crate::dates::Iso(d.date));
                Cow::Owned(say!(
                    lang,
                    "{label}:{n} 个工作日内,最迟 {date}",
                    "{label}: within {n} working days, by {date}"
                ))
            }
            Said::WaitingDepends => {
                let w = self.waiting.as_deref().unwrap_or("");
                Cow::Owned(say!(
                    lang,
                    "等待期要看当地规定或尚待核对的读法: {w}",
                    "the waiting period depends on local rules or an unverified reading: {w}"
                ))
            }
            Said::NoTimeLimit(gap) => Cow::Owned(say!(
                lang,
                "规则中没有当日有效的转移时限 ({gap})",
                "no transfer time limit in force on that date ({gap})"
            )),
            Said::LookUp { what, .. } => {
                let place = self.place.as_deref().unwrap_or("");
                Cow::Owned(match what {
                    LookUp::NoRule(gap) => gap.to_string(),
                    LookUp::Base => say!(
                        lang,
                        "金额取决于您的月缴费基数(--base)",
                        "the amount depends on your monthly contribution base (--base)"
                    ),
                    LookUp::LocalRate(ratio) => {
                        let pct = balance::percent(*ratio);
                        say!(
                            lang,
                            "规则中没有{place}自己的计入比例;国家意见是“原则上”{pct}",
                            "the rules have no credit rate of {place} itself; the national guideline says {pct} \"in principle\""
                        )
                    }
                    LookUp::LocalAmount => say!(
                        lang,
                        "{place}退休人员的定额由当地确定",
                        "the fixed amount for retirees is set by {place}"
                    ),
                })
            }
            Said::NeedAge => Cow::Owned(say!(
                lang,
                "金额取决于您的年龄(--age)",
                "the amount depends on your age (--age)"
            )),
            Said::Caveat(c) => Cow::Borrowed(c.text.get(lang)),
            Said::CaseReported => Cow::Owned(say!(
                lang,
                "依据仅见于转载或地方问答,尚未核对官方原文;申请前向参保地医保经办机构确认",
                "the sources are reprints or local Q&As, not checked against an official text; confirm with the agency where you are insured before applying"
            )),
            Said::CoverReported(said) => {
                let said = match said {
                    Outcome::Yes => say!(lang, "“可以报销”", "\"covered\""),
                    _ => say!(lang, "“不报销”", "\"not covered\""),
                };
                Cow::Owned(say!(
                    lang,
                    "{said}仅见于转载和内容网站,未见官方清单;以参保地医保目录为准",
                    "{said} is only reported by reprints and content sites, with no official list seen; the local catalogue decides"
                ))
            }
            Said::SchemesDiffer => Cow::Owned(say!(
                lang,
                "职工医保和居民医保的结论不同",
                "the employee and the resident scheme differ"
            )),
            Said::RegionRule { layer, insured, .. } => {
                let label = place(layer, lang);
                Cow::Owned(match insured {
                    Some(code) => {
                        let here = place(code, lang);
                        say!(
                            lang,
                            "这是{label}的规定,您在{here}参保:以{here}的规定为准",
                            "this is the rule of {label}, and you are insured in {here}: the rules of {here} decide"
                        )
                    }
                    None => say!(
                        lang,
                        "这是{label}的规定;在其他地区以当地规定为准",
                        "this is the rule of {label}; elsewhere the local rules decide"
                    ),
                })
            }
            Said::Question { question, .. } => match question {
                Some(q) => Cow::Borrowed(q.text.get(lang)),
                None => Cow::Owned(say!(lang, "您在哪里参保?", "Where are you insured?")),
            },
            Said::Regime(label) => Cow::Borrowed(label.get(lang)),
            Said::Candidate(c) => {
                let (id, name, answer) = (c.id.get_ref(), c.name.get(lang), outcome(c.outcome));
                let answer = answer.get(lang);
                Cow::Owned(say!(
                    lang,
                    "可能的情形 {id}:{name}(结论:{answer})",
                    "possible case {id}: {name} (its outcome: {answer})"
                ))
            }
        }
    }

    /// How to clear a blocker or settle a condition, where the statement says.
    pub fn fix<'s>(&self, s: &'s Said) -> Option<Cow<'s, str>> {
        let lang = self.lang;
        match s {
            Said::Unknown { item, fact, names } => {
                let flag = format!("--{}", fact.replace('_', "-"));
                let when = match names {
                    Names::Problem => Text::new("若是这种情况", "if it is so"),
                    Names::Condition => Text::new("若不满足", "if it does not hold"),
                };
                let (when, fix) = (
                    when.get(lang),
                    item.fix.as_ref().map_or("", |f| f.get(lang)),
                );
                Some(Cow::Owned(match self.voice {
                    Voice::Flags => say!(
                        lang,
                        "用 {flag} yes|no 说明;{when}: {fix}",
                        "state it with {flag} yes|no; {when}: {fix}"
                    ),
                    Voice::Walk | Voice::Plan => {
                        let (whom, open) = (who_knows(fact), still_open(self.voice));
                        let (whom, open) = (whom.get(lang), open.get(lang));
                        say!(
                            lang,
                            "{open}:请向{whom}问清楚;{when}: {fix}",
                            "{open}: ask {whom}; {when}: {fix}"
                        )
                    }
                }))
            }
            Said::Rule(item) | Said::Chase { item, .. } => item.fix.as_ref().map(|f| {
                let fix = f.get(lang);
                match self.voice {
                    // A fix naming a flag is for a fact not known: in a walk-through the
                    // person answered "not sure", and no flag is typed at a question.
                    Voice::Walk | Voice::Plan if fix.contains("--") => {
                        Cow::Owned(not_sure(lang, self.voice))
                    }
                    _ => Cow::Borrowed(fix),
                }
            }),
            Said::WaitingDepends => Some(Cow::Owned(say!(
                lang,
                "向转入地医保经办机构确认等待期",
                "confirm the waiting period with the destination agency"
            ))),
            Said::NoTimeLimit(_) => Some(Cow::Owned(say!(
                lang,
                "向转出地和转入地医保经办机构询问办理时限",
                "ask the origin and destination agencies how long each step takes"
            ))),
            Said::LookUp { fix, .. } => fix.map(|f| Cow::Borrowed(f.text.get(lang))),
            Said::NeedAge => Some(Cow::Owned(say!(lang, "加 --age 年龄", "add --age YEARS"))),
            Said::Caveat(c) => Some(match self.voice {
                Voice::Flags => {
                    let (fix, flag) = (c.fix.get(lang), c.fact.get_ref().replace('_', "-"));
                    Cow::Owned(say!(
                        lang,
                        "{fix};用 --{flag} yes|no 说明",
                        "{fix}; state it with --{flag} yes|no"
                    ))
                }
                Voice::Walk | Voice::Plan => Cow::Borrowed(c.fix.get(lang)),
            }),
            Said::SchemesDiffer => Some(Cow::Owned(match self.voice {
                Voice::Flags => say!(
                    lang,
                    "用 --scheme employee|resident 说明",
                    "state it with --scheme employee|resident"
                ),
                Voice::Walk | Voice::Plan => say!(
                    lang,
                    "两种医保的结论不同:请确认您参加的是职工医保还是居民医保(社保卡、医保 App 或单位人事部门可查)",
                    "the two schemes differ here: find out whether you are in employee or resident insurance (your social-security card, the insurance app or an employer's HR can tell)"
                ),
            })),
            Said::RegionRule {
                layer,
                insured,
                stated,
            } => Some(Cow::Owned(match insured {
                Some(code) => {
                    let here = place(code, lang);
                    say!(
                        lang,
                        "向{here}的医保经办机构或税务部门咨询",
                        "ask the medical-insurance agency or tax office of {here}"
                    )
                }
                None => {
                    let (label, answer) = (place(layer, lang), outcome(*stated));
                    let answer = answer.get(lang);
                    match self.voice {
                        Voice::Flags => say!(
                            lang,
                            "用 --region 说明参保地;在{label}参保时结论为“{answer}”",
                            "state where you are insured with --region; insured in {label}, the answer is \"{answer}\""
                        ),
                        Voice::Walk | Voice::Plan => say!(
                            lang,
                            "参保地还不确定;在{label}参保时结论为“{answer}”",
                            "where you are insured is still open; insured in {label}, the answer is \"{answer}\""
                        ),
                    }
                }
            })),
            Said::Question { id, values, .. } => Some(Cow::Owned(match self.voice {
                Voice::Flags => {
                    let flag = format!("--{}", id.replace('_', "-"));
                    say!(
                        lang,
                        "用 {flag} {values} 说明",
                        "state it with {flag} {values}"
                    )
                }
                Voice::Walk | Voice::Plan => not_sure(lang, self.voice),
            })),
            Said::Regime(_) => Some(Cow::Owned(say!(
                lang,
                "向转入地医保经办机构确认还需要办哪些手续",
                "ask the destination agency which steps are still needed"
            ))),
            Said::Channel(_)
            | Said::Wait(_)
            | Said::CaseReported
            | Said::CoverReported(_)
            | Said::Candidate(_) => None,
        }
    }

    /// A step of the reasoning shared by the commands (a command words its own facts).
    pub fn why(&self, w: &Why) -> String {
        let lang = self.lang;
        match w {
            Why::Value(value) => resolved(value, lang),
            Why::WaitingPeriod => String::new(),
            Why::Limits { out, inn, file } => say!(
                lang,
                "转出 {out} + 转入 {inn} 个工作日 ({file})",
                "out {out} + in {inn} working days ({file})"
            ),
            Why::LocalChannels(n) => say!(
                lang,
                "规则文件中该地区自有的查询渠道: {n} 个",
                "channels of the region's own in the rules files: {n}"
            ),
            Why::Overdue { on, by } => say!(lang, "{on} 晚于 {by}", "{on} is after {by}"),
            Why::HasAccount => say!(lang, "居民医保", "resident scheme"),
            Why::CreditRate(file) => say!(lang, "计入比例来自 {file}", "credit rate from {file}"),
            Why::Answer { question, answer } => format!("{question} = {answer}"),
            Why::Caveat { fact, holds } => {
                let answer = match holds {
                    Some(true) => say!(lang, "是", "yes"),
                    Some(false) => say!(lang, "否", "no"),
                    None => say!(lang, "未知", "unknown"),
                };
                format!("{fact} = {answer}")
            }
            Why::SamePoolingArea | Why::Fact { .. } => String::new(),
        }
    }
}

/// A rules value used, with where it came from.
pub fn resolved(value: &Resolved, lang: Lang) -> String {
    let (key, val, since, file, source, evidence) = (
        &value.key,
        &value.value,
        value.since,
        &value.file,
        &value.source,
        &value.evidence,
    );
    say!(
        lang,
        "{key} = {val} (自 {since} 起; {file}; 依据 {source} {evidence})",
        "{key} = {val} (since {since}; {file}; source {source} {evidence})"
    )
}

/// What an agency must have done by a deadline, without a balance where none moves.
pub fn deadline_label(d: &crate::verdict::Deadline, lang: Lang) -> &'static str {
    match (d.record_only, d.limit) {
        (false, l) => limit(l, lang),
        (true, Limit::TransferOut) => super::t(
            lang,
            "转出地办结转出、上传信息表",
            "origin completes the transfer-out and uploads the information form",
        ),
        (true, Limit::TransferComplete) => super::t(
            lang,
            "转入地办结转入(假设信息表当天送达)",
            "destination completes the transfer-in (if the form arrives the same day)",
        ),
    }
}

/// What an agency must have done by a deadline.
pub fn limit(l: Limit, lang: Lang) -> &'static str {
    match l {
        Limit::TransferOut => super::t(
            lang,
            "转出地办结转出、划出余额",
            "origin completes the transfer-out and sends the balance",
        ),
        Limit::TransferComplete => super::t(
            lang,
            "转入地办结转入、余额记入账户(假设信息表当天送达)",
            "destination completes the transfer-in and credits the balance (if the form arrives the same day)",
        ),
    }
}

/// After a walk-through, for a question answered "not sure".
/// Why a fact is open, said without its flag: the answer "not sure", or a saved plan silent
/// on it.
fn still_open(voice: Voice) -> Text {
    match voice {
        Voice::Plan => Text::new("计划里没有说明", "the plan does not say"),
        _ => Text::new("您答了“不确定”", "you answered \"not sure\""),
    }
}

/// A fact still open, said without its flag.
fn not_sure(lang: Lang, voice: Voice) -> String {
    let open = still_open(voice);
    let open = open.get(lang);
    match voice {
        Voice::Plan => say!(
            lang,
            "{open}:弄清楚后用 yibao transfer 重新生成计划,结论会更确定",
            "{open}: once you know, make the plan again with yibao transfer for a firmer answer"
        ),
        _ => say!(
            lang,
            "{open}:弄清楚后再问一次,结论会更确定",
            "{open}: once you know, ask again for a firmer answer"
        ),
    }
}

/// "N 个工作日".
pub fn working_days(n: u32, lang: Lang) -> String {
    let days = Count(n.into(), "working day");
    say!(lang, "{n} 个工作日", "{days}")
}

/// A number and an English noun, plural unless the number is one: "1 month", "3 months".
/// Written straight into the text it is part of.
pub struct Count(pub i64, pub &'static str);

impl std::fmt::Display for Count {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        let Count(n, noun) = *self;
        write!(f, "{n} {noun}{}", if n == 1 { "" } else { "s" })
    }
}

/// Whom to ask about a fact answered 不确定 in a walk-through (the fact's id, as in the rules).
fn who_knows(fact: &str) -> Text {
    match fact {
        "origin_stopped" | "from_stopped" => Text::new(
            "原单位人事部门或转出地医保经办机构(灵活就业、居民医保的问经办机构或查医保 App)",
            "your former employer's HR or the origin agency (flexible workers and residents: the agency or the insurance app)",
        ),
        "destination_enrolled" | "to_insured" => Text::new(
            "新单位人事部门或转入地医保经办机构",
            "your new employer's HR or the destination agency",
        ),
        "arrears" => Text::new(
            "医保经办机构,或在医保 App 里查缴费记录",
            "the agency, or look up your payment record in the insurance app",
        ),
        _ => Text::new("医保经办机构", "the medical-insurance agency"),
    }
}

/// A warning about the answer, worded for `voice`.
pub fn warning(w: &Warning, lang: Lang, voice: Voice) -> String {
    match w {
        Warning::CountedFromToday(start) if voice == Voice::Walk => say!(
            lang,
            "还没有受理日期,期限按今天 ({start}) 受理计算;受理后再问一次并填上受理日期,就能算出各环节的最迟日期",
            "no acceptance date yet, so the limits are counted as if accepted today ({start}); once accepted, ask again with the acceptance day for the date each step is due"
        ),
        Warning::CountedFromToday(start) => say!(
            lang,
            "还没有受理日期,期限按今天 ({start}) 受理计算;受理后加 --submitted YYYY-MM-DD 重新计算",
            "no acceptance date yet, so the limits are counted as if accepted today ({start}); once accepted, add --submitted YYYY-MM-DD"
        ),
        Warning::CalendarEstimate(last) => {
            let last = last.map_or_else(String::new, |y| y.to_string());
            say!(
                lang,
                "日历只收录到 {last} 年的放假安排;之后的日期只扣除法定节假日和周末,不含调休,是估算",
                "the calendar covers holiday notices up to {last} only; later dates skip statutory holidays and weekends but not make-up days, and are estimates"
            )
        }
        Warning::AddSubmitted => say!(
            lang,
            "申请被受理后,加 --submitted YYYY-MM-DD 可算出各环节的最迟日期",
            "once the application is accepted, add --submitted YYYY-MM-DD for the date each step is due"
        ),
        Warning::AddSubmittedForArrival => say!(
            lang,
            "加 --submitted YYYY-MM-DD(转移申请被受理的日期)可算出应到账日期",
            "add --submitted YYYY-MM-DD (the day the transfer application was accepted) for the arrival date"
        ),
        Warning::Gap(gap) => gap.to_string(),
        Warning::ListCases => say!(
            lang,
            "运行 yibao refund --list 查看全部情形",
            "run yibao refund --list to see every case"
        ),
        Warning::ListProcedures => say!(
            lang,
            "运行 yibao dental --list 查看目录",
            "run yibao dental --list to see the catalogue"
        ),
        Warning::NoRegion => say!(
            lang,
            "未指定地区:只列出全国通用渠道;加 --region 可加上当地自有渠道",
            "no region given: nationwide channels only; add --region for the region's own channels"
        ),
        Warning::EnrolmentClosing {
            to,
            days_left,
            for_year,
            fixed_months,
        } => {
            let fixed = fixed_months.unwrap_or(3);
            say!(
                lang,
                "转入地 {for_year} 年度居民医保的集中参保期 {to} 结束(还有 {days_left} 天):请在这之前参保缴费;错过后再参保,要先过 {fixed} 个月的固定待遇等待期",
                "the destination's enrolment window for {for_year} resident cover closes on {to} ({days_left} days left): enrol and pay before then; enrolling later means a fixed {fixed}-month waiting period first"
            )
        }
        Warning::EnrolmentClosed {
            to,
            for_year,
            fixed_months,
            late_benefits_from,
        } => {
            let fixed = fixed_months.unwrap_or(3);
            let from = late_benefits_from.map_or_else(String::new, |d| match lang {
                Lang::Zh => format!(";今天缴费的话,待遇最早从 {d} 起"),
                Lang::En => format!("; paying today, cover starts on {d} at the earliest"),
            });
            say!(
                lang,
                "转入地 {for_year} 年度居民医保的集中参保期已于 {to} 结束:现在参保要先过 {fixed} 个月的固定待遇等待期{from}",
                "the destination's enrolment window for {for_year} resident cover closed on {to}: enrolling now means a fixed {fixed}-month waiting period first{from}"
            )
        }
        Warning::NoLocalPortal(code) => {
            let name = place(code, lang);
            say!(
                lang,
                "规则中还没有{name}自有的查询平台;请用全国通用渠道,或向当地医保经办机构询问",
                "the rules name no portal of {name} yet; use the nationwide channels or ask the local agency"
            )
        }
    }
}

/// Said once, after an answer's summary, when reports alone make it conditional: how many of
/// the documents it cites are only reported.
pub fn decided_by_reports(n: usize, lang: Lang) -> String {
    let documents = match n {
        1 => "One document this answer rests on is",
        _ => &format!("{n} of the documents this answer rests on are"),
    };
    say!(
        lang,
        "这个结论依据的规定中有 {n} 条只见于转述,所以只能说视情况而定;办理前请向当地医保经办机构确认。",
        "{documents} seen only in reports, so it can only say conditional; confirm with the local agency before acting."
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_counts_are_singular_only_for_one() {
        assert_eq!(Count(1, "month").to_string(), "1 month");
        assert_eq!(Count(3, "month").to_string(), "3 months");
        assert_eq!(Count(0, "point").to_string(), "0 points");
        assert_eq!(working_days(1, Lang::En), "1 working day");
        assert_eq!(working_days(1, Lang::Zh), "1 个工作日");
    }
}
