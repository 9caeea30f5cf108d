//! The accounts of a case's ledger, with the spellings the ledger rows store.

use serde::{Deserialize, Serialize};
use std::fmt;

/// One account of a case's ledger. Every posting names one; a balance is a sum per account.
///
/// Signs: a posting that adds to what is owed on the account is positive, a reduction (a credit
/// note, a write-off, a payment allocated to it) is negative. The `payment` account is the one
/// exception in meaning: a payment received is posted as a negative amount, so the amount paid is
/// `-sum(payment)`.
#[cfg_attr(
    feature = "storage",
    derive(diesel::AsExpression, diesel::FromSqlRow),
    diesel(sql_type = diesel::sql_types::Text)
)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Account {
    /// The invoices' principal. Owed by the debtor. Positive when an invoice is booked, negative
    /// when a payment or a credit note reduces it; interest runs on its running total per invoice.
    Principal,
    /// Interest booked on the ledger (for example a payment allocated to interest, negative), on
    /// top of the statutory interest a balance computes. Owed by the debtor.
    Interest,
    /// The fixed recovery compensation the statute gives the creditor (EUR 40 under Directive
    /// 2011/7/EU art. 6 and its transpositions). Owed by the debtor; positive when it falls due.
    Compensation,
    /// Collection and legal costs recoverable from the debtor (court fees, enforcement costs).
    /// Owed by the debtor; positive when incurred.
    Costs,
    /// The agency's fees (introduction, withdrawal). Owed by the creditor to the agency, never by
    /// the debtor, so they are not part of what the debtor owes. Positive when charged.
    Fees,
    /// What the debtor paid. Negative for money received (so `paid = -sum(payment)`), positive
    /// for a refund or a reversed payment.
    Payment,
    /// The part of payments not allocated to any debt (an overpayment): money held for the
    /// debtor. Negative when held (so `unapplied = -sum(unapplied)`), positive when refunded or
    /// when the payment is reversed. Every payment posts its amount on `payment` and the same
    /// amount, split, on the owed accounts it paid and on `unapplied`.
    Unapplied,
}

impl Account {
    /// Every account, in the order a statement lists them.
    pub const ALL: [Account; 7] = [
        Account::Principal,
        Account::Interest,
        Account::Compensation,
        Account::Costs,
        Account::Fees,
        Account::Payment,
        Account::Unapplied,
    ];

    /// The name stored in ledger rows and used on the wire.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Principal => "principal",
            Self::Interest => "interest",
            Self::Compensation => "compensation",
            Self::Costs => "costs",
            Self::Fees => "fees",
            Self::Payment => "payment",
            Self::Unapplied => "unapplied",
        }
    }

    /// Reads a stored name; `None` for anything else (the spelling is exact, as stored).
    #[must_use]
    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|account| account.as_str() == raw)
    }

    /// Whether the debtor owes the account's total: principal, interest, compensation and costs.
    /// Fees are the creditor's debt to the agency, and payments reduce the debt rather than form
    /// part of it.
    #[must_use]
    pub fn owed_by_debtor(self) -> bool {
        matches!(
            self,
            Self::Principal | Self::Interest | Self::Compensation | Self::Costs
        )
    }
}

impl fmt::Display for Account {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::Account;

    #[test]
    fn every_account_reads_back_from_its_stored_name() {
        for account in Account::ALL {
            assert_eq!(Account::parse(account.as_str()), Some(account));
        }
        assert_eq!(Account::parse("Principal"), None, "spellings are exact");
        assert_eq!(Account::parse("fee"), None);
    }

    #[test]
    fn the_stored_names_are_the_ones_the_ledger_rows_use() {
        let names: Vec<&str> = Account::ALL.iter().map(|a| a.as_str()).collect();
        assert_eq!(
            names,
            [
                "principal",
                "interest",
                "compensation",
                "costs",
                "fees",
                "payment",
                "unapplied"
            ]
        );
    }

    #[test]
    fn serde_uses_the_stored_names() {
        assert_eq!(
            serde_json::to_string(&Account::Compensation).unwrap(),
            "\"compensation\""
        );
        let read: Account = serde_json::from_str("\"payment\"").unwrap();
        assert_eq!(read, Account::Payment);
    }

    #[test]
    fn the_debtor_owes_neither_fees_nor_payments_nor_credit() {
        let owed: Vec<Account> = Account::ALL
            .into_iter()
            .filter(|account| account.owed_by_debtor())
            .collect();
        assert_eq!(
            owed,
            [
                Account::Principal,
                Account::Interest,
                Account::Compensation,
                Account::Costs
            ]
        );
    }
}
