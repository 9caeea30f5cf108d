//! Bank statements as imported, their transactions (one per transaction detail) and the
//! payments each transaction was matched to. Every read is scoped by the importing organisation.

use crate::stored_time::StoredTimestamp;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::repositories::page::{Page, PageRequest};
use crate::schema::{bank_statements, bank_transaction_matches, bank_transactions, cases};
use solvo_domain::money::Currency;

/// A stored statement.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = bank_statements, treat_none_as_default_value = false)]
pub struct BankStatementRow {
    /// `bst_…`
    pub id: String,
    /// The importing organisation (the agency).
    pub organisation_id: String,
    /// `camt.053.001.02` …
    pub message_type: String,
    /// `GrpHdr/MsgId`.
    pub message_id: String,
    /// `Stmt/Id` or `Ntfctn/Id`.
    pub statement_id: String,
    /// The account's IBAN.
    pub account_iban: Option<String>,
    /// The bank's own account id, for an account without an IBAN.
    pub account_other_id: Option<String>,
    /// The IBAN, else the other id.
    pub account_key: String,
    /// Whether the IBAN is a configured collection account.
    pub collection_account: bool,
    /// ISO 4217.
    pub currency: Currency,
    /// Signed, minor units.
    pub opening_balance_minor: Option<i64>,
    /// Signed, minor units.
    pub closing_balance_minor: Option<i64>,
    /// Entries (`Ntry`) in the file.
    pub entry_count: i64,
    /// SHA-256 of the file, hex.
    pub file_sha256: String,
    /// The user or API key that imported it.
    pub imported_by: String,
    /// When.
    #[diesel(deserialize_as = StoredTimestamp)]
    pub created_at: NaiveDateTime,
}

/// A stored bank transaction.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = bank_transactions, treat_none_as_default_value = false)]
pub struct BankTransactionRow {
    /// `btx_…`
    pub id: String,
    /// Its statement.
    pub bank_statement_id: String,
    /// The importing organisation.
    pub organisation_id: String,
    /// The entry's position, from 1.
    pub entry_number: i64,
    /// The detail's position in its entry, from 1.
    pub detail_number: i64,
    /// `BOOK`, `PDNG`, …
    pub entry_status: String,
    /// Booking date.
    pub booking_date: Option<NaiveDate>,
    /// Value date.
    pub value_date: Option<NaiveDate>,
    /// `credit` or `debit`.
    pub direction: String,
    /// Non-negative, minor units.
    pub amount_minor: i64,
    /// ISO 4217.
    pub currency: Currency,
    /// `RvslInd`.
    pub reversal_indicator: bool,
    /// The other party's name.
    pub counterparty_name: Option<String>,
    /// The other party's IBAN.
    pub counterparty_iban: Option<String>,
    /// End-to-end id.
    pub end_to_end_id: Option<String>,
    /// The bank's reference.
    pub bank_reference: Option<String>,
    /// JSON list of structured creditor references.
    pub creditor_references: String,
    /// Unstructured remittance text.
    pub remittance_text: Option<String>,
    /// JSON list of return reason codes.
    pub return_reasons: String,
    /// `unmatched`, `matched`, `review` or `ignored`.
    pub status: String,
    /// How it was matched.
    pub match_method: Option<String>,
    /// Why it waits for review or was ignored.
    pub status_reason: Option<String>,
    /// The case the matching found but could not post to (review).
    pub candidate_case_id: Option<String>,
    /// The credit a return reversed.
    pub reverses_transaction_id: Option<String>,
    /// Who changed its status last (none when only the import did).
    pub updated_by: Option<String>,
    /// Imported at.
    #[diesel(deserialize_as = StoredTimestamp)]
    pub created_at: NaiveDateTime,
    /// Last change.
    #[diesel(deserialize_as = StoredTimestamp)]
    pub updated_at: NaiveDateTime,
}

/// One payment a transaction made on one case.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = bank_transaction_matches, treat_none_as_default_value = false)]
pub struct MatchRow {
    /// `btm_…`
    pub id: String,
    /// The transaction.
    pub bank_transaction_id: String,
    /// The case.
    pub case_id: String,
    /// The payment posted (for a return: the payment it reversed).
    pub payment_id: Option<String>,
    /// Positive, minor units.
    pub amount_minor: i64,
    /// ISO 4217.
    pub currency: Currency,
    /// When.
    #[diesel(deserialize_as = StoredTimestamp)]
    pub created_at: NaiveDateTime,
}

/// A transaction's new status.
#[derive(Debug, Clone, AsChangeset)]
#[diesel(table_name = bank_transactions, treat_none_as_null = true)]
pub struct StatusChange {
    /// New status.
    pub status: String,
    /// How it was matched, when matched.
    pub match_method: Option<String>,
    /// Why, for review and ignored.
    pub status_reason: Option<String>,
    /// The case found, for review.
    pub candidate_case_id: Option<String>,
    /// The credit a return reversed.
    pub reverses_transaction_id: Option<String>,
    /// Who.
    pub updated_by: Option<String>,
    /// When.
    pub updated_at: NaiveDateTime,
}

/// Stores a statement.
///
/// # Errors
/// [`PersistenceError::Conflict`] when the organisation imported this statement of this account
/// before.
pub fn insert_statement(
    conn: &mut AnyConnection,
    row: &BankStatementRow,
) -> Result<(), PersistenceError> {
    diesel::insert_into(bank_statements::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

/// The organisation's earlier import of statement `statement_id` of account `account_key`.
///
/// # Errors
/// Database errors only.
pub fn find_statement_by_key(
    conn: &mut AnyConnection,
    organisation_id: &str,
    account_key: &str,
    statement_id: &str,
) -> Result<Option<BankStatementRow>, PersistenceError> {
    Ok(bank_statements::table
        .filter(bank_statements::organisation_id.eq(organisation_id))
        .filter(bank_statements::account_key.eq(account_key))
        .filter(bank_statements::statement_id.eq(statement_id))
        .select(BankStatementRow::as_select())
        .first(conn)
        .optional()?)
}

/// Stores transactions.
///
/// # Errors
/// Database errors only.
pub fn insert_transactions(
    conn: &mut AnyConnection,
    rows: &[BankTransactionRow],
) -> Result<(), PersistenceError> {
    // 29 columns a row: 500 rows stay well under SQLite's 32,766 bound parameters.
    for chunk in rows.chunks(500) {
        crate::dialect::insert_batch!(conn, bank_transactions::table, chunk)?;
    }
    Ok(())
}

/// The statement's transactions in file order.
///
/// # Errors
/// Database errors only.
pub fn of_statement(
    conn: &mut AnyConnection,
    statement_id: &str,
) -> Result<Vec<BankTransactionRow>, PersistenceError> {
    Ok(bank_transactions::table
        .filter(bank_transactions::bank_statement_id.eq(statement_id))
        .order((
            bank_transactions::entry_number.asc(),
            bank_transactions::detail_number.asc(),
        ))
        .select(BankTransactionRow::as_select())
        .load(conn)?)
}

/// One transaction of the organisation.
///
/// # Errors
/// [`PersistenceError::NotFound`], also for another organisation's.
pub fn find(
    conn: &mut AnyConnection,
    organisation_id: &str,
    id: &str,
) -> Result<BankTransactionRow, PersistenceError> {
    Ok(bank_transactions::table
        .filter(bank_transactions::id.eq(id))
        .filter(bank_transactions::organisation_id.eq(organisation_id))
        .select(BankTransactionRow::as_select())
        .first(conn)?)
}

/// A page of the organisation's transactions, oldest first, optionally of one status.
///
/// # Errors
/// Database errors only.
pub fn list(
    conn: &mut AnyConnection,
    organisation_id: &str,
    status: Option<&str>,
    page: &PageRequest,
) -> Result<Page<BankTransactionRow>, PersistenceError> {
    let mut query = bank_transactions::table
        .filter(bank_transactions::organisation_id.eq(organisation_id.to_owned()))
        .into_boxed();
    if let Some(status) = status {
        query = query.filter(bank_transactions::status.eq(status.to_owned()));
    }
    if let Some(after) = &page.after {
        query = query.filter(bank_transactions::id.gt(after.clone()));
    }
    let rows = query
        .order(bank_transactions::id.asc())
        .limit(page.fetch())
        .select(BankTransactionRow::as_select())
        .load(conn)?;
    Ok(Page::from_rows(rows, page, |row| &row.id))
}

/// Sets a transaction's status.
///
/// # Errors
/// [`PersistenceError::NotFound`] when there is no such transaction.
pub fn set_status(
    conn: &mut AnyConnection,
    id: &str,
    change: &StatusChange,
) -> Result<(), PersistenceError> {
    let updated = diesel::update(bank_transactions::table.filter(bank_transactions::id.eq(id)))
        .set(change)
        .execute(conn)?;
    if updated == 0 {
        return Err(PersistenceError::NotFound);
    }
    Ok(())
}

/// Stores matches.
///
/// # Errors
/// Database errors only.
pub fn insert_matches(conn: &mut AnyConnection, rows: &[MatchRow]) -> Result<(), PersistenceError> {
    for chunk in rows.chunks(1_000) {
        crate::dialect::insert_batch!(conn, bank_transaction_matches::table, chunk)?;
    }
    Ok(())
}

/// The matches of transactions `ids`.
///
/// # Errors
/// Database errors only.
pub fn matches_of(
    conn: &mut AnyConnection,
    ids: &[String],
) -> Result<Vec<MatchRow>, PersistenceError> {
    let mut found = Vec::new();
    for chunk in ids.chunks(500) {
        let rows: Vec<MatchRow> = bank_transaction_matches::table
            .filter(bank_transaction_matches::bank_transaction_id.eq_any(chunk))
            .order(bank_transaction_matches::id.asc())
            .select(MatchRow::as_select())
            .load(conn)?;
        found.extend(rows);
    }
    Ok(found)
}

/// Removes a transaction's matches (when it is unmatched).
///
/// # Errors
/// Database errors only.
pub fn delete_matches(
    conn: &mut AnyConnection,
    transaction_id: &str,
) -> Result<(), PersistenceError> {
    diesel::delete(
        bank_transaction_matches::table
            .filter(bank_transaction_matches::bank_transaction_id.eq(transaction_id)),
    )
    .execute(conn)?;
    Ok(())
}

/// The organisation's matched credits with end-to-end id `end_to_end_id`, oldest first.
///
/// # Errors
/// Database errors only.
pub fn matched_credits_with_end_to_end_id(
    conn: &mut AnyConnection,
    organisation_id: &str,
    end_to_end_id: &str,
) -> Result<Vec<BankTransactionRow>, PersistenceError> {
    Ok(bank_transactions::table
        .filter(bank_transactions::organisation_id.eq(organisation_id))
        .filter(bank_transactions::end_to_end_id.eq(end_to_end_id))
        .filter(bank_transactions::direction.eq("credit"))
        .filter(bank_transactions::status.eq("matched"))
        .order(bank_transactions::id.asc())
        .select(BankTransactionRow::as_select())
        .load(conn)?)
}

/// The organisation's matched credits of `amount_minor` in `currency` that paid case `case_id`,
/// oldest first.
///
/// # Errors
/// Database errors only.
pub fn matched_credits_of_case(
    conn: &mut AnyConnection,
    organisation_id: &str,
    case_id: &str,
    amount_minor: i64,
    currency: Currency,
) -> Result<Vec<BankTransactionRow>, PersistenceError> {
    Ok(bank_transactions::table
        .inner_join(bank_transaction_matches::table)
        .filter(bank_transactions::organisation_id.eq(organisation_id))
        .filter(bank_transaction_matches::case_id.eq(case_id))
        .filter(bank_transactions::direction.eq("credit"))
        .filter(bank_transactions::status.eq("matched"))
        .filter(bank_transactions::amount_minor.eq(amount_minor))
        .filter(bank_transactions::currency.eq(currency))
        .order(bank_transactions::id.asc())
        .select(BankTransactionRow::as_select())
        .distinct()
        .load(conn)?)
}

/// Whether the organisation matched a transaction from `iban` to a case of debtor `debtor_id`:
/// the IBAN is one the debtor pays from.
///
/// # Errors
/// Database errors only.
pub fn debtor_paid_from(
    conn: &mut AnyConnection,
    organisation_id: &str,
    debtor_id: &str,
    iban: &str,
) -> Result<bool, PersistenceError> {
    let found: Option<String> = bank_transactions::table
        .inner_join(bank_transaction_matches::table.inner_join(cases::table))
        .filter(bank_transactions::organisation_id.eq(organisation_id))
        .filter(bank_transactions::counterparty_iban.eq(iban))
        .filter(cases::debtor_id.eq(debtor_id))
        .select(bank_transactions::id)
        .first(conn)
        .optional()?;
    Ok(found.is_some())
}
