//! Every `$ yibao …` example in README.md runs (with a fixed `--on`) and exits as the README
//! says: a line `$ yibao … # exit N` expects code N, otherwise 0.

use crate::support::Yibao;

#[test]
fn every_readme_example_runs_as_documented() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let mut count = 0;
    for line in readme.lines() {
        let Some(cmd) = line.trim().strip_prefix("$ yibao ") else {
            continue;
        };
        let (cmd, expected) = match cmd.split_once("# exit ") {
            Some((c, code)) => (c.trim(), code.trim().parse::<i32>().unwrap()),
            None => (cmd.trim(), 0),
        };
        if cmd.contains('|') || cmd.contains('<') {
            continue; // shell pipelines are shown for people; their yibao part is covered elsewhere
        }
        let args = shell_words(cmd);
        let mut run = Yibao::new().args(&args);
        if !args.iter().any(|a| a == "--on") {
            run = run.on("2026-11-23");
        }
        run.run().code(expected);
        count += 1;
    }
    assert!(count >= 8, "only {count} README examples found");
}

/// Splits a command line on spaces, keeping 'single' and "double" quoted parts together.
fn shell_words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quote = None;
    for c in s.chars() {
        match (quote, c) {
            (None, '\'' | '"') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, ' ') => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            _ => cur.push(c),
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}
