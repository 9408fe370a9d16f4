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
        (&["--scheme", "resident"], &["--scheme", "城乡居民医保"]),
        (&["--scheme", "employee"], &["--scheme", "城镇职工"]),
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

/// A Chinese input method in full-width mode types ２０２６－０１－１０ and ８，０００: dates,
/// months, years and numbers so typed give the answer their ASCII forms give, in flags and in
/// batch records alike.
#[test]
fn full_width_digits_give_the_same_answer_as_ascii_ones() {
    let pairs: &[(&[&str], &[&str])] = &[
        (
            &["calendar", "add", "2026-01-05", "10"],
            &["calendar", "add", "２０２６－０１－０５", "１０"],
        ),
        (
            &["calendar", "is-workday", "2026年2月14日"],
            &["calendar", "is-workday", "２０２６年２月１４日"],
        ),
        (
            &[
                "balance",
                "--region",
                "西安",
                "--monthly",
                "--base",
                "8,000",
            ],
            &[
                "balance",
                "--region",
                "西安",
                "--monthly",
                "--base",
                "８，０００元",
            ],
        ),
        (
            &[
                "transfer",
                "--from",
                "西安",
                "--to",
                "北京",
                "--scheme",
                "employee",
                "--last-paid",
                "2026-01",
                "--paid-from",
                "2026-02",
                "--submitted",
                "2026-01-10",
                "--new-scheme",
                "resident",
                "--continuous-years",
                "3",
            ],
            &[
                "transfer",
                "--from",
                "西安",
                "--to",
                "北京",
                "--scheme",
                "employee",
                "--last-paid",
                "２０２６－０１",
                "--paid-from",
                "２０２６年２月",
                "--submitted",
                "２０２６／１／１０",
                "--new-scheme",
                "resident",
                "--continuous-years",
                "３",
            ],
        ),
    ];
    for (ascii, wide) in pairs {
        let a = Yibao::new()
            .args(*ascii)
            .args(["--json"])
            .on("2026-03-02")
            .run();
        let b = Yibao::new()
            .args(*wide)
            .args(["--json"])
            .on("2026-03-02")
            .run();
        assert_ne!(a.code, 2, "{ascii:?}: {}", a.stderr);
        assert_eq!(
            (a.code, &a.stdout),
            (b.code, &b.stdout),
            "{ascii:?} vs {wide:?}: {}",
            b.stderr
        );
    }
    // A batch record, its years insured as a number, as digits or as full-width digits.
    let record = |paid: &str, years: &str| {
        format!(
            r#"{{"check":"transfer","from":"西安","to":"北京","scheme":"resident","new_scheme":"employee","continuous_years":{years},"last_paid":"{paid}","submitted":"{paid}-01-10"}}"#
        )
    };
    let batch = |line: String| {
        Yibao::new()
            .args(["batch"])
            .on("2026-03-02")
            .stdin(line + "\n")
            .run()
    };
    let a = batch(record("2025", "3")).code(0);
    assert!(a.stdout.contains(r#""outcome""#), "{}", a.stdout);
    for wide in [
        record("２０２５", "3"),
        record("2025", r#""3""#),
        record("2025", r#""３""#),
    ] {
        assert_eq!(batch(wide.clone()).stdout, a.stdout, "{wide}");
    }
    // The same range as --continuous-years.
    batch(record("2025", "101"))
        .code(2)
        .stdout_has("continuous_years: 101");
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

#[test]
fn help_is_chinese_by_default_and_english_with_lang_en_anywhere() {
    for args in [
        &["--help"][..],
        &["transfer", "--help"],
        &["help", "transfer"],
        &["rules", "show", "-h"],
    ] {
        let zh = Yibao::new().args(args).run().code(0);
        assert!(zh.stdout.contains("用法: yibao"), "{args:?}\n{}", zh.stdout);
        for english in ["Usage:", "Options:", "Print help", "[OPTIONS]"] {
            assert!(!zh.stdout.contains(english), "{args:?}: {english}");
        }
    }
    Yibao::new()
        .args(["transfer", "--help"])
        .run()
        .code(0)
        .stdout_has("规划医保关系转移")
        .stdout_has("--scheme <险种>")
        .stdout_has("employee(职工)、resident(居民)")
        .stdout_has("示例:")
        .stdout_has("退出码:");
    // --lang en first, last, as --lang=en, between a command and its flags, or from the
    // environment.
    let english: [(&[&str], Option<&str>); 5] = [
        (&["--lang", "en", "transfer", "--help"], None),
        (&["transfer", "--help", "--lang", "en"], None),
        (&["transfer", "--lang=en", "--help"], None),
        (&["transfer", "--from", "西安", "--lang", "en", "-h"], None),
        (&["transfer", "--help"], Some("en")),
    ];
    for (args, env) in english {
        let mut run = Yibao::new().args(args);
        if let Some(lang) = env {
            run = run.env("YIBAO_LANG", lang);
        }
        run.run()
            .code(0)
            .stdout_has("Usage: yibao transfer [OPTIONS]")
            .stdout_has("Plan a move of your insurance")
            .stdout_lacks("用法");
    }
}

#[test]
fn usage_errors_are_chinese_by_default_and_english_with_lang_en() {
    Yibao::new()
        .args(["transfer", "--frobnicate"])
        .run()
        .code(2)
        .stderr_has("错误: 无法识别的参数 '--frobnicate'")
        .stderr_lacks_english();
    Yibao::new()
        .args(["transfer", "--scheme", "工人"])
        .run()
        .code(2)
        .stderr_has("'工人' 不是 --scheme <险种> 可用的值;可用的值: employee、resident")
        .stderr_lacks_english();
    Yibao::new()
        .args(["tranfser"])
        .run()
        .code(2)
        .stderr_has("没有名为 'tranfser' 的命令;您是不是要用命令 'transfer'?");
    Yibao::new()
        .args(["transfer", "--frobnicate", "--lang", "en"])
        .run()
        .code(2)
        .stderr_has("error: unexpected argument '--frobnicate' found");
    Yibao::new()
        .args(["transfer", "--scheme", "工人"])
        .env("YIBAO_LANG", "en")
        .run()
        .code(2)
        .stderr_has("invalid value '工人' for '--scheme <SCHEME>'");
    // A language that is none: refused in Chinese, naming the value and the languages.
    Yibao::new()
        .args(["regions", "--lang", "fr"])
        .run()
        .code(2)
        .stderr_has("'fr' 不是 --lang <语言> 可用的值;可用的值: zh、en");
    // Under --json the error object is in the language asked for too.
    let run = Yibao::new()
        .args(["--json", "regions", "--bogus"])
        .run()
        .code(2);
    let doc: serde_json::Value = serde_json::from_str(&run.stderr).unwrap();
    assert!(
        doc["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("无法识别的参数 '--bogus'")
    );
}

#[test]
fn the_main_commands_answer_to_their_chinese_names() {
    for (name, alias, args, code) in [
        (
            "transfer",
            "转移",
            &["--from", "110105", "--to", "110108"][..],
            0,
        ),
        ("balance", "余额", &["--region", "北京"], 0),
        ("refund", "退费", &["--list"], 0),
        ("dental", "口腔", &["--list"], 0),
        (
            "merge",
            "合并",
            &["--from", "西安", "--to", "北京", "--arrears", "是"],
            1,
        ),
        ("regions", "地区", &["北京"], 0),
        ("guide", "指南", &["家庭共济"], 0),
    ] {
        let run = |command: &str| {
            Yibao::new()
                .arg(command)
                .args(args)
                .on("2026-10-20")
                .run()
                .code(code)
                .stdout
        };
        assert_eq!(run(name), run(alias), "{alias}");
    }
    Yibao::new()
        .args(["日历", "工作日", "2026-10-10"])
        .run()
        .code(0);
    Yibao::new()
        .args(["规则", "查看", "苏州", "--on", "2026-03-02"])
        .run()
        .code(0);
}

#[test]
fn the_man_page_is_chinese_by_default_and_english_with_lang_en() {
    Yibao::new()
        .arg("man")
        .run()
        .code(0)
        .stdout_has("医保关系转移接续助手")
        .stdout_has("显示帮助")
        .stdout_lacks("Print help");
    Yibao::new()
        .args(["man", "--lang", "en"])
        .run()
        .code(0)
        .stdout_has("Print help")
        .stdout_lacks("显示帮助");
}

trait LacksEnglish {
    fn stderr_lacks_english(self) -> Self;
}

impl LacksEnglish for crate::support::Run {
    /// None of clap's English words.
    #[track_caller]
    fn stderr_lacks_english(self) -> Self {
        for english in [
            "error:",
            "unexpected",
            "invalid value",
            "Usage",
            "tip:",
            "possible values",
        ] {
            assert!(!self.stderr.contains(english), "{english}: {}", self.stderr);
        }
        self
    }
}

#[test]
fn calendar_dates_name_the_day_of_the_week_in_the_language_asked_for() {
    Yibao::new()
        .args(["calendar", "days", "2026-10-01", "2026-10-02"])
        .run()
        .code(0)
        .stdout_has("| 2026-10-01 | 星期四 |")
        .stdout_lacks("Thu");
    Yibao::new()
        .args(["calendar", "is-workday", "2026-10-10"])
        .run()
        .code(0)
        .stdout_has("2026-10-10 星期六 调休上班");
    Yibao::new()
        .args([
            "calendar",
            "days",
            "2026-10-01",
            "2026-10-01",
            "--lang",
            "en",
        ])
        .run()
        .code(0)
        .stdout_has("| 2026-10-01 | Thu ")
        .stdout_lacks("星期");
}

/// Every file under `dir` (recursively) whose name ends with `ext`.
fn files(dir: &std::path::Path, ext: &str, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, ext, out);
        } else if path.extension().is_some_and(|e| e == ext) {
            out.push(path);
        }
    }
}

/// The questions say 您; so does every answer. No Chinese text of the program or its rules
/// speaks to the person as 你 (the informal "you"), and neither does a retiree's walk
/// through `route` into `filing`, the answer where 你 last showed.
#[test]
fn the_person_is_addressed_as_nin_everywhere() {
    let informal = '\u{4f60}';
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut all = Vec::new();
    files(&root.join("src"), "rs", &mut all);
    files(&root.join("rules"), "toml", &mut all);
    assert!(all.len() > 50, "{} files", all.len());
    for path in all {
        let text = std::fs::read_to_string(&path).unwrap();
        if let Some(line) = text.lines().find(|l| l.contains(informal)) {
            panic!("{}: {line}", path.display());
        }
    }
    let out = Yibao::new()
        .args([
            "route",
            "--from",
            "北京朝阳",
            "--to",
            "昆山",
            "--retired",
            "yes",
        ])
        .args(["--change", "no", "--stay", "long"])
        .on("2026-11-27")
        .run();
    assert_ne!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stdout.contains("您") && !out.stdout.contains(informal),
        "{}",
        out.stdout
    );
}
