//! The document to render: every field is text the caller has already formatted.

/// A seller or buyer as printed in the address blocks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Party {
    /// Legal name, printed bold on the first line.
    pub name: String,
    /// Street, postcode and town, one printed line each.
    pub address_lines: Vec<String>,
    /// The country in words, e.g. "Germany".
    pub country: String,
    /// The VAT identification number, printed as "VAT ID …" when present.
    pub vat_id: Option<String>,
}

/// One row of the line table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Line {
    /// What is charged; wraps when longer than the description column.
    pub description: String,
    /// A second, smaller grey line, e.g. the case reference.
    pub detail: Option<String>,
    /// The net amount, formatted ("1,234.50") and right-aligned.
    pub net: String,
}

/// One row of the totals block under the table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Total {
    /// E.g. "Net", "VAT 19 %", "Amount due".
    pub label: String,
    /// The formatted amount, right-aligned under the line amounts.
    pub amount: String,
    /// Bold with a rule above, for "Total" and "Amount due".
    pub emphasised: bool,
}

/// A fee invoice or credit note, ready to print.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InvoiceDocument {
    /// "Invoice" or "Credit note", printed large at the top right.
    pub title: String,
    /// E.g. "INV-2026-000042".
    pub number: String,
    /// E.g. "2026-12-02".
    pub issue_date: String,
    /// Label/value pairs printed under the number and date: "Period", "Currency", "Credits
    /// invoice", "Customer id".
    pub references: Vec<(String, String)>,
    /// The agency, top left and in the footer.
    pub seller: Party,
    /// The creditor, in the address window below the seller.
    pub buyer: Party,
    /// The line table, flowing onto further pages when long.
    pub lines: Vec<Line>,
    /// "Net", "VAT 19 %", "Total", "Withheld from remittances", "Amount due".
    pub totals: Vec<Total>,
    /// Paragraphs at the bottom of the last page, e.g. the reverse-charge statement.
    pub notes: Vec<String>,
}
