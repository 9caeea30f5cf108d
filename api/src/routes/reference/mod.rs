//! Reference data, the same for every tenant: jurisdictions with their rules
//! (`/v1/jurisdictions`), the reference-rate histories (`/v1/reference-rates`) and the case state
//! machine (`/v1/case-states`). Any authenticated caller may read them; only the agency
//! administrator may add a published rate (`POST /v1/reference-rates/{series}/entries`).
//!
//! Everything here is computed from the domain crate's compiled-in data and, for rates, the live
//! tables every computation reads, so the answers cannot drift from what interest, quotes and
//! cases use. Lists follow the usual `limit`/`cursor`
//! convention (the cursor is the last code or series id of the page), though they are short.

mod case_states;
mod jurisdictions;
mod rate_entries;
mod rates;
pub mod summary;

use serde::Deserialize;
use solvo_app::AppError;
use solvo_app::paging::{Page, PageRequest};
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::routes::pagination::ListParams;

pub use case_states::get_case_states;
pub use jurisdictions::{get_jurisdiction, list_jurisdictions};
pub use rate_entries::create_reference_rate_entry;
pub use rates::list_reference_rates;

/// Registers this module's routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_jurisdictions)
        .service(get_jurisdiction)
        .service(list_reference_rates)
        .service(create_reference_rate_entry)
        .service(get_case_states);
}

/// Paging of the reference lists: `updated_since` is left out because the data changes only with
/// a new release or an added rate.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReferenceListParams {
    /// Page size, 1 to 500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// One page of an in-memory list, keyed like the database lists: items after the cursor, in key
/// order, one more fetched than shown to know whether a next page exists.
fn page_of<T>(
    mut items: Vec<T>,
    params: &ReferenceListParams,
    key: impl Fn(&T) -> String,
) -> Result<Page<T>, AppError> {
    // The same limit check as every other list, so an out-of-range limit is the same 422.
    let request: PageRequest = ListParams {
        limit: params.limit,
        cursor: params.cursor.clone(),
        updated_since: None,
    }
    .page()?;
    items.sort_by_key(|item| key(item));
    let keyed: Vec<(String, T)> = items
        .into_iter()
        .map(|item| (key(&item), item))
        .filter(|(key, _)| request.after.as_ref().is_none_or(|after| key > after))
        .take(usize::try_from(request.fetch()).unwrap_or(usize::MAX))
        .collect();
    let page = Page::from_rows(keyed, &request, |(key, _)| key);
    Ok(Page {
        items: page.items.into_iter().map(|(_, item)| item).collect(),
        next_cursor: page.next_cursor,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(limit: Option<i64>, cursor: Option<&str>) -> ReferenceListParams {
        ReferenceListParams {
            limit,
            cursor: cursor.map(ToOwned::to_owned),
        }
    }

    #[test]
    fn an_in_memory_list_pages_by_key_like_the_database_lists() {
        let items = vec!["c", "a", "d", "b"];

        let first = page_of(items.clone(), &params(Some(2), None), |s| (*s).to_owned());
        let rest = page_of(items, &params(Some(2), Some("b")), |s| (*s).to_owned());

        assert!(
            first.as_ref().is_ok_and(
                |page| page.items == ["a", "b"] && page.next_cursor.as_deref() == Some("b")
            )
        );
        assert!(rest.is_ok_and(|page| page.items == ["c", "d"] && page.next_cursor.is_none()));
    }

    #[test]
    fn a_limit_out_of_range_is_refused() {
        assert!(page_of(vec!["a"], &params(Some(0), None), |s| (*s).to_owned()).is_err());
    }
}
