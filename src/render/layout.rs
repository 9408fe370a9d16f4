//! The shape of the screen text is written for: its width, whether stdout is a terminal (a
//! plan then ends by repeating its conclusion and next deadline), whether the sources are
//! shown in full (`--sources`) and the date asked about (which deadline is next). Chosen once
//! by the request, like colour (`console::set_colors_enabled`), and read by the printers; the
//! default is a pipe at 80 columns.

use std::sync::OnceLock;

use chrono::NaiveDate;

/// Width used off a terminal when `COLUMNS` is not set: output in a pipe is the same everywhere.
pub const DEFAULT_WIDTH: usize = 80;
/// The narrowest layout: below it tables cannot keep their borders.
pub const MIN_WIDTH: usize = 40;
/// The widest layout: longer lines are hard to read.
pub const MAX_WIDTH: usize = 120;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// Display columns a line may take.
    pub width: usize,
    /// Stdout is a terminal.
    pub terminal: bool,
    /// `--sources`: every document with its issuer and the articles relied on.
    pub full_sources: bool,
    /// The date the answer is for (`--on`, else today).
    pub on: Option<NaiveDate>,
}

impl Default for Layout {
    fn default() -> Layout {
        Layout {
            width: DEFAULT_WIDTH,
            terminal: false,
            full_sources: false,
            on: None,
        }
    }
}

static LAYOUT: OnceLock<Layout> = OnceLock::new();

/// Sets the layout for this run (the first call wins).
pub fn set(layout: Layout) {
    let _ = LAYOUT.set(layout);
}

/// The layout for this run.
pub fn get() -> Layout {
    LAYOUT.get().copied().unwrap_or_default()
}

/// The width to lay out for: `COLUMNS` when it holds a number, else the terminal's width when
/// stdout is one, else 80; kept between 40 and 120.
pub fn width(columns: Option<&str>, terminal: Option<usize>) -> usize {
    columns
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c > 0)
        .or(terminal.filter(|&c| c > 0))
        .unwrap_or(DEFAULT_WIDTH)
        .clamp(MIN_WIDTH, MAX_WIDTH)
}

#[cfg(test)]
mod tests {
    use super::width;

    #[test]
    fn columns_wins_then_the_terminal_then_80() {
        assert_eq!(width(Some("60"), Some(100)), 60);
        assert_eq!(width(None, Some(100)), 100);
        assert_eq!(width(Some("wide"), None), 80);
        assert_eq!(width(Some("0"), None), 80);
        assert_eq!(width(Some("10"), None), 40);
        assert_eq!(width(Some("500"), None), 120);
    }
}
