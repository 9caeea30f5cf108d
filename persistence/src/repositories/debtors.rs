//! Debtors: the businesses a creditor's cases are against, one row per creditor and business.

use crate::stored_time::StoredTimestamp;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::repositories::page::{Page, PageRequest};
use crate::schema::debtors;

/// A debtor row. `contacts` is a JSON array kept whole.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = debtors, treat_none_as_null = true, treat_none_as_default_value = false)]
pub struct DebtorRow {
    /// `dbt_…`
    pub id: String,
    /// The creditor organisation.
    pub organisation_id: String,
    /// Registered legal name.
    pub legal_name: String,
    /// Company register number.
    pub registration_number: Option<String>,
    /// Normalised VAT id (with its country prefix).
    pub vat_id: Option<String>,
    /// ISO 3166-1 alpha-2 country of establishment.
    pub country: String,
    /// Street line.
    pub address_line1: Option<String>,
    /// Second street line.
    pub address_line2: Option<String>,
    /// Postal code.
    pub postal_code: Option<String>,
    /// City.
    pub city: Option<String>,
    /// Region or state.
    pub region: Option<String>,
    /// Country of the address.
    pub address_country: Option<String>,
    /// JSON array of contacts.
    pub contacts: String,
    /// ISO 639-1 language for correspondence.
    pub preferred_language: Option<String>,
    /// Optimistic-concurrency version.
    pub version: i64,
    /// Creation time.
    #[diesel(deserialize_as = StoredTimestamp)]
    pub created_at: NaiveDateTime,
    /// Last change.
    #[diesel(deserialize_as = StoredTimestamp)]
    pub updated_at: NaiveDateTime,
}

/// Filters of [`list`].
#[derive(Debug, Clone, Default)]
pub struct DebtorFilter {
    /// Only debtors of this creditor (`None`: every creditor, for agency staff).
    pub organisation_id: Option<String>,
    /// Name contains this text (case-insensitive).
    pub name_contains: Option<String>,
    /// Changed at or after.
    pub updated_since: Option<NaiveDateTime>,
}

/// Inserts a debtor.
///
/// # Errors
/// [`PersistenceError::Conflict`] when the VAT id or registration number is taken.
pub fn insert(conn: &mut AnyConnection, row: &DebtorRow) -> Result<(), PersistenceError> {
    diesel::insert_into(debtors::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

/// Reads a debtor; `organisation_id` scopes it (`None` for agency staff).
///
/// # Errors
/// [`PersistenceError::NotFound`].
pub fn find(
    conn: &mut AnyConnection,
    organisation_id: Option<&str>,
    id: &str,
) -> Result<DebtorRow, PersistenceError> {
    let mut query = debtors::table
        .filter(debtors::id.eq(id))
        .select(DebtorRow::as_select())
        .into_boxed();
    if let Some(organisation_id) = organisation_id {
        query = query.filter(debtors::organisation_id.eq(organisation_id.to_owned()));
    }
    Ok(query.first(conn)?)
}

/// The creditor's debtor with this VAT id or (country, registration number), if any.
///
/// # Errors
/// Database errors only.
pub fn find_existing(
    conn: &mut AnyConnection,
    organisation_id: &str,
    vat_id: Option<&str>,
    country: &str,
    registration_number: Option<&str>,
) -> Result<Option<DebtorRow>, PersistenceError> {
    if let Some(vat_id) = vat_id {
        let found = debtors::table
            .filter(debtors::organisation_id.eq(organisation_id))
            .filter(debtors::vat_id.eq(vat_id))
            .select(DebtorRow::as_select())
            .first(conn)
            .optional()?;
        if found.is_some() {
            return Ok(found);
        }
    }
    let Some(registration_number) = registration_number else {
        return Ok(None);
    };
    Ok(debtors::table
        .filter(debtors::organisation_id.eq(organisation_id))
        .filter(debtors::country.eq(country))
        .filter(debtors::registration_number.eq(registration_number))
        .select(DebtorRow::as_select())
        .first(conn)
        .optional()?)
}

/// The creditor's debtors whose VAT id or registration number is among the given ones (callers
/// compare countries themselves), for bulk placement.
///
/// # Errors
/// Database errors only.
pub fn find_many(
    conn: &mut AnyConnection,
    organisation_id: &str,
    vat_ids: &[String],
    registration_numbers: &[String],
    ids: &[String],
) -> Result<Vec<DebtorRow>, PersistenceError> {
    let mut found = Vec::new();
    for chunk in vat_ids.chunks(500) {
        found.extend(
            debtors::table
                .filter(debtors::organisation_id.eq(organisation_id))
                .filter(debtors::vat_id.eq_any(chunk))
                .select(DebtorRow::as_select())
                .load(conn)?,
        );
    }
    for chunk in registration_numbers.chunks(500) {
        found.extend(
            debtors::table
                .filter(debtors::organisation_id.eq(organisation_id))
                .filter(debtors::registration_number.eq_any(chunk))
                .select(DebtorRow::as_select())
                .load(conn)?,
        );
    }
    for chunk in ids.chunks(500) {
        found.extend(
            debtors::table
                .filter(debtors::organisation_id.eq(organisation_id))
                .filter(debtors::id.eq_any(chunk))
                .select(DebtorRow::as_select())
                .load(conn)?,
        );
    }
    found.sort_by(|a, b| a.id.cmp(&b.id));
    found.dedup_by(|a, b| a.id == b.id);
    Ok(found)
}

/// Inserts many debtors.
///
/// # Errors
/// [`PersistenceError::Conflict`] when one exists already.
pub fn insert_all(conn: &mut AnyConnection, rows: &[DebtorRow]) -> Result<(), PersistenceError> {
    for chunk in rows.chunks(500) {
        crate::dialect::insert_batch!(conn, debtors::table, chunk)?;
    }
    Ok(())
}

/// Lists debtors in id order.
///
/// # Errors
/// Database errors only.
pub fn list(
    conn: &mut AnyConnection,
    filter: &DebtorFilter,
    page: &PageRequest,
) -> Result<Page<DebtorRow>, PersistenceError> {
    let mut query = debtors::table.select(DebtorRow::as_select()).into_boxed();
    if let Some(organisation_id) = &filter.organisation_id {
        query = query.filter(debtors::organisation_id.eq(organisation_id.clone()));
    }
    if let Some(text) = &filter.name_contains {
        query = query.filter(
            lower(debtors::legal_name)
                .like(format!("%{}%", escape_like(&text.to_lowercase())))
                .escape('\\'),
        );
    }
    if let Some(since) = filter.updated_since {
        query = query.filter(debtors::updated_at.ge(since));
    }
    if let Some(after) = &page.after {
        query = query.filter(debtors::id.gt(after.clone()));
    }
    let rows = query
        .order(debtors::id.asc())
        .limit(page.fetch())
        .load(conn)?;
    Ok(Page::from_rows(rows, page, |row| &row.id))
}

/// Replaces a debtor's fields when the version matches (or always when `None`), bumping it.
///
/// # Errors
/// [`PersistenceError::Conflict`] with `version` when stale, or on a unique index.
pub fn update(
    conn: &mut AnyConnection,
    row: &DebtorRow,
    expected_version: i64,
) -> Result<(), PersistenceError> {
    let updated = diesel::update(
        debtors::table
            .filter(debtors::id.eq(&row.id))
            .filter(debtors::version.eq(expected_version)),
    )
    .set(row)
    .execute(conn)?;
    if updated == 0 {
        return Err(PersistenceError::Conflict("version".into()));
    }
    Ok(())
}

diesel::define_sql_function! {
    /// SQL `lower(text)`, the same on both backends.
    fn lower(x: diesel::sql_types::Text) -> diesel::sql_types::Text;
}

/// Escapes `%`, `_` and `\` so user text matches literally inside `LIKE '%…%' ESCAPE '\'`.
#[must_use]
pub(crate) fn escape_like(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        if matches!(ch, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}
