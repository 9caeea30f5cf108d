//! Page count, page numbers and the table head on every page.

use solvo_pdf::{InvoiceDocument, Line, PdfError};

use crate::sample;
use crate::{page_texts, render_and_load};

#[test]
fn a_five_line_invoice_is_one_small_page() {
    let (bytes, pdf) = render_and_load(&sample::invoice(5));

    assert_eq!(pdf.get_pages().len(), 1);
    assert!(page_texts(&pdf)[0].contains("Page 1 of 1"));
    // Subset fonts keep it in the tens of kilobytes; the full fonts alone would be 1.4 MB.
    assert!(bytes.len() < 60_000, "{} bytes", bytes.len());
    println!("a five-line invoice is {} bytes", bytes.len());
}

#[test]
fn a_long_invoice_flows_onto_numbered_pages_with_the_table_head_repeated() {
    let doc = sample::invoice(120);

    let (_, pdf) = render_and_load(&doc);
    let texts = page_texts(&pdf);

    let count = texts.len();
    assert!(count >= 3, "{count} pages");
    for (index, text) in texts.iter().enumerate() {
        assert!(
            text.contains(&format!("Page {} of {count}", index + 1)),
            "page {index}: {text}"
        );
        if text.contains("Commission on collected amounts") {
            assert!(
                text.contains("Description") && text.contains("Net amount"),
                "page {index}"
            );
        }
    }
    let all = texts.concat();
    for line in &doc.lines {
        assert_eq!(
            all.matches(&line.description).count(),
            1,
            "{}",
            line.description
        );
    }
    assert!(texts[count - 1].contains("Amount due"));
}

#[test]
fn a_description_longer_than_a_page_wraps_and_splits_across_pages() {
    let mut doc = sample::invoice(1);
    let words: Vec<String> = (0..1500).map(|n| format!("word{n}")).collect();
    doc.lines[0].description = words.join(" ");

    let (_, pdf) = render_and_load(&doc);
    let texts = page_texts(&pdf);

    assert!(texts.len() >= 2);
    let all = texts.concat();
    assert!(all.contains("word0 ") && all.contains("word1499"));
}

#[test]
fn an_empty_document_is_one_page() {
    let (_, pdf) = render_and_load(&InvoiceDocument::default());

    assert_eq!(pdf.get_pages().len(), 1);
}

#[test]
fn a_document_beyond_the_page_limit_is_refused() {
    let mut doc = sample::invoice(0);
    doc.lines = vec![Line::default(); 40 * solvo_pdf::MAX_PAGES];

    let error = solvo_pdf::render(&doc).unwrap_err();

    assert!(matches!(error, PdfError::TooManyPages { limit } if limit == solvo_pdf::MAX_PAGES));
}
