//! Showing results: every command returns a `Report`, which can be shown for people (text and
//! tables, in Chinese or English) or as one JSON document for scripts. Writing goes through a
//! locked stdout; a closed pipe (`yibao … | head`) ends quietly. Nothing here decides anything.

pub mod coverage;
pub mod ics;
pub mod layout;
pub mod print;
pub mod reuse;
pub mod screen;
pub mod sources;
pub mod table;
pub mod text;
pub mod verdict;
pub mod wire;
pub mod words;
pub mod wrap;

use std::io::Write;

use serde_json::Value;

use crate::error::Error;
use crate::request::Output;
use crate::text::{Lang, Text};

/// A command's result, renderable both ways.
pub trait Report {
    /// `yibao.<command>/<version>`.
    fn schema(&self) -> &'static str;
    /// The JSON body (an object; `schema` is added by `emit`). Bilingual `{zh, en}` texts
    /// are collapsed to the chosen language by `emit`.
    fn json(&self, explain: bool) -> Value;
    /// The JSON document as printed, `schema` first. By default `json` with its texts in
    /// `lang`; answers with wire types of their own write them directly.
    fn json_text(&self, lang: Lang, explain: bool) -> String {
        let mut body = self.json(explain);
        localize(&mut body, lang);
        let mut doc = serde_json::Map::new();
        doc.insert("schema".into(), Value::from(self.schema()));
        if let Value::Object(map) = body {
            doc.extend(map);
        }
        let mut s = serde_json::to_string_pretty(&Value::Object(doc)).unwrap_or_default();
        s.push('\n');
        s
    }
    /// The text for people.
    fn human(&self, lang: Lang, explain: bool) -> String;
    /// True for documents (completions, man page, JSON Schema) printed as is, even under
    /// `--json`.
    fn raw(&self) -> bool {
        false
    }
    /// 0 unless the command answers yes/no.
    fn exit_code(&self) -> i32 {
        0
    }
}

/// A verdict already shown on the terminal (after a walk-through): prints nothing more and
/// keeps its exit code.
pub struct Shown<R: Report>(pub R);

impl<R: Report> Report for Shown<R> {
    fn schema(&self) -> &'static str {
        self.0.schema()
    }

    fn json(&self, explain: bool) -> Value {
        self.0.json(explain)
    }

    fn json_text(&self, lang: Lang, explain: bool) -> String {
        self.0.json_text(lang, explain)
    }

    fn human(&self, _lang: Lang, _explain: bool) -> String {
        String::new()
    }

    fn exit_code(&self) -> i32 {
        self.0.exit_code()
    }
}

/// Writes a report to stdout in the form chosen (documents such as the man page as they are).
pub fn emit(report: &dyn Report, lang: Lang, output: Output, explain: bool) -> Result<(), Error> {
    let out = match output {
        Output::Json if !report.raw() => report.json_text(lang, explain),
        Output::Json | Output::Table => report.human(lang, explain),
    };
    write_stdout(&out)
}

/// Writes to stdout and flushes. A closed pipe (`yibao … | head`) is quiet: the reader has
/// what it wanted. Any other failure (a full disk, a closed stdout) is an error naming stdout,
/// never an answer reported as given.
pub fn write_stdout(text: &str) -> Result<(), Error> {
    let mut lock = std::io::stdout().lock();
    match lock.write_all(text.as_bytes()).and_then(|()| lock.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Error::File {
            path: "stdout".into(),
            reason: Text::new(
                format!("无法写出结果({e});答案没有写出"),
                format!("cannot write the answer ({e}); it was not written"),
            ),
        }),
    }
}

/// Standard output is open. A process started with stdout closed (`yibao batch >&-`) finds
/// /dev/null there (Rust's runtime opens it read-write in place of a closed standard
/// descriptor), so every answer would be lost and the exit status 0. A shell's `> /dev/null`
/// opens it write-only: that stays allowed.
pub fn stdout_open() -> Result<(), Error> {
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsFd;
        use std::os::unix::fs::MetadataExt;
        let rdev = |m: std::io::Result<std::fs::Metadata>| m.ok().map(|m| m.rdev());
        let fd = std::io::stdout().as_fd().try_clone_to_owned();
        let null = fd.is_ok_and(|fd| {
            rdev(std::fs::File::from(fd).metadata())
                .is_some_and(|r| Some(r) == rdev(std::fs::metadata("/dev/null")))
        });
        let read_write = || {
            std::fs::read_to_string("/proc/self/fdinfo/1")
                .ok()
                .and_then(|info| {
                    let flags = info.lines().find_map(|l| l.strip_prefix("flags:"))?;
                    u32::from_str_radix(flags.trim(), 8).ok()
                })
                .is_some_and(|flags| flags & 0o3 == 0o2)
        };
        if null && read_write() {
            return Err(write_error("standard output is closed"));
        }
    }
    Ok(())
}

/// Writing the answers failed (a full disk, a closed stdout): the input is not to blame.
pub fn write_error(reason: &str) -> Error {
    Error::File {
        path: "stdout".into(),
        reason: Text::new(
            format!("无法写出结果({reason});答案未能全部写出"),
            format!("cannot write the answers ({reason}); they were not all written"),
        ),
    }
}

/// Writes an error to stderr: plain lines, or a JSON object under `--json`.
pub fn emit_error(err: &Error, lang: Lang, json: bool) {
    let text = if json {
        let lines = err.lines(lang);
        let doc = serde_json::json!({
            "error": { "code": err.code(), "exit": err.exit_code(), "message": lines.join("\n"), "lines": lines }
        });
        format!("{doc}\n")
    } else {
        let prefix = match (err, lang) {
            (Error::Rules(_), _) => "",
            (_, Lang::Zh) => "错误: ",
            (_, Lang::En) => "error: ",
        };
        let mut s = String::new();
        for line in err.lines(lang) {
            s.push_str(prefix);
            s.push_str(&line);
            s.push('\n');
        }
        if let Error::Rules(ds) = err {
            s.push_str(&match lang {
                Lang::Zh => format!("规则文件有 {} 处问题;请修正后用 'yibao rules check' 复查\n", ds.len()),
                Lang::En => format!("{} problem(s) in the rules files; fix them and run 'yibao rules check' again\n", ds.len()),
            });
        }
        s
    };
    let mut lock = std::io::stderr().lock();
    let _ = lock.write_all(text.as_bytes());
}

/// Replaces every `{ "zh": …, "en": … }` object with the string in `lang`.
pub fn localize(value: &mut Value, lang: Lang) {
    match value {
        Value::Object(map) => {
            if map.len() == 2
                && let (Some(Value::String(zh)), Some(Value::String(en))) =
                    (map.get("zh"), map.get("en"))
            {
                *value = Value::String(match lang {
                    Lang::Zh => zh.clone(),
                    Lang::En => en.clone(),
                });
                return;
            }
            map.values_mut().for_each(|v| localize(v, lang));
        }
        Value::Array(items) => items.iter_mut().for_each(|v| localize(v, lang)),
        _ => {}
    }
}

/// Picks the Chinese or English of a short UI string.
pub fn t(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}
