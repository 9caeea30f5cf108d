//! The text a reader extracts: names in non-Latin-1 scripts, the number, every total.

use crate::sample::{self, BUYER, SELLER};
use crate::{page_texts, render_and_load};

#[test]
fn a_five_line_invoice_extracts_its_parties_number_and_totals() {
    let doc = sample::invoice(5);

    let (_, pdf) = render_and_load(&doc);
    let text = page_texts(&pdf).concat();

    for expected in [
        SELLER,
        BUYER,
        "€",
        "INV-2026-000042",
        "2026-12-02",
        "Invoice",
    ] {
        assert!(text.contains(expected), "{expected:?} missing from {text}");
    }
    for total in &doc.totals {
        assert!(text.contains(&total.label), "{:?} missing", total.label);
        assert!(text.contains(&total.amount), "{:?} missing", total.amount);
    }
    for line in &doc.lines {
        assert!(
            text.contains(&line.description),
            "{:?} missing",
            line.description
        );
        assert!(text.contains(&line.net), "{:?} missing", line.net);
    }
    assert!(text.contains("Dvořák / Szőke / Жуков"));
    assert!(text.contains("Article 196"));
}

#[test]
fn characters_the_font_lacks_render_without_failing() {
    let mut doc = sample::invoice(1);
    doc.buyer.name = "株式会社 Ünal 🙂".to_owned();
    doc.lines[0].description = "Control\u{0}chars\u{7} and\ttabs\nand newlines".to_owned();

    let (_, pdf) = render_and_load(&doc);
    let text = page_texts(&pdf).concat();

    // The missing glyphs print as .notdef and copy as U+FFFD; the rest of the line survives.
    assert!(text.contains("Ünal"), "{text}");
    assert!(text.contains('\u{FFFD}'), "{text}");
    assert!(
        text.contains("Controlchars and tabs and newlines"),
        "{text}"
    );
}

#[test]
fn a_credit_note_names_itself_in_the_document_information() {
    let mut doc = sample::invoice(2);
    doc.title = "Credit note".to_owned();
    doc.number = "CRN-2026-000007".to_owned();
    doc.references
        .push(("Credits invoice".to_owned(), "INV-2026-000042".to_owned()));

    let (bytes, pdf) = render_and_load(&doc);

    assert!(bytes.starts_with(b"%PDF-1.7"));
    let info = pdf
        .trailer
        .get_deref(b"Info", &pdf)
        .unwrap()
        .as_dict()
        .unwrap();
    let title = lopdf::decode_text_string(info.get(b"Title").unwrap()).unwrap();
    let producer = lopdf::decode_text_string(info.get(b"Producer").unwrap()).unwrap();
    assert_eq!(title, "Credit note CRN-2026-000007");
    assert_eq!(producer, "Solvo");
    let text = page_texts(&pdf).concat();
    assert!(text.contains("Credits invoice") && text.contains("Credit note"));
}

#[test]
fn rendering_is_deterministic() {
    let doc = sample::invoice(5);

    assert_eq!(
        solvo_pdf::render(&doc).unwrap(),
        solvo_pdf::render(&doc).unwrap()
    );
}
