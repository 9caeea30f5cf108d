//! The footer of every page: the seller and its VAT ID on the left, "Page n of m" on the right.

use super::{LEFT, Page, RIGHT, Style};
use crate::document::InvoiceDocument;
use crate::font::Fonts;
use crate::text;

const FOOTER: Style = Style::regular(7.5, 0.45);
const RULE_Y: f32 = 58.0;
const BASELINE: f32 = 46.0;
/// Room kept for the page number at the right.
const PAGE_NUMBER_WIDTH: f32 = 90.0;

pub(super) fn place(pages: &mut [Page], doc: &InvoiceDocument, fonts: &Fonts) {
    let font = fonts.get(FOOTER.weight);
    let vat_id = doc
        .seller
        .vat_id
        .as_ref()
        .filter(|id| !id.trim().is_empty());
    let seller = match vat_id {
        Some(vat_id) => format!("{} · VAT ID {vat_id}", doc.seller.name),
        None => doc.seller.name.clone(),
    };
    // One line only: the footer has no room to wrap into.
    let seller = text::wrap(font, FOOTER.size, &seller, RIGHT - LEFT - PAGE_NUMBER_WIDTH)
        .into_iter()
        .next()
        .unwrap_or_default();
    let count = pages.len();
    for (index, page) in pages.iter_mut().enumerate() {
        page.rule(LEFT, RIGHT, RULE_Y, 0.3, 0.8);
        page.text(LEFT, BASELINE, FOOTER, seller.clone());
        let number = format!("Page {} of {count}", index + 1);
        let x = RIGHT - font.width(&number, FOOTER.size);
        page.text(x, BASELINE, FOOTER, number);
    }
}
