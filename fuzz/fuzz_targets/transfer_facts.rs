//! Arbitrary bytes as the JSON facts of a transfer (as a saved plan or a batch line carries
//! them): reading them never panics, and facts that read and agree give a plan whose outcome
//! matches its blockers and conditions.
#![no_main]

use libfuzzer_sys::fuzz_target;
use yibao::checks::answers::Naming;
use yibao::checks::transfer::{self, Facts};
use yibao::region::regions;
use yibao::render::wire::{Origin, TransferJson};
use yibao::rules::RuleSet;
use yibao::text::Lang;
use yibao::vocab::Outcome;

fuzz_target!(|data: &[u8]| {
    let Ok(mut facts) = serde_json::from_slice::<Facts>(data) else { return };
    for place in [&mut facts.from, &mut facts.to] {
        match regions().lookup_pooling_area(place) {
            Ok(r) => *place = r.code.clone(),
            Err(_) => return,
        }
    }
    static RULES: std::sync::OnceLock<RuleSet> = std::sync::OnceLock::new();
    let rules = RULES.get_or_init(|| RuleSet::embedded().expect("shipped rules"));
    let on = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    if facts.contradiction(on, Naming::Keys).is_some() {
        return;
    }
    let a = transfer::check(&facts, &rules.policy(Some(&facts.to), on));
    let v = &a.verdict;
    match v.outcome {
        Outcome::No => assert!(!v.blockers.is_empty()),
        Outcome::Conditional => assert!(v.blockers.is_empty() && !v.conditions.is_empty()),
        Outcome::Yes => assert!(v.blockers.is_empty() && v.conditions.is_empty()),
    }
    let json = TransferJson::new(&a, rules, Lang::Zh, true, Origin::default());
    let _ = serde_json::to_string(&json).expect("an answer serialises");
});
