//! clap's usage errors in Chinese. clap words them in English only, but it also hands over
//! what it found (the kind of error, the argument, the value, the values there are, its
//! suggestion): those are put in Chinese sentences here. A kind not known here keeps clap's
//! English (`chinese` gives `None`).

use clap::error::{ContextKind, ContextValue, ErrorKind};

/// The error as one Chinese line, or `None` to keep clap's English.
pub fn chinese(e: &clap::Error) -> Option<String> {
    let text = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join("、")),
        Some(ContextValue::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let arg = text(ContextKind::InvalidArg).unwrap_or_default();
    let value = text(ContextKind::InvalidValue).unwrap_or_default();
    let mut line = match e.kind() {
        ErrorKind::UnknownArgument => format!("无法识别的参数 '{arg}'"),
        ErrorKind::InvalidSubcommand => format!(
            "没有名为 '{}' 的命令",
            text(ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::InvalidValue if value.is_empty() => format!("{arg} 需要一个值,不能为空"),
        ErrorKind::InvalidValue => format!("'{value}' 不是 {arg} 可用的值"),
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(e).map_or(String::new(), |s| {
                let s = s.to_string();
                let zh = VALIDATIONS.iter().find(|(en, _)| *en == s);
                format!(": {}", zh.map_or(s.as_str(), |(_, zh)| zh))
            });
            format!("'{value}' 不是 {arg} 的有效值{why}")
        }
        ErrorKind::MissingRequiredArgument => format!("缺少必需的参数: {arg}"),
        ErrorKind::MissingSubcommand => format!(
            "'{}' 后面要跟一个命令",
            text(ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::ArgumentConflict => match text(ContextKind::PriorArg) {
            Some(prior) if prior == arg => format!("参数 '{arg}' 只能给一次"),
            Some(prior) => format!("参数 '{arg}' 不能与 '{prior}' 同时使用"),
            None => format!("参数 '{arg}' 不能与其他已给的参数同时使用"),
        },
        ErrorKind::NoEquals => format!("{arg} 的值须用 '=' 连接(例如 {arg}=…)"),
        ErrorKind::TooManyValues => format!("{arg} 多给了一个值 '{value}'"),
        ErrorKind::TooFewValues => format!(
            "{arg} 至少要 {} 个值,只给了 {} 个",
            text(ContextKind::MinValues).unwrap_or_default(),
            text(ContextKind::ActualNumValues).unwrap_or_default()
        ),
        ErrorKind::WrongNumberOfValues => format!(
            "{arg} 要 {} 个值,给了 {} 个",
            text(ContextKind::ExpectedNumValues).unwrap_or_default(),
            text(ContextKind::ActualNumValues).unwrap_or_default()
        ),
        ErrorKind::InvalidUtf8 => "参数不是有效的 UTF-8 文本".to_string(),
        _ => return None,
    };
    // clap lists no values for a free-text flag given none (`--from --to 北京`).
    if let Some(valid) = text(ContextKind::ValidValue).filter(|v| !v.is_empty()) {
        line.push_str(&format!(";可用的值: {valid}"));
    }
    if let Some(valid) = text(ContextKind::ValidSubcommand) {
        line.push_str(&format!(";可用的命令: {valid}"));
    }
    for (kind, what) in [
        (ContextKind::SuggestedSubcommand, "命令"),
        (ContextKind::SuggestedArg, "参数"),
        (ContextKind::SuggestedValue, "值"),
    ] {
        if let Some(s) = text(kind) {
            line.push_str(&format!(";您是不是要用{what} '{s}'?"));
        }
    }
    if let Some(ContextValue::StyledStrs(tips)) = e.get(ContextKind::Suggested) {
        for tip in tips {
            line.push_str(&format!(";提示: {}", tip_zh(&tip.to_string())));
        }
    }
    if let Some(hint) = env_hint(&arg) {
        line.push_str(&format!(";{hint}"));
    }
    if let Some(hint) = super::scheme_hint(e) {
        line.push_str(&format!(";{}", hint.zh));
    }
    line.push_str(";用 --help 查看用法");
    Some(line)
}

/// The reasons `cli`'s own value parsers give, in Chinese.
const VALIDATIONS: &[(&str, &str)] = &[
    (
        "digits may be grouped only by thousands, like 8,000",
        "数字只能按千位分组,例如 8,000",
    ),
    (
        "give at most two decimals (fen), like 6000.50",
        "最多两位小数(到分),例如 6000.50",
    ),
];

/// clap's tips, as far as they are known here; others stay as they are.
fn tip_zh(tip: &str) -> String {
    let quoted: Vec<&str> = tip.split('\'').skip(1).step_by(2).collect();
    match quoted.as_slice() {
        [value, _] if tip.starts_with("to pass") => {
            format!("若要把 '{value}' 当作值,请写成 '-- {value}'")
        }
        [sub, _] if tip.starts_with("subcommand") => {
            format!("有命令 '{sub}';要用它,请去掉前面的 '--'")
        }
        [flag] if tip.ends_with("exists") => format!("有参数 '{flag}'"),
        _ => tip.to_string(),
    }
}

/// The reminder that a flag's value may come from its environment variable (`cli::env_hint`).
fn env_hint(arg: &str) -> Option<String> {
    super::ENV_FLAGS.iter().find_map(|(id, var)| {
        let flag = format!("--{} ", id.replace('_', "-"));
        let value = std::env::var(var).ok().filter(|v| !v.is_empty())?;
        format!("{arg} ")
            .starts_with(&flag)
            .then(|| format!("环境变量 {var} 的值是 '{value}':请改正或清除它"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use crate::text::Lang;

    fn refusal(args: &[&str]) -> String {
        let e = Cli::definitions(Lang::Zh)
            .try_get_matches_from(std::iter::once("yibao").chain(args.iter().copied()))
            .unwrap_err();
        chinese(&e).unwrap_or_else(|| panic!("{:?} kept in English: {e}", e.kind()))
    }

    #[test]
    fn each_kind_of_usage_error_has_a_chinese_sentence() {
        for (args, expected) in [
            (
                &["--frobnicate", "regions"][..],
                "无法识别的参数 '--frobnicate'",
            ),
            (&["regions", "a", "b"], "无法识别的参数 'b'"),
            (
                &["tranfser"],
                "没有名为 'tranfser' 的命令;您是不是要用命令 'transfer'?",
            ),
            (
                &["transfer", "--scheme", "工人"],
                "'工人' 不是 --scheme <险种> 可用的值;可用的值: employee、resident",
            ),
            (
                &["transfer", "--retired", "maybe"],
                "可用的值: yes、no、unknown",
            ),
            (&["transfer", "--from"], "--from <地区> 需要一个值"),
            (
                &["balance", "--monthly", "--base", "8,0,0,0"],
                "'8,0,0,0' 不是 --base <金额> 的有效值: 数字只能按千位分组",
            ),
            (&["balance", "--monthly", "--base", "1.234"], "最多两位小数"),
            (&["calendar", "add"], "缺少必需的参数: <日期>、<N>"),
            (&["refund", "--list", "--case", "x"], "不能与"),
            (&["--json", "--json", "regions"], "只能给一次"),
            (&["regions", "--jsn"], "您是不是要用参数 '--json'?"),
            (&["regions", "-x"], "若要把 '-x' 当作值,请写成 '-- -x'"),
        ] {
            let line = refusal(args);
            assert!(line.contains(expected), "{args:?}: {line}");
            assert!(
                !line.contains("可用的值: ;"),
                "{args:?}: an empty list: {line}"
            );
            assert!(line.ends_with("用 --help 查看用法"), "{line}");
        }
    }
}
