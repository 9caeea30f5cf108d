//! Importing a statement: stored whole with one row per transaction detail, then each
//! transaction matched in file order, all in one transaction (a failure leaves nothing behind).

use chrono::NaiveDateTime;
use serde_json::json;
use solvo_domain::collection_accounts::CollectionAccounts;
use solvo_domain::identifiers::Iban;
use solvo_domain::permission::Permission;
use solvo_domain::rates::RateTables;
use solvo_domain::reconciliation::camt::{self, CamtError, Statement};
use solvo_persistence::AnyConnection;
use solvo_persistence::ids::new_id;
use solvo_persistence::repositories::bank_reconciliation::{
    self as repo, BankStatementRow, BankTransactionRow,
};

use super::matching::{Context, settle};
use super::read::{TransactionRecord, TransactionStatus, with_matches};
use crate::error::AppError;
use crate::money::to_minor;
use crate::principal::Principal;

/// A statement as imported, with its transactions as the matching left them.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The stored statement.
    pub statement: BankStatementRow,
    /// Its transactions in file order.
    pub transactions: Vec<TransactionRecord>,
}

/// Reads a camt.053 or camt.054 file.
///
/// # Errors
/// [`AppError::NotXml`] for a file that is not XML; [`AppError::StatementUnreadable`] naming the
/// element for one this server does not understand.
pub fn parse_statement(bytes: &[u8]) -> Result<Statement, AppError> {
    camt::parse(bytes).map_err(|err| match err {
        CamtError::NotXml(why) => AppError::NotXml(why),
        CamtError::Unreadable { element, problem } => {
            AppError::StatementUnreadable { element, problem }
        }
    })
}

/// Stores `statement` (the file's SHA-256 is `file_sha256`) for the caller's organisation and
/// matches every transaction, posting the payments it identifies.
///
/// # Errors
/// [`AppError::Forbidden`] without the permission; [`AppError::StatementAlreadyImported`] when
/// this statement of this account was imported before; database errors. A payment the matching
/// cannot post leaves its transaction for review instead of failing the import.
pub fn import(
    conn: &mut AnyConnection,
    caller: &Principal,
    statement: &Statement,
    file_sha256: &str,
    accounts: &CollectionAccounts,
    rates: &RateTables,
    now: NaiveDateTime,
) -> Result<Imported, AppError> {
    caller.require(Permission::ImportBankStatements)?;
    let account_key = statement
        .account
        .iban
        .clone()
        .or_else(|| statement.account.other.clone())
        .unwrap_or_default();
    if let Some(earlier) = repo::find_statement_by_key(
        conn,
        &caller.organisation_id,
        &account_key,
        &statement.statement_id,
    )? {
        return Err(AppError::StatementAlreadyImported {
            statement_id: earlier.id,
        });
    }
    let collection_account = statement
        .account
        .iban
        .as_deref()
        .and_then(|iban| Iban::parse(iban).ok())
        .is_some_and(|iban| accounts.with_iban(&iban).is_some());
    let balance = |money: Option<solvo_domain::money::Money>, field: &str| {
        money.map(|money| to_minor(money, field)).transpose()
    };
    let row = BankStatementRow {
        id: new_id("bst"),
        organisation_id: caller.organisation_id.clone(),
        message_type: statement.message_type(),
        message_id: statement.message_id.clone(),
        statement_id: statement.statement_id.clone(),
        account_iban: statement.account.iban.clone(),
        account_other_id: statement.account.other.clone(),
        account_key,
        collection_account,
        currency: statement.currency,
        opening_balance_minor: balance(statement.opening_balance, "opening_balance")?,
        closing_balance_minor: balance(statement.closing_balance, "closing_balance")?,
        entry_count: i64::try_from(statement.entry_count)
            .map_err(|err| AppError::internal(err.to_string()))?,
        file_sha256: file_sha256.to_owned(),
        imported_by: caller.actor_id().to_owned(),
        created_at: now,
    };
    repo::insert_statement(conn, &row).map_err(|err| match err {
        // A concurrent import of the same statement committed first.
        solvo_persistence::PersistenceError::Conflict(_) => AppError::Conflict(
            "This statement is being imported by another request; read it again.".into(),
        ),
        other => other.into(),
    })?;
    let rows = statement
        .transactions
        .iter()
        .map(|tx| transaction_row(&row, tx, now))
        .collect::<Result<Vec<_>, _>>()?;
    repo::insert_transactions(conn, &rows)?;
    let context = Context {
        caller,
        statement: &row,
        rates,
        now,
    };
    for (stored, parsed) in rows.iter().zip(&statement.transactions) {
        settle(conn, &context, stored, parsed)?;
    }
    let stored = repo::of_statement(conn, &row.id)?;
    let transactions = with_matches(conn, stored)?;
    Ok(Imported {
        statement: row,
        transactions,
    })
}

fn transaction_row(
    statement: &BankStatementRow,
    tx: &camt::Transaction,
    now: NaiveDateTime,
) -> Result<BankTransactionRow, AppError> {
    let number = |n: usize| i64::try_from(n).map_err(|err| AppError::internal(err.to_string()));
    let references: Vec<serde_json::Value> = tx
        .creditor_references
        .iter()
        .map(|reference| {
            json!({
                "reference": reference.reference,
                "scheme": reference.scheme,
                "issuer": reference.issuer,
            })
        })
        .collect();
    Ok(BankTransactionRow {
        id: new_id("btx"),
        bank_statement_id: statement.id.clone(),
        organisation_id: statement.organisation_id.clone(),
        entry_number: number(tx.entry_number)?,
        detail_number: number(tx.detail_number)?,
        entry_status: tx.status.clone(),
        booking_date: tx.booking_date,
        value_date: tx.value_date,
        direction: tx.direction.as_str().to_owned(),
        amount_minor: to_minor(tx.amount, "amount")?,
        currency: tx.amount.currency(),
        reversal_indicator: tx.reversal,
        counterparty_name: tx.counterparty_name.clone(),
        counterparty_iban: tx.counterparty_iban.clone(),
        end_to_end_id: tx.end_to_end_id.clone(),
        bank_reference: tx.bank_reference.clone(),
        creditor_references: serde_json::to_string(&references)?,
        remittance_text: tx.remittance_text.clone(),
        return_reasons: serde_json::to_string(&tx.return_reasons)?,
        status: TransactionStatus::Unmatched.as_str().to_owned(),
        match_method: None,
        status_reason: None,
        candidate_case_id: None,
        reverses_transaction_id: None,
        updated_by: None,
        created_at: now,
        updated_at: now,
    })
}
