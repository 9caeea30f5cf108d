//! DejaVu Sans metrics: which glyph draws a character and how wide it is.
//!
//! There is no shaping or kerning: each character maps to one glyph through the font's cmap.
//! That is enough for the left-to-right European scripts an invoice carries, whose accented
//! letters (Ł, ř, ő, ά) are precomposed glyphs in DejaVu Sans, and it keeps the measured width
//! of a string exactly the width the PDF viewer draws.

use ttf_parser::{Face, GlyphId};

use crate::error::PdfError;

const REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");

/// Which of the two embedded fonts a text uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    /// DejaVu Sans.
    Regular,
    /// DejaVu Sans Bold.
    Bold,
}

/// One parsed font and the bytes it was parsed from (the subsetter needs both).
pub struct Font {
    face: Face<'static>,
    data: &'static [u8],
    postscript_name: &'static str,
    /// Converts font units to the thousandths of an em that PDF glyph widths use.
    em_scale: f32,
}

impl Font {
    fn parse(data: &'static [u8], postscript_name: &'static str) -> Result<Self, PdfError> {
        let face = Face::parse(data, 0).map_err(|_| PdfError::FontUnreadable {
            font: postscript_name,
        })?;
        // ttf-parser refuses a units-per-em outside 16..=16384, so this never divides by zero.
        let em_scale = 1000.0 / f32::from(face.units_per_em());
        Ok(Self {
            face,
            data,
            postscript_name,
            em_scale,
        })
    }

    /// The glyph for `c`, or `None` when the font has none (it then prints as `.notdef`).
    pub fn glyph(&self, c: char) -> Option<u16> {
        self.face.glyph_index(c).map(|glyph| glyph.0)
    }

    /// The advance width of `glyph` in thousandths of an em.
    pub fn advance(&self, glyph: u16) -> f32 {
        let units = self.face.glyph_hor_advance(GlyphId(glyph)).unwrap_or(0);
        f32::from(units) * self.em_scale
    }

    /// The width of `text` set at `size` points, in points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        let em: f32 = text
            .chars()
            .map(|c| self.advance(self.glyph(c).unwrap_or(0)))
            .sum();
        em * size / 1000.0
    }

    /// Converts a vertical metric in font units to thousandths of an em.
    pub fn scale(&self, units: i16) -> f32 {
        f32::from(units) * self.em_scale
    }

    /// The parsed font, for the descriptor's metrics.
    pub fn face(&self) -> &Face<'static> {
        &self.face
    }

    /// The whole font file, which the subsetter cuts down.
    pub fn data(&self) -> &'static [u8] {
        self.data
    }

    /// The PostScript name, used for the PDF `/BaseFont`.
    pub fn postscript_name(&self) -> &'static str {
        self.postscript_name
    }
}

/// The regular and bold faces every document uses.
pub struct Fonts {
    regular: Font,
    bold: Font,
}

impl Fonts {
    /// Parses both embedded fonts; parsing reads only the table directory, so it is cheap to do
    /// per document.
    pub fn load() -> Result<Self, PdfError> {
        Ok(Self {
            regular: Font::parse(REGULAR, "DejaVuSans")?,
            bold: Font::parse(BOLD, "DejaVuSans-Bold")?,
        })
    }

    /// The font of `weight`.
    pub fn get(&self, weight: Weight) -> &Font {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn european_letters_and_the_euro_sign_have_glyphs() {
        let fonts = Fonts::load().unwrap();
        for c in "ŁźřőΔοκιμήЖ€".chars() {
            assert!(fonts.get(Weight::Regular).glyph(c).is_some(), "{c}");
            assert!(fonts.get(Weight::Bold).glyph(c).is_some(), "{c}");
        }
    }

    #[test]
    fn a_missing_character_measures_as_notdef() {
        let fonts = Fonts::load().unwrap();
        let font = fonts.get(Weight::Regular);
        assert_eq!(font.glyph('\u{4E2D}'), None);
        assert!((font.width("\u{4E2D}", 10.0) - font.advance(0) / 100.0).abs() < 1e-4);
    }

    #[test]
    fn bold_text_is_wider_than_regular() {
        let fonts = Fonts::load().unwrap();
        let text = "Amount due";
        assert!(
            fonts.get(Weight::Bold).width(text, 10.0)
                > fonts.get(Weight::Regular).width(text, 10.0)
        );
    }
}
