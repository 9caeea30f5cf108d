//! The totals under the table: label at the left of the block, amount right-aligned under the
//! line amounts; emphasised rows ("Total", "Amount due") bold with a rule above.

use super::{Composer, RIGHT, Style};
use crate::document::Total;
use crate::error::PdfError;

/// Left edge of the labels, in line with the title block above.
const LABEL_LEFT: f32 = 315.0;
const LABEL_WIDTH: f32 = 130.0;
/// The least space between a label and its amount.
const AMOUNT_GAP: f32 = 10.0;
const GAP_ABOVE: f32 = 12.0;
/// Extra space and a rule above an emphasised row.
const EMPHASIS_SPACE: f32 = 6.0;

const PLAIN: Style = Style::regular(9.5, 0.0);
const EMPHASISED: Style = Style::bold(10.5, 0.0);

pub(super) fn place(c: &mut Composer<'_>) -> Result<(), PdfError> {
    let doc = c.doc;
    if doc.totals.is_empty() {
        return Ok(());
    }
    let rows: Vec<(&Total, Vec<String>)> = doc
        .totals
        .iter()
        .map(|total| {
            // The label gives way to a wide amount rather than run into it.
            let amount_width = c.width(style(total), &crate::text::clean(&total.amount));
            let width = LABEL_WIDTH.min(RIGHT - AMOUNT_GAP - amount_width - LABEL_LEFT);
            let labels = c.wrap(style(total), &total.label, width);
            (total, labels)
        })
        .collect();
    // The block stays together when it can: totals split from each other are easy to misread.
    let height = GAP_ABOVE
        + rows
            .iter()
            .map(|(total, labels)| row_height(total, labels))
            .sum::<f32>();
    if height > c.room() {
        c.new_page()?;
    }
    c.y -= GAP_ABOVE;
    for (total, labels) in rows {
        if row_height(total, &labels) > c.room() {
            c.new_page()?;
        }
        row(c, total, labels);
    }
    Ok(())
}

fn style(total: &Total) -> Style {
    if total.emphasised { EMPHASISED } else { PLAIN }
}

fn row_height(total: &Total, labels: &[String]) -> f32 {
    let style = style(total);
    let lines: f32 = labels.iter().map(|_| style.line_height()).sum();
    let extra = if total.emphasised {
        2.0 * EMPHASIS_SPACE
    } else {
        0.0
    };
    lines.max(style.line_height()) + extra + 2.0
}

fn row(c: &mut Composer<'_>, total: &Total, labels: Vec<String>) {
    let style = style(total);
    if total.emphasised {
        c.y -= EMPHASIS_SPACE;
        c.rule(LABEL_LEFT, RIGHT, c.y, 0.75, 0.0);
        c.y -= EMPHASIS_SPACE;
    }
    let top = c.y;
    c.text_right(RIGHT, top - style.baseline_offset(), style, &total.amount);
    for label in labels {
        c.text(LABEL_LEFT, c.y - style.baseline_offset(), style, label);
        c.y -= style.line_height();
    }
    c.y = c.y.min(top - style.line_height()) - 2.0;
}
