//! Unit tests of loading, validation and resolution, on the shipped rules and on small
//! overlays built in the test.

use chrono::NaiveDate;

use super::load::{self, RulesText};
use super::{RuleGap, RuleSet};
use crate::dates::Month;

fn d(s: &str) -> NaiveDate {
    crate::dates::parse_date(s).unwrap()
}

fn shipped() -> RuleSet {
    RuleSet::embedded().unwrap_or_else(|ds| panic!("shipped rules invalid: {ds:#?}"))
}

/// The shipped rules with `files` (relative path, text) laid over them.
fn with(files: &[(&str, &str)]) -> Result<RuleSet, Vec<super::diag::Diagnostic>> {
    RuleSet::from_texts(overlaid(files))
}

/// The shipped rules files with `files` (relative path, text) laid over them.
fn overlaid(files: &[(&str, &str)]) -> Vec<RulesText> {
    let mut texts = load::embedded();
    for (rel, text) in files {
        let t = RulesText {
            rel: rel.to_string(),
            shown: format!("overlay/{rel}"),
            text: Ok(text.to_string().into()),
        };
        match texts.iter_mut().find(|f| f.rel == *rel) {
            Some(slot) => *slot = t,
            None => texts.push(t),
        }
    }
    texts
}

const CAP_4: &str = r#"
[waiting.local_cap_months]
unit = "month"
label = { zh = "上限", en = "cap" }
values = [ { since = 2022-06-01, value = 4, cite = { source = "jiangsu-2022-transfer" } } ]
"#;

#[test]
fn a_national_value_resolves_with_its_file_and_source() {
    let rules = shipped();
    let v = rules
        .policy(None, d("2026-03-02"))
        .get("transfer.out_working_days")
        .unwrap();
    assert_eq!(v.int(), 10);
    assert_eq!(v.unit, "working_day");
    assert_eq!(v.file, "rules/national.toml");
    assert_eq!(v.source, "ybbf-2021-43");
    assert_eq!(v.doc_no, "医保办发〔2021〕43号");
    // Read whole on a mirror and agreeing with two restatements: full_text, firm.
    assert_eq!(v.evidence, "full_text");
    assert!(!v.reported());
    assert_eq!(v.region, None);
}

#[test]
fn a_province_file_overrides_national_for_its_cities_only() {
    let rules = shipped();
    let suzhou = rules
        .policy(Some("320500"), d("2026-03-02"))
        .get("waiting.local_cap_months")
        .unwrap();
    assert_eq!(
        (suzhou.int(), suzhou.region.map(|c| c.as_str())),
        (3, Some("320000"))
    );
    let hangzhou = rules
        .policy(Some("330100"), d("2026-03-02"))
        .get("waiting.local_cap_months")
        .unwrap();
    assert_eq!((hangzhou.int(), hangzhou.region), (6, None));
}

#[test]
fn a_city_file_wins_over_its_province_file() {
    let rules = with(&[(
        "regions/320500.toml",
        CAP_4.replace("value = 4", "value = 2").as_str(),
    )])
    .unwrap();
    let v = rules
        .policy(Some("320500"), d("2026-03-02"))
        .get("waiting.local_cap_months")
        .unwrap();
    assert_eq!((v.int(), v.region.map(|c| c.as_str())), (2, Some("320500")));
    let nanjing = rules
        .policy(Some("320100"), d("2026-03-02"))
        .get("waiting.local_cap_months")
        .unwrap();
    assert_eq!(nanjing.int(), 3);
}

#[test]
fn before_the_first_entry_no_rule_is_in_force_and_the_gap_says_when_it_starts() {
    let rules = shipped();
    let gap = rules
        .policy(None, d("2024-12-31"))
        .get("waiting.resident_fixed_months")
        .unwrap_err();
    assert_eq!(
        gap,
        RuleGap::NotYetInForce {
            key: "waiting.resident_fixed_months".into(),
            on: d("2024-12-31"),
            first: d("2025-01-01")
        }
    );
    assert!(
        rules
            .policy(None, d("2025-01-01"))
            .get("waiting.resident_fixed_months")
            .is_ok()
    );
}

#[test]
fn before_a_regional_entry_the_national_value_applies() {
    let rules = with(&[("regions/320000.toml", CAP_4)]).unwrap();
    let early = rules
        .policy(Some("320500"), d("2022-05-31"))
        .get("waiting.local_cap_months")
        .unwrap();
    assert_eq!((early.int(), early.region), (6, None));
    let later = rules
        .policy(Some("320500"), d("2022-06-01"))
        .get("waiting.local_cap_months")
        .unwrap();
    assert_eq!(later.int(), 4);
}

#[test]
fn an_unknown_key_is_a_gap_not_a_default() {
    let rules = shipped();
    assert_eq!(
        rules
            .policy(None, d("2026-01-01"))
            .get("transfer.nope")
            .unwrap_err(),
        RuleGap::UnknownKey("transfer.nope".into())
    );
    assert!(rules.policy(None, d("2026-01-01")).get("no_dot").is_err());
}

#[test]
fn a_regional_value_above_the_national_cap_is_rejected_at_its_value() {
    let errs = with(&[(
        "regions/320000.toml",
        &CAP_4.replace("value = 4", "value = 7"),
    )])
    .unwrap_err();
    assert_eq!(errs.len(), 1, "{errs:#?}");
    assert_eq!(
        (errs[0].path.as_str(), errs[0].line),
        ("overlay/regions/320000.toml", 5)
    );
    assert!(
        errs[0].message.contains("national cap of 6"),
        "{}",
        errs[0].message
    );
}

#[test]
fn a_later_national_cut_below_a_regional_value_is_caught() {
    let national =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/national.toml"))
            .unwrap();
    let cut = national.replace(
        r#"{ since = 2021-11-01, value = 6, cite = { source = "xinhua-2021-11-29", article = "中断缴费 3 个月以上 … 等待期不超过 6 个月" } },"#,
        r#"{ since = 2021-11-01, value = 6, cite = { source = "xinhua-2021-11-29" } },
  { since = 2023-01-01, value = 2, cite = { source = "xinhua-2021-11-29" } },"#,
    );
    assert_ne!(
        cut, national,
        "national.toml changed; update this test's anchor"
    );
    let errs = with(&[("national.toml", &cut)]).unwrap_err();
    assert!(
        errs.iter().any(|e| e
            .message
            .contains("national cap of 2 in force on 2023-01-01")),
        "{errs:#?}"
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let bad = r#"
[transfer.out_working_days]
unit = "weeks"
label = { zh = "x", en = "x" }
values = [
  { since = 2023-01-01, value = 8, cite = { source = "nope" } },
  { since = 2022-01-01, value = -1, cite = { source = "ybbf-2021-43" } },
]
"#;
    let errs = with(&[("regions/110000.toml", bad)]).unwrap_err();
    let lines: Vec<usize> = errs.iter().map(|e| e.line).collect();
    assert!(errs.len() >= 4, "{errs:#?}");
    assert!(
        lines.contains(&3) && lines.contains(&6) && lines.contains(&7),
        "{lines:?}"
    );
}

/// Every region with a rules file (and a sample of pooling areas without one), every key,
/// the first of every month 2022–2027: exactly one value in force, whose dates enclose the
/// day; or, before a key's first entry, a visible gap naming that entry's date.
#[test]
fn temporal_coverage_every_region_key_and_month_resolves_to_exactly_one_value_or_a_visible_gap() {
    let rules = shipped();
    let mut regions: Vec<Option<&str>> = vec![
        None,
        Some("110000"),
        Some("320500"),
        Some("500000"),
        Some("659001"),
    ];
    regions.extend(rules.regions.keys().map(|k| Some(k.as_str())));
    let mut checked = 0;
    for region in regions {
        let mut month = Month::new(2022, 1).unwrap();
        while month <= Month::new(2027, 12).unwrap() {
            let day = month.first_day();
            for (key, result) in rules.policy(region, day).all() {
                match result {
                    Ok(v) => {
                        assert!(
                            v.since <= day,
                            "{key} for {region:?} on {day}: since {}",
                            v.since
                        );
                        assert!(
                            v.until.is_none_or(|u| day < u),
                            "{key} for {region:?} on {day}: until {:?}",
                            v.until
                        );
                    }
                    Err(RuleGap::NotYetInForce { first, .. }) => {
                        assert!(day < first, "{key} on {day}")
                    }
                    Err(other) => panic!("{key} for {region:?} on {day}: {other}"),
                }
                checked += 1;
            }
            month = month.plus(1).unwrap();
        }
    }
    assert!(checked > 500, "{checked}");
}

proptest::proptest! {
    /// A value resolved for date D is in force on D: its entry starts on or before D and the
    /// next entry (if any) starts after D; a gap means D is before the key's first entry.
    #[test]
    fn a_value_resolved_for_a_date_is_in_force_on_that_date(days in 0u64..(365 * 12), region in 0usize..5) {
        let rules = shipped();
        let day = d("2019-01-01") + chrono::Days::new(days);
        let region = [None, Some("320500"), Some("320000"), Some("110000"), Some("500000")][region];
        for (key, result) in rules.policy(region, day).all() {
            match result {
                Ok(v) => {
                    proptest::prop_assert!(v.since <= day, "{} since {}", key, v.since);
                    proptest::prop_assert!(v.until.is_none_or(|u| day < u), "{} until {:?}", key, v.until);
                }
                Err(RuleGap::NotYetInForce { first, .. }) => proptest::prop_assert!(day < first),
                Err(other) => proptest::prop_assert!(false, "{}", other),
            }
        }
    }
}

#[test]
fn every_shipped_source_says_why_it_has_its_level_and_when_it_was_reviewed() {
    let rules = shipped();
    for (id, doc) in rules.documents.iter().map(|(_, d)| (d.id.clone(), d)) {
        let level = doc.level.as_str();
        assert!(
            doc.note.to_lowercase().contains("level"),
            "source `{id}` ({level}): its note does not say why it has its level"
        );
        assert!(
            doc.reviewed_on.is_some(),
            "source `{id}` has no reviewed_on"
        );
    }
}

#[test]
fn the_three_levels_and_which_are_firm() {
    use super::documents::Evidence;
    assert_eq!(Evidence::parse("full_text"), Some(Evidence::FullText));
    assert_eq!(Evidence::parse("confirmed"), None);
    assert!(Evidence::Official.firm() && Evidence::FullText.firm());
    assert!(!Evidence::Reported.firm());
    let rules = shipped();
    let doc = |id: &str| rules.documents.get(rules.documents.find(id).unwrap());
    assert_eq!(doc("ybbf-2021-43").level, Evidence::FullText);
    assert!(!doc("ybbf-2021-43").reported);
    assert!(doc("article-000").reported);
}

/// What a rules tree holds, for comparing two loads of it.
fn shown(r: &RuleSet) -> String {
    format!(
        "{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
        r.sources, r.national, r.regions, r.calendar, r.procedures, r.pooling, r.leads
    )
}

#[test]
fn skipping_the_checks_of_the_shipped_tree_loads_the_same_rules() {
    let full = shipped();
    let skipped = RuleSet::load(load::embedded(), super::Checks::SkipShipped).unwrap();
    assert_eq!(shown(&full), shown(&skipped));
}

#[test]
fn a_file_that_is_not_the_shipped_one_has_the_whole_tree_checked() {
    // Parses and deserializes, so only the validation passes find what is wrong with it.
    let bad = CAP_4.replace("jiangsu-2022-transfer", "nope");
    let texts = overlaid(&[("regions/110000.toml", bad.as_str())]);
    let Err(errs) = RuleSet::load(texts, super::Checks::SkipShipped) else {
        panic!("an overlay was taken on trust");
    };
    assert!(errs.iter().any(|e| e.message.contains("nope")), "{errs:#?}");
    // A copy of a shipped text read from elsewhere is not taken on trust either.
    let copied: Vec<RulesText> = load::embedded()
        .into_iter()
        .map(|mut f| {
            f.text = f.text.map(|t| t.as_str().to_string().into());
            f
        })
        .collect();
    assert!(!copied.iter().any(load::is_embedded));
    assert!(load::embedded().iter().all(load::is_embedded));
}

#[test]
fn an_item_applies_when_every_tag_of_its_when_holds() {
    use super::procedures::items::{TagSet, read_tags};
    use super::procedures::transfer::TAGS;
    let rules = shipped();
    let mut items = rules.procedures.transfer.step.clone();
    let both = items.iter().position(|i| i.when.len() >= 2).unwrap();
    let names: Vec<String> = (items[both].when.iter())
        .map(|t| t.get_ref().to_string())
        .collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    assert!(items[both].applies(TagSet::of(TAGS, &names)));
    assert!(!items[both].applies(TagSet::of(TAGS, &names[1..])));
    let always = items.iter().position(|i| i.when.is_empty()).unwrap();
    assert!(items[always].applies(TagSet::default()));
    // A tag the file's list lacks (rules check refuses it): the item is for no one.
    items[always]
        .when
        .push(toml::Spanned::new(0..0, "no_such_tag".into()));
    read_tags(&mut items, TAGS);
    assert!(!items[always].applies(TagSet::of(TAGS, TAGS)));
    assert!(items[both].applies(TagSet::of(TAGS, &names)));
}
