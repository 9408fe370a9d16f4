//! Arbitrary text typed as a date or month, and working-day arithmetic from arbitrary dates and
//! counts: never a panic, and results are working days.
#![no_main]

use libfuzzer_sys::fuzz_target;
use yibao::rules::RuleSet;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = yibao::dates::parse_month(&text);
    let Ok(from) = yibao::dates::parse_date(&text) else { return };
    static RULES: std::sync::OnceLock<RuleSet> = std::sync::OnceLock::new();
    let rules = RULES.get_or_init(|| RuleSet::embedded().expect("shipped rules"));
    let n = data.iter().map(|b| u32::from(*b)).sum::<u32>() % 400;
    let (to, _) = rules.calendar.add_working_days(from, n);
    if n > 0 && to != chrono::NaiveDate::MAX {
        assert!(rules.calendar.is_workday(to));
        assert_eq!(rules.calendar.working_days_between(from, to).0, n);
    }
});
