//! `yibao balance`: channels by region (a region with its own channels and one without),
//! arrival dates after a transfer, the monthly credit; output in both languages.

use crate::support::Yibao;

fn ids(doc: &serde_json::Value, list: &str) -> Vec<String> {
    doc[list]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_region_with_its_own_channels_lists_them_before_the_national_ones() {
    let doc = Yibao::new()
        .args(["balance", "--region", "北京", "--json"])
        .on("2026-03-02")
        .run()
        .code(0)
        .json();
    let channels = ids(&doc, "channels");
    assert_eq!(channels[0], "beijing_tong");
    assert!(!channels.contains(&"local_website".to_string()));
    // every channel of a region without its own keeps the generic website instead
    let xian = Yibao::new()
        .args(["balance", "--region", "西安", "--json"])
        .run()
        .code(0)
        .json();
    let xian_channels = ids(&xian, "channels");
    assert!(xian_channels.contains(&"local_website".to_string()));
    assert!(
        xian["channels"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["region"].is_null())
    );
}

#[test]
fn online_channels_come_before_offline_and_phone() {
    let doc = Yibao::new()
        .args(["balance", "--region", "610100", "--json"])
        .run()
        .code(0)
        .json();
    let kinds: Vec<&str> = doc["channels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    let rank = |k: &str| ["online", "offline", "phone"].iter().position(|x| *x == k);
    let ranks: Vec<_> = kinds.iter().map(|k| rank(k).unwrap()).collect();
    let mut sorted = ranks.clone();
    sorted.sort();
    assert_eq!(ranks, sorted, "{kinds:?}");
}

#[test]
fn a_region_without_transfer_portal_offers_no_local_channel_after_a_transfer() {
    let doc = Yibao::new()
        .args(["balance", "--region", "上海", "--after-transfer", "--json"])
        .run()
        .code(0)
        .json();
    assert_eq!(doc["channels"].as_array().unwrap().len(), 0);
    assert!(ids(&doc, "steps").contains(&"progress".to_string()));
}

#[test]
fn the_answer_in_english_has_the_same_shape_as_in_chinese() {
    let zh = Yibao::new()
        .args([
            "balance",
            "--region",
            "北京",
            "--monthly",
            "--base",
            "8000",
            "--json",
        ])
        .run()
        .code(0)
        .json();
    let en = Yibao::new()
        .args([
            "balance",
            "--region",
            "北京",
            "--monthly",
            "--base",
            "8000",
            "--json",
            "--lang",
            "en",
        ])
        .run()
        .code(0)
        .json();
    assert_eq!(ids(&zh, "steps"), ids(&en, "steps"));
    assert_eq!(zh["monthly"], en["monthly"]);
    assert!(
        en["summary"]
            .as_str()
            .unwrap()
            .starts_with("about 160.00 yuan a month")
    );
}

#[test]
fn flags_of_one_mode_are_refused_in_another() {
    Yibao::new()
        .args(["balance", "--submitted", "2026-01-05"])
        .run()
        .code(2)
        .stderr_has("--after-transfer");
    Yibao::new()
        .args(["balance", "--monthly", "--after-transfer"])
        .run()
        .code(2);
    Yibao::new()
        .args(["balance", "--monthly", "--retired", "--base", "5000"])
        .run()
        .code(2);
}

#[test]
fn bad_values_name_their_flag() {
    Yibao::new()
        .args(["balance", "--monthly", "--base", "八千", "--lang", "en"])
        .run()
        .code(2)
        .stderr_has("--base: '八千'");
    Yibao::new()
        .args(["balance", "--monthly", "--retired", "--age", "300"])
        .run()
        .code(2)
        .stderr_has("--age");
    Yibao::new()
        .args(["balance", "--region", "beijng"])
        .run()
        .code(2)
        .stderr_has("110000");
    Yibao::new()
        .args(["balance", "--after-transfer", "--submitted", "2026-02-30"])
        .run()
        .code(2)
        .stderr_has("--submitted");
}

#[test]
fn a_region_file_added_with_rules_dir_brings_its_own_portal_without_code_changes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("regions")).unwrap();
    std::fs::write(
        dir.path().join("regions/610100.toml"),
        r#"
[[balance.channel]]
id = "xian_portal"
kind = "online"
name = { zh = "西安医保网上服务大厅", en = "西安医保网上服务大厅 (Xi'an portal)" }
shows = ["balance", "transfer"]
steps = [{ zh = "登录后查看个人账户", en = "log in and open the personal account" }]
cite = { source = "article-000" }
"#,
    )
    .unwrap();
    let doc = Yibao::new()
        .args(["balance", "--region", "西安", "--json"])
        .args(["--rules-dir", dir.path().to_str().unwrap()])
        .run()
        .code(0)
        .json();
    let channels = ids(&doc, "channels");
    assert_eq!(channels[0], "xian_portal");
    assert!(!channels.contains(&"local_website".to_string()));
    let after = Yibao::new()
        .args(["balance", "--region", "西安", "--after-transfer", "--json"])
        .args(["--rules-dir", dir.path().to_str().unwrap()])
        .run()
        .code(0)
        .json();
    assert_eq!(ids(&after, "channels"), ["xian_portal"]);
}
