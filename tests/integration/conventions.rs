//! Ecosystem conventions: every command's help has an example and its exit statuses; colour
//! only when asked for or on a terminal; tables fit 80 columns with Chinese text, piped too.

use clap::CommandFactory;

use crate::support::Yibao;

/// Every command path, e.g. ["rules", "show"], leaves only.
fn leaves(cmd: &clap::Command, path: Vec<String>, out: &mut Vec<Vec<String>>) {
    let subs: Vec<_> = cmd
        .get_subcommands()
        .filter(|s| s.get_name() != "help")
        .collect();
    if subs.is_empty() {
        out.push(path);
        return;
    }
    for sub in subs {
        let mut p = path.clone();
        p.push(sub.get_name().to_string());
        leaves(sub, p, out);
    }
}

#[test]
fn every_command_help_has_an_example_and_the_exit_statuses() {
    let mut paths = Vec::new();
    leaves(&yibao::cli::Cli::command(), Vec::new(), &mut paths);
    assert!(paths.len() >= 15, "{paths:?}");
    for path in paths {
        for (lang, example, exit) in [("zh", "示例", "退出码"), ("en", "Example", "Exit status")]
        {
            let run = Yibao::new()
                .args(&path)
                .args(["--help", "--lang", lang])
                .run()
                .code(0);
            assert!(
                run.stdout.contains(example),
                "{path:?} --help --lang {lang} has no example"
            );
            assert!(
                run.stdout.contains(exit),
                "{path:?} --help --lang {lang} has no exit statuses"
            );
        }
    }
    Yibao::new()
        .arg("--help")
        .run()
        .code(0)
        .stdout_has("130  在提问时被中断");
    Yibao::new()
        .args(["--help", "--lang", "en"])
        .run()
        .code(0)
        .stdout_has("130  interrupted at a prompt");
}

const PLAN: &[&str] = &[
    "transfer",
    "--from",
    "西安",
    "--to",
    "苏州",
    "--scheme",
    "employee",
    "--reason",
    "job",
    "--retired",
    "no",
    "--origin-stopped",
    "yes",
    "--destination-enrolled",
    "yes",
    "--arrears",
    "no",
    "--account-frozen",
    "no",
    "--last-paid",
    "2026-08",
    "--paid-from",
    "2027-02",
    "--submitted",
    "2026-09-28",
];

#[test]
fn colour_only_when_asked_for_or_on_a_terminal() {
    let piped = Yibao::new().args(PLAN).on("2026-10-20").run().code(3);
    assert!(!piped.stdout.contains('\x1b'), "colour in a pipe");
    let always = Yibao::new()
        .args(PLAN)
        .args(["--color", "always"])
        .on("2026-10-20")
        .run()
        .code(3);
    assert!(
        always.stdout.contains('\x1b'),
        "--color always shows no colour"
    );
    let never = Yibao::new()
        .args(PLAN)
        .args(["--color", "never"])
        .env("CLICOLOR_FORCE", "1")
        .on("2026-10-20")
        .run()
        .code(3);
    assert!(!never.stdout.contains('\x1b'));
    let json = Yibao::new()
        .args(PLAN)
        .args(["--color", "always", "--json"])
        .on("2026-10-20")
        .run()
        .code(3);
    assert!(!json.stdout.contains('\x1b'), "colour codes inside JSON");
}

/// Display width: CJK and full-width forms take two columns.
fn width(line: &str) -> usize {
    line.chars()
        .map(|c| match c as u32 {
            0x1100..=0x115f
            | 0x2e80..=0x303e
            | 0x3041..=0x33ff
            | 0x3400..=0x4dbf
            | 0x4e00..=0x9fff
            | 0xac00..=0xd7a3
            | 0xf900..=0xfaff
            | 0xfe30..=0xfe4f
            | 0xff00..=0xff60
            | 0xffe0..=0xffe6 => 2,
            _ => 1,
        })
        .sum()
}

#[test]
fn tables_fit_80_columns_with_chinese_text_when_piped() {
    for lang in ["zh", "en"] {
        // A plan shows its tables (key facts, deadlines) under --explain.
        let plan: Vec<&str> = PLAN.iter().copied().chain(["--explain"]).collect();
        for args in [
            &plan[..],
            &["refund", "--list"],
            &["rules", "show", "苏州"],
            &["dental", "--list"],
        ] {
            let run = Yibao::new()
                .args(args)
                .args(["--lang", lang])
                .on("2026-10-20")
                .run();
            let table_lines: Vec<&str> = run
                .stdout
                .lines()
                .filter(|l| l.starts_with('+') || l.starts_with('|'))
                .collect();
            assert!(!table_lines.is_empty(), "{args:?} shows no table");
            for line in table_lines {
                assert!(
                    width(line) <= 80,
                    "{args:?} {lang}: {} columns: {line}",
                    width(line)
                );
            }
        }
    }
}

/// At a terminal colour is on unless NO_COLOR is set to something non-empty.
#[test]
fn no_color_is_honoured_at_a_terminal() {
    use expectrl::Expect;
    let run = |no_color: Option<&str>| {
        let mut cmd = std::process::Command::new(crate::support::bin());
        cmd.args(["guide", "password"])
            .env("TERM", "xterm")
            .env_remove("CLICOLOR_FORCE");
        match no_color {
            Some(v) => cmd.env("NO_COLOR", v),
            None => cmd.env_remove("NO_COLOR"),
        };
        let mut s = expectrl::Session::spawn(cmd).expect("pty");
        s.set_expect_timeout(Some(std::time::Duration::from_secs(20)));
        let out = s.expect(expectrl::Eof).expect("ends");
        String::from_utf8_lossy(out.as_bytes()).into_owned()
    };
    assert!(run(None).contains("\x1b["), "no colour at a terminal");
    assert!(
        run(Some("")).contains("\x1b["),
        "an empty NO_COLOR must not turn colour off"
    );
    assert!(!run(Some("1")).contains("\x1b[1m"), "NO_COLOR=1 ignored");
}
