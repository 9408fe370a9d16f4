//! `yibao batch --input csv` and `--output csv`: cases from a spreadsheet, answers to one.
//! Kept apart from the JSON Lines stream (`stream`), which stays the fast path: this one
//! reads and answers on one thread, row by row, in order, with the same rules: one output
//! row per case, blank rows skipped, a bad row an error row and the stream goes on, the
//! exit status from the same tally, output flushed whenever no more input is waiting, a
//! closed output quiet. Rows are numbered as a spreadsheet numbers them (the header is 1).

mod read;
mod write;

use std::io::Write;

use serde_json::value::RawValue;

use super::cases::{self, Context, Judged, Scratch};
use super::stream::{Fault, Next};
use super::{Input, Summary, Tally, exit_code, fault_error, json_error, record};
use crate::cli::{BatchArgs, BatchFormat};
use crate::error::Error;
use crate::render::text;
use crate::request::Request;
use crate::text::{Lang, Text};
use crate::vocab::Outcome;

/// One case read: its number and its JSON record, or why it could not be read.
type Case = (usize, Result<String, Fault>);

/// Runs a batch with CSV on either side.
pub fn run(args: &BatchArgs, req: &Request, mut input: Input) -> Result<Summary, Error> {
    let csv_out = args.output_format == BatchFormat::Csv;
    if csv_out && args.full {
        return Err(Error::usage(
            "--full 给出整份 JSON 答案,只能用于 JSON Lines 输出;CSV 每个案例一行,去掉 --full 或 --output csv",
            "--full writes whole JSON answers, so it goes with JSON Lines output only; CSV has one row a case: drop --full or --output csv",
        ));
    }
    let cx = Context {
        rules: req.rules()?,
        on: req.on,
        lang: req.lang,
        full: args.full,
        explain: req.explain,
        csv: args.input_format() == BatchFormat::Csv,
    };
    let tally = Tally::default();
    let mut scratch = Scratch::default();
    let mut buf = Vec::with_capacity(1 << 16);
    let mut out = std::io::stdout().lock();
    if csv_out {
        write::header(&mut buf, cx.lang);
    }
    let mut reader = Reader::new(args.input_format());
    let mut bytes = Vec::new();
    loop {
        let case = match reader.next(&mut input, &mut bytes) {
            Ok(Some(case)) => case,
            Ok(None) => break,
            Err(e) => {
                flush(&mut out, &mut buf)?;
                return Err(read_error(args, &e));
            }
        };
        let outcome = if csv_out {
            answer_row(&case, &cx, &mut scratch, &mut buf)
        } else {
            let (number, text) = &case;
            super::answer(
                &(*number, text.as_deref().map_err(|f| *f)),
                &cx,
                &mut scratch,
                &mut buf,
            )
        };
        tally.saw(outcome);
        if (input.buffer().is_empty() || buf.len() >= 1 << 20) && !flush(&mut out, &mut buf)? {
            return Ok(Summary {
                code: exit_code(&tally, args.fail_on),
            });
        }
    }
    flush(&mut out, &mut buf)?;
    Ok(Summary {
        code: exit_code(&tally, args.fail_on),
    })
}

/// Writes what is buffered; false when the reader of the output has gone (quietly).
fn flush(out: &mut impl Write, buf: &mut Vec<u8>) -> Result<bool, Error> {
    let written = out.write_all(buf).and_then(|()| out.flush());
    buf.clear();
    match written {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(false),
        Err(e) => Err(crate::render::write_error(&e.to_string())),
    }
}

fn read_error(args: &BatchArgs, e: &std::io::Error) -> Error {
    Error::File {
        path: super::shown(args.input.as_deref()),
        reason: Text::new(
            format!("读取输入中断: {e}"),
            format!("reading the input failed: {e}"),
        ),
    }
}

/// Cases from JSON Lines or from CSV rows.
struct Reader {
    csv: bool,
    /// Lines or rows read so far.
    number: usize,
    /// CSV: the fact name of each column, once the header is read, and the header's row.
    columns: Option<(Vec<String>, usize)>,
}

impl Reader {
    fn new(format: BatchFormat) -> Reader {
        Reader {
            csv: format == BatchFormat::Csv,
            number: 0,
            columns: None,
        }
    }

    /// The next case; blank lines and rows, the header and a row of labels are skipped.
    fn next(&mut self, input: &mut Input, bytes: &mut Vec<u8>) -> std::io::Result<Option<Case>> {
        loop {
            let found = if self.csv {
                self.next_row(input, bytes)?
            } else {
                self.next_line(input, bytes)?
            };
            match found {
                Some(Some(case)) => return Ok(Some(case)),
                Some(None) => continue,
                None => return Ok(None),
            }
        }
    }

    /// `None` at the end; `Some(None)` for a line to skip.
    fn next_line(
        &mut self,
        input: &mut Input,
        bytes: &mut Vec<u8>,
    ) -> std::io::Result<Option<Option<Case>>> {
        let next = super::stream::next_line(input, bytes)?;
        self.number += 1;
        let text = match next {
            Next::End => return Ok(None),
            Next::Binary => return Err(binary()),
            Next::TooLong(n) => Err(Fault::TooLong { bytes: n }),
            Next::Line => match std::str::from_utf8(bytes) {
                Ok(t) if t.trim().is_empty() => return Ok(Some(None)),
                Ok(t) => Ok(t.to_string()),
                Err(e) => Err(Fault::NotUtf8 {
                    offset: e.valid_up_to(),
                }),
            },
        };
        Ok(Some(Some((self.number, text))))
    }

    fn next_row(
        &mut self,
        input: &mut Input,
        bytes: &mut Vec<u8>,
    ) -> std::io::Result<Option<Option<Case>>> {
        let Some(found) = read::next_record(input, bytes)? else {
            return Ok(None);
        };
        self.number += 1;
        let row = match found {
            read::Record::Fields(row) => row,
            read::Record::NotUtf8(offset) => {
                return Ok(Some(Some((self.number, Err(Fault::NotUtf8 { offset })))));
            }
            read::Record::TooLong(bytes) => {
                return Ok(Some(Some((self.number, Err(Fault::TooLong { bytes })))));
            }
        };
        if read::blank(&row) {
            return Ok(Some(None));
        }
        let Some((columns, header)) = &self.columns else {
            let names = row.iter().map(|c| read::column_name(c)).collect();
            self.columns = Some((names, self.number));
            return Ok(Some(None));
        };
        // Labels may stand in the row right under the header.
        if self.number == header + 1 && read::labels(columns, &row, text::batch::label) {
            return Ok(Some(None));
        }
        Ok(Some(Some((self.number, Ok(read::record(columns, &row))))))
    }
}

fn binary() -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::InvalidData,
        "binary data (a NUL byte), not text",
    )
}

/// Answers one case as a CSV row; `None` when it was bad.
fn answer_row<'r>(
    case: &Case,
    cx: &Context<'r>,
    scratch: &mut Scratch<'r>,
    buf: &mut Vec<u8>,
) -> Option<Outcome> {
    let (number, text) = case;
    let text = match text {
        Ok(t) => t,
        Err(fault) => {
            write::error(buf, *number, "", "", &fault_error(*fault, cx.lang));
            return None;
        }
    };
    let envelope = match record::envelope(text) {
        Ok(e) => e,
        Err(e) => {
            write::error(buf, *number, "", "", &json_error(&e, text, cx.lang));
            return None;
        }
    };
    let id = envelope.id.map(id_text).unwrap_or_default();
    let check = envelope.check.as_deref().unwrap_or_default();
    let judged = cases::find(envelope.check.as_deref(), cx.lang)
        .and_then(|(name, evaluate, _)| evaluate(text, cx, scratch).map(|j| (*name, j)));
    match judged {
        Ok((name, judged)) => {
            let summary = summary(&judged, cx.lang);
            write::answer(buf, *number, &id, name, &judged, &summary, cx.rules);
            let outcome = judged.outcome();
            scratch.keep(judged);
            Some(outcome)
        }
        Err(e) => {
            write::error(buf, *number, &id, check, &e);
            None
        }
    }
}

/// A JSON `id` as a cell: a string as its text, anything else as its JSON.
fn id_text(raw: &RawValue) -> String {
    serde_json::from_str::<String>(raw.get()).unwrap_or_else(|_| raw.get().to_string())
}

/// The one-line summary of an answer, in the chosen language.
fn summary(judged: &Judged, lang: Lang) -> String {
    match judged {
        Judged::Transfer(a) => text::transfer::summary(a, lang),
        Judged::Merge(a) => text::merge::summary(a, lang),
        Judged::Refund(a) => text::refund::summary(a, lang),
        Judged::Dental(a) => text::dental::summary(a, lang),
        Judged::Filing(a) => text::filing::summary(a, lang),
    }
}
