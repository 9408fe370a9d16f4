//! Arbitrary text as one rules file laid over the built-in rules: loading and validating must
//! never panic, and rules that load must resolve every key for a region and date.
#![no_main]

use libfuzzer_sys::fuzz_target;
use yibao::rules::RuleSet;
use yibao::rules::load::{self, RulesText};

const PLACES: [&str; 10] = [
    "national.toml",
    "transfer.toml",
    "merge.toml",
    "channels.toml",
    "guides.toml",
    "sources.toml",
    "regions/110000.toml",
    "regions/320000.toml",
    "regions/320500.toml",
    "calendar/2026.toml",
];

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else { return };
    let rel = PLACES[usize::from(which) % PLACES.len()];
    let text = std::str::from_utf8(rest).map(|t| t.to_string().into()).map_err(|e| e.to_string());
    let mut files = load::embedded();
    let overlay = RulesText { rel: rel.to_string(), shown: format!("fuzz/{rel}"), text };
    match files.iter_mut().find(|f| f.rel == rel) {
        Some(slot) => *slot = overlay,
        None => files.push(overlay),
    }
    match RuleSet::from_texts(files) {
        Ok(rules) => {
            for region in [None, Some("110000"), Some("320500")] {
                for day in ["2021-10-31", "2024-06-01", "2026-03-02", "2030-01-01"] {
                    let on = yibao::dates::parse_date(day).unwrap();
                    let _ = rules.policy(region, on).all();
                }
            }
        }
        Err(problems) => assert!(!problems.is_empty()),
    }
});
