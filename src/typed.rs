//! Text as people type it with a Chinese input method: in full-width mode the digits, Latin
//! letters and punctuation come out as their full-width forms (２０２６－０１－０５, １０,
//! ８０００元), and the space as the ideographic space. Dates, months and numbers are read
//! after folding these to ASCII, and so are places (`region::keys::normalize`; the build script
//! includes this file by path for it, so it uses nothing but std). File paths are never
//! folded.

use std::borrow::Cow;

/// `s` with full-width ASCII forms (U+FF01–U+FF5E) and the ideographic space (U+3000) folded
/// to ASCII; borrowed when there is nothing to fold.
pub fn halfwidth(s: &str) -> Cow<'_, str> {
    let wide = |c: char| matches!(c, '\u{FF01}'..='\u{FF5E}' | '\u{3000}');
    // Most text is ASCII (batch reads millions of dates): said at a glance.
    if s.is_ascii() || !s.chars().any(wide) {
        return Cow::Borrowed(s);
    }
    s.chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect::<String>()
        .into()
}

/// A character that shows nothing but can ride along with pasted text: zero-width spaces and
/// joiners, the soft hyphen, the byte-order mark, and the marks that reorder text right to
/// left (which can make a message print back to front). Places are read without them, and
/// messages show them escaped.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_digits_and_signs_fold_and_the_rest_is_left_alone() {
        assert_eq!(halfwidth("２０２６－０１－０５"), "2026-01-05");
        assert_eq!(halfwidth("２０２６年１月５日"), "2026年1月5日");
        assert_eq!(halfwidth("８，０００元"), "8,000元");
        assert_eq!(halfwidth("\u{3000}１０\u{3000}"), " 10 ");
        assert!(matches!(halfwidth("2026-01-05"), Cow::Borrowed(_)));
        assert_eq!(halfwidth("北京（朝阳）"), "北京(朝阳)");
    }
}
