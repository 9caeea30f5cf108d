//! What an uploaded file's bytes are, judged by their leading bytes and, for the office formats,
//! by the parts inside the ZIP archive, never by its name or by what the client says it is.
//!
//! Refused whatever they are declared as: executables (Windows PE, ELF, Mach-O, Java classes),
//! scripts with an interpreter line (`#!`) and anything a browser would sniff as HTML (the
//! WHATWG MIME Sniffing Standard, section 7.1, "identifying a resource with an unknown MIME
//! type": leading whitespace, then `<!DOCTYPE HTML`, `<HTML`, `<SCRIPT`, … followed by a space
//! or `>`), plus SVG and XML, which can carry scripts. Text must be UTF-8 without control
//! characters other than tab, line feed, form feed and carriage return.

/// Why a file's content is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// An executable, a script or HTML: refused under any declared type.
    Active(&'static str),
    /// The bytes are not of the declared type.
    Mismatch,
}

/// Checks `content` against `content_type` (one of the allowed types).
///
/// # Errors
/// [`Refusal::Active`] for executables, scripts and HTML; [`Refusal::Mismatch`] when the bytes
/// are not what the type says.
pub fn check(content_type: &str, content: &[u8]) -> Result<(), Refusal> {
    if let Some(what) = active(content) {
        return Err(Refusal::Active(what));
    }
    if matches(content_type, content) {
        Ok(())
    } else {
        Err(Refusal::Mismatch)
    }
}

/// The type an untyped file's leading bytes identify, among the binary formats.
#[must_use]
pub fn sniff(content: &[u8]) -> Option<&'static str> {
    ["application/pdf", "image/png", "image/jpeg", "image/tiff"]
        .into_iter()
        .find(|content_type| matches(content_type, content))
}

/// What active content the bytes start with, if any.
fn active(content: &[u8]) -> Option<&'static str> {
    const EXECUTABLES: [(&[u8], &str); 8] = [
        (b"MZ", "a Windows executable"),
        (b"\x7fELF", "an ELF executable"),
        (b"\xfe\xed\xfa\xce", "a Mach-O executable"),
        (b"\xfe\xed\xfa\xcf", "a Mach-O executable"),
        (b"\xce\xfa\xed\xfe", "a Mach-O executable"),
        (b"\xcf\xfa\xed\xfe", "a Mach-O executable"),
        (b"\xca\xfe\xba\xbe", "a Mach-O or Java executable"),
        (b"#!", "a script"),
    ];
    if let Some((_, what)) = EXECUTABLES
        .iter()
        .find(|(signature, _)| content.starts_with(signature))
    {
        return Some(what);
    }
    let text = content.strip_prefix(b"\xef\xbb\xbf").unwrap_or(content);
    let start = text
        .iter()
        .position(|byte| !matches!(byte, b' ' | b'\t' | b'\n' | b'\x0c' | b'\r'))
        .unwrap_or(text.len());
    let head = &text[start..text.len().min(start + 64)];
    let markup = [
        "<!DOCTYPE HTML",
        "<HTML",
        "<HEAD",
        "<SCRIPT",
        "<IFRAME",
        "<H1",
        "<DIV",
        "<FONT",
        "<TABLE",
        "<A",
        "<STYLE",
        "<TITLE",
        "<B",
        "<BODY",
        "<BR",
        "<P",
        "<!--",
        "<SVG",
        "<?XML",
    ];
    markup
        .iter()
        .any(|tag| {
            head.len() > tag.len()
                && head[..tag.len()].eq_ignore_ascii_case(tag.as_bytes())
                && (tag.ends_with("--")
                    || tag.starts_with("<?")
                    || matches!(head[tag.len()], b' ' | b'>' | b'\t' | b'\n' | b'\r'))
        })
        .then_some("HTML or XML markup")
}

/// Whether the bytes are of `content_type`.
fn matches(content_type: &str, content: &[u8]) -> bool {
    match content_type {
        // PDF readers accept the header anywhere in the first KiB (Adobe's PDF Reference 1.7,
        // appendix H), so this does too; an executable at byte 0 is refused before this is asked.
        "application/pdf" => content
            .get(..content.len().min(1024))
            .is_some_and(|head| head.windows(5).any(|window| window == b"%PDF-")),
        "image/png" => content.starts_with(b"\x89PNG\r\n\x1a\n"),
        "image/jpeg" => content.starts_with(b"\xFF\xD8\xFF"),
        "image/tiff" => content.starts_with(b"II*\0") || content.starts_with(b"MM\0*"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => {
            office_open(content, "word/document.xml")
        }
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => {
            office_open(content, "xl/workbook.xml")
        }
        "application/vnd.oasis.opendocument.text"
        | "application/vnd.oasis.opendocument.spreadsheet" => open_document(content, content_type),
        "text/plain" | "text/csv" => plain_text(content),
        _ => false,
    }
}

/// UTF-8 without NUL or other control characters than tab, line feed, form feed, carriage
/// return.
fn plain_text(content: &[u8]) -> bool {
    std::str::from_utf8(content).is_ok_and(|text| {
        text.chars()
            .all(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\x0c' | '\r'))
    })
}

/// An Office Open XML package (ECMA-376 part 2): a ZIP with `[Content_Types].xml` and the main
/// part, and no macros (`vbaProject.bin` belongs to the macro-enabled types, not these).
fn office_open(content: &[u8], main_part: &str) -> bool {
    zip_entries(content).is_some_and(|names| {
        names.iter().any(|name| name == "[Content_Types].xml")
            && names.iter().any(|name| name == main_part)
            && !names
                .iter()
                .any(|name| name.to_ascii_lowercase().ends_with("vbaproject.bin"))
    })
}

/// An `OpenDocument` package (ODF 1.3 part 2, section 3.3): a ZIP whose first entry is the
/// uncompressed `mimetype` holding the media type, with a `content.xml`.
fn open_document(content: &[u8], content_type: &str) -> bool {
    content.starts_with(b"PK\x03\x04")
        && content.get(30..38) == Some(b"mimetype".as_slice())
        && content
            .get(38..38 + content_type.len())
            .is_some_and(|stored| stored == content_type.as_bytes())
        && zip_entries(content).is_some_and(|names| names.iter().any(|name| name == "content.xml"))
}

/// The entry names of a ZIP archive from its central directory (APPNOTE.TXT 4.3.12 and
/// 4.3.16), or `None` when it is not a well-formed archive.
fn zip_entries(content: &[u8]) -> Option<Vec<String>> {
    const END: &[u8] = b"PK\x05\x06";
    const ENTRY: &[u8] = b"PK\x01\x02";
    if !content.starts_with(b"PK\x03\x04") || content.len() < 22 {
        return None;
    }
    // The end record is the last 22 bytes plus a comment of at most 65 535 bytes.
    let search_from = content.len().saturating_sub(22 + 65_535);
    let end = (search_from..=content.len() - 22)
        .rev()
        .find(|&at| content[at..].starts_with(END))?;
    let count = usize::from(u16::from_le_bytes([content[end + 10], content[end + 11]]));
    let offset = usize::try_from(u32::from_le_bytes([
        content[end + 16],
        content[end + 17],
        content[end + 18],
        content[end + 19],
    ]))
    .ok()?;
    let mut names = Vec::with_capacity(count.min(4096));
    let mut at = offset;
    for _ in 0..count {
        let header = content.get(at..at + 46)?;
        if !header.starts_with(ENTRY) {
            return None;
        }
        let field =
            |index: usize| usize::from(u16::from_le_bytes([header[index], header[index + 1]]));
        let (name_len, extra_len, comment_len) = (field(28), field(30), field(32));
        let name = content.get(at + 46..at + 46 + name_len)?;
        names.push(String::from_utf8_lossy(name).into_owned());
        at += 46 + name_len + extra_len + comment_len;
    }
    Some(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stored (uncompressed) ZIP of empty entries, built by hand.
    pub(crate) fn zip(names: &[&str], first_content: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut directory = Vec::new();
        for (index, name) in names.iter().enumerate() {
            let data: &[u8] = if index == 0 { first_content } else { b"" };
            let offset = u32::try_from(out.len()).unwrap_or(0);
            let size = u32::try_from(data.len()).unwrap_or(0).to_le_bytes();
            let name_len = u16::try_from(name.len()).unwrap_or(0).to_le_bytes();
            out.extend_from_slice(b"PK\x03\x04\x14\0\0\0\0\0\0\0\0\0\0\0\0\0");
            out.extend_from_slice(&size);
            out.extend_from_slice(&size);
            out.extend_from_slice(&name_len);
            out.extend_from_slice(&[0, 0]);
            out.extend_from_slice(name.as_bytes());
            out.extend_from_slice(data);
            directory.extend_from_slice(b"PK\x01\x02\x14\0\x14\0\0\0\0\0\0\0\0\0\0\0\0\0");
            directory.extend_from_slice(&size);
            directory.extend_from_slice(&size);
            directory.extend_from_slice(&name_len);
            directory.extend_from_slice(&[0; 12]);
            directory.extend_from_slice(&offset.to_le_bytes());
            directory.extend_from_slice(name.as_bytes());
        }
        let directory_offset = u32::try_from(out.len()).unwrap_or(0);
        let count = u16::try_from(names.len()).unwrap_or(0).to_le_bytes();
        let directory_len = u32::try_from(directory.len()).unwrap_or(0);
        out.extend_from_slice(&directory);
        out.extend_from_slice(b"PK\x05\x06\0\0\0\0");
        out.extend_from_slice(&count);
        out.extend_from_slice(&count);
        out.extend_from_slice(&directory_len.to_le_bytes());
        out.extend_from_slice(&directory_offset.to_le_bytes());
        out.extend_from_slice(&[0, 0]);
        out
    }

    const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    const ODT: &str = "application/vnd.oasis.opendocument.text";

    #[test]
    fn executables_scripts_and_html_are_refused_under_any_type() {
        for (bytes, content_type) in [
            (b"MZ\x90\0%PDF-1.7".as_slice(), "application/pdf"),
            (b"MZ\x90\0\x03\0\0\0", "text/plain"),
            (b"\x7fELF\x02\x01", "text/csv"),
            (b"#!/bin/sh\nrm -rf /\n", "text/plain"),
            (b"\xef\xbb\xbf  <!doctype html><p>hi", "text/plain"),
            (b"<script>alert(1)</script>", "text/csv"),
            (b"\n<svg onload=alert(1)>", "text/plain"),
            (b"<?xml version=\"1.0\"?>", "text/plain"),
        ] {
            assert!(
                matches!(check(content_type, bytes), Err(Refusal::Active(_))),
                "{:?}",
                String::from_utf8_lossy(bytes)
            );
        }
        assert_eq!(check("text/plain", b"<3 a plain note"), Ok(()));
        assert_eq!(check("text/csv", b"a,b\n1,<b\n"), Ok(()));
    }

    #[test]
    fn text_is_utf8_without_controls() {
        assert_eq!(check("text/plain", "Grüße\r\n\tok".as_bytes()), Ok(()));
        assert_eq!(check("text/plain", b"\xff\xfe"), Err(Refusal::Mismatch));
        assert_eq!(check("text/plain", b"a\0b"), Err(Refusal::Mismatch));
        assert_eq!(check("text/csv", b"a\x1b[31m"), Err(Refusal::Mismatch));
    }

    #[test]
    fn office_files_need_their_inner_parts() {
        let docx = zip(&["[Content_Types].xml", "word/document.xml"], b"");
        assert_eq!(check(DOCX, &docx), Ok(()));
        assert_eq!(check(XLSX, &docx), Err(Refusal::Mismatch));
        let xlsx = zip(&["[Content_Types].xml", "xl/workbook.xml"], b"");
        assert_eq!(check(XLSX, &xlsx), Ok(()));
        let macros = zip(
            &[
                "[Content_Types].xml",
                "word/document.xml",
                "word/vbaProject.bin",
            ],
            b"",
        );
        assert_eq!(check(DOCX, &macros), Err(Refusal::Mismatch));
        let any_zip = zip(&["payload.exe"], b"MZ");
        assert_eq!(check(DOCX, &any_zip), Err(Refusal::Mismatch));
        assert_eq!(check(DOCX, b"PK\x03\x04 truncated"), Err(Refusal::Mismatch));
        let odt = zip(&["mimetype", "content.xml"], ODT.as_bytes());
        assert_eq!(check(ODT, &odt), Ok(()));
        assert_eq!(
            check("application/vnd.oasis.opendocument.spreadsheet", &odt),
            Err(Refusal::Mismatch)
        );
    }

    #[test]
    fn binary_formats_are_recognised_by_their_signature() {
        assert_eq!(check("application/pdf", b"%PDF-1.7\n..."), Ok(()));
        assert_eq!(check("image/png", b"\x89PNG\r\n\x1a\n\0\0"), Ok(()));
        assert_eq!(check("image/jpeg", b"GIF89a"), Err(Refusal::Mismatch));
        assert_eq!(check("image/tiff", b"II*\0\x08\0"), Ok(()));
        assert_eq!(sniff(b"\xFF\xD8\xFF\xE0rest"), Some("image/jpeg"));
        assert_eq!(sniff(b"MM\0*"), Some("image/tiff"));
        assert_eq!(sniff(b"plain text"), None);
    }
}
