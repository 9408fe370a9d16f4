//! Wrapping text for a terminal of a given width, Chinese and English alike. Widths are
//! display columns (a Chinese character takes two). A line breaks between Chinese characters
//! or at a space between English words, never inside a date, a number with its unit, an
//! English word, or a mark such as "(待核对)"; a space between Chinese characters is not a
//! place to break; closing punctuation never starts a line and opening punctuation never ends one.
//! Continuation lines keep a hanging indent. Nothing here decides what is said.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Display width of a text without escape sequences, counting the "ambiguous" characters
/// (“”, ·, —, →, …) as two columns, as Chinese terminal fonts often draw them: a line that
/// fits that way fits everywhere.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width_cjk(s)
}

/// Marks kept whole and never separated from the word before them.
const MARKS: [&str; 4] = ["(待核对)", "(unverified)", "(估算)", "(estimate)"];

/// Units kept on the line of the number before them (longest first).
const UNITS: [&str; 20] = [
    "个工作日",
    "个月",
    "工作日",
    "working days",
    "working day",
    "months",
    "month",
    "years",
    "year",
    "days",
    "day",
    "yuan",
    "个",
    "年",
    "月",
    "日",
    "天",
    "元",
    "岁",
    "%",
];

/// Characters that may not start a line (they close or follow what is before them).
fn closing(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '）'
            | '》'
            | '」'
            | '』'
            | '】'
            | '〕'
            | '”'
            | '’'
            | ','
            | '.'
            | ';'
            | ':'
            | '!'
            | '?'
            | ')'
            | ']'
            | '}'
            | '%'
            | '·'
            | '…'
    )
}

/// Characters that may not end a line (they open what follows them).
fn opening(c: char) -> bool {
    matches!(
        c,
        '（' | '《' | '「' | '『' | '【' | '〔' | '“' | '‘' | '(' | '[' | '{'
    )
}

/// Wide characters (Chinese text): each may stand alone on either side of a break.
fn wide(c: char) -> bool {
    c.width().unwrap_or(0) >= 2
}

/// An unbreakable piece of text and whether a space (dropped at a line break) comes before it.
#[derive(Debug, PartialEq)]
struct Atom {
    text: String,
    space_before: bool,
}

/// Splits a text into pieces a line may break between.
fn atoms(text: &str) -> Vec<Atom> {
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<Atom> = Vec::new();
    // Glue the next piece to the last one (no break between them).
    let mut glue = false;
    let mut space = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == ' ' {
            // A space inside Chinese text (between two Chinese characters), or before a
            // mark, is not a break: keep it inside the piece. Between Chinese and an English
            // word or a number it is.
            let prev_wide = i > 0 && wide(chars[i - 1]);
            let next_wide = chars.get(i + 1).is_some_and(|&n| wide(n));
            let before_mark = mark_at(&chars[i + 1..]).is_some();
            match out.last_mut() {
                Some(last) if (prev_wide && next_wide) || before_mark => {
                    last.text.push(' ');
                    glue = true;
                }
                _ => space = true,
            }
            i += 1;
            continue;
        }
        // The piece starting here.
        let (piece, next) = if let Some(mark) = mark_at(&chars[i..]) {
            (mark.to_string(), i + mark.chars().count())
        } else if wide(c) {
            (c.to_string(), i + 1)
        } else {
            let mut j = i;
            while j < chars.len()
                && chars[j] != ' '
                && !wide(chars[j])
                && mark_at(&chars[j..]).is_none()
            {
                j += 1;
            }
            (chars[i..j].iter().collect(), j)
        };
        let first = piece.chars().next().unwrap_or(' ');
        let after_number = out
            .last()
            .is_some_and(|a| a.text.trim_end().ends_with(|c: char| c.is_ascii_digit()));
        let unit = after_number.then(|| unit_at(&chars[i..])).flatten();
        if let Some(unit) = unit {
            // A number keeps its unit: "10 个工作日", "3 months".
            if let Some(last) = out.last_mut() {
                if space {
                    last.text.push(' ');
                }
                last.text.push_str(unit);
            }
            i += unit.chars().count();
            space = false;
            glue = false;
            continue;
        }
        let joins = !out.is_empty()
            && (glue
                || (!space && closing(first))
                || mark_at(&chars[i..]).is_some()
                || out.last().is_some_and(|a| a.text.ends_with(opening))
                // An ordinal keeps its number: "第 10 个工作日".
                || (first.is_ascii_digit() && out.last().is_some_and(|a| a.text.ends_with('第'))));
        if joins {
            if let Some(last) = out.last_mut() {
                if space {
                    last.text.push(' ');
                }
                last.text.push_str(&piece);
            }
        } else {
            out.push(Atom {
                text: piece,
                space_before: space,
            });
        }
        glue = false;
        space = false;
        i = next;
    }
    out
}

fn mark_at(chars: &[char]) -> Option<&'static str> {
    // Every mark opens with "(": most places are ruled out by their first character (this
    // runs for every character of every line shown).
    if chars.first() != Some(&'(') {
        return None;
    }
    MARKS
        .into_iter()
        .find(|m| chars.len() >= m.chars().count() && m.chars().zip(chars).all(|(a, b)| a == *b))
}

fn unit_at(chars: &[char]) -> Option<&'static str> {
    UNITS.into_iter().find(|u| {
        let n = u.chars().count();
        chars.len() >= n
            && u.chars().zip(chars).all(|(a, b)| a == *b)
            // An English unit is a whole word.
            && (u.chars().all(wide) || chars.get(n).is_none_or(|c| !c.is_alphanumeric()))
    })
}

/// The pieces, those wider than `room` split at the spaces inside them (a space next to
/// Chinese text is a break after all when the alternative is cutting a word).
fn fitting(atoms: Vec<Atom>, room: usize) -> Vec<Atom> {
    let mut out = Vec::with_capacity(atoms.len());
    for atom in atoms {
        if width(&atom.text) <= room || !atom.text.contains(' ') {
            out.push(atom);
            continue;
        }
        for (n, part) in atom.text.split(' ').filter(|p| !p.is_empty()).enumerate() {
            out.push(Atom {
                text: part.to_string(),
                space_before: n > 0 || atom.space_before,
            });
        }
    }
    out
}

/// The lines of `text` at `width` columns: the first starts with `first`, the others with
/// `indent` spaces. A piece wider than a whole line is cut by characters.
pub fn wrap(text: &str, first: &str, indent: usize, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = first.to_string();
    let mut used = self::width(first);
    let mut empty = true;
    let pad = " ".repeat(indent);
    for atom in fitting(atoms(text), width.saturating_sub(indent)) {
        let w = self::width(atom.text.as_str());
        if !empty && used + usize::from(atom.space_before) + w > width {
            lines.push(std::mem::take(&mut line));
            line.push_str(&pad);
            used = indent;
            empty = true;
        }
        let sep = usize::from(atom.space_before && !empty);
        if empty && used + w > width {
            // Too long for any line: cut it by characters.
            for c in atom.text.chars() {
                let cw = c.width_cjk().unwrap_or(0);
                if used + cw > width && !empty {
                    lines.push(std::mem::take(&mut line));
                    line.push_str(&pad);
                    used = indent;
                }
                line.push(c);
                used += cw;
                empty = false;
            }
            continue;
        }
        if sep == 1 {
            line.push(' ');
            used += 1;
        }
        line.push_str(&atom.text);
        used += w;
        empty = false;
    }
    lines.push(line);
    lines
}

/// `text` on one line of at most `width` columns after `first`, cut between pieces and ended
/// with "…" when it does not fit.
pub fn one_line(text: &str, first: &str, width: usize) -> String {
    let mut line = first.to_string();
    let mut used = self::width(first);
    for (n, atom) in atoms(text).into_iter().enumerate() {
        let sep = usize::from(atom.space_before && n > 0);
        let w = self::width(atom.text.as_str());
        if used + sep + w > width {
            // Room for the ellipsis.
            let ellipsis = self::width("…");
            while used + ellipsis > width {
                match line.pop() {
                    Some(c) => used -= c.width_cjk().unwrap_or(0),
                    None => break,
                }
            }
            line.push('…');
            return line;
        }
        if sep == 1 {
            line.push(' ');
        }
        line.push_str(&atom.text);
        used += sep + w;
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        atoms(s).into_iter().map(|a| a.text).collect()
    }

    #[test]
    fn a_number_keeps_its_unit_and_a_date_stays_whole() {
        assert_eq!(
            texts("2026-09-20 后第 10 个工作日"),
            ["2026-09-20", "后", "第 10 个工作日"]
        );
        assert_eq!(
            texts("within 10 working days"),
            ["within", "10 working days"]
        );
        assert_eq!(texts("about 2% of"), ["about", "2%", "of"]);
    }

    #[test]
    fn every_mark_opens_with_a_bracket() {
        // `mark_at` looks no further where there is none.
        assert!(MARKS.iter().all(|m| m.starts_with('(')));
    }

    #[test]
    fn the_mark_stays_whole_with_the_word_before_it() {
        assert_eq!(texts("提交 (待核对)"), ["提", "交 (待核对)"]);
        assert_eq!(
            texts("apply now (unverified)"),
            ["apply", "now (unverified)"]
        );
    }

    #[test]
    fn closing_punctuation_never_starts_a_line_nor_opening_ends_one() {
        assert_eq!(
            texts("带《参保凭证》,"),
            ["带", "《参", "保", "凭", "证》,"]
        );
    }

    #[test]
    fn lines_fit_and_keep_a_hanging_indent() {
        let text = "申请一次即可,转入地、转出地任意一方都可以发起:在国家医保服务平台 App(或支付宝、微信里的同名小程序)首页点“地方专区”,最迟 2026-10-10 办结 (待核对)";
        for w in [20, 33, 60, 80] {
            let lines = wrap(text, "  1. ", 5, w);
            for (i, l) in lines.iter().enumerate() {
                assert!(width(l) <= w, "{w}: {l:?}");
                if i > 0 {
                    assert!(l.starts_with("     ") && !l.starts_with("      "), "{l:?}");
                }
            }
            let joined: String = lines.iter().map(|l| l.trim_start()).collect();
            assert!(joined.contains("2026-10-10"), "{w}: {lines:?}");
            assert!(joined.contains("(待核对)"), "{w}: {lines:?}");
        }
    }

    #[test]
    fn at_every_width_dates_units_and_marks_stay_whole() {
        let text = "转出地办结转出、划出余额:10 个工作日内,最迟 2026-10-10;转入地 2026-10-16 前办结,约 5 个工作日记入 (待核对)";
        let english = "the origin completes it within 10 working days, by 2026-10-10, and the destination by 2026-10-16 (unverified)";
        for w in 24..=80 {
            for (t, whole) in [
                (
                    text,
                    &[
                        "2026-10-10",
                        "2026-10-16",
                        "10 个工作日",
                        "5 个工作日",
                        "(待核对)",
                    ][..],
                ),
                (
                    english,
                    &[
                        "2026-10-10,",
                        "2026-10-16",
                        "10 working days",
                        "(unverified)",
                    ],
                ),
            ] {
                let lines = wrap(t, "  - ", 4, w);
                for piece in whole {
                    assert!(
                        lines.iter().any(|l| l.contains(piece)),
                        "{w}: {piece} split: {lines:#?}"
                    );
                }
                assert!(lines.iter().all(|l| width(l) <= w), "{w}: {lines:#?}");
            }
        }
    }

    #[test]
    fn a_space_inside_chinese_text_is_not_a_break() {
        assert_eq!(texts("平台: 登录 首页"), ["平", "台:", "登", "录 首", "页"]);
        // "App(或" is one piece with the characters around the spaces glued.
        let lines = wrap("平台 App 首页", "", 0, 12);
        assert!(
            lines
                .iter()
                .all(|l| !l.ends_with(' ') && !l.starts_with(' ')),
            "{lines:?}"
        );
        assert_eq!(lines.concat(), "平台 App 首页");
    }

    #[test]
    fn one_line_ends_with_an_ellipsis_when_cut() {
        let l = one_line("基本医疗保险关系转移接续暂行办法", "  ", 20);
        assert!(width(&l) <= 20 && l.ends_with('…'), "{l}");
        assert_eq!(one_line("短", "  ", 20), "  短");
    }
}
