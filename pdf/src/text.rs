//! Preparing input text for a line: cleaning it and wrapping it to a column width.

use crate::font::Font;

/// Whether `c` separates words. No-break spaces do not, so "19 %" written with U+00A0 stays on
/// one line.
fn is_break(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{00A0}' | '\u{2007}' | '\u{202F}')
}

/// Collapses runs of breaking whitespace (tabs and newlines included) into single spaces, trims
/// both ends, and drops other control characters: a stray control byte would otherwise print as
/// a box, and a newline cannot be shown by a PDF text operator anyway.
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space_pending = false;
    for c in text.chars() {
        if is_break(c) {
            space_pending = !out.is_empty();
        } else if !c.is_control() {
            if space_pending {
                out.push(' ');
                space_pending = false;
            }
            out.push(c);
        }
    }
    out
}

/// Cleans `text` and breaks it into lines no wider than `max_width` points at `size`, greedily
/// at spaces; a word wider than the column is broken between characters so that nothing runs
/// into the next column. Empty text gives no lines.
pub fn wrap(font: &Font, size: f32, text: &str, max_width: f32) -> Vec<String> {
    let text = clean(text);
    let space = font.width(" ", size);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_width = 0.0;
    for word in text.split(' ').filter(|word| !word.is_empty()) {
        let word_width = font.width(word, size);
        if line.is_empty() && word_width <= max_width {
            line.push_str(word);
            line_width = word_width;
        } else if !line.is_empty() && line_width + space + word_width <= max_width {
            line.push(' ');
            line.push_str(word);
            line_width += space + word_width;
        } else {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            let (rest, rest_width) = break_word(font, size, word, max_width, &mut lines);
            line = rest;
            line_width = rest_width;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Pushes full-width pieces of `word` onto `lines` and returns the last, partial piece with its
/// width. Every piece holds at least one character, so this ends even when a single character
/// is wider than the column.
fn break_word(
    font: &Font,
    size: f32,
    word: &str,
    max_width: f32,
    lines: &mut Vec<String>,
) -> (String, f32) {
    let mut piece = String::new();
    let mut piece_width = 0.0;
    for c in word.chars() {
        let mut buf = [0; 4];
        let c_width = font.width(c.encode_utf8(&mut buf), size);
        if !piece.is_empty() && piece_width + c_width > max_width {
            lines.push(std::mem::take(&mut piece));
            piece_width = 0.0;
        }
        piece.push(c);
        piece_width += c_width;
    }
    (piece, piece_width)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::font::{Fonts, Weight};

    #[test]
    fn cleaning_collapses_whitespace_and_drops_control_characters() {
        assert_eq!(clean("  Łódź\t\n Windykacja\u{7}  "), "Łódź Windykacja");
        assert_eq!(clean("19\u{00A0}%"), "19\u{00A0}%");
    }

    #[test]
    fn wrapped_lines_fit_the_column_and_keep_every_word() {
        let fonts = Fonts::load().unwrap();
        let font = fonts.get(Weight::Regular);
        let text = "Introduction fee for case 2026-000123 against Ødegård Ελληνικά Сервис, collected in full";
        let lines = wrap(font, 10.0, text, 120.0);
        assert!(lines.len() > 1);
        for line in &lines {
            assert!(font.width(line, 10.0) <= 120.0, "{line}");
        }
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn a_word_wider_than_the_column_is_broken_between_characters() {
        let fonts = Fonts::load().unwrap();
        let font = fonts.get(Weight::Regular);
        let word = "X".repeat(100);
        let lines = wrap(font, 10.0, &word, 50.0);
        assert!(lines.len() > 5);
        assert_eq!(lines.concat(), word);
        for line in &lines {
            assert!(font.width(line, 10.0) <= 50.0);
        }
    }

    #[test]
    fn a_column_narrower_than_one_character_still_ends() {
        let fonts = Fonts::load().unwrap();
        let lines = wrap(fonts.get(Weight::Regular), 10.0, "abc", 0.5);
        assert_eq!(lines, ["a", "b", "c"]);
    }

    #[test]
    fn empty_text_gives_no_lines() {
        let fonts = Fonts::load().unwrap();
        assert!(wrap(fonts.get(Weight::Regular), 10.0, " \n\t", 100.0).is_empty());
    }
}
