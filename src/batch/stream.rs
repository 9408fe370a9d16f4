//! The streaming core of `yibao batch`: lines in, one output line per input line, in order.
//! A reader thread hands over lines in chunks (a chunk ends when the reader's buffer is drained,
//! so a pipe that stalls delivers what it has); each chunk is evaluated on both cores (the
//! blocks of a large chunk taken in turn by this thread and a helper that lives as long as
//! the stream, whichever is free) and written in order; output is flushed whenever no further
//! input is waiting. Memory is bounded by the chunk size and a short queue, however long the
//! input.

use std::io::{BufRead, BufReader, ErrorKind, IoSlice, Read, Write};
use std::ops::Range;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, SendError, SyncSender, TryRecvError, sync_channel};

/// Most lines in one chunk.
const CHUNK_LINES: usize = 4096;
/// Chunks read ahead of evaluation.
const QUEUE: usize = 4;
/// Chunks smaller than this are evaluated on one thread (sharing costs more than it saves).
const PARALLEL_FROM: usize = 64;
/// Lines a thread takes at a time from a shared chunk.
const BLOCK_LINES: usize = 64;

/// Longest line read (without its newline); the rest of a longer line is skipped.
pub const MAX_LINE_BYTES: usize = 1 << 20;

/// One input line: its 1-based number and text (without the newline), or why it could not
/// be read.
pub type Line<'a> = (usize, Result<&'a str, Fault>);

/// Why a line was not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// Not UTF-8: the offset of the first invalid byte.
    NotUtf8 { offset: usize },
    /// Longer than `MAX_LINE_BYTES`: its length (it was skipped).
    TooLong { bytes: u64 },
}

/// What `next_line` found.
pub enum Next {
    /// The end of the input.
    End,
    /// A line, now in the buffer without its newline.
    Line,
    /// A line longer than `MAX_LINE_BYTES`, skipped: its length.
    TooLong(u64),
    /// A NUL byte in an over-long line: binary data, not JSON Lines.
    Binary,
}

/// Reads the next line into `bytes` (cleared first), at most `MAX_LINE_BYTES` of it: memory
/// stays flat however long a line is.
pub fn next_line<R: BufRead>(input: &mut R, bytes: &mut Vec<u8>) -> std::io::Result<Next> {
    bytes.clear();
    // Room for the line, "\r\n", and one byte more to tell an over-long line.
    let n = input
        .by_ref()
        .take(MAX_LINE_BYTES as u64 + 3)
        .read_until(b'\n', bytes)?;
    if n == 0 {
        return Ok(Next::End);
    }
    let ended = bytes.last() == Some(&b'\n');
    if ended {
        bytes.pop();
        if bytes.last() == Some(&b'\r') {
            bytes.pop();
        }
    }
    if bytes.len() <= MAX_LINE_BYTES {
        return Ok(Next::Line);
    }
    let mut length = bytes.len() as u64;
    bytes.clear();
    bytes.shrink_to(MAX_LINE_BYTES);
    if !ended {
        loop {
            let buf = match input.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            match buf.iter().position(|&b| b == b'\n' || b == 0) {
                Some(at) if buf[at] == 0 => return Ok(Next::Binary),
                Some(at) => {
                    input.consume(at + 1);
                    length += at as u64;
                    break;
                }
                None if buf.is_empty() => break,
                None => {
                    let all = buf.len();
                    input.consume(all);
                    length += all as u64;
                }
            }
        }
    }
    Ok(Next::TooLong(length))
}

/// Lines read together: their texts back to back, and for each line its number and where its
/// text lies (or why it could not be read). One allocation for thousands of lines.
struct Chunk {
    text: String,
    lines: Vec<(usize, Result<Range<usize>, Fault>)>,
}

impl Chunk {
    /// Evaluates the lines `which` in order.
    fn evaluate(
        &self,
        which: Range<usize>,
        eval: &mut impl FnMut(&Line, &mut Vec<u8>),
        buf: &mut Vec<u8>,
    ) {
        for (number, text) in &self.lines[which] {
            let text = match text {
                Ok(at) => Ok(&self.text[at.clone()]),
                Err(fault) => Err(*fault),
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
    /// The input holds binary data (a NUL byte in an over-long line numbered so).
    NotText(usize),
    /// Writing the output failed (other than a closed pipe).
    WriteError(String),
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
    let (tx, rx) = sync_channel::<Result<Chunk, StreamEnd>>(QUEUE);
    let reader = std::thread::spawn(move || read_chunks(input, |chunk| tx.send(chunk).is_ok()));
    let end = write_chunks(&rx, out, &eval);
    drop(rx);
    let _ = reader.join();
    end
}

fn read_chunks<R: Read>(
    mut input: BufReader<R>,
    mut send: impl FnMut(Result<Chunk, StreamEnd>) -> bool,
) {
    // The chunk being filled: its text and its lines. The next one starts with the room the
    // last one took (a stalling pipe sends small chunks, a file full ones), up to what full
    // chunks of ordinary lines take: one huge line does not make every later chunk huge.
    let (mut text, mut lines) = (String::new(), Vec::new());
    let take = |text: &mut String, lines: &mut Vec<_>| {
        let room = text.len().min(CHUNK_LINES * 512);
        Chunk {
            text: std::mem::replace(text, String::with_capacity(room)),
            lines: std::mem::replace(lines, Vec::with_capacity(lines.len())),
        }
    };
    let mut number = 0;
    let mut bytes = Vec::new();
    loop {
        let at = match next_line(&mut input, &mut bytes) {
            Ok(Next::End) => break,
            Ok(Next::Line) => match std::str::from_utf8(&bytes) {
                Ok(line) => {
                    text.push_str(line);
                    Ok(text.len() - line.len()..text.len())
                }
                Err(e) => Err(Fault::NotUtf8 {
                    offset: e.valid_up_to(),
                }),
            },
            Ok(Next::TooLong(length)) => Err(Fault::TooLong { bytes: length }),
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Ok(Next::Binary) => {
                finish(
                    &mut send,
                    take(&mut text, &mut lines),
                    StreamEnd::NotText(number + 1),
                );
                return;
            }
            Err(e) => {
                finish(
                    &mut send,
                    take(&mut text, &mut lines),
                    StreamEnd::ReadError(e.to_string()),
                );
                return;
            }
        };
        number += 1;
        lines.push((number, at));
        // Hand over when full, or when the next read would have to wait for more input.
        if (lines.len() >= CHUNK_LINES || input.buffer().is_empty())
            && !send(Ok(take(&mut text, &mut lines)))
        {
            return;
        }
    }
    if !lines.is_empty() {
        send(Ok(take(&mut text, &mut lines)));
    }
}

/// Hands over the lines read so far, then why the stream ends.
fn finish(send: &mut impl FnMut(Result<Chunk, StreamEnd>) -> bool, chunk: Chunk, end: StreamEnd) {
    if !chunk.lines.is_empty() && !send(Ok(chunk)) {
        return;
    }
    send(Err(end));
}

fn write_chunks<W: Write, S: Default, F: Fn(&Line, &mut S, &mut Vec<u8>) + Sync>(
    rx: &Receiver<Result<Chunk, StreamEnd>>,
    out: &mut W,
    eval: &F,
) -> StreamEnd {
    std::thread::scope(|s| {
        // One helper for the whole stream shares the blocks of each large chunk. Its answer
        // buffers come back once written, so a long stream reuses the same few.
        let (jobs, their_jobs) = sync_channel::<Arc<Shared>>(1);
        let (their_answers, answers) = sync_channel::<Answers>(1);
        let (give_back, spare) = sync_channel::<Answers>(2);
        s.spawn(move || {
            let mut state = S::default();
            for shared in their_jobs {
                let mut mine = spare.try_recv().unwrap_or_default();
                mine.clear();
                shared.answer_blocks(&mut |l, buf| eval(l, &mut state, buf), &mut mine);
                drop(shared);
                if their_answers.send(mine).is_err() {
                    return;
                }
            }
        });
        let helper = Helper {
            jobs,
            answers,
            give_back,
        };
        write_loop(rx, out, eval, &helper)
    })
}

/// The other core's thread: takes chunks to share, gives back the answers of the blocks it
/// took, and takes back the buffers they came in.
struct Helper {
    jobs: SyncSender<Arc<Shared>>,
    answers: Receiver<Answers>,
    give_back: SyncSender<Answers>,
}

/// A large chunk answered by both threads: its lines are taken in blocks of `BLOCK_LINES`,
/// each by whichever thread comes free first, so neither waits long for the other however
/// the two are scheduled (the reader thread takes a core now and then).
struct Shared {
    chunk: Chunk,
    next: AtomicUsize,
}

/// The answers of the blocks one thread took: their bytes back to back, and for each block
/// (in the order taken, so by block number) its number and where its answers lie.
#[derive(Default)]
struct Answers {
    bytes: Vec<u8>,
    blocks: Vec<(usize, Range<usize>)>,
}

impl Answers {
    fn clear(&mut self) {
        self.bytes.clear();
        self.blocks.clear();
    }
}

impl Shared {
    fn blocks(&self) -> usize {
        self.chunk.lines.len().div_ceil(BLOCK_LINES)
    }

    /// Answers blocks not yet taken until none is left.
    fn answer_blocks(&self, eval: &mut impl FnMut(&Line, &mut Vec<u8>), into: &mut Answers) {
        loop {
            let block = self.next.fetch_add(1, Ordering::Relaxed);
            if block >= self.blocks() {
                return;
            }
            let first = block * BLOCK_LINES;
            let last = (first + BLOCK_LINES).min(self.chunk.lines.len());
            let start = into.bytes.len();
            self.chunk
                .evaluate(first..last, &mut *eval, &mut into.bytes);
            into.blocks.push((block, start..into.bytes.len()));
        }
    }
}

fn write_loop<W: Write, S: Default, F: Fn(&Line, &mut S, &mut Vec<u8>) + Sync>(
    rx: &Receiver<Result<Chunk, StreamEnd>>,
    out: &mut W,
    eval: &F,
    helper: &Helper,
) -> StreamEnd {
    let mut buf = Vec::with_capacity(1 << 20);
    let mut mine = Answers::default();
    let mut state = S::default();
    let mut eval = |l: &Line, buf: &mut Vec<u8>| eval(l, &mut state, buf);
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
        let chunk = match next {
            None => return flush(out, &mut buf).unwrap_or(StreamEnd::Done),
            Some(Err(end)) => return flush(out, &mut buf).unwrap_or(end),
            Some(Ok(chunk)) => chunk,
        };
        let end = match share(chunk, helper) {
            // Small, or the helper is gone: answered here, written with what follows.
            Err(chunk) => {
                chunk.evaluate(0..chunk.lines.len(), &mut eval, &mut buf);
                (buf.len() >= 1 << 20)
                    .then(|| flush(out, &mut buf))
                    .flatten()
            }
            Ok(shared) => {
                mine.clear();
                shared.answer_blocks(&mut eval, &mut mine);
                drop(shared);
                // The helper's answers interleave with ours: written from both buffers
                // in block order, not copied, and its buffer goes back to it.
                match helper.answers.recv() {
                    Ok(theirs) => {
                        let end =
                            flush(out, &mut buf).or_else(|| write_blocks(out, &mine, &theirs));
                        let _ = helper.give_back.try_send(theirs);
                        end
                    }
                    // The helper is gone (it never is but by a panic): its blocks are lost.
                    Err(_) => Some(StreamEnd::WriteError("a batch thread stopped".into())),
                }
            }
        };
        if let Some(end) = end {
            return end;
        }
    }
}

/// Hands a large chunk to the helper to share; a small one (spawning costs more than it saves)
/// or one the helper cannot take comes back.
fn share(chunk: Chunk, helper: &Helper) -> Result<Arc<Shared>, Chunk> {
    if chunk.lines.len() < PARALLEL_FROM {
        return Err(chunk);
    }
    let shared = Arc::new(Shared {
        chunk,
        next: AtomicUsize::new(0),
    });
    match helper.jobs.send(Arc::clone(&shared)) {
        Ok(()) => Ok(shared),
        // The one other handle came back and is dropped: the chunk is this thread's alone.
        Err(SendError(back)) => {
            drop(shared);
            Arc::into_inner(back).map_or_else(|| unreachable!(), |s| Err(s.chunk))
        }
    }
}

/// Writes the answers of a shared chunk, block by block in order, from the two buffers they
/// lie in (runs of blocks one thread took in a row are one slice); `Some(end)` if the output
/// is gone.
fn write_blocks<W: Write>(out: &mut W, mine: &Answers, theirs: &Answers) -> Option<StreamEnd> {
    // Runs of blocks in order: whose buffer, and where in it.
    let mut runs: Vec<(bool, Range<usize>)> = Vec::with_capacity(mine.blocks.len() + 1);
    let (mut a, mut b) = (
        mine.blocks.iter().peekable(),
        theirs.blocks.iter().peekable(),
    );
    loop {
        let ours = match (a.peek(), b.peek()) {
            (Some((x, _)), Some((y, _))) => x < y,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => break,
        };
        let Some((_, at)) = (if ours { a.next() } else { b.next() }) else {
            break;
        };
        match runs.last_mut() {
            // The block right after the last one in the same buffer: the same slice.
            Some((o, run)) if *o == ours && run.end == at.start => run.end = at.end,
            _ => runs.push((ours, at.clone())),
        }
    }
    let mut slices: Vec<IoSlice> = (runs.into_iter())
        .map(|(ours, at)| IoSlice::new(&(if ours { mine } else { theirs }).bytes[at]))
        .collect();
    let result = write_all_slices(out, &mut slices).and_then(|()| out.flush());
    outcome(result)
}

/// `write_all` for a list of slices.
fn write_all_slices<W: Write>(out: &mut W, mut slices: &mut [IoSlice<'_>]) -> std::io::Result<()> {
    while !slices.is_empty() {
        match out.write_vectored(slices) {
            Ok(0) => return Err(ErrorKind::WriteZero.into()),
            Ok(n) => IoSlice::advance_slices(&mut slices, n),
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Writes and clears the buffer; `Some(end)` if the output is gone.
fn flush<W: Write>(out: &mut W, buf: &mut Vec<u8>) -> Option<StreamEnd> {
    let result = out.write_all(buf).and_then(|()| out.flush());
    buf.clear();
    outcome(result)
}

/// `Some(end)` when a write failed: quietly for a closed pipe.
fn outcome(result: std::io::Result<()>) -> Option<StreamEnd> {
    match result {
        Ok(()) => None,
        Err(e) if e.kind() == ErrorKind::BrokenPipe => Some(StreamEnd::ClosedPipe),
        Err(e) => Some(StreamEnd::WriteError(e.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn echo(line: &Line, _: &mut (), buf: &mut Vec<u8>) {
        match &line.1 {
            Ok(t) => buf.extend_from_slice(format!("{}:{}\n", line.0, t.len()).as_bytes()),
            Err(e) => buf.extend_from_slice(format!("{}:error {e:?}\n", line.0).as_bytes()),
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
    fn blocks_answered_unevenly_by_the_two_threads_are_written_in_order() {
        // Every other block is slow: whichever thread takes it falls behind, and the other
        // takes the blocks after it, so the answers of one chunk lie in both buffers.
        let input: String = (0..20_000).map(|i| format!("{i}\n")).collect();
        let mut out = Vec::new();
        let slow = |line: &Line, _: &mut (), buf: &mut Vec<u8>| {
            if (line.0 / BLOCK_LINES).is_multiple_of(2) && line.0.is_multiple_of(16) {
                std::thread::sleep(std::time::Duration::from_micros(50));
            }
            echo(line, &mut (), buf);
        };
        let end = run(
            BufReader::new(std::io::Cursor::new(input.into_bytes())),
            &mut out,
            slow,
        );
        assert!(matches!(end, StreamEnd::Done), "{end:?}");
        let text = String::from_utf8(out).unwrap();
        let expected: String = (0..20_000)
            .map(|i: usize| format!("{}:{}\n", i + 1, i.to_string().len()))
            .collect();
        assert_eq!(text, expected);
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
        assert!(text.starts_with("1:2\n2:error NotUtf8"), "{text}");
        assert!(text.ends_with("3:2\n"), "{text}");
    }

    #[test]
    fn an_over_long_line_is_skipped_and_the_stream_goes_on() {
        let mut input = b"ab\n".to_vec();
        input.extend(std::iter::repeat_n(b'x', 3 * MAX_LINE_BYTES + 5));
        input.extend(b"\ncd\n");
        let mut out = Vec::new();
        let end = run(BufReader::new(std::io::Cursor::new(input)), &mut out, echo);
        assert!(matches!(end, StreamEnd::Done), "{end:?}");
        let expected = format!(
            "1:2\n2:error TooLong {{ bytes: {} }}\n3:2\n",
            3 * MAX_LINE_BYTES + 5
        );
        assert_eq!(String::from_utf8(out).unwrap(), expected);
    }

    #[test]
    fn a_line_just_at_the_limit_is_read() {
        let mut input = vec![b'x'; MAX_LINE_BYTES];
        input.extend(b"\r\n");
        input.extend(vec![b'y'; MAX_LINE_BYTES]);
        let mut out = Vec::new();
        run(BufReader::new(std::io::Cursor::new(input)), &mut out, echo);
        let expected = format!("1:{MAX_LINE_BYTES}\n2:{MAX_LINE_BYTES}\n");
        assert_eq!(String::from_utf8(out).unwrap(), expected);
    }

    #[test]
    fn endless_binary_data_ends_the_stream() {
        // /dev/zero: no newline ever; the first lines are still answered.
        let input = std::io::Cursor::new(b"ok\n".to_vec()).chain(std::io::repeat(0));
        let mut out = Vec::new();
        let end = run(BufReader::new(input), &mut out, echo);
        assert!(matches!(end, StreamEnd::NotText(2)), "{end:?}");
        assert_eq!(String::from_utf8(out).unwrap(), "1:2\n");
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
