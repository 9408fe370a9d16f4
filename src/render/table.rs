//! Tables for people: comfy-table at this run's width (`render::layout`: 80 columns in a
//! pipe, so output is the same everywhere, else `COLUMNS` or the terminal's), readable with
//! Chinese text. ASCII borders: box-drawing
//! characters are "ambiguous width" and some Chinese terminal fonts draw them double.

use comfy_table::presets::ASCII_FULL_CONDENSED;
use comfy_table::{ColumnConstraint, ContentArrangement, Table, Width};

/// A table with a header row, fixed width, each column at least 4 cells wide.
pub fn new(header: &[&str]) -> Table {
    let mut table = Table::new();
    table
        .load_style(ASCII_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(u16::try_from(super::layout::get().width).unwrap_or(u16::MAX))
        .set_header(header.to_vec());
    for column in table.column_iter_mut() {
        column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(4)));
    }
    table
}

/// The table as text with a trailing newline.
pub fn finish(table: &Table) -> String {
    format!("{}\n", fitted(table))
}

/// Short columns (a yes/no answer, a date) keep their content on one line, leaving the
/// room to the long ones: at 60 columns comfy-table would otherwise give every column a
/// similar share and wrap "conditional" while a title next to it runs over ten lines.
fn fitted(table: &Table) -> Table {
    let mut table = table.clone();
    let width = super::layout::get().width;
    let short = (width / 5).max(10);
    let widths: Vec<usize> = (table.column_max_content_widths().into_iter())
        .map(usize::from)
        .collect();
    // Each column takes its content, a space either side and a border.
    let kept: usize = widths.iter().filter(|&&w| w <= short).map(|w| w + 3).sum();
    if kept > width / 2 {
        // Too many short columns to keep whole: comfy-table shares the width.
        return table;
    }
    for (column, w) in table.column_iter_mut().zip(widths) {
        if w <= short {
            column.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
    table
}

/// The table as text, then a line of advice below it (e.g. how to see one entry), wrapped
/// at the table's width.
pub fn finish_with(table: &Table, hint: &str) -> String {
    let mut out = format!("{}\n", fitted(table));
    super::words::push_lines(
        &mut out,
        super::wrap::wrap(hint, "", 2, super::layout::get().width),
    );
    out
}
