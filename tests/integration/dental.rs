//! `yibao dental`: the question at a terminal (pseudo-terminal) asks only what can change the
//! answer; flags and errors off it.

use crate::support::Yibao;
use crate::support::pty::{DOWN, ENTER, answer, finish, spawn};

#[test]
fn the_walk_through_picks_a_procedure_and_asks_scheme_and_caveats() {
    let mut s = spawn(&["dental", "--on", "2026-03-02", "--lang", "en"]);
    let down7 = DOWN.repeat(7);
    answer(&mut s, "Which treatment?", &format!("{down7}{ENTER}"));
    answer(&mut s, "Which scheme are you in?", ENTER);
    answer(&mut s, "designated by the insurance?", ENTER);
    // "No" comes first: the answer that does not lower the cover (as every command's
    // problem questions).
    answer(&mut s, "imported materials", ENTER);
    let (text, code) = finish(s);
    assert_eq!(code, 3, "{text}");
    assert!(
        text.contains(
            "yibao dental implant --scheme employee --designated yes --imported-material no"
        ),
        "{text}"
    );
    assert!(text.contains("4,500"), "{text}");
}

#[test]
fn a_resident_asking_about_implants_is_not_asked_about_caveats() {
    let mut s = spawn(&["dental", "种植牙", "--on", "2026-03-02"]);
    answer(&mut s, "您参加的是哪种医保?", &format!("{DOWN}{ENTER}"));
    let (text, code) = finish(s);
    // "not covered" rests on reported sources only: conditional (3), not no (1)
    assert_eq!(code, 3, "{text}");
    assert!(
        text.contains("yibao dental implant --scheme resident"),
        "{text}"
    );
    assert!(!text.contains("定点医院或诊所治疗吗"), "{text}");
}

#[test]
fn off_a_terminal_a_missing_procedure_is_a_usage_error() {
    Yibao::new()
        .args(["dental", "--lang", "en"])
        .stdin("filling\n")
        .run()
        .code(2)
        .stderr_has("missing PROCEDURE");
}
