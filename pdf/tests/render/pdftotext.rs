//! A second, independent reader: poppler's `pdftotext`, where it is installed.

use std::process::Command;

use crate::sample::{self, BUYER, SELLER};

#[test]
fn pdftotext_reads_the_names_and_totals() {
    let probe = Command::new("pdftotext").arg("-v").output();
    if probe.is_err() {
        println!("skipped: pdftotext (poppler-utils) is not installed");
        return;
    }
    let doc = sample::invoice(5);
    let bytes = solvo_pdf::render(&doc).unwrap();
    let dir = tempfile_dir();
    let path = dir.join("invoice.pdf");
    std::fs::write(&path, bytes).unwrap();

    let output = Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).ok();

    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8(output.stdout).unwrap();
    for expected in [
        SELLER,
        BUYER,
        "INV-2026-000042",
        "Page 1 of 1",
        "Amount due",
        "1,150.00 €",
    ] {
        assert!(text.contains(expected), "{expected:?} missing from {text}");
    }
}

/// A fresh directory under the system temp dir, unique to this process.
fn tempfile_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("solvo-pdf-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
