//! From the uploaded bytes to text, and from a byte offset in that text to the line a
//! spreadsheet shows.
//!
//! Excel saves "CSV UTF-8" with a BOM, plain "CSV" in the Windows code page (Windows-1252 in
//! Western Europe) and "Unicode text" as UTF-16 with a BOM; other tools drop the BOM. A file
//! that is not valid UTF-8 and has no BOM is read as Windows-1252: it is the only legacy code
//! page those files come in here, and a byte it leaves undefined refuses the file rather than
//! guessing.

use std::borrow::Cow;

use serde::Serialize;
use utoipa::ToSchema;

use crate::error::AppError;

/// How the file's bytes were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
pub enum TextEncoding {
    /// UTF-8 without a byte order mark.
    #[serde(rename = "utf-8")]
    Utf8,
    /// UTF-8 with a byte order mark (Excel's "CSV UTF-8").
    #[serde(rename = "utf-8-bom")]
    Utf8Bom,
    /// UTF-16 little endian with a byte order mark (Excel's "Unicode text").
    #[serde(rename = "utf-16le")]
    Utf16Le,
    /// UTF-16 big endian with a byte order mark.
    #[serde(rename = "utf-16be")]
    Utf16Be,
    /// Windows-1252, detected because the file is not valid UTF-8 (Excel's plain "CSV").
    #[serde(rename = "windows-1252")]
    Windows1252,
}

const SAVE_AS_UTF8: &str = "In Excel choose Save As, \"CSV UTF-8 (comma delimited)\".";

/// The file as text, without its byte order mark.
///
/// # Errors
/// 422 on `body` when the bytes are no text in an encoding read here.
pub fn decode(bytes: &[u8]) -> Result<(Cow<'_, str>, TextEncoding), AppError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return match std::str::from_utf8(rest) {
            Ok(text) => Ok((Cow::Borrowed(text), TextEncoding::Utf8Bom)),
            Err(err) => Err(not_text(format!(
                "The file starts as UTF-8 but byte {} is not UTF-8. {SAVE_AS_UTF8}",
                err.valid_up_to() + 3
            ))),
        };
    }
    for (bom, encoding, name, kind) in [
        (
            b"\xFF\xFE",
            encoding_rs::UTF_16LE,
            "UTF-16 LE",
            TextEncoding::Utf16Le,
        ),
        (
            b"\xFE\xFF",
            encoding_rs::UTF_16BE,
            "UTF-16 BE",
            TextEncoding::Utf16Be,
        ),
    ] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            return encoding
                .decode_without_bom_handling_and_without_replacement(rest)
                .map(|text| (Cow::Owned(text.into_owned()), kind))
                .ok_or_else(|| {
                    not_text(format!(
                        "The file starts as {name} but is not valid {name}. {SAVE_AS_UTF8}"
                    ))
                });
        }
    }
    if bytes.contains(&0) {
        return Err(not_text(format!(
            "The file holds NUL bytes: UTF-16 without a byte order mark, or not a CSV file. {SAVE_AS_UTF8}"
        )));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((Cow::Borrowed(text), TextEncoding::Utf8));
    }
    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
    // Five bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) are unassigned in Windows-1252 and decode to C1
    // controls; a file holding one is in some other code page, and its letters would be wrong.
    if let Some(offset) = text.find(|c: char| ('\u{80}'..='\u{9f}').contains(&c)) {
        let line = LineIndex::new(&text).line(offset);
        return Err(not_text(format!(
            "The file is neither UTF-8 nor Windows-1252 (line {line} holds a byte neither defines). {SAVE_AS_UTF8}"
        )));
    }
    Ok((Cow::Owned(text.into_owned()), TextEncoding::Windows1252))
}

fn not_text(message: String) -> AppError {
    AppError::invalid("body", "unreadable_encoding", message)
}

/// Where each line of a text starts, counting `\r\n`, `\n` and `\r` each as one line end, so
/// a row's number is the one a spreadsheet shows whichever system saved the file.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes `text`.
    #[must_use]
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut index = 0;
        while index < bytes.len() {
            match bytes[index] {
                b'\r' if bytes.get(index + 1) == Some(&b'\n') => {
                    index += 2;
                    starts.push(index);
                }
                b'\r' | b'\n' => {
                    index += 1;
                    starts.push(index);
                }
                _ => index += 1,
            }
        }
        Self { starts }
    }

    /// The 1-based line holding byte `offset`.
    #[must_use]
    pub fn line(&self, offset: usize) -> u64 {
        let line = self.starts.partition_point(|start| *start <= offset);
        u64::try_from(line).unwrap_or(u64::MAX)
    }

    /// The line ends the text uses, `CRLF`, `LF` or `CR` (the first one found), for the
    /// import's report.
    #[must_use]
    pub fn line_ending(text: &str) -> &'static str {
        match text.find(['\r', '\n']) {
            Some(at) if text[at..].starts_with("\r\n") => "CRLF",
            Some(at) if text[at..].starts_with('\r') => "CR",
            _ => "LF",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_encoding_is_recognised() {
        let (text, kind) = decode("a;b\n".as_bytes()).unwrap();
        assert_eq!((text.as_ref(), kind), ("a;b\n", TextEncoding::Utf8));
        let (text, kind) = decode(b"\xEF\xBB\xBFa\xC3\xA4").unwrap();
        assert_eq!((text.as_ref(), kind), ("a\u{e4}", TextEncoding::Utf8Bom));
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(
                "M\u{fc}ller \u{20ac}"
                    .encode_utf16()
                    .flat_map(u16::to_le_bytes),
            )
            .collect();
        let (text, kind) = decode(&le).unwrap();
        assert_eq!(
            (text.as_ref(), kind),
            ("M\u{fc}ller \u{20ac}", TextEncoding::Utf16Le)
        );
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("\u{e4}".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&be).unwrap().1, TextEncoding::Utf16Be);
        // ä, € and the typographic quotes as Excel writes them in its plain "CSV".
        let (text, kind) = decode(b"K\xe4se 1.250,00 \x80 \x84x\x93").unwrap();
        assert_eq!(
            (text.as_ref(), kind),
            (
                "K\u{e4}se 1.250,00 \u{20ac} \u{201e}x\u{201c}",
                TextEncoding::Windows1252
            )
        );
    }

    #[test]
    fn bytes_of_no_encoding_read_here_refuse_the_file() {
        assert!(decode(b"a\xe4\n\x81").is_err());
        assert!(decode(b"a\x00b\x00").is_err());
        assert!(decode(b"\xEF\xBB\xBFa\xe4").is_err());
        assert!(decode(b"\xFF\xFE\x00\xD8").is_err(), "a lone surrogate");
    }

    #[test]
    fn lines_are_counted_alike_for_every_line_end() {
        for text in ["h\nr1\nr2\n", "h\r\nr1\r\nr2\r\n", "h\rr1\rr2\r"] {
            let index = LineIndex::new(text);
            let second = text.find("r1").unwrap();
            let third = text.find("r2").unwrap();
            assert_eq!(
                (index.line(0), index.line(second), index.line(third)),
                (1, 2, 3),
                "{text:?}"
            );
        }
        assert_eq!(LineIndex::line_ending("a\r\nb"), "CRLF");
        assert_eq!(LineIndex::line_ending("a\rb"), "CR");
        assert_eq!(LineIndex::line_ending("a\nb"), "LF");
    }
}
