//! Black-box tests of `solvo_pdf::render`: a real PDF reader (lopdf, and pdftotext where
//! poppler is installed) loads the output and reads its pages, text and fonts back.

#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a panic is how a test fails; clippy.toml's test allowance skips the helpers"
)]

mod fonts;
mod pages;
mod pdftotext;
mod sample;
mod text;

use lopdf::Document;

/// Renders `doc` and loads the bytes back, failing the test if either step fails.
fn render_and_load(doc: &solvo_pdf::InvoiceDocument) -> (Vec<u8>, Document) {
    let bytes = solvo_pdf::render(doc).expect("the document renders");
    let loaded = Document::load_mem(&bytes).expect("a PDF reader loads the output");
    (bytes, loaded)
}

/// The extracted text of every page, in page order.
fn page_texts(pdf: &Document) -> Vec<String> {
    pdf.get_pages()
        .keys()
        .map(|number| pdf.extract_text(&[*number]).expect("text extracts"))
        .collect()
}
