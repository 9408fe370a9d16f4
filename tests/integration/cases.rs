//! Data-driven cases: every `tests/cases/<command>/*.toml` is a question a person asks,
//! named by the expected answer in a sentence, run as `yibao ARGS --json --no-input`.
//!
//! ```toml
//! name = "职工从西安转到北京,两边都办好了:可以申请转移"
//! args = ["transfer", "--from", "西安", "--to", "北京", …]
//! on = "2026-03-02"          # optional; default 2026-03-02
//! lang = "en"                # optional
//! [expect]
//! exit = 0
//! json = { outcome = "yes" } # subset: objects match key by key, arrays by "contains"
//! stdout_has = ["…"]         # optional; checks the text output instead of JSON (as wrapped:
//!                            # whitespace is ignored)
//! stderr_has = ["…"]         # optional; e.g. the flag an error names
//! stdout_lacks = ["…"]       # optional; what must not be said (an id in the JSON, or words)
//! ```

use std::path::Path;

use serde_json::Value;

use crate::support::Yibao;

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    args: Vec<String>,
    on: Option<String>,
    lang: Option<String>,
    expect: Expect,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    exit: i32,
    json: Option<toml::Value>,
    #[serde(default)]
    stdout_has: Vec<String>,
    #[serde(default)]
    stderr_has: Vec<String>,
    #[serde(default)]
    stdout_lacks: Vec<String>,
}

/// Whether `actual` contains everything `expected` states.
pub fn matches(expected: &Value, actual: &Value) -> bool {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => e
            .iter()
            .all(|(k, v)| a.get(k).is_some_and(|av| matches(v, av))),
        // `[]` expects an empty list; otherwise every expected element is in the list.
        (Value::Array(e), Value::Array(a)) if e.is_empty() => a.is_empty(),
        (Value::Array(e), Value::Array(a)) => e.iter().all(|ev| a.iter().any(|av| matches(ev, av))),
        (Value::Number(e), Value::Number(a)) => e.as_f64() == a.as_f64(),
        _ => expected == actual,
    }
}

fn case_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            case_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
}

#[test]
fn every_case_file_gets_its_expected_answer() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut files = Vec::new();
    case_files(&root, &mut files);
    files.sort();
    let mut failures = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let case: Case =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let text_mode = !case.expect.stdout_has.is_empty() && case.expect.json.is_none();
        let mut yibao = Yibao::new()
            .args(&case.args)
            .arg("--no-input")
            .on(case.on.as_deref().unwrap_or("2026-03-02"));
        if let Some(lang) = &case.lang {
            yibao = yibao.args(["--lang", lang]);
        }
        if !text_mode {
            yibao = yibao.arg("--json");
        }
        let run = yibao.run();
        let mut problems = Vec::new();
        if run.code != case.expect.exit {
            problems.push(format!("exit {} (expected {})", run.code, case.expect.exit));
        }
        if run.stderr.contains("panicked") {
            problems.push("panicked".into());
        }
        if let Some(expected) = &case.expect.json {
            let expected = serde_json::to_value(expected).unwrap();
            match serde_json::from_str::<Value>(&run.stdout) {
                Ok(actual) if matches(&expected, &actual) => {}
                Ok(actual) => problems.push(format!(
                    "JSON does not contain {expected}\nactual: {actual}"
                )),
                Err(e) => problems.push(format!("stdout is not JSON ({e})")),
            }
        }
        for needle in &case.expect.stdout_has {
            // Text wraps at the width: a phrase may run over two lines.
            if !crate::support::says(&run.stdout, needle) {
                problems.push(format!("stdout lacks {needle:?}"));
            }
        }
        for needle in &case.expect.stdout_lacks {
            if crate::support::says(&run.stdout, needle) {
                problems.push(format!("stdout says {needle:?}"));
            }
        }
        for needle in &case.expect.stderr_has {
            if !run.stderr.contains(needle) {
                problems.push(format!("stderr lacks {needle:?}"));
            }
        }
        if !problems.is_empty() {
            failures.push(format!(
                "{} — {}\n  {}\n  stderr: {}",
                file.display(),
                case.name,
                problems.join("\n  "),
                run.stderr.trim()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n\n{}",
        failures.len(),
        files.len(),
        failures.join("\n\n")
    );
}
