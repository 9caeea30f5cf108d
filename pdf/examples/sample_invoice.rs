//! Writes a sample invoice to look at: `cargo run -p solvo-pdf --example sample_invoice -- OUT.pdf [LINES]`.

use solvo_pdf::{InvoiceDocument, Line, Party, Total};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let out = args.next().unwrap_or_else(|| "invoice.pdf".to_owned());
    let lines: usize = args.next().map_or(Ok(5), |n| n.parse())?;
    let bytes = solvo_pdf::render(&sample(lines))?;
    std::fs::write(&out, &bytes)?;
    println!("{out}: {} bytes", bytes.len());
    Ok(())
}

fn sample(lines: usize) -> InvoiceDocument {
    InvoiceDocument {
        title: "Invoice".to_owned(),
        number: "INV-2026-000042".to_owned(),
        issue_date: "2026-12-02".to_owned(),
        references: vec![
            ("Period".to_owned(), "2026-11-01 – 2026-11-30".to_owned()),
            ("Currency".to_owned(), "EUR".to_owned()),
            ("Customer id".to_owned(), "CUST-000317".to_owned()),
        ],
        seller: Party {
            name: "Łódź Windykacja sp. z o.o.".to_owned(),
            address_lines: vec!["ul. Piotrkowska 104".to_owned(), "90-926 Łódź".to_owned()],
            country: "Poland".to_owned(),
            vat_id: Some("PL7251234567".to_owned()),
        },
        buyer: Party {
            name: "Δοκιμή Εισπράξεις Α.Ε.".to_owned(),
            address_lines: vec!["Λεωφόρος Κηφισίας 44".to_owned(), "151 25 Μαρούσι".to_owned()],
            country: "Greece".to_owned(),
            vat_id: Some("EL094012345".to_owned()),
        },
        lines: (1..=lines)
            .map(|n| Line {
                description: if n % 4 == 0 {
                    format!("Introduction fee for case {n:04}: a debtor introduced under the framework agreement of 2026-01-15, first instalment collected in full by Dvořák & Szőke")
                } else {
                    format!("Commission on collected amounts, case {n:04}")
                },
                detail: Some(format!("Case ref. CASE-2026-{n:06} · Жуков Иван")),
                net: format!("{},{:03}.50 €", n % 7 + 1, n * 37 % 1000),
            })
            .collect(),
        totals: vec![
            total("Net", "5,150.00 €", false),
            total("VAT 0 %", "0.00 €", false),
            total("Total", "5,150.00 €", true),
            total("Withheld from remittances", "-4,000.00 €", false),
            total("Amount due", "1,150.00 €", true),
        ],
        notes: vec![
            "Reverse charge: VAT to be accounted for by the recipient (Article 196 of Council Directive 2006/112/EC).".to_owned(),
            "Payable within 14 days to IBAN PL61 1090 1014 0000 0712 1981 2874, quoting the invoice number.".to_owned(),
        ],
    }
}

fn total(label: &str, amount: &str, emphasised: bool) -> Total {
    Total {
        label: label.to_owned(),
        amount: amount.to_owned(),
        emphasised,
    }
}
