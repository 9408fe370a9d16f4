//! Hostile inputs (issue 16): files that are not files, endless streams, huge or strange
//! values. Each runs under a hang guard (a generous timeout that only catches a hang) and
//! must end with a short message and exit 2 or 4. Where the machine cannot make the input
//! (no mkfifo, no /proc) the test says SKIPPED and passes.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::bin;

/// How long a run may take before it counts as a hang (not a speed limit).
const HANG: Duration = Duration::from_secs(60);

pub struct Ended {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs yibao with `args` (stdin from `stdin`, default empty), killing it if it hangs.
pub fn guarded(args: &[&str], env: &[(&str, &str)], stdin: Option<&Path>) -> Ended {
    let dir = tempfile::tempdir().unwrap();
    let (out, err) = (dir.path().join("out"), dir.path().join("err"));
    let mut cmd = Command::new(bin());
    cmd.args(args)
        .env_remove("YIBAO_LANG")
        .env_remove("YIBAO_RULES_DIR")
        .stdout(std::fs::File::create(&out).unwrap())
        .stderr(std::fs::File::create(&err).unwrap());
    match stdin {
        Some(p) => cmd.stdin(std::fs::File::open(p).unwrap()),
        None => cmd.stdin(Stdio::null()),
    };
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().unwrap();
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > HANG {
            let _ = child.kill();
            let _ = child.wait();
            panic!("yibao {args:?} hung (killed after {HANG:?})");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Ended {
        code: status.code().unwrap_or(-1),
        stdout: std::fs::read_to_string(out).unwrap(),
        stderr: std::fs::read_to_string(err).unwrap(),
    }
}

impl Ended {
    pub fn expect(self, code: i32, stderr_has: &str) -> Ended {
        assert_eq!(self.code, code, "stderr: {}", self.stderr);
        assert!(
            self.stderr.contains(stderr_has),
            "stderr lacks {stderr_has:?}: {}",
            self.stderr
        );
        assert!(self.stderr.len() < 2000, "long message: {}", self.stderr);
        self
    }
}

/// Makes a FIFO at `path`, or says why the test is skipped.
pub fn mkfifo(path: &Path) -> bool {
    let made = Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success());
    if !made {
        eprintln!("SKIPPED: cannot make a FIFO at {} here", path.display());
    }
    made
}

#[cfg(unix)]
fn link(target: &str, at: &Path) {
    std::os::unix::fs::symlink(target, at).unwrap();
}

/// `rules check DIR`, `--rules-dir DIR` and `YIBAO_RULES_DIR=DIR` all end with exit 4 naming
/// `names`.
fn rules_dir_refused(dir: &Path, names: &str) {
    let d = dir.to_str().unwrap();
    guarded(&["--lang", "en", "rules", "check", d], &[], None).expect(4, names);
    guarded(&["--rules-dir", d, "rules", "show", "110000"], &[], None).expect(4, names);
    guarded(
        &["rules", "show", "110000"],
        &[("YIBAO_RULES_DIR", d)],
        None,
    )
    .expect(4, names);
}

#[test]
fn a_fifo_named_like_a_rules_file_is_refused_without_waiting() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("national.toml");
    if mkfifo(&fifo) {
        rules_dir_refused(dir.path(), "national.toml");
    }
}

#[cfg(unix)]
#[test]
fn a_rules_file_linked_to_a_device_or_proc_is_refused() {
    for target in ["/dev/zero", "/proc/self/pagemap"] {
        if !Path::new(target).exists() {
            eprintln!("SKIPPED: no {target} here");
            continue;
        }
        let dir = tempfile::tempdir().unwrap();
        link(target, &dir.path().join("national.toml"));
        rules_dir_refused(dir.path(), "national.toml");
    }
}

#[cfg(unix)]
#[test]
fn links_to_directories_are_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    link(".", &dir.path().join("a"));
    link(".", &dir.path().join("b"));
    rules_dir_refused(dir.path(), "is a link to a directory");
}

#[cfg(unix)]
#[test]
fn a_deep_or_huge_rules_directory_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let deep = dir.path().join("a/b/c/d/e/f");
    std::fs::create_dir_all(&deep).unwrap();
    rules_dir_refused(dir.path(), "nested too deep");
    let wide = tempfile::tempdir().unwrap();
    for i in 0..2001 {
        std::fs::write(wide.path().join(format!("{i}.txt")), "").unwrap();
    }
    rules_dir_refused(wide.path(), "more than 2000");
    // Hidden entries (a .git directory) are neither read nor counted.
    let repo = tempfile::tempdir().unwrap();
    std::fs::rename(wide.path(), repo.path().join(".git")).unwrap();
    std::os::unix::fs::symlink(".", repo.path().join(".loop")).unwrap();
    let d = repo.path().to_str().unwrap();
    guarded(&["rules", "check", d], &[], None).expect(0, "");
    // 40 files of 1 MiB each: each within the file limit, too much together.
    let big = tempfile::tempdir().unwrap();
    let mut text = "# padding\n".repeat((1 << 20) / 10);
    text.truncate(1 << 20);
    for i in 0..40 {
        std::fs::write(big.path().join(format!("{i}.toml")), &text).unwrap();
    }
    rules_dir_refused(big.path(), "add up to more than");
}

#[cfg(unix)]
#[test]
fn the_root_directory_as_rules_is_refused() {
    guarded(&["--rules-dir", "/", "rules", "show", "110000"], &[], None).expect(4, "/");
}

#[test]
fn a_rules_file_with_an_upper_case_extension_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("national.TOML"), "x = 1\n").unwrap();
    rules_dir_refused(dir.path(), "national.TOML");
}

#[test]
fn status_of_a_fifo_device_or_proc_file_ends_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("plan.json");
    let mut paths = vec!["/dev/zero", "/proc/self/pagemap", "/proc/kmsg"];
    let fifo_made = mkfifo(&fifo);
    if fifo_made {
        paths.push(fifo.to_str().unwrap());
    }
    for p in paths {
        if !Path::new(p).exists() {
            eprintln!("SKIPPED: no {p} here");
            continue;
        }
        guarded(&["status", p], &[], None).expect(2, p);
    }
}

#[cfg(unix)]
#[test]
fn batch_of_dev_zero_or_urandom_ends_with_exit_2() {
    for device in ["/dev/zero", "/dev/urandom"] {
        let shown = guarded(&["--lang", "en", "batch", device], &[], None);
        shown.expect(2, "is a device");
        let stdin = guarded(&["--lang", "en", "batch"], &[], Some(Path::new(device)));
        stdin.expect(2, "is a device");
    }
    // /dev/null is an empty input.
    guarded(&["batch", "/dev/null"], &[], None).expect(0, "");
    // Binary data from a file or a pipe: the stream ends at the first over-long line.
    let dir = tempfile::tempdir().unwrap();
    let zeros = dir.path().join("zeros");
    std::fs::write(&zeros, vec![0u8; 3 << 20]).unwrap();
    guarded(
        &["--lang", "en", "batch", zeros.to_str().unwrap()],
        &[],
        None,
    )
    .expect(2, "NUL");
}

#[test]
fn an_over_long_batch_line_is_skipped_with_an_error_record() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    let mut text = "x".repeat(3 << 20);
    text.push_str("\n[]\n[\"transfer\",1]\n");
    std::fs::write(&input, text).unwrap();
    let run = guarded(
        &["--lang", "en", "batch", input.to_str().unwrap()],
        &[],
        None,
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    let lines: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let codes: Vec<&str> = lines
        .iter()
        .map(|l| l["error"]["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["line_too_long", "bad_record", "bad_record"]);
    let message = lines[0]["error"]["message"].as_str().unwrap();
    assert!(
        message.starts_with("line is 3145728 bytes long"),
        "{message}"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn batch_into_a_full_disk_blames_stdout_not_the_input() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        eprintln!("SKIPPED: no /dev/full here");
        return;
    };
    let out = Command::new(bin())
        .args(["--lang", "en", "batch"])
        .stdin(Stdio::piped())
        .stdout(full)
        .stderr(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            let mut stdin = child.stdin.take().unwrap();
            stdin.write_all(b"{\"check\":\"transfer\"}\n")?;
            drop(stdin);
            child.wait_with_output()
        })
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("stdout: cannot write"), "{stderr}");
}

/// An overlay holding one file, `rel`, with `text`.
fn overlay(rel: &str, text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
    dir
}

#[test]
fn numbers_past_their_units_range_fail_the_rules_check() {
    let national = include_str!("../../rules/national.toml");
    for (from, to, at) in [
        (
            "value = 10,",
            "value = 9223372036854775807,",
            "national.toml:13:33",
        ),
        ("value = 5,", "value = 4000000000,", "national.toml:20:33"),
        ("value = 0.02,", "value = 2.5,", "national.toml:109:33"),
    ] {
        assert!(national.contains(from));
        let dir = overlay("national.toml", &national.replacen(from, to, 1));
        let d = dir.path().to_str().unwrap();
        guarded(&["--lang", "en", "rules", "check", d], &[], None)
            .expect(4, at)
            .expect(4, "is out of range");
    }
}

#[test]
fn a_rules_file_for_taiwan_fails_the_rules_check() {
    let beijing = include_str!("../../rules/regions/110000.toml");
    let dir = overlay("regions/710000.toml", beijing);
    let d = dir.path().to_str().unwrap();
    guarded(&["--lang", "en", "rules", "check", d], &[], None).expect(4, "710000.toml");
    // A six-byte name that is not six digits (the check once sliced it mid-character).
    let dir = overlay("regions/中abc.toml", beijing);
    let d = dir.path().to_str().unwrap();
    guarded(&["--lang", "en", "rules", "check", d], &[], None)
        .expect(4, "not a known division code");
}

#[cfg(target_os = "linux")]
#[test]
fn batch_with_stdout_closed_is_an_error_but_dev_null_is_fine() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    std::fs::write(&input, "{\"check\":\"transfer\"}\n").unwrap();
    let run = |redirect: &str| {
        Command::new("sh")
            .arg("-c")
            .arg(format!(
                "'{}' --lang en batch '{}' {redirect}",
                bin(),
                input.display()
            ))
            .output()
            .unwrap()
    };
    let closed = run(">&-");
    let stderr = String::from_utf8_lossy(&closed.stderr);
    assert_eq!(closed.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("stdout"), "{stderr}");
    // A bad line still makes it 2: the message is what tells the two apart.
    let null = run(">/dev/null");
    assert!(String::from_utf8_lossy(&null.stderr).is_empty());
}

#[test]
fn a_rules_file_full_of_errors_reports_the_first_hundred() {
    let mut text = String::from(
        "[transfer.out_working_days]\nunit = \"working_day\"\nlabel = { zh = \"a\", en = \"b\" }\nvalues = [\n",
    );
    for _ in 0..15_000 {
        text.push_str("{ since = 2021-11-01, value = -1, cite = { source = \"zz\" } },\n");
    }
    text.push_str("]\n");
    let dir = overlay("national.toml", &text);
    let d = dir.path().to_str().unwrap();
    let run = guarded(&["--lang", "en", "rules", "check", d], &[], None);
    assert_eq!(run.code, 4);
    let start: String = run.stderr.chars().take(500).collect();
    assert!(run.stderr.contains("more than 100 problems"), "{start}");
    assert!(run.stderr.lines().count() < 150);
}
