//! The first page's head: the seller top left, the buyer below it where a windowed envelope
//! shows the address, and the title, number, date and references top right.

use super::{Composer, LEFT, PAGE_HEIGHT, RIGHT, Style, TOP};
use crate::document::Party;
use crate::text;

/// The width of the seller and buyer blocks.
const PARTY_WIDTH: f32 = 240.0;
/// Left edge of the title block; labels start here, values end at [`RIGHT`].
const INFO_LEFT: f32 = 315.0;
/// The widest a label may be; values get the rest of the row.
const LABEL_WIDTH: f32 = 84.0;
const LABEL_GAP: f32 = 6.0;
/// The top of the buyer block: 45 mm from the top edge, the top of a DIN 5008 envelope window.
const WINDOW_TOP: f32 = PAGE_HEIGHT - 128.0;
/// Lines shown at most per address block and in the title block. An envelope window holds
/// about nine lines; the limit also keeps the head off the table whatever the input, and a cut
/// block ends with "…" so that the cut shows.
const MAX_BLOCK_LINES: usize = 9;
/// Lines at most for a party's name, and for its country with the VAT ID.
const MAX_NAME_LINES: usize = 3;
const MAX_INFO_LINES: usize = 14;

const SELLER_NAME: Style = Style::bold(11.0, 0.0);
const SELLER_LINE: Style = Style::regular(8.5, 0.3);
const RETURN_ADDRESS: Style = Style::regular(6.5, 0.45);
const BUYER_NAME: Style = Style::bold(10.5, 0.0);
const BUYER_LINE: Style = Style::regular(10.0, 0.0);
const VAT_ID: Style = Style::regular(8.5, 0.3);
const TITLE: Style = Style::bold(18.0, 0.0);
const LABEL: Style = Style::regular(8.5, 0.4);
const VALUE: Style = Style::regular(8.5, 0.0);
const NUMBER: Style = Style::bold(8.5, 0.0);

/// The gap between the head and the table.
const GAP_BELOW: f32 = 30.0;

pub(super) fn place(c: &mut Composer<'_>) {
    let doc = c.doc;
    let seller_bottom = party(c, &doc.seller, TOP, SELLER_NAME, SELLER_LINE);
    let info_bottom = info(c);
    let window_top = WINDOW_TOP.min(seller_bottom - 16.0);
    let return_bottom = return_address(c, &doc.seller, window_top);
    let buyer_bottom = party(c, &doc.buyer, return_bottom - 6.0, BUYER_NAME, BUYER_LINE);
    c.y = buyer_bottom.min(info_bottom) - GAP_BELOW;
}

/// Places a party's lines from `top` down and returns the bottom of the block. A long address
/// is cut, never the name, country or VAT ID: those an invoice must show.
fn party(c: &mut Composer<'_>, party: &Party, top: f32, name: Style, line: Style) -> f32 {
    let wrap = |c: &Composer<'_>, style: Style, text: &str| -> Vec<(Style, String)> {
        c.wrap(style, text, PARTY_WIDTH)
            .into_iter()
            .map(|text| (style, text))
            .collect()
    };
    let mut head = wrap(c, name, &party.name);
    cut(&mut head, MAX_NAME_LINES);
    let mut tail = wrap(c, line, &party.country);
    if let Some(vat_id) = party.vat_id.as_ref().filter(|id| !id.trim().is_empty()) {
        tail.extend(wrap(c, VAT_ID, &format!("VAT ID {vat_id}")));
    }
    cut(&mut tail, MAX_NAME_LINES);
    let mut address: Vec<(Style, String)> = party
        .address_lines
        .iter()
        .flat_map(|text| wrap(c, line, text))
        .collect();
    cut(
        &mut address,
        MAX_BLOCK_LINES.saturating_sub(head.len() + tail.len()),
    );
    let mut y = top;
    for (style, text) in head.into_iter().chain(address).chain(tail) {
        c.text(LEFT, y - style.baseline_offset(), style, text);
        y -= style.line_height();
    }
    y
}

/// The seller on one small line above the buyer's address, as a windowed envelope shows it,
/// with a hairline under it. Returns the bottom of the line.
fn return_address(c: &mut Composer<'_>, seller: &Party, top: f32) -> f32 {
    let mut parts = vec![seller.name.as_str()];
    parts.extend(seller.address_lines.iter().map(String::as_str));
    parts.push(seller.country.as_str());
    let joined = parts
        .iter()
        .map(|part| text::clean(part))
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    let mut lines: Vec<(Style, String)> = c
        .wrap(RETURN_ADDRESS, &joined, PARTY_WIDTH)
        .into_iter()
        .map(|text| (RETURN_ADDRESS, text))
        .collect();
    cut(&mut lines, 1);
    let baseline = top - RETURN_ADDRESS.baseline_offset();
    for (style, text) in lines {
        c.text(LEFT, baseline, style, text);
    }
    let bottom = top - RETURN_ADDRESS.line_height();
    c.rule(LEFT, LEFT + PARTY_WIDTH, bottom, 0.3, 0.6);
    bottom
}

/// The title, then label/value rows: number, date and the references. Returns the bottom.
fn info(c: &mut Composer<'_>) -> f32 {
    let doc = c.doc;
    let title = text::clean(&doc.title);
    let mut y = TOP;
    c.text_right(RIGHT, y - TITLE.baseline_offset(), TITLE, &title);
    y -= TITLE.line_height() + 6.0;
    let mut rows = vec![
        ("Number", doc.number.as_str(), NUMBER),
        ("Date", doc.issue_date.as_str(), VALUE),
    ];
    rows.extend(
        doc.references
            .iter()
            .map(|(label, value)| (label.as_str(), value.as_str(), VALUE)),
    );
    let mut shown = 0;
    for (label, value, value_style) in rows {
        let labels = c.wrap(LABEL, label, LABEL_WIDTH);
        let label_width = labels
            .iter()
            .map(|text| c.width(LABEL, text))
            .fold(0.0, f32::max);
        let values = c.wrap(
            value_style,
            value,
            RIGHT - INFO_LEFT - label_width - LABEL_GAP,
        );
        let height = labels.len().max(values.len());
        if shown + height > MAX_INFO_LINES {
            c.text_right(RIGHT, y - VALUE.baseline_offset(), LABEL, "…");
            return y - VALUE.line_height();
        }
        shown += height;
        let mut row_y = y;
        for text in labels {
            c.text(INFO_LEFT, row_y - LABEL.baseline_offset(), LABEL, text);
            row_y -= LABEL.line_height();
        }
        let mut value_y = y;
        for text in values {
            c.text_right(
                RIGHT,
                value_y - value_style.baseline_offset(),
                value_style,
                &text,
            );
            value_y -= value_style.line_height();
        }
        y = row_y.min(value_y) - 1.5;
    }
    y
}

/// Keeps at most `max` lines, ending the last kept one with "…" when any were dropped.
fn cut(lines: &mut Vec<(Style, String)>, max: usize) {
    if lines.len() > max {
        lines.truncate(max);
        if let Some((_, last)) = lines.last_mut() {
            last.push_str(" …");
        }
    }
}
