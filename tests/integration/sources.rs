//! `yibao sources [ID]` and the registry warnings of `yibao rules check`: every document with
//! its level, addresses and what rests on it; warnings that do not fail the check.

use crate::support::Yibao;

fn sources() -> serde_json::Value {
    Yibao::new()
        .args(["sources", "--json"])
        .run()
        .code(0)
        .json()
}

#[test]
fn every_source_has_a_level_a_host_kind_and_a_note() {
    let doc = sources();
    let list = doc["sources"].as_array().unwrap();
    let counts = &doc["counts"];
    let total = ["official", "full_text", "reported"]
        .iter()
        .map(|k| counts[*k].as_u64().unwrap())
        .sum::<u64>();
    assert_eq!(total as usize, list.len());
    for s in list {
        let level = s["evidence"].as_str().unwrap();
        assert!(
            ["official", "full_text", "reported"].contains(&level),
            "{s}"
        );
        assert!(!s["note"].as_str().unwrap().is_empty(), "{s}");
        // An official source's address to cite is on an official host.
        if level == "official" {
            assert!(
                ["government", "state_media"].contains(&s["url_host"].as_str().unwrap()),
                "{s}"
            );
        }
        if s["url"].is_null() {
            assert!(s["url_host"].is_null());
        }
    }
}

#[test]
fn a_source_says_which_rules_and_plan_items_rest_on_it() {
    let doc = Yibao::new()
        .args(["sources", "ybbf-2021-43", "--json"])
        .run()
        .code(0)
        .json();
    let list = doc["sources"].as_array().unwrap();
    assert_eq!(list.len(), 1);
    let s = &list[0];
    assert_eq!(s["evidence"], "full_text");
    assert_eq!(s["doc_no"], "医保办发〔2021〕43号");
    let items: Vec<&str> = (s["used_by"].as_array().unwrap().iter())
        .map(|u| u["item"].as_str().unwrap())
        .collect();
    assert!(items.contains(&"transfer.out_working_days"), "{items:?}");
    assert!(items.contains(&"transfer.step.track_progress"), "{items:?}");

    let text = Yibao::new()
        .args(["sources", "ybbf-2021-43", "--lang", "en"])
        .run()
        .code(0)
        .stdout;
    assert!(text.contains("full text"), "{text}");
    assert!(
        text.contains("transfer.in_working_days (rules/national.toml)"),
        "{text}"
    );
}

#[test]
fn an_unknown_source_id_exits_2_with_the_closest() {
    Yibao::new()
        .args(["sources", "ybbf-2021-34", "--lang", "en"])
        .run()
        .code(2)
        .stderr_has("did you mean 'ybbf-2021-43'?");
}

#[test]
fn rules_check_warns_of_copies_and_stale_reviews_without_failing() {
    let now = Yibao::new()
        .args(["rules", "check", "--json", "--on", "2026-12-01"])
        .run()
        .code(0)
        .json();
    let warnings = now["warnings"].as_array().unwrap();
    let has = |w: &[serde_json::Value], source: &str, kind: &str| {
        w.iter().any(|x| x["source"] == source && x["kind"] == kind)
    };
    assert!(has(warnings, "ybbf-2021-43", "unofficial_url"));
    assert!(!has(warnings, "sichuan-2025-gongji", "unofficial_url"));
    assert!(!warnings.iter().any(|w| w["kind"] == "not_reviewed"));

    // More than a year after the last review, every source is due again.
    let later = Yibao::new()
        .args(["rules", "check", "--json", "--on", "2028-01-01"])
        .run()
        .code(0)
        .json();
    let warnings = later["warnings"].as_array().unwrap();
    assert!(has(warnings, "sichuan-2025-gongji", "not_reviewed"));
    let text = Yibao::new()
        .args(["rules", "check", "--on", "2028-01-01", "--lang", "en"])
        .run()
        .code(0)
        .stdout;
    assert!(
        text.contains("more than a year before 2028-01-01"),
        "{text}"
    );
}

fn coverage(place: &str) -> serde_json::Value {
    Yibao::new()
        .args(["rules", "coverage", place, "--json", "--on", "2026-11-30"])
        .run()
        .code(0)
        .json()
}

fn gap_ids(doc: &serde_json::Value) -> Vec<String> {
    (doc["gaps"].as_array().unwrap().iter())
        .map(|g| g["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn coverage_of_a_covered_place_shows_its_own_values_and_channels() {
    let doc = coverage("北京");
    assert_eq!(doc["pooling_area"]["code"], "110000");
    let values = doc["values"].as_array().unwrap();
    let credit = values
        .iter()
        .find(|v| v["key"] == "account.employee_credit_ratio")
        .unwrap();
    assert_eq!(credit["layer"], "own");
    assert_eq!(credit["source"], "beijing-2023-account");
    assert_eq!(credit["file"], "rules/regions/110000.toml");
    assert!(doc["counts"]["own"].as_u64().unwrap() >= 1);
    let gaps = gap_ids(&doc);
    assert!(!gaps.contains(&"own_portal".to_string()), "{gaps:?}");
    assert!(!gaps.contains(&"credit_rate".to_string()), "{gaps:?}");
    assert!(
        gaps.contains(&"waiting_after_long_gap".to_string()),
        "{gaps:?}"
    );
}

#[test]
fn coverage_of_an_uncovered_place_says_what_it_cannot_answer() {
    let doc = coverage("成都");
    assert_eq!(doc["counts"]["own"], 0);
    assert_eq!(doc["counts"]["province"], 0);
    assert!(
        (doc["values"].as_array().unwrap().iter()).all(|v| v["layer"] == "national"),
        "{doc}"
    );
    let gaps = gap_ids(&doc);
    for id in [
        "credit_rate",
        "own_portal",
        "refund_cases",
        "moves_inside_province",
    ] {
        assert!(gaps.contains(&id.to_string()), "{id} missing from {gaps:?}");
    }
    let text = Yibao::new()
        .args([
            "rules",
            "coverage",
            "成都",
            "--lang",
            "en",
            "--on",
            "2026-11-30",
        ])
        .run()
        .code(0)
        .stdout;
    assert!(text.contains("0 own, 0 from the province"), "{text}");
    assert!(
        text.contains("cannot answer with this place's own rules yet"),
        "{text}"
    );
}

#[test]
fn coverage_of_a_county_rolls_up_to_its_pooling_area_and_province() {
    let doc = coverage("昆山");
    assert_eq!(doc["place"]["code"], "320583");
    assert_eq!(doc["pooling_area"]["code"], "320500");
    let cap = (doc["values"].as_array().unwrap().iter())
        .find(|v| v["key"] == "waiting.local_cap_months")
        .unwrap();
    assert_eq!(cap["layer"], "province");
    assert_eq!(cap["value"], 3);
    // Hainan is one pooling area from 2020: 三亚 is covered by the province's own data.
    let doc = coverage("三亚");
    assert_eq!(doc["pooling_area"]["code"], "460000");
    assert!(
        (doc["local_data"].as_array().unwrap().iter())
            .any(|d| d["item"] == "pooling.province_wide" && d["layer"] == "own"),
        "{doc}"
    );
    Yibao::new()
        .args(["rules", "coverage", "nowhere-at-all"])
        .run()
        .code(2);
}

/// A ready transfer from 西安 to 北京 (the scheme and the months come per test).
const READY: &str = "transfer --from 西安 --to 北京 --retired no --origin-stopped yes \
     --destination-enrolled yes --arrears no --account-frozen no --on 2026-11-30";

fn plan(extra: &[&str]) -> serde_json::Value {
    let mut args: Vec<&str> = READY.split_whitespace().collect();
    args.extend_from_slice(extra);
    args.push("--json");
    Yibao::new().args(args).run().json()
}

#[test]
fn every_item_of_a_plan_carries_the_level_of_its_sources() {
    let doc = plan(&[
        "--scheme",
        "employee",
        "--last-paid",
        "2026-08",
        "--paid-from",
        "2026-09",
    ]);
    assert_eq!(doc["outcome"], "yes");
    assert!(doc.get("decided_by_reports").is_none(), "{doc}");
    let level = |list: &str, id: &str| {
        (doc[list].as_array().unwrap().iter())
            .find(|i| i["id"] == id)
            .map(|i| i["evidence"].clone())
            .unwrap()
    };
    // The national measure, read whole on a copy: full_text, not marked.
    assert_eq!(level("deadlines", "transfer_out"), "full_text");
    assert_eq!(level("steps", "wait_transfer_out"), "full_text");
    assert_eq!(level("carries_over", "account_balance"), "full_text");
    // A step cited from a guide and the measure is as firm as the measure.
    assert_eq!(level("steps", "track_progress"), "full_text");
    // Consumer guides only: reported, and unverified.
    assert_eq!(level("materials", "id_card"), "reported");
    for list in ["steps", "materials", "carries_over", "notes", "deadlines"] {
        for item in doc[list].as_array().unwrap() {
            assert_eq!(
                item["unverified"] == true,
                item["evidence"] == "reported",
                "{list}: {item}"
            );
        }
    }
}

#[test]
fn the_summary_says_when_reports_alone_make_an_answer_conditional() {
    // A resident who missed years: the reading of 每多断保1年 rests on a report only.
    let doc = plan(&[
        "--scheme",
        "resident",
        "--last-paid",
        "2024-12",
        "--paid-from",
        "2026-09",
    ]);
    assert_eq!(doc["outcome"], "conditional");
    let n = doc["decided_by_reports"].as_u64().unwrap();
    // Only the value that decides counts (the 青岛 reading), not the guides behind the steps.
    assert_eq!(n, 1);
    let summary = doc["summary"].as_str().unwrap();
    assert!(
        summary.contains(&format!("这个结论依据的规定中有 {n} 条只见于转述")),
        "{summary}"
    );
    // A gap over 3 months: local rules decide whatever the sources, so no such sentence.
    let doc = plan(&[
        "--scheme",
        "employee",
        "--last-paid",
        "2026-03",
        "--paid-from",
        "2026-09",
    ]);
    assert_eq!(doc["outcome"], "conditional");
    assert!(doc.get("decided_by_reports").is_none(), "{doc}");
    assert!(!doc["summary"].as_str().unwrap().contains("只见于转述"));
}

#[test]
fn rules_check_warns_of_an_official_grade_without_an_official_address() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("rules/sources.toml")).unwrap();
    let at = text.find("[article-000]").unwrap();
    let grade = at + text[at..].find("evidence = \"reported\"").unwrap();
    let mut changed = text.clone();
    changed.replace_range(grade..grade + 21, "evidence = \"official\"");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("sources.toml"), changed).unwrap();
    let doc = Yibao::new()
        .args(["rules", "check", dir.path().to_str().unwrap(), "--json"])
        .args(["--on", "2026-12-01"])
        .run()
        .code(0)
        .json();
    let warnings = doc["warnings"].as_array().unwrap();
    assert!(
        warnings
            .iter()
            .any(|w| w["source"] == "article-000" && w["kind"] == "official_unseen"),
        "{warnings:?}"
    );
    assert!(
        !warnings
            .iter()
            .any(|w| w["kind"] == "official_unseen" && w["source"] != "article-000")
    );
}

#[test]
fn coverage_lists_leads_seen_but_not_encoded_and_rules_check_checks_them() {
    let doc = coverage("武汉");
    let leads = doc["leads"].as_array().unwrap();
    assert!(leads.iter().any(|l| l["region"] == "420100"), "{leads:?}");
    // A lead is never a value: Wuhan still has no value of its own.
    assert_eq!(doc["counts"]["own"], 0);

    let dir = tempfile::tempdir().unwrap();
    let bad = "[[lead]]\nregion = \"999999\"\ntopic = { zh = \"x\", en = \"x\" }\nseen = \"x\"\nwhy = \"x\"\n";
    std::fs::write(dir.path().join("leads.toml"), bad).unwrap();
    Yibao::new()
        .args([
            "rules",
            "check",
            dir.path().to_str().unwrap(),
            "--lang",
            "en",
        ])
        .run()
        .code(4)
        .stderr_has("leads.toml:2:10: lead region '999999' is not a known division code");
}
