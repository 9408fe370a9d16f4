//! Reading a file someone named (a rules file, a saved plan), bounded: only a regular file
//! (checked after following links), opened without waiting (a FIFO or `/proc/kmsg` never
//! blocks), and never more than the limit + 1 bytes (the size a file reports is not trusted:
//! `/proc` files and devices report 0).

use std::fs::{File, OpenOptions};
use std::io::{ErrorKind, Read};
use std::path::Path;

use crate::text::Text;

/// Why a file was not read.
#[derive(Debug)]
pub enum Refused {
    /// It could not be opened or read (missing, no permission, …).
    Io(std::io::Error),
    /// It is not a regular file (after following links): what it is instead.
    NotRegular(&'static str),
    /// It holds more than the limit.
    TooLarge(u64),
}

impl Refused {
    /// Why, in both languages, said of "the file".
    pub fn reason(&self) -> Text {
        match self {
            Refused::Io(e) if e.kind() == ErrorKind::WouldBlock => Text::new(
                "读取时需要等待(不是普通文件);请给出普通文件",
                "reading it would wait for more input (not an ordinary file); give an ordinary file",
            ),
            Refused::Io(e) => Text::new(format!("无法读取({e})"), format!("cannot be read ({e})")),
            Refused::NotRegular(what) => Text::new(
                format!("不是普通文件(是{}),未读取;请给出普通文件", zh(what)),
                format!(
                    "is not an ordinary file (it is {what}), so it was not read; give an ordinary file"
                ),
            ),
            Refused::TooLarge(limit) => Text::new(
                format!("文件超过 {limit} 字节的上限,未读取"),
                format!("file is larger than the limit of {limit} bytes, so it was not read"),
            ),
        }
    }
}

fn zh(what: &str) -> &'static str {
    match what {
        "a directory" => "目录",
        "a FIFO (named pipe)" => "命名管道",
        "a socket" => "套接字",
        "a device" => "设备",
        _ => "特殊文件",
    }
}

/// What a non-regular file is, for messages.
fn kind(meta: &std::fs::Metadata) -> &'static str {
    let t = meta.file_type();
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
    }
    if t.is_dir() {
        "a directory"
    } else {
        "a special file"
    }
}

/// Opens without blocking where the platform allows (a FIFO's open waits for a writer).
fn open(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(any(target_os = "linux", target_os = "android"))]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // O_NONBLOCK (the same value on the architectures Rust's Linux targets mostly use).
        #[cfg(any(
            target_arch = "x86_64",
            target_arch = "x86",
            target_arch = "aarch64",
            target_arch = "arm",
            target_arch = "riscv64",
            target_arch = "s390x",
            target_arch = "loongarch64"
        ))]
        options.custom_flags(0o4000);
    }
    options.open(path)
}

/// The bytes of the regular file at `path` (links followed), at most `limit` of them.
pub fn read(path: &Path, limit: u64) -> Result<Vec<u8>, Refused> {
    let meta = std::fs::metadata(path).map_err(Refused::Io)?;
    if !meta.is_file() {
        return Err(Refused::NotRegular(kind(&meta)));
    }
    let file = open(path).map_err(Refused::Io)?;
    // What was opened may not be what was looked at a moment ago.
    let meta = file.metadata().map_err(Refused::Io)?;
    if !meta.is_file() {
        return Err(Refused::NotRegular(kind(&meta)));
    }
    let mut bytes = Vec::new();
    let mut input = file.take(limit.saturating_add(1));
    loop {
        match input.read_to_end(&mut bytes) {
            Ok(_) => break,
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(e) => return Err(Refused::Io(e)),
        }
    }
    if bytes.len() as u64 > limit {
        return Err(Refused::TooLarge(limit));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_within_the_limit_is_read_and_one_past_it_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        std::fs::write(&path, b"12345").unwrap();
        assert_eq!(read(&path, 5).unwrap(), b"12345");
        assert!(matches!(read(&path, 4), Err(Refused::TooLarge(4))));
    }

    #[test]
    fn a_directory_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            read(dir.path(), 10),
            Err(Refused::NotRegular("a directory"))
        ));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_proc_file_reporting_size_zero_is_still_bounded() {
        let path = Path::new("/proc/self/pagemap");
        // Refused as too large, or by the kernel (reads of pagemap must be whole entries).
        assert!(read(path, 1000).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_not_read() {
        assert!(matches!(
            read(Path::new("/dev/zero"), 10),
            Err(Refused::NotRegular("a device"))
        ));
    }
}
