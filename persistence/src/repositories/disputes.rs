//! Disputes of a case's claim. A row is written once when raised and changed once, from `open`
//! to `upheld` or `rejected`.

use crate::stored_time::StoredTimestamp;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::repositories::page::{Page, PageRequest};
use crate::schema::disputes;
use solvo_domain::money::Currency;

/// A stored dispute.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = disputes, treat_none_as_default_value = false)]
pub struct DisputeRow {
    /// `dsp_…`
    pub id: String,
    /// The case.
    pub case_id: String,
    /// The creditor organisation of the case.
    pub organisation_id: String,
    /// The category, e.g. `goods_not_received`.
    pub category: String,
    /// What the debtor says.
    pub text: String,
    /// The part disputed in minor units; `None` for the whole claim.
    pub disputed_amount_minor: Option<i64>,
    /// ISO 4217, the case currency.
    pub currency: Currency,
    /// JSON array of the invoice numbers concerned (empty: every invoice).
    pub invoice_numbers: String,
    /// JSON array of the case documents the debtor relies on.
    pub document_ids: String,
    /// The user or API key that recorded it.
    pub raised_by: String,
    /// When it was recorded.
    #[diesel(deserialize_as = StoredTimestamp)]
    pub raised_at: NaiveDateTime,
    /// `open`, `upheld` or `rejected`.
    pub status: String,
    /// Why it was decided so.
    pub resolution_reasons: Option<String>,
    /// What an upheld partial dispute credited, minor units.
    pub credited_amount_minor: Option<i64>,
    /// Who decided it.
    pub resolved_by: Option<String>,
    /// When it was decided.
    pub resolved_at: Option<NaiveDateTime>,
}

/// How an open dispute was decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolution {
    /// `upheld` or `rejected`.
    pub status: String,
    /// Why.
    pub reasons: String,
    /// The credit of an upheld partial dispute, minor units.
    pub credited_amount_minor: Option<i64>,
    /// The user or API key that decided.
    pub resolved_by: String,
    /// When.
    pub resolved_at: NaiveDateTime,
}

/// Stores a new dispute.
///
/// # Errors
/// Database errors only.
pub fn insert(conn: &mut AnyConnection, row: &DisputeRow) -> Result<(), PersistenceError> {
    diesel::insert_into(disputes::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

/// The dispute with `id`, within `organisation_id` when given.
///
/// # Errors
/// [`PersistenceError::NotFound`] when there is none (or it is another tenant's).
pub fn find(
    conn: &mut AnyConnection,
    organisation_id: Option<&str>,
    id: &str,
) -> Result<DisputeRow, PersistenceError> {
    let mut query = disputes::table
        .filter(disputes::id.eq(id))
        .select(DisputeRow::as_select())
        .into_boxed();
    if let Some(organisation_id) = organisation_id {
        query = query.filter(disputes::organisation_id.eq(organisation_id));
    }
    query
        .first(conn)
        .optional()?
        .ok_or(PersistenceError::NotFound)
}

/// One page of a case's disputes in the order raised.
///
/// # Errors
/// Database errors only.
pub fn of_case(
    conn: &mut AnyConnection,
    case_id: &str,
    page: &PageRequest,
) -> Result<Page<DisputeRow>, PersistenceError> {
    let mut query = disputes::table
        .filter(disputes::case_id.eq(case_id.to_owned()))
        .into_boxed();
    if let Some(after) = &page.after {
        query = query.filter(disputes::id.gt(after.clone()));
    }
    let rows = query
        .order(disputes::id.asc())
        .limit(page.fetch())
        .select(DisputeRow::as_select())
        .load(conn)?;
    Ok(Page::from_rows(rows, page, |row| &row.id))
}

/// Records the decision on an open dispute; `false` when it was no longer open.
///
/// # Errors
/// Database errors only.
pub fn resolve(
    conn: &mut AnyConnection,
    id: &str,
    resolution: &Resolution,
) -> Result<bool, PersistenceError> {
    let updated = diesel::update(
        disputes::table
            .filter(disputes::id.eq(id))
            .filter(disputes::status.eq("open")),
    )
    .set((
        disputes::status.eq(resolution.status.clone()),
        disputes::resolution_reasons.eq(Some(resolution.reasons.clone())),
        disputes::credited_amount_minor.eq(resolution.credited_amount_minor),
        disputes::resolved_by.eq(Some(resolution.resolved_by.clone())),
        disputes::resolved_at.eq(Some(resolution.resolved_at)),
    ))
    .execute(conn)?;
    Ok(updated == 1)
}

/// Lapses the case's open disputes (the case left `disputed` without a decision: closed,
/// withdrawn, insolvent); returns their ids.
///
/// # Errors
/// Database errors only.
pub fn lapse_open(
    conn: &mut AnyConnection,
    case_id: &str,
    reasons: &str,
    at: NaiveDateTime,
) -> Result<Vec<String>, PersistenceError> {
    let open: Vec<String> = disputes::table
        .filter(disputes::case_id.eq(case_id.to_owned()))
        .filter(disputes::status.eq("open"))
        .select(disputes::id)
        .load(conn)?;
    if !open.is_empty() {
        diesel::update(
            disputes::table
                .filter(disputes::id.eq_any(open.clone()))
                .filter(disputes::status.eq("open")),
        )
        .set((
            disputes::status.eq("lapsed"),
            disputes::resolution_reasons.eq(Some(reasons.to_owned())),
            disputes::resolved_by.eq(Some("system".to_owned())),
            disputes::resolved_at.eq(Some(at)),
        ))
        .execute(conn)?;
    }
    Ok(open)
}
