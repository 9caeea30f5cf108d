//! How a fee invoice adds up: net lines, VAT on their sum, what was already withheld from
//! remittances, and what is left to pay.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::vat::VatTreatment;
use crate::money::{Currency, Money, MoneyError};

/// What a line bills.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LineSource {
    /// A fee posted on a case (introduction, withdrawal).
    CaseFee,
    /// The success commission a remittance withheld (already paid by set-off).
    RemittanceCommission,
    /// The commission on payments the debtor made to the creditor directly.
    DirectPaymentCommission,
}

impl LineSource {
    /// The stored and wire name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::CaseFee => "case_fee",
            Self::RemittanceCommission => "remittance_commission",
            Self::DirectPaymentCommission => "direct_payment_commission",
        }
    }

    /// Reads a stored name.
    #[must_use]
    pub fn parse(raw: &str) -> Option<Self> {
        [
            Self::CaseFee,
            Self::RemittanceCommission,
            Self::DirectPaymentCommission,
        ]
        .into_iter()
        .find(|source| source.as_str() == raw)
    }
}

/// One line: its net amount, and whether the creditor paid it already by set-off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvoiceLine {
    /// What it bills.
    pub source: LineSource,
    /// Net of VAT; negative gives commission back (a remitted payment reversed since).
    pub net: Money,
}

impl InvoiceLine {
    /// What the creditor already paid of the line: the commission a remittance withheld.
    #[must_use]
    pub fn withheld(&self) -> Money {
        match self.source {
            LineSource::RemittanceCommission => self.net,
            LineSource::CaseFee | LineSource::DirectPaymentCommission => {
                Money::zero(self.net.currency())
            }
        }
    }
}

/// The totals of an invoice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvoiceTotals {
    /// The lines' sum.
    pub net: Money,
    /// VAT on the net sum, rounded once.
    pub vat: Money,
    /// Net plus VAT.
    pub total: Money,
    /// Commission already withheld from remittances (net; its VAT is not).
    pub withheld: Money,
    /// Total less withheld: what the creditor pays (negative: what the agency owes back).
    pub amount_due: Money,
}

/// Adds the lines up under `vat`. VAT is computed once on the net total, not per line, so the
/// figures on the invoice reconcile: Article 226(8) and (10) of Directive 2006/112/EC ask for
/// the taxable amount per rate and the VAT payable.
///
/// # Errors
/// [`MoneyError`] on overflow or a line in another currency.
pub fn totals(
    lines: &[InvoiceLine],
    vat: VatTreatment,
    currency: Currency,
) -> Result<InvoiceTotals, MoneyError> {
    let net = Money::checked_sum(lines.iter().map(|line| line.net), currency)?;
    let withheld = Money::checked_sum(lines.iter().map(InvoiceLine::withheld), currency)?;
    let rate = Decimal::new(i64::from(vat.rate_bp()), 4);
    let vat = net.checked_mul_rounded(rate)?;
    let total = net.checked_add(vat)?;
    Ok(InvoiceTotals {
        net,
        vat,
        total,
        withheld,
        amount_due: total.checked_sub(withheld)?,
    })
}
