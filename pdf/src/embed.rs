//! Embeds a font as a Type0 font over a CIDFontType2 descendant, Identity-H encoded, with only
//! the glyphs the document uses.
//!
//! [`Subset`] collects glyphs while the pages are encoded: each glyph gets the next free id in
//! the subset, and that id is the character code written in the content stream (Identity-H
//! makes codes CIDs and CIDToGIDMap Identity makes CIDs glyph ids). The widths array and the
//! ToUnicode map are then written for exactly those ids, so copying and searching text works.

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Filter, Finish, Name, Pdf, Rect, Ref, Str};
use subsetter::GlyphRemapper;

use crate::error::PdfError;
use crate::font::Font;
use crate::writer::deflate;

const SYSTEM_INFO: SystemInfo = SystemInfo {
    registry: Str(b"Adobe"),
    ordering: Str(b"Identity"),
    supplement: 0,
};

/// What copied text shows for a character the font has no glyph for (drawn as `.notdef`).
const REPLACEMENT: char = '\u{FFFD}';

/// The object ids of one embedded font.
pub struct FontRefs {
    /// The Type0 font the pages' resources name.
    pub type0: Ref,
    cid: Ref,
    descriptor: Ref,
    to_unicode: Ref,
    file: Ref,
}

impl FontRefs {
    /// Takes five ids from `next`.
    pub fn allocate(next: &mut Ref) -> Self {
        Self {
            type0: next.bump(),
            cid: next.bump(),
            descriptor: next.bump(),
            to_unicode: next.bump(),
            file: next.bump(),
        }
    }
}

/// The glyphs of one font used so far, and the character each one was used for.
pub struct Subset<'f> {
    font: &'f Font,
    remapper: GlyphRemapper,
    /// Indexed by subset glyph id: the character the ToUnicode map gives for it.
    chars: Vec<Option<char>>,
}

impl<'f> Subset<'f> {
    pub fn new(font: &'f Font) -> Self {
        Self {
            font,
            remapper: GlyphRemapper::new(),
            chars: Vec::new(),
        }
    }

    /// The two-byte codes that show `text`, adding its glyphs to the subset.
    pub fn encode(&mut self, text: &str) -> Vec<u8> {
        let mut codes = Vec::with_capacity(text.len() * 2);
        for c in text.chars() {
            let (glyph, meaning) = match self.font.glyph(c) {
                Some(glyph) => (glyph, c),
                None => (0, REPLACEMENT),
            };
            let id = self.remapper.remap(glyph);
            let slot = usize::from(id);
            if self.chars.len() <= slot {
                self.chars.resize(slot + 1, None);
            }
            // The first character seen for a glyph names it; DejaVu Sans rarely shares glyphs.
            if let Some(entry @ None) = self.chars.get_mut(slot) {
                *entry = Some(meaning);
            }
            codes.extend_from_slice(&id.to_be_bytes());
        }
        codes
    }

    /// Writes the font's five objects under `refs`.
    pub fn write(&self, pdf: &mut Pdf, refs: &FontRefs) -> Result<(), PdfError> {
        let font = self.font;
        let data = subsetter::subset(font.data(), 0, &self.remapper).map_err(|source| {
            PdfError::Subset {
                font: font.postscript_name(),
                source,
            }
        })?;
        // A subset font's name carries a six-letter tag (PDF 1.7, 9.6.4) so that viewers do not
        // mistake it for the full font or for another subset.
        let base_font = format!("{}+{}", self.tag(), font.postscript_name());
        let base_font = Name(base_font.as_bytes());

        pdf.type0_font(refs.type0)
            .base_font(base_font)
            .encoding_predefined(Name(b"Identity-H"))
            .descendant_font(refs.cid)
            .to_unicode(refs.to_unicode);

        let mut cid = pdf.cid_font(refs.cid);
        cid.subtype(CidFontType::Type2)
            .base_font(base_font)
            .system_info(SYSTEM_INFO)
            .font_descriptor(refs.descriptor)
            .cid_to_gid_map_predefined(Name(b"Identity"));
        let widths: Vec<f32> = self
            .remapper
            .remapped_gids()
            .map(|glyph| font.advance(glyph))
            .collect();
        cid.widths().consecutive(0, widths);
        cid.finish();

        self.write_descriptor(pdf, refs, base_font);

        let mut cmap = UnicodeCmap::new(Name(b"Custom"), SYSTEM_INFO);
        for (id, meaning) in (0u16..).zip(&self.chars) {
            if let Some(meaning) = meaning {
                cmap.pair(id, *meaning);
            }
        }
        pdf.cmap(refs.to_unicode, &deflate(&cmap.finish()))
            .filter(Filter::FlateDecode);

        let compressed = deflate(&data);
        let mut file = pdf.stream(refs.file, &compressed);
        file.filter(Filter::FlateDecode);
        // Length1, the uncompressed length, is required for an embedded TrueType program.
        file.pair(
            Name(b"Length1"),
            i32::try_from(data.len()).unwrap_or(i32::MAX),
        );
        file.finish();
        Ok(())
    }

    fn write_descriptor(&self, pdf: &mut Pdf, refs: &FontRefs, base_font: Name<'_>) {
        let font = self.font;
        let face = font.face();
        let bbox = face.global_bounding_box();
        let ascent = font.scale(face.ascender());
        let cap_height = face
            .capital_height()
            .map_or(ascent, |height| font.scale(height));
        // PDF wants a dominant stem width, which TrueType does not record; this estimate from
        // the weight class is the one typst uses.
        let stem_v = 10.0 + 0.244 * (f32::from(face.weight().to_number()) - 50.0);
        pdf.font_descriptor(refs.descriptor)
            .name(base_font)
            // Symbolic: the glyphs go beyond the Adobe standard Latin set.
            .flags(FontFlags::SYMBOLIC)
            .bbox(Rect::new(
                font.scale(bbox.x_min),
                font.scale(bbox.y_min),
                font.scale(bbox.x_max),
                font.scale(bbox.y_max),
            ))
            .italic_angle(face.italic_angle())
            .ascent(ascent)
            .descent(font.scale(face.descender()))
            .cap_height(cap_height)
            .stem_v(stem_v)
            .font_file2(refs.file);
    }

    /// Six capital letters derived from the font and its glyph set, so the same document always
    /// gets the same tag (FNV-1a; any stable hash would do).
    fn tag(&self) -> String {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        let name = self.font.postscript_name().bytes();
        let glyphs = self.remapper.remapped_gids().flat_map(u16::to_be_bytes);
        for byte in name.chain(glyphs) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        (0..6)
            .map(|_| {
                let letter = char::from(b'A' + u8::try_from(hash % 26).unwrap_or(0));
                hash /= 26;
                letter
            })
            .collect()
    }
}
