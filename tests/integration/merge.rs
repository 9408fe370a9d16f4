//! `yibao merge`: the walk-through at a terminal (pseudo-terminal), flags and errors off it.

use crate::support::Yibao;
use crate::support::pty::{DOWN, ENTER, answer, finish, spawn};

#[test]
fn the_walk_through_asks_for_each_fact_and_prints_the_equivalent_command() {
    let mut s = spawn(&["merge", "--on", "2026-03-02", "--lang", "en"]);
    answer(&mut s, "Where is the account you will close?", "xian\r");
    answer(&mut s, "Where is the account you will keep?", "beijing\r");
    // "no" comes first for a problem, as in transfer: the safe default.
    answer(&mut s, "in arrears?", ENTER);
    answer(&mut s, "frozen", ENTER);
    answer(&mut s, "stopped?", ENTER);
    answer(&mut s, "enrolled and paying", ENTER);
    let (text, code) = finish(s);
    assert_eq!(code, 0, "{text}");
    assert!(
        text.contains("yibao merge --from 610100 --to 110000 --arrears no --frozen no --from-stopped yes --to-insured yes"),
        "{text}"
    );
    assert!(text.contains("Outcome: yes"), "{text}");
}

#[test]
fn not_sure_at_a_prompt_leaves_the_fact_open_and_the_answer_conditional() {
    let mut s = spawn(&[
        "merge",
        "--from",
        "成都",
        "--to",
        "重庆",
        "--on",
        "2026-03-02",
    ]);
    answer(&mut s, "两个账户中有欠费吗?", ENTER);
    answer(&mut s, "冻结", ENTER);
    answer(&mut s, "停保", &format!("{DOWN}{DOWN}{ENTER}"));
    answer(&mut s, "参保缴费", ENTER);
    let (text, code) = finish(s);
    assert_eq!(code, 3, "{text}");
    assert!(
        text.contains("--from 510100 --to 500000 --arrears no --frozen no --to-insured yes"),
        "{text}"
    );
}

/// Ctrl-C at a question ends the walk-through with exit 130 and shows the cursor again.
#[test]
fn ctrl_c_at_a_question_exits_130_and_restores_the_cursor() {
    let mut s = spawn(&["merge", "--from", "西安", "--to", "北京"]);
    answer(&mut s, "两个账户中有欠费吗?", "\x03");
    let (text, code) = finish(s);
    assert_eq!(code, 130, "{text}");
    assert!(
        text.contains("\x1b[?25h"),
        "cursor not shown again: {text:?}"
    );
}

#[test]
fn off_a_terminal_a_missing_place_names_its_flag_and_never_waits() {
    Yibao::new()
        .args(["merge", "--to", "北京"])
        .stdin("xian\n")
        .run()
        .code(2)
        .stderr_has("--from");
    Yibao::new()
        .args(["merge", "--from", "北京", "--lang", "en"])
        .run()
        .code(2)
        .stderr_has("missing --to");
    Yibao::new()
        .args(["merge", "--from", "北京"])
        .env("CI", "1")
        .run()
        .code(2);
}

#[test]
fn a_yes_no_flag_refuses_other_words() {
    Yibao::new()
        .args([
            "merge", "--from", "西安", "--to", "北京", "--frozen", "maybe",
        ])
        .run()
        .code(2)
        .stderr_has("'maybe' 不是 --frozen <是|否> 可用的值;可用的值: yes、no、unknown");
    Yibao::new()
        .args([
            "merge", "--from", "西安", "--to", "北京", "--frozen", "maybe", "--lang", "en",
        ])
        .run()
        .code(2)
        .stderr_has("possible values: yes, no, unknown");
}
