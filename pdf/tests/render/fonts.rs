//! The embedded fonts: Type0 over `CIDFontType2`, Identity-H, widths, `ToUnicode`, a `FontFile2`
//! subset.

use lopdf::{Dictionary, Document, Object};

use crate::{render_and_load, sample};

fn name<'a>(dict: &'a Dictionary, key: &[u8]) -> &'a [u8] {
    dict.get(key).unwrap().as_name().unwrap()
}

fn type0_fonts(pdf: &Document) -> Vec<&Dictionary> {
    pdf.objects
        .values()
        .filter_map(|object| object.as_dict().ok())
        .filter(|dict| {
            dict.get(b"Subtype")
                .and_then(Object::as_name)
                .is_ok_and(|s| s == b"Type0")
        })
        .collect()
}

#[test]
fn both_fonts_are_subset_cid_fonts_with_unicode_maps() {
    let (_, pdf) = render_and_load(&sample::invoice(5));

    let fonts = type0_fonts(&pdf);
    assert_eq!(fonts.len(), 2);
    for font in fonts {
        assert_eq!(name(font, b"Encoding"), b"Identity-H");
        let base = String::from_utf8(name(font, b"BaseFont").to_vec()).unwrap();
        assert!(
            base.ends_with("+DejaVuSans") || base.ends_with("+DejaVuSans-Bold"),
            "{base}"
        );
        assert_eq!(base.find('+'), Some(6), "a six-letter subset tag: {base}");
        assert!(
            font.get_deref(b"ToUnicode", &pdf)
                .unwrap()
                .as_stream()
                .is_ok()
        );

        let descendants = font
            .get_deref(b"DescendantFonts", &pdf)
            .unwrap()
            .as_array()
            .unwrap();
        let cid = pdf
            .dereference(&descendants[0])
            .unwrap()
            .1
            .as_dict()
            .unwrap();
        assert_eq!(name(cid, b"Subtype"), b"CIDFontType2");
        assert!(
            !cid.get_deref(b"W", &pdf)
                .unwrap()
                .as_array()
                .unwrap()
                .is_empty()
        );

        let descriptor = cid
            .get_deref(b"FontDescriptor", &pdf)
            .unwrap()
            .as_dict()
            .unwrap();
        let file = descriptor
            .get_deref(b"FontFile2", &pdf)
            .unwrap()
            .as_stream()
            .unwrap();
        let program = file.decompressed_content().unwrap();
        assert!(program.len() < 100_000, "subset is {} bytes", program.len());
        assert!(ttf_header(&program), "FontFile2 holds a TrueType program");
    }
}

/// Whether `data` starts like a TrueType font file (sfnt version 1.0).
fn ttf_header(data: &[u8]) -> bool {
    data.starts_with(&[0, 1, 0, 0])
}
