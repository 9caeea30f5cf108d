//! Errors of the fee module.

use crate::money::MoneyError;

/// Why a fee could not be computed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FeeError {
    /// Money arithmetic failed, most often an amount in another currency than the schedule's.
    #[error(transparent)]
    Money(#[from] MoneyError),
    /// The schedule is not usable; the text says which rule it breaks.
    #[error("invalid fee schedule: {0}")]
    InvalidSchedule(&'static str),
    /// An amount that must not be negative (a principal, a recovery, a cost) was.
    #[error("amounts for fees must not be negative")]
    NegativeAmount,
    /// A quote was asked for without any invoice.
    #[error("a quote needs at least one invoice")]
    NoInvoices,
    /// More invoices than one quote or recovery accepts.
    #[error("at most {0} invoices per quote")]
    TooManyInvoices(usize),
}
