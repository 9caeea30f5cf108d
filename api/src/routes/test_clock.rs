//! `GET/PUT /v1/test-clock`: the sandbox's clock. Only a server started with `--test-clock` has
//! one; every other server answers 404, as for a route that does not exist, and runs on the
//! system clock.

use std::sync::atomic::AtomicBool;

use actix_web::{HttpResponse, get, put, web};
use chrono::{DateTime, NaiveDateTime};
use serde::{Deserialize, Serialize};
use solvo_app::AppError;
use solvo_app::clock::{self, ClockError};
use solvo_domain::permission::Permission;
use utoipa::ToSchema;
use validator::Validate;

use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::state::AppState;
use crate::workers;

/// The test clock's time.
#[derive(Debug, Serialize, ToSchema)]
pub struct TestClock {
    /// RFC 3339 UTC. The clock runs on from here at the pace of real time.
    #[schema(format = DateTime, example = "2027-03-01T09:00:00.000000Z")]
    pub now: String,
}

/// Where to move the test clock.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"now": "2027-03-01T09:00:00Z"}))]
pub struct MoveTestClock {
    /// RFC 3339, with an offset or `Z`; not before the clock's current time.
    #[schema(format = DateTime, example = "2027-03-01T09:00:00Z")]
    pub now: String,
}

/// What moving the clock set off: the scheduler's jobs that fell due in the skipped time, run
/// before this answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct TestClockMoved {
    /// The clock's new time, RFC 3339 UTC.
    #[schema(format = DateTime, example = "2027-03-01T09:00:00.000000Z")]
    pub now: String,
    /// Paused cases the scheduler resumed.
    pub resumed: usize,
    /// Cases whose promises or payment plan the scheduler judged.
    pub arrangements_reviewed: usize,
    /// Prescription warnings the scheduler put on case timelines.
    pub prescription_warnings: usize,
}

/// The test clock's time (agency administrators; 404 without `--test-clock`).
#[utoipa::path(
    tag = "sandbox",
    operation_id = "get_test_clock",
    responses(
        (status = 200, description = "The clock's time", body = TestClock),
        (status = 403, description = "Not an agency administrator", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "The server runs on the system clock", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/test-clock")]
pub async fn get_test_clock(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    enabled(&state)?;
    caller.require(Permission::MoveTestClock)?;
    Ok(HttpResponse::Ok().json(TestClock {
        now: clock::rfc3339(state.clock.now()),
    }))
}

/// Moves the test clock forward (agency administrators; 404 without `--test-clock`) and runs the
/// scheduler's jobs that fell due, so promises broken, instalments missed and paused cases
/// resumed have happened when this answers. Never enable the test clock in production.
#[utoipa::path(
    tag = "sandbox",
    operation_id = "move_test_clock",
    request_body = MoveTestClock,
    responses(
        (status = 200, description = "Moved; the due jobs ran", body = TestClockMoved),
        (status = 403, description = "Not an agency administrator", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "The server runs on the system clock", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "`now` is not RFC 3339 or is before the clock's time", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[put("/v1/test-clock")]
pub async fn move_test_clock(
    state: web::Data<AppState>,
    caller: Caller,
    body: ApiJson<MoveTestClock>,
) -> Result<HttpResponse, ApiError> {
    enabled(&state)?;
    caller.require(Permission::MoveTestClock)?;
    let to = parse_time(&body.into_inner().now)?;
    let now = state.clock.advance_to(to).map_err(|err| match err {
        ClockError::NotEnabled => AppError::NotFound,
        ClockError::Backwards { .. } => AppError::invalid("now", "not_forward", err.to_string()),
    })?;
    let (rates, clock) = (state.rates.clone(), state.clock.clone());
    let pass = state
        .db
        .read(move |conn| {
            Ok(workers::run_pass(
                conn,
                &rates,
                &clock,
                &AtomicBool::new(false),
            ))
        })
        .await?;
    Ok(HttpResponse::Ok().json(TestClockMoved {
        now: clock::rfc3339(now),
        resumed: pass.resumed,
        arrangements_reviewed: pass.arrangements_reviewed,
        prescription_warnings: pass.prescription_warnings,
    }))
}

/// 404 unless the server runs on the test clock: without the flag the endpoint does not exist.
fn enabled(state: &AppState) -> Result<(), ApiError> {
    if state.clock.is_test() {
        Ok(())
    } else {
        Err(ApiError::NotFound)
    }
}

fn parse_time(raw: &str) -> Result<NaiveDateTime, AppError> {
    DateTime::parse_from_rfc3339(raw)
        .map(|at| at.naive_utc())
        .map_err(|_| {
            AppError::invalid(
                "now",
                "invalid_format",
                "must be an RFC 3339 time, e.g. 2027-03-01T09:00:00Z",
            )
        })
}
