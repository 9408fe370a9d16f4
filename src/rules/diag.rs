//! Diagnostics for rules files: `path:line:col: message`, with columns counted in characters
//! (the toml crate's own caret is byte-wide under Chinese text, so we locate spans ourselves).

use std::fmt;
use std::ops::Range;

/// One problem in one rules file, at a place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub path: String,
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl Diagnostic {
    /// A problem at byte `span` of `src`.
    pub fn at(path: &str, src: &str, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        let (line, col) = locate(src, span.start);
        Diagnostic {
            path: path.to_string(),
            line,
            col,
            message: message.into(),
        }
    }

    /// A problem with the file as a whole (reported at 1:1).
    pub fn file(path: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            path: path.to_string(),
            line: 1,
            col: 1,
            message: message.into(),
        }
    }

    /// A TOML syntax or shape error, located from its span.
    pub fn from_toml(path: &str, src: &str, err: &toml::de::Error) -> Diagnostic {
        let message = err.message().trim().to_string();
        match err.span() {
            Some(span) => Diagnostic::at(path, src, span, message),
            None => Diagnostic::file(path, message),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.path, self.line, self.col, self.message
        )
    }
}

/// 1-based line and character column of byte offset `byte` in `src`.
pub fn locate(src: &str, byte: usize) -> (usize, usize) {
    let mut byte = byte.min(src.len());
    while !src.is_char_boundary(byte) {
        byte -= 1;
    }
    let before = &src[..byte];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_counted_in_characters_not_bytes() {
        let src = "a = 1\nlabel = \"转出地\" x\n";
        let byte = src.find('x').unwrap();
        assert_eq!(locate(src, byte), (2, 15));
    }
}
