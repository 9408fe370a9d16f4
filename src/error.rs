//! The one error type of yibao and its mapping to exit codes. Every variant carries what the
//! user typed or the file at fault, and its message says what to do next.

use crate::checks::answers::Contradiction;
use crate::region::LookupError;
use crate::rules::diag::Diagnostic;
use crate::rules::load::OverlayError;
use crate::text::{Lang, Text};

/// Exit codes (DESIGN.md): 0 yes / success, 1 no, 3 conditional, 2 usage or input error,
/// 4 rules data error, 130 interrupted at a prompt.
pub mod exit {
    use crate::vocab::Outcome;

    pub const YES: i32 = Outcome::Yes.exit_code();
    pub const NO: i32 = Outcome::No.exit_code();
    pub const USAGE: i32 = 2;
    pub const CONDITIONAL: i32 = Outcome::Conditional.exit_code();
    pub const RULES: i32 = 4;
    pub const INTERRUPTED: i32 = 130;
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Something typed was wrong: a value, a combination of flags, a missing fact.
    #[error("{}", .0.en)]
    Usage(Text),
    /// A region that did not resolve; `flag` names where it was typed.
    #[error("{flag}: {source}")]
    Region { flag: String, source: LookupError },
    /// The rules files are invalid.
    #[error("{} problem(s) in the rules files", .0.len())]
    Rules(Vec<Diagnostic>),
    /// The `--rules-dir` directory cannot be used.
    #[error("{0}")]
    RulesDir(#[from] OverlayError),
    /// A file the user named could not be read or written, or is not what it should be.
    #[error("{path}: {}", .reason.en)]
    File { path: String, reason: Text },
    /// Facts typed that cannot all be true.
    #[error("{}", contradiction(.0, Lang::En))]
    Contradiction(Contradiction),
    /// Ctrl-C or Esc at a prompt.
    #[error("interrupted")]
    Interrupted,
    /// 上一步 (back) chosen at a prompt that offers it; the walk-through asking catches it
    /// (`prompt::Prompter::walk`) and asks the question before again.
    #[error("interrupted")]
    Back,
}

impl Error {
    /// A usage error with the same advice in both languages.
    pub fn usage(zh: impl Into<String>, en: impl Into<String>) -> Error {
        let (zh, en): (String, String) = (zh.into(), en.into());
        Error::Usage(Text::new(zh, en))
    }

    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Usage(_)
            | Error::Contradiction(_)
            | Error::Region { .. }
            | Error::File { .. } => exit::USAGE,
            Error::Rules(_) | Error::RulesDir(_) => exit::RULES,
            Error::Interrupted | Error::Back => exit::INTERRUPTED,
        }
    }

    /// A stable id for JSON error objects.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Usage(_) | Error::Contradiction(_) => "usage",
            Error::Region { .. } => "region",
            Error::Rules(_) => "rules",
            Error::RulesDir(_) => "rules_dir",
            Error::File { .. } => "file",
            Error::Interrupted | Error::Back => "interrupted",
        }
    }

    /// The message lines in `lang` (rules diagnostics are one line each), made safe to show
    /// (`tidy`).
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        self.raw_lines(lang).iter().map(|l| tidy(l)).collect()
    }

    fn raw_lines(&self, lang: Lang) -> Vec<String> {
        match (self, lang) {
            (Error::Usage(t), _) => vec![t.get(lang).to_string()],
            (Error::Contradiction(c), _) => vec![contradiction(c, lang)],
            (Error::Rules(ds), _) => ds.iter().map(ToString::to_string).collect(),
            (Error::Region { flag, source }, Lang::Zh) => {
                vec![format!("{flag}: {}", region_zh(source))]
            }
            (Error::RulesDir(e), Lang::Zh) => vec![format!("规则目录不可用: {e}")],
            (Error::File { path, reason }, Lang::Zh) => vec![format!("文件 {path}: {}", reason.zh)],
            (Error::Interrupted | Error::Back, Lang::Zh) => vec!["已中断".to_string()],
            (other, Lang::En) => vec![other.to_string()],
        }
    }
}

/// What contradicts what, naming the flags (or record keys) typed.
fn contradiction(c: &Contradiction, lang: Lang) -> String {
    let text = match *c {
        Contradiction::FutureSubmission { flag, day, on } => Text::new(
            format!(
                "{flag} {day} 晚于评估日期 {on}:受理日期不能在将来;还没受理就不要给 {flag}(会按今天申请计算)"
            ),
            format!(
                "{flag} {day} is after the as-of date {on}: an acceptance date cannot be in the future; leave {flag} out if it has not been accepted (dates are then counted as if you apply today)"
            ),
        ),
        Contradiction::MonthOutOfReach { flag, month, on } => {
            let (earliest, latest) = crate::checks::answers::months_in_reach(on);
            Text::new(
                format!(
                    "{flag}: '{month}' 不像真实的缴费月份(评估日期 {on}):请给出 {earliest} 到 {latest} 之间的月份,并核对年份"
                ),
                format!(
                    "{flag}: '{month}' does not look like a real month of payment (as of {on}): give a month from {earliest} to {latest}, and check the year"
                ),
            )
        }
        Contradiction::NewSchemeWithoutScheme { new_scheme, scheme } => Text::new(
            format!("给了 {new_scheme} 却没有 {scheme}:请用 {scheme} 说明现在参加的险种"),
            format!(
                "{new_scheme} was given without {scheme}: say which scheme you are in now with {scheme}"
            ),
        ),
    };
    text.get(lang).to_string()
}

/// Most characters of typed input quoted in a message.
pub const QUOTED_CHARS: usize = 100;
/// Most characters of one message line, whatever it quotes.
pub const LINE_CHARS: usize = 2000;

/// A message line made safe to show: control characters (but newlines) escaped, a quoted
/// part ('…' or `…`, opened after a space or punctuation, closed before one) cut to
/// `QUOTED_CHARS` characters, the whole line to `LINE_CHARS`.
pub fn tidy(line: &str) -> String {
    let mut out = String::with_capacity(line.len().min(LINE_CHARS * 4));
    let mut quoted: Option<(char, usize)> = None;
    let mut previous = ' ';
    let mut chars = line.chars().peekable();
    let mut shown = 0;
    while let Some(c) = chars.next() {
        if c == '\'' || c == '`' {
            let next = chars.peek().copied().unwrap_or(' ');
            match quoted {
                None if !previous.is_alphanumeric() => quoted = Some((c, 0)),
                Some((q, _)) if q == c && !next.is_alphanumeric() => quoted = None,
                _ => {}
            }
        }
        if let Some((q, n)) = &mut quoted
            && c != *q
        {
            *n += 1;
            if *n > QUOTED_CHARS {
                if *n == QUOTED_CHARS + 1 {
                    out.push('…');
                }
                previous = c;
                continue;
            }
        }
        previous = c;
        shown += 1;
        if shown > LINE_CHARS {
            out.push('…');
            break;
        }
        if (c.is_control() && c != '\n') || crate::typed::is_invisible(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// The Chinese wording of a region lookup failure.
fn region_zh(e: &LookupError) -> String {
    const HINT: &str = "地区可用 6 位行政区划代码、中文名称或拼音表示,可用 'yibao regions' 查找";
    const PINYIN: &str = "拼音只收录了省、地级市和部分区县(北京、上海、广州、深圳的区,以及 kunshan、yiwu 等):可以给出区县所在的市(例如 suzhou,昆山属于苏州市统筹地区),或用区县的中文名称或 6 位代码('yibao regions 3205' 列出苏州市 320500 下属的区县)";
    let hint = |query: &str| {
        if crate::region::looks_like_pinyin(query) {
            PINYIN
        } else {
            HINT
        }
    };
    // The regions offered, each named as Chinese messages name it.
    let offered = (e.offered(Lang::Zh).into_iter())
        .map(|(_, label)| label)
        .collect::<Vec<_>>()
        .join("、");
    match e {
        LookupError::Empty => format!("没有给出地区(例如 110000、北京 或 beijing);{HINT}"),
        LookupError::NotFound { query, suggestions } if suggestions.is_empty() => {
            format!("无法识别的地区 '{query}'。{}", hint(query))
        }
        LookupError::NotFound { query, .. } => {
            format!(
                "无法识别的地区 '{query}';您是不是要找 {offered}?{}",
                hint(query)
            )
        }
        LookupError::Ambiguous { query, .. } => {
            format!("'{query}' 对应多个地区: {offered};请改用 6 位代码或完整中文名称")
        }
        LookupError::NotAPoolingArea { query, choices, .. } => {
            let region = e.named_region(Lang::Zh);
            match choices.is_empty() {
                true => format!(
                    "'{query}' 是 {region},不属于内地基本医疗保险的统筹地区;请给出内地的市、州或县"
                ),
                false => format!(
                    "'{query}' 是省级行政区 {region},不是统筹地区;请给出其下的市或州,例如 {offered}"
                ),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped_and_long_quotes_cut() {
        assert_eq!(
            tidy("no guide called 'a\u{1b}]0;x\u{7}b'; don't"),
            "no guide called 'a\\u{1b}]0;x\\u{7}b'; don't"
        );
        let long = format!("no topic '{}' (see 'yibao guide')", "x".repeat(1 << 20));
        let cut = tidy(&long);
        assert_eq!(
            cut,
            format!(
                "no topic '{}…' (see 'yibao guide')",
                "x".repeat(QUOTED_CHARS)
            )
        );
        let field = format!("unknown field `{}`, expected `from`", "z".repeat(500));
        assert_eq!(
            tidy(&field),
            format!(
                "unknown field `{}…`, expected `from`",
                "z".repeat(QUOTED_CHARS)
            )
        );
        assert!(tidy(&"y".repeat(5000)).chars().count() <= LINE_CHARS + 1);
        assert_eq!(tidy("first\nsecond\ttab"), "first\nsecond\\ttab");
    }
}
