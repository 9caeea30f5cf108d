//! The case list: which cases a caller sees (creditors their own, an agency admin every
//! creditor's, a collector the cases assigned to them: their book) and which filters are accepted. A state must be one of the machine's, a country a valid ISO
//! code; anything else is refused naming the field rather than silently matching nothing.
//!
//! [`CaseListRow`], [`Page`] and [`PageRequest`] are the stored records and the keyset paging this
//! use case hands back and takes, re-exported until typed storage replaces them.

use chrono::NaiveDateTime;
use solvo_domain::case::StateName;
use solvo_domain::country::CountryCode;
use solvo_persistence::AnyConnection;
pub use solvo_persistence::repositories::cases::CaseListRow;
use solvo_persistence::repositories::cases::{self, CaseFilter};
pub use solvo_persistence::repositories::page::{Page, PageRequest};

use crate::error::AppError;
use crate::principal::{CaseBook, Principal};

/// The filters a caller asks the case list for, as sent.
#[derive(Debug, Clone, Default)]
pub struct CaseQuery {
    /// Only cases in this state (a state machine name).
    pub state: Option<String>,
    /// Only cases whose debtor is in this country (ISO 3166-1 alpha-2, any case).
    pub country: Option<String>,
    /// Placed at or after.
    pub created_from: Option<NaiveDateTime>,
    /// Placed before.
    pub created_to: Option<NaiveDateTime>,
    /// Changed at or after.
    pub updated_since: Option<NaiveDateTime>,
    /// The creditor's reference, exactly.
    pub creditor_reference: Option<String>,
    /// Debtor name contains (case-insensitive); blank means no filter.
    pub debtor_name: Option<String>,
    /// Only cases assigned to this collector (a user id).
    pub collector_id: Option<String>,
}

impl CaseQuery {
    /// Whether the page may read an index range whose length the caller chooses: a debtor-name
    /// search or a date range, tens of milliseconds at a million cases where the other filters
    /// read 50 rows in order. Such a read belongs on the database threads, not on a server worker.
    #[must_use]
    pub fn reads_a_range(&self) -> bool {
        name_filter(self.debtor_name.as_deref()).is_some()
            || self.created_from.is_some()
            || self.created_to.is_some()
            || self.updated_since.is_some()
    }
}

/// A debtor-name filter as it is applied: blank means none.
fn name_filter(text: Option<&str>) -> Option<&str> {
    text.filter(|text| !text.trim().is_empty())
}

/// One page of the cases the caller may see, oldest placement first.
///
/// # Errors
/// [`AppError::Validation`] for an unknown state or an invalid country; database errors.
pub fn list(
    conn: &mut AnyConnection,
    caller: &Principal,
    query: CaseQuery,
    page: &PageRequest,
) -> Result<Page<CaseListRow>, AppError> {
    let mut filter = filter_of(caller, query)?;
    match caller.case_book() {
        CaseBook::Every => {}
        CaseBook::AssignedTo(me) => match &filter.collector_id {
            Some(asked) if asked != me => return Ok(Page::empty()),
            _ => filter.collector_id = Some(me.to_owned()),
        },
        CaseBook::Empty => return Ok(Page::empty()),
    }
    Ok(cases::list(conn, &filter, page)?)
}

/// The storage filter of a checked query, scoped to the caller's tenant.
fn filter_of(caller: &Principal, query: CaseQuery) -> Result<CaseFilter, AppError> {
    if let Some(name) = &query.state
        && !StateName::ALL.iter().any(|state| state.as_str() == name)
    {
        return Err(AppError::invalid(
            "state",
            "unknown_state",
            format!("`{name}` is not a case state; see GET /v1/case-states."),
        ));
    }
    let country = match query.country.as_deref().map(CountryCode::parse) {
        Some(Ok(code)) => Some(code.to_string()),
        Some(Err(err)) => {
            return Err(AppError::invalid(
                "country",
                "invalid_country",
                err.to_string(),
            ));
        }
        None => None,
    };
    Ok(CaseFilter {
        organisation_id: caller.tenant_scope().map(ToOwned::to_owned),
        state: query.state,
        country,
        created_from: query.created_from,
        created_to: query.created_to,
        updated_since: query.updated_since,
        creditor_reference: query.creditor_reference,
        debtor_name: name_filter(query.debtor_name.as_deref()).map(str::to_owned),
        collector_id: query.collector_id,
    })
}

#[cfg(test)]
mod tests {
    use super::CaseQuery;

    #[test]
    fn a_name_search_or_a_date_range_reads_a_range_and_the_other_filters_do_not() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 1)
            .unwrap()
            .and_hms_opt(0, 0, 0)
            .unwrap();
        let narrow = CaseQuery {
            state: Some("amicable".into()),
            country: Some("DE".into()),
            collector_id: Some("usr_1".into()),
            debtor_name: Some("  ".into()),
            ..CaseQuery::default()
        };
        assert!(!narrow.reads_a_range());
        for query in [
            CaseQuery {
                debtor_name: Some("gmbh".into()),
                ..narrow.clone()
            },
            CaseQuery {
                created_from: Some(day),
                ..narrow.clone()
            },
            CaseQuery {
                created_to: Some(day),
                ..narrow.clone()
            },
            CaseQuery {
                updated_since: Some(day),
                ..narrow.clone()
            },
        ] {
            assert!(query.reads_a_range(), "{query:?}");
        }
    }
}
