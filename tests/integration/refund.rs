//! `yibao refund`: the walk-through at a terminal (pseudo-terminal) asks the questions the
//! case table needs; flags and errors off it.

use crate::support::Yibao;
use crate::support::pty::{DOWN, ENTER, answer, finish, spawn};

#[test]
fn the_walk_through_asks_what_happened_then_the_region_and_prints_the_command() {
    let mut s = spawn(&["refund", "--on", "2026-03-02", "--lang", "en"]);
    // The options follow the file: two_employers is the fifth situation.
    answer(
        &mut s,
        "What happened?",
        &format!("{DOWN}{DOWN}{DOWN}{DOWN}{ENTER}"),
    );
    answer(&mut s, "Where are you insured?", ENTER);
    let (text, code) = finish(s);
    // the article's `no` is only reported: conditional
    assert_eq!(code, 3, "{text}");
    assert!(
        text.contains("yibao refund --region 500000 --situation two_employers"),
        "{text}"
    );
    assert!(text.contains("Outcome: conditional"), "{text}");
}

#[test]
fn not_sure_leaves_the_case_open_and_the_answer_conditional() {
    let mut s = spawn(&["refund", "--situation", "paid_twice", "--on", "2026-03-02"]);
    answer(&mut s, "想退的是哪个险种的钱?", &format!("{DOWN}{ENTER}"));
    answer(
        &mut s,
        "待遇期已经开始了吗?",
        &format!("{DOWN}{DOWN}{ENTER}"),
    );
    let (text, code) = finish(s);
    assert_eq!(code, 3, "{text}");
    assert!(
        text.contains("yibao refund --scheme resident --situation paid_twice"),
        "{text}"
    );
}

#[test]
fn off_a_terminal_nothing_is_asked_and_the_open_questions_name_their_flags() {
    Yibao::new()
        .args(["refund", "--lang", "en"])
        .stdin("\n")
        .run()
        .code(3)
        .stdout_has("--situation");
}

#[test]
fn the_cases_still_open_show_their_own_outcome_not_an_answer_to_the_question() {
    // "Had the benefit period already started?" decides; a case's outcome is not its answer.
    Yibao::new()
        .args(["refund", "--situation", "paid_twice", "--region", "110108"])
        .args(["--scheme", "employee", "--lang", "en"])
        .run()
        .code(3)
        .stdout_has("(its outcome: yes)")
        .stdout_lacks("(answer: yes)");
}
