//! [`PdfError`], the one error type of this crate.

/// Why a document could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// The document would need more pages than [`crate::MAX_PAGES`].
    #[error("the document needs more than {limit} pages")]
    TooManyPages {
        /// The limit that was reached.
        limit: usize,
    },
    /// An embedded font could not be parsed (a broken build, not bad input).
    #[error("the embedded font {font} could not be parsed")]
    FontUnreadable {
        /// The font's PostScript name.
        font: &'static str,
    },
    /// An embedded font could not be subset to the glyphs used.
    #[error("the embedded font {font} could not be subset")]
    Subset {
        /// The font's PostScript name.
        font: &'static str,
        /// What the subsetter reported.
        #[source]
        source: subsetter::Error,
    },
}
