//! The PDF file: catalog, page tree, one compressed content stream per page, the two fonts and
//! the document information.

use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

use crate::document::InvoiceDocument;
use crate::embed::{FontRefs, Subset};
use crate::error::PdfError;
use crate::font::{Fonts, Weight};
use crate::layout::{Op, PAGE_HEIGHT, PAGE_WIDTH, Page};

const REGULAR: Name<'static> = Name(b"F1");
const BOLD: Name<'static> = Name(b"F2");

/// Compresses a stream for `/Filter /FlateDecode` (zlib framing, as the filter expects).
pub fn deflate(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, 6)
}

/// Writes the laid-out `pages` as a PDF 1.7 file.
pub fn write(doc: &InvoiceDocument, fonts: &Fonts, pages: &[Page]) -> Result<Vec<u8>, PdfError> {
    let mut next = Ref::new(1);
    let catalog = next.bump();
    let tree = next.bump();
    let info = next.bump();
    let regular_refs = FontRefs::allocate(&mut next);
    let bold_refs = FontRefs::allocate(&mut next);
    // Layout caps the page count at MAX_PAGES, so these ids stay far below i32::MAX.
    let page_refs: Vec<(Ref, Ref)> = pages.iter().map(|_| (next.bump(), next.bump())).collect();

    let mut pdf = Pdf::new();
    pdf.set_version(1, 7);
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree)
        .kids(page_refs.iter().map(|(page, _)| *page))
        .count(i32::try_from(pages.len()).unwrap_or(i32::MAX));

    let mut regular = Subset::new(fonts.get(Weight::Regular));
    let mut bold = Subset::new(fonts.get(Weight::Bold));
    for (page, (page_ref, content_ref)) in pages.iter().zip(&page_refs) {
        let mut writer = pdf.page(*page_ref);
        writer
            .media_box(Rect::new(0.0, 0.0, PAGE_WIDTH, PAGE_HEIGHT))
            .parent(tree)
            .contents(*content_ref);
        let mut resources = writer.resources();
        resources
            .fonts()
            .pair(REGULAR, regular_refs.type0)
            .pair(BOLD, bold_refs.type0);
        resources.finish();
        writer.finish();
        let content = content(page, &mut regular, &mut bold);
        pdf.stream(*content_ref, &deflate(&content))
            .filter(Filter::FlateDecode);
    }
    regular.write(&mut pdf, &regular_refs)?;
    bold.write(&mut pdf, &bold_refs)?;

    let title = format!("{} {}", doc.title, doc.number);
    pdf.document_info(info)
        .title(TextStr(title.trim()))
        .producer(TextStr("Solvo"));
    Ok(pdf.finish())
}

/// The content stream of one page. Each text op is its own text object: pages hold a few
/// hundred at most, and absolute positions keep the stream simple to read.
fn content<'f>(page: &Page, regular: &mut Subset<'f>, bold: &mut Subset<'f>) -> Vec<u8> {
    let mut content = Content::new();
    for op in &page.ops {
        match op {
            Op::Text { x, y, style, text } => {
                let (name, subset) = match style.weight {
                    Weight::Regular => (REGULAR, &mut *regular),
                    Weight::Bold => (BOLD, &mut *bold),
                };
                let codes = subset.encode(text);
                content
                    .set_fill_gray(style.gray)
                    .begin_text()
                    .set_font(name, style.size)
                    .next_line(*x, *y)
                    .show(Str(&codes))
                    .end_text();
            }
            Op::Rule {
                x1,
                x2,
                y,
                width,
                gray,
            } => {
                content
                    .set_stroke_gray(*gray)
                    .set_line_width(*width)
                    .move_to(*x1, *y)
                    .line_to(*x2, *y)
                    .stroke();
            }
        }
    }
    content.finish().into_vec()
}
