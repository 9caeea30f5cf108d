//! The conversation between a case's debtor and the agency (migration
//! `000020_portal_conversation`), apart from the creditor-agency `messages`.

use crate::stored_time::StoredTimestamp;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::repositories::page::{Page, PageRequest};
use crate::schema::debtor_messages;

/// A message of the debtor conversation.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = debtor_messages)]
pub struct DebtorMessageRow {
    /// `dmg_…`, time-ordered.
    pub id: String,
    /// The case.
    pub case_id: String,
    /// `debtor` or `agency`.
    pub side: String,
    /// The debtor record, or the user or API key writing for the agency.
    pub author_id: String,
    /// The text.
    pub body: String,
    /// When it was written.
    #[diesel(deserialize_as = StoredTimestamp)]
    pub created_at: NaiveDateTime,
}

/// Stores a message.
///
/// # Errors
/// Database errors only.
pub fn insert(conn: &mut AnyConnection, row: &DebtorMessageRow) -> Result<(), PersistenceError> {
    diesel::insert_into(debtor_messages::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

/// One page of the case's conversation, in the order written (ids are time-ordered).
///
/// # Errors
/// Database errors only.
pub fn of_case(
    conn: &mut AnyConnection,
    case_id: &str,
    page: &PageRequest,
) -> Result<Page<DebtorMessageRow>, PersistenceError> {
    let mut query = debtor_messages::table
        .filter(debtor_messages::case_id.eq(case_id.to_owned()))
        .select(DebtorMessageRow::as_select())
        .into_boxed();
    if let Some(after) = &page.after {
        query = query.filter(debtor_messages::id.gt(after.clone()));
    }
    let rows = query
        .order(debtor_messages::id.asc())
        .limit(page.fetch())
        .load(conn)?;
    Ok(Page::from_rows(rows, page, |row| &row.id))
}

/// Every message the debtor `author_id` wrote on `case_ids`, oldest first (a data export).
///
/// # Errors
/// Database errors only.
pub fn written_by_debtor(
    conn: &mut AnyConnection,
    case_ids: &[String],
    author_id: &str,
) -> Result<Vec<DebtorMessageRow>, PersistenceError> {
    Ok(debtor_messages::table
        .filter(debtor_messages::case_id.eq_any(case_ids))
        .filter(debtor_messages::side.eq("debtor"))
        .filter(debtor_messages::author_id.eq(author_id))
        .select(DebtorMessageRow::as_select())
        .order(debtor_messages::id.asc())
        .load(conn)?)
}
