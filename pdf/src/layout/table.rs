//! The line table: description on the left (wrapping, with a smaller grey detail line), the net
//! amount right-aligned. Rows flow onto new pages, each starting with the column heads again.

use super::{Composer, LEFT, RIGHT, Style};
use crate::document::Line;
use crate::error::PdfError;

/// Room kept for the amount column, right of the descriptions.
const AMOUNT_WIDTH: f32 = 110.0;
const DESCRIPTION_WIDTH: f32 = RIGHT - LEFT - AMOUNT_WIDTH;

const HEAD: Style = Style::bold(8.5, 0.3);
const DESCRIPTION: Style = Style::regular(9.5, 0.0);
const DETAIL: Style = Style::regular(8.0, 0.45);

/// Space above and below each row's text, inside its rules.
const PADDING: f32 = 4.0;
/// The height of the column heads with their rule.
const HEAD_HEIGHT: f32 = 8.5 * 1.3 + 6.0;

pub(super) fn place(c: &mut Composer<'_>) -> Result<(), PdfError> {
    let doc = c.doc;
    if doc.lines.is_empty() {
        return Ok(());
    }
    // The heads alone at the foot of a page would be an orphan: start with at least one row.
    if c.room() < HEAD_HEIGHT + 2.0 * DESCRIPTION.line_height() {
        c.new_page()?;
    }
    heads(c);
    for line in &doc.lines {
        row(c, line)?;
    }
    Ok(())
}

fn heads(c: &mut Composer<'_>) {
    let baseline = c.y - HEAD.baseline_offset();
    c.text(LEFT, baseline, HEAD, "Description".to_owned());
    c.text_right(RIGHT, baseline, HEAD, "Net amount");
    c.y -= HEAD_HEIGHT - 3.0;
    c.rule(LEFT, RIGHT, c.y, 0.75, 0.2);
    c.y -= 3.0;
}

fn break_page(c: &mut Composer<'_>) -> Result<(), PdfError> {
    c.new_page()?;
    heads(c);
    Ok(())
}

/// One table row. A row that does not fit what is left of the page moves whole to the next;
/// only a row taller than a whole page is split between its lines.
fn row(c: &mut Composer<'_>, line: &Line) -> Result<(), PdfError> {
    let mut lines: Vec<(Style, String)> = c
        .wrap(DESCRIPTION, &line.description, DESCRIPTION_WIDTH)
        .into_iter()
        .map(|text| (DESCRIPTION, text))
        .collect();
    if lines.is_empty() {
        // Keep a line for the amount even when the description is blank.
        lines.push((DESCRIPTION, String::new()));
    }
    if let Some(detail) = &line.detail {
        let details = c.wrap(DETAIL, detail, DESCRIPTION_WIDTH);
        lines.extend(details.into_iter().map(|text| (DETAIL, text)));
    }
    let height: f32 = lines
        .iter()
        .map(|(style, _)| style.line_height())
        .sum::<f32>()
        + 2.0 * PADDING;
    if height > c.room() && height <= Composer::fresh_room() - HEAD_HEIGHT {
        break_page(c)?;
    }
    c.y -= PADDING;
    for (index, (style, text)) in lines.into_iter().enumerate() {
        if style.line_height() > c.room() {
            break_page(c)?;
        }
        let baseline = c.y - style.baseline_offset();
        if index == 0 {
            c.text_right(RIGHT, baseline, DESCRIPTION, &line.net);
        }
        c.text(LEFT, baseline, style, text);
        c.y -= style.line_height();
    }
    c.y -= PADDING;
    c.rule(LEFT, RIGHT, c.y, 0.3, 0.8);
    Ok(())
}
