//! Issue 17, the walk-through's last part, in a pseudo-terminal: the answer speaks to the
//! person who answered (no flag syntax; flag users keep their hints), 上一步 / back on every
//! question after the first (a choice, `<` typed, Esc), terms explained on `?`, and first
//! answers that never steer into a blocker, the same in every command.

use crate::support::Yibao;
use crate::support::pty::{DOWN, ENTER, answer, answer_seen, finish, spawn};
use crate::support::says;

const ESC: &str = "\x1b";

/// The "run this next time" line of `command`, run off a terminal.
fn rerun(text: &str, command: &str, on: &str) -> crate::support::Run {
    let marker = format!("yibao {command} ");
    let line = text
        .lines()
        .find_map(|l| l.split_once(marker.as_str()).map(|(_, rest)| rest))
        .unwrap_or_else(|| panic!("no command line in {text}"));
    Yibao::new()
        .arg(command)
        .args(line.split_whitespace())
        .on(on)
        .run()
}

/// Everything about the person but the four yes/no facts, the months and the acceptance day.
const KNOWN: &str = "transfer --on 2026-11-23 --from 西安 --to 北京 --scheme employee --retired no --flexible no --reason job --new-scheme employee";

#[test]
fn an_answer_left_open_is_a_plain_question_in_chinese_and_a_flag_off_the_terminal() {
    let args = format!("{KNOWN} --explain");
    let mut s = spawn(&args.split(' ').collect::<Vec<_>>());
    answer(&mut s, "转出地已经停保了吗?", ENTER);
    answer(
        &mut s,
        "已经在转入地参保了吗?",
        &format!("{DOWN}{DOWN}{ENTER}"),
    );
    answer(&mut s, "有欠费吗?", ENTER);
    answer(&mut s, "冻结", ENTER);
    // A wrong answer is told without the flag it would be off the terminal.
    answer(&mut s, "最后缴费的月份", "2026-13\r");
    let told = answer_seen(&mut s, "最后缴费的月份", "0226-03\r");
    assert!(told.contains("'2026-13' 不是有效月份"), "{told}");
    assert!(!told.contains("--last-paid"), "{told}");
    // A mistyped year is asked again, not taken for a month paid long ago.
    let told = answer_seen(&mut s, "最后缴费的月份", "\r");
    assert!(told.contains("'0226-03' 不像真实的缴费月份"), "{told}");
    assert!(!told.contains("--last-paid"), "{told}");
    answer(&mut s, "开始缴费", "\r");
    answer(&mut s, "受理日期", ENTER);
    let shown = answer_seen(&mut s, "保存到文件吗?", ENTER);
    let (rest, code) = finish(s);
    let text = shown + &rest;
    assert_eq!(code, 3, "{text}");
    assert!(
        says(
            &text,
            "您答了“不确定”:请向新单位人事部门或转入地医保经办机构问清楚"
        ),
        "{text}"
    );
    // (in the table, which wraps it)
    assert!(says(&text, "等待期还不能判断"), "{text}");
    assert!(says(&text, "受理后再问一次并填上受理日期"), "{text}");
    // The reasoning (--explain) names the answers given, not flags.
    assert!(says(&text, "您的回答“不确定” → 未知"), "{text}");
    // The plan names no flag; only the line to run next time does.
    let plan = text.split("下次可直接运行").next().unwrap();
    assert!(!plan.contains(" --"), "{plan}");
    // The same facts as flags: the same outcome, and hints that name the flags.
    rerun(&text, "transfer", "2026-11-23")
        .code(3)
        .stdout_says("用 --destination-enrolled yes|no 说明")
        .stdout_says("受理后加 --submitted YYYY-MM-DD")
        .stdout_lacks("您答了");
}

#[test]
fn going_back_changes_an_earlier_answer_in_english() {
    let args = format!("{KNOWN} --lang en");
    let mut s = spawn(&args.split(' ').collect::<Vec<_>>());
    // The first question asked offers no way back.
    answer(&mut s, "origin been stopped?", &format!("{DOWN}{ENTER}"));
    // Every later one does, as its last choice; Esc does what that choice says.
    answer(&mut s, "enrolled at the destination?", "");
    answer(&mut s, "← back (Esc)", ESC);
    // Asked again: this time "yes".
    answer(&mut s, "origin been stopped?", ENTER);
    answer(&mut s, "enrolled at the destination?", ENTER);
    answer(&mut s, "contributions owed?", ENTER);
    // The back choice itself, chosen with the arrows.
    answer(
        &mut s,
        "frozen or otherwise abnormal?",
        &format!("{DOWN}{DOWN}{DOWN}{ENTER}"),
    );
    answer(&mut s, "contributions owed?", ENTER);
    answer(&mut s, "frozen or otherwise abnormal?", ENTER);
    // A text answer says how to go back: `<`.
    answer(
        &mut s,
        "Last month paid at the origin? (e.g. 2026-08; Enter to skip; < or Esc: back)",
        "<\r",
    );
    answer(&mut s, "frozen or otherwise abnormal?", ENTER);
    answer(&mut s, "Last month paid", "2026-10\r");
    answer(&mut s, "First month paid", "2026-11\r");
    // `?` explains the term, under the question, and asks again.
    answer(
        &mut s,
        "on which day? (e.g. 2026-10-08; Enter to skip; ? explains; < or Esc: back)",
        "?\r",
    );
    answer(
        &mut s,
        "? accepted (受理): the agency has taken your application",
        "",
    );
    answer(&mut s, "on which day?", "\r");
    let shown = answer_seen(&mut s, "Save this plan", ENTER);
    let (rest, code) = finish(s);
    let text = shown + &rest;
    assert_eq!(code, 0, "{text}");
    assert!(says(&text, "ready to apply"), "{text}");
    assert!(
        says(
            &text,
            "--origin-stopped yes --destination-enrolled yes --arrears no --account-frozen no --last-paid 2026-10 --paid-from 2026-11"
        ),
        "{text}"
    );
    rerun(&text, "transfer", "2026-11-23").code(0);
}

#[test]
fn the_first_question_has_no_way_back_and_esc_there_stops() {
    // The hints end with `?`: no way back is offered. (A reason given: a transfer under
    // way, so the route question is not asked first.)
    let mut s = spawn(&[
        "transfer",
        "--on",
        "2026-11-23",
        "--lang",
        "en",
        "--reason",
        "job",
    ]);
    answer(
        &mut s,
        "(origin) (code, Chinese name or pinyin, e.g. 西安, 610100, xian; ? explains) ›",
        "xian\r",
    );
    answer(
        &mut s,
        "(destination) (code, Chinese name or pinyin, e.g. 西安, 610100, xian; ? explains; < or Esc: back)",
        ESC,
    );
    // Back at the first question, Esc stops (exit 130) as Ctrl-C does.
    answer(&mut s, "Where are you insured now?", ESC);
    let (text, code) = finish(s);
    assert_eq!(code, 130, "{text}");
}

#[test]
fn merge_goes_back_explains_and_its_first_answers_clear_every_blocker() {
    let mut s = spawn(&[
        "merge",
        "--on",
        "2026-11-23",
        "--from",
        "西安",
        "--to",
        "北京",
    ]);
    answer(&mut s, "两个账户中有欠费吗?", &format!("{DOWN}{ENTER}"));
    answer(&mut s, "有账户被冻结或状态异常吗?", ESC);
    // Back at the first question: the answer is changed to the first choice.
    answer(&mut s, "两个账户中有欠费吗?", ENTER);
    answer(&mut s, "有账户被冻结或状态异常吗?", ENTER);
    answer(&mut s, "要注销账户所在地已经停保了吗? (? 看解释)", "?");
    answer(&mut s, "? 停保:", ENTER);
    answer(&mut s, "已经参保缴费了吗?", ENTER);
    let (text, code) = finish(s);
    // Enter on every question: the first answers, none of them a blocker.
    assert_eq!(code, 0, "{text}");
    assert!(
        says(
            &text,
            "--arrears no --frozen no --from-stopped yes --to-insured yes"
        ),
        "{text}"
    );
    rerun(&text, "merge", "2026-11-23").code(0);
}

#[test]
fn merge_in_english_says_whom_to_ask_after_not_sure_and_flags_off_the_terminal() {
    let args = "merge --on 2026-11-23 --lang en --from 西安 --to 北京";
    let mut s = spawn(&args.split(' ').collect::<Vec<_>>());
    answer(&mut s, "Is either account in arrears?", ENTER);
    answer(&mut s, "frozen or otherwise abnormal?", ENTER);
    answer(&mut s, "closed account is stopped?", ENTER);
    answer(
        &mut s,
        "where the kept account is?",
        &format!("{DOWN}{DOWN}{ENTER}"),
    );
    let (text, code) = finish(s);
    assert_eq!(code, 3, "{text}");
    assert!(
        says(
            &text,
            "you answered \"not sure\": ask your new employer's HR or the destination agency"
        ),
        "{text}"
    );
    assert!(!says(&text, "state it with"), "{text}");
    rerun(&text, "merge", "2026-11-23")
        .code(3)
        .stdout_has("state it with --to-insured yes|no");
}

#[test]
fn refund_explains_its_terms_goes_back_and_leaves_no_flag_in_the_answer() {
    let args = "refund --situation paid_twice --on 2026-03-02";
    let mut s = spawn(&args.split(' ').collect::<Vec<_>>());
    answer(&mut s, "想退的是哪个险种的钱?", &format!("{DOWN}{ENTER}"));
    answer(&mut s, "待遇期已经开始了吗? (? 看解释)", "?");
    answer(&mut s, "? 待遇期:", ESC);
    // Back at the scheme: the same answer again, then 不确定.
    answer(&mut s, "想退的是哪个险种的钱?", &format!("{DOWN}{ENTER}"));
    answer(
        &mut s,
        "待遇期已经开始了吗?",
        &format!("{DOWN}{DOWN}{ENTER}"),
    );
    let (text, code) = finish(s);
    assert_eq!(code, 3, "{text}");
    assert!(says(&text, "您答了“不确定”"), "{text}");
    let plan = text.split("下次可直接运行").nth(1).unwrap_or_default();
    assert!(!says(plan, "用 --"), "{plan}");
    rerun(&text, "refund", "2026-03-02")
        .code(3)
        .stdout_has("用 --benefit-started");
}

#[test]
fn the_route_questions_go_back_too() {
    // The route's first question has no way back; "Are you retired?" after it does, and Esc
    // there asks the first again, whose new answer decides the route.
    let mut s = spawn(&[
        "route",
        "--on",
        "2026-11-30",
        "--lang",
        "en",
        "--from",
        "西安",
        "--to",
        "北京",
    ]);
    answer(
        &mut s,
        "or staying insured here and living or getting care elsewhere?",
        &format!("{DOWN}{ENTER}"),
    );
    answer(&mut s, "← back (Esc)", ESC);
    answer(&mut s, "getting care elsewhere? ›", ENTER);
    answer(&mut s, "Are you retired?", ENTER);
    let (text, code) = finish(s);
    assert_eq!(code, 0, "{text}");
    assert!(says(&text, "yours is a transfer"), "{text}");
    assert!(says(&text, "--change yes --retired no"), "{text}");
}

#[test]
fn the_transfer_questions_go_back_into_the_route_questions() {
    // After the route questions, the first transfer question offers a way back: Esc there
    // asks "Are you retired?" again, and a retiree's answer turns the walk into a filing.
    let mut s = spawn(&["transfer", "--on", "2026-11-30", "--lang", "en"]);
    answer(&mut s, "getting care elsewhere? ›", ENTER);
    answer(&mut s, "Are you retired?", ENTER);
    answer(
        &mut s,
        "Where are you insured now? (origin) (code, Chinese name or pinyin, e.g. 西安, 610100, xian; ? explains; < or Esc: back)",
        ESC,
    );
    answer(&mut s, "Are you retired?", &format!("{DOWN}{ENTER}"));
    answer(&mut s, "How long will you be there?", ENTER);
    // A retiree settling elsewhere files; the filing's first question goes back too.
    answer(
        &mut s,
        "Where are you insured? (your insured place) (code, Chinese name or pinyin, e.g. 西安, 610100, xian; < or Esc: back)",
        ESC,
    );
    answer(&mut s, "How long will you be there?", ENTER);
    answer(&mut s, "Where are you insured?", "海淀\r");
    answer(&mut s, "Where will you get care or live?", "昆山\r");
    let (text, code) = finish(s);
    // Conditional (exit 3): the filing rests on reported sources only.
    assert_eq!(code, 3, "{text}");
    assert!(says(&text, "resettled retiree"), "{text}");
    assert!(
        says(&text, "yibao filing --from 110000 --to 320500"),
        "{text}"
    );
}

#[test]
fn filing_goes_back_to_the_place_asked_before() {
    let mut s = spawn(&["filing", "--on", "2026-11-30", "--lang", "en"]);
    answer(
        &mut s,
        "Where are you insured? (your insured place)",
        "西安\r",
    );
    answer(
        &mut s,
        "(the place of care) (code, Chinese name or pinyin, e.g. 西安, 610100, xian; < or Esc: back)",
        "<\r",
    );
    answer(
        &mut s,
        "Where are you insured? (your insured place)",
        "成都\r",
    );
    answer(&mut s, "Where will you get care or live?", "深圳\r");
    answer(&mut s, "Which fits you?", ENTER);
    let (text, code) = finish(s);
    assert_eq!(code, 3, "{text}");
    assert!(
        says(
            &text,
            "yibao filing --from 510100 --to 440300 --kind resettled_retiree"
        ),
        "{text}"
    );
}

#[test]
fn route_goes_back_from_its_questions_to_the_places() {
    // The places come first and the route questions after them, in one walk: Esc at the
    // first route question asks the other place again; one pooling area settles it.
    let mut s = spawn(&["route", "--on", "2026-11-30", "--lang", "en"]);
    answer(&mut s, "Where are you insured now?", "海淀\r");
    answer(&mut s, "Where are you going", "昆山\r");
    answer(&mut s, "getting care elsewhere? ›", ESC);
    answer(&mut s, "Where are you going", "北京朝阳\r");
    let (text, code) = finish(s);
    assert_eq!(code, 3, "{text}");
    assert!(says(&text, "both places are one pooling area"), "{text}");
}
