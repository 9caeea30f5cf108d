//! The details a fee invoice names an organisation by: legal name, address, VAT number, and for
//! the agency its VAT rate. One row per organisation, replaced as a whole.

use crate::stored_time::StoredTimestamp;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::schema::billing_details;

/// Stored billing details.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = billing_details, treat_none_as_default_value = false)]
pub struct BillingRow {
    /// The organisation.
    pub organisation_id: String,
    /// Its legal name as invoices show it.
    pub legal_name: String,
    /// Address lines separated by line feeds.
    pub address: String,
    /// Its VAT identification number.
    pub vat_id: Option<String>,
    /// The agency's VAT rate in basis points.
    pub vat_rate_bp: Option<i32>,
    /// The user or API key that set them.
    pub updated_by: String,
    /// When.
    #[diesel(deserialize_as = StoredTimestamp)]
    pub updated_at: NaiveDateTime,
}

/// The details of `organisation_id`, if set.
///
/// # Errors
/// Database errors only.
pub fn find(
    conn: &mut AnyConnection,
    organisation_id: &str,
) -> Result<Option<BillingRow>, PersistenceError> {
    Ok(billing_details::table
        .find(organisation_id.to_owned())
        .select(BillingRow::as_select())
        .first(conn)
        .optional()?)
}

/// Sets the details of `row.organisation_id`, replacing any.
///
/// # Errors
/// Database errors only.
pub fn put(conn: &mut AnyConnection, row: &BillingRow) -> Result<(), PersistenceError> {
    let updated = diesel::update(billing_details::table.find(row.organisation_id.clone()))
        .set((
            billing_details::legal_name.eq(row.legal_name.clone()),
            billing_details::address.eq(row.address.clone()),
            billing_details::vat_id.eq(row.vat_id.clone()),
            billing_details::vat_rate_bp.eq(row.vat_rate_bp),
            billing_details::updated_by.eq(row.updated_by.clone()),
            billing_details::updated_at.eq(row.updated_at),
        ))
        .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(billing_details::table)
            .values(row)
            .execute(conn)?;
    }
    Ok(())
}
