//! Where every piece of text goes, page by page, as [`Op`]s in PDF points (origin bottom left).
//!
//! Layout measures text but encodes nothing; `writer` turns the ops into content streams. The
//! whole document is laid out before anything is written so that each footer can say
//! "Page n of m". The [`Composer`] holds the page being filled and the height still free on
//! it; the sections (`header`, `table`, `totals`, `notes`, `footer`) place themselves with it.

mod footer;
mod header;
mod notes;
mod table;
mod totals;

use crate::document::InvoiceDocument;
use crate::error::PdfError;
use crate::font::{Fonts, Weight};
use crate::text;

/// A4 width in points.
pub const PAGE_WIDTH: f32 = 595.0;
/// A4 height in points.
pub const PAGE_HEIGHT: f32 = 842.0;
/// Left margin, 20 mm.
const LEFT: f32 = 56.0;
/// Right edge of the text area (20 mm margin); amounts are right-aligned here.
const RIGHT: f32 = PAGE_WIDTH - 56.0;
/// Top of the text area.
const TOP: f32 = PAGE_HEIGHT - 50.0;
/// Content stops above this line; the footer lives below it.
const BOTTOM: f32 = 72.0;

/// The most pages a document may take. A limit on the page loop, so that runaway input (say, a
/// million lines) fails with [`PdfError::TooManyPages`] instead of building a huge file.
pub const MAX_PAGES: usize = 1000;

/// How a run of text looks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    /// Which font.
    pub weight: Weight,
    /// Font size in points.
    pub size: f32,
    /// Fill gray, 0 black to 1 white.
    pub gray: f32,
}

impl Style {
    const fn regular(size: f32, gray: f32) -> Self {
        Self {
            weight: Weight::Regular,
            size,
            gray,
        }
    }

    const fn bold(size: f32, gray: f32) -> Self {
        Self {
            weight: Weight::Bold,
            size,
            gray,
        }
    }

    /// The distance from one baseline to the next.
    fn line_height(self) -> f32 {
        self.size * 1.3
    }

    /// The distance from the top of a line box to its baseline, a little under DejaVu's ascent
    /// (0.93 em) so that capitals sit flush with the box top.
    fn baseline_offset(self) -> f32 {
        self.size * 0.95
    }
}

/// One drawing operation.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    /// A single line of text starting at `x` on the baseline `y`.
    Text {
        /// Left end of the text.
        x: f32,
        /// Baseline.
        y: f32,
        /// Font, size and colour.
        style: Style,
        /// The cleaned text.
        text: String,
    },
    /// A horizontal line.
    Rule {
        /// Left end.
        x1: f32,
        /// Right end.
        x2: f32,
        /// Height above the page bottom.
        y: f32,
        /// Line width in points.
        width: f32,
        /// Stroke gray.
        gray: f32,
    },
}

/// The ops of one page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// In drawing order.
    pub ops: Vec<Op>,
}

impl Page {
    fn text(&mut self, x: f32, y: f32, style: Style, text: String) {
        if !text.is_empty() {
            self.ops.push(Op::Text { x, y, style, text });
        }
    }

    fn rule(&mut self, x1: f32, x2: f32, y: f32, width: f32, gray: f32) {
        self.ops.push(Op::Rule {
            x1,
            x2,
            y,
            width,
            gray,
        });
    }
}

/// Lays out `doc` on as many pages as it needs, each with its footer.
pub fn layout(doc: &InvoiceDocument, fonts: &Fonts) -> Result<Vec<Page>, PdfError> {
    let mut composer = Composer::new(doc, fonts);
    header::place(&mut composer);
    table::place(&mut composer)?;
    totals::place(&mut composer)?;
    notes::place(&mut composer)?;
    Ok(composer.finish())
}

/// The page being filled, the pages already full, and the height still free.
struct Composer<'a> {
    doc: &'a InvoiceDocument,
    fonts: &'a Fonts,
    done: Vec<Page>,
    page: Page,
    /// The top of the free space on `page`; content goes downwards from here to [`BOTTOM`].
    y: f32,
}

/// The height of the running header on pages after the first.
const CONTINUATION_HEIGHT: f32 = 28.0;

/// The running header on pages after the first: which document this page belongs to.
const CONTINUATION: Style = Style::bold(9.0, 0.35);

impl<'a> Composer<'a> {
    fn new(doc: &'a InvoiceDocument, fonts: &'a Fonts) -> Self {
        Self {
            doc,
            fonts,
            done: Vec::new(),
            page: Page::default(),
            y: TOP,
        }
    }

    fn width(&self, style: Style, text: &str) -> f32 {
        self.fonts.get(style.weight).width(text, style.size)
    }

    fn wrap(&self, style: Style, text: &str, max_width: f32) -> Vec<String> {
        text::wrap(self.fonts.get(style.weight), style.size, text, max_width)
    }

    fn text(&mut self, x: f32, y: f32, style: Style, text: String) {
        self.page.text(x, y, style, text);
    }

    /// Places `text` so that it ends at `right`.
    fn text_right(&mut self, right: f32, y: f32, style: Style, text: &str) {
        let text = text::clean(text);
        let x = right - self.width(style, &text);
        self.page.text(x, y, style, text);
    }

    fn rule(&mut self, x1: f32, x2: f32, y: f32, width: f32, gray: f32) {
        self.page.rule(x1, x2, y, width, gray);
    }

    /// The height still free on this page.
    fn room(&self) -> f32 {
        self.y - BOTTOM
    }

    /// The height free on a page just started, under its running header.
    fn fresh_room() -> f32 {
        TOP - CONTINUATION_HEIGHT - BOTTOM
    }

    /// Closes this page and starts the next with the running header.
    fn new_page(&mut self) -> Result<(), PdfError> {
        if self.done.len() + 1 >= MAX_PAGES {
            return Err(PdfError::TooManyPages { limit: MAX_PAGES });
        }
        self.done.push(std::mem::take(&mut self.page));
        let running = text::clean(&format!("{} {}", self.doc.title, self.doc.number));
        let baseline = TOP - CONTINUATION.baseline_offset();
        self.text(LEFT, baseline, CONTINUATION, running);
        let date = self.doc.issue_date.clone();
        self.text_right(RIGHT, baseline, Style::regular(9.0, 0.35), &date);
        self.y = TOP - CONTINUATION_HEIGHT;
        Ok(())
    }

    fn finish(mut self) -> Vec<Page> {
        self.done.push(self.page);
        footer::place(&mut self.done, self.doc, self.fonts);
        self.done
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Line, Party, Total};

    fn party(name: &str, lines: usize) -> Party {
        Party {
            name: name.to_owned(),
            address_lines: (0..lines)
                .map(|n| format!("Address line {n}, long enough to wrap in the address block"))
                .collect(),
            country: "Deutschland".to_owned(),
            vat_id: Some("DE123456789".to_owned()),
        }
    }

    /// Everything at its longest: names, addresses, references, a word wider than a column,
    /// a label wider than the totals block, notes, and enough lines for several pages.
    fn oversized() -> InvoiceDocument {
        InvoiceDocument {
            title: "Credit note".to_owned(),
            number: "CRN-2026-000007-WITH-A-SUFFIX-FAR-TOO-LONG-FOR-ITS-COLUMN".to_owned(),
            issue_date: "2026-12-02".to_owned(),
            references: (0..20)
                .map(|n| {
                    (
                        format!("Reference {n}"),
                        format!("0190f3a2-7b1c-7e4d-9a55-{n:012}"),
                    )
                })
                .collect(),
            seller: party(
                "Ševčík & Ørsted Inkasso GmbH und Partner mit beschränkter Haftung",
                12,
            ),
            buyer: party(
                "Κάποια Εταιρεία Ανώνυμη Εταιρεία Εισπράξεων και Συμμετοχών",
                12,
            ),
            lines: (0..80)
                .map(|n| Line {
                    description: format!("{n} {}", "Wort ".repeat(n % 40)),
                    detail: Some("x".repeat(n * 3)),
                    net: format!("{n},000.00 €"),
                })
                .collect(),
            totals: vec![Total {
                label: "A label that is far too long for the totals column".to_owned(),
                amount: "123,456,789.00 €".to_owned(),
                emphasised: true,
            }],
            notes: vec!["Note ".repeat(400)],
        }
    }

    #[test]
    fn every_text_stays_inside_the_margins() {
        let fonts = Fonts::load().unwrap();

        let pages = layout(&oversized(), &fonts).unwrap();

        assert!(pages.len() > 2);
        for page in &pages {
            for op in &page.ops {
                if let Op::Text { x, y, style, text } = op {
                    let width = fonts.get(style.weight).width(text, style.size);
                    assert!(*x >= LEFT - 0.01, "{text} starts at {x}");
                    assert!(x + width <= RIGHT + 0.01, "{text} ends at {}", x + width);
                    assert!(*y <= TOP && *y >= 40.0, "{text} at height {y}");
                }
            }
        }
    }

    #[test]
    fn content_keeps_clear_of_the_footer() {
        let fonts = Fonts::load().unwrap();

        let pages = layout(&oversized(), &fonts).unwrap();

        // The footer's own texts sit on its baseline; everything else stays above BOTTOM.
        for page in &pages {
            for op in &page.ops {
                if let Op::Text { y, text, .. } = op {
                    let in_footer = (*y - 46.0).abs() < 0.01;
                    assert!(in_footer || *y >= BOTTOM - 0.01, "{text} at height {y}");
                }
            }
        }
    }
}
