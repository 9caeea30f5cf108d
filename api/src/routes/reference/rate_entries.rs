//! `POST /v1/reference-rates/{series}/entries`: the agency administrator adds a rate published
//! after the release (the next Basiszinssatz, an ECB decision), so interest that was a gap for
//! lack of it is computed without waiting for a new build.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, post, web};
use chrono::NaiveDate;
use serde::Serialize;
use solvo_app::clock;
use solvo_app::rates::RateEntryRow;
use solvo_app::rates::{self, AddRateEntry};
use solvo_domain::permission::Permission;
use utoipa::ToSchema;

use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::idempotency::{self, Created};
use crate::state::AppState;

/// A rate the agency entered.
#[derive(Debug, Serialize, ToSchema)]
pub struct RateEntryView {
    /// `rte_…`
    pub id: String,
    /// The series, e.g. `de_basiszinssatz`.
    #[schema(example = "de_basiszinssatz")]
    pub series: String,
    /// First day the rate is in force.
    pub effective_date: NaiveDate,
    /// Percent per year as a decimal string.
    #[schema(example = "1.27")]
    pub rate: String,
    /// Where the rate was published.
    pub source: String,
    /// The user or API key that entered it.
    pub created_by: String,
    /// RFC 3339 time it was entered.
    pub created_at: String,
}

impl From<RateEntryRow> for RateEntryView {
    fn from(row: RateEntryRow) -> Self {
        Self {
            id: row.id,
            series: row.series,
            effective_date: row.effective_date,
            rate: row.rate,
            source: row.source,
            created_by: row.created_by,
            created_at: clock::rfc3339(row.created_at),
        }
    }
}

/// Adds a published rate to a series (agency administrators only). The entry must come after
/// everything the series already knows; a half-yearly series (Basiszinssatz, BGB s.247) takes the
/// value of the next 1 January or 1 July, none left out. Entries are never edited or deleted: a
/// wrong rate of a series decided on any day is corrected by entering the correct one on a later
/// day; a wrong half-yearly value cannot be replaced through the API. The new rate is used for
/// interest at once on this node and by the other nodes after their next scheduler pass. Honours
/// `Idempotency-Key`.
#[utoipa::path(
    tag = "reference",
    operation_id = "create_reference_rate_entry",
    params(
        ("series" = String, Path, description = "Series id, e.g. `de_basiszinssatz`", example = "de_basiszinssatz"),
        ("Idempotency-Key" = Option<String>, Header, description = "Replays the first response for the same body"),
    ),
    request_body = AddRateEntry,
    responses(
        (status = 201, description = "Stored and in use", body = RateEntryView),
        (status = 404, description = "No such series", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "The entry breaks a rule; `errors` names `effective_date`, `rate` or `source` and says what to change", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[post("/v1/reference-rates/{series}/entries")]
pub async fn create_reference_rate_entry(
    state: web::Data<AppState>,
    request: HttpRequest,
    caller: Caller,
    series: web::Path<String>,
    body: ApiJson<AddRateEntry>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Permission::ManageReferenceRates)?;
    let series = series.into_inner();
    let key = idempotency::key_from(&request, &caller)?;
    // The series is part of what the key guards: the same body for another series is another
    // request.
    let fingerprint = format!("{series}:{}", body.fingerprint());
    let command = body.into_inner();
    let live = state.rates.clone();
    let now = state.clock.now();
    let organisation_id = caller.organisation_id.clone();
    let response = idempotency::create(&state, organisation_id, key, fingerprint, move |conn| {
        let row = rates::add_entry(conn, &caller, live.embedded(), &series, &command, now)?;
        let location = format!("/v1/reference-rates?series={}", row.series);
        Created::new(
            StatusCode::CREATED.as_u16(),
            &RateEntryView::from(row),
            Some(location),
        )
    })
    .await?;
    // Committed: use it on this node now. Should the reload fail, the next scheduler pass loads it.
    if let Err(err) = state.rates.reload_from(&state.db).await {
        tracing::warn!(error = %err, "reference rates not reloaded after a new entry");
    }
    Ok(response)
}
