//! Chinese from the first line (issue 20): Chinese values wherever an English one is taken,
//! Chinese subcommand aliases, help and clap's usage errors in Chinese by default and in
//! English with `--lang en` wherever it is typed.

use crate::support::Yibao;

const XIAN_BEIJING: &[&str] = &["transfer", "--from", "西安", "--to", "北京"];

/// The same plan, typed with English and with Chinese values.
#[test]
fn chinese_values_give_the_same_answer_as_english_ones() {
    let pairs: &[(&[&str], &[&str])] = &[
        (&["--scheme", "employee"], &["--scheme", "职工"]),
        (&["--scheme", "employee"], &["--scheme", "职工医保"]),
        (&["--scheme", "resident"], &["--scheme", "居民"]),
        (&["--scheme", "resident"], &["--scheme", "居民医保"]),
        (
            &["--scheme", "employee", "--retired", "yes"],
            &["--scheme", "职工", "--retired", "是"],
        ),
        (
            &[
                "--scheme",
                "employee",
                "--arrears",
                "no",
                "--reason",
                "hukou",
            ],
            &["--scheme", "职工", "--arrears", "否", "--reason", "户口"],
        ),
        (
            &["--scheme", "employee", "--origin-stopped", "unknown"],
            &["--scheme", "职工", "--origin-stopped", "不确定"],
        ),
    ];
    for (en, zh) in pairs {
        let a = Yibao::new()
            .args(XIAN_BEIJING)
            .args(*en)
            .args(["--json"])
            .on("2026-10-20")
            .run();
        let b = Yibao::new()
            .args(XIAN_BEIJING)
            .args(*zh)
            .args(["--json"])
            .on("2026-10-20")
            .run();
        assert_ne!(a.code, 2, "{en:?}: {}", a.stderr);
        assert_eq!((a.code, &a.stdout), (b.code, &b.stdout), "{en:?} vs {zh:?}");
    }
}

#[test]
fn unknown_leaves_a_yes_no_fact_open_as_if_the_flag_were_left_out() {
    let left_out = Yibao::new()
        .args(XIAN_BEIJING)
        .args(["--scheme", "employee", "--json"])
        .on("2026-10-20")
        .run()
        .code(3);
    let unknown = Yibao::new()
        .args(XIAN_BEIJING)
        .args(["--scheme", "employee", "--arrears", "unknown", "--json"])
        .on("2026-10-20")
        .run()
        .code(3);
    assert_eq!(left_out.stdout, unknown.stdout);
}

#[test]
fn global_flags_take_chinese_values_too() {
    Yibao::new()
        .args(["regions", "北京", "--lang", "英文"])
        .run()
        .code(0)
        .stdout_has("Beijing");
    Yibao::new()
        .args(["regions", "北京", "--color", "从不"])
        .run()
        .code(0);
}

#[test]
fn batch_records_take_chinese_check_names_and_answers() {
    let english = r#"{"check":"transfer","id":1,"from":"西安","to":"北京","scheme":"employee","retired":"no","reason":"job","arrears":null}"#;
    let chinese = r#"{"check":"转移","id":1,"from":"西安","to":"北京","scheme":"职工医保","retired":"否","reason":"工作","arrears":"不确定"}"#;
    let a = Yibao::new()
        .args(["batch"])
        .on("2026-10-20")
        .stdin(format!("{english}\n"))
        .run()
        .code(0);
    let b = Yibao::new()
        .args(["batch"])
        .on("2026-10-20")
        .stdin(format!("{chinese}\n"))
        .run()
        .code(0);
    assert_eq!(a.stdout, b.stdout);
    assert!(a.stdout.contains(r#""check":"transfer""#), "{}", a.stdout);
    Yibao::new()
        .args(["batch"])
        .stdin(r#"{"check":"合并","from":"西安","to":"北京","arrears":"是"}"#.to_string() + "\n")
        .run()
        .code(0)
        .stdout_has(r#""outcome":"no""#);
}
