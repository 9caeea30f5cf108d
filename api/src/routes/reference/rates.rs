//! `/v1/reference-rates`: the published rate histories shipped with Solvo plus the rates the
//! agency entered since, which statutory interest is computed from.

use actix_web::{HttpResponse, get, web};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use solvo_app::AppError;
use solvo_app::clock;
use solvo_app::rates::RatesSnapshot;
use solvo_domain::interest::RateFormula;
use solvo_domain::jurisdiction;
use solvo_domain::rates::{RateSeries, RateTable};
use utoipa::{IntoParams, ToSchema};

use super::{ReferenceListParams, page_of};
use crate::auth::Caller;
use crate::error::ApiError;
use crate::state::AppState;

/// One published rate, in force from `effective_from` until the next entry.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReferenceRateEntry {
    /// First day the rate is in force.
    pub effective_from: NaiveDate,
    /// Percent per year, as a decimal string (`"2.27"` is 2.27 %).
    #[schema(example = "2.27")]
    pub rate_percent: String,
    /// Where the figure comes from: for shipped rates with its confidence prefix
    /// (`verified-from-source …`, `derived-from-verified: …`), for added ones as the agency
    /// entered it.
    pub source: String,
    /// True when the agency entered this rate after the release
    /// (`POST /v1/reference-rates/{series}/entries`); false when it shipped with Solvo.
    pub added_by_agency: bool,
    /// RFC 3339 time the agency entered it; absent for shipped rates.
    #[schema(format = DateTime)]
    pub added_at: Option<String>,
}

/// A reference-rate history.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReferenceRateSeries {
    /// Stable identifier, as interest rules name it.
    #[schema(example = "de_basiszinssatz")]
    pub series: String,
    /// Human-readable name.
    pub name: String,
    /// The last day for which a source confirms the rate in force.
    pub confirmed_through: NaiveDate,
    /// The last day the history answers at all. Between `confirmed_through` and this day the last
    /// published rate is carried forward and interest lines are marked `provisional`; after it,
    /// interest that needs this series is not available.
    pub carried_forward_through: NaiveDate,
    /// The jurisdictions whose statutory interest is built on this series.
    pub used_by: Vec<String>,
    /// The entries, oldest first.
    pub entries: Vec<ReferenceRateEntry>,
}

/// A page of reference-rate series, ordered by identifier.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReferenceRateList {
    /// This page.
    pub data: Vec<ReferenceRateSeries>,
    /// Cursor of the next page; absent on the last.
    pub next_cursor: Option<String>,
}

/// Filters of the reference-rate list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RateFilter {
    /// Only this series, e.g. `ecb_main_refinancing`, `de_basiszinssatz`, `boe_bank_rate`,
    /// `nl_wettelijke_handelsrente`. A known series whose history is not
    /// shipped and was not added (e.g. `fi_reference_rate`) gives an empty list; an unknown name is
    /// a 422.
    #[param(value_type = Option<solvo_app::wire_names::RateSeriesId>, example = "de_basiszinssatz")]
    pub series: Option<String>,
}

fn used_by(series: RateSeries) -> Vec<String> {
    jurisdiction::all()
        .iter()
        .filter(|record| {
            record.interest.iter().any(|rule| {
                matches!(rule.rate, RateFormula::Reference { series: used, .. } if used == series)
            })
        })
        .map(|record| record.code.to_string())
        .collect()
}

impl ReferenceRateSeries {
    fn new(table: &RateTable, snapshot: &RatesSnapshot) -> Self {
        let series = table.series();
        Self {
            series: series.id().to_owned(),
            name: series.name().to_owned(),
            confirmed_through: table.confirmed_through(),
            carried_forward_through: table.carried_forward_through(),
            used_by: used_by(series),
            entries: table
                .entries()
                .iter()
                .map(|entry| {
                    let added = snapshot.added(series, entry.effective_from);
                    ReferenceRateEntry {
                        effective_from: entry.effective_from,
                        rate_percent: entry.rate_percent.to_string(),
                        source: entry.source.clone(),
                        added_by_agency: added.is_some(),
                        added_at: added.map(|added| clock::rfc3339(added.created_at)),
                    }
                })
                .collect(),
        }
    }
}

/// Lists the reference-rate histories with their effective dates, rates and sources: the ones
/// shipped with Solvo and the rates the agency added since (`added_by_agency`).
#[utoipa::path(
    tag = "reference",
    operation_id = "list_reference_rates",
    params(ReferenceListParams, RateFilter),
    responses((status = 200, description = "A page of rate histories", body = ReferenceRateList)),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/reference-rates")]
pub async fn list_reference_rates(
    state: web::Data<AppState>,
    _caller: Caller,
    params: web::Query<ReferenceListParams>,
    filter: web::Query<RateFilter>,
) -> Result<HttpResponse, ApiError> {
    let wanted = match filter.into_inner().series {
        Some(raw) => Some(RateSeries::from_id(raw.trim()).ok_or_else(|| {
            let known: Vec<&str> = RateSeries::ALL.iter().map(|s| s.id()).collect();
            AppError::invalid(
                "series",
                "unknown_series",
                format!("Unknown series; known series are {}.", known.join(", ")),
            )
        })?),
        None => None,
    };
    let snapshot = state.rates.snapshot();
    let tables: Vec<&RateTable> = snapshot
        .tables()
        .iter()
        .filter(|table| wanted.is_none_or(|series| table.series() == series))
        .collect();
    let page = page_of(tables, &params, |table| table.series().id().to_owned())?;
    Ok(HttpResponse::Ok().json(ReferenceRateList {
        data: page
            .items
            .into_iter()
            .map(|table| ReferenceRateSeries::new(table, &snapshot))
            .collect(),
        next_cursor: page.next_cursor,
    }))
}
