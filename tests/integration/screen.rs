//! The plan on a screen (issue 20): it fits 80×40 and 60×40 terminals in both languages,
//! no line is wider than the width (display width: a Chinese character takes two columns),
//! dates, numbers with units and the "(待核对)" mark are never split, the mark is shown once
//! where it matters, `--explain` still shows every item, and colour and the closing reminder
//! appear only at a terminal.

use unicode_width::UnicodeWidthStr;

use crate::support::{Yibao, says};

/// The happy-path transfer of README.
const HAPPY: &str = "transfer --from 西安 --to 北京 --scheme employee --reason job \
    --origin-stopped yes --destination-enrolled yes --arrears no --account-frozen no \
    --retired no --last-paid 2026-08 --paid-from 2026-09";

/// One question of every command that answers with a plan.
const PLANS: &[&str] = &[
    HAPPY,
    "transfer --from 西安 --to 北京 --scheme employee --retired no --submitted 2026-09-28",
    "transfer --from 成都 --to 深圳 --scheme employee --retired yes",
    "merge --from 西安 --to 北京 --arrears no --frozen no --from-stopped yes --to-insured yes",
    "balance --region 北京",
    "balance --region 北京 --after-transfer --from 西安 --submitted 2026-09-28",
    "refund --case employee-twice-before-benefit",
    "dental 补牙 --designated yes --imported-material no",
];

/// The words of a command line.
fn words(line: &str) -> Vec<&str> {
    line.split_whitespace().collect()
}

/// The `--json` answer.
fn json(args: &str, lang: &str) -> serde_json::Value {
    let run = Yibao::new()
        .args(words(args))
        .args(["--json", "--lang", lang])
        .on("2026-10-20")
        .run();
    serde_json::from_str(&run.stdout).unwrap()
}

fn plan(args: &str, lang: &str, columns: usize, extra: &[&str]) -> String {
    let run = Yibao::new()
        .args(words(args))
        .args(extra)
        .args(["--lang", lang])
        .on("2026-10-20")
        .env("COLUMNS", &columns.to_string())
        .run();
    assert!(
        [0, 1, 3].contains(&run.code),
        "{args:?} exit {}\n{}",
        run.code,
        run.stderr
    );
    run.stdout
}

#[test]
fn the_happy_path_plan_fits_the_screen_in_both_languages() {
    // (lang, columns, most lines): the README example at 80 columns is the target.
    for (lang, columns, most) in [
        ("zh", 80, 50),
        ("zh", 60, 56),
        ("en", 80, 60),
        ("en", 60, 74),
    ] {
        let out = plan(HAPPY, lang, columns, &[]);
        let n = out.lines().count();
        assert!(n <= most, "{lang} at {columns}: {n} lines\n{out}");
        // Top-down: conclusion, what to do next, deadlines, then steps, …, sources.
        let order: &[&str] = match lang {
            "zh" => &[
                "结论:",
                "下一步:",
                "期限",
                "办理步骤",
                "需携带",
                "随转移带走的",
                "须知",
                "依据",
            ],
            _ => &[
                "Outcome:",
                "Next:",
                "Deadlines",
                "Steps",
                "Materials",
                "What carries over",
                "Notes",
                "Sources",
            ],
        };
        let at: Vec<usize> = (order.iter())
            .map(|h| {
                out.find(h)
                    .unwrap_or_else(|| panic!("{lang}: no {h}\n{out}"))
            })
            .collect();
        assert!(
            at.windows(2).all(|p| p[0] < p[1]),
            "{lang} order {at:?}\n{out}"
        );
    }
}

#[test]
fn no_line_is_wider_than_the_screen() {
    for &args in PLANS {
        for lang in ["zh", "en"] {
            for columns in [60, 80] {
                for extra in [&[][..], &["--explain"], &["--sources"]] {
                    let out = plan(args, lang, columns, extra);
                    for line in out.lines() {
                        // Text fits even where “”·—→… are drawn two columns wide (Chinese
                        // fonts); tables (comfy-table) count them as one.
                        let table = line.starts_with(['+', '|']);
                        let w = if table {
                            line.width()
                        } else {
                            line.width_cjk()
                        };
                        assert!(
                            w <= columns,
                            "{args:?} {lang} {extra:?} at {columns}: {w} columns\n{line}\n{out}"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn dates_and_marks_are_never_split_across_lines() {
    for &args in PLANS {
        for lang in ["zh", "en"] {
            let doc = json(args, lang);
            let dates: Vec<String> = (doc["deadlines"].as_array().unwrap().iter())
                .map(|d| d["date"].as_str().unwrap().to_string())
                .collect();
            let mark = if lang == "zh" {
                "(待核对)"
            } else {
                "(unverified)"
            };
            // (Every width from 24 to 80 is swept by the unit tests of render::wrap.)
            for columns in [60, 70] {
                for extra in [&[][..], &["--explain"]] {
                    let out = plan(args, lang, columns, extra);
                    for date in &dates {
                        assert!(
                            out.contains(date.as_str()),
                            "{args:?} {columns}: {date} split\n{out}"
                        );
                    }
                    // Every start of a mark is a whole mark.
                    let starts = out.matches(&mark[..4]).count();
                    assert_eq!(
                        starts,
                        out.matches(mark).count(),
                        "{args:?} {columns}\n{out}"
                    );
                    // A number keeps its unit on its line.
                    let lines: Vec<&str> = out.lines().map(str::trim).collect();
                    for pair in lines.windows(2) {
                        let number = pair[0].ends_with(|c: char| c.is_ascii_digit());
                        let unit = ["个", "working", "months", "days", "%"]
                            .iter()
                            .any(|u| pair[1].starts_with(u));
                        assert!(!(number && unit), "{args:?} {columns}: {pair:?}\n{out}");
                    }
                }
            }
        }
    }
}

/// Lines of list items and steps (not headings, sources or the legend).
fn item_lines(out: &str) -> Vec<&str> {
    let sources = out.find("\n依据").unwrap_or(out.len());
    out[..sources]
        .lines()
        .filter(|l| {
            let t = l.trim_start();
            l.starts_with("  ")
                && (t.starts_with("- ")
                    || t.split_once(". ")
                        .is_some_and(|(n, _)| n.parse::<u32>().is_ok()))
        })
        .collect()
}

#[test]
fn the_unverified_mark_is_shown_once_where_it_matters() {
    let out = plan(HAPPY, "zh", 80, &[]);
    // The deadlines rest on 43号 (full text read): neither heading nor lines are marked.
    assert!(out.contains("\n期限\n"), "{out}");
    // The steps are mixed: the heading carries no mark, only the unverified steps do.
    assert!(out.contains("\n办理步骤\n"), "{out}");
    let steps = &out[out.find("\n办理步骤\n").unwrap()..out.find("需携带").unwrap()];
    let marked = steps.matches("(待核对)").count();
    let numbered = item_lines(steps).len();
    assert!(marked > 0 && marked < numbered, "{steps}");
    // The legend opens the sources; only the documents that are reported are marked.
    let sources = &out[out.find("\n依据\n").expect("sources") + 1..];
    let mut lines = sources.lines().skip(1);
    assert!(
        lines.next().unwrap().contains("待核对"),
        "no legend first\n{sources}"
    );
    let docs: Vec<&str> = lines.collect();
    let is_43 = |l: &&&str| l.contains("43号");
    assert!(
        docs.iter().filter(is_43).all(|l| !l.contains("待核对")),
        "{sources}"
    );
    assert!(docs.iter().any(|l| l.contains("待核对")), "{sources}");
    // --explain keeps the full per-item trace: every unverified step is marked.
    let explain = plan(HAPPY, "zh", 80, &["--explain"]);
    let steps = &explain[explain.find("办理步骤").unwrap()..explain.find("需携带").unwrap()];
    let doc = json(HAPPY, "zh");
    let unverified = (doc["steps"].as_array().unwrap().iter())
        .filter(|s| s["unverified"] == true)
        .count();
    assert_eq!(steps.matches("(待核对)").count(), unverified, "{steps}");
    assert!(out.matches("(待核对)").count() < explain.matches("(待核对)").count());
}

#[test]
fn nothing_is_lost_every_item_is_shown_with_explain() {
    for &args in PLANS {
        for lang in ["zh", "en"] {
            let doc = json(args, lang);
            let explain = plan(args, lang, 60, &["--explain"]);
            for key in [
                "blockers",
                "conditions",
                "steps",
                "materials",
                "carries_over",
                "notes",
            ] {
                for item in doc[key].as_array().unwrap() {
                    let text = item["text"].as_str().unwrap();
                    assert!(
                        says(&explain, text),
                        "{args:?} {lang}: {key} {text:?} not shown\n{explain}"
                    );
                }
            }
            let sources = plan(args, lang, 60, &["--sources"]);
            for c in doc["citations"].as_array().unwrap() {
                let id = c["id"].as_str().unwrap();
                assert!(
                    sources.contains(&format!("[{id}]")),
                    "{args:?}: {id}\n{sources}"
                );
            }
        }
    }
}

#[test]
fn in_a_pipe_there_is_no_colour_and_no_closing_reminder() {
    let out = plan(HAPPY, "zh", 80, &[]);
    assert!(!out.contains('\x1b'), "{out}");
    assert!(
        out.trim_end()
            .lines()
            .last()
            .unwrap()
            .contains("2022-11-19"),
        "{out}"
    );
}

/// The happy-path plan at an 80-column terminal, with or without NO_COLOR.
fn at_terminal(no_color: bool) -> String {
    at_terminal_with(HAPPY, no_color)
}

fn at_terminal_with(args: &str, no_color: bool) -> String {
    use expectrl::Expect;
    let mut cmd = std::process::Command::new(crate::support::bin());
    cmd.args(words(args))
        .args(["--on", "2026-09-20", "--no-input"])
        .env("TERM", "xterm")
        .env("COLUMNS", "80")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("YIBAO_LANG");
    if no_color {
        cmd.env("NO_COLOR", "1");
    } else {
        cmd.env_remove("NO_COLOR");
    }
    let mut s = expectrl::Session::spawn(cmd).expect("pty");
    s.set_expect_timeout(Some(std::time::Duration::from_secs(30)));
    let out = s.expect(expectrl::Eof).expect("ends");
    String::from_utf8_lossy(out.as_bytes()).replace("\r\n", "\n")
}

#[test]
fn a_blocked_person_is_not_shown_the_agencies_next_deadline_at_the_end() {
    // Arrears block the move: the limits the agencies would work to are not theirs yet.
    let blocked = HAPPY.replace("--arrears no", "--arrears yes");
    let plain = at_terminal_with(&blocked, true);
    let last = plain.trim_end().lines().last().unwrap_or_default();
    assert!(last.starts_with("结论: 不可以"), "{plain}");
    assert!(!plain.contains("下一个期限"), "{plain}");
}

#[test]
fn at_a_terminal_the_outcome_is_coloured_and_the_last_lines_repeat_it() {
    let coloured = at_terminal(false);
    // Green for yes, on the conclusion.
    assert!(coloured.contains("\x1b[32m"), "{coloured:?}");
    let plain = at_terminal(true);
    assert!(!plain.contains('\x1b'), "{plain:?}");
    let last: Vec<&str> = plain.trim_end().lines().rev().take(2).collect();
    assert!(last[1].starts_with("结论: 可以 — 可以申请"), "{last:?}");
    assert!(
        last[0].starts_with("下一个期限: 2026-10-10 转出地办结转出"),
        "{last:?}"
    );
    assert!(
        plain.lines().count() <= 50,
        "{} lines\n{plain}",
        plain.lines().count()
    );
}

#[test]
fn lists_guides_and_their_hints_fit_the_screen_too() {
    let others = [
        "refund --list",
        "dental --list",
        "guide",
        "guide password",
        "guide 家庭共济",
        "regions 北京",
        "calendar days 2026-09-28 2026-10-11",
        "rules show 苏州",
        // The narrowest layout, for a plan too.
        "transfer --from 西安 --to 北京 --scheme employee --retired no",
    ];
    for args in others {
        for lang in ["zh", "en"] {
            for columns in [40, 60, 80] {
                let out = plan(args, lang, columns, &[]);
                for line in out.lines() {
                    assert!(
                        line.width() <= columns,
                        "{args} {lang} at {columns}: {line}\n{out}"
                    );
                }
            }
        }
    }
}
