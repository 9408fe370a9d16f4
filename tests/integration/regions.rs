//! `yibao regions`: lookup by code, name and pinyin; misses suggest.

use crate::support::Yibao;

#[track_caller]
fn first_code(query: &str) -> String {
    let run = Yibao::new()
        .args(["regions", query, "--json"])
        .run()
        .code(0);
    let doc = run.json();
    assert_eq!(doc["schema"], "yibao.regions/1");
    doc["regions"][0]["code"].as_str().unwrap().to_string()
}

#[test]
fn beijing_is_found_by_chinese_name_pinyin_and_code() {
    assert_eq!(first_code("北京"), "110000");
    assert_eq!(first_code("beijing"), "110000");
    assert_eq!(first_code("BeiJing"), "110000");
    assert_eq!(first_code("110000"), "110000");
}

#[test]
fn a_district_code_shows_its_pooling_area() {
    let run = Yibao::new()
        .args(["regions", "110105", "--json"])
        .run()
        .code(0);
    let doc = run.json();
    assert_eq!(doc["regions"][0]["code"], "110105");
    assert_eq!(doc["regions"][0]["pooling_area"], "110000");
}

#[test]
fn chongqing_is_read_chongqing_not_zhongqing() {
    assert_eq!(first_code("chongqing"), "500000");
}

#[test]
fn an_unknown_region_exits_2_with_a_suggestion() {
    Yibao::new()
        .args(["regions", "beijng"])
        .run()
        .code(2)
        .stderr_has("北京市 (110000)");
    Yibao::new()
        .args(["regions", "zzzzqqq", "--json", "--lang", "en"])
        .run()
        .code(2)
        .stderr_has("\"code\":\"region\"");
}

#[test]
fn listing_without_a_query_shows_pooling_areas() {
    let doc = Yibao::new()
        .args(["regions", "--json"])
        .run()
        .code(0)
        .json();
    let rows = doc["regions"].as_array().unwrap();
    assert!(rows.len() > 300, "{} rows", rows.len());
    assert!(rows.iter().all(|r| r["level"] != "county"));
}

/// `yibao regions` names the pooling area of the date asked about, as every place argument
/// does: Hainan is one pooling area from 2020-01-01.
#[test]
fn haikou_is_in_hainans_pooling_area_from_2020() {
    let area = |on: &str| {
        let doc = Yibao::new()
            .args(["regions", "海口", "--json"])
            .on(on)
            .run()
            .code(0)
            .json();
        doc["regions"][0]["pooling_area"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(area("2026-03-02"), "460000");
    assert_eq!(area("2019-03-02"), "460100");
}
