//! Invoices to render: a realistic five-line one and variations on it.

use solvo_pdf::{InvoiceDocument, Line, Party, Total};

pub const SELLER: &str = "Łódź Windykacja sp. z o.o.";
pub const BUYER: &str = "Δοκιμή Εισπράξεις Α.Ε.";

fn party(name: &str, lines: &[&str], country: &str, vat_id: Option<&str>) -> Party {
    Party {
        name: name.to_owned(),
        address_lines: lines.iter().map(|line| (*line).to_owned()).collect(),
        country: country.to_owned(),
        vat_id: vat_id.map(str::to_owned),
    }
}

pub fn line(n: usize) -> Line {
    Line {
        description: format!("Commission on collected amounts, case {n:04}"),
        detail: Some(format!(
            "Case ref. CASE-2026-{n:06} · Dvořák / Szőke / Жуков"
        )),
        net: format!("{},{:03}.50 €", n % 7 + 1, n * 37 % 1000),
    }
}

pub fn total(label: &str, amount: &str, emphasised: bool) -> Total {
    Total {
        label: label.to_owned(),
        amount: amount.to_owned(),
        emphasised,
    }
}

/// An invoice of `lines` lines from a Polish agency to a Greek creditor.
pub fn invoice(lines: usize) -> InvoiceDocument {
    InvoiceDocument {
        title: "Invoice".to_owned(),
        number: "INV-2026-000042".to_owned(),
        issue_date: "2026-12-02".to_owned(),
        references: vec![
            ("Period".to_owned(), "2026-11-01 – 2026-11-30".to_owned()),
            ("Currency".to_owned(), "EUR".to_owned()),
            ("Customer id".to_owned(), "CUST-000317".to_owned()),
        ],
        seller: party(
            SELLER,
            &["ul. Piotrkowska 104", "90-926 Łódź"],
            "Poland",
            Some("PL7251234567"),
        ),
        buyer: party(
            BUYER,
            &["Λεωφόρος Κηφισίας 44", "151 25 Μαρούσι"],
            "Greece",
            Some("EL094012345"),
        ),
        lines: (1..=lines).map(line).collect(),
        totals: vec![
            total("Net", "5,150.00 €", false),
            total("VAT 0 %", "0.00 €", false),
            total("Total", "5,150.00 €", true),
            total("Withheld from remittances", "-4,000.00 €", false),
            total("Amount due", "1,150.00 €", true),
        ],
        notes: vec![
            "Reverse charge: VAT to be accounted for by the recipient (Article 196 of Council Directive 2006/112/EC).".to_owned(),
            "Payable within 14 days to IBAN PL61 1090 1014 0000 0712 1981 2874.".to_owned(),
        ],
    }
}
