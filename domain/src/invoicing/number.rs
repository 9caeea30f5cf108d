//! Invoice numbers: a series, the year of issue and a sequence without gaps, as
//! `INV-2026-000042`.
//!
//! Article 226(2) of Council Directive 2006/112/EC asks for "a sequential number, based on one
//! or more series, which uniquely identifies the invoice"; several member states (Germany's
//! `UStG` 14(4) no. 4, France's CGI annexe II art. 242 nonies A) read that as no gaps. Credit notes
//! have their own series, so cancelling an invoice never leaves a hole in either.

use serde::{Deserialize, Serialize};

/// An invoice or the credit note that cancels one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// Bills fees and commission.
    Invoice,
    /// Cancels an invoice in full.
    CreditNote,
}

impl DocumentKind {
    /// The stored and wire name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Invoice => "invoice",
            Self::CreditNote => "credit_note",
        }
    }

    /// Reads a stored name.
    #[must_use]
    pub fn parse(raw: &str) -> Option<Self> {
        [Self::Invoice, Self::CreditNote]
            .into_iter()
            .find(|kind| kind.as_str() == raw)
    }

    /// The numbering series.
    #[must_use]
    pub fn series(self) -> &'static str {
        match self {
            Self::Invoice => "INV",
            Self::CreditNote => "CRN",
        }
    }

    /// The document's title.
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Self::Invoice => "Invoice",
            Self::CreditNote => "Credit note",
        }
    }
}

/// A number within its series and year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvoiceNumber {
    /// Invoice or credit note.
    pub kind: DocumentKind,
    /// The year of issue.
    pub year: i32,
    /// 1 for the first of the year, then without gaps.
    pub sequence: i64,
}

impl std::fmt::Display for InvoiceNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}-{}-{:06}",
            self.kind.series(),
            self.year,
            self.sequence
        )
    }
}
