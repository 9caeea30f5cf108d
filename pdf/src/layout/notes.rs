//! The notes (e.g. the reverse-charge statement) at the foot of the last page.

use super::{BOTTOM, Composer, LEFT, RIGHT, Style};
use crate::error::PdfError;

const NOTE: Style = Style::regular(8.0, 0.25);
const PARAGRAPH_GAP: f32 = 3.0;
/// The least space between the totals and the notes.
const GAP_ABOVE: f32 = 24.0;
/// Room for the hairline above the notes.
const RULE_SPACE: f32 = 6.0;

pub(super) fn place(c: &mut Composer<'_>) -> Result<(), PdfError> {
    let doc = c.doc;
    let paragraphs: Vec<Vec<String>> = doc
        .notes
        .iter()
        .map(|note| c.wrap(NOTE, note, RIGHT - LEFT))
        .filter(|lines| !lines.is_empty())
        .collect();
    if paragraphs.is_empty() {
        return Ok(());
    }
    let height: f32 = paragraphs
        .iter()
        .map(|lines| lines.iter().map(|_| NOTE.line_height()).sum::<f32>() + PARAGRAPH_GAP)
        .sum::<f32>()
        + RULE_SPACE;
    if height + GAP_ABOVE > c.room() {
        if height > super::Composer::fresh_room() {
            // Longer than a page: no foot to stand on, so they flow from here.
            return flow(c, paragraphs);
        }
        c.new_page()?;
    }
    // Standing on the footer keeps the notes in the same place on every invoice.
    c.y = BOTTOM + height;
    flow(c, paragraphs)
}

fn flow(c: &mut Composer<'_>, paragraphs: Vec<Vec<String>>) -> Result<(), PdfError> {
    c.rule(LEFT, RIGHT, c.y, 0.3, 0.8);
    c.y -= RULE_SPACE;
    for lines in paragraphs {
        for line in lines {
            if NOTE.line_height() > c.room() {
                c.new_page()?;
            }
            c.text(LEFT, c.y - NOTE.baseline_offset(), NOTE, line);
            c.y -= NOTE.line_height();
        }
        c.y -= PARAGRAPH_GAP;
    }
    Ok(())
}
