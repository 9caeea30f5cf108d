//! Debtors' portal access codes, one per case (see the migration `000017_debtor_portal`).

use crate::stored_time::StoredTimestamp;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::schema::debtor_access;

/// A case's current access code.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = debtor_access)]
pub struct DebtorAccessRow {
    /// `dac_…`; a portal session names it, so a new code ends the sessions of the old one.
    pub id: String,
    /// The case.
    pub case_id: String,
    /// argon2id PHC string of the code.
    pub code_hash: String,
    /// The user or API key that issued it.
    pub issued_by: String,
    /// When.
    #[diesel(deserialize_as = StoredTimestamp)]
    pub issued_at: NaiveDateTime,
}

/// Makes `row` the case's code, replacing any earlier one.
///
/// # Errors
/// Database errors only.
pub fn replace(conn: &mut AnyConnection, row: &DebtorAccessRow) -> Result<(), PersistenceError> {
    diesel::delete(debtor_access::table.filter(debtor_access::case_id.eq(&row.case_id)))
        .execute(conn)?;
    diesel::insert_into(debtor_access::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

/// The case's current code, if one was issued.
///
/// # Errors
/// Database errors only.
pub fn of_case(
    conn: &mut AnyConnection,
    case_id: &str,
) -> Result<Option<DebtorAccessRow>, PersistenceError> {
    Ok(debtor_access::table
        .filter(debtor_access::case_id.eq(case_id))
        .select(DebtorAccessRow::as_select())
        .first(conn)
        .optional()?)
}

/// The code with this id, if it is still a case's current one.
///
/// # Errors
/// Database errors only.
pub fn find(
    conn: &mut AnyConnection,
    id: &str,
) -> Result<Option<DebtorAccessRow>, PersistenceError> {
    Ok(debtor_access::table
        .find(id)
        .select(DebtorAccessRow::as_select())
        .first(conn)
        .optional()?)
}
