//! Arbitrary bytes as one JSON Lines record of `yibao batch`: answering never panics and always
//! writes exactly one line of valid JSON (an answer or an error record) carrying the line
//! number, compact and full alike.
#![no_main]

use libfuzzer_sys::fuzz_target;
use yibao::batch::answer;
use yibao::batch::cases::{Context, Scratch};
use yibao::batch::stream::Fault;
use yibao::rules::RuleSet;
use yibao::text::Lang;

fuzz_target!(|data: &[u8]| {
    static RULES: std::sync::OnceLock<RuleSet> = std::sync::OnceLock::new();
    let rules = RULES.get_or_init(|| RuleSet::embedded().expect("shipped rules"));
    let text = std::str::from_utf8(data).map_err(|e| Fault::NotUtf8 { offset: e.valid_up_to() });
    if text.is_ok_and(|t| t.contains('\n')) {
        return;
    }
    let line = (7, text);
    for (full, lang) in [(false, Lang::Zh), (true, Lang::En)] {
        let cx = Context {
            rules,
            on: chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            lang,
            full,
            explain: false,
            csv: false,
        };
        let mut buf = Vec::new();
        let _ = answer(&line, &cx, &mut Scratch::default(), &mut buf);
        assert_eq!(buf.last(), Some(&b'\n'));
        assert_eq!(buf.iter().filter(|b| **b == b'\n').count(), 1);
        let v: serde_json::Value = serde_json::from_slice(&buf).expect("one JSON line");
        assert_eq!(v["line"], 7);
    }
});
