//! The streaming core of `yibao batch`: lines in, one output line per input line, in order.
//! A reader thread hands over lines in chunks (a chunk ends when the reader's buffer is drained,
//! so a pipe that stalls delivers what it has); each chunk is evaluated on both cores (the
//! second half of a large chunk by a helper thread that lives as long as the stream) and
//! written in order; output is flushed whenever no further input is waiting. Memory is bounded
//! by the chunk size and a short queue, however long the input.

use std::io::{BufRead, BufReader, ErrorKind, Read, Write};
use std::ops::Range;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, SendError, SyncSender, TryRecvError, sync_channel};

/// Most lines in one chunk.
const CHUNK_LINES: usize = 4096;
/// Chunks read ahead of evaluation.
const QUEUE: usize = 4;
/// Chunks smaller than this are evaluated on one thread (spawning costs more than it saves).
const PARALLEL_FROM: usize = 64;

/// One input line: its 1-based number and text (without the newline), or why it could not
/// be read.
pub type Line<'a> = (usize, Result<&'a str, &'a str>);

/// Lines read together: their texts back to back, and for each line its number and where its
/// text lies (or why it could not be read). One allocation for thousands of lines.
struct Chunk {
    text: Arc<String>,
    lines: Vec<(usize, Result<Range<usize>, String>)>,
}

impl Chunk {
    /// Evaluates every line in order.
    fn evaluate(&self, mut eval: impl FnMut(&Line, &mut Vec<u8>), buf: &mut Vec<u8>) {
        for (number, text) in &self.lines {
            let text = match text {
                Ok(at) => Ok(&self.text[at.clone()]),
                Err(reason) => Err(reason.as_str()),
            };
            eval(&(*number, text), buf);
        }
    }
}

/// Why the stream stopped early.
#[derive(Debug)]
pub enum StreamEnd {
    /// Every line was read and answered.
    Done,
    /// The reader of our output went away (`| head`): stop quietly.
    ClosedPipe,
    /// Reading the input failed.
    ReadError(String),
}

/// Reads `input` line by line, evaluates each with `eval` (which appends one JSON line, with
/// its newline, to the buffer it is given), and writes the results to `out` in input order.
/// Each thread evaluating lines keeps its own `S` (made with `Default`) and hands it to
/// `eval` with every line: what it may remember from one line to the next.
pub fn run<R, W, S, F>(input: BufReader<R>, out: &mut W, eval: F) -> StreamEnd
where
    R: Read + Send + 'static,
    W: Write,
    S: Default,
    F: Fn(&Line, &mut S, &mut Vec<u8>) + Sync,
{
    let (tx, rx) = sync_channel::<Result<Chunk, String>>(QUEUE);
    let reader = std::thread::spawn(move || read_chunks(input, |chunk| tx.send(chunk).is_ok()));
    let end = write_chunks(&rx, out, &eval);
    drop(rx);
    let _ = reader.join();
    end
}

fn read_chunks<R: Read>(
    mut input: BufReader<R>,
    mut send: impl FnMut(Result<Chunk, String>) -> bool,
) {
    // The chunk being filled: its text and its lines. The next one starts with the room the
    // last one took (a stalling pipe sends small chunks, a file full ones), up to what full
    // chunks of ordinary lines take: one huge line does not make every later chunk huge.
    let (mut text, mut lines) = (String::new(), Vec::new());
    let take = |text: &mut String, lines: &mut Vec<_>| {
        let room = text.len().min(CHUNK_LINES * 512);
        Chunk {
            text: Arc::new(std::mem::replace(text, String::with_capacity(room))),
            lines: std::mem::replace(lines, Vec::with_capacity(lines.len())),
        }
    };
    let mut number = 0;
    let mut bytes = Vec::new();
    loop {
        bytes.clear();
        match input.read_until(b'\n', &mut bytes) {
            Ok(0) => break,
            Ok(_) => {
                number += 1;
                if bytes.last() == Some(&b'\n') {
                    bytes.pop();
                    if bytes.last() == Some(&b'\r') {
                        bytes.pop();
                    }
                }
                let at = match std::str::from_utf8(&bytes) {
                    Ok(line) => {
                        text.push_str(line);
                        Ok(text.len() - line.len()..text.len())
                    }
                    Err(e) => Err(format!(
                        "line is not UTF-8 text (invalid byte at offset {})",
                        e.valid_up_to()
                    )),
                };
                lines.push((number, at));
                // Hand over when full, or when the next read would have to wait for more input.
                if (lines.len() >= CHUNK_LINES || input.buffer().is_empty())
                    && !send(Ok(take(&mut text, &mut lines)))
                {
                    return;
                }
            }
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(e) => {
                if !lines.is_empty() && !send(Ok(take(&mut text, &mut lines))) {
                    return;
                }
                send(Err(e.to_string()));
                return;
            }
        }
    }
    if !lines.is_empty() {
        send(Ok(take(&mut text, &mut lines)));
    }
}

fn write_chunks<W: Write, S: Default, F: Fn(&Line, &mut S, &mut Vec<u8>) + Sync>(
    rx: &Receiver<Result<Chunk, String>>,
    out: &mut W,
    eval: &F,
) -> StreamEnd {
    std::thread::scope(|s| {
        // One helper for the whole stream answers the second half of each large chunk.
        let (jobs, their_jobs) = sync_channel::<Chunk>(1);
        let (their_answers, answers) = sync_channel::<Vec<u8>>(1);
        s.spawn(move || {
            let mut state = S::default();
            for chunk in their_jobs {
                let mut out = Vec::with_capacity(chunk.lines.len() * 256);
                chunk.evaluate(|l, buf| eval(l, &mut state, buf), &mut out);
                if their_answers.send(out).is_err() {
                    return;
                }
            }
        });
        write_loop(rx, out, eval, &Helper { jobs, answers })
    })
}

/// The other core's thread: takes lines, gives back their answers.
struct Helper {
    jobs: SyncSender<Chunk>,
    answers: Receiver<Vec<u8>>,
}

fn write_loop<W: Write, S: Default, F: Fn(&Line, &mut S, &mut Vec<u8>) + Sync>(
    rx: &Receiver<Result<Chunk, String>>,
    out: &mut W,
    eval: &F,
    helper: &Helper,
) -> StreamEnd {
    let mut buf = Vec::with_capacity(1 << 20);
    let mut state = S::default();
    loop {
        let next = match rx.try_recv() {
            Ok(chunk) => Some(chunk),
            Err(TryRecvError::Disconnected) => None,
            Err(TryRecvError::Empty) => {
                // Nothing waiting: flush what we have before blocking for more input.
                if let Some(end) = flush(out, &mut buf) {
                    return end;
                }
                rx.recv().ok()
            }
        };
        match next {
            None => return flush(out, &mut buf).unwrap_or(StreamEnd::Done),
            Some(Err(e)) => {
                let _ = flush(out, &mut buf);
                return StreamEnd::ReadError(e);
            }
            Some(Ok(chunk)) => {
                evaluate(chunk, |l, buf| eval(l, &mut state, buf), helper, &mut buf);
                if buf.len() >= 1 << 20
                    && let Some(end) = flush(out, &mut buf)
                {
                    return end;
                }
            }
        }
    }
}

/// Evaluates a chunk, the second half on the helper's core when it is large enough, and
/// appends the results in order.
fn evaluate(
    mut chunk: Chunk,
    eval: impl FnMut(&Line, &mut Vec<u8>),
    helper: &Helper,
    buf: &mut Vec<u8>,
) {
    let mut helped = false;
    if chunk.lines.len() >= PARALLEL_FROM {
        let second = Chunk {
            text: Arc::clone(&chunk.text),
            lines: chunk.lines.split_off(chunk.lines.len() / 2),
        };
        // The helper answers these meanwhile; if it is gone, this thread does.
        match helper.jobs.send(second) {
            Ok(()) => helped = true,
            Err(SendError(back)) => chunk.lines.extend(back.lines),
        }
    }
    chunk.evaluate(eval, buf);
    if helped && let Ok(theirs) = helper.answers.recv() {
        buf.extend_from_slice(&theirs);
    }
}

/// Writes and clears the buffer; `Some(end)` if the output is gone.
fn flush<W: Write>(out: &mut W, buf: &mut Vec<u8>) -> Option<StreamEnd> {
    let result = out.write_all(buf).and_then(|()| out.flush());
    buf.clear();
    match result {
        Ok(()) => None,
        Err(e) if e.kind() == ErrorKind::BrokenPipe => Some(StreamEnd::ClosedPipe),
        Err(e) => Some(StreamEnd::ReadError(format!("cannot write output: {e}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn echo(line: &Line, _: &mut (), buf: &mut Vec<u8>) {
        match &line.1 {
            Ok(t) => buf.extend_from_slice(format!("{}:{}\n", line.0, t.len()).as_bytes()),
            Err(e) => buf.extend_from_slice(format!("{}:error {e}\n", line.0).as_bytes()),
        }
    }

    #[test]
    fn every_line_is_answered_once_in_input_order() {
        let input: String = (0..10_000)
            .map(|i| format!("{}\n", "x".repeat(i % 7)))
            .collect();
        let mut out = Vec::new();
        assert!(matches!(
            run(
                BufReader::new(std::io::Cursor::new(input.into_bytes())),
                &mut out,
                echo
            ),
            StreamEnd::Done
        ));
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 10_000);
        for (i, l) in lines.iter().enumerate() {
            assert_eq!(*l, format!("{}:{}", i + 1, i % 7));
        }
    }

    #[test]
    fn a_last_line_without_newline_and_crlf_endings_are_read() {
        let mut out = Vec::new();
        run(
            BufReader::new(std::io::Cursor::new(b"ab\r\ncde".to_vec())),
            &mut out,
            echo,
        );
        assert_eq!(String::from_utf8(out).unwrap(), "1:2\n2:3\n");
    }

    #[test]
    fn a_line_that_is_not_utf8_is_reported_and_the_stream_goes_on() {
        let mut out = Vec::new();
        run(
            BufReader::new(std::io::Cursor::new(b"ok\n\xff\xfe\nok\n".to_vec())),
            &mut out,
            echo,
        );
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("1:2\n2:error line is not UTF-8"), "{text}");
        assert!(text.ends_with("3:2\n"), "{text}");
    }

    struct Closed;
    impl Write for Closed {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(ErrorKind::BrokenPipe.into())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_closed_output_ends_the_stream_quietly() {
        let input: String = (0..100_000).map(|_| "x\n").collect();
        let end = run(
            BufReader::new(std::io::Cursor::new(input.into_bytes())),
            &mut Closed,
            echo,
        );
        assert!(matches!(end, StreamEnd::ClosedPipe), "{end:?}");
    }
}
