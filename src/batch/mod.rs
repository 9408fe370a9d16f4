//! `yibao batch`: JSON Lines of cases in, JSON Lines of answers out, one per input line and in
//! input order. `stream` does the reading, the two threads and the writing; `record` reads a
//! line's envelope and facts; `cases` turns a record into a verdict with the same checks the
//! single commands use; `output` writes the answer or the error record. The exit status is
//! decided here, once, from the tally of what the lines came to.

pub mod cases;
mod csv;
pub mod output;
pub mod record;
pub mod stream;

use std::io::{BufReader, Read};
use std::sync::atomic::{AtomicBool, Ordering};

use serde_json::Value;

use crate::cli::{BatchArgs, BatchFormat, FailOn};
use crate::error::{Error, exit};
use crate::render::Report;
use crate::request::Request;
use crate::text::{Lang, Text};
use crate::vocab::Outcome;
use cases::{Context, LineError, Scratch};
use stream::{Fault, Line, MAX_LINE_BYTES, Next, StreamEnd};

/// Which outcomes some line came to (all the exit code needs).
#[derive(Debug, Default)]
struct Tally {
    bad: AtomicBool,
    no: AtomicBool,
    conditional: AtomicBool,
}

impl Tally {
    /// Notes a line's outcome (`None`: the line was bad).
    fn saw(&self, outcome: Option<Outcome>) {
        let seen = match outcome {
            None => &self.bad,
            Some(Outcome::No) => &self.no,
            Some(Outcome::Conditional) => &self.conditional,
            Some(Outcome::Yes) => return,
        };
        // Read before written: each flag is written once, not on every line (a counter both
        // batch threads add to would pass its cache line between the cores).
        if !seen.load(Ordering::Relaxed) {
            seen.store(true, Ordering::Relaxed);
        }
    }
}

/// What `yibao batch` did; its answers are already written, so it shows nothing more.
#[derive(Debug)]
pub struct Summary {
    code: i32,
}

impl Report for Summary {
    fn schema(&self) -> &'static str {
        output::SCHEMA
    }

    fn json(&self, _explain: bool) -> Value {
        Value::Null
    }

    fn human(&self, _lang: Lang, _explain: bool) -> String {
        String::new()
    }

    fn raw(&self) -> bool {
        true
    }

    fn exit_code(&self) -> i32 {
        self.code
    }
}

/// Runs `yibao batch`.
pub fn run(args: &BatchArgs, req: &Request) -> Result<Summary, Error> {
    let input = open(args.input.as_deref())?;
    if args.parse_only {
        return parse_only(input, req.lang);
    }
    if args.input_format() == BatchFormat::Csv || args.output_format == BatchFormat::Csv {
        return csv::run(args, req, input);
    }
    let cx = Context {
        rules: req.rules()?,
        on: req.on,
        lang: req.lang,
        full: args.full,
        explain: req.explain,
        csv: false,
    };
    let tally = Tally::default();
    let mut out = std::io::stdout().lock();
    let end = stream::run(
        input,
        &mut out,
        |line: &Line, scratch: &mut Scratch, buf: &mut Vec<u8>| {
            // A blank line is no case: no answer, no error.
            if matches!(line.1, Ok(text) if text.trim().is_empty()) {
                return;
            }
            tally.saw(answer(line, &cx, scratch, buf));
        },
    );
    match end {
        StreamEnd::Done | StreamEnd::ClosedPipe => {}
        StreamEnd::ReadError(reason) => {
            return Err(Error::File {
                path: shown(args.input.as_deref()),
                reason: Text::new(
                    format!("读取输入中断: {reason}"),
                    format!("reading the input failed: {reason}"),
                ),
            });
        }
        StreamEnd::NotText(line) => {
            return Err(Error::File {
                path: shown(args.input.as_deref()),
                reason: Text::new(
                    format!(
                        "第 {line} 行含有 NUL 字节:输入是二进制数据,不是 JSON Lines 文本;已停止"
                    ),
                    format!(
                        "line {line} holds a NUL byte: the input is binary data, not JSON Lines text; stopped"
                    ),
                ),
            });
        }
        StreamEnd::WriteError(reason) => return Err(crate::render::write_error(&reason)),
    }
    Ok(Summary {
        code: exit_code(&tally, args.fail_on),
    })
}

/// 2 if any line was bad; else, with `--fail-on`, the worst outcome counted; else 0.
fn exit_code(tally: &Tally, fail_on: Option<FailOn>) -> i32 {
    let count = |n: &AtomicBool| n.load(Ordering::Relaxed);
    match fail_on {
        _ if count(&tally.bad) => exit::USAGE,
        Some(_) if count(&tally.no) => exit::NO,
        Some(FailOn::Conditional) if count(&tally.conditional) => exit::CONDITIONAL,
        _ => exit::YES,
    }
}

/// Answers one line (numbered `line.0`), appending one JSON line to `buf`: the whole verdict
/// when `cx` asks for full detail, else the compact answer; `None` when the line was bad.
/// `scratch` is what this thread remembers between lines. Public for the fuzz target.
pub fn answer<'r>(
    line: &Line,
    cx: &Context<'r>,
    scratch: &mut Scratch<'r>,
    buf: &mut Vec<u8>,
) -> Option<Outcome> {
    let (number, text) = *line;
    let text = match text {
        Ok(t) => t,
        Err(fault) => {
            output::error(buf, number, None, &fault_error(fault, cx.lang));
            return None;
        }
    };
    let envelope = match record::envelope(text) {
        Ok(e) => e,
        Err(e) => {
            output::error(buf, number, None, &json_error(&e, text, cx.lang));
            return None;
        }
    };
    let id = envelope.id;
    let verdict = cases::find(envelope.check.as_deref(), cx.lang)
        .and_then(|(name, evaluate, _)| evaluate(text, cx, scratch).map(|v| (*name, v)));
    match verdict {
        Ok((name, judged)) => {
            if cx.full {
                output::full(buf, number, id, &judged, cx);
            } else {
                output::compact(buf, number, id, name, &judged, cx.rules);
            }
            let outcome = judged.outcome();
            scratch.keep(judged);
            Some(outcome)
        }
        Err(e) => {
            output::error(buf, number, id, &e);
            None
        }
    }
}

/// A line that could not be read.
fn fault_error(fault: Fault, lang: Lang) -> LineError {
    let (code, text) = match fault {
        Fault::NotUtf8 { offset } => (
            "not_utf8",
            Text::new(
                format!("这一行不是 UTF-8 文本(第 {offset} 字节无效);请以 UTF-8 保存输入"),
                format!(
                    "line is not UTF-8 text (invalid byte at offset {offset}); save the input as UTF-8"
                ),
            ),
        ),
        Fault::TooLong { bytes } => (
            "line_too_long",
            Text::new(
                format!("这一行有 {bytes} 字节,超过每行 {MAX_LINE_BYTES} 字节的上限,已跳过"),
                format!(
                    "line is {bytes} bytes long, over the limit of {MAX_LINE_BYTES} bytes a line; it was skipped"
                ),
            ),
        ),
    };
    LineError::new(code, text.get(lang))
}

/// A line that is not a JSON object (or whose `check`/`id` are malformed).
fn json_error(e: &serde_json::Error, text: &str, lang: Lang) -> LineError {
    let record = e.classify() == serde_json::error::Category::Data;
    // A spreadsheet's row read as JSON Lines (a CSV file not named *.csv, or piped).
    let csv_row = !record && text.contains(',') && !text.trim_start().starts_with(['{', '[', '"']);
    let code = if record { "bad_record" } else { "invalid_json" };
    let said = e.to_string();
    LineError::new(
        code,
        crate::render::text::batch::not_json(&said, record, csv_row, lang),
    )
}

type Input = BufReader<Box<dyn Read + Send>>;

/// The input file, or standard input for none or `-`.
fn open(path: Option<&std::path::Path>) -> Result<Input, Error> {
    use std::io::IsTerminal;
    let (reader, device): (Box<dyn Read + Send>, bool) = match path {
        Some(p) if p.as_os_str() != "-" => {
            let file = std::fs::File::open(p).map_err(|e| Error::File {
                path: p.display().to_string(),
                reason: Text::new(
                    format!("无法打开输入文件: {e};请检查路径,或用 - 从标准输入读取"),
                    format!(
                        "cannot open the input: {e}; check the path, or pass - to read standard input"
                    ),
                ),
            })?;
            let device = !file.is_terminal() && file.metadata().is_ok_and(|m| endless_device(&m));
            (Box::new(file), device)
        }
        _ => {
            let stdin = std::io::stdin();
            #[cfg(unix)]
            let device = !stdin.is_terminal() && {
                use std::os::fd::AsFd;
                let fd = stdin.as_fd().try_clone_to_owned();
                fd.is_ok_and(|fd| {
                    std::fs::File::from(fd)
                        .metadata()
                        .is_ok_and(|m| endless_device(&m))
                })
            };
            #[cfg(not(unix))]
            let device = false;
            (Box::new(stdin), device)
        }
    };
    if device {
        return Err(Error::File {
            path: shown(path),
            reason: Text::new(
                "是设备(例如 /dev/urandom),不是 JSON Lines 文件;请给出文件或管道",
                "is a device (like /dev/urandom), not a file of JSON Lines; give a file or a pipe",
            ),
        });
    }
    let mut input = BufReader::with_capacity(1 << 16, reader);
    skip_bom(&mut input).map_err(|e| Error::File {
        path: shown(path),
        reason: Text::new(
            format!("读取输入中断: {e}"),
            format!("reading the input failed: {e}"),
        ),
    })?;
    Ok(input)
}

/// Skips a UTF-8 byte-order mark at the start of the input (Windows editors and Excel write
/// one), so the first line reads like the others. The mark arrives in the first read of any
/// file or pipe of more than a few bytes.
fn skip_bom(input: &mut Input) -> std::io::Result<()> {
    use std::io::BufRead;
    let buf = loop {
        match input.fill_buf() {
            Ok(b) => break b,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    };
    if buf.starts_with("\u{feff}".as_bytes()) {
        input.consume(3);
    }
    Ok(())
}

/// A device other than /dev/null (terminals are let through before): /dev/zero,
/// /dev/urandom or a disk stream bytes without end, never JSON Lines.
fn endless_device(meta: &std::fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{FileTypeExt, MetadataExt};
        let t = meta.file_type();
        (t.is_char_device() || t.is_block_device())
            && std::fs::metadata("/dev/null").is_ok_and(|null| null.rdev() != meta.rdev())
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        false
    }
}

fn shown(path: Option<&std::path::Path>) -> String {
    path.map_or_else(|| "-".to_string(), |p| p.display().to_string())
}

/// The benchmark's floor (hidden `--parse-only`): reads every line into its check's facts on
/// one thread, evaluates nothing, and prints how many lines there were and how many parsed.
fn parse_only(mut input: Input, lang: Lang) -> Result<Summary, Error> {
    let (mut lines, mut parsed) = (0usize, 0usize);
    let mut bytes = Vec::new();
    loop {
        match stream::next_line(&mut input, &mut bytes) {
            Ok(Next::End) => break,
            Ok(Next::Line) => {}
            Ok(Next::TooLong(_)) => {
                lines += 1;
                continue;
            }
            Ok(Next::Binary) => break,
            Err(e) => {
                return Err(Error::File {
                    path: "-".into(),
                    reason: Text::new(e.to_string(), e.to_string()),
                });
            }
        }
        lines += 1;
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        let ok = record::envelope(text).ok().and_then(|env| {
            let (_, _, parse) = cases::find(env.check.as_deref(), lang).ok()?;
            parse(text).ok()
        });
        parsed += usize::from(ok.is_some());
    }
    crate::render::write_stdout(&format!("{{\"lines\":{lines},\"parsed\":{parsed}}}\n"))?;
    Ok(Summary { code: exit::YES })
}
