//! Reading debtors: creditors see their own, agency staff every creditor's; another tenant's
//! debtor is [`AppError::NotFound`], like a missing one.

use chrono::NaiveDateTime;
use solvo_persistence::AnyConnection;
use solvo_persistence::repositories::debtors::{self, DebtorFilter, DebtorRow};
use solvo_persistence::repositories::page::{Page, PageRequest};

use crate::error::AppError;
use crate::principal::Principal;

/// The filters of the debtor list, as sent.
#[derive(Debug, Clone, Default)]
pub struct DebtorQuery {
    /// Legal name contains this text (case-insensitive); blank means no filter.
    pub name_contains: Option<String>,
    /// Changed at or after.
    pub updated_since: Option<NaiveDateTime>,
}

/// One page of the debtors the caller may see, in id order.
///
/// # Errors
/// Database errors.
pub fn list(
    conn: &mut AnyConnection,
    caller: &Principal,
    query: DebtorQuery,
    page: &PageRequest,
) -> Result<Page<DebtorRow>, AppError> {
    let filter = DebtorFilter {
        organisation_id: caller.tenant_scope().map(ToOwned::to_owned),
        name_contains: query.name_contains.filter(|text| !text.trim().is_empty()),
        updated_since: query.updated_since,
    };
    Ok(debtors::list(conn, &filter, page)?)
}

/// The debtor `id` as the caller may see it.
///
/// # Errors
/// [`AppError::NotFound`] for another tenant's or a missing debtor; database errors.
pub fn get(conn: &mut AnyConnection, caller: &Principal, id: &str) -> Result<DebtorRow, AppError> {
    Ok(debtors::find(conn, caller.tenant_scope(), id)?)
}
