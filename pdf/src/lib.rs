//! Renders a fee invoice or credit note as an A4 PDF: build an [`InvoiceDocument`] and call
//! [`render`].
//!
//! The caller (the use-case layer) formats every value, so amounts, dates and labels arrive as
//! strings and this crate decides only where text goes, never what it says. Text is set in
//! DejaVu Sans, embedded as a subset Type0/CIDFontType2 font with Identity-H encoding and a
//! ToUnicode map, so Polish, Czech, Hungarian, Greek or Cyrillic names print and can be copied
//! and searched.
//!
//! Inside, `layout` decides what goes where on which page (measuring with `font` and wrapping
//! with `text`), and `writer` turns that into the PDF file, with `embed` writing the fonts.

#![warn(missing_docs, clippy::pedantic)]
#![expect(
    clippy::doc_markdown,
    reason = "the docs name fonts and PDF keys (DejaVu, ToUnicode, CIDFontType2) as prose; the \
              workspace's doc-valid-idents list does not know them"
)]

mod document;
mod embed;
mod error;
mod font;
mod layout;
mod text;
mod writer;

pub use document::{InvoiceDocument, Line, Party, Total};
pub use error::PdfError;
pub use layout::MAX_PAGES;

/// Renders `doc` as a complete PDF 1.7 file.
///
/// Any text is accepted: characters DejaVu Sans lacks print as its empty box (`.notdef`) and
/// extract as U+FFFD, control characters are dropped and long words are broken. It fails only
/// if the document would need more than [`MAX_PAGES`] pages, or if the embedded fonts could
/// not be read or subset (which would be a bug in this crate, not in the input).
///
/// # Errors
/// [`PdfError::TooManyPages`], [`PdfError::FontUnreadable`], [`PdfError::Subset`].
pub fn render(doc: &InvoiceDocument) -> Result<Vec<u8>, PdfError> {
    let fonts = font::Fonts::load()?;
    let pages = layout::layout(doc, &fonts)?;
    writer::write(doc, &fonts, &pages)
}
