//! Builders shared by the ledger tests.

use super::{Account, LedgerInvoice, Posting};
use crate::jurisdiction::JurisdictionCode;
use crate::money::{Currency, Money};
use chrono::NaiveDate;

pub(super) fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub(super) fn money(text: &str, currency: Currency) -> Money {
    Money::parse(text, currency).unwrap()
}

pub(super) fn eur(text: &str) -> Money {
    money(text, Currency::EUR)
}

pub(super) fn code(text: &str) -> JurisdictionCode {
    JurisdictionCode::parse(text).unwrap()
}

/// An invoice keyed `inv-{n}`, numbered `INV-{n}`.
pub(super) fn invoice(n: u32, due_date: NaiveDate, principal: Money) -> LedgerInvoice {
    LedgerInvoice {
        id: format!("inv-{n}"),
        number: format!("INV-{n}"),
        due_date,
        principal,
    }
}

pub(super) fn posting(
    invoice: Option<&str>,
    account: Account,
    amount: Money,
    effective_date: NaiveDate,
) -> Posting {
    Posting {
        invoice: invoice.map(ToOwned::to_owned),
        account,
        amount,
        effective_date,
        description: String::new(),
    }
}
