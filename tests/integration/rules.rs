//! `yibao rules check` and `yibao rules show`: the shipped rules are valid, every broken
//! fixture is rejected at its place, and resolution shows file and source.

use std::path::Path;

use crate::support::Yibao;

#[test]
fn the_shipped_rules_are_valid() {
    Yibao::new().args(["rules", "check"]).run().code(0);
    let doc = Yibao::new()
        .args(["rules", "check", "--json"])
        .run()
        .code(0)
        .json();
    assert_eq!(doc["valid"], true);
}

#[test]
fn every_broken_rules_fixture_exits_4_at_its_location() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/broken-rules");
    let mut seen = 0;
    for entry in std::fs::read_dir(&root).unwrap() {
        let dir = entry.unwrap().path();
        let expected = std::fs::read_to_string(dir.join("expected")).unwrap();
        let run = Yibao::new()
            .args(["rules", "check", dir.to_str().unwrap(), "--lang", "en"])
            .run()
            .code(4);
        for line in expected.lines().filter(|l| !l.is_empty()) {
            let needle = if line.ends_with(':') && line.contains(".toml:") {
                format!("{}/{line}", dir.display())
            } else {
                line.to_string()
            };
            assert!(
                run.stderr.contains(&needle),
                "{}: expected {needle:?} in\n{}",
                dir.display(),
                run.stderr
            );
        }
        seen += 1;
    }
    assert!(seen >= 10, "only {seen} fixtures");
}

#[test]
fn a_broken_overlay_stops_every_command_with_exit_4() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/broken-rules/above-national-cap");
    Yibao::new()
        .args([
            "rules",
            "show",
            "苏州",
            "--rules-dir",
            dir.to_str().unwrap(),
        ])
        .run()
        .code(4)
        .stderr_has("320000.toml:5:33");
    Yibao::new()
        .args(["calendar", "add", "2026-01-05", "3"])
        .env("YIBAO_RULES_DIR", dir.to_str().unwrap())
        .run()
        .code(4);
}

#[test]
fn a_rules_dir_that_is_missing_or_a_file_exits_4() {
    Yibao::new()
        .args(["rules", "check", "/nonexistent/rules"])
        .run()
        .code(4)
        .stderr_has("does not exist");
    Yibao::new()
        .args(["rules", "check", "Cargo.toml", "--lang", "en"])
        .run()
        .code(4)
        .stderr_has("not a directory");
}

#[test]
fn an_empty_binary_or_huge_rules_file_exits_4() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("regions")).unwrap();
    std::fs::write(dir.path().join("regions/110000.toml"), "").unwrap();
    std::fs::write(
        dir.path().join("regions/310000.toml"),
        [0xff, 0xfe, 0x00, 0x81],
    )
    .unwrap();
    std::fs::write(dir.path().join("regions/500000.toml"), vec![b'#'; 2 << 20]).unwrap();
    let run = Yibao::new()
        .args([
            "rules",
            "check",
            dir.path().to_str().unwrap(),
            "--lang",
            "en",
        ])
        .run()
        .code(4);
    assert!(
        run.stderr.contains("110000.toml:1:1: file is empty"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("310000.toml:1:1: file is not UTF-8"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("500000.toml:1:1: file is"),
        "{}",
        run.stderr
    );
}

#[test]
fn jiangsu_lowers_the_waiting_period_cap_and_the_value_remembers_its_file() {
    let doc = Yibao::new()
        .args(["rules", "show", "苏州", "--json"])
        .on("2026-03-02")
        .run()
        .code(0)
        .json();
    assert_eq!(doc["schema"], "yibao.rules-show/1");
    let cap = doc["values"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["key"] == "waiting.local_cap_months")
        .unwrap();
    assert_eq!(cap["value"], 3);
    assert_eq!(cap["file"], "rules/regions/320000.toml");
    assert_eq!(cap["replaces_national"], 6);
    assert_eq!(cap["evidence"], "reported");
}

#[test]
fn before_a_rule_takes_effect_it_is_shown_as_not_in_force() {
    let doc = Yibao::new()
        .args(["rules", "show", "--json"])
        .on("2024-06-01")
        .run()
        .code(0)
        .json();
    let fixed = doc["values"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["key"] == "waiting.resident_fixed_months")
        .unwrap();
    assert!(
        fixed["gap"].as_str().unwrap().contains("2025-01-01"),
        "{fixed}"
    );
}
