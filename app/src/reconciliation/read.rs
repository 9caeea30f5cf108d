//! Reading bank transactions back with their matches.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use solvo_domain::permission::Permission;
use solvo_persistence::AnyConnection;
use solvo_persistence::repositories::bank_reconciliation::{
    self as repo, BankTransactionRow, MatchRow,
};
use solvo_persistence::repositories::page::{Page, PageRequest};
use utoipa::ToSchema;

use crate::error::AppError;
use crate::principal::Principal;

/// Where a bank transaction stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum TransactionStatus {
    /// Nothing identified the case (or it is a debit that returns nothing).
    Unmatched,
    /// Posted as payments on its cases (a return: reversed the payment it returns).
    Matched,
    /// A case was found but something stands in the way; `status_reason` says what.
    Review,
    /// Set aside: not booked, or ignored by a person with a reason.
    Ignored,
}

impl TransactionStatus {
    /// The stored and wire name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Unmatched => "unmatched",
            Self::Matched => "matched",
            Self::Review => "review",
            Self::Ignored => "ignored",
        }
    }

    /// Reads a stored name.
    #[must_use]
    pub fn parse(raw: &str) -> Option<Self> {
        [Self::Unmatched, Self::Matched, Self::Review, Self::Ignored]
            .into_iter()
            .find(|status| status.as_str() == raw)
    }
}

/// A transaction with the payments it made.
#[derive(Debug, Clone)]
pub struct TransactionRecord {
    /// The stored transaction.
    pub row: BankTransactionRow,
    /// Its matches, oldest first.
    pub matches: Vec<MatchRow>,
}

/// The transactions `rows` with their matches.
///
/// # Errors
/// Database errors.
pub fn with_matches(
    conn: &mut AnyConnection,
    rows: Vec<BankTransactionRow>,
) -> Result<Vec<TransactionRecord>, AppError> {
    let ids: Vec<String> = rows.iter().map(|row| row.id.clone()).collect();
    let mut by_transaction: HashMap<String, Vec<MatchRow>> = HashMap::new();
    for found in repo::matches_of(conn, &ids)? {
        by_transaction
            .entry(found.bank_transaction_id.clone())
            .or_default()
            .push(found);
    }
    Ok(rows
        .into_iter()
        .map(|row| TransactionRecord {
            matches: by_transaction.remove(&row.id).unwrap_or_default(),
            row,
        })
        .collect())
}

/// A page of the caller's organisation's transactions, optionally of one status.
///
/// # Errors
/// [`AppError::Forbidden`] without the permission.
pub fn list(
    conn: &mut AnyConnection,
    caller: &Principal,
    status: Option<TransactionStatus>,
    page: &PageRequest,
) -> Result<Page<TransactionRecord>, AppError> {
    caller.require(Permission::ReconcileBankTransactions)?;
    let rows = repo::list(
        conn,
        &caller.organisation_id,
        status.map(TransactionStatus::as_str),
        page,
    )?;
    Ok(Page {
        items: with_matches(conn, rows.items)?,
        next_cursor: rows.next_cursor,
    })
}

/// One transaction of the caller's organisation.
///
/// # Errors
/// [`AppError::Forbidden`] without the permission; [`AppError::NotFound`], also for another
/// organisation's.
pub fn get(
    conn: &mut AnyConnection,
    caller: &Principal,
    id: &str,
) -> Result<TransactionRecord, AppError> {
    caller.require(Permission::ReconcileBankTransactions)?;
    let row = repo::find(conn, &caller.organisation_id, id)?;
    let mut found = with_matches(conn, vec![row])?;
    found.pop().ok_or(AppError::NotFound)
}
